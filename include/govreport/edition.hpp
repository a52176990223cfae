#pragma once
/// \file
/// The editions of the official report format, declared once as plain data.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace govreport {

/// Says what a table cell may hold.
enum class CellKind : std::uint8_t {
  Count,        ///< a non-negative integer
  SignedCount,  ///< an integer that may be negative (本年增/减)
  Amount,       ///< an exact decimal in 万元, up to 6 places (the fen)
};

/// Declares one column of a table.
struct Column {
  std::string_view key;  ///< JSON key
  std::string_view zh;   ///< label as printed in the official format
  std::string_view en;
  CellKind kind = CellKind::Count;
  std::string_view group_zh = {};  ///< spanning head above this column (法人或其他组织)
  std::string_view group_en = {};
};

/// Says what part a row plays in its table.
enum class RowRole : std::uint8_t {
  Data,   ///< holds one value per column
  Group,  ///< a heading over the rows that follow at a greater depth; no values
  Total,  ///< holds the column sums of the data rows of its group
};

/// Declares one row of a table.
struct Row {
  std::string_view key;        ///< JSON key inside the parent group's object
  std::string_view numbering;  ///< "一、", "（一）", "1." or empty
  std::string_view zh;         ///< label as printed, without the numbering
  std::string_view en;
  int depth = 0;  ///< 0 at the top; the rows of a group follow it at depth + 1
  RowRole role = RowRole::Data;
  std::string_view head_zh = {};  ///< a printed heading shared with neighbours (行政诉讼)
  std::string_view head_en = {};

  // Derived when the edition is built.
  std::string path;     ///< dotted JSON path below the table key ("results.withheld.inquiry")
  int data_index = -1;  ///< index among the rows with values, -1 for a group row
  int parent = -1;      ///< index of the enclosing group row, -1 at the top
};

/// Says how a table is printed.
enum class TableLayout : std::uint8_t {
  /// Under its caption, stacked with the section's other captioned tables in one grid (二).
  Captioned,
  /// One label column per row depth, a group's label spanning its rows, under the note (三).
  Nested,
  /// No label column: each row a block of columns under the row's name, values on one line (四).
  Transposed,
};

/// Declares one statistical table.
struct Table {
  std::string_view id;        ///< stable id, e.g. "proactive.1", "applications", "reviews"
  std::string_view section;   ///< numeral of the section that prints it ("二")
  std::string_view json_key;  ///< top-level JSON key that holds its rows
  std::string_view caption;  ///< printed above the table ("第二十条第（一）项"), may be empty
  std::string_view row_head;   ///< head of the label column ("信息内容", "申请人情况")
  std::string_view note = {};  ///< note printed in the table (the 勾稽 note of 三)
  TableLayout layout = TableLayout::Nested;
  std::vector<Row> rows;
  std::vector<Column> columns;
  /// Key of the column that is the sum of the others, and the rule that checks it.
  std::string_view total_column = {};
  std::string_view total_rule = {};
  /// Rule that checks the total rows of this table, if it has any.
  std::string_view total_row_rule = {};
  /// Columns whose sum may not be negative (上一年项目数量 + 本年增/减), checked by item-count.
  std::vector<std::string_view> nonnegative_sum = {};
  /// Whether "/" (not applicable) is a value its cells may hold. 三 and 四 count cases, of which
  /// there may be none but never "no such thing": "/" there is warned as `slash-count`.
  bool not_applicable = true;

  // Derived when the edition is built.
  int first_cell = 0;  ///< index of this table's first cell in Report::cells
  int data_rows = 0;

  /// Returns the index of the column with `key`, or -1.
  int column_index(std::string_view key) const;
  /// Returns the index of the row whose path is `path`, or -1.
  int row_index(std::string_view path) const;
  /// Returns the index into Report::cells of a data row's cell.
  int cell(int row, int column) const {
    return first_cell +
           rows[static_cast<std::size_t>(row)].data_index * static_cast<int>(columns.size()) +
           column;
  }
};

