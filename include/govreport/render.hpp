#pragma once
/// \file
/// Output formats: pure functions from a report to the published document.

#include <span>
#include <string>
#include <string_view>

#include "govreport/report.hpp"

namespace govreport {

/// Describes one output format.
struct Format {
  std::string_view name;       ///< as given to -f
  std::string_view extension;  ///< file extension, with the dot
  std::string_view description;
  std::string (*render)(const Report&);
  bool binary = false;  ///< bytes of an archive (docx, xlsx), not text
};

/// Returns every output format.
std::span<const Format> formats();
/// Returns the format named `name`, or nullptr.
const Format* format_by_name(std::string_view name);
/// Returns the format whose extension ends `path`, or nullptr.
const Format* format_for_path(std::string_view path);

/// Renders the report as plain text with aligned tables.
std::string render_text(const Report& report);
/// Renders the report as GitHub-flavoured Markdown.
std::string render_markdown(const Report& report);
/// Renders the canonical JSON data, totals filled in.
std::string render_json(const Report& report);

/// Options of the HTML page.
struct HtmlOptions {
  bool charts = false;  ///< add an SVG bar chart of the 办理结果 breakdown after table 三
};
/// Renders one self-contained HTML5 page: official merged-cell tables, A4 print stylesheet.
std::string render_html(const Report& report);
/// Renders the HTML page with `options`.
std::string render_html(const Report& report, const HtmlOptions& options);
/// Renders a Word document: the bytes of the .docx (OOXML zip) archive, tables merged as printed.
std::string render_docx(const Report& report);
/// Renders the workbook that clerks fill in: the bytes of the .xlsx archive, the tables laid out as
/// printed with live totals, input cells unlocked and validated, a metadata and a narrative sheet.
/// Throws std::runtime_error when a value does not fit a workbook cell (32767 characters).
std::string render_xlsx(const Report& report);
/// Writes the report as a data file: the canonical JSON, with a title only where one is set.
std::string write_data_file(const Report& report);

}  // namespace govreport
