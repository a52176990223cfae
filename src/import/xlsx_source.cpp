// A workbook that govreport did not write, read like any table grid: each sheet's rows become
// lines of the importer's Document, merged cells expanded the way an HTML table's spans are.

#include <fmt/format.h>

#include <cstdlib>
#include <set>

#include "import/normalize.hpp"
#include "import/workbook.hpp"

namespace govreport::importer {
namespace {

// Merged ranges larger than this are not expanded (a report's span a few cells).
constexpr long kMaxMergeSlots = 100'000;

}  // namespace

std::string shown_text(const SheetCell& cell) {
  if (cell.formula && !cell.cached)
    return "=" + (cell.formula_text.empty() ? std::string("…") : cell.formula_text);
  if (cell.type != SheetCell::Type::Number) return cell.value;
  char* end = nullptr;
  const double v = std::strtod(cell.value.c_str(), &end);
  if (end == cell.value.c_str() || *end != '\0') return cell.value;
  return fmt::format("{:.15g}", v);
}

Document workbook_document(const Workbook& book) {
  Document doc;
  for (std::size_t s = 0; s < book.sheets.size(); ++s) {
    const Sheet& sheet = book.sheets[s];
    // The slots a merged range covers beyond its top-left cell, and that cell.
    std::map<std::pair<int, int>, std::pair<int, int>> covered;
    long slots = 0;
    for (const CellRange& m : sheet.merges) {
      const long area = static_cast<long>(m.last_row - m.first_row + 1) *
                        static_cast<long>(m.last_column - m.first_column + 1);
      if (area > kMaxMergeSlots || slots + area > kMaxMergeSlots) continue;
      slots += area;
      for (int r = m.first_row; r <= m.last_row; ++r)
        for (int c = m.first_column; c <= m.last_column; ++c)
          if (r != m.first_row || c != m.first_column)
            covered[{r, c}] = {m.first_row, m.first_column};
    }
    int first_column = sheet.columns;
    for (const auto& [at, cell] : sheet.cells) first_column = std::min(first_column, at.second);
    for (int r = 0; r < sheet.rows; ++r) {
      Line line;
      line.positioned = true;
      std::pair<int, int> last{-1, -1};
      bool last_emitted = false;
      int first_text = -1;
      for (int c = first_column; c < sheet.columns; ++c) {
        std::pair<int, int> origin{r, c};
        if (auto it = covered.find({r, c}); it != covered.end()) origin = it->second;
        if (origin == last) {  // the same cell spanning columns
          if (last_emitted) line.pieces.back().x1 = c + 1;
          continue;
        }
        last = origin;
        const SheetCell* cell = sheet.at(origin.first, origin.second);
        const std::string text = cell == nullptr ? std::string() : tidy(shown_text(*cell));
        // A label spanning rows heads each of them; a value or blank spanning rows belongs to
        // its first row only.
        last_emitted = !(origin.first != r && (text.empty() || looks_like_value(text)));
        if (!last_emitted) continue;
        if (!text.empty() && first_text < 0) first_text = origin.second;
        line.pieces.push_back({text, static_cast<double>(c), static_cast<double>(c + 1),
                               cell_place(sheet, origin.first, origin.second)});
      }
      std::size_t filled = 0;
      bool value = false;
      for (const Piece& p : line.pieces) {
        filled += p.text.empty() ? 0 : 1;
        value = value || (!p.text.empty() && looks_like_value(p.text));
      }
      if (filled == 0) continue;
      line.where.place = cell_place(sheet, r, first_text);
      line.where.order = place_order(s, r, first_text);
      if (filled >= 2 || value) {
        line.cells = true;
      } else {
        // One text alone in its row: a title, a heading or a paragraph.
        std::string text;
        for (const Piece& p : line.pieces) text += p.text;
        line.pieces.clear();
        line.positioned = false;
        for (std::string& w : printed_words(text)) line.pieces.push_back({std::move(w), 0, 0, {}});
      }
      line.width = static_cast<double>(line.text().size());
      doc.lines.push_back(std::move(line));
    }
  }
  doc.content_begin = 0;
  doc.content_end = doc.lines.size();
  doc.flow = Flow::Blocks;
  doc.description = book.description;
  return doc;
}

}  // namespace govreport::importer
