// Reading Word documents: what Word shows is read (merged cells, runs, revisions, fields, list
// numbers), every cell with the place a clerk finds it at; govreport's own .docx reads back to
// the same report, and checking a .docx names table, row and column.

#include <zip.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "govreport/check.hpp"
#include "govreport/import.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "import/document.hpp"
#include "support.hpp"

namespace {

using govreport::Diagnostic;
using govreport::ImportResult;
using govreport::Lang;
using govreport::Report;
using govreport::SourceKind;
using govreport::importer::Document;
using govreport::importer::Line;
using govreport::importer::Piece;
using govreport::test::project_file;
using govreport::test::run_govreport;
using govreport::test::temp_dir;

using Parts = std::vector<std::pair<std::string, std::string>>;

// Zips `parts` (name, content) into an archive in memory.
std::string zip_parts(const Parts& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  REQUIRE(buffer != nullptr);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  zip_source_keep(buffer);
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    REQUIRE(source != nullptr);
    REQUIRE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
  zip_stat_t st;
  zip_stat_init(&st);
  REQUIRE(zip_source_stat(buffer, &st) == 0);
  REQUIRE(zip_source_open(buffer) == 0);
  std::string bytes(static_cast<std::size_t>(st.size), '\0');
  REQUIRE(zip_source_read(buffer, bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

// The parts of an archive in memory.
Parts unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  Parts out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) == 0);
    std::string content(static_cast<std::size_t>(st.size), '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file != nullptr);
    REQUIRE(zip_fread(file, content.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(file);
    out.emplace_back(st.name, std::move(content));
  }
  zip_close(archive);
  zip_error_fini(&error);
  return out;
}

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// A minimal .docx whose body is `body` (WordprocessingML), with `numbering` if given.
std::string docx(const std::string& body, const std::string& numbering = "") {
  const std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  Parts parts = {
      {"[Content_Types].xml",
       head +
           R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
           R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
           R"(<Default Extension="xml" ContentType="application/xml"/></Types>)"},
      {"_rels/.rels",
       head +
           R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
           R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
           R"(</Relationships>)"},
      {"word/document.xml",
       head + "<w:document xmlns:w=\"" + kW + "\"><w:body>" + body + "</w:body></w:document>"},
  };
  if (!numbering.empty()) {
    parts.emplace_back(
        "word/_rels/document.xml.rels",
        head +
            R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
            R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
            R"(</Relationships>)");
    parts.emplace_back("word/numbering.xml", head + "<w:numbering xmlns:w=\"" + kW + "\">" +
                                                 numbering + "</w:numbering>");
  }
  return zip_parts(parts);
}

std::string p(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }
std::string r(const std::string& text) { return "<w:r><w:t>" + text + "</w:t></w:r>"; }
std::string tc(const std::string& content, const std::string& props = "") {
  return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + content + "</w:tc>";
}
std::string tr(const std::string& cells, const std::string& props = "") {
  return "<w:tr><w:trPr>" + props + "</w:trPr>" + cells + "</w:tr>";
}
std::string tbl(const std::string& rows) { return "<w:tbl>" + rows + "</w:tbl>"; }

Document read(const std::string& bytes) {
  std::optional<govreport::importer::Unreadable> failure;
  Document doc = govreport::importer::read_docx(bytes, failure);
  INFO((failure ? failure->message.zh : std::string()));
  REQUIRE(!failure);
  return doc;
}

// Each line as "text" or, for a table row, "| a | b |"; then its place.
std::vector<std::string> lines(const Document& doc) {
  std::vector<std::string> out;
  for (const Line& l : doc.lines) {
    std::string s;
    if (l.cells) {
      for (const Piece& piece : l.pieces) s += "| " + piece.text + " ";
      s += "|";
    } else {
      s = l.text();
    }
    out.push_back(s + "  @ " + l.where.place);
  }
  return out;
}

// The place of each piece of the table rows, "text @ place".
std::vector<std::string> places(const Document& doc) {
  std::vector<std::string> out;
  for (const Line& l : doc.lines)
    if (l.cells)
      for (const Piece& piece : l.pieces) out.push_back(piece.text + " @ " + piece.place);
  return out;
}

// Loads a data file; a title that is the default one is cleared, as an import does not keep it.
Report load(const std::string& relative) {
  govreport::LoadResult loaded = govreport::load_report(project_file(relative), relative);
  REQUIRE(loaded.report.has_value());
  Report untitled = *loaded.report;
  untitled.title.clear();
  if (loaded.report->title == untitled.display_title()) loaded.report->title.clear();
  return std::move(*loaded.report);
}

// Replaces the one occurrence of `from` in the document part of `bytes` with `to`.
std::string edit_document(const std::string& bytes, const std::string& from,
                          const std::string& to) {
  Parts parts = unzip(bytes);
  for (auto& [name, content] : parts) {
    if (name != "word/document.xml") continue;
    const std::size_t at = content.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(content.find(from, at + 1) == std::string::npos);
    content.replace(at, from.size(), to);
  }
  return zip_parts(parts);
}

// The run govreport writes for a table value.
std::string value_run(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

std::vector<std::string> formatted(const std::vector<Diagnostic>& found, Lang lang = Lang::Zh) {
  std::vector<std::string> out;
  for (const Diagnostic& d : found) out.push_back(govreport::format_diagnostic(d, lang));
  return out;
}

}  // namespace

TEST_CASE("A Word table is read as the grid Word shows: gridSpan across, vMerge down", "[word]") {
  const std::string vmerge_start = R"(<w:vMerge w:val="restart"/>)";
  const std::string vmerge = "<w:vMerge/>";
  const std::string body =
      p(r("三、收到和处理政府信息公开申请情况")) +
      tbl(tr(tc(p(r("情况")), R"(<w:gridSpan w:val="2"/>)") + tc(p(r("自然人"))) +
             tc(p(r("商业")) + p(r("企业"))) + tc(p(r("总计")))) +
          tr(tc(p(r("三、本年度办理结果")), vmerge_start) + tc(p(r("（一）予以公开"))) +
             tc(p(r("5"))) + tc(p(r("0"))) + tc(p(r("5")))) +
          tr(tc(p(r("")), vmerge) + tc(p(r("（二）部分公开"))) + tc(p(r("4"))) + tc(p("")) +
             tc(p(r("4")), vmerge_start)) +
          tr(tc(p(""), vmerge) + tc(p(r("（三）不予公开"))) + tc(p(r("1"))) + tc(p(r("2"))) +
             tc(p(""), vmerge)));
  const Document doc = read(docx(body));
  CHECK(
      lines(doc) ==
      std::vector<std::string>{
          "三、收到和处理政府信息公开申请情况  @ 第 1 段「三、收到和处理政府信息公…」",
          "| 情况 | 自然人 | 商业企业 | 总计 |  @ 表三 第 1 行「情况」",
          "| 三、本年度办理结果 | （一）予以公开 | 5 | 0 | 5 |  @ 表三 第 2 行「三、本年度办理结果 "
          "（一）予以公开」",
          // A label spanning rows heads each; a value spanning rows belongs to its first.
          "| 三、本年度办理结果 | （二）部分公开 | 4 |  | 4 |  @ 表三 第 3 行「三、本年度办理结果 "
          "（二）部分公开」",
          "| 三、本年度办理结果 | （三）不予公开 | 1 | 2 |  @ 表三 第 4 行「三、本年度办理结果 "
          "（三）不予公开」",
      });
  CHECK(places(doc)[6] == "5 @ 表三 第 2 行「三、本年度办理结果 （一）予以公开」·自然人");
  CHECK(places(doc)[7] == "0 @ 表三 第 2 行「三、本年度办理结果 （一）予以公开」·商业企业");
  CHECK(places(doc)[12] == " @ 表三 第 3 行「三、本年度办理结果 （二）部分公开」·商业企业");
  CHECK(doc.lines[2].pieces[0].x0 == 0);
  CHECK(doc.lines[2].pieces[0].x1 == 1);
  CHECK(doc.lines[1].pieces[0].x1 == 2);  // 情况 spans two grid columns
}

TEST_CASE("Runs, revisions, fields, soft hyphens and hidden text read as Word shows them",
          "[word]") {
  const std::string body =
      tbl(tr(tc(p(r("信息内容"))) + tc(p(r("本年制发件数"))) + tc(p(r("本年废止件数")))) +
          // A label with a soft hyphen in its text and one as an element.
          tr(tc(p(r("规\u00AD章"))) +
             // A number over three runs, one inside an insertion.
             tc(p(r("4") + "<w:ins><w:r><w:t>4</w:t></w:r></w:ins>" + r("1"))) +
             // A deleted digit and an inserted one.
             tc(p("<w:del><w:r><w:delText>9</w:delText></w:r></w:del>"
                  "<w:ins><w:r><w:t>12</w:t></w:r></w:ins>"))) +
          tr(tc(p(r("行政") + "<w:r><w:softHyphen/></w:r>" + r("规范性文件"))) +
             // A field: its result is read, not its instruction.
             tc(p("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                  "<w:r><w:instrText> =SUM(LEFT) </w:instrText></w:r>"
                  "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                  r("30") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")) +
             // A simple field, hidden text and a footnote mark.
             tc(p("<w:fldSimple w:instr=\" =2+5 \">" + r("7") + "</w:fldSimple>" +
                  "<w:r><w:rPr><w:vanish/></w:rPr><w:t>999</w:t></w:r>" +
                  "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"))) +
          // A deleted row, and text moved away, are not read; text moved here is.
          tr(tc(p(r("行政许可"))) + tc(p(r("8"))) + tc(p(r("9"))), "<w:del/>") +
          tr(tc(p(r("行政处罚"))) + tc(p("<w:moveFrom>" + r("5") + "</w:moveFrom>")) +
             tc(p("<w:moveTo>" + r("6") + "</w:moveTo>"))));
  const Document doc = read(docx(body));
  CHECK(lines(doc) ==
        std::vector<std::string>{
            "| 信息内容 | 本年制发件数 | 本年废止件数 |  @ 第 1 张表 第 1 行「信息内容」",
            "| 规章 | 441 | 12 |  @ 第 1 张表 第 2 行「规章」",
            "| 行政规范性文件 | 30 | 7 |  @ 第 1 张表 第 3 行「行政规范性文件」",
            "| 行政处罚 |  | 6 |  @ 第 1 张表 第 4 行「行政处罚」",
        });
  CHECK(places(doc)[4] == "441 @ 第 1 张表 第 2 行「规章」·本年制发件数");
  CHECK(places(doc)[11] == "6 @ 第 1 张表 第 4 行「行政处罚」·本年废止件数");
}

TEST_CASE("List numbers that Word adds are written out", "[word]") {
  // Headings numbered 一、二、 by a list; 1. 2. inside a table; the count goes on across tables.
  const std::string numbering =
      R"(<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
      R"(<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>)"
      R"(<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>)"
      R"(<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>)"
      R"(<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>)"
      R"(<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>)"
      R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>)"
      R"(<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)";
  auto numbered = [](const std::string& id, int level, const std::string& text) {
    return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) +
           "\"/><w:numId w:val=\"" + id + "\"/></w:numPr></w:pPr>" + r(text) + "</w:p>";
  };
  const std::string body =
      numbered("1", 0, "总体情况") + numbered("1", 1, "主动公开") + numbered("1", 1, "依申请公开") +
      numbered("1", 0, "主动公开政府信息情况") +
      tbl(tr(tc(numbered("2", 0, "属于国家秘密")) + tc(p(r("0")))) +
          tr(tc(numbered("2", 0, "其他法律行政法规禁止公开")) + tc(p(r("3"))))) +
      numbered("1", 0, "收到和处理政府信息公开申请情况") + numbered("1", 1, "第一项");
  const Document doc = read(docx(body, numbering));
  CHECK(lines(doc) ==
        std::vector<std::string>{
            "一、总体情况  @ 第 1 段「一、总体情况」",
            "（一）主动公开  @ 第 2 段「（一）主动公开」",
            "（二）依申请公开  @ 第 3 段「（二）依申请公开」",
            "二、主动公开政府信息情况  @ 第 4 段「二、主动公开政府信息情况」",
            "| 1.属于国家秘密 | 0 |  @ 表二 第 1 行「1.属于国家秘密」",
            "| 2.其他法律行政法规禁止公开 | 3 |  @ 表二 第 2 行「2.其他法律行政法规禁止公开」",
            "三、收到和处理政府信息公开申请情况  @ 第 5 段「三、收到和处理政府信息公…」",
            "（一）第一项  @ 第 6 段「（一）第一项」",
        });
}

TEST_CASE("A Word document that cannot be read says why", "[word]") {
  auto failure = [](const std::string& bytes) {
    std::optional<govreport::importer::Unreadable> f;
    govreport::importer::read_docx(bytes, f);
    REQUIRE(f.has_value());
    return f->message.zh + " / " + f->message.en;
  };
  CHECK(failure("plain text") ==
        "不是 Word 文档：.docx 文件是 zip 压缩包，而此文件不是（损坏或不完整？） / not a Word "
        "document: a .docx file is a zip archive and this file is not one (damaged or "
        "incomplete?)");
  CHECK(failure(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'))
            .starts_with("这是旧版 Word 97–2003 文档（.doc），不是 .docx；"));
  CHECK(failure(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) +
                std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32))
            .starts_with("文档设有打开密码（已加密），无法读取"));
  CHECK(failure(zip_parts({{"xl/workbook.xml", "<workbook/>"}})) ==
        "这是 Excel 工作簿，不是 Word 文档 / this is an Excel workbook, not a Word document");
  CHECK(failure(zip_parts({{"readme.txt", "x"}})) ==
        "zip 压缩包中没有可读的 Word 正文（word/document.xml）：不是 Word "
        "文档，或已损坏，或解压后超过 "
        "256 MiB / the zip archive holds no readable Word body (word/document.xml): not a Word "
        "document, damaged, or larger than 256 MiB unpacked");
  CHECK(failure(zip_parts({{"word/document.xml", "<w:document><w:body><w:p></w:body>"}})) ==
        "Word 正文（word/document.xml）不是完好的 XML：第 28 字节处 Start-end tags mismatch / the "
        "Word body (word/document.xml) is not well-formed XML: Start-end tags mismatch at byte 28");
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<w:sdt><w:sdtContent>";
  for (int i = 0; i < 100; ++i) deep += "</w:sdtContent></w:sdt>";
  CHECK(failure(docx(deep)) ==
        "Word 正文中的元素嵌套超过 64 层，无法读取 / the Word body nests elements more than 64 "
        "levels deep; not read");
}

