// Reading the tables, stage 1: the lines into printed rows, each the label text since the
// previous row and the values that follow it.

#include "import/tables.hpp"

namespace govreport::importer {
namespace {

// A word that stands where a value should, but is an approximation ("约5", "10余"): read as a
// value, so that it is reported as unreadable rather than taken for part of the next label.
bool approximate(std::string_view word) {
  const std::u32string s = fold(word);
  if (s.size() < 2 || s.size() > 8) return false;
  std::size_t digits = 0;
  for (char32_t c : s) digits += c >= U'0' && c <= U'9' ? 1 : 0;
  if (digits == 0) return false;
  const bool before = std::u32string_view(U"约近超逾").find(s.front()) != std::u32string_view::npos;
  const bool after = std::u32string_view(U"余多").find(s.back()) != std::u32string_view::npos;
  return digits + 1 == s.size() && (before || after);
}

}  // namespace

std::vector<PrintedRow> split_rows(const Document& doc, Span span) {
  std::vector<PrintedRow> rows;
  std::string pending;
  Where pending_where;
  std::vector<std::pair<std::size_t, Where>> marks;
  PrintedRow current;
  bool open = false;
  auto close = [&] {
    if (open) rows.push_back(std::move(current));
    current = PrintedRow{};
    open = false;
  };
  auto add_text = [&](const std::string& text, const Where& where) {
    if (pending.empty()) pending_where = where;
    marks.emplace_back(pending.size(), where);
    pending += text;
  };
  for (std::size_t i = span.begin; i < span.end && i < doc.lines.size(); ++i) {
    const Line& line = doc.lines[i];
    if (line.cells) {
      close();
      // The label is the text before the first value; blank cells after it are values.
      std::size_t first_value = line.pieces.size();
      for (std::size_t k = 0; k < line.pieces.size(); ++k)
        if (looks_like_value(line.pieces[k].text) || approximate(line.pieces[k].text) ||
            (k > 0 && digits_apart(line.pieces[k].text))) {
          first_value = k;
          break;
        }
      std::size_t label_end = 0;
      for (std::size_t k = 0; k < first_value; ++k)
        if (!tidy(line.pieces[k].text).empty()) label_end = k + 1;
      std::string label;
      for (std::size_t k = 0; k < label_end; ++k) label += line.pieces[k].text;
      if (label_end == line.pieces.size()) {  // text only: part of a heading or a label
        add_text(label, line.where);
        continue;
      }
      PrintedRow row;
      row.where = pending.empty() ? line.where : pending_where;
      row.marks = std::move(marks);
      row.marks.emplace_back(pending.size(), line.where);
      row.label = pending + label;
      pending.clear();
      marks.clear();
      for (std::size_t k = label_end; k < line.pieces.size(); ++k)
        row.values.push_back({line.pieces[k].text, line.pieces[k].x0, line.pieces[k].x1,
                              line.positioned, line.pieces[k].place, line.where.order + k + 1});
      rows.push_back(std::move(row));
      continue;
    }
    double text_right = -1e9;
    for (const Piece& p : line.pieces) {
      if (looks_like_value(p.text) || approximate(p.text)) {
        if (!open) {
          current.label = pending;
          current.where = pending.empty() ? line.where : pending_where;
          current.marks = std::move(marks);
          current.label_right = line.positioned ? text_right : -1e9;
          pending.clear();
          marks.clear();
          open = true;
        }
        current.values.push_back({p.text, p.x0, p.x1, line.positioned, p.place, line.where.order});
      } else {
        close();
        add_text(p.text, line.where);
        text_right = p.x1;
      }
    }
  }
  close();
  return rows;
}

}  // namespace govreport::importer
