#include "govreport/rollup.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "check/check_internal.hpp"
#include "govreport/safe_text.hpp"

namespace govreport {
namespace {

CellKind kind_of(const Edition& e, std::size_t cell) {
  const CellDef& def = e.cells[cell];
  return e.tables[static_cast<std::size_t>(def.table)]
      .columns[static_cast<std::size_t>(def.column)]
      .kind;
}

Cell add_cells(const Cell& a, const Cell& b) {
  if (a.is_blank() || b.is_blank()) return Cell{};
  if (a.state == Cell::State::NotApplicable) return b;
  if (b.state == Cell::State::NotApplicable) return a;
  return Cell::number(a.value + b.value);  // both within the limits below: no overflow
}

// The largest magnitude a cell of `kind` may hold in a data file.
std::int64_t limit(CellKind kind) {
  return kind == CellKind::Amount ? kMaxScaledAmount : kMaxCount;
}

}  // namespace

std::optional<Message> Summer::add(const Report& member, std::string_view name) {
  const std::string file = printable(name);  // quoted in messages
  if (sum_ && (member.year != sum_->year || member.edition != sum_->edition)) {
    return Message{fmt::format("{} 是 {} 年（{} 版格式）的报告，而 {} 是 {} 年（{} "
                               "版格式）的：只能汇总同一年、同一版格式的报告",
                               file, member.year, member.edition->id, first_file_, sum_->year,
                               sum_->edition->id),
                   fmt::format("{} is a {} report ({} edition) but {} is {} ({} edition): only "
                               "reports of one year and "
                               "edition can be added up",
                               file, member.year, member.edition->id, first_file_, sum_->year,
                               sum_->edition->id)};
  }
  std::vector<Cell> cells = member.cells;
  for (std::size_t i = 0; sum_ && i < cells.size(); ++i) {
    cells[i] = add_cells(sum_->cells[i], member.cells[i]);
    const CellKind kind = kind_of(*member.edition, i);
    if (!cells[i].is_number() || std::abs(cells[i].value) <= limit(kind)) continue;
    const CellDef& def = member.edition->cells[i];
    const std::string value = format_cell(cells[i], kind);
    const std::string most = format_cell(Cell::number(limit(kind)), kind);
    return Message{fmt::format("{}：加上这份报告后，{}（{}）的合计为 {}，超出数据文件能容纳的范围"
                               "（最大 {}），未汇总",
                               file, def.name_zh, def.pointer, value, most),
                   fmt::format("{}: with it, the sum of {} ({}) is {}, beyond what a data file "
                               "can hold (at most {}); nothing added up",
                               file, def.name_zh, def.pointer, value, most)};
  }
  std::size_t blank = 0;
  for (const Cell& c : member.cells) blank += c.is_blank() ? 1 : 0;
  if (blank > 0) blanks_.emplace_back(file, blank);
  ++members_;
  if (!sum_) {
    sum_ = make_report(*member.edition, member.year);
    first_file_ = file;
  }
  for (Cell& c : cells) c.computed = false;
  sum_->cells = std::move(cells);
  return std::nullopt;
}

Report Summer::result(std::string_view agency) const {
  Report r = make_report(*sum_->edition, sum_->year);
  r.cells = sum_->cells;
  r.agency = agency;
  return r;
}

std::vector<Diagnostic> check_rollup(const Report& summary, std::string_view summary_file,
                                     const Report& sum, std::size_t members) {
  Findings findings(std::string(summary_file), &summary.source);
  const Edition& e = *summary.edition;
  for (std::size_t i = 0; i < e.cells.size(); ++i) {
    const Cell& s = summary.cells[i];
    const Cell& m = sum.cells[i];
    if (m.is_blank()) continue;  // a member left it blank: `sum` names the member
    const std::int64_t expected = m.is_number() ? m.value : 0;
    const CellKind kind = kind_of(e, i);
    if (!s.is_number()) {
      // An omitted total left blank by a blank part: the part is the finding.
      if (s.computed && s.is_blank()) continue;
      if (s.state == Cell::State::NotApplicable && expected == 0) continue;
      const std::string b = format_cell(Cell::number(expected), kind);
      const bool na = s.state == Cell::State::NotApplicable;
      Diagnostic& d = findings.add(
          "rollup", e.cells[i].pointer,
          {na ? fmt::format("{} 填报 \"/\"（不适用），{} 个成员报告合计 {}", e.cells[i].name_zh,
                            members, b)
              : fmt::format("{} 为空白或无效，{} 个成员报告合计 {}", e.cells[i].name_zh, members,
                            b),
           na ? fmt::format("{} is \"/\" (not applicable), but its {} members add up to {}",
                            e.cells[i].name_zh, members, b)
              : fmt::format("{} is blank or invalid, but its {} members add up to {}",
                            e.cells[i].name_zh, members, b)});
      d.expected = b;
      d.actual = na ? "/" : "";
      continue;
    }
    if (s.value == expected) continue;
    const std::string a = format_cell(s, kind), b = format_cell(Cell::number(expected), kind);
    const std::string diff = kind == CellKind::Amount ? (s.value > expected ? "+" : "") +
                                                            format_amount(s.value - expected)
                                                      : detail::signed_number(s.value - expected);
    Diagnostic& d = findings.add("rollup", e.cells[i].pointer,
                                 {fmt::format("{} 填报 {}，{} 个成员报告合计 {}（差 {}）",
                                              e.cells[i].name_zh, a, members, b, diff),
                                  fmt::format("{} is {}, but its {} members add up to {} (diff {})",
                                              e.cells[i].name_zh, a, members, b, diff)});
    d.expected = b;
    d.actual = a;
  }
  sort_diagnostics(findings.list());
  return std::move(findings.list());
}

ReportDiff diff_reports(const Report& older, const Report& newer) {
  ReportDiff diff;
  auto describe = [](const Report& r, std::size_t i) {
    CellChange c;
    c.pointer = r.edition->cells[i].pointer;
    c.name = r.edition->cells[i].name_zh;
    c.amount = kind_of(*r.edition, i) == CellKind::Amount;
    return c;
  };
  for (std::size_t i = 0; i < newer.edition->cells.size(); ++i) {
    CellChange c = describe(newer, i);
    const Cell& now = newer.cells[i];
    const CellKind kind = kind_of(*newer.edition, i);
    c.new_value = format_cell(now, kind);
    const int j = older.edition->cell_index(c.pointer);
    if (j < 0) {
      diff.only_new.push_back(std::move(c));
      continue;
    }
    ++diff.compared;
    const Cell& before = older.cells[static_cast<std::size_t>(j)];
    c.old_value = format_cell(before, kind_of(*older.edition, static_cast<std::size_t>(j)));
    if (before.state == now.state && before.value == now.value) continue;
    if (before.is_number() && now.is_number()) {
      c.difference = now.value - before.value;
      if (before.value != 0)
        c.ratio = static_cast<double>(now.value) / static_cast<double>(before.value);
    }
    diff.changed.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < older.edition->cells.size(); ++i) {
    if (newer.edition->cell_index(older.edition->cells[i].pointer) >= 0) continue;
    CellChange c = describe(older, i);
    c.old_value = format_cell(older.cells[i], kind_of(*older.edition, i));
    diff.only_old.push_back(std::move(c));
  }
  diff.old_rates = rates(report_figures(older));
  diff.new_rates = rates(report_figures(newer));
  detail::diff_narrative(older, newer, diff);
  detail::diff_warnings(older, newer, diff);
  return diff;
}

}  // namespace govreport