TEST_CASE("A Word document built by govreport reads back to the same report", "[word]") {
  for (const char* data : {"data/2020.json", "data/examples/hongze-gov-2024.json"}) {
    INFO(data);
    Report report = load(data);
    report.published = "2021-01-25";  // printed in the 落款, and not read back
    const ImportResult r =
        govreport::import_report(govreport::render_docx(report), SourceKind::Docx, "r.docx");
    report.published.clear();
    CHECK(formatted(r.findings).empty());
    REQUIRE(r.report);
    // Agency (from the 落款 where the title shortens it), narrative and every cell.
    CHECK(govreport::write_data_file(*r.report) == govreport::write_data_file(report));
    CHECK(r.summary.source == "Word (docx, 3 tables)");
  }
  const ImportResult r =
      govreport::import_report(govreport::render_docx(load("data/examples/hongze-gov-2024.json")),
                               SourceKind::Docx, "r.docx");
  CHECK(govreport::format_summary(r.summary, "r.docx", Lang::Zh) ==
        "r.docx: 已导入 Word (docx, 3 tables)：2024 "
        "年，淮安市洪泽区人民政府，政府（名称以“人民政府”结尾），2021 版格式\n"
        "r.docx: 正文 6/6 部分，表格 6/6 张，行 34/34；单元格 200 个：数字 200，空白 0，“/” 0\n"
        "r.docx: 读取的单元格：表二 10 个（表二 第 3–14 行），表三 175 个（表三 第 4–28 "
        "行），表四 15 个（表四 第 4 行）\n"
        "r.docx: 错误 0 个，警告 0 个\n");
  CHECK(
      govreport::format_summary(r.summary, "r.docx", Lang::En)
          .find(
              "r.docx: cells read: 表二 10 (表二 第 3–14 行), 表三 175 (表三 第 4–28 行), 表四 15 "
              "(表四 第 4 行)\n") != std::string::npos);
}

