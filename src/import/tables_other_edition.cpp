// Reading the tables, stage 2 continued: rows printed as another edition prints them (a 2019
// label in a 2021 report, （六）其他处理 as one row or as three), taken into the report's
// edition where its declaration says where they belong.

#include <fmt/format.h>

#include <algorithm>

#include "import/tables.hpp"

namespace govreport::importer {
namespace {

const Table* own_table(const TableRead& read, std::string_view id) {
  for (const Table* t : read.matcher.tables())
    if (t->id == id) return t;
  return nullptr;
}

}  // namespace

void other_edition(TableRead& read, PrintedRow& row, const Candidate& c,
                   const std::string& printed) {
  const Edition& mine = *read.report.edition;
  const Table* table = own_table(read, c.table->id);
  const std::string& path = c.def().path;
  const int index = table ? table->row_index(path) : -1;
  if (index >= 0 && table->rows[static_cast<std::size_t>(index)].role != RowRole::Group) {
    const Row& r = table->rows[static_cast<std::size_t>(index)];
    add_finding(
        read.findings, "label-variant", row.where, row_pointer(*table, r),
        fmt::format("{}：“{}”是 {} 版格式的写法，{} 版格式为“{}{}”，认作该行", table_name(*table),
                    printed, c.edition->id, mine.id, r.numbering, r.zh),
        fmt::format(
            "{}: \"{}\" is the label of the {} edition; the {} edition prints \"{}{}\"; taken "
            "as that row",
            table_name_en(*table), printed, c.edition->id, mine.id, r.numbering, r.zh));
    read.take(row, table, index, true);
    return;
  }
  if (index >= 0) {
    // Split in this edition: no one can split the values but the agency. They go to the group's
    // row of the same key ("其他") so that the totals still hold, the other split rows stay
    // blank, and one error says the split is to be given by hand.
    const Row& group = table->rows[static_cast<std::size_t>(index)];
    const int target = table->row_index(path + "." + std::string(group.key));
    if (target >= 0) {
      const Row& t = table->rows[static_cast<std::size_t>(target)];
      std::string blanks_zh, blanks_en, split_zh, split_en;
      for (std::size_t r = 0; r < table->rows.size(); ++r) {
        const Row& sibling = table->rows[r];
        if (sibling.parent != index) continue;
        split_zh += (split_zh.empty() ? "" : "、") + std::string(sibling.numbering);
        split_en += (split_en.empty() ? "" : ", ") + std::string(sibling.numbering);
        if (static_cast<int>(r) == target) continue;
        read.accounted.insert({table, static_cast<int>(r)});
        blanks_zh += (blanks_zh.empty() ? "" : "、") + std::string(sibling.numbering);
        blanks_en += (blanks_en.empty() ? "" : ", ") + std::string(sibling.numbering);
      }
      add_finding(
          read.findings, "split-by-hand", row.where, row_pointer(*table, t),
          fmt::format("{}：“{}”按 {} 版格式印作一行，{} 版格式把它分为{}{}"
                      "各行，一行的数值无法拆分：请手工填写各行；印出的数值暂记入{}{}{}，{}留空",
                      table_name(*table), printed, c.edition->id, mine.id, group.numbering,
                      split_zh, group.numbering, t.numbering, t.zh, blanks_zh),
          fmt::format("{}: \"{}\" is printed as one row as in the {} edition, which the {} "
                      "edition splits into {}{}; one row's values cannot be split: give the "
                      "rows by hand. The values are kept under {}{}{} for now, rows {} left blank",
                      table_name_en(*table), printed, c.edition->id, mine.id, group.numbering,
                      split_en, group.numbering, t.numbering, t.zh, blanks_en));
      read.take(row, table, target, true);
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
      add_finding(
          read.findings, "merged-row", row.where, row_pointer(*table, r),
          fmt::format("{}：“{}”是 {} 版格式的分项，{} 版格式合为“{}{}”一行，数值计入该行",
                      table_name(*table), printed, c.edition->id, mine.id, r.numbering, r.zh),
          fmt::format(
              "{}: \"{}\" is a row of the {} edition that the {} edition counts in \"{}{}\"; its "
              "values are added there",
              table_name_en(*table), printed, c.edition->id, mine.id, r.numbering, r.zh));
      read.accumulate(row, table, up);
      return;
    }
  }
  add_finding(
      read.findings, "extra-row", row.where, "",
      fmt::format("“{}”是 {} 版格式的行，{} 版格式没有这一行；其数值 {} 未导入", printed,
                  c.edition->id, mine.id, values_text(row)),
      fmt::format(
          "\"{}\" is a row of the {} edition that the {} edition does not have; its values {} "
          "were not imported",
          printed, c.edition->id, mine.id, values_text(row)));
}

void group_with_values(TableRead& read, PrintedRow& row, const Candidate& c,
                       const std::string& printed) {
  for (const Candidate& o : read.matcher.candidates()) {
    if (o.current || o.full != c.full || o.def().role == RowRole::Group) continue;
    other_edition(read, row, o, printed);
    return;
  }
  add_finding(
      read.findings, "merged-row", row.where, row_pointer(*c.table, c.def()),
      fmt::format("{}：“{}”是分项的标题，却填了数值；无法判断属于哪一分项，未导入",
                  table_name(*c.table), printed),
      fmt::format("{}: \"{}\" heads a group of rows but carries values; which row they belong to "
                  "cannot be told, so they were not imported",
                  table_name_en(*c.table), printed));
}

}  // namespace govreport::importer
