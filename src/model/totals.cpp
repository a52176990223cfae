// Totals: the sums a total cell stands for, and filling in the totals a data file left out.

#include "model/totals.hpp"

namespace govreport {
namespace detail {

std::optional<std::int64_t> sum_cells(const Report& report, const std::vector<int>& cells) {
  std::int64_t sum = 0;
  for (int i : cells) {
    const Cell& c = report.cells[static_cast<std::size_t>(i)];
    if (c.is_blank()) return std::nullopt;
    if (c.is_number()) sum += c.value;
  }
  return sum;
}

std::vector<int> rows_under(const Table& table, int total_row) {
  const int group = table.rows[static_cast<std::size_t>(total_row)].parent;
  std::vector<int> rows;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (table.rows[r].role != RowRole::Data) continue;
    for (int p = table.rows[r].parent; p >= 0; p = table.rows[static_cast<std::size_t>(p)].parent) {
      if (p == group) {
        rows.push_back(static_cast<int>(r));
        break;
      }
    }
  }
  return rows;
}

std::vector<int> row_cells(const Table& table, int row, int total_column) {
  std::vector<int> cells;
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    if (static_cast<int>(c) != total_column) cells.push_back(table.cell(row, static_cast<int>(c)));
  return cells;
}

std::vector<int> column_cells(const Table& table, const std::vector<int>& rows, int column) {
  std::vector<int> cells;
  cells.reserve(rows.size());
  for (int r : rows) cells.push_back(table.cell(r, column));
  return cells;
}

}  // namespace detail

using detail::column_cells;
using detail::row_cells;
using detail::rows_under;
using detail::sum_cells;

void fill_totals(Report& report) {
  for (const Table& table : report.edition->tables) {
    const int total = table.column_index(table.total_column);
    if (total >= 0) {
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (table.rows[r].role != RowRole::Data) continue;
        Cell& cell = report.cells[static_cast<std::size_t>(table.cell(static_cast<int>(r), total))];
        if (!cell.computed) continue;
        const auto sum = sum_cells(report, row_cells(table, static_cast<int>(r), total));
        cell = sum ? Cell::number(*sum) : Cell{};
        cell.computed = true;
      }
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (table.rows[r].role != RowRole::Total) continue;
      const std::vector<int> rows = rows_under(table, static_cast<int>(r));
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        Cell& cell = report.cells[static_cast<std::size_t>(
            table.cell(static_cast<int>(r), static_cast<int>(c)))];
        if (!cell.computed) continue;
        const auto sum = sum_cells(report, column_cells(table, rows, static_cast<int>(c)));
        cell = sum ? Cell::number(*sum) : Cell{};
        cell.computed = true;
      }
    }
  }
}

std::vector<int> total_parts(const Edition& edition, int cell) {
  const CellDef& def = edition.cells[static_cast<std::size_t>(cell)];
  const Table& table = edition.tables[static_cast<std::size_t>(def.table)];
  if (table.rows[static_cast<std::size_t>(def.row)].role == RowRole::Total)
    return column_cells(table, rows_under(table, def.row), def.column);
  const int total = table.column_index(table.total_column);
  if (total >= 0 && def.column == total) return row_cells(table, def.row, total);
  return {};
}

}  // namespace govreport