TEST_CASE("A Word table whose amount column is headed 元 converts the amount exactly to 万元",
          "[word]") {
  std::string bytes = govreport::render_docx(load("data/examples/hongze-gov-2024.json"));
  bytes = edit_document(bytes, "本年收费金额（单位：万元）", "本年收费金额（单位：元）");
  bytes = edit_document(bytes, value_run("7545"), value_run("8810055"));
  const ImportResult r = govreport::import_report(bytes, SourceKind::Docx, "fees.docx");
  REQUIRE(r.report);
  CHECK(r.report->at("/proactive/fees/amount").value == 881'005'500);  // 万元 × 10⁶, exact
  CHECK(formatted(r.findings) ==
        std::vector<std::string>{
            "fees.docx:表二 第 14 行「行政事业性收费」: 警告: "
            "二·行政事业性收费·本年收费金额（单位：万元）：列头的单位是元，“8810055”换算为 "
            "881.0055 万元 [cell-unit]"});
  CHECK(govreport::format_summary(r.summary, "fees.docx", Lang::Zh) ==
        "fees.docx: 已导入 Word (docx, 3 tables)：2024 "
        "年，淮安市洪泽区人民政府，政府（名称以“人民政府”结尾），2021 版格式\n"
        "fees.docx: 正文 6/6 部分，表格 6/6 张，行 34/34；单元格 200 个：数字 200，空白 0，“/” 0\n"
        "fees.docx: 读取的单元格：表二 10 个（表二 第 3–14 行），表三 175 个（表三 第 4–28 "
        "行），表四 15 个（表四 第 4 行）\n"
        "fees.docx: 错误 0 个，警告 1 个\n");
}

