#pragma once
/// \file
/// The consistency rules of the format, applied to one report.

#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"

namespace govreport {

/// Runs every single-report rule on `report` and returns all findings, attributed to `file`.
std::vector<Diagnostic> check_report(const Report& report, std::string_view file);

/// Fills in the totals that are marked computed, from their parts (blank if a part is blank).
void fill_totals(Report& report);

/// Returns the cells (indexes into Report::cells) that the total cell `cell` adds up, as
/// fill_totals and the rules read it: the other columns of its row for a total column, the data
/// rows of its group for a total row. Empty for a cell that is no total.
std::vector<int> total_parts(const Edition& edition, int cell);

/// Returns how findings name the sum of rows `paths` of `table`: "一+二", "三（七）+四".
std::string rows_name(const Table& table, const std::vector<std::string_view>& paths);

}  // namespace govreport
