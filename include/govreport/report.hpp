#pragma once
/// \file
/// The report: metadata, narrative and table cells of one agency's year.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/edition.hpp"
#include "govreport/source.hpp"

namespace govreport {

/// Scale of amounts: an Amount cell holds 万元 × 1000000, exact to 6 decimal places (the fen).
inline constexpr std::int64_t kAmountScale = 1'000'000;
/// Decimal places of 万元 an amount holds: the digits of kAmountScale.
inline constexpr int kAmountPlaces = 6;
/// Largest count a data file may hold (and, negated, the smallest 本年增/减): sums of counts stay
/// exact in 64 bits and in JSON doubles.
inline constexpr std::int64_t kMaxCount = 999'999'999'999'999;
/// Largest amount a data file may hold, in 万元 × kAmountScale: 999,999,999,999.999999 万元.
inline constexpr std::int64_t kMaxScaledAmount = 999'999'999'999'999'999;

/// Holds one table cell: a number, blank (left empty by the source) or not applicable ("/").
struct Cell {
  enum class State : std::uint8_t { Blank, Number, NotApplicable };
  State state = State::Blank;
  std::int64_t value = 0;  ///< the count, or for amounts 万元 × kAmountScale
  bool computed = false;   ///< an omitted total, filled in from its parts

  /// Returns a cell that holds `v`.
  static Cell number(std::int64_t v) { return {State::Number, v, false}; }
  bool is_number() const { return state == State::Number; }
  bool is_blank() const { return state == State::Blank; }
};

/// Says whether the agency is a department (deadline 1月31日) or a government (3月31日).
enum class AgencyKind : std::uint8_t { Department, Government };

/// Holds one numbered subsection of 一、总体情况.
struct Subsection {
  std::string title;
  std::vector<std::string> paragraphs;
};

/// Holds the text of one narrative part: its paragraphs, then its numbered subsections (only a
/// part declared with subsections has any).
struct Narrative {
  std::vector<std::string> paragraphs;
  std::vector<Subsection> subsections;
};

/// Holds one agency's annual report for one year.
struct Report {
  const Edition* edition = nullptr;
  int year = 0;
  std::string agency;
  std::string agency_id;  ///< the agency's id in a register (register.hpp), or empty
  AgencyKind agency_kind = AgencyKind::Department;
  std::string title;                 ///< empty: the default title
  std::string published;             ///< ISO date, or empty
  std::string schema;                ///< the "$schema" reference, or empty
  std::vector<Narrative> narrative;  ///< indexed like edition->narrative
  std::vector<Cell> cells;           ///< indexed like edition->cells
  SourceMap source;                  ///< where each value was in the loaded text

  /// Returns the title as printed: `title`, or "{agency}{year}年政府信息公开工作年度报告".
  std::string display_title() const;
  /// Returns the cell at a JSON Pointer such as "/applications/received/total".
  const Cell& at(std::string_view pointer) const;
  Cell& at(std::string_view pointer);
  /// Returns the narrative part with JSON key `key`; throws std::out_of_range if the edition has
  /// none.
  const Narrative& part(std::string_view key) const;
  Narrative& part(std::string_view key);
};

/// Calls `each(text, pointer)` for every paragraph of the report's narrative, in order, with its
/// JSON Pointer; with `titles`, also for each subsection's title, before its paragraphs.
void for_each_text(
    const Report& report, bool titles,
    const std::function<void(std::string_view text, const std::string& pointer)>& each);

/// Fills in the totals that are marked computed, from their parts (blank if a part is blank).
void fill_totals(Report& report);
/// Returns the cells (indexes into Report::cells) that the total cell `cell` adds up, as
/// fill_totals and the rules read it: the other columns of its row for a total column, the data
/// rows of its group for a total row. Empty for a cell that is no total.
std::vector<int> total_parts(const Edition& edition, int cell);

/// Returns an empty report of `edition`, every cell blank.
Report make_report(const Edition& edition, int year);

/// Formats a cell value for print: "4447", "-1", "2154.97", "/" or "" for blank.
std::string format_cell(const Cell& cell, CellKind kind);
/// Formats an amount held as 万元 × kAmountScale, without trailing zeros ("2154.97").
std::string format_amount(std::int64_t scaled);
/// Parses a decimal such as "2154.97" into 万元 × kAmountScale; nullopt if not exact in 6 places
/// or beyond kMaxScaledAmount. Zeros after the sixth place change nothing ("2154.970000").
std::optional<std::int64_t> parse_amount(std::string_view text);

/// Returns the key of an agency kind ("department", "government").
std::string_view agency_kind_key(AgencyKind kind);
/// Returns the last day a report of `year` may be published, as an ISO date: 1月31日 of the
/// next year for a department, 3月31日 for a government.
std::string publication_deadline(AgencyKind kind, int year);

/// The endings of an agency's name that make it a government, which reports by 3月31日:
/// 人民政府, 管理委员会 and 管委会 (development zones and 片区 report like governments),
/// 街道办事处, 行政公署. Any other name (人民政府办公室, 局, 委员会 …) is a department.
inline constexpr std::string_view kGovernmentNameEndings[] = {"人民政府", "管理委员会", "管委会",
                                                              "街道办事处", "行政公署"};
/// Returns the ending of kGovernmentNameEndings that `agency` ends with, or "" (a department).
std::string_view government_name_ending(std::string_view agency);

}  // namespace govreport
