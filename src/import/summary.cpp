// The closing summary of an import: what was found and what was not.

#include <fmt/format.h>

#include <algorithm>

#include "govreport/import.hpp"
#include "govreport/safe_text.hpp"

namespace govreport {
namespace {

// "表三 第 4–28 行" for the places of a first and a last cell in the same table; "A 至 B" for
// places of another form.
std::string place_range(const std::string& first, const std::string& last) {
  auto row_of = [](const std::string& place) {
    return place.substr(0, std::min(place.find("「"), place.find("·")));
  };
  std::string a = row_of(first);
  const std::string b = row_of(last);
  if (a == b) return a;
  constexpr std::string_view kRow = " 第 ", kEnd = " 行";
  const std::size_t at = a.rfind(kRow);
  const std::size_t head = at + kRow.size();
  if (at != std::string::npos && b.size() > head && a.compare(0, head, b, 0, head) == 0 &&
      a.ends_with(kEnd) && b.ends_with(kEnd)) {
    const std::string from = a.substr(head, a.size() - head - kEnd.size());
    const std::string to = b.substr(head, b.size() - head - kEnd.size());
    return a.substr(0, head) + from + "–" + to + std::string(kEnd);
  }
  return first + " 至 " + last;
}

}  // namespace

void ImportSummary::count_cells(const Report& report) {
  for (const Cell& c : report.cells) {
    if (c.is_number())
      ++cells_number;
    else if (c.is_blank())
      ++cells_blank;
    else
      ++cells_not_applicable;
  }
}

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
    const bool government = s.agency_kind == AgencyKind::Government;
    const std::string kind_zh =
        s.agency_kind_by == "--kind" ? fmt::format("{}（--kind）", government ? "政府" : "部门")
        : s.agency_kind_by == "file" ? fmt::format("{}（文件中填写）", government ? "政府" : "部门")
        : government ? fmt::format("政府（名称以“{}”结尾）", s.agency_kind_by)
                     : std::string("部门（名称不以政府的名称结尾；可用 --kind 指定）");
    const std::string kind_en =
        s.agency_kind_by == "--kind"
            ? fmt::format("{} (--kind)", government ? "government" : "department")
        : s.agency_kind_by == "file"
            ? fmt::format("{} (as the file says)", government ? "government" : "department")
        : government
            ? fmt::format("government (the name ends in {})", s.agency_kind_by)
            : std::string("department (the name ends in none of a government's; see --kind)");
    out += en ? fmt::format("{}: imported {}: {}, {}, {}, {} edition\n", file, s.source, s.year,
                            s.agency.empty() ? "(agency unknown)" : s.agency, kind_en, s.edition)
              : fmt::format("{}: 已导入 {}：{} 年，{}，{}，{} 版格式\n", file, s.source, s.year,
                            s.agency.empty() ? "（机关不明）" : s.agency, kind_zh, s.edition);
    if (!s.edition_by.zh.empty()) out += fmt::format("{}: {}\n", file, s.edition_by.in(lang));
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
    if (!s.read_from.empty()) {
      std::string list_zh, list_en;
      for (const CellsRead& r : s.read_from) {
        const std::string where = printable(place_range(r.first, r.last));
        list_zh +=
            fmt::format("{}{} {} 个（{}）", list_zh.empty() ? "" : "，", r.tables, r.cells, where);
        list_en +=
            fmt::format("{}{} {} ({})", list_en.empty() ? "" : ", ", r.tables, r.cells, where);
      }
      out += en ? fmt::format("{}: cells read: {}\n", file, list_en)
                : fmt::format("{}: 读取的单元格：{}\n", file, list_zh);
    }
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
