// The closing summary of an import: what was found and what was not.

#include <fmt/format.h>

#include "govreport/import.hpp"
#include "govreport/safe_text.hpp"

namespace govreport {

std::string format_summary(const ImportSummary& summary, std::string_view name, Lang lang) {
  // The agency comes from the page, the file name from the command line: neither may print a
  // control sequence.
  ImportSummary s = summary;
  s.agency = printable(s.agency);
  const std::string file = printable(name);
  const bool en = lang == Lang::En;
  std::string out;
  if (s.edition.empty()) {
    out += en ? fmt::format("{}: nothing imported from {}", file, s.source)
              : fmt::format("{}: 未能从 {} 导入", file, s.source);
  } else {
    out += en ? fmt::format("{}: imported {}: {}, {}, {} edition\n", file, s.source, s.year,
                            s.agency.empty() ? "(agency unknown)" : s.agency, s.edition)
              : fmt::format("{}: 已导入 {}：{} 年，{}，{} 版格式\n", file, s.source, s.year,
                            s.agency.empty() ? "（机关不明）" : s.agency, s.edition);
    const int cells = s.cells_number + s.cells_blank + s.cells_not_applicable;
    out += en ? fmt::format(
                    "{}: sections {}/6, tables {}/{}, rows {}/{}; {} cells: {} numbers, {} blank, "
                    "{} \"/\"\n",
                    file, s.sections_found, s.tables_found, s.tables_total, s.rows_found,
                    s.rows_total, cells, s.cells_number, s.cells_blank, s.cells_not_applicable)
              : fmt::format(
                    "{}: 正文 {}/6 部分，表格 {}/{} 张，行 {}/{}；单元格 {} 个：数字 {}，空白 "
                    "{}，“/” {}\n",
                    file, s.sections_found, s.tables_found, s.tables_total, s.rows_found,
                    s.rows_total, cells, s.cells_number, s.cells_blank, s.cells_not_applicable);
    std::vector<std::string> missing = s.sections_missing;
    missing.insert(missing.end(), s.tables_missing.begin(), s.tables_missing.end());
    if (!missing.empty()) {
      std::string list;
      for (const std::string& m : missing) list += (list.empty() ? "" : en ? ", " : "、") + m;
      out += en ? fmt::format("{}: not found: {}\n", file, list)
                : fmt::format("{}: 未找到：{}\n", file, list);
    }
  }
  if (s.edition.empty()) out += "\n";
  out += en ? fmt::format("{}: {} errors, {} warnings\n", file, s.errors, s.warnings)
            : fmt::format("{}: 错误 {} 个，警告 {} 个\n", file, s.errors, s.warnings);
  return out;
}

}  // namespace govreport
