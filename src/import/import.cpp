// Importing a published report: read the source into lines, then find the title, the sections,
// the narrative and the tables, and say what was found and what was not.

#include "govreport/import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "import/document.hpp"
#include "import/normalize.hpp"
#include "import/recognise.hpp"

namespace govreport {
namespace {

using namespace importer;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads the source into lines; sets `failure` when it cannot be read at all.
Document read_source(std::string_view bytes, SourceKind kind, std::optional<Unreadable>& failure) {
  if (kind == SourceKind::Pdf) return read_pdf(bytes, failure);
  if (kind == SourceKind::Docx) return read_docx(bytes, failure);
  if (kind == SourceKind::Doc) {
    failure = Unreadable{
        "旧版 Word 97–2003 文档（.doc）需要先转换：请安装 LibreOffice（Debian 软件包 "
        "libreoffice-writer，之后 govreport 自动转换），或在 Word、WPS 中另存为 .docx",
        "an old Word 97–2003 document (.doc) must be converted first: install LibreOffice (Debian "
        "package libreoffice-writer; govreport then converts it), or save it as .docx in Word or "
        "WPS"};
    return {};
  }
  std::string charset;
  const std::string declared =
      kind == SourceKind::Html ? declared_html_charset(bytes) : std::string();
  const std::optional<std::string> utf8 = to_utf8(bytes, declared, charset);
  if (!utf8) {
    failure = Unreadable{"无法识别文字编码（既不是 UTF-8，也不是 GB18030/GBK）",
                         "the character encoding is neither UTF-8 nor GB18030/GBK"};
    return {};
  }
  if (kind == SourceKind::Html) return read_html(*utf8, charset);
  Document doc = read_text(*utf8);
  if (charset != "UTF-8") doc.description += " (" + charset + ")";
  return doc;
}

// The line of the first heading 一、总体情况, or `fallback`.
std::size_t first_heading(const Document& doc, std::size_t fallback) {
  const Edition& edition = *editions().back();
  for (std::size_t i = doc.content_begin; i < doc.content_end; ++i)
    if (!doc.lines[i].cells && match_heading(doc.lines[i].text(), edition).section == 0) return i;
  return fallback;
}

std::string squeeze(std::string_view text) {
  std::string out;
  for (char c : tidy(text))
    if (c != ' ') out += c;
  return out;
}

// Where the tables of each section are looked for: the section's lines, or, when its heading is
// missing, the lines of the section before it, shared with that section's tables.
struct Region {
  Span span;
  std::vector<std::string_view> sections;
  Place place;
};

std::vector<Region> table_regions(const Document& doc, const Sections& found,
                                  const Edition& edition) {
  std::vector<Region> regions;
  for (std::size_t k = 0; k < edition.sections.size(); ++k) {
    const Section& sec = edition.sections[k];
    const bool has_tables = std::any_of(edition.tables.begin(), edition.tables.end(),
                                        [&](const Table& t) { return t.section == sec.numeral; });
    if (!has_tables) continue;
    Span span;
    if (found.heading[k]) {
      span = found.body[k];
    } else {
      std::size_t from = doc.content_begin, to = doc.content_end;
      for (std::size_t j = 0; j < k; ++j)
        if (found.heading[j]) from = *found.heading[j] + 1;
      for (std::size_t j = edition.sections.size(); j-- > k + 1;)
        if (found.heading[j]) to = *found.heading[j];
      span = {from, to};
    }
    if (!regions.empty() && regions.back().span.begin == span.begin &&
        regions.back().span.end == span.end) {
      regions.back().sections.push_back(sec.numeral);
      continue;
    }
    const Place lines = describe(doc, span);
    Place place;
    const std::string heading = std::string(sec.numeral) + "、" + std::string(sec.zh);
    if (found.heading[k]) {
      place = {fmt::format("“{}”之下（{}）", heading, lines.zh),
               fmt::format("\"{}\" ({})", heading, lines.en)};
    } else {
      place = {fmt::format("{}（未找到标题“{}”）", lines.zh, heading),
               fmt::format("{} (heading \"{}\" not found)", lines.en, heading)};
    }
    regions.push_back({span, {sec.numeral}, place});
  }
  return regions;
}

// "表三 第 4–28 行" for the places of a first and a last cell in the same table; "A 至 B" for
// places of another form.
std::string place_range(const std::string& first, const std::string& last) {
  auto row_of = [](const std::string& place) {
    return place.substr(0, std::min(place.find("「"), place.find("·")));
  };
  const std::string a = row_of(first), b = row_of(last);
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

void count_cells(const Report& report, ImportSummary& s) {
  for (const Cell& c : report.cells) {
    if (c.is_number())
      ++s.cells_number;
    else if (c.is_blank())
      ++s.cells_blank;
    else
      ++s.cells_not_applicable;
  }
}

// Where the cells of each section's tables were read, for a source that names places.
std::vector<CellsRead> cells_read(const Report& report) {
  std::vector<CellsRead> out;
  const Edition& edition = *report.edition;
  for (const Section& section : edition.sections) {
    CellsRead read{"表" + std::string(section.numeral), 0, {}, {}};
    std::size_t first = 0, last = 0;
    for (const CellDef& def : edition.cells) {
      if (edition.tables[static_cast<std::size_t>(def.table)].section != section.numeral) continue;
      const Position p = report.source.position_of(def.pointer);
      if (p.place.empty()) continue;
      ++read.cells;
      if (read.first.empty() || p.place_order < first) {
        read.first = p.place;
        first = p.place_order;
      }
      if (read.last.empty() || p.place_order > last) {
        read.last = p.place;
        last = p.place_order;
      }
    }
    if (read.cells > 0) out.push_back(std::move(read));
  }
  return out;
}

void finish(ImportResult& result, Findings& findings) {
  result.findings = std::move(findings.list());
  result.blank_cells = std::move(findings.blanks());
  sort_diagnostics(result.blank_cells);
  sort_diagnostics(result.findings);
  result.summary.errors = count(result.findings, Severity::Error);
  result.summary.warnings = count(result.findings, Severity::Warning);
}

}  // namespace

std::optional<SourceKind> source_kind_by_name(std::string_view name) {
  if (name == "pdf") return SourceKind::Pdf;
  if (name == "html") return SourceKind::Html;
  if (name == "text") return SourceKind::Text;
  if (name == "docx") return SourceKind::Docx;
  if (name == "doc") return SourceKind::Doc;
  return std::nullopt;
}

std::optional<SourceKind> source_kind_for_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return std::nullopt;
  const std::string ext = lower(path.substr(dot + 1));
  if (ext == "pdf") return SourceKind::Pdf;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return SourceKind::Html;
  if (ext == "txt" || ext == "text" || ext == "md" || ext == "markdown") return SourceKind::Text;
  if (ext == "docx" || ext == "docm") return SourceKind::Docx;
  if (ext == "doc") return SourceKind::Doc;
  return std::nullopt;
}

SourceKind sniff_source_kind(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096));
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return SourceKind::Pdf;
  if (head.starts_with("PK\x03\x04")) return SourceKind::Docx;
  if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return SourceKind::Doc;
  const std::string low = lower(head);
  std::size_t i = low.starts_with("\xef\xbb\xbf") ? 3 : 0;
  while (i < low.size() && std::isspace(static_cast<unsigned char>(low[i])) != 0) ++i;
  if (i < low.size() && low[i] == '<') {
    for (std::string_view tag :
         {"<html", "<!doctype html", "<body", "<table", "<p", "<div", "<meta", "<head"})
      if (low.find(tag) != std::string::npos) return SourceKind::Html;
  }
  return SourceKind::Text;
}

