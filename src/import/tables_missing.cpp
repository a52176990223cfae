// Reading the tables, stage 4: every table and row of the report's edition that was not found,
// reported with the place where it was looked for; its cells stay blank.

#include <fmt/format.h>

#include "import/tables.hpp"

namespace govreport::importer {

void report_missing(TableRead& read) {
  const Where where =
      read.span.begin < read.doc.lines.size() ? read.doc.lines[read.span.begin].where : Where{};
  for (const Table* t : read.matcher.tables()) {
    ++read.counts.tables_total;
    int found = 0, total = 0;
    std::vector<int> missing;
    for (std::size_t r = 0; r < t->rows.size(); ++r) {
      if (t->rows[r].role == RowRole::Group) continue;
      ++total;
      const std::pair<const Table*, int> key{t, static_cast<int>(r)};
      if (read.filled.contains(key) || read.accounted.contains(key))
        ++found;
      else
        missing.push_back(static_cast<int>(r));
    }
    read.counts.rows_total += total;
    read.counts.rows_found += found;
    if (found == 0) {
      read.counts.tables_missing.push_back(table_name(*t));
      const Row& first = t->rows.front();
      add_finding(
          read.findings, "missing-table", where, row_pointer(*t, first),
          fmt::format("未找到{}（在{}中查找）；其单元格留空", table_name(*t), read.place.zh),
          fmt::format("{} not found (looked in {}); its cells are left blank", table_name_en(*t),
                      read.place.en));
      continue;
    }
    ++read.counts.tables_found;
    for (int r : missing) {
      const Row& row = t->rows[static_cast<std::size_t>(r)];
      add_finding(
          read.findings, "missing-row", where, row_pointer(*t, row),
          fmt::format("未找到 {}（在{}中查找）；其单元格留空", row_name(*t, row), read.place.zh),
          fmt::format("{} not found (looked in {}); its cells are left blank", row_name(*t, row),
                      read.place.en));
    }
  }
}

}  // namespace govreport::importer
