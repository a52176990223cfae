// The official layout of the printed tables, derived from the edition's declaration.

#include "render/layout.hpp"

#include <algorithm>

#include "render/common.hpp"

namespace govreport::detail {
namespace {

constexpr int kWhole = 1000;

// Splits `total` thousandths over `n` columns; the last takes the remainder.
void share(std::vector<int>& widths, int total, int n) {
  for (int i = 0; i < n; ++i) widths.push_back(i + 1 < n ? total / n : total - total / n * (n - 1));
}

GridCell cell(std::string text, GridKind kind, int column, int col_span = 1, int row_span = 1) {
  return GridCell{std::move(text), kind, column, col_span, row_span};
}

// The value of data row `row`, column `c` of `table`, placed at grid column `column`.
GridCell value(const Report& report, const Table& table, int row, int c, int column,
               int col_span = 1) {
  GridCell out = cell(cell_text(report, table, row, c), GridKind::Number, column, col_span);
  out.cell = table.cell(row, c);
  return out;
}

std::string label(const Row& row) { return std::string(row.numbering) + std::string(row.zh); }

std::size_t size(const Table& table) { return table.columns.size(); }

int count(std::size_t n) { return static_cast<int>(n); }

// Runs of consecutive columns under one spanning head: [first, last).
std::vector<std::pair<int, int>> column_runs(const Table& table) {
  std::vector<std::pair<int, int>> runs;
  for (std::size_t c = 0; c < size(table);) {
    std::size_t e = c + 1;
    while (e < size(table) && !table.columns[c].group_zh.empty() &&
           table.columns[e].group_zh == table.columns[c].group_zh)
      ++e;
    runs.emplace_back(count(c), count(e));
    c = e;
  }
  return runs;
}

bool has_column_groups(const Table& table) {
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [](const Column& c) { return !c.group_zh.empty(); });
}

// The tables of 二: a caption row, a head row and the data rows of each, in a grid as wide as
// the widest; a table with fewer columns lets its last column span the rest.
Grid captioned_tables(const Report& report, const std::vector<const Table*>& tables) {
  int width = 0;
  for (const Table* t : tables) width = std::max(width, count(size(*t)));
  Grid grid;
  grid.widths.push_back(280);
  share(grid.widths, kWhole - 280, width);
  for (const Table* t : tables) {
    const Table& table = *t;
    const int n = count(size(table));
    auto span = [&](int c) { return c + 1 == n ? width - c : 1; };
    if (!table.caption.empty())
      grid.rows.push_back({{cell(std::string(table.caption), GridKind::Caption, 0, width + 1)}});
    GridRow head;
    head.cells.push_back(cell(std::string(table.row_head), GridKind::Head, 0));
    for (int c = 0; c < n; ++c)
      head.cells.push_back(cell(std::string(table.columns[static_cast<std::size_t>(c)].zh),
                                GridKind::Head, c + 1, span(c)));
    grid.rows.push_back(std::move(head));
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      GridRow row;
      row.cells.push_back(cell(row_label(table.rows[r]), GridKind::Label, 0));
      for (int c = 0; c < n; ++c)
        row.cells.push_back(value(report, table, count(r), c, c + 1, span(c)));
      grid.rows.push_back(std::move(row));
    }
  }
  // Each captioned table stays whole: a page breaks only before a caption.
  for (std::size_t r = 0; r + 1 < grid.rows.size(); ++r)
    grid.rows[r].keep_with_next = grid.rows[r + 1].cells.front().kind != GridKind::Caption;
  return grid;
}

// Rows of a group that a page break leaves on either side of it, at least: as many lines as its
// label takes in its column.
constexpr std::size_t kGroupPart = 3;

