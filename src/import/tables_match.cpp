// Reading the tables, stage 2: each printed row recognised as a row of the report's edition, in
// the order the edition declares them; what is not a row of it is reported with its values.

#include <fmt/format.h>

#include <algorithm>

#include "import/tables.hpp"

namespace govreport::importer {

std::optional<Match> best_match(const RowMatcher& matcher, const std::u32string& label,
                                const std::u32string& own, bool& from_own) {
  std::optional<Match> m;
  from_own = false;
  if (!own.empty() && own != label) {
    m = matcher.match(own);
    from_own = m && m->candidate->def().role != RowRole::Group;
  }
  if (!from_own) m = matcher.match(label);
  return m;
}

namespace {

// The last line of a label wrapped over three lines can fall below its values, where it reads
// as the start of the next row's label: take it back when it completes this row's label.
void complete_from_next(const RowMatcher& matcher, PrintedRow& row, PrintedRow& next) {
  if (row.values.empty() || next.marks.size() < 2) return;
  const std::u32string label = fold(row.label);
  bool from_own = false;
  if (const auto m = best_match(matcher, label, matcher.without_groups(label), from_own);
      m && m->how == How::Exact)
    return;
  for (std::size_t k = 1; k < next.marks.size() && k <= 3; ++k) {
    const std::string prefix = next.label.substr(0, next.marks[k].first);
    const std::u32string longer = fold(row.label + prefix);
    const auto m = best_match(matcher, longer, matcher.without_groups(longer), from_own);
    if (!m || m->how != How::Exact || m->candidate->def().role == RowRole::Group ||
        m->printed.size() <= 1)
      continue;
    row.label += prefix;
    next.label.erase(0, prefix.size());
    next.marks.erase(next.marks.begin(), next.marks.begin() + static_cast<std::ptrdiff_t>(k));
    for (auto& mark : next.marks) mark.first -= prefix.size();
    if (!next.marks.empty()) next.where = next.marks.front().second;
    return;
  }
}

void out_of_order(TableRead& read, const PrintedRow& row, const Candidate& c,
                  const Candidate& other) {
  const Row& r = c.def();
  const Row& o = other.def();
  add_finding(
      read.findings, "row-order", row.where, row_pointer(*c.table, r),
      fmt::format("{}：其行名之前还有行名“{}{}”而没有数值，来源中的文字不是按行排列的（例如不带 "
                  "-layout 的 pdftotext）；"
                  "无法判断数值 {} 属于哪一行，未导入",
                  row_name(*c.table, r), o.numbering, o.zh, values_text(row)),
      fmt::format(
          "{}: its label follows the label \"{}{}\" with no values between them, so the text of "
          "the source does not run row by row (e.g. pdftotext without -layout); the values {} "
          "cannot "
          "be told to belong to it and were not imported",
          row_name(*c.table, r), o.numbering, o.zh, values_text(row)));
}

void variant(TableRead& read, const PrintedRow& row, const Candidate& c, const std::string& printed,
             How how) {
  const std::string official = std::string(c.def().numbering) + std::string(c.def().zh);
  const std::string why_zh = how == How::Typo    ? "按位置和编号认作"
                             : how == How::Noted ? "带有括号说明，认作"
                                                 : "缺少编号，认作";
  const std::string why_en = how == How::Typo    ? "taken by its place and numbering as"
                             : how == How::Noted ? "carries a bracketed note; taken as"
                                                 : "lacks its numbering; taken as";
  add_finding(read.findings, "label-variant", row.where, row_pointer(*c.table, c.def()),
              fmt::format("{}：印作“{}”，与格式规定的“{}”不同，{}该行", table_name(*c.table),
                          printed, official, why_zh),
              fmt::format("{}: printed \"{}\", not the official \"{}\"; {} that row",
                          table_name_en(*c.table), printed, official, why_en));
}

void unplaced(TableRead& read, const PrintedRow& row) {
  // A whole table printed on one line, its rows side by side (四: 行政复议 | 行政诉讼 …).
  for (const Table* t : read.matcher.tables()) {
    if (t->data_rows < 2 ||
        row.values.size() != static_cast<std::size_t>(t->data_rows) * t->columns.size())
      continue;
    // Only a table printed without a column of row labels lays its rows side by side.
    const bool touched = std::any_of(read.filled.begin(), read.filled.end(),
                                     [&](const auto& f) { return f.first.first == t; });
    if (t->layout != TableLayout::Transposed || touched) continue;
    std::size_t v = 0;
    for (std::size_t r = 0; r < t->rows.size(); ++r) {
      if (t->rows[r].role == RowRole::Group) continue;
      PrintedRow part{row.label, {}, row.where};
      for (std::size_t c = 0; c < t->columns.size(); ++c) part.values.push_back(row.values[v++]);
      read.take(part, t, static_cast<int>(r), false);
    }
    return;
  }
  // Text with a number in it, or a row the national format does not have.
  std::u32string tail = fold(row.last_line());
  const std::size_t stop = tail.find_last_of(U"。;,:");
  if (stop != std::u32string::npos) tail = tail.substr(stop + 1);
  if (tail.empty()) return;
  const bool row_like =
      std::any_of(read.matcher.tables().begin(), read.matcher.tables().end(),
                  [&](const Table* t) { return row.values.size() == t->columns.size(); });
  if (!row_like || tail.size() > 40) return;
  const std::string printed = as_printed(row.label, tail.size());
  add_finding(
      read.findings, "extra-row", row.where_of_tail(tail.size()), "",
      fmt::format("“{}”不是格式规定的行（地方增设的行？）；其数值 {} 未导入，也不计入合计", printed,
                  values_text(row)),
      fmt::format(
          "\"{}\" is not a row of the national format (a local addition?); its values {} were "
          "not imported nor counted in any total",
          printed, values_text(row)));
}

void place(TableRead& read, PrintedRow& row) {
  const std::u32string label = fold(row.label);
  const bool blank =
      std::all_of(row.values.begin(), row.values.end(), [](const Value& v) { return v.blank(); });
  const std::u32string own = read.matcher.without_groups(label);
  bool from_own = false;
  std::optional<Match> m = best_match(read.matcher, label, own, from_own);
  if (!m) {
    if (!blank) unplaced(read, row);
    return;
  }
  const Candidate& c = *m->candidate;
  const std::string printed =
      from_own ? encode_utf8(m->printed) : as_printed(row.label, m->printed.size());
  if (!from_own) row.where = row.where_of_tail(m->printed.size());
  if (!blank && c.def().role != RowRole::Group) {
    const std::u32string& text = from_own ? own : label;
    if (const Candidate* other =
            read.matcher.earlier_row(text.substr(0, text.size() - m->printed.size()), c)) {
      out_of_order(read, row, c, *other);
      return;
    }
  }
  if (c.current) {
    if (c.def().role == RowRole::Group) {
      if (!blank) group_with_values(read, row, c, printed);
      return;
    }
    if (m->how != How::Exact) variant(read, row, c, printed, m->how);
    read.take(row, c.table, c.row, true);
    return;
  }
  // A row of another edition: find the row of the report's edition that holds its values.
  if (blank && c.def().role == RowRole::Group) return;
  other_edition(read, row, c, printed);
}

void flush_accumulated(TableRead& read) {
  for (auto it = read.sums.begin(); it != read.sums.end();) {
    if (read.filled.contains(it->first)) {  // printed as one row as well: that row counts
      it = read.sums.erase(it);
      continue;
    }
    read.filled[it->first] = it->second.front();
    ++it;
  }
}

// A group label printed top to bottom in a narrow column beside its rows, one to three
// characters a line: a text extraction puts those characters at the start of the lines of the
// row labels, and on lines of their own between them ("（四 1.本机关不掌握…", "）无 2.没有现成…",
// "法提 3.补正后…", "供"). Read down the lines, the short first pieces (or second, beside an
// outer group's column) that spell a group label of the edition are taken out of the labels. A
// row with values keeps some label of its own, or nothing is taken.
void take_out_stacked_groups(const RowMatcher& matcher, std::vector<PrintedRow>& rows) {
  struct Bit {
    std::size_t row, mark;
    std::size_t line;
    std::u32string text;
  };
  std::vector<Bit> bits;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const PrintedRow& row = rows[r];
    bool previous_short = false;
    for (std::size_t k = 0; k < row.marks.size(); ++k) {
      const std::size_t line = row.marks[k].second.line;
      const bool first = k == 0 || row.marks[k - 1].second.line != line;
      const std::size_t end = k + 1 < row.marks.size() ? row.marks[k + 1].first : row.label.size();
      const std::u32string text =
          fold(std::string_view(row.label).substr(row.marks[k].first, end - row.marks[k].first));
      const bool is_short = !text.empty() && text.size() <= 3;
      if (line > 0 && is_short && (first || previous_short)) bits.push_back({r, k, line, text});
      previous_short = first && is_short;
    }
  }
  if (bits.size() < 2) return;
  std::vector<bool> claimed(bits.size(), false);
  for (const Candidate& g : matcher.candidates()) {
    if (!g.current || g.def().role != RowRole::Group || g.full.size() < 3) continue;
    for (std::size_t s = 0; s < bits.size(); ++s) {
      if (claimed[s] || !g.full.starts_with(bits[s].text)) continue;
      std::vector<std::size_t> run = {s};
      std::size_t spelled = bits[s].text.size();
      for (std::size_t k = s + 1; k < bits.size() && spelled < g.full.size(); ++k) {
        const Bit& last = bits[run.back()];
        if (bits[k].line > last.line + 2) break;
        if (claimed[k] || bits[k].line == last.line ||
            !std::u32string_view(g.full).substr(spelled).starts_with(bits[k].text))
          continue;
        run.push_back(k);
        spelled += bits[k].text.size();
      }
      if (spelled != g.full.size() || run.size() < 2) continue;
      // Each row with values keeps a label of its own.
      bool keeps = true;
      for (std::size_t r = bits[run.front()].row; r <= bits[run.back()].row && keeps; ++r) {
        if (rows[r].values.empty()) continue;
        std::size_t left = 0;
        for (std::size_t k = 0; k < rows[r].marks.size(); ++k) {
          const bool gone = std::any_of(run.begin(), run.end(), [&](std::size_t b) {
            return bits[b].row == r && bits[b].mark == k;
          });
          if (gone) continue;
          const std::size_t end =
              k + 1 < rows[r].marks.size() ? rows[r].marks[k + 1].first : rows[r].label.size();
          left += end - rows[r].marks[k].first;
        }
        keeps = left > 0;
      }
      if (!keeps) continue;
      for (std::size_t b : run) claimed[b] = true;
    }
  }
  // Take the claimed pieces out, last first so that the offsets before them hold.
  for (std::size_t b = bits.size(); b-- > 0;) {
    if (!claimed[b]) continue;
    PrintedRow& row = rows[bits[b].row];
    const std::size_t k = bits[b].mark;
    const std::size_t end = k + 1 < row.marks.size() ? row.marks[k + 1].first : row.label.size();
    const std::size_t length = end - row.marks[k].first;
    row.label.erase(row.marks[k].first, length);
    for (std::size_t j = k + 1; j < row.marks.size(); ++j) row.marks[j].first -= length;
    row.marks.erase(row.marks.begin() + static_cast<std::ptrdiff_t>(k));
    if (k == 0 && !row.marks.empty()) row.where = row.marks.front().second;
  }
}

}  // namespace

void match_rows(TableRead& read, std::vector<PrintedRow>& rows) {
  take_out_stacked_groups(read.matcher, rows);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i + 1 < rows.size()) complete_from_next(read.matcher, rows[i], rows[i + 1]);
    place(read, rows[i]);
  }
  flush_accumulated(read);
}

}  // namespace govreport::importer
