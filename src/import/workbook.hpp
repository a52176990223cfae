#pragma once
// Spreadsheets read into sheets of cells: .xlsx through libzip and pugixml, .xls through freexl.
// What a cell shows is kept as the file holds it (the number as written, the text, a formula's
// saved result); nothing is computed.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "govreport/import.hpp"
#include "govreport/report.hpp"
#include "import/document.hpp"

namespace govreport::importer {

/// Holds one cell of a sheet as the file holds it.
struct SheetCell {
  enum class Type : std::uint8_t {
    Blank,    ///< no value (a formatted empty cell, or a formula without a saved result)
    Number,   ///< `value` is the number as written ("4441", "2154.97", "45678")
    Text,     ///< `value` is the text
    Boolean,  ///< `value` is "TRUE" or "FALSE"
    Error,    ///< `value` is the error ("#REF!")
  };
  Type type = Type::Blank;
  std::string value;
  bool formula = false;      ///< the cell holds a formula
  bool cached = true;        ///< false: a formula whose result the file does not hold
  std::string formula_text;  ///< the formula without "=", when the file writes it out

  bool empty() const { return type == Type::Blank && !formula; }
  /// Returns the text shown: the value, or "" for a blank.
  const std::string& text() const { return value; }
};

/// A rectangle of cells, 0-based and inclusive.
struct CellRange {
  int first_row = 0;
  int first_column = 0;
  int last_row = 0;
  int last_column = 0;
};

/// Holds one sheet: its cells by (row, column), 0-based, and its merged ranges.
struct Sheet {
  std::string name;
  std::map<std::pair<int, int>, SheetCell> cells;
  std::vector<CellRange> merges;
  int rows = 0;     ///< one past the last row that holds a cell
  int columns = 0;  ///< one past the last column that holds a cell

  /// Returns the cell at (row, column), or nullptr when the file has none there.
  const SheetCell* at(int row, int column) const;
  /// Returns the merged range whose top-left cell is (row, column), or nullptr.
  const CellRange* merge_at(int row, int column) const;
};

/// Holds a workbook read from a file.
struct Workbook {
  std::vector<Sheet> sheets;
  bool date1904 = false;    ///< dates count from 1904 (old Mac Excel) instead of 1900
  /// The reader sees formulas' results; freexl (.xls) does not, so a formula reads as blank.
  bool formula_results = true;
  std::string description;  ///< for the summary: "workbook (xlsx, 5 sheets)"
};

/// Reads an .xlsx (Office Open XML) workbook; sets `failure` when it cannot be read.
Workbook read_xlsx(std::string_view bytes, std::optional<Unreadable>& failure);
/// Reads an .xls (BIFF, Excel 97–2003) workbook with freexl; sets `failure` when it cannot be
/// read. freexl reads no merged ranges.
Workbook read_xls(std::string_view bytes, std::optional<Unreadable>& failure);

/// Returns "A1" for row 0, column 0.
std::string cell_name(int row, int column);
/// Returns where a cell is, as findings name it: "表三!D12" ('My sheet'!D12 when quoted).
std::string cell_place(const Sheet& sheet, int row, int column);
/// Returns the document order of a cell: by sheet, then row, then column.
inline std::size_t place_order(std::size_t sheet, int row, int column) {
  return ((sheet + 1) << 40) | (static_cast<std::size_t>(row + 1) << 16) |
         static_cast<std::size_t>(column + 1);
}
/// Returns the text a cell shows, as the importer reads it: a number in at most 15 significant
/// digits ("2154.97"), the text, "TRUE"/"FALSE", the error ("#REF!"); for a formula whose result
/// the file does not hold, the formula ("=SUM(D6:I6)"), which reads as no value.
std::string shown_text(const SheetCell& cell);

/// Turns the sheets into lines for the importer: a row of several cells, or holding a value,
/// is a table row (merged labels repeated in each row they span, values in their first), a row
/// of one text a line of text. Each line and piece carries its place.
Document workbook_document(const Workbook& workbook);

/// Reads a workbook that govreport wrote (init or build -o x.xlsx), recognised by its metadata
/// sheet: every value found by its label, a place for every value read. Returns nullopt for a
/// workbook that is not one of these, which is then read like any table grid.
std::optional<ImportResult> read_own_workbook(const Workbook& workbook, std::string_view file,
                                              const ImportOptions& options);

}  // namespace govreport::importer
