// The statistical tables: rows are recognised by walking the edition's declaration, never by
// labels spelled here; values are put into columns by count, or by position where cells are blank.
// The stages are declared in tables.hpp.

#include "import/tables.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace govreport::importer {

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

std::string values_text(const PrintedRow& row) {
  std::string out;
  for (const Value& v : row.values)
    out += (out.empty() ? "" : " ") + (v.blank() ? std::string("_") : tidy(v.text));
  return out;
}

std::string as_printed(const std::string& label, std::size_t folded_length) {
  std::u32string compact;
  for (char32_t c : decode_utf8(tidy(label)))
    if (c != U' ') compact.push_back(c);
  if (folded_length < compact.size()) compact = compact.substr(compact.size() - folded_length);
  return encode_utf8(compact);
}

void TableRead::take(const PrintedRow& printed, const Table* table, int row, bool by_label) {
  const std::pair<const Table*, int> key{table, row};
  if (filled.contains(key)) {
    const Row& r = table->rows[static_cast<std::size_t>(row)];
    add_finding(findings, "extra-row", printed.where, row_pointer(*table, r),
                fmt::format("{} 印了两次；第二次的数值 {} 未导入", row_name(*table, r),
                            values_text(printed)),
                fmt::format("{} is printed twice; the values {} of the second were not imported",
                            row_name(*table, r), values_text(printed)));
    return;
  }
  filled[key] = printed;
  matcher.taken(table, row, by_label);
}

void TableRead::accumulate(const PrintedRow& printed, const Table* table, int row) {
  sums[{table, row}].push_back(printed);
  matcher.taken(table, row, false);
}

void read_tables(const Document& doc, Span span, const std::vector<std::string_view>& sections,
                 const Message& place, Report& report, Findings& findings, TableCounts& counts) {
  TableRead read{.doc = doc,
                 .span = span,
                 .place = place,
                 .report = report,
                 .findings = findings,
                 .counts = counts,
                 .matcher = RowMatcher(*report.edition, sections)};
  std::vector<PrintedRow> rows = split_rows(doc, span);
  match_rows(read, rows);
  read_values(read);
  report_missing(read);
}

}  // namespace govreport::importer
