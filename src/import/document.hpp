#pragma once
// The common form every source is read into: lines of pieces, each piece with its place.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"

namespace govreport::importer {

/// Where a line was in the source: line and column of a text, or the page of a PDF.
struct Where {
  std::size_t line = 0;  ///< 1-based, 0 when unknown
  std::size_t column = 0;
  int page = 0;  ///< 1-based, 0 when the source has no pages
  /// In a source without lines (a workbook): the cell, "表三!A12", and its document order.
  std::string place;
  std::size_t order = 0;
};

/// Holds one piece of a line: a word, a table cell, or a run of text.
struct Piece {
  std::string text;
  double x0 = 0;  ///< left and right edge, in the source's unit (points, columns, grid columns)
  double x1 = 0;
  std::string place;  ///< the cell it was read from in a workbook, "表三!D12"; else empty
};

/// Holds one line of the source.
struct Line {
  std::vector<Piece> pieces;
  Where where;
  /// The pieces are the cells of a table row: an empty piece is a blank cell.
  bool cells = false;
  /// The pieces carry horizontal positions that line up between lines.
  bool positioned = false;
  /// The positions are those of the page (PDF), not columns of characters that a text
  /// extraction laid out approximately: column heads then stand above their values.
  bool exact = false;
  /// The source marks it as a heading (HTML h1–h6, Markdown #).
  bool heading = false;
  /// An empty line came before it.
  bool blank_before = false;
  /// Its left edge, in the unit of the source; negative when not known.
  double indent = -1;
  /// Its width, in the unit of the source.
  double width = 0;
  /// The width of one Chinese character, in the unit of the source (2 columns of text).
  double em = 2;

  /// Returns the text of the line, its pieces joined by spaces.
  std::string text() const;
};

/// One slot of a table's grid, as HTML (rowspan, colspan) and Word (vMerge, gridSpan) lay cells
/// out: the cell it belongs to (an index into the table's cell texts, -1 for none), and whether
/// it continues a cell of the row above.
struct GridSlot {
  int origin = -1;
  bool copied_down = false;
};

/// Appends the pieces of one row of a table grid to `line`, a piece per cell, x in grid columns:
/// an empty slot gives an empty piece, a cell spanning columns one wide piece; a label spanning
/// rows heads each of its rows, while a value or a blank spanning rows belongs to its first row
/// only. `place(c)` names the place of the piece that starts at column c (empty for a source
/// with lines). Returns whether any piece of the line has text.
bool append_grid_row(const std::vector<GridSlot>& row, const std::vector<std::string>& texts,
                     const std::function<std::string(std::size_t)>& place, Line& line);

/// Says how the lines of the narrative form paragraphs.
enum class Flow {
  Blocks,   ///< each line is a paragraph (HTML, Markdown, text with one paragraph per line)
  Wrapped,  ///< paragraphs are wrapped over lines (PDF, pdftotext)
};

/// Holds a source read into lines.
struct Document {
  std::vector<Line> lines;
  /// The lines that hold the report itself; the rest is page furniture (HTML navigation).
  std::size_t content_begin = 0;
  std::size_t content_end = 0;
  Flow flow = Flow::Blocks;
  std::string description;  ///< for the summary: "PDF, 5 pages", "HTML (GB18030)"
};

/// Describes why a source could not be read at all, and where when one place is to blame.
struct Unreadable {
  Unreadable(Message m, Where w = {}) : message(std::move(m)), where(w) {}  // NOLINT: implicit
  Message message;
  Where where;
};

/// Reads text (pdftotext output, copied pages, govreport's text and Markdown).
Document read_text(std::string_view utf8);
/// Reads an HTML page; sets `failure` when its elements nest too deep or are too many to be a
/// report.
Document read_html(std::string_view utf8, std::string_view charset,
                   std::optional<Unreadable>& failure);
/// Reads a PDF; sets `failure` to why when it cannot be opened or has no text.
Document read_pdf(std::string_view bytes, std::optional<Unreadable>& failure);
/// Reads a Word document (.docx); sets `failure` when it cannot be read. Each line and table cell
/// names its place ("表三 第 9 行「…」·自然人", "第 5 段「…」").
Document read_docx(std::string_view bytes, std::optional<Unreadable>& failure);

/// Converts `bytes` to UTF-8: a BOM, then `declared` (a charset name, may be empty), then
/// valid UTF-8, then GB18030. Sets `charset` to the one used; nullopt if nothing fits.
std::optional<std::string> to_utf8(std::string_view bytes, std::string_view declared,
                                   std::string& charset);
/// Returns the charset an HTML page declares in its first bytes (meta charset), or "".
std::string declared_html_charset(std::string_view bytes);

/// Returns whether a line is only a page number ("-3-", "— 3 —", "第3页").
bool is_page_number(std::string_view text);

}  // namespace govreport::importer
