#include "govreport/check.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "check/check_internal.hpp"
#include "govreport/references.hpp"
#include "model/totals.hpp"
#include "text/utf8.hpp"

namespace govreport {
namespace detail {

std::string signed_number(std::int64_t v) {
  return v > 0 ? "+" + std::to_string(v) : std::to_string(v);
}

}  // namespace detail

namespace {

using detail::sum_cells;

using detail::column_cells;
using detail::row_cells;
using detail::rows_under;

class Checker {
 public:
  Checker(const Report& report, std::string_view file)
      : report_(report), findings_(std::string(file), &report.source) {}

  std::vector<Diagnostic> run() {
    for (const Table& table : report_.edition->tables) {
      row_totals(table);
      total_rows(table);
      item_counts(table);
      slash_counts(table);
    }
    for (const Equation& eq : report_.edition->equations) equation(eq);
    empty_sections();
    deadline();
    detail::check_narrative(report_, findings_, involved_);
    check_references(report_, findings_);
    detail::explain_by_cells(report_, findings_.list(), involved_);
    return std::move(findings_.list());
  }

 private:
  const CellDef& def(int cell) const {
    return report_.edition->cells[static_cast<std::size_t>(cell)];
  }

  // Records the cells the finding just added is about.
  void involve(std::vector<int> cells, int cell) {
    cells.push_back(cell);
    detail::involve(findings_, involved_, std::move(cells), cell);
  }

  // A given total that disagrees with the sum of its parts.
  void mismatch(std::string_view rule, int cell, const std::vector<int>& parts,
                std::int64_t expected, std::string_view parts_zh, std::string_view parts_en) {
    const Cell& c = report_.cells[static_cast<std::size_t>(cell)];
    if (c.computed || c.is_blank()) return;
    // "/" says there is nothing to count: true only when the parts add up to nothing.
    if (c.state == Cell::State::NotApplicable) {
      if (expected == 0) return;
      Diagnostic& d = findings_.add(
          rule, def(cell).pointer,
          {fmt::format("{} 填报 \"/\"（不适用），{}合计 {}", def(cell).name_zh, parts_zh, expected),
           fmt::format("{} is \"/\" (not applicable), but its {} add up to {}", def(cell).name_zh,
                       parts_en, expected)});
      d.expected = std::to_string(expected);
      d.actual = "/";
      involve(parts, cell);
      return;
    }
    if (c.value == expected) return;
    const std::int64_t diff = c.value - expected;
    Diagnostic& d =
        findings_.add(rule, def(cell).pointer,
                      {fmt::format("{} 填报 {}，{}合计 {}（差 {}）", def(cell).name_zh, c.value,
                                   parts_zh, expected, detail::signed_number(diff)),
                       fmt::format("{} is {}, but its {} add up to {} (diff {})", def(cell).name_zh,
                                   c.value, parts_en, expected, detail::signed_number(diff))});
    d.expected = std::to_string(expected);
    d.actual = std::to_string(c.value);
    involve(parts, cell);
  }

  void row_totals(const Table& table) {
    const int total = table.column_index(table.total_column);
    if (total < 0) return;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (table.rows[r].role == RowRole::Group) continue;
      const int row = static_cast<int>(r);
      const std::vector<int> parts = row_cells(table, row, total);
      if (auto sum = sum_cells(report_, parts))
        mismatch(table.total_rule, table.cell(row, total), parts, *sum, "各列", "columns");
    }
  }

