// The docx format: a Word document (OOXML, zipped in memory with libzip), A4 after GB/T 9704,
// the official fonts named, tables merged as printed (gridSpan / vMerge).

#include <fmt/format.h>
#include <zip.h>

#include <memory>
#include <stdexcept>

#include "govreport/references.hpp"
#include "govreport/render.hpp"
#include "render/common.hpp"
#include "render/layout.hpp"

namespace govreport {
namespace {

using detail::Grid;
using detail::GridCell;
using detail::GridKind;

// A4 in twips, margins after GB/T 9704 (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm).
constexpr int kPageWidth = 11906, kPageHeight = 16838;
constexpr int kTop = 2098, kBottom = 1984, kLeft = 1587, kRight = 1474;
constexpr int kTextWidth = kPageWidth - kLeft - kRight;
// The width of a character of the body (3号, 16 pt), in twips.
constexpr int kCharWidth = 320;
// 22 lines in the 225 mm 版心.
constexpr int kLinePitch = 579;

constexpr std::string_view kMain =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";
constexpr std::string_view kRel =
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
constexpr std::string_view kXmlHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string run(std::string_view text, std::string_view style = {}) {
  std::string out = "<w:r>";
  if (!style.empty()) out += fmt::format(R"(<w:rPr><w:rStyle w:val="{}"/></w:rPr>)", style);
  return out + R"(<w:t xml:space="preserve">)" + detail::markup_escape(text) + "</w:t></w:r>";
}

std::string paragraph(std::string_view style, std::string_view runs) {
  const std::string properties =
      style.empty() ? "" : fmt::format(R"(<w:pPr><w:pStyle w:val="{}"/></w:pPr>)", style);
  return "<w:p>" + properties + std::string(runs) + "</w:p>\n";
}

std::vector<int> twips(const Grid& grid) {
  std::vector<int> out;
  int used = 0;
  for (std::size_t i = 0; i < grid.widths.size(); ++i) {
    out.push_back(i + 1 < grid.widths.size() ? grid.widths[i] * kTextWidth / 1000
                                             : kTextWidth - used);
    used += out.back();
  }
  return out;
}

// `keep` keeps the row on the page of the next one (w:keepNext in every paragraph of the row).
std::string cell_xml(const GridCell* cell, std::string_view text_style, int width, int span,
                     bool merge_start, bool merge_continue, bool keep) {
  const std::string_view keep_next = keep ? "<w:keepNext/>" : "";
  std::string out = fmt::format(R"(<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>)", width);
  if (span > 1) out += fmt::format(R"(<w:gridSpan w:val="{}"/>)", span);
  if (merge_start) out += R"(<w:vMerge w:val="restart"/>)";
  if (merge_continue) out += "<w:vMerge/>";
  out += R"(<w:vAlign w:val="center"/></w:tcPr>)";
  if (cell == nullptr)
    return out + fmt::format(R"(<w:p><w:pPr><w:pStyle w:val="{}"/>{}</w:pPr></w:p></w:tc>)",
                             text_style, keep_next);
  const bool left =
      cell->kind == GridKind::Note || (cell->kind == GridKind::Label && cell->row_span == 1);
  const std::string_view style = cell->kind == GridKind::Caption ? "TableCaption" : text_style;
  out += fmt::format(R"(<w:p><w:pPr><w:pStyle w:val="{}"/>{}<w:jc w:val="{}"/></w:pPr>)", style,
                     keep_next, left ? "left" : "center");
  return out + (cell->text.empty() ? "" : run(cell->text)) + "</w:p></w:tc>";
}

std::string table_xml(const Grid& grid) {
  const std::vector<int> widths = twips(grid);
  const std::string_view text_style = grid.dense ? "TableTextSmall" : "TableText";
  const int columns = static_cast<int>(widths.size());
  auto span_width = [&](int first, int span) {
    int w = 0;
    for (int c = first; c < first + span && c < columns; ++c)
      w += widths[static_cast<std::size_t>(c)];
    return w;
  };
  std::string out = "<w:tbl>\n<w:tblPr>";
  out += fmt::format(R"(<w:tblW w:w="{}" w:type="dxa"/><w:jc w:val="center"/>)", kTextWidth);
  out += "<w:tblBorders>";
  for (std::string_view side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    out += fmt::format(R"(<w:{} w:val="single" w:sz="6" w:space="0" w:color="000000"/>)", side);
  out += R"(</w:tblBorders><w:tblLayout w:type="fixed"/>)";
  out +=
      R"(<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>)";
  out +=
      R"(<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>)";
  out += "</w:tblPr>\n<w:tblGrid>";
  for (int w : widths) out += fmt::format(R"(<w:gridCol w:w="{}"/>)", w);
  out += "</w:tblGrid>\n";

  // Rows still covered by a vertical merge that started above, per grid column, and its span.
  struct Merge {
    int rows = 0;
    int span = 1;
  };
  std::vector<Merge> open(widths.size());
  // Every row is kept with the next, so that Word moves a table that does not fit in what is
  // left of a page to the next page whole, and no group is parted from its merged label.
  for (std::size_t r = 0; r < grid.rows.size(); ++r) {
    const detail::GridRow& row = grid.rows[r];
    const bool keep = r + 1 < grid.rows.size();
    out += row.head ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                    : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    std::size_t next = 0;
    for (int c = 0; c < columns;) {
      Merge& merge = open[static_cast<std::size_t>(c)];
      if (merge.rows > 0) {
        --merge.rows;
        out +=
            cell_xml(nullptr, text_style, span_width(c, merge.span), merge.span, false, true, keep);
        c += merge.span;
        continue;
      }
      if (next >= row.cells.size()) {  // the layout left this column empty: keep the grid whole
        out += cell_xml(nullptr, text_style, span_width(c, 1), 1, false, false, keep);
        ++c;
        continue;
      }
      const GridCell& cell = row.cells[next++];
      if (cell.row_span > 1) merge = {cell.row_span - 1, cell.col_span};
      out += cell_xml(&cell, text_style, span_width(c, cell.col_span), cell.col_span,
                      cell.row_span > 1, false, keep);
      c += cell.col_span;
    }
    out += "</w:tr>\n";
  }
  return out + "</w:tbl>\n" + paragraph("AfterTable", "");
}

std::string document_xml(const Report& report) {
  auto text = [&](std::string_view s) { return expand_references(report, s); };
  std::string body = paragraph("Title", run(report.display_title()));
  auto paragraphs = [&](const std::vector<std::string>& items) {
    for (const std::string& p : items) body += paragraph("", run(text(p)));
  };
  auto narrative = [&](std::string_view numeral) {
    for (std::size_t k = 0; k < report.narrative.size(); ++k) {
      if (report.edition->narrative[k].section != numeral) continue;
      const Narrative& part = report.narrative[k];
      paragraphs(part.paragraphs);
      for (std::size_t i = 0; i < part.subsections.size(); ++i) {
        const Subsection& s = part.subsections[i];
        std::string runs = run(text(detail::subsection_lead(s, i)), "RunIn");
        if (!s.paragraphs.empty()) runs += run(text(s.paragraphs.front()));
        body += paragraph("", runs);
        for (std::size_t p = 1; p < s.paragraphs.size(); ++p)
          body += paragraph("", run(text(s.paragraphs[p])));
      }
    }
  };
  narrative({});
  for (const Section& section : report.edition->sections) {
    body += paragraph("Heading1", run(fmt::format("{}、{}", section.numeral, section.zh)));
    narrative(section.numeral);
    for (const Grid& grid : detail::section_grids(report, section.numeral)) body += table_xml(grid);
  }
  if (const auto s = detail::signature(report)) {
    // 落款 after an empty line; indents in hundredths of a character and in twips (3号, 16 pt).
    auto line = [](std::string_view words, std::string_view side, double indent,
                   std::string_view align) {
      const auto hundredths = static_cast<int>(indent * 100);
      return fmt::format(
                 R"(<w:p><w:pPr><w:pStyle w:val="Signature"/><w:ind w:{1}Chars="{2}" w:{1}="{3}"/><w:jc w:val="{0}"/></w:pPr>)",
                 align, side, hundredths, hundredths * kCharWidth / 100) +
             run(words) + "</w:p>\n";
    };
    body += paragraph("Signature", "");
    body += line(s->agency, "right", s->agency_indent, "right");
    // The date starts two characters right of the agency's first: from the left margin, the
    // line less the agency's indent and width, plus two.
    const double text_chars = static_cast<double>(kTextWidth) / kCharWidth;
    if (!s->date.empty() && s->date_under_agency)
      body += line(s->date, "left", text_chars - s->agency_indent - s->agency_width + 2, "left");
    else if (!s->date.empty())
      body += line(s->date, "right", 2, "right");
  }
  std::string out(kXmlHead);
  out += fmt::format("<w:document {} {}>\n<w:body>\n", kMain, kRel);
  out += body;
  out += "<w:sectPr>";
  out +=
      R"(<w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>)";
  out += fmt::format(R"(<w:pgSz w:w="{}" w:h="{}"/>)", kPageWidth, kPageHeight);
  out += fmt::format(
      R"(<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="851" w:footer="1304" w:gutter="0"/>)",
      kTop, kRight, kBottom, kLeft);
  out += fmt::format(R"(<w:docGrid w:type="lines" w:linePitch="{}"/>)", kLinePitch);
  return out + "</w:sectPr>\n</w:body>\n</w:document>\n";
}

std::string fonts(std::string_view east_asia, std::string_view latin = "Times New Roman") {
  return fmt::format(
      R"(<w:rFonts w:ascii="{1}" w:hAnsi="{1}" w:eastAsia="{0}" w:cs="{1}" w:hint="eastAsia"/>)",
      east_asia, latin);
}

// The official fonts: 仿宋_GB2312 body, 方正小标宋简体 title, 黑体 headings, 楷体_GB2312 for
// the run-in subsection heads, 宋体 in tables; sizes 3号 (16 pt), 2号 (22 pt), 五号 (10.5 pt).
std::string styles_xml() {
  std::string out(kXmlHead);
  out += fmt::format("<w:styles {}>\n", kMain);
  out += "<w:docDefaults><w:rPrDefault><w:rPr>" + fonts("仿宋_GB2312");
  out +=
      R"(<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>)";
  out += "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>";
  out += fmt::format(R"(<w:spacing w:before="0" w:after="0" w:line="{}" w:lineRule="exact"/>)",
                     kLinePitch);
  out += "</w:pPr></w:pPrDefault></w:docDefaults>\n";
  auto style = [&](std::string_view type, std::string_view id, std::string_view name,
                   std::string_view ppr, std::string_view rpr, bool is_default = false) {
    out += fmt::format(R"(<w:style w:type="{}"{} w:styleId="{}"><w:name w:val="{}"/>)", type,
                       is_default ? R"( w:default="1")" : "", id, name);
    if (type == "paragraph" && id != "Normal") out += R"(<w:basedOn w:val="Normal"/><w:qFormat/>)";
    if (!ppr.empty()) out += "<w:pPr>" + std::string(ppr) + "</w:pPr>";
    if (!rpr.empty()) out += "<w:rPr>" + std::string(rpr) + "</w:rPr>";
    out += "</w:style>\n";
  };
  style("paragraph", "Normal", "Normal",
        R"(<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>)", "", true);
  style(
      "paragraph", "Title", "Title",
      R"(<w:snapToGrid w:val="0"/><w:spacing w:after="579" w:line="640" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>)",
      fonts("方正小标宋简体") + R"(<w:sz w:val="44"/><w:szCs w:val="44"/>)");
  style("paragraph", "Heading1", "heading 1", R"(<w:keepNext/><w:outlineLvl w:val="1"/>)",
        fonts("黑体") + R"(<w:sz w:val="32"/><w:szCs w:val="32"/>)");
  const std::string table_paragraph =
      R"(<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/>)";
  const std::string table_run = fonts("宋体") + R"(<w:sz w:val="21"/><w:szCs w:val="21"/>)";
  style("paragraph", "TableText", "Table Text", table_paragraph, table_run);
  style("paragraph", "TableTextSmall", "Table Text Small", table_paragraph,
        fonts("宋体") + R"(<w:sz w:val="18"/><w:szCs w:val="18"/>)");
  style("paragraph", "TableCaption", "Table Caption", table_paragraph + "<w:keepNext/>",
        fonts("黑体") + R"(<w:sz w:val="21"/><w:szCs w:val="21"/>)");
  style("paragraph", "AfterTable", "After Table",
        R"(<w:spacing w:line="240" w:lineRule="auto"/><w:snapToGrid w:val="0"/>)",
        R"(<w:sz w:val="21"/><w:szCs w:val="21"/>)");
  style(
      "paragraph", "Footer", "footer",
      R"(<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/>)",
      fonts("宋体", "宋体") + R"(<w:sz w:val="28"/><w:szCs w:val="28"/>)");
  style(
      "paragraph", "Signature", "Signature",
      R"(<w:keepNext/><w:keepLines/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>)",
      "");
  style("character", "RunIn", "Run-in Heading", "", fonts("楷体_GB2312"));
  return out + "</w:styles>\n";
}

// "— 1 —": right with one character of space on odd pages, left on even pages.
std::string footer_xml(bool even) {
  std::string out(kXmlHead);
  out += fmt::format("<w:ftr {} {}>\n", kMain, kRel);
  out += fmt::format(
      R"(<w:p><w:pPr><w:pStyle w:val="Footer"/><w:ind w:{}Chars="100"/><w:jc w:val="{}"/></w:pPr>)",
      even ? "left" : "right", even ? "left" : "right");
  out += run("— ") + R"(<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>)" +
         run(" —");
  return out + "</w:p>\n</w:ftr>\n";
}

std::string settings_xml() {
  std::string out(kXmlHead);
  out += fmt::format("<w:settings {}>", kMain);
  out +=
      R"(<w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>)";
  out +=
      R"(<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>)";
  return out + "</w:settings>\n";
}

// Names the official fonts with a close alternative, and GB2312 so that a missing font is
// replaced by a Chinese one of the same family.
std::string font_table_xml() {
  struct Font {
    std::string_view name, alternative, family, pitch;
  };
  static constexpr Font kFonts[] = {
      {"仿宋_GB2312", "仿宋", "modern", "fixed"},           {"仿宋", "FangSong", "modern", "fixed"},
      {"方正小标宋简体", "华文中宋", "script", "variable"}, {"黑体", "SimHei", "modern", "fixed"},
      {"楷体_GB2312", "楷体", "modern", "fixed"},           {"宋体", "SimSun", "auto", "variable"},
      {"Times New Roman", "", "roman", "variable"},
  };
  std::string out(kXmlHead);
  out += fmt::format("<w:fonts {}>\n", kMain);
  for (const Font& f : kFonts) {
    out += fmt::format(R"(<w:font w:name="{}">)", f.name);
    if (!f.alternative.empty()) out += fmt::format(R"(<w:altName w:val="{}"/>)", f.alternative);
    out += fmt::format(
        R"(<w:charset w:val="{}"/><w:family w:val="{}"/><w:pitch w:val="{}"/></w:font>)",
        f.alternative.empty() ? "00" : "86", f.family, f.pitch);
    out += "\n";
  }
  return out + "</w:fonts>\n";
}

std::string core_xml(const Report& report) {
  std::string out(kXmlHead);
  out +=
      R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
      R"(xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" )"
      R"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">)";
  out += "<dc:title>" + detail::markup_escape(report.display_title()) + "</dc:title>";
  out += "<dc:creator>" + detail::markup_escape(report.agency) + "</dc:creator>";
  out += "<dc:language>zh-CN</dc:language>";
  if (report.published.size() == 10)
    out += R"(<dcterms:created xsi:type="dcterms:W3CDTF">)" +
           detail::markup_escape(report.published) + "T00:00:00Z</dcterms:created>";
  return out + "</cp:coreProperties>\n";
}

std::string app_xml() {
  std::string out(kXmlHead);
  out +=
      R"(<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">)";
  return out + "<Application>govreport</Application></Properties>\n";
}