TEST_CASE("Every cell of a Word table names its table, printed row and column", "[word]") {
  const Document doc = read(govreport::render_docx(load("data/examples/hongze-gov-2024.json")));
  const std::vector<std::string> all = places(doc);
  auto has = [&](const std::string& p) {
    return std::find(all.begin(), all.end(), p) != all.end();
  };
  CHECK(has("0 @ 表二 第 3 行「规章」·本年制发件数"));
  CHECK(has("8 @ 表二 第 4 行「行政规范性文件」·现行有效件数"));
  CHECK(has("9487 @ 表二 第 7 行「行政许可」·本年处理决定数量"));
  CHECK(has("7545 @ 表二 第 14 行「行政事业性收费」·本年收费金额（单位：万元）"));
  CHECK(has("95 @ 表三 第 4 行「一、本年新收政府信息公开申请数量」·自然人"));
  CHECK(has("0 @ 表三 第 9 行「（三）不予公开 2.其他法律行政法规禁止公开」·社会公益组织"));
  CHECK(has("95 @ 表三 第 27 行「三、本年度办理结果 （七）总计」·总计"));
  CHECK(has("1 @ 表四 第 4 行·行政复议·结果维持"));
  CHECK(has("1 @ 表四 第 4 行·未经复议直接起诉·结果维持"));
  CHECK(has("3 @ 表四 第 4 行·复议后起诉·总计"));
}