  void total_rows(const Table& table) {
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (table.rows[r].role != RowRole::Total) continue;
      const std::vector<int> rows = rows_under(table, static_cast<int>(r));
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const int col = static_cast<int>(c);
        const std::vector<int> parts = column_cells(table, rows, col);
        if (auto sum = sum_cells(report_, parts))
          mismatch(table.total_row_rule, table.cell(static_cast<int>(r), col), parts, *sum, "各项",
                   "rows");
      }
    }
  }

  void item_counts(const Table& table) {
    if (table.nonnegative_sum.empty()) return;
    std::vector<int> columns;
    for (std::string_view key : table.nonnegative_sum) columns.push_back(table.column_index(key));
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      std::vector<int> cells;
      std::vector<std::string> terms;
      for (int c : columns) {
        const int cell = table.cell(static_cast<int>(r), c);
        cells.push_back(cell);
        const Column& column = table.columns[static_cast<std::size_t>(c)];
        terms.push_back(
            fmt::format("{} {}", column.zh,
                        format_cell(report_.cells[static_cast<std::size_t>(cell)], column.kind)));
      }
      const auto sum = sum_cells(report_, cells);
      if (!sum || *sum >= 0) continue;
      const std::string row_name(table.rows[r].zh);
      Diagnostic& d =
          findings_.add("item-count", def(cells.back()).pointer,
                        {fmt::format("{}·{}：{} 合计 {}，项目数量不能小于 0", table.section,
                                     row_name, fmt::join(terms, " 加 "), *sum),
                         fmt::format("{}·{}: {} add up to {}, below 0", table.section, row_name,
                                     fmt::join(terms, " + "), *sum)});
      d.expected = "0";
      d.actual = std::to_string(*sum);
      detail::involve(findings_, involved_, cells);
    }
  }

  void equation(const Equation& eq) {
    const Table* table = report_.edition->table(eq.table);
    std::vector<int> lhs, rhs;
    for (std::string_view p : eq.lhs) lhs.push_back(table->row_index(p));
    for (std::string_view p : eq.rhs) rhs.push_back(table->row_index(p));
    const std::string lhs_label = rows_name(*table, eq.lhs);
    const std::string rhs_label = rows_name(*table, eq.rhs);
    for (std::size_t c = 0; c < table->columns.size(); ++c) {
      const int col = static_cast<int>(c);
      const std::vector<int> left_cells = column_cells(*table, lhs, col);
      const std::vector<int> right_cells = column_cells(*table, rhs, col);
      const auto left = sum_cells(report_, left_cells);
      const auto right = sum_cells(report_, right_cells);
      if (!left || !right || *left == *right) continue;
      const std::string_view column = table->columns[c].zh;
      const int anchor = table->cell(lhs.front(), col);
      Diagnostic& d = findings_.add(
          eq.rule, def(anchor).pointer,
          {fmt::format("{}·{}：{} 为 {}，{} 为 {}（差 {}）", table->section, column, lhs_label,
                       *left, rhs_label, *right, detail::signed_number(*left - *right)),
           fmt::format("{}·{}: {} is {}, but {} is {} (diff {})", table->section, column, lhs_label,
                       *left, rhs_label, *right, detail::signed_number(*left - *right))});
      d.expected = std::to_string(*right);
      d.actual = std::to_string(*left);
      std::vector<int> cells = left_cells;
      cells.insert(cells.end(), right_cells.begin(), right_cells.end());
      detail::involve(findings_, involved_, std::move(cells));
    }
  }

  // "/" in a table that counts cases (三, 四): a clerk's way of writing 0, or a cell left out.
  void slash_counts(const Table& table) {
    if (table.not_applicable) return;
    const int cells = table.data_rows * static_cast<int>(table.columns.size());
    for (int cell = table.first_cell; cell < table.first_cell + cells; ++cell) {
      if (report_.cells[static_cast<std::size_t>(cell)].state != Cell::State::NotApplicable)
        continue;
      findings_.add("slash-count", def(cell).pointer,
                    {fmt::format("{} 填报 \"/\"，但表{}只计件数，没有“不适用”：没有的填 0",
                                 def(cell).name_zh, table.section),
                     fmt::format("{} is \"/\", but table {} counts cases and has no \"not "
                                 "applicable\": write 0 for none",
                                 def(cell).name_zh, table.section)});
    }
  }

  // A section says nothing when its paragraphs (not the titles of its subsections) hold fewer
  // than kContent letters and digits: "无", "暂无问题。", "无其他事项" (docs/rules.md).
  static constexpr std::size_t kContent = 6;
  void empty_sections() {
    const Edition& e = *report_.edition;
    for (std::size_t i = 0; i < e.narrative.size(); ++i) {
      const NarrativePart& part = e.narrative[i];
      const Narrative& text = report_.narrative[i];
      std::size_t content = 0;  // counted up to kContent
      auto count = [&](const std::string& p) {
        content += detail::word_characters(p, kContent - std::min(content, kContent));
      };
      std::for_each(text.paragraphs.begin(), text.paragraphs.end(), count);
      for (const Subsection& s : text.subsections)
        std::for_each(s.paragraphs.begin(), s.paragraphs.end(), count);
      if (content >= kContent) continue;
      findings_.add("empty-section", "/" + std::string(part.key),
                    {fmt::format("{} 没有内容", part.heading_zh),
                     fmt::format("{} is empty", part.heading_en)});
    }
  }

  void deadline() {
    if (report_.published.empty()) return;
    const bool government = report_.agency_kind == AgencyKind::Government;
    const std::string limit = publication_deadline(report_.agency_kind, report_.year);
    if (report_.published <= limit) return;
    Diagnostic& d = findings_.add(
        "deadline", "/published",
        {fmt::format("发布日期 {} 晚于{}的法定期限 {}", report_.published,
                     government ? "政府" : "部门", limit),
         fmt::format("published {}, after the deadline {} for a {}", report_.published, limit,
                     government ? "government" : "department")});
    d.expected = limit;
    d.actual = report_.published;
  }

  const Report& report_;
  Findings findings_;
  detail::CellsOfFindings involved_;
};

}  // namespace

std::vector<Diagnostic> check_report(const Report& report, std::string_view file) {
  return Checker(report, file).run();
}

std::string rows_name(const Table& table, const std::vector<std::string_view>& paths) {
  auto bare = [](std::string_view numbering) {
    return std::string(numbering.substr(0, numbering.rfind("、")));
  };
  std::string label;
  for (std::string_view p : paths) {
    const Row& row = table.rows[static_cast<std::size_t>(table.row_index(p))];
    std::string part;
    if (row.parent >= 0) part = bare(table.rows[static_cast<std::size_t>(row.parent)].numbering);
    label += (label.empty() ? "" : "+") + part + bare(row.numbering);
  }
  return label;
}

}  // namespace govreport
