// The statistical tables: rows are recognised by walking the edition's declaration, never by
// labels spelled here; values are put into columns by count, or by position where cells are blank.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "import/normalize.hpp"
#include "import/recognise.hpp"
#include "import/rows.hpp"

namespace govreport::importer {
namespace {

struct Value {
  std::string text;
  double x0 = 0;
  double x1 = 0;
  bool positioned = false;
  std::string place;      // the workbook cell it was read from, if any
  std::size_t order = 0;  // and its document order
  double centre() const { return (x0 + x1) / 2; }
  bool blank() const { return tidy(text).empty(); }
};

// A printed row: the label text since the previous row, and the values after it.
struct PrintedRow {
  std::string label;
  std::vector<Value> values;
  Where where;
  // Right edge of the label on the line of the first value, when the source gives positions.
  double label_right = -1e9;
  // Where each piece of the label starts: its byte offset in `label` and its place.
  std::vector<std::pair<std::size_t, Where>> marks;

  // Where the last `tail` characters of the label (whitespace not counted) start.
  Where where_of_tail(std::size_t tail) const {
    std::size_t offset = label.size();
    for (std::size_t seen = 0; offset > 0 && seen < tail;) {
      --offset;
      const auto c = static_cast<unsigned char>(label[offset]);
      if ((c & 0xC0) == 0x80) continue;  // inside a character
      if (c != ' ' && c != '\t') ++seen;
    }
    Where w = where;
    for (const auto& [at, place] : marks)
      if (at <= offset) w = place;
    return w;
  }

  // The label as printed on its last line: a row of its own, without the headings above it.
  std::string last_line() const {
    if (marks.empty()) return label;
    const Where& last = marks.back().second;
    std::size_t start = marks.back().first;
    for (std::size_t i = marks.size(); i-- > 0;) {
      if (marks[i].second.line != last.line || marks[i].second.page != last.page) break;
      start = marks[i].first;
    }
    return label.substr(start);
  }
};

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

std::string table_name(const Table& t) {
  return t.caption.empty() ? "表" + std::string(t.section)
                           : std::string(t.section) + "·" + std::string(t.caption);
}

std::string table_name_en(const Table& t) {
  return t.caption.empty() ? "table " + std::string(t.section)
                           : "table " + std::string(t.section) + " " + std::string(t.caption);
}

std::string row_pointer(const Table& t, const Row& r) {
  std::string path = r.path;
  std::replace(path.begin(), path.end(), '.', '/');
  return "/" + std::string(t.json_key) + "/" + path;
}

std::string row_name(const Table& t, const Row& r) {
  std::string name = table_name(t) + " ";
  if (!r.head_zh.empty()) name += std::string(r.head_zh) + "·";
  return name + std::string(r.numbering) + std::string(r.zh);
}

class TableReader {
 public:
  TableReader(const Document& doc, Span span, const std::vector<std::string_view>& sections,
              const Place& place, Report& report, Findings& findings, TableCounts& counts)
      : doc_(doc),
        span_(span),
        place_(place),
        report_(report),
        findings_(findings),
        counts_(counts),
        matcher_(*report.edition, sections) {}

  void run() {
    collect_rows();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (i + 1 < rows_.size()) complete_from_next(rows_[i], rows_[i + 1]);
      place(rows_[i]);
    }
    flush_accumulated();
    assign_positioned();
    report_missing();
  }