TEST_CASE("The cells of a Word document read the same when Word splits, revises or computes them",
          "[word]") {
  const Report report = load("data/examples/hongze-gov-2024.json");
  std::string bytes = govreport::render_docx(report);
  // 9487 typed over three runs and an empty inserted one; 2776 corrected from 2766 with tracked
  // changes; 84 the result of a formula field; 7545 with a soft hyphen.
  bytes = edit_document(bytes, value_run("9487"),
                        "<w:r><w:t>9</w:t></w:r><w:r><w:t>48</w:t></w:r><w:r><w:t>7</w:t></w:r>"
                        "<w:ins><w:r/></w:ins>");
  bytes = edit_document(bytes, value_run("2776"),
                        "<w:r><w:t>27</w:t></w:r><w:del><w:r><w:delText>66</w:delText></w:r>"
                        "</w:del><w:ins><w:r><w:t>76</w:t></w:r></w:ins>");
  bytes = edit_document(bytes, value_run("84"),
                        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> "
                        "=80+4 </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/>"
                        "</w:r><w:r><w:t>84</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/>"
                        "</w:r>");
  bytes = edit_document(bytes, value_run("7545"), "<w:r><w:t>75\u00AD45</w:t></w:r>");

  const ImportResult r = govreport::import_report(bytes, SourceKind::Docx, "r.docx");
  CHECK(formatted(r.findings).empty());
  REQUIRE(r.report);
  CHECK(govreport::write_data_file(*r.report) == govreport::write_data_file(report));
}

