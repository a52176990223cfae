#pragma once
/// \file
/// Importing a published report (PDF, HTML, text, Word) or a workbook back into a Report, never
/// guessing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"

namespace govreport {

/// Names the kind of a published source.
/// `Doc` (Word 97–2003) is not read itself: the command line converts it to `Docx` first, where
/// LibreOffice is installed; import_report says how to convert it. `Xls` (Excel 97–2003) is read
/// with freexl.
enum class SourceKind { Pdf, Html, Text, Docx, Doc, Xlsx, Xls };

/// Returns the kind named `name` ("pdf", "html", "text", "docx", "doc", "xlsx", "xls"), or
/// nullopt.
std::optional<SourceKind> source_kind_by_name(std::string_view name);
/// Returns the kind that the extension of `path` names (.pdf .html .htm .txt .md .docx .doc .xlsx
/// .xls), or nullopt.
std::optional<SourceKind> source_kind_for_path(std::string_view path);
/// Tells the kind of `bytes` from their content: "%PDF-"; a zip archive holding word/document.xml
/// (docx) or xl/workbook.xml (xlsx); an OLE2 compound file holding a WordDocument stream (doc) or
/// a Workbook or Book stream (xls); an HTML tag; else text.
SourceKind sniff_source_kind(std::string_view bytes);
/// Returns the name of a kind ("pdf", "html", "text", "docx", "doc", "xlsx", "xls").
std::string_view source_kind_name(SourceKind kind);

/// Facts the caller knows better than the source; each overrides what the title says.
struct ImportOptions {
  int year = 0;        ///< 0: read it from the title
  std::string agency;  ///< empty: read it from the title
  /// nullopt: from the agency's name (government_name_ending)
  std::optional<AgencyKind> agency_kind;
};

/// Says where the cells of one section's tables were read, in a source that names places (a Word
/// document).
struct CellsRead {
  std::string tables;  ///< "表三"
  int cells = 0;       ///< how many of its cells were read
  std::string first;   ///< the place of the first one ("表三 第 4 行「…」·自然人")
  std::string last;    ///< the place of the last one
};

/// Counts what an import found and what it did not, for the closing summary.
struct ImportSummary {
  std::string source;   ///< what was read: "PDF, 5 pages", "HTML (GB18030)", "text"
  std::string edition;  ///< "2019", "2021", or empty when none could be chosen
  /// Why the edition is not the year's: which tables print which labels of it alone; empty when
  /// the edition is the year's
  Message edition_by;
  int year = 0;
  std::string agency;
  AgencyKind agency_kind = AgencyKind::Department;
  /// Why: the ending of the name that makes it a government ("人民政府"), "--kind" when given,
  /// "file" when the source states it (a workbook's metadata sheet), or "" (a department: no
  /// such ending)
  std::string agency_kind_by;
  int sections_found = 0;
  std::vector<std::string> sections_missing;  ///< headings, e.g. "五、存在的主要问题及改进情况"
  int tables_found = 0;
  int tables_total = 0;
  std::vector<std::string> tables_missing;  ///< e.g. "二·第二十条第（九）项"
  int rows_found = 0;
  int rows_total = 0;
  int cells_number = 0;
  int cells_blank = 0;
  int cells_not_applicable = 0;
  std::vector<CellsRead> read_from;  ///< where the cells were read, by section; empty for PDF …
  std::size_t errors = 0;
  std::size_t warnings = 0;

  /// Counts the cells of `report` that hold a number, are blank, or are not applicable.
  void count_cells(const Report& report);
};

/// Holds what an import produced: the report (when a year and edition were known), every
/// finding, and the summary.
struct ImportResult {
  std::optional<Report> report;
  std::vector<Diagnostic> findings;
  /// A blank-cell finding for each cell that the source prints blank: the import keeps it blank
  /// (null), and checking the source reports it, as checking the data file would.
  std::vector<Diagnostic> blank_cells;
  /// A format-mismatch when the tables are printed in another edition than the year's: the
  /// import reads them as printed and writes that "format", and checking the source reports it,
  /// as loading the data file would.
  std::vector<Diagnostic> report_findings;
  ImportSummary summary;
  /// Says whether the source could not be read at all (not a PDF, encrypted, no text).
  bool unreadable = false;
};

/// Reads the published report in `bytes` of kind `kind`, named `file` in findings.
/// A cell that cannot be read stays blank; a table or row that cannot be found is a finding
/// that says where it was looked for. A Word document's cells and paragraphs are recorded in the
/// report's SourceMap with their places ("表三 第 9 行「…」·自然人"), so that checking it names
/// them. A workbook that govreport wrote is read by its labels, every value with its cell
/// ("表三!D12") as its place; any other is read as table grids, also with the cells as places.
/// Never throws for bad input.
ImportResult import_report(std::string_view bytes, SourceKind kind, std::string_view file,
                           const ImportOptions& options = {});

/// Formats the summary as a few lines ending in a newline, each starting with `name`.
std::string format_summary(const ImportSummary& summary, std::string_view name, Lang lang);

}  // namespace govreport