/// Declares one of the six sections of the report.
struct Section {
  std::string_view numeral;  ///< "一" … "六"
  std::string_view zh;       ///< heading without the numeral ("总体情况")
  std::string_view en;
  std::string_view json_key;  ///< key of its narrative or of its tables
};

/// Declares one part of the report's text: the preamble before the sections, or the narrative of
/// one section. The data file holds the parts in the order of the sections they belong to.
struct NarrativePart {
  std::string_view key;      ///< JSON key
  std::string_view section;  ///< numeral of the section it belongs to; empty before the sections
  std::string_view zh = {};  ///< name of a part outside the sections ("开头说明")
  std::string_view en = {};
  /// An object {"paragraphs", "subsections"} with numbered subsections, not just paragraphs.
  bool subsections = false;
  /// What its subsections usually cover, in order (the official guidance for 一、总体情况): the
  /// titles a workbook to fill in offers for them.
  std::vector<std::string_view> topics = {};

  // Derived when the edition is built.
  std::string heading_zh;  ///< "开头说明", or the section's heading "一、总体情况"
  std::string heading_en;  ///< "The opening statement", "Section 一、总体情况"
};

/// Declares an identity checked per column: the sum of `lhs` rows equals the sum of `rhs` rows.
struct Equation {
  std::string_view rule;
  std::string_view table;
  std::vector<std::string_view> lhs;  ///< row paths
  std::vector<std::string_view> rhs;
};

/// Says which of two consecutive reports a cross-year rule reads.
enum class YearOf : std::uint8_t { Earlier, Later };

/// Names one term of a cross-year rule: a cell of the rule's table in one of the two reports.
struct YearTerm {
  YearOf year = YearOf::Later;
  std::string_view row = {};     ///< row path; empty for the row being checked
  std::string_view column = {};  ///< column key; empty for the column being checked
  int sign = 1;                  ///< +1 or -1
};

/// Declares a rule across the same agency's reports of consecutive years: for each row of `rows`
/// and each column (or just `column`) of table `table`, the later report's cell equals the sum
/// of `terms`. A term that is missing, blank or not applicable leaves that cell unchecked.
/// A rule on a narrative part instead (`part` given, `table` empty): the later report's part is
/// less similar than `similar` to the earlier's (similarity.hpp), unless either has fewer than
/// `min_chars` comparable characters.
struct YearRule {
  std::string_view rule;               ///< rule id
  std::string_view table;              ///< table id
  std::vector<std::string_view> rows;  ///< row paths
  std::string_view column = {};        ///< the one column checked; empty for every column
  std::vector<YearTerm> terms;
  /// The finding's message, with named fields: {cell} {actual} {expected} {diff} (signed),
  /// {year} and {file} (the earlier report), {column} (its printed label), {t0} {t1}… (the
  /// terms' values) and {s0} {s1}… (the same, signed). For a narrative part: {section} (its
  /// heading), {similarity} (in per cent, rounded down), {year} and {file}.
  std::string_view message_zh;
  std::string_view message_en;
  std::string_view part = {};  ///< key of a narrative part (NarrativePart::key)
  double similar = 0;          ///< the similarity from which the part counts as copied
  std::size_t min_chars = 0;   ///< shorter parts are not compared
};