 private:
  // Splits the lines into printed rows: label text, then the values that follow it.
  void collect_rows() {
    std::string pending;
    Where pending_where;
    std::vector<std::pair<std::size_t, Where>> marks;
    PrintedRow current;
    bool open = false;
    auto close = [&] {
      if (open) rows_.push_back(std::move(current));
      current = PrintedRow{};
      open = false;
    };
    auto add_text = [&](const std::string& text, const Where& where) {
      if (pending.empty()) pending_where = where;
      marks.emplace_back(pending.size(), where);
      pending += text;
    };
    for (std::size_t i = span_.begin; i < span_.end && i < doc_.lines.size(); ++i) {
      const Line& line = doc_.lines[i];
      if (line.cells) {
        close();
        // The label is the text before the first value; blank cells after it are values.
        std::size_t first_value = line.pieces.size();
        for (std::size_t k = 0; k < line.pieces.size(); ++k)
          if (looks_like_value(line.pieces[k].text)) {
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
                                line.positioned, line.pieces[k].place, line.where.order});
        rows_.push_back(std::move(row));
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
          current.values.push_back(
              {p.text, p.x0, p.x1, line.positioned, p.place, line.where.order});
        } else {
          close();
          add_text(p.text, line.where);
          text_right = p.x1;
        }
      }
    }
    close();
  }

  // The part of the printed label, as printed (whitespace left out), that `folded` stands for.
  static std::string as_printed(const std::string& label, std::size_t folded_length) {
    std::u32string compact;
    for (char32_t c : decode(tidy(label)))
      if (c != U' ') compact.push_back(c);
    if (folded_length < compact.size()) compact = compact.substr(compact.size() - folded_length);
    return encode(compact);
  }

  // Matches a label, first without its group headings; `from_own` says which one matched.
  std::optional<Match> best_match(const std::u32string& label, const std::u32string& own,
                                  bool& from_own) const {
    std::optional<Match> m;
    from_own = false;
    if (!own.empty() && own != label) {
      m = matcher_.match(own);
      from_own = m && m->candidate->def().role != RowRole::Group;
    }
    if (!from_own) m = matcher_.match(label);
    return m;
  }

  // The last line of a label wrapped over three lines can fall below its values, where it reads
  // as the start of the next row's label: take it back when it completes this row's label.
  void complete_from_next(PrintedRow& row, PrintedRow& next) const {
    if (row.values.empty() || next.marks.size() < 2) return;
    const std::u32string label = fold(row.label);
    bool from_own = false;
    if (const auto m = best_match(label, matcher_.without_groups(label), from_own);
        m && m->how == How::Exact)
      return;
    for (std::size_t k = 1; k < next.marks.size() && k <= 3; ++k) {
      const std::string prefix = next.label.substr(0, next.marks[k].first);
      const std::u32string longer = fold(row.label + prefix);
      const auto m = best_match(longer, matcher_.without_groups(longer), from_own);
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

  void place(PrintedRow& row) {
    const std::u32string label = fold(row.label);
    const bool blank =
        std::all_of(row.values.begin(), row.values.end(), [](const Value& v) { return v.blank(); });
    const std::u32string own = matcher_.without_groups(label);
    bool from_own = false;
    std::optional<Match> m = best_match(label, own, from_own);
    if (!m) {
      if (!blank) unplaced(row);
      return;
    }
    const Candidate& c = *m->candidate;
    const std::string printed =
        from_own ? encode(m->printed) : as_printed(row.label, m->printed.size());
    if (!from_own) row.where = row.where_of_tail(m->printed.size());
    if (!blank && c.def().role != RowRole::Group) {
      const std::u32string& text = from_own ? own : label;
      if (const Candidate* other =
              matcher_.earlier_row(text.substr(0, text.size() - m->printed.size()))) {
        out_of_order(row, c, *other);
        return;
      }
    }
    if (c.current) {
      if (c.def().role == RowRole::Group) {
        if (!blank) group_with_values(row, c, printed);
        return;
      }
      if (m->how != How::Exact) variant(row, c, printed, m->how);
      take(row, c.table, c.row, true);
      return;
    }
    // A row of another edition: find the row of the report's edition that holds its values.
    if (blank && c.def().role == RowRole::Group) return;
    other_edition(row, c, printed);
  }

  void out_of_order(const PrintedRow& row, const Candidate& c, const Candidate& other) {
    const Row& r = c.def();
    const Row& o = other.def();
    findings_.add(
        "row-order", row.where, row_pointer(*c.table, r),
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

  void variant(const PrintedRow& row, const Candidate& c, const std::string& printed, How how) {
    const std::string official = std::string(c.def().numbering) + std::string(c.def().zh);
    const std::string why_zh = how == How::Typo    ? "按位置和编号认作"
                               : how == How::Noted ? "带有括号说明，认作"
                                                   : "缺少编号，认作";
    const std::string why_en = how == How::Typo    ? "taken by its place and numbering as"
                               : how == How::Noted ? "carries a bracketed note; taken as"
                                                   : "lacks its numbering; taken as";
    findings_.add("label-variant", row.where, row_pointer(*c.table, c.def()),
                  fmt::format("{}：印作“{}”，与格式规定的“{}”不同，{}该行", table_name(*c.table),
                              printed, official, why_zh),
                  fmt::format("{}: printed \"{}\", not the official \"{}\"; {} that row",
                              table_name_en(*c.table), printed, official, why_en));
  }

  // A group row with values: the old edition printed it as one row (2019: （六）其他处理).
  void group_with_values(PrintedRow& row, const Candidate& c, const std::string& printed) {
    for (const Candidate& o : matcher_.candidates()) {
      if (o.current || o.full != c.full || o.def().role == RowRole::Group) continue;
      other_edition(row, o, printed);
      return;
    }
    findings_.add(
        "merged-row", row.where, row_pointer(*c.table, c.def()),
        fmt::format("{}：“{}”是分项的标题，却填了数值；无法判断属于哪一分项，未导入",
                    table_name(*c.table), printed),
        fmt::format("{}: \"{}\" heads a group of rows but carries values; which row they belong to "
                    "cannot be told, so they were not imported",
                    table_name_en(*c.table), printed));
  }

  const Table* own_table(std::string_view id) const {
    for (const Table* t : matcher_.tables())
      if (t->id == id) return t;
    return nullptr;
  }

  void other_edition(PrintedRow& row, const Candidate& c, const std::string& printed) {
    const Edition& mine = *report_.edition;
    const Table* table = own_table(c.table->id);
    const std::string& path = c.def().path;
    const int index = table ? table->row_index(path) : -1;
    if (index >= 0 && table->rows[static_cast<std::size_t>(index)].role != RowRole::Group) {
      const Row& r = table->rows[static_cast<std::size_t>(index)];
      findings_.add(
          "label-variant", row.where, row_pointer(*table, r),
          fmt::format("{}：“{}”是 {} 版格式的写法，{} 版格式为“{}{}”，认作该行", table_name(*table),
                      printed, c.edition->id, mine.id, r.numbering, r.zh),
          fmt::format(
              "{}: \"{}\" is the label of the {} edition; the {} edition prints \"{}{}\"; taken "
              "as that row",
              table_name_en(*table), printed, c.edition->id, mine.id, r.numbering, r.zh));
      take(row, table, index, true);
      return;
    }
    if (index >= 0) {
      // Split in this edition: the values go to the group's row of the same key ("其他"),
      // the other split rows stay blank.
      const Row& group = table->rows[static_cast<std::size_t>(index)];
      const int target = table->row_index(path + "." + std::string(group.key));
      if (target >= 0) {
        const Row& t = table->rows[static_cast<std::size_t>(target)];
        std::string blanks_zh, blanks_en;
        for (std::size_t r = 0; r < table->rows.size(); ++r) {
          const Row& sibling = table->rows[r];
          if (sibling.parent != index || static_cast<int>(r) == target) continue;
          accounted_.insert({table, static_cast<int>(r)});
          blanks_zh += (blanks_zh.empty() ? "" : "、") + std::string(sibling.numbering);
          blanks_en += (blanks_en.empty() ? "" : ", ") + std::string(sibling.numbering);
        }
        const auto parts = std::count_if(table->rows.begin(), table->rows.end(),
                                         [&](const Row& x) { return x.parent == index; });
        findings_.add(
            "merged-row", row.where, row_pointer(*table, t),
            fmt::format("{}：“{}”按 {} 版格式印作一行，{} 版格式分为 {} 行；数值记入{}{}{}，{}留空",
                        table_name(*table), printed, c.edition->id, mine.id, parts, group.numbering,
                        t.numbering, t.zh, blanks_zh),
            fmt::format(
                "{}: \"{}\" is printed as one row as in the {} edition, which the {} edition "
                "splits into {}; its values are kept under {}{}{}, rows {} left blank",
                table_name_en(*table), printed, c.edition->id, mine.id, parts, group.numbering,
                t.numbering, t.zh, blanks_en));
        take(row, table, target, true);
        return;
      }
    }
    // Not a row of this edition, but part of one: add it into that row.
    if (table != nullptr) {
      for (std::string prefix = path; prefix.find('.') != std::string::npos;) {
        prefix.erase(prefix.rfind('.'));
        const int up = table->row_index(prefix);
        if (up < 0 || table->rows[static_cast<std::size_t>(up)].role == RowRole::Group) continue;
        const Row& r = table->rows[static_cast<std::size_t>(up)];
        findings_.add(
            "merged-row", row.where, row_pointer(*table, r),
            fmt::format("{}：“{}”是 {} 版格式的分项，{} 版格式合为“{}{}”一行，数值计入该行",
                        table_name(*table), printed, c.edition->id, mine.id, r.numbering, r.zh),
            fmt::format(
                "{}: \"{}\" is a row of the {} edition that the {} edition counts in \"{}{}\"; its "
                "values are added there",
                table_name_en(*table), printed, c.edition->id, mine.id, r.numbering, r.zh));
        accumulate(row, table, up);
        return;
      }
    }
    findings_.add(
        "extra-row", row.where, "",
        fmt::format("“{}”是 {} 版格式的行，{} 版格式没有这一行；其数值 {} 未导入", printed,
                    c.edition->id, mine.id, values_text(row)),
        fmt::format(
            "\"{}\" is a row of the {} edition that the {} edition does not have; its values {} "
            "were not imported",
            printed, c.edition->id, mine.id, values_text(row)));
  }

  static std::string values_text(const PrintedRow& row) {
    std::string out;
    for (const Value& v : row.values)
      out += (out.empty() ? "" : " ") + (v.blank() ? std::string("_") : tidy(v.text));
    return out;
  }

  void unplaced(const PrintedRow& row) {
    // A whole table printed on one line, its rows side by side (四: 行政复议 | 行政诉讼 …).
    for (const Table* t : matcher_.tables()) {
      if (t->data_rows < 2 ||
          row.values.size() != static_cast<std::size_t>(t->data_rows) * t->columns.size())
        continue;
      // Only a table printed without a column of row labels lays its rows side by side.
      const bool touched = std::any_of(filled_.begin(), filled_.end(),
                                       [&](const auto& f) { return f.first.first == t; });
      if (t->layout != TableLayout::Transposed || touched) continue;
      std::size_t v = 0;
      for (std::size_t r = 0; r < t->rows.size(); ++r) {
        if (t->rows[r].role == RowRole::Group) continue;
        PrintedRow part{row.label, {}, row.where};
        for (std::size_t c = 0; c < t->columns.size(); ++c) part.values.push_back(row.values[v++]);
        take(part, t, static_cast<int>(r), false);
      }
      return;
    }
    // Text with a number in it, or a row the national format does not have.
    std::u32string tail = fold(row.last_line());
    const std::size_t stop = tail.find_last_of(U"。;,:");
    if (stop != std::u32string::npos) tail = tail.substr(stop + 1);
    if (tail.empty()) return;
    const bool row_like =
        std::any_of(matcher_.tables().begin(), matcher_.tables().end(),
                    [&](const Table* t) { return row.values.size() == t->columns.size(); });
    if (!row_like || tail.size() > 40) return;
    const std::string printed = as_printed(row.label, tail.size());
    findings_.add(
        "extra-row", row.where_of_tail(tail.size()), "",
        fmt::format("“{}”不是格式规定的行（地方增设的行？）；其数值 {} 未导入，也不计入合计",
                    printed, values_text(row)),
        fmt::format(
            "\"{}\" is not a row of the national format (a local addition?); its values {} were "
            "not imported nor counted in any total",
            printed, values_text(row)));
  }

  // Records that `row` of `table` was printed with `printed`'s values.
  void take(const PrintedRow& printed, const Table* table, int row, bool by_label) {
    const std::pair<const Table*, int> key{table, row};
    if (filled_.contains(key)) {
      const Row& r = table->rows[static_cast<std::size_t>(row)];
      findings_.add(
          "extra-row", printed.where, row_pointer(*table, r),
          fmt::format("{} 印了两次；第二次的数值 {} 未导入", row_name(*table, r),
                      values_text(printed)),
          fmt::format("{} is printed twice; the values {} of the second were not imported",
                      row_name(*table, r), values_text(printed)));
      return;
    }
    filled_[key] = printed;
    matcher_.taken(table, row, by_label);
  }

  // Records that `printed` is one of the rows that add up to `row` of `table`; the sum is made
  // cell by cell once the values are read.
  void accumulate(const PrintedRow& printed, const Table* table, int row) {
    sums_[{table, row}].push_back(printed);
    matcher_.taken(table, row, false);
  }

  void flush_accumulated() {
    for (auto it = sums_.begin(); it != sums_.end();) {
      if (filled_.contains(it->first)) {  // printed as one row as well: that row counts
        it = sums_.erase(it);
        continue;
      }
      filled_[it->first] = it->second.front();
      ++it;
    }
  }

  // Column centres learnt from the rows of `table` printed in full with positions.
  std::optional<std::vector<double>> centres(const Table* table) const {
    const std::size_t n = table->columns.size();
    std::vector<std::vector<double>> seen(n);
    for (const auto& [key, row] : filled_) {
      if (key.first != table || row.values.size() != n) continue;
      if (!std::all_of(row.values.begin(), row.values.end(),
                       [](const Value& v) { return v.positioned && !v.blank(); }))
        continue;
      for (std::size_t c = 0; c < n; ++c) seen[c].push_back(row.values[c].centre());
    }
    if (seen[0].empty()) return header_centres(table);
    std::vector<double> out(n);
    for (std::size_t c = 0; c < n; ++c) {
      double sum = 0;
      for (double x : seen[c]) sum += x;
      out[c] = sum / static_cast<double>(seen[c].size());
    }
    // The columns must stand apart further than the values of one column stray.
    for (std::size_t c = 0; c < n; ++c) {
      const double gap = gap_at(out, c);
      if (gap <= 0) return std::nullopt;
      for (double x : seen[c])
        if (std::abs(x - out[c]) > gap / 3) return std::nullopt;
    }
    return out;
  }

  // Column centres from the column heads printed above the rows, each possibly stacked over
  // several lines ("商业" over "企业"); used when no row is printed in full.
  std::optional<std::vector<double>> header_centres(const Table* table) const {
    struct Placed {
      std::u32string text;
      double x0, x1;
      std::size_t line;
    };
    std::vector<Placed> pieces;
    for (std::size_t i = span_.begin; i < span_.end && i < doc_.lines.size(); ++i) {
      const Line& line = doc_.lines[i];
      if (!line.exact || line.cells) continue;
      for (const Piece& p : line.pieces)
        if (std::u32string f = fold(p.text); !f.empty())
          pieces.push_back({std::move(f), p.x0, p.x1, i});
    }
    std::vector<double> out;
    for (const Column& col : table->columns) {
      const std::u32string label = fold(col.zh);
      std::optional<double> found;
      for (std::size_t start = 0; start < pieces.size(); ++start) {
        if (!label.starts_with(pieces[start].text)) continue;
        std::u32string text = pieces[start].text;
        double x0 = pieces[start].x0, x1 = pieces[start].x1;
        std::size_t line = pieces[start].line;
        for (std::size_t k = start + 1; k < pieces.size() && text.size() < label.size(); ++k) {
          const Placed& q = pieces[k];
          if (q.line == line || q.line > line + 3 || std::min(x1, q.x1) <= std::max(x0, q.x0))
            continue;
          if (!std::u32string_view(label).substr(text.size()).starts_with(q.text)) continue;
          text += q.text;
          x0 = std::min(x0, q.x0);
          x1 = std::max(x1, q.x1);
          line = q.line;
        }
        if (text == label) found = (x0 + x1) / 2;  // the last one printed, nearest the rows
      }
      if (!found || (!out.empty() && *found <= out.back())) return std::nullopt;
      out.push_back(*found);
    }
    // Heads are centred and values may not be: every value of the table must still stand
    // plainly in one column, a different one for each value of a row.
    for (const auto& [key, row] : filled_) {
      if (key.first != table) continue;
      std::vector<bool> taken(out.size(), false);
      for (const Value& v : row.values) {
        if (!v.positioned) return std::nullopt;
        if (v.blank()) continue;
        const std::size_t c = nearest(out, v.centre());
        if (taken[c] || std::abs(v.centre() - out[c]) > gap_at(out, c) / 3) return std::nullopt;
        taken[c] = true;
      }
    }
    return out;
  }

  static std::size_t nearest(const std::vector<double>& centres, double x) {
    std::size_t best = 0;
    for (std::size_t c = 1; c < centres.size(); ++c)
      if (std::abs(x - centres[c]) < std::abs(x - centres[best])) best = c;
    return best;
  }

  static double gap_at(const std::vector<double>& centres, std::size_t c) {
    return std::min(c > 0 ? centres[c] - centres[c - 1] : 1e9,
                    c + 1 < centres.size() ? centres[c + 1] - centres[c] : 1e9);
  }

  // Puts the values of every recognised row into cells.
  void assign_positioned() {
    for (auto& [key, printed] : filled_) {
      const auto [table, row] = key;
      if (sums_.contains(key)) {
        std::vector<Cell> total;
        bool first = true;
        for (const PrintedRow& part : sums_[key]) {
          std::vector<Cell> cells = read_row(part, table, row, true);
          if (cells.empty()) continue;
          if (first) {
            total = cells;
            first = false;
            continue;
          }
          for (std::size_t c = 0; c < total.size(); ++c) {
            if (total[c].is_blank() || cells[c].is_blank()) {
              total[c] = Cell{};
            } else {
              const std::int64_t a = total[c].is_number() ? total[c].value : 0;
              const std::int64_t b = cells[c].is_number() ? cells[c].value : 0;
              total[c] = Cell::number(a + b);
            }
          }
        }
        store(table, row, total);
        continue;
      }
      std::vector<Value> from;
      store(table, row, read_row(printed, table, row, true, &from));
      // A value read from a workbook cell: findings about it name that cell.
      for (std::size_t c = 0; c < from.size(); ++c) {
        if (from[c].place.empty()) continue;
        const CellDef& def =
            report_.edition->cells[static_cast<std::size_t>(table->cell(row, static_cast<int>(c)))];
        report_.source.add_place(def.pointer, from[c].place, from[c].order);
      }
    }
  }

  void store(const Table* table, int row, const std::vector<Cell>& cells) {
    if (cells.size() != table->columns.size()) return;
    for (std::size_t c = 0; c < cells.size(); ++c)
      report_.cells[static_cast<std::size_t>(table->cell(row, static_cast<int>(c)))] = cells[c];
  }

  // Reads the values of one printed row into cells of `row`; empty when they cannot be placed.
  // `from`, when given, receives the value each column was read from.
  std::vector<Cell> read_row(const PrintedRow& printed, const Table* table, int row,
                             bool report_issues, std::vector<Value>* from = nullptr) {
    const std::size_t n = table->columns.size();
    const Row& r = table->rows[static_cast<std::size_t>(row)];
    std::vector<Value> values = printed.values;
    // Cells left over from a spanning layout are empty: drop them at the end.
    while (values.size() > n && values.back().blank()) values.pop_back();
    std::vector<const Value*> slots(n, nullptr);
    if (values.size() == n) {
      for (std::size_t c = 0; c < n; ++c) slots[c] = &values[c];
    } else {
      std::optional<std::vector<double>> at;
      if (values.size() < n && !values.empty() &&
          std::all_of(values.begin(), values.end(), [](const Value& v) { return v.positioned; }))
        at = centres(table);
      bool placed = at.has_value();
      // A label running into the columns pushes the value after it out of its place, unless that
      // value still stands in the first column.
      if (at) {
        const double half = ((*at)[1] - (*at)[0]) / 2;
        if (printed.label_right > (*at)[0] - half &&
            std::abs(values.front().centre() - (*at)[0]) > half * 2 / 3)
          placed = false;
      }
      if (placed) {
        for (const Value& v : values) {
          const std::size_t best = nearest(*at, v.centre());
          if (slots[best] != nullptr ||
              std::abs(v.centre() - (*at)[best]) > gap_at(*at, best) / 3) {
            placed = false;
            break;
          }
          slots[best] = &v;
        }
      }
      if (!placed) {
        if (report_issues)
          findings_.add(
              "cell-count", printed.where, row_pointer(*table, r),
              fmt::format("{} 有 {} 个数值（{}），表格有 {} 列；无法判断各属哪一列，整行留空",
                          row_name(*table, r), values.size(), values_text(printed), n),
              fmt::format(
                  "{} has {} values ({}) for {} columns; which belongs where cannot be told, so "
                  "the row is left blank",
                  row_name(*table, r), values.size(), values_text(printed), n));
        return std::vector<Cell>(n);
      }
    }
    std::vector<Cell> cells(n);
    if (from != nullptr) from->assign(n, Value{});
    // A blank cell is an error of the report, as null is in a data file (blank is not 0).
    auto blank = [&](std::size_t c, const Value* value) {
      if (!report_issues) return;
      const CellDef& def =
          report_.edition->cells[static_cast<std::size_t>(table->cell(row, static_cast<int>(c)))];
      Where where = printed.where;
      if (value != nullptr && !value->place.empty()) {
        where.place = value->place;
        where.order = value->order;
      }
      findings_.add_blank(where, def.pointer, fmt::format("{} 为空白；没有请填 0", def.name_zh),
                          fmt::format("{} is blank; write 0 if there were none", def.name_zh));
    };
    for (std::size_t c = 0; c < n; ++c) {
      if (slots[c] == nullptr) {  // blank where the source has no value
        blank(c, nullptr);
        continue;
      }
      if (from != nullptr) (*from)[c] = *slots[c];
      if (slots[c]->blank()) {
        blank(c, slots[c]);
        continue;
      }
      const Column& col = table->columns[c];
      const bool column_unit = fold(col.zh).find(U"元") != std::u32string::npos;
      const CellReading reading = read_cell(slots[c]->text, col.kind, column_unit);
      const std::string pointer =
          report_.edition->cells[static_cast<std::size_t>(table->cell(row, static_cast<int>(c)))]
              .pointer;
      const std::string name =
          report_.edition->cells[static_cast<std::size_t>(table->cell(row, static_cast<int>(c)))]
              .name_zh;
      const std::string text = tidy(slots[c]->text);
      if (reading.issue == CellReading::Issue::Unreadable) {
        if (report_issues)
          findings_.add(
              "unreadable-cell", printed.where, pointer,
              fmt::format("{}：“{}”不是数字、空白或“/”，留空", name, text),
              fmt::format("{}: \"{}\" is not a number, blank or \"/\"; left blank", name, text));
        continue;
      }
      if (reading.issue == CellReading::Issue::NoUnit) {
        if (report_issues)
          findings_.add(
              "amount-unit", printed.where, pointer,
              fmt::format("{}：“{}”没有写单位，格式也未规定单位（元还是万元？），留空", name, text),
              fmt::format(
                  "{}: \"{}\" has no unit and the format prints none (元 or 万元?); left blank",
                  name, text));
        continue;
      }
      cells[c] = reading.cell;
      const bool expected_unit = col.kind == CellKind::Amount && reading.unit == "万元";
      if (report_issues && !reading.unit.empty() && !expected_unit)
        findings_.add("cell-unit", printed.where, pointer,
                      reading.converted ? fmt::format("{}：“{}”带有单位，换算为 {} 万元", name,
                                                      text, format_amount(reading.cell.value))
                                        : fmt::format("{}：“{}”带有单位“{}”，读作 {}", name, text,
                                                      reading.unit, reading.cell.value),
                      reading.converted
                          ? fmt::format("{}: \"{}\" carries a unit; converted to {} 万元", name,
                                        text, format_amount(reading.cell.value))
                          : fmt::format("{}: \"{}\" carries the unit {}; read as {}", name, text,
                                        reading.unit, reading.cell.value));
    }
    return cells;
  }

  void report_missing() {
    const Where where = span_.begin < doc_.lines.size() ? doc_.lines[span_.begin].where : Where{};
    for (const Table* t : matcher_.tables()) {
      ++counts_.tables_total;
      int found = 0, total = 0;
      std::vector<int> missing;
      for (std::size_t r = 0; r < t->rows.size(); ++r) {
        if (t->rows[r].role == RowRole::Group) continue;
        ++total;
        const std::pair<const Table*, int> key{t, static_cast<int>(r)};
        if (filled_.contains(key) || accounted_.contains(key))
          ++found;
        else
          missing.push_back(static_cast<int>(r));
      }
      counts_.rows_total += total;
      counts_.rows_found += found;
      if (found == 0) {
        counts_.tables_missing.push_back(table_name(*t));
        const Row& first = t->rows.front();
        findings_.add(
            "missing-table", where, row_pointer(*t, first),
            fmt::format("未找到{}（在{}中查找）；其单元格留空", table_name(*t), place_.zh),
            fmt::format("{} not found (looked in {}); its cells are left blank", table_name_en(*t),
                        place_.en));
        continue;
      }
      ++counts_.tables_found;
      for (int r : missing) {
        const Row& row = t->rows[static_cast<std::size_t>(r)];
        findings_.add(
            "missing-row", where, row_pointer(*t, row),
            fmt::format("未找到 {}（在{}中查找）；其单元格留空", row_name(*t, row), place_.zh),
            fmt::format("{} not found (looked in {}); its cells are left blank", row_name(*t, row),
                        place_.en));
      }
    }
  }

  const Document& doc_;
  Span span_;
  Place place_;
  Report& report_;
  Findings& findings_;
  TableCounts& counts_;
  RowMatcher matcher_;
  std::vector<PrintedRow> rows_;
  std::map<std::pair<const Table*, int>, PrintedRow> filled_;
  std::map<std::pair<const Table*, int>, std::vector<PrintedRow>> sums_;
  std::set<std::pair<const Table*, int>> accounted_;
};

}  // namespace

void read_tables(const Document& doc, Span span, const std::vector<std::string_view>& sections,
                 const Place& place, Report& report, Findings& findings, TableCounts& counts) {
  TableReader(doc, span, sections, place, report, findings, counts).run();
}

}  // namespace govreport::importer