std::string_view source_kind_name(SourceKind kind) {
  switch (kind) {
    case SourceKind::Pdf:
      return "pdf";
    case SourceKind::Html:
      return "html";
    case SourceKind::Docx:
      return "docx";
    case SourceKind::Doc:
      return "doc";
    case SourceKind::Text:
      break;
  }
  return "text";
}

ImportResult import_report(std::string_view bytes, SourceKind kind, std::string_view file,
                           const ImportOptions& options) {
  ImportResult result;
  Findings findings{std::string(file)};
  std::optional<Unreadable> failure;
  const Document doc = read_source(bytes, kind, failure);
  result.summary.source =
      doc.description.empty() ? std::string(source_kind_name(kind)) : doc.description;
  if (failure) {
    findings.add("unreadable-source", {}, "", failure->zh, failure->en);
    result.unreadable = true;
    finish(result, findings);
    return result;
  }

  // Year and agency: from the title, above the first heading.
  const std::size_t top =
      first_heading(doc, std::min<std::size_t>(doc.lines.size(), doc.content_begin + 40));
  const std::optional<Title> title = find_title(doc, top);
  int year = options.year != 0 ? options.year : title ? title->year : 0;
  if (year == 0) year = find_statistics_year(doc, {doc.content_begin, top});
  const Place head = describe(doc, {0, top});
  if (year == 0) {
    findings.add(
        "missing-metadata", doc.lines.empty() ? Where{} : doc.lines.front().where, "/year",
        fmt::format("标题中没有找到年份（在{}中查找）；请用 --year 指定", head.zh),
        fmt::format("no year found in the title (looked in {}); give it with --year", head.en));
    finish(result, findings);
    return result;
  }
  const Edition* edition = edition_for_year(year);
  if (edition == nullptr) {
    findings.add(
        "unsupported-year", title ? doc.lines[title->lines.begin].where : Where{}, "/year",
        fmt::format("{} 年早于 {} 年，没有全国统一的表格格式，无法导入", year, kFirstYear),
        fmt::format("{} is before {}, which has no national table format; nothing imported", year,
                    kFirstYear));
    finish(result, findings);
    return result;
  }

  Report report = make_report(*edition, year);
  report.agency = !options.agency.empty() ? options.agency : title ? title->agency : std::string();
  if (report.agency.empty())
    findings.add(
        "missing-metadata", title ? doc.lines[title->lines.begin].where : Where{}, "/agency",
        fmt::format("标题中没有找到机关名称（在{}中查找）；请用 --agency 指定", head.zh),
        fmt::format("no agency found in the title (looked in {}); give it with --agency", head.en));
  const Sections sections =
      find_sections(doc, {doc.content_begin, doc.content_end}, *edition, findings);
  std::size_t preamble_begin = doc.content_begin;
  if (title && title->lines.end > preamble_begin && title->lines.end <= sections.first_heading)
    preamble_begin = title->lines.end;
  const Closing closing =
      read_narrative(doc, sections, {preamble_begin, sections.first_heading}, report);
  // The 落款 names the agency in full where the title may shorten it ("自治区人民政府办公厅").
  // Its date is when the report was written, not when it was published: it is not read.
  if (options.agency.empty() && closing.agency.size() > report.agency.size())
    report.agency = closing.agency;
  // An agency named 人民政府 is a government; any other is a department.
  if (report.agency.ends_with("人民政府")) report.agency_kind = AgencyKind::Government;
  if (title && options.agency.empty() && options.year == 0 &&
      squeeze(title->text) != squeeze(report.display_title()))
    report.title = title->text;

  TableCounts counts;
  for (const Region& region : table_regions(doc, sections, *edition))
    read_tables(doc, region.span, region.sections, region.place, report, findings, counts);

  ImportSummary& s = result.summary;
  s.edition = std::string(edition->id);
  s.year = year;
  s.agency = report.agency;
  for (std::size_t k = 0; k < edition->sections.size(); ++k) {
    if (sections.heading[k])
      ++s.sections_found;
    else
      s.sections_missing.push_back(std::string(edition->sections[k].numeral) + "、" +
                                   std::string(edition->sections[k].zh));
  }
  s.tables_found = counts.tables_found;
  s.tables_total = counts.tables_total;
  s.tables_missing = counts.tables_missing;
  s.rows_found = counts.rows_found;
  s.rows_total = counts.rows_total;
  count_cells(report, s);
  s.read_from = cells_read(report);
  result.report = std::move(report);
  finish(result, findings);
  return result;
}

std::string format_summary(const ImportSummary& s, std::string_view file, Lang lang) {
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
    if (!s.read_from.empty()) {
      std::string list_zh, list_en;
      for (const CellsRead& r : s.read_from) {
        const std::string where = place_range(r.first, r.last);
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