/// Declares the cells that the narrative-number rule holds numbers in the text against, each a
/// list of JSON Pointers whose cells add up to the number, and what findings call them.
struct NarrativeCells {
  /// Names a cell, or a sum of cells, in findings.
  struct Name {
    std::string_view zh;
    std::string_view en;
  };
  std::vector<std::string_view> received;  ///< "申请 N 件": new applications
  Name received_name;
  std::vector<std::string_view> carried_over;  ///< … or new and carried over together
  Name both_name;
  std::vector<std::string_view> reviews;  ///< "行政复议 N 起"
  Name reviews_name;
  std::vector<std::string_view> lawsuits;  ///< "行政诉讼 N 起"
  Name lawsuits_name;
  std::vector<std::string_view> reviews_corrected;  ///< against "无败诉" and "均获维持"
  std::vector<std::string_view> lawsuits_corrected;
  Name corrected_name;
  std::vector<std::string_view> reviews_pending;
  std::vector<std::string_view> lawsuits_pending;
  Name pending_name;
  /// A kind of document counted in the text ("规章 N 件") and its cells of this year, any of
  /// which the number may give; after one of `in_force_words` ("现行有效规章 N 件") the number
  /// is the count in force instead (no cells: that count is not checked).
  struct Documents {
    std::string_view word;
    std::vector<std::string_view> this_year;
    std::vector<std::string_view> in_force;
  };
  std::vector<Documents> documents;
  std::vector<std::string_view> in_force_words;
  /// A count of applications that follows one of `words` in its clause ("上年结转 N 件"), held
  /// against the sum of `cells`; `said` is what the text counts, `name` what the cells are.
  /// The same words keep the number from being read as "申请 N 件".
  struct Count {
    std::vector<std::string_view> words;
    std::vector<std::string_view> cells;
    Name said;
    Name name;
  };
  std::vector<Count> counts;
};

/// Declares the cells that the overview for evaluators (stats.hpp) reads, each a list of JSON
/// Pointers whose cells add up to the figure.
struct StatsCells {
  std::vector<std::string_view> received;  ///< 三 一、本年新收 总计
  std::vector<std::string_view> disclosed;  ///< 三 （一）予以公开 + （二）部分公开, 总计
  std::vector<std::string_view> withheld;  ///< 三 （三）不予公开 (its rows 1.–8.), 总计
  std::vector<std::string_view> handled;   ///< 三 （七）总计 总计
  std::vector<std::string_view> carried_forward;  ///< 三 四、结转下年度继续办理 总计
  std::vector<std::string_view> reviews;          ///< 四 行政复议 总计
  std::vector<std::string_view> reviews_corrected;
  std::vector<std::string_view> lawsuits;  ///< 四 行政诉讼 (both rows) 总计
  std::vector<std::string_view> lawsuits_corrected;
};

/// Describes one cell of an edition: where it lives in the tables and in JSON.
struct CellDef {
  int table = 0;
  int row = 0;
  int column = 0;
  std::string pointer;    ///< JSON Pointer ("/applications/received/total")
  std::string name_zh;    ///< display name ("三（七）总计·自然人")
  bool optional = false;  ///< a total that is computed when omitted
};

/// Declares one edition of the format: its years, sections, tables and rules.
struct Edition {
  std::string_view id;        ///< "2019", "2021"
  std::string_view document;  ///< the State Council document that fixed it
  int first_year = 0;
  int last_year = 0;  ///< 0 means still in force
  std::vector<Section> sections;
  std::vector<NarrativePart> narrative;
  std::vector<Table> tables;
  std::vector<Equation> equations;
  std::vector<YearRule> year_rules;
  NarrativeCells narrative_cells;
  StatsCells stats_cells;

  // Derived when the edition is built.
  std::vector<CellDef> cells;
  /// Index of each cell by pointer; views into `cells`, which never changes once built.
  std::unordered_map<std::string_view, int> cell_by_pointer;

  /// Returns the table with `id`, or nullptr.
  const Table* table(std::string_view id) const;
  /// Returns the index into Report::cells of the cell at `pointer`, or -1.
  int cell_index(std::string_view pointer) const;
  /// Returns the section with numeral `numeral`.
  const Section& section(std::string_view numeral) const;
  /// Returns the index of the narrative part with key `key`, or -1.
  int narrative_index(std::string_view key) const;
};

/// Returns every edition, oldest first.
std::span<const Edition* const> editions();
/// Returns the edition with `id` ("2019", "2021"), or nullptr.
const Edition* edition_by_id(std::string_view id);
/// Returns the edition that governs reports of `year`, or nullptr before kFirstYear or after
/// kLastYear.
const Edition* edition_for_year(int year);

/// Returns the first year any edition covers.
inline constexpr int kFirstYear = 2019;
/// Returns the last year a data file can name: a year has four digits.
inline constexpr int kLastYear = 9999;

}  // namespace govreport
