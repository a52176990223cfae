#pragma once
// Reading the statistical tables, in stages, each in a file of its own:
//   tables_split.cpp          the lines into printed rows: label text, then the values after it
//   tables_match.cpp          each printed row recognised as a row of the report's edition
//   tables_other_edition.cpp  rows printed as the other edition prints them, reconciled
//   tables_edition.cpp        which edition a whole report's tables are printed in
//   tables_columns.cpp        the values of each row put under their columns, read into cells
//   tables_missing.cpp        the tables and rows not found, reported with where they were sought
// tables.cpp runs the stages and holds what they share.

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "import/normalize.hpp"
#include "import/recognise.hpp"
#include "import/rows.hpp"

namespace govreport::importer {

/// Holds one value as printed, with its place on the line when the source gives positions.
struct Value {
  std::string text;
  double x0 = 0;
  double x1 = 0;
  bool positioned = false;
  std::string place;      ///< where it was read in a source without lines (a Word or workbook cell)
  std::size_t order = 0;  ///< and the document order of that place
  double centre() const { return (x0 + x1) / 2; }
  bool blank() const { return tidy(text).empty(); }
};

/// Holds a printed row: the label text since the previous row, and the values after it.
struct PrintedRow {
  std::string label;
  std::vector<Value> values;
  Where where;
  // Right edge of the label on the line of the first value, when the source gives positions.
  double label_right = -1e9;
  // Where each piece of the label starts: its byte offset in `label` and its place.
  std::vector<std::pair<std::size_t, Where>> marks;

  // Where the last `tail` characters of the label (whitespace not counted) start.
  Where where_of_tail(std::size_t tail) const {
    std::size_t offset = label.size();
    for (std::size_t seen = 0; offset > 0 && seen < tail;) {
      --offset;
      const auto c = static_cast<unsigned char>(label[offset]);
      if ((c & 0xC0) == 0x80) continue;  // inside a character
      if (c != ' ' && c != '\t') ++seen;
    }
    Where w = where;
    for (const auto& [at, place] : marks)
      if (at <= offset) w = place;
    return w;
  }

  // The label as printed on its last line: a row of its own, without the headings above it.
  std::string last_line() const {
    if (marks.empty()) return label;
    const Where& last = marks.back().second;
    std::size_t start = marks.back().first;
    for (std::size_t i = marks.size(); i-- > 0;) {
      if (marks[i].second.line != last.line || marks[i].second.page != last.page) break;
      start = marks[i].first;
    }
    return label.substr(start);
  }
};

/// Holds what the stages of reading the tables of one part of a document share: the source, the
/// report being filled, and the rows recognised so far.
struct TableRead {
  using Key = std::pair<const Table*, int>;  ///< a row of a table of the report's edition

  const Document& doc;
  Span span;
  const Message& place;
  Report& report;
  Findings& findings;
  TableCounts& counts;
  RowMatcher matcher;
  std::map<Key, PrintedRow> filled;             ///< rows recognised, with their printed row
  std::map<Key, std::vector<PrintedRow>> sums;  ///< rows printed in parts that add up
  std::set<Key> accounted;                      ///< rows left blank on purpose

  /// Records that `row` of `table` was printed with `printed`'s values; a second print of one
  /// row is a finding.
  void take(const PrintedRow& printed, const Table* table, int row, bool by_label);
  /// Records that `printed` is one of the rows that add up to `row` of `table`; the sum is made
  /// cell by cell once the values are read.
  void accumulate(const PrintedRow& printed, const Table* table, int row);
};

/// Returns the name of a table in findings: "表三", "二·第二十条第（一）项".
std::string table_name(const Table& t);
/// Returns the English name of a table in findings.
std::string table_name_en(const Table& t);
/// Returns the JSON Pointer of a row.
std::string row_pointer(const Table& t, const Row& r);
/// Returns the name of a row in findings: the table's name, then the row's numbering and label.
std::string row_name(const Table& t, const Row& r);
/// Returns the values of a printed row as printed, "_" for a blank one.
std::string values_text(const PrintedRow& row);
/// Returns the part of the printed label, as printed (whitespace left out), that the last
/// `folded_length` folded characters stand for.
std::string as_printed(const std::string& label, std::size_t folded_length);

/// Matches the folded label of a printed row, first `own`, the label without its group
/// headings; `from_own` says which one matched.
std::optional<Match> best_match(const RowMatcher& matcher, const std::u32string& label,
                                const std::u32string& own, bool& from_own);
/// Splits the lines of `span` into printed rows: label text, then the values that follow it.
std::vector<PrintedRow> split_rows(const Document& doc, Span span);
/// Recognises each printed row as a row of the report's edition, or reports it.
void match_rows(TableRead& read, std::vector<PrintedRow>& rows);
/// Takes a row that `c` of another edition names into the report's edition: the same row, the
/// group's row that holds its values, or the row that adds it up.
void other_edition(TableRead& read, PrintedRow& row, const Candidate& c,
                   const std::string& printed);
/// Handles a group row printed with values: one row in an older edition, else a finding.
void group_with_values(TableRead& read, PrintedRow& row, const Candidate& c,
                       const std::string& printed);
/// Puts the values of every recognised row under their columns and into the report's cells.
void read_values(TableRead& read);
/// Reports every table and row of the report's edition in these sections that was not found.
void report_missing(TableRead& read);

}  // namespace govreport::importer
