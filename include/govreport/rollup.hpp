#pragma once
/// \file
/// Adding up reports (regional statistics) and comparing two reports.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"

namespace govreport {

/// Adds up the tables of reports of one year and edition, one report at a time, so that any
/// number of members takes constant memory. "/" counts as nothing; a blank leaves the sum blank.
class Summer {
 public:
  /// Adds `member`; returns an error message if its year or edition differs from the first
  /// member's, or if a sum would grow beyond what a data file can hold (kMaxCount,
  /// kMaxScaledAmount), and then adds nothing.
  std::optional<Message> add(const Report& member, std::string_view name);
  /// Returns how many members were added.
  std::size_t size() const { return members_; }
  /// Returns the sum as a report of `agency`, narrative empty; requires size() > 0.
  Report result(std::string_view agency) const;
  /// Returns, for each member that had blank cells, its file and how many.
  const std::vector<std::pair<std::string, std::size_t>>& blanks() const { return blanks_; }

 private:
  std::optional<Report> sum_;
  std::string first_file_;
  std::size_t members_ = 0;
  std::vector<std::pair<std::string, std::size_t>> blanks_;
};

/// Returns a rollup finding for every cell where `summary` differs from `sum` (same edition):
/// a number that differs, "/" where the members add up to more than 0, and a blank or invalid
/// cell. Cells that a member left blank are not compared.
std::vector<Diagnostic> check_rollup(const Report& summary, std::string_view summary_file,
                                     const Report& sum, std::size_t members);

/// Describes one table cell compared between two reports.
struct CellChange {
  std::string pointer;
  std::string name;  ///< display name, from the newer report's edition where it exists
  std::string old_value, new_value;        ///< as printed; empty for blank
  std::optional<std::int64_t> difference;  ///< new − old in the cell's unit, when both are numbers
  std::optional<double> ratio;             ///< new / old, when both are numbers and old ≠ 0
  bool amount = false;                     ///< the cell holds 万元 × kAmountScale
};

/// Holds a comparison: the changed cells, and cells that only one report's edition has.
struct ReportDiff {
  std::vector<CellChange> changed;
  std::vector<CellChange> only_old;
  std::vector<CellChange> only_new;
  std::size_t compared = 0;
};

/// Compares every table cell of `older` with `newer`.
ReportDiff diff_reports(const Report& older, const Report& newer);

}  // namespace govreport
