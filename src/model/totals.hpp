#pragma once
// Sums over the cells of a table: what a total adds up, for filling totals in and checking them.

#include <cstdint>
#include <optional>
#include <vector>

#include "govreport/report.hpp"

namespace govreport::detail {

/// Returns the sum of the cells at `cells` ("/" counts 0), or nullopt if one is blank.
std::optional<std::int64_t> sum_cells(const Report& report, const std::vector<int>& cells);

/// Returns the data rows a total row adds up: every data row inside its group, except totals.
std::vector<int> rows_under(const Table& table, int total_row);

/// Returns the cells of `row` other than the one in `total_column`.
std::vector<int> row_cells(const Table& table, int row, int total_column);

/// Returns the cells of `rows` in `column`.
std::vector<int> column_cells(const Table& table, const std::vector<int>& rows, int column);

}  // namespace govreport::detail