// Marks where a page may not break in the rows below the heads (`rows[first…]`, printing the
// table rows `printed`): a page breaks only before a row of the top level or before the first row
// of a group, which prints that group's label. A group that a break parts, and whose label the
// browser repeats on the new page, keeps kGroupPart rows on each side for its label.
void keep_groups_together(const Table& table, const std::vector<std::size_t>& printed,
                          std::vector<GridRow>& rows, std::size_t first) {
  auto ancestors = [&](std::size_t r) {
    std::vector<std::size_t> out;
    for (int p = table.rows[r].parent; p >= 0; p = table.rows[static_cast<std::size_t>(p)].parent)
      out.push_back(static_cast<std::size_t>(p));
    return out;
  };
  // The first and last printed row of each group.
  std::vector<std::size_t> from(table.rows.size(), printed.size()), to(table.rows.size(), 0);
  for (std::size_t i = 0; i < printed.size(); ++i)
    for (std::size_t g : ancestors(printed[i])) {
      from[g] = std::min(from[g], i);
      to[g] = std::max(to[g], i);
    }
  for (std::size_t i = 1; i < printed.size(); ++i) {
    const Row& row = table.rows[printed[i]];
    bool starts = row.depth == 0;
    bool room = true;
    for (std::size_t g : ancestors(printed[i])) {
      if (from[g] == i) {
        starts = true;  // the group's label is printed in this row
        continue;
      }
      room = room && i - from[g] >= kGroupPart && to[g] + 1 - i >= kGroupPart;
    }
    rows[first + i - 1].keep_with_next = !(starts && room);
  }
}

// A table whose rows nest (三): one label column per depth; a group's label spans its rows.
Grid nested_table(const Report& report, const Table& table) {
  int depth = 0;
  for (const Row& row : table.rows) depth = std::max(depth, row.depth);
  const int labels = depth + 1;
  const int n = count(size(table));
  const bool groups = has_column_groups(table);
  const bool note = !table.note.empty();
  // Heading levels: 申请人情况 over every column (when the note takes the corner), then the
  // column groups (法人或其他组织), then the columns under them.
  const int top = note && !table.row_head.empty() ? 1 : 0;
  const int levels = top + (groups ? 2 : 1);

  // The row labels take what the numbers do not need, so that the long ones wrap to two or three
  // lines and the table fits on one page; a group's label column holds four characters a line.
  Grid grid;
  const int label_width = labels == 1 ? 280 : 440;
  if (labels == 1) {
    grid.widths.push_back(label_width);
  } else {
    for (int i = 0; i + 1 < labels; ++i) grid.widths.push_back(90);
    grid.widths.push_back(label_width - 90 * (labels - 1));
  }
  share(grid.widths, kWhole - label_width, n);
  grid.dense = n > 4;

  std::vector<GridRow> head(static_cast<std::size_t>(levels));
  for (GridRow& h : head) h.head = true;
  head[0].cells.push_back(cell(note ? std::string(table.note) : std::string(table.row_head),
                               note ? GridKind::Note : GridKind::Head, 0, labels, levels));
  if (top == 1)
    head[0].cells.push_back(cell(std::string(table.row_head), GridKind::Head, labels, n));
  for (auto [first, last] : column_runs(table)) {
    const Column& c = table.columns[static_cast<std::size_t>(first)];
    if (c.group_zh.empty()) {
      head[static_cast<std::size_t>(top)].cells.push_back(
          cell(std::string(c.zh), GridKind::Head, labels + first, 1, levels - top));
      continue;
    }
    head[static_cast<std::size_t>(top)].cells.push_back(
        cell(std::string(c.group_zh), GridKind::Head, labels + first, last - first));
    for (int k = first; k < last; ++k)
      head[static_cast<std::size_t>(top) + 1].cells.push_back(cell(
          std::string(table.columns[static_cast<std::size_t>(k)].zh), GridKind::Head, labels + k));
  }
  for (GridRow& h : head) grid.rows.push_back(std::move(h));

  // Each group's label sits in the row of its first member and spans all of its members.
  std::vector<int> members(table.rows.size(), 0);
  for (const Row& row : table.rows) {
    if (row.role == RowRole::Group) continue;
    for (int p = row.parent; p >= 0; p = table.rows[static_cast<std::size_t>(p)].parent)
      ++members[static_cast<std::size_t>(p)];
  }
  std::vector<std::size_t> waiting;  // groups whose label has not been placed yet
  std::vector<std::size_t> printed;  // the table row of each printed row below the heads
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    if (row.role == RowRole::Group) {
      if (members[r] > 0) waiting.push_back(r);
      continue;
    }
    GridRow line;
    for (std::size_t g : waiting) {
      const Row& group = table.rows[g];
      line.cells.push_back(cell(label(group), GridKind::Label, group.depth, 1, members[g]));
    }
    waiting.clear();
    line.cells.push_back(cell(row_label(row), GridKind::Label, row.depth, labels - row.depth));
    for (int c = 0; c < n; ++c) line.cells.push_back(value(report, table, count(r), c, labels + c));
    grid.rows.push_back(std::move(line));
    printed.push_back(r);
  }
  keep_groups_together(table, printed, grid.rows, static_cast<std::size_t>(levels));
  return grid;
}