constexpr std::string_view kContentTypes =
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>)"
    R"(<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>)"
    R"(<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>)"
    R"(<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>)"
    R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)"
    R"(<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>)"
    "</Types>\n";

constexpr std::string_view kPackageRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>)"
    "</Relationships>\n";

constexpr std::string_view kDocumentRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>)"
    R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>)"
    R"(<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>)"
    "</Relationships>\n";

[[noreturn]] void zip_failure(std::string_view what, zip_error_t* error) {
  const std::string message = fmt::format("docx: {}: {}", what, zip_error_strerror(error));
  zip_error_fini(error);
  throw std::runtime_error(message);
}

// Zips `parts` (name, content) in order into memory. Entries carry a fixed date (1980-01-01),
// so the same report always gives the same bytes.
std::string zip_parts(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) zip_failure("cannot create a buffer", &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    zip_failure("cannot open the archive", &error);
  }
  zip_source_keep(buffer);  // zip_close would free it; its bytes are the result
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, &zip_source_free);
  constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index =
        source == nullptr ? -1 : zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (source != nullptr) zip_source_free(source);
      zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)),
                    zip_error_code_system(zip_get_error(archive)));
      zip_discard(archive);
      zip_failure(name, &error);
    }
    const auto entry = static_cast<zip_uint64_t>(index);
    zip_file_set_dostime(archive, entry, 0, kDosDate, 0);
    zip_set_file_compression(archive, entry, ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(archive) != 0) {
    zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)),
                  zip_error_code_system(zip_get_error(archive)));
    zip_discard(archive);
    zip_failure("cannot write the archive", &error);
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0)
    zip_failure("cannot read the archive back", &error);
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
  zip_source_close(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
    zip_failure("cannot read the archive back", &error);
  zip_error_fini(&error);
  return bytes;
}

}  // namespace

std::string render_docx(const Report& report) {
  const std::string head(kXmlHead);
  return zip_parts({
      {"[Content_Types].xml", head + std::string(kContentTypes)},
      {"_rels/.rels", head + std::string(kPackageRels)},
      {"docProps/core.xml", core_xml(report)},
      {"docProps/app.xml", app_xml()},
      {"word/document.xml", document_xml(report)},
      {"word/_rels/document.xml.rels", head + std::string(kDocumentRels)},
      {"word/styles.xml", styles_xml()},
      {"word/settings.xml", settings_xml()},
      {"word/fontTable.xml", font_table_xml()},
      {"word/footer1.xml", footer_xml(false)},
      {"word/footer2.xml", footer_xml(true)},
  });
}

}  // namespace govreport
