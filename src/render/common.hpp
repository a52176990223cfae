#pragma once
// Pieces shared by the renderers.

#include <string>
#include <string_view>
#include <vector>

#include "govreport/report.hpp"

namespace govreport::detail {

/// Returns the number of terminal columns `text` takes (a Chinese character takes two).
std::size_t display_width(std::string_view text);

/// Returns the Chinese numeral of n (1 ≤ n ≤ 99): 一, 十二, 二十三.
std::string chinese_numeral(int n);

/// Returns the run-in opening of subsection `index` (0-based): "（一）主动公开政府信息方面。".
std::string subsection_lead(const Subsection& subsection, std::size_t index);

/// Returns the paragraphs printed under the section numbered `numeral` (before the sections for
/// an empty numeral) as plain text: its narrative's paragraphs, then each subsection with its
/// run-in lead; none for a section of tables only.
std::vector<std::string> section_paragraphs(const Report& report, std::string_view numeral);

/// Returns the label printed for a row: numbering and label, with its shared heading if any.
std::string row_label(const Row& row);

/// Returns the printed form of a table cell of `report` (a 2019 amount carries its unit).
std::string cell_text(const Report& report, const Table& table, int row, int column);

/// Escapes text for HTML and XML (& < > " ') after making it publishable(), which drops what XML
/// 1.0 cannot hold (C0 controls other than tab and line ends, U+FFFE, U+FFFF) and replaces bytes
/// that are not UTF-8.
std::string markup_escape(std::string_view text);

/// Returns the canonical JSON of the report; `with_title` writes the default title when none is
/// set.
std::string write_report_json(const Report& report, bool with_title);

}  // namespace govreport::detail