// A table without a label column (四): its rows become blocks of columns, under the heading
// they share (行政诉讼), and the values print as one row.
Grid transposed_table(const Report& report, const Table& table) {
  const int n = count(size(table));
  const int blocks = count(table.rows.size());
  const bool shared = std::any_of(table.rows.begin(), table.rows.end(),
                                  [](const Row& r) { return !r.head_zh.empty(); });
  const int levels = shared ? 3 : 2;
  Grid grid;
  share(grid.widths, kWhole, n * blocks);
  grid.dense = n * blocks > 4;
  std::vector<GridRow> head(static_cast<std::size_t>(levels));
  for (GridRow& h : head) h.head = true;
  for (int b = 0; b < blocks;) {
    const Row& row = table.rows[static_cast<std::size_t>(b)];
    int e = b + 1;
    while (!row.head_zh.empty() && e < blocks &&
           table.rows[static_cast<std::size_t>(e)].head_zh == row.head_zh)
      ++e;
    if (row.head_zh.empty()) {
      // 行政复议: its name over its columns, which take the remaining heading rows.
      head[0].cells.push_back(cell(label(row), GridKind::Head, b * n, n));
      for (int c = 0; c < n; ++c)
        head[1].cells.push_back(cell(std::string(table.columns[static_cast<std::size_t>(c)].zh),
                                     GridKind::Head, b * n + c, 1, levels - 1));
    } else {
      head[0].cells.push_back(cell(std::string(row.head_zh), GridKind::Head, b * n, (e - b) * n));
      for (int k = b; k < e; ++k) {
        head[1].cells.push_back(
            cell(label(table.rows[static_cast<std::size_t>(k)]), GridKind::Head, k * n, n));
        for (int c = 0; c < n; ++c)
          head[2].cells.push_back(cell(std::string(table.columns[static_cast<std::size_t>(c)].zh),
                                       GridKind::Head, k * n + c));
      }
    }
    b = e;
  }
  for (GridRow& h : head) grid.rows.push_back(std::move(h));
  GridRow values;
  for (int b = 0; b < blocks; ++b)
    for (int c = 0; c < n; ++c) values.cells.push_back(value(report, table, b, c, b * n + c));
  grid.rows.push_back(std::move(values));
  return grid;
}

}  // namespace

std::vector<Grid> section_grids(const Report& report, std::string_view numeral) {
  std::vector<Grid> grids;
  std::vector<const Table*> captioned;
  auto flush = [&] {
    if (!captioned.empty()) grids.push_back(captioned_tables(report, captioned));
    captioned.clear();
  };
  for (const Table& table : report.edition->tables) {
    if (table.section != numeral) continue;
    if (table.layout == TableLayout::Captioned) {
      captioned.push_back(&table);
      continue;
    }
    flush();
    grids.push_back(table.layout == TableLayout::Transposed ? transposed_table(report, table)
                                                            : nested_table(report, table));
  }
  flush();
  return grids;
}

}  // namespace govreport::detail
