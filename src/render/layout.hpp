#pragma once
// The official cell layout of the printed tables (merged cells), shared by the HTML and DOCX
// renderers: both draw the same grid, so the page and the document agree cell for cell.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/report.hpp"

namespace govreport::detail {

/// Says what a cell of a printed table holds.
enum class GridKind : std::uint8_t {
  Caption,  ///< a sub-table heading across the table ("第二十条第（一）项")
  Note,     ///< the 勾稽 note in the top-left corner of 三
  Head,     ///< a column or row heading
  Label,    ///< the label of a data row, or of a group of rows (row span)
  Number,   ///< a value
};

/// Holds one cell of a printed table, placed on the grid.
struct GridCell {
  std::string text;
  GridKind kind = GridKind::Number;
  int column = 0;  ///< first grid column it covers
  int col_span = 1;
  int row_span = 1;
  int cell = -1;  ///< a value's index into Report::cells; -1 for any other cell
};

/// Holds one printed row; cells covered by a row span from above are not repeated.
struct GridRow {
  std::vector<GridCell> cells;
  bool head = false;  ///< a heading row, repeated at the top of each page
  /// A page may not break after it: the next row belongs with it (the rest of a group, or of a
  /// captioned table), so that a page starts only where a group or a table starts.
  bool keep_with_next = false;
};

/// Holds one printed table.
struct Grid {
  std::vector<int> widths;  ///< relative widths of the grid columns, in thousandths
  std::vector<GridRow> rows;
  bool dense = false;  ///< many narrow columns (三, 四): printed a size smaller
};

/// Lays out the tables of section `numeral` as the official format prints them: the tables of
/// 二 as one table with a caption row each, 三 with its nested row heads and the 勾稽 note, 四
/// as one row of values under two-level column heads.
std::vector<Grid> section_grids(const Report& report, std::string_view numeral);

}  // namespace govreport::detail