TEST_CASE("Checking a Word document names the table, row and column of each finding", "[word]") {
  Report report = load("data/examples/hongze-gov-2024.json");
  // A wrong row total, a blank cell and a review block that does not add up.
  report.at("/applications/results/withheld/prohibited_by_law/natural_person") =
      govreport::Cell::number(2);
  report.at("/applications/results/unable/not_held/commercial") = govreport::Cell{};
  report.at("/reviews/litigation_direct/total") = govreport::Cell::number(5);
  const ImportResult r =
      govreport::import_report(govreport::render_docx(report), SourceKind::Docx, "年报.docx");
  REQUIRE(r.report);
  // What check prints: the import's findings, its blank cells, and the rules'.
  std::vector<Diagnostic> found = govreport::check_report(*r.report, "年报.docx");
  found.insert(found.end(), r.findings.begin(), r.findings.end());
  found.insert(found.end(), r.blank_cells.begin(), r.blank_cells.end());
  govreport::sort_diagnostics(found);
  CHECK(formatted(found) ==
        std::vector<std::string>{
            "年报.docx:第 6 段「（二）依申请公开情况。根…」: 警告: 正文说申请 17 件，但表三 "
            "一、本年新收 总计为 95（一+二 为 95） [narrative-number]",
            "年报.docx:表三 第 9 行「（三）不予公开 2.其他法律行政法规禁止公开」·总计: 错误: "
            "三（三）2.其他法律行政法规禁止公开·总计 填报 0，各列合计 2（差 -2） [row-total]",
            "年报.docx:表三 第 16 行「（四）无法提供 1.本机关不掌握相关政府信息」·商业企业: 错误: "
            "三（四）1.本机关不掌握相关政府信息·商业企业 为空白；没有请填 0 [blank-cell]",
            "年报.docx:表三 第 27 行「三、本年度办理结果 （七）总计」·自然人: 错误: "
            "三（七）总计·自然人 填报 95，各项合计 97（差 -2） [results-total]",
            "年报.docx:表四 第 4 行·未经复议直接起诉·总计: 错误: "
            "四·行政诉讼·未经复议直接起诉·总计 填报 5，各列合计 1（差 +4） [review-total]",
        });
}

TEST_CASE("check and import take a .docx; an old .doc needs LibreOffice, and says so",
          "[word][cli]") {
  const std::string dir = temp_dir();
  Report report = load("data/examples/hongze-gov-2024.json");
  report.at("/reviews/review/total") = govreport::Cell::number(3);
  {
    std::ofstream out(dir + "/年报.docx", std::ios::binary);
    out << govreport::render_docx(report);
  }
  const auto check = run_govreport({"check", "年报.docx", "--format", "github"}, "", dir);
  CHECK(check.exit_code == 1);
  CHECK(check.out ==
        "::warning file=年报.docx,title=narrative-number::第 6 段「（二）依申请公开情况。根…」: "
        "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）\n"
        "::error file=年报.docx,title=review-total::表四 第 4 行·行政复议·总计: "
        "四·行政复议·总计 填报 3，各列合计 2（差 +1）\n");
  const auto imported =
      run_govreport({"import", "年报.docx", "-o", "年报.json", "--lang", "en"}, "", dir);
  CHECK(imported.exit_code == 0);
  CHECK(imported.err ==
        "年报.docx: imported Word (docx, 3 tables): 2024, 淮安市洪泽区人民政府, government (the "
        "name ends in 人民政府), 2021 edition\n"
        "年报.docx: sections 6/6, tables 6/6, rows 34/34; 200 cells: 200 numbers, 0 blank, 0 "
        "\"/\"\n"
        "年报.docx: cells read: 表二 10 (表二 第 3–14 行), 表三 175 (表三 第 4–28 行), 表四 15 "
        "(表四 第 4 行)\n"
        "年报.docx: 0 errors, 0 warnings\n"
        "wrote 年报.json\n");

  // An old .doc: converted by LibreOffice; without it, a message that says how.
  {
    std::ofstream out(dir + "/old.doc", std::ios::binary);
    out << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(2000, '\0');
  }
  ::setenv("GOVREPORT_SOFFICE", "/nonexistent/soffice", 1);
  const auto doc = run_govreport({"import", "old.doc"}, "", dir);
  const auto doc_check = run_govreport({"check", "old.doc", "--lang", "en"}, "", dir);
  ::unsetenv("GOVREPORT_SOFFICE");
  CHECK(doc.exit_code == 2);
  CHECK(doc.out.empty());
  CHECK(doc.err ==
        "govreport: old.doc: 旧版 Word 97–2003 文档（.doc）需要 LibreOffice 转换，但没有找到 "
        "LibreOffice。请安装 Debian 软件包 libreoffice-writer（sudo apt-get install "
        "libreoffice-writer），或在 Word、WPS 中将它另存为 .docx 后再读取\n");
  CHECK(doc_check.exit_code == 2);
  CHECK(doc_check.err.starts_with(
      "govreport: old.doc: an old Word 97–2003 document (.doc) is converted by LibreOffice, which "
      "is not installed. Install the Debian package libreoffice-writer"));
}
