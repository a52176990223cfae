#pragma once
// Recognising a report in the lines of a source: title, sections, paragraphs and tables.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/edition.hpp"
#include "govreport/import.hpp"
#include "govreport/report.hpp"
#include "import/document.hpp"

namespace govreport::importer {

/// A range of lines of a document, [begin, end).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin >= end; }
};

/// Adds a finding of rule `rule` about `pointer` at `where` in the source; a PDF page without
/// lines is named in the message.
void add_finding(Findings& findings, std::string_view rule, const Where& where, std::string pointer,
                 std::string zh, std::string en);

/// Describes where the lines of `span` are: "第 12–40 行" / "lines 12–40", "第 3 页" / "page 3".
Message describe(const Document& doc, Span span);

/// Holds the title as printed and what it says.
struct Title {
  std::string text;
  int year = 0;
  std::string agency;
  Span lines;
};
/// Finds the title in the first lines of `doc` (before `limit`): "{agency}{year}年…报告",
/// possibly over two lines.
std::optional<Title> find_title(const Document& doc, std::size_t limit);
/// Finds the year of the statistics in the preamble ("统计期限自2023年1月1日"), or 0.
int find_statistics_year(const Document& doc, Span span);

/// Says which section heading a line is, and whether its wording is the official one.
struct HeadingMatch {
  int section = -1;  ///< index into Edition::sections, -1 for none
  bool exact = false;
};
/// Matches `text` against the headings of sections `first`… of `edition`.
HeadingMatch match_heading(std::string_view text, const Edition& edition, int first = 0);

/// Holds where each section is.
struct Sections {
  std::vector<std::optional<std::size_t>> heading;  ///< line of each heading, if found
  std::vector<Span> body;                           ///< the lines after it, until the next heading
  std::size_t first_heading = 0;                    ///< line of the first heading found (or end)
};
/// Finds the six section headings in `span`, in order; a heading out of order is not one.
Sections find_sections(const Document& doc, Span span, const Edition& edition, Findings& findings);

/// Holds one paragraph of narrative and where it starts.
struct Paragraph {
  std::string text;
  Where where;
};
/// Joins the lines of `span` into paragraphs, following the document's flow.
std::vector<Paragraph> paragraphs(const Document& doc, Span span);
/// Holds the 落款 closing a report, as printed: the agency and the date ("2025年1月20日").
struct Closing {
  std::string agency;
  std::string date;  ///< when the report was written; not its publication date
};
/// Fills the narrative of `report`: preamble, overview with its subsections, problems, other
/// matters; returns the 落款 after them, which is no paragraph.
Closing read_narrative(const Document& doc, const Sections& sections, Span preamble,
                       Report& report);

/// Counts what reading the tables found.
struct TableCounts {
  int tables_found = 0;
  int tables_total = 0;
  std::vector<std::string> tables_missing;
  int rows_found = 0;
  int rows_total = 0;
};
/// Holds the labels printed in a report's tables that one edition alone declares: row labels,
/// column heads and captions, each once, in the order found.
struct EditionEvidence {
  struct Label {
    const Edition* edition = nullptr;
    std::string text;          ///< as the edition declares it: "其他对外管理服务事项"
    std::string_view section;  ///< the section of its table: "二"
    Where where;               ///< where it is first printed
  };
  std::vector<Label> labels;
};
/// Adds to `evidence` what the tables of `sections` print in `span` that one edition alone
/// declares; rows are matched as the tables of `edition` are read.
void gather_edition_evidence(const Document& doc, Span span,
                             const std::vector<std::string_view>& sections, const Edition& edition,
                             EditionEvidence& evidence);
/// Adds to `evidence` the row labels, column heads and captions that one edition alone declares
/// and that `cell` finds printed as a whole cell (a workbook's), giving where.
void gather_cell_evidence(const std::function<std::optional<Where>(std::string_view)>& cell,
                          EditionEvidence& evidence);
/// Holds the edition a report's tables are printed in, when it is not the edition of its year.
struct PrintedEdition {
  const Edition* edition = nullptr;
  std::vector<std::string_view> sections;  ///< the sections whose tables say so: "二", "三"
  Where where;                             ///< the first label that says so
  Message summary;                         ///< which edition is read and why, for the summary
  Message finding;                         ///< the format-mismatch of checking the source
};
/// Returns the other edition when `evidence` clearly shows the tables printed in it: at least
/// three labels of it alone and none of `year_edition` alone. Otherwise (mixed evidence too)
/// the tables are read as `year_edition`, row by row.
std::optional<PrintedEdition> other_printed_edition(const EditionEvidence& evidence,
                                                    const Edition& year_edition, int year);

/// Reads the tables of the sections `sections` (numerals) from `span` into `report`.
/// `where_zh`/`where_en` name the place searched, for findings about what is missing.
void read_tables(const Document& doc, Span span, const std::vector<std::string_view>& sections,
                 const Message& place, Report& report, Findings& findings, TableCounts& counts);

}  // namespace govreport::importer
