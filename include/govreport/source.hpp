#pragma once
/// \file
/// Positions in the JSON text that a report was loaded from.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace govreport {

/// A 1-based line and column; column counts Unicode code points. Line 0 means unknown; a
/// source without lines (a workbook, a Word document) names a place instead.
struct Position {
  std::size_t line = 0;
  std::size_t column = 0;
  /// Where the value is in a source without lines: a workbook cell ("表三!D12") or a table
  /// cell of a Word document ("表三 第 12 行「…」·自然人"); empty otherwise.
  std::string place;
  std::size_t place_order = 0;  ///< document order of `place`, for sorting findings
};

/// Finds the line and column of byte offsets in one text in time independent of its length, for
/// about 5% of its size: lines and code points are counted once, per block of bytes. A line ends
/// at LF, CRLF or a lone CR, as editors count them.
class LineIndex {
 public:
  LineIndex() = default;
  /// Indexes `text` (up to 4 GiB), which later calls must pass again unchanged.
  explicit LineIndex(std::string_view text);
  /// Returns the line and column of byte `offset` in `text`.
  Position position(std::string_view text, std::size_t offset) const;

 private:
  struct Block {          // what comes before the first byte of a block
    std::uint32_t lines;  // line ends
    std::uint32_t start;  // where the line that holds the byte starts
    std::uint32_t code_points;
  };
  std::vector<Block> blocks_;
  std::size_t first_ = 0;  // where line 1 starts: after a byte-order mark
};

/// Maps JSON Pointers of a loaded document to their places in its text.
class SourceMap {
 public:
  /// Takes the document text that offsets refer to.
  void set_text(std::string text);
  /// Records that the value at `pointer` starts at byte `offset`.
  void add(std::string pointer, std::size_t offset);
  /// Keeps the offsets of table cells by index: `index` maps their pointers to indexes < `count`.
  void index_cells(const std::unordered_map<std::string_view, int>& index, std::size_t count);
  /// Records that table cell `cell` (an index given to index_cells) starts at byte `offset`.
  void add_cell(int cell, std::size_t offset) {
    cell_offsets_[static_cast<std::size_t>(cell)] = offset;
  }
  /// Returns the byte offset of the value at `pointer`, or npos.
  std::size_t offset_of(std::string_view pointer) const;
  /// Returns the line and column of byte `offset`.
  Position position(std::size_t offset) const;
  /// Records that the value at `pointer` was read from `place` in a source without lines
  /// (see Position::place); places keep the order in which they are added.
  void add_place(std::string pointer, std::string place);
  /// Records the place of `pointer` with its document order among the source's places.
  void add_place(std::string pointer, std::string place, std::size_t order);
  /// Returns the position of `pointer`, or of the nearest enclosing value that has one.
  Position position_of(std::string_view pointer) const;
  /// Returns position_of() of each of `pointers`. Where no line index has been built yet, lines
  /// and code points are counted in one pass up to the last of them instead of indexing the
  /// whole text: for a few positions that is several times cheaper.
  std::vector<Position> positions_of(const std::vector<std::string_view>& pointers) const;
  /// Returns the position of byte `index` of the decoded string value at `pointer`.
  Position position_in_string(std::string_view pointer, std::size_t index) const;

 private:
  // The offset of `pointer`, or of the nearest enclosing value that has one; npos if none.
  std::size_t offset_near(std::string_view pointer) const;

  std::string text_;
  std::unordered_map<std::string, std::size_t> offsets_;
  const std::unordered_map<std::string_view, int>* cell_index_ = nullptr;
  std::vector<std::size_t> cell_offsets_;  // npos where unknown
  mutable std::optional<LineIndex> lines_;
  std::unordered_map<std::string, std::pair<std::string, std::size_t>> places_;
};

/// Returns the line and column of byte `offset` in `text`; indexes `text` afresh on every call,
/// so use a LineIndex for more than one offset.
Position position_in(std::string_view text, std::size_t offset);

}  // namespace govreport
