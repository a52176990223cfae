// Reading the tables, stage 3: the values of each recognised row put under their columns (by
// count, or by position where cells are blank) and read into cells.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "import/tables.hpp"

namespace govreport::importer {
namespace {

std::size_t nearest(const std::vector<double>& centres, double x) {
  std::size_t best = 0;
  for (std::size_t c = 1; c < centres.size(); ++c)
    if (std::abs(x - centres[c]) < std::abs(x - centres[best])) best = c;
  return best;
}

double gap_at(const std::vector<double>& centres, std::size_t c) {
  return std::min(c > 0 ? centres[c] - centres[c - 1] : 1e9,
                  c + 1 < centres.size() ? centres[c + 1] - centres[c] : 1e9);
}

// Column centres from the column heads printed above the rows, each possibly stacked over
// several lines ("商业" over "企业"); used when no row is printed in full.
std::optional<std::vector<double>> header_centres(const TableRead& read, const Table* table) {
  struct Placed {
    std::u32string text;
    double x0, x1;
    std::size_t line;
  };
  std::vector<Placed> pieces;
  for (std::size_t i = read.span.begin; i < read.span.end && i < read.doc.lines.size(); ++i) {
    const Line& line = read.doc.lines[i];
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
  for (const auto& [key, row] : read.filled) {
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

// Column centres learnt from the rows of `table` printed in full with positions.
std::optional<std::vector<double>> centres(const TableRead& read, const Table* table) {
  const std::size_t n = table->columns.size();
  std::vector<std::vector<double>> seen(n);
  for (const auto& [key, row] : read.filled) {
    if (key.first != table || row.values.size() != n) continue;
    if (!std::all_of(row.values.begin(), row.values.end(),
                     [](const Value& v) { return v.positioned && !v.blank(); }))
      continue;
    for (std::size_t c = 0; c < n; ++c) seen[c].push_back(row.values[c].centre());
  }
  if (seen[0].empty()) return header_centres(read, table);
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

void store(TableRead& read, const Table* table, int row, const std::vector<Cell>& cells) {
  if (cells.size() != table->columns.size()) return;
  for (std::size_t c = 0; c < cells.size(); ++c)
    read.report.cells[static_cast<std::size_t>(table->cell(row, static_cast<int>(c)))] = cells[c];
}

// The unit the printed head of amount column `col` gives, 元 or 万元, or empty: a line of the
// table's span where the column's label is followed by the unit with only brackets, spaces and
// 单位： between ("采购总金额（元）", "采购总金额（单位：元）", "采购总金额 单位：万元"); a number
// after the label ("采购总金额75394432.52元" in the text) is no head.
std::u32string_view headed_unit(const TableRead& read, const Column& col) {
  std::u32string label = fold(col.zh);
  if (const std::size_t open = label.find_first_of(U"（("); open != std::u32string::npos)
    label.resize(open);
  if (label.empty()) return {};
  constexpr std::u32string_view kBetween = U"（(:：单位 ";
  for (std::size_t i = read.span.begin; i < read.span.end && i < read.doc.lines.size(); ++i) {
    const std::u32string line = fold(read.doc.lines[i].text());
    for (std::size_t at = line.find(label); at != std::u32string::npos;
         at = line.find(label, at + 1)) {
      std::size_t k = at + label.size();
      while (k < line.size() && kBetween.find(line[k]) != std::u32string_view::npos) ++k;
      const std::u32string_view rest = std::u32string_view(line).substr(k);
      for (const std::u32string_view unit :
           {std::u32string_view(U"元"), std::u32string_view(U"万元")})
        if (rest.starts_with(unit)) return unit;
    }
  }
  return {};
}

// Reads the values of one printed row into cells of `row`; empty when they cannot be placed.
// `from`, when given, receives the value each column was read from.
std::vector<Cell> read_row(TableRead& read, const PrintedRow& printed, const Table* table, int row,
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
      at = centres(read, table);
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
        if (slots[best] != nullptr || std::abs(v.centre() - (*at)[best]) > gap_at(*at, best) / 3) {
          placed = false;
          break;
        }
        slots[best] = &v;
      }
    }
    if (!placed) {
      if (report_issues)
        add_finding(
            read.findings, "cell-count", printed.where, row_pointer(*table, r),
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
  // A blank cell is an error of the report, as null is in a data file (blank is not 0); the
  // import keeps it blank, and checking the source reports it (see ImportResult::blank_cells).
  auto blank = [&](std::size_t c, const Value* value) {
    if (!report_issues) return;
    const CellDef& def =
        read.report.edition->cells[static_cast<std::size_t>(table->cell(row, static_cast<int>(c)))];
    Where where = printed.where;
    if (value != nullptr && !value->place.empty()) {
      where.place = value->place;
      where.order = value->order;
    }
    add_finding(read.findings, "blank-cell", where, def.pointer,
                fmt::format("{} 为空白；没有请填 0", def.name_zh),
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
    const std::u32string_view head =
        col.kind == CellKind::Amount ? headed_unit(read, col) : std::u32string_view();
    const bool column_unit = head == U"万元" || fold(col.zh).find(U'元') != std::u32string::npos;
    const CellReading reading = read_cell(slots[c]->text, col.kind, column_unit, head == U"元");
    const std::string pointer =
        read.report.edition->cells[static_cast<std::size_t>(table->cell(row, static_cast<int>(c)))]
            .pointer;
    const std::string name =
        read.report.edition->cells[static_cast<std::size_t>(table->cell(row, static_cast<int>(c)))]
            .name_zh;
    const std::string text = tidy(slots[c]->text);
    if (reading.issue == CellReading::Issue::Unreadable) {
      if (report_issues)
        add_finding(
            read.findings, "unreadable-cell", printed.where, pointer,
            fmt::format("{}：“{}”不是数字、空白或“/”，留空", name, text),
            fmt::format("{}: \"{}\" is not a number, blank or \"/\"; left blank", name, text));
      continue;
    }
    if (reading.issue == CellReading::Issue::NoUnit) {
      if (report_issues)
        add_finding(
            read.findings, "amount-unit", printed.where, pointer,
            fmt::format("{}：“{}”没有写单位，格式也未规定单位（元还是万元？），留空", name, text),
            fmt::format(
                "{}: \"{}\" has no unit and the format prints none (元 or 万元?); left blank", name,
                text));
      continue;
    }
    cells[c] = reading.cell;
    const bool expected_unit = col.kind == CellKind::Amount && reading.unit == "万元";
    if (report_issues && !reading.unit.empty() && !expected_unit)
      add_finding(read.findings, "cell-unit", printed.where, pointer,
                  reading.headed ? fmt::format("{}：列头的单位是元，“{}”换算为 {} 万元", name, text,
                                               format_amount(reading.cell.value))
                  : reading.converted ? fmt::format("{}：“{}”带有单位，换算为 {} 万元", name, text,
                                                    format_amount(reading.cell.value))
                                      : fmt::format("{}：“{}”带有单位“{}”，读作 {}", name, text,
                                                    reading.unit, reading.cell.value),
                  reading.headed ? fmt::format("{}: the column head says 元; \"{}\" converted to "
                                               "{} 万元",
                                               name, text, format_amount(reading.cell.value))
                  : reading.converted
                      ? fmt::format("{}: \"{}\" carries a unit; converted to {} 万元", name, text,
                                    format_amount(reading.cell.value))
                      : fmt::format("{}: \"{}\" carries the unit {}; read as {}", name, text,
                                    reading.unit, reading.cell.value));
  }
  return cells;
}

}  // namespace

void read_values(TableRead& read) {
  for (auto& [key, printed] : read.filled) {
    const auto [table, row] = key;
    if (read.sums.contains(key)) {
      std::vector<Cell> total;
      bool first = true;
      for (const PrintedRow& part : read.sums[key]) {
        std::vector<Cell> cells = read_row(read, part, table, row, true);
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
      store(read, table, row, total);
      continue;
    }
    std::vector<Value> from;
    store(read, table, row, read_row(read, printed, table, row, true, &from));
    // A value read from a Word table cell or a workbook cell: findings about it name that cell.
    for (std::size_t c = 0; c < from.size(); ++c) {
      if (from[c].place.empty()) continue;
      const CellDef& def =
          read.report.edition
              ->cells[static_cast<std::size_t>(table->cell(row, static_cast<int>(c)))];
      read.report.source.add_place(def.pointer, from[c].place, from[c].order);
    }
  }
}

}  // namespace govreport::importer
