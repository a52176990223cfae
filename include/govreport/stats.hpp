#pragma once
/// \file
/// The overview for evaluators: one row of figures, rates and findings per report, and the
/// region's totals. The rates are computed here only (rates()), from counts of the tables.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"

namespace govreport {

/// A figure of the overview: the sum of some cells, or nullopt when one of them is blank ("/"
/// counts as nothing, as in `sum`).
using Figure = std::optional<std::int64_t>;

/// Holds the counts of one report (or of a sum of reports) that the rates are made of; the
/// cells are declared by the edition (Edition::stats_cells).
struct Figures {
  Figure received;            ///< 三 一、本年新收 总计
  Figure disclosed;           ///< 三 （一）予以公开 + （二）部分公开
  Figure withheld;            ///< 三 （三）不予公开
  Figure handled;             ///< 三 （七）总计
  Figure carried_forward;     ///< 三 四、结转下年度继续办理
  Figure reviews;             ///< 四 行政复议 总计 (尚未审结 included)
  Figure reviews_corrected;   ///< 四 行政复议 结果纠正
  Figure lawsuits;            ///< 四 行政诉讼 总计, both rows (尚未审结 included)
  Figure lawsuits_corrected;  ///< 四 行政诉讼 结果纠正, both rows

  /// Adds `other` figure by figure; a figure unknown in either is unknown in the sum.
  Figures& operator+=(const Figures& other);
};

/// Returns the figures of `report`.
Figures report_figures(const Report& report);

/// Holds a rate as the fraction it is computed from. It is empty (no value: not 0, not NaN)
/// when a count is unknown or the denominator is 0.
struct Rate {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  bool known = false;  ///< both counts are known

  /// Says whether the rate has no value.
  bool empty() const { return !known || denominator == 0; }
  /// Returns the rate as a fraction (0.5 for half), or nullopt when empty.
  std::optional<double> value() const;
  /// Returns the rate in per cent with `places` decimals, rounded half away from zero, computed
  /// exactly ("66.67"); "" when empty.
  std::string percent(int places = 2) const;
};

/// Holds the four rates of the overview.
struct Rates {
  Rate disclosure;             ///< （（一）+（二））/（七）总计
  Rate withheld;               ///< （三）/（七）总计
  Rate review_correction;      ///< 行政复议 结果纠正 / 总计
  Rate litigation_correction;  ///< 行政诉讼 结果纠正 / 总计
};

/// Computes the rates from `figures`: the one place they are defined (docs/stats.md).
Rates rates(const Figures& figures);

/// Names one of the rates: a key for machine formats, the name in each language, the member.
struct RateName {
  const char* key;
  const char* zh;
  const char* en;
  Rate Rates::*member;
};

/// Returns the names of the four rates, in the order of Rates.
std::span<const RateName> rate_names();

/// Says whether a report came out by its deadline (publication_deadline).
enum class Lateness : std::uint8_t { Unknown, OnTime, Late };

/// Returns whether `report` was published after its deadline; Unknown when `published` is
/// absent.
Lateness lateness(const Report& report);

/// Holds one row of the overview: a report, or the totals of several.
struct StatsRow {
  std::string file;
  std::string agency;
  int year = 0;
  AgencyKind kind = AgencyKind::Department;
  std::string published;  ///< ISO date, or empty
  Figures figures;
  Rates rates;
  Lateness late = Lateness::Unknown;
  std::size_t reports = 1;       ///< reports in the row (the totals: all of them)
  std::size_t late_reports = 0;  ///< of them, published late
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::map<std::string_view, std::size_t> by_rule;  ///< findings per rule id

  /// Counts `findings` in errors, warnings and by_rule.
  void add_findings(const std::vector<Diagnostic>& findings);
};

/// Returns the row of `report`, read from `file`, with its findings.
StatsRow stats_row(const Report& report, std::string_view file,
                   const std::vector<Diagnostic>& findings);

/// Returns the totals of `rows`: counts added up, rates recomputed from the sums (never an
/// average of the rows' rates). Its file and agency are empty; its year is the rows' year when
/// they all have one, else 0.
StatsRow stats_totals(std::span<const StatsRow> rows);

/// Says what a column of the overview holds.
enum class StatsKind : std::uint8_t { Text, Count, Rate, Lateness };

/// Declares one column of the overview (besides one column per rule, keyed by its id).
struct StatsColumn {
  std::string_view key;  ///< as given to --sort
  std::string_view zh;   ///< heading
  std::string_view en;
  StatsKind kind = StatsKind::Count;
};

/// Returns the fixed columns, in order: file, agency, year, kind, applications_received, the rates,
/// carried_to_next_year, late, errors, warnings.
std::span<const StatsColumn> stats_columns();

/// Holds the value of one cell of the overview.
struct StatsValue {
  StatsKind kind = StatsKind::Text;
  std::string text;  ///< Text: the value; Lateness: "" (see late)
  Figure count;      ///< Count
  Rate rate;         ///< Rate
  Lateness late = Lateness::Unknown;
};

/// Returns the value of column `key` (a fixed column, or a rule id) in `row`; a rule the row
/// has no findings of counts 0. Throws std::out_of_range for an unknown key.
StatsValue stats_value(const StatsRow& row, std::string_view key);

/// Sorts `rows` by column `key` (a fixed column, or a rule id), descending when asked; empty
/// values last either way, ties kept in their order. Returns false (leaving `rows` as they are)
/// when `key` names no column.
bool sort_stats(std::vector<StatsRow>& rows, std::string_view key, bool descending);

/// Holds an input that gave no row, and why.
struct StatsFailure {
  std::string file;
  std::string message;
};

/// Holds the whole overview: the rows, the totals, and what the outputs need besides.
struct StatsTable {
  std::vector<StatsRow> rows;
  StatsRow totals;
  std::vector<StatsRow> years;          ///< the totals of each year, oldest first
  std::vector<std::string_view> rules;  ///< the rule ids with findings, in catalogue order
  std::vector<StatsFailure> failures;   ///< inputs that could not be read
};

/// Makes the overview of `rows` (in the order to be shown): totals, per-year totals, and the
/// rules that have findings.
StatsTable make_stats_table(std::vector<StatsRow> rows, std::vector<StatsFailure> failures);

}  // namespace govreport
