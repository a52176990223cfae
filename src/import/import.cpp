// Importing a published report: read the source into lines, then find the title, the sections,
// the narrative and the tables, and say what was found and what was not.

#include "govreport/import.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "govreport/safe_text.hpp"
#include "import/document.hpp"
#include "import/normalize.hpp"
#include "import/recognise.hpp"
#include "import/workbook.hpp"

namespace govreport {
namespace {

using namespace importer;

// Reads a PDF, HTML or text source into lines; sets `failure` when it cannot be read at all.
Document read_source(std::string_view bytes, SourceKind kind, std::optional<Unreadable>& failure) {
  if (kind == SourceKind::Pdf) return read_pdf(bytes, failure);
  if (kind == SourceKind::Docx) return read_docx(bytes, failure);
  if (kind == SourceKind::Doc) {
    failure = Unreadable{Message{
        "旧版 Word 97–2003 文档（.doc）需要先转换：请安装 LibreOffice（Debian 软件包 "
        "libreoffice-writer，之后 govreport 自动转换），或在 Word、WPS 中另存为 .docx",
        "an old Word 97–2003 document (.doc) must be converted first: install LibreOffice (Debian "
        "package libreoffice-writer; govreport then converts it), or save it as .docx in Word or "
        "WPS"}};
    return {};
  }
  std::string charset;
  const std::string declared =
      kind == SourceKind::Html ? declared_html_charset(bytes) : std::string();
  bool overruled = false;
  const std::optional<std::string> utf8 = to_utf8(bytes, declared, charset, &overruled);
  if (!utf8) {
    failure = Message{"无法识别文字编码（既不是 UTF-8，也不是 GB18030/GBK）",
                      "the character encoding is neither UTF-8 nor GB18030/GBK"};
    return {};
  }
  if (kind == SourceKind::Html) {
    Document doc = read_html(*utf8, charset, failure);
    if (overruled)
      doc.charset_notes.push_back(
          {fmt::format("页面声明的编码是 {}，但内容是有效的 UTF-8 文字：按 UTF-8 读取", declared),
           fmt::format("the page declares the charset {}, but its bytes are valid UTF-8 text: "
                       "read as UTF-8",
                       declared)});
    return doc;
  }
  if (looks_unlaid(*utf8)) {
    failure = Message{
        "这是 pdftotext 不带 -layout 转出的文字：表格的行名和数字被拆到各自的行上，无法按行读取。"
        "请用 pdftotext -layout 重新转换（或直接导入 PDF）",
        "this is pdftotext's output without -layout: the tables' labels and numbers are split "
        "onto lines of their own and cannot be read as rows. Convert again with pdftotext "
        "-layout (or import the PDF itself)"};
    return {};
  }
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
  Message place;
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
    const Message lines = describe(doc, span);
    Message place;
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
  // The cells printed blank and a format other than the year's: the import keeps them as
  // printed, checking reports them.
  for (Diagnostic& d : findings.list())
    (d.rule == "blank-cell"        ? result.blank_cells
     : d.rule == "format-mismatch" ? result.report_findings
                                   : result.findings)
        .push_back(std::move(d));
  sort_diagnostics(result.blank_cells);
  sort_diagnostics(result.findings);
  result.summary.errors = count(result.findings, Severity::Error);
  result.summary.warnings = count(result.findings, Severity::Warning);
}

}  // namespace

ImportResult import_report(std::string_view bytes, SourceKind kind, std::string_view file,
                           const ImportOptions& options) {
  ImportResult result;
  Findings findings{std::string(file)};
  std::optional<Unreadable> failure;
  Document doc;
  if (kind == SourceKind::Xlsx || kind == SourceKind::Xls) {
    const Workbook book =
        kind == SourceKind::Xlsx ? read_xlsx(bytes, failure) : read_xls(bytes, failure);
    if (!failure) {
      if (std::optional<ImportResult> own = read_own_workbook(book, file, options))
        return std::move(*own);
      doc = workbook_document(book);
    }
  } else {
    doc = read_source(bytes, kind, failure);
  }
  result.summary.source =
      doc.description.empty() ? std::string(source_kind_name(kind)) : doc.description;
  for (const Message& note : doc.charset_notes)
    add_finding(findings, "charset-mismatch", {}, "", note.zh, note.en);
  if (failure) {
    add_finding(findings, "unreadable-source", failure->where, "", failure->message.zh,
                failure->message.en);
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
  const Message head = describe(doc, {0, top});
  if (year == 0) {
    add_finding(
        findings, "missing-metadata", doc.lines.empty() ? Where{} : doc.lines.front().where,
        "/year", fmt::format("标题中没有找到年份（在{}中查找）；请用 --year 指定", head.zh),
        fmt::format("no year found in the title (looked in {}); give it with --year", head.en));
    finish(result, findings);
    return result;
  }
  const Edition* edition = edition_for_year(year);
  if (edition == nullptr) {
    add_finding(findings, "unsupported-year", title ? doc.lines[title->lines.begin].where : Where{},
                "/year",
                fmt::format("{} 年早于 {} 年，没有全国统一的表格格式，无法导入", year, kFirstYear),
                fmt::format("{} is before {}, which has no national table format; nothing imported",
                            year, kFirstYear));
    finish(result, findings);
    return result;
  }

  const Sections sections =
      find_sections(doc, {doc.content_begin, doc.content_end}, *edition, findings);
  // The edition of the year, unless the tables are clearly printed in the other one: they are
  // then read as printed, so that no cell is lost, and checking says the format is not the year's.
  EditionEvidence evidence;
  for (const Region& region : table_regions(doc, sections, *edition))
    gather_edition_evidence(doc, region.span, region.sections, *edition, evidence);
  if (const std::optional<PrintedEdition> printed =
          other_printed_edition(evidence, *edition, year)) {
    edition = printed->edition;
    result.summary.edition_by = printed->summary;
    add_finding(findings, "format-mismatch", printed->where, "/format", printed->finding.zh,
                printed->finding.en);
  }

  Report report = make_report(*edition, year);
  report.agency = !options.agency.empty() ? options.agency : title ? title->agency : std::string();
  std::size_t preamble_begin = doc.content_begin;
  if (title && title->lines.end > preamble_begin && title->lines.end <= sections.first_heading)
    preamble_begin = title->lines.end;
  const Closing closing =
      read_narrative(doc, sections, {preamble_begin, sections.first_heading}, report);
  // The 落款 names the agency in full where the title may shorten it ("自治区人民政府办公厅").
  // Its date is when the report was written, not when it was published: it is not read.
  // A title "关于…的报告" names no agency: the 落款 does.
  if (options.agency.empty() && closing.agency.size() > report.agency.size())
    report.agency = closing.agency;
  if (report.agency.empty())
    add_finding(
        findings, "missing-metadata", title ? doc.lines[title->lines.begin].where : Where{},
        "/agency",
        fmt::format("标题和落款中没有找到机关名称（在{}及文末查找）；请用 --agency 指定", head.zh),
        fmt::format("no agency found in the title or the signature (looked in {} and at "
                    "the end); give it with --agency",
                    head.en));
  // The kind: given, else from the ending of the name (kGovernmentNameEndings).
  const std::string_view ending = government_name_ending(report.agency);
  if (options.agency_kind)
    report.agency_kind = *options.agency_kind;
  else if (!ending.empty())
    report.agency_kind = AgencyKind::Government;
  result.summary.agency_kind = report.agency_kind;
  result.summary.agency_kind_by = options.agency_kind ? "--kind" : std::string(ending);
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
  s.count_cells(report);
  s.read_from = cells_read(report);
  result.report = std::move(report);
  finish(result, findings);
  return result;
}

}  // namespace govreport
