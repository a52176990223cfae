// Workbooks read back: every cell, paragraph and place of a workbook govreport wrote, whatever
// was done to it since; what is reported and never guessed; .xls; a workbook govreport did not
// write, read as table grids.
//
// Fixtures in tests/fixtures/workbook/, made with LibreOffice 7.4 from this project's outputs:
//   2020-libreoffice.xlsx, .xls  govreport build data/2020.json -o 2020.xlsx, then
//                                soffice --headless --convert-to xlsx (xls) 2020.xlsx
//   hongze-2024-from-html.xlsx   govreport build data/examples/hongze-gov-2024.json -o h.html,
//                                then soffice --headless --infilter="HTML (StarCalc)"
//                                --convert-to xlsx h.html (a workbook govreport did not write)

#include "import/workbook.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "govreport/check.hpp"
#include "govreport/import.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "govreport/template.hpp"
#include "support.hpp"
#include "workbook_support.hpp"

namespace {

using govreport::Diagnostic;
using govreport::ImportResult;
using govreport::Lang;
using govreport::Report;
using govreport::SourceKind;
using govreport::importer::Sheet;
using govreport::importer::SheetCell;
using govreport::importer::Workbook;
using govreport::test::dump;
using govreport::test::edited;
using govreport::test::project_file;
using govreport::test::with_value;
using govreport::test::zipped;

const std::string kFixtures = "tests/fixtures/workbook/";

Workbook read(const std::string& bytes) { return govreport::test::read_workbook(bytes); }

Report load(const std::string& relative) {
  govreport::LoadResult loaded = govreport::load_report(project_file(relative), relative);
  REQUIRE(loaded.report.has_value());
  return std::move(*loaded.report);
}

ImportResult import(const std::string& bytes, const std::string& name,
                    SourceKind kind = SourceKind::Xlsx) {
  return govreport::import_report(bytes, kind, name);
}

// The findings of importing and then checking `bytes`, as printed.
std::vector<std::string> checked(const std::string& bytes, const std::string& name,
                                 Lang lang = Lang::Zh, SourceKind kind = SourceKind::Xlsx) {
  ImportResult r = import(bytes, name, kind);
  std::vector<Diagnostic> all = r.findings;
  if (r.report) {
    auto more = govreport::check_report(*r.report, name);
    all.insert(all.end(), more.begin(), more.end());
  }
  govreport::sort_diagnostics(all);
  std::vector<std::string> out;
  for (const Diagnostic& d : all) out.push_back(govreport::format_diagnostic(d, lang));
  return out;
}

// The canonical JSON of a report: every cell, paragraph and field.
std::string canonical(const Report& r) { return govreport::render_json(r); }

// A sheet of the workbook by name.
Sheet& sheet(Workbook& book, const std::string& name) {
  for (Sheet& s : book.sheets)
    if (s.name == name) return s;
  FAIL("no sheet " << name);
  return book.sheets.front();
}

void set(Sheet& s, const std::string& name, SheetCell cell) {
  for (auto& [at, c] : s.cells)
    if (govreport::importer::cell_name(at.first, at.second) == name) {
      c = std::move(cell);
      return;
    }
  FAIL("no cell " << name << " in " << s.name);
}

SheetCell number(const std::string& v) { return {SheetCell::Type::Number, v, false, true, {}}; }
SheetCell text(const std::string& v) { return {SheetCell::Type::Text, v, false, true, {}}; }

std::optional<ImportResult> own(const Workbook& book, const std::string& name = "x.xlsx") {
  return govreport::importer::read_own_workbook(book, name, {});
}

std::vector<std::string> printed(const std::vector<Diagnostic>& findings) {
  std::vector<std::string> out;
  for (const Diagnostic& d : findings) out.push_back(govreport::format_diagnostic(d, Lang::Zh));
  return out;
}

struct Case {
  const char* name;  // folder below tests/golden
  const char* data;
};
constexpr Case kCases[] = {{"ningxia-2020", "data/2020.json"},
                           {"hongze-2024", "data/examples/hongze-gov-2024.json"}};

}  // namespace

TEST_CASE("A workbook written from each reference file reads back to the same report",
          "[xlsx][import]") {
  for (const Case& c : kCases) {
    INFO(c.data);
    const Report report = load(c.data);
    const ImportResult r = import(govreport::render_xlsx(report), "x.xlsx");
    CHECK(printed(r.findings).empty());
    REQUIRE(r.report);
    CHECK(canonical(*r.report) == canonical(report));
    CHECK(r.report->title == report.title);
    CHECK(r.summary.source == "workbook (xlsx, 5 sheets)");
    CHECK(r.summary.sections_found == 6);
    CHECK(r.summary.rows_found == r.summary.rows_total);
    CHECK(r.summary.cells_number == static_cast<int>(report.cells.size()));
  }
}

TEST_CASE("Every value read from a workbook has its cell as its place", "[xlsx][import]") {
  const ImportResult r = import(govreport::render_xlsx(load("data/2020.json")), "2020.xlsx");
  REQUIRE(r.report);
  const govreport::SourceMap& source = r.report->source;
  CHECK(source.position_of("/agency").place == "基本信息!B3");
  CHECK(source.position_of("/year").place == "基本信息!B5");
  CHECK(source.position_of("/preamble/0").place == "正文!C3");
  CHECK(source.position_of("/overview/subsections/1/title").place == "正文!B6");
  CHECK(source.position_of("/overview/subsections/1/paragraphs/0").place == "正文!C6");
  CHECK(source.position_of("/proactive/procurement/amount").place == "表二!C20");
  CHECK(source.position_of("/applications/received/natural_person").place == "表三!D6");
  CHECK(source.position_of("/applications/results/withheld/inquiry/total").place == "表三!J17");
  CHECK(source.position_of("/reviews/litigation_after_review/pending").place == "表四!N6");
  // Document order: a cell of 表三 before one of 表四, and D6 before E6.
  CHECK(source.position_of("/applications/received/natural_person").place_order <
        source.position_of("/applications/received/commercial").place_order);
  CHECK(source.position_of("/applications/carried_forward/total").place_order <
        source.position_of("/reviews/review/upheld").place_order);
}

TEST_CASE("The blank template reads back with a blank-cell finding at each input cell",
          "[xlsx][import]") {
  auto report =
      govreport::make_template(2025, "某某县市场监督管理局", govreport::AgencyKind::Department);
  REQUIRE(report);
  const std::vector<std::string> found = checked(govreport::render_xlsx(*report), "2025.xlsx");
  const auto blanks = std::count_if(
      found.begin(), found.end(), [](const std::string& f) { return f.ends_with("[blank-cell]"); });
  std::size_t inputs = 0;
  for (std::size_t i = 0; i < report->cells.size(); ++i)
    if (govreport::total_parts(*report->edition, static_cast<int>(i)).empty()) ++inputs;
  CHECK(static_cast<std::size_t>(blanks) == inputs);
  REQUIRE(found.size() == inputs + 4);
  CHECK(found[0] == "2025.xlsx:正文!A3: 警告: 开头说明 没有内容 [empty-section]");
  CHECK(found[1] == "2025.xlsx:正文!A5: 警告: 一、总体情况 没有内容 [empty-section]");
  CHECK(found[4] ==
        "2025.xlsx:表二!B5: 错误: 二·规章·本年制发件数 为空白；没有请填 0 [blank-cell]");
  CHECK(found.back() ==
        "2025.xlsx:表四!N6: 错误: 四·行政诉讼·复议后起诉·尚未审结 为空白；没有请填 0 [blank-cell]");

  const ImportResult r = import(govreport::render_xlsx(*report), "2025.xlsx");
  REQUIRE(r.report);
  CHECK(r.report->agency == "某某县市场监督管理局");
  CHECK(r.report->year == 2025);
  // The usual subsections of 一, offered with their titles.
  const auto& subsections = r.report->part("overview").subsections;
  REQUIRE(subsections.size() == 5);
  CHECK(subsections[0].title == "主动公开");
  CHECK(subsections[4].title == "监督保障");
  CHECK(subsections[4].paragraphs.empty());
}

TEST_CASE("A total typed over in a workbook is a checker finding at its cell", "[xlsx][import]") {
  const std::string bytes =
      edited(govreport::render_xlsx(load("data/2020.json")), "xl/worksheets/sheet4.xml",
             [](std::string xml) { return with_value(xml, "J6", "4448"); });
  // The total, its 勾稽 relation and the narrative's number all disagree, each at its cell; the
  // wrong total comes first, as the cause of the other two.
  CHECK(checked(bytes, "2020.xlsx") ==
        std::vector<std::string>{
            "2020.xlsx:表三!J6: 错误: 三·一、本年新收政府信息公开申请数量·总计 填报 4448，各列合计 "
            "4447（差 +1）（另有 2 条结果随之而来） [row-total]",
            "2020.xlsx:正文!C6: 警告: 正文说申请 4447 件，但表三 一、本年新收 总计为 4448（一+二 "
            "为 4448）（随 三·一、本年新收政府信息公开申请数量·总计 而来：先核对它） "
            "[narrative-number]",
            "2020.xlsx:表三!J6: 错误: 三·总计：一+二 为 4448，三（七）+四 为 4447（差 +1）（随 "
            "三·一、本年新收政府信息公开申请数量·总计 而来：先核对它） [balance]"});
  CHECK(checked(bytes, "2020.xlsx", Lang::En).front() ==
        "2020.xlsx:表三!J6: error: 三·一、本年新收政府信息公开申请数量·总计 is 4448, but its "
        "columns add up to 4447 (diff +1) (2 more findings follow from it) [row-total]");
}

TEST_CASE("Totals whose formulas hold no result are computed and reported once per sheet",
          "[xlsx][import]") {
  const Report report = load("data/2020.json");
  // As openpyxl saves a workbook: every formula of 表三 with an empty result.
  const std::string bytes =
      edited(govreport::render_xlsx(report), "xl/worksheets/sheet4.xml", [](std::string xml) {
        for (std::size_t at = xml.find("</f><v>"); at != std::string::npos;
             at = xml.find("</f><v>", at)) {
          const std::size_t end = xml.find("</v>", at);
          xml.replace(at + 7, end - at - 7, "");
          at += 7;
        }
        return xml;
      });
  CHECK(checked(bytes, "2020.xlsx") ==
        std::vector<std::string>{"2020.xlsx:表三!J6: 警告: 此格等 29 "
                                 "个总计公式没有保存计算结果（填写后未经 Excel、WPS 或 "
                                 "LibreOffice 保存）；按其各项之和计算 [uncalculated-formula]"});
  const ImportResult r = import(bytes, "2020.xlsx");
  REQUIRE(r.report);
  CHECK(canonical(*r.report) == canonical(report));
  CHECK(r.report->at("/applications/received/total").computed);
}

TEST_CASE("A formula in an input cell without a result is reported and left blank",
          "[xlsx][import]") {
  const std::string bytes = edited(govreport::render_xlsx(load("data/2020.json")),
                                   "xl/worksheets/sheet4.xml", [](std::string xml) {
                                     const std::size_t at = xml.find("<c r=\"D6\"");
                                     const std::size_t end = xml.find("</c>", at);
                                     const std::size_t open = xml.find('>', at);
                                     return xml.replace(open + 1, end - open - 1, "<f>4440+1</f>");
                                   });
  const ImportResult r = import(bytes, "2020.xlsx");
  CHECK(printed(r.findings) ==
        std::vector<std::string>{
            "2020.xlsx:表三!D6: 错误: 三·一、本年新收政府信息公开申请数量·自然人：公式 =4440+1 "
            "没有保存计算结果，留空；请用 Excel、WPS 或 LibreOffice 打开并保存后再读取 "
            "[unreadable-cell]"});
  REQUIRE(r.report);
  CHECK(r.report->at("/applications/received/natural_person").is_blank());
}

TEST_CASE("Values are read as spreadsheets hold them, and what is not a value is reported",
          "[xlsx][import]") {
  Workbook book = read(govreport::render_xlsx(load("data/2020.json")));
  Sheet& two = sheet(book, "表二");
  set(two, "C20", number("2154.9699999999998"));  // 采购总金额 after binary rounding
  set(two, "B9", text(" 5 "));                    // a number stored as text
  set(two, "C9", text("/"));                      // not applicable
  Sheet& three = sheet(book, "表三");
  set(three, "D8", number("10.5"));
  set(three, "E8", number("-1"));
  set(three, "F8", text("无"));
  set(three, "G8", {SheetCell::Type::Error, "#REF!", false, true, {}});
  const auto r = own(book);
  REQUIRE(r);
  CHECK(printed(r->findings) ==
        std::vector<std::string>{
            "x.xlsx:表三!D8: 错误: 三（一）予以公开·自然人 为 10.5，不是整数 [wrong-type]",
            "x.xlsx:表三!E8: 错误: 三（一）予以公开·商业企业 为负数 -1；只有“本年增/减”可以为负 "
            "[negative-value]",
            "x.xlsx:表三!F8: 错误: 三（一）予以公开·科研机构 为“无”；应为整数、空白或 "
            "/（不适用） [wrong-type]",
            "x.xlsx:表三!G8: 错误: 三（一）予以公开·社会公益组织 是错误值 #REF!，留空 "
            "[unreadable-cell]"});
  REQUIRE(r->report);
  const Report& rep = *r->report;
  CHECK(govreport::format_amount(rep.at("/proactive/procurement/amount").value) == "2154.97");
  CHECK(rep.at("/proactive/licensing/previous").value == 5);
  CHECK(rep.at("/proactive/licensing/change").state == govreport::Cell::State::NotApplicable);
  for (const char* p :
       {"/applications/results/granted/natural_person", "/applications/results/granted/commercial",
        "/applications/results/granted/research", "/applications/results/granted/social_welfare"})
    CHECK(rep.at(p).is_blank());
}

TEST_CASE("An amount is read to the fen, and one with more places is reported, never rounded",
          "[xlsx][import]") {
  auto amount = [](const char* value) {
    Workbook book = read(govreport::render_xlsx(load("data/2020.json")));
    set(sheet(book, "表二"), "C20", number(value));
    return own(book);
  };
  const auto fen = amount("7539.443252");  // 75394432.52 元
  REQUIRE(fen);
  CHECK(printed(fen->findings).empty());
  REQUIRE(fen->report);
  CHECK(govreport::format_amount(fen->report->at("/proactive/procurement/amount").value) ==
        "7539.443252");
  const auto finer = amount("2154.9700001");
  REQUIRE(finer);
  CHECK(printed(finer->findings) ==
        std::vector<std::string>{"x.xlsx:表二!C20: 错误: 二·政府集中采购·采购总金额 的金额 "
                                 "2154.9700001 超过 6 位小数（万元记到分） [wrong-type]"});
  REQUIRE(finer->report);
  CHECK(finer->report->at("/proactive/procurement/amount").is_blank());
}

TEST_CASE(
    "Cells are found by their labels: inserted rows and columns and renamed sheets still read",
    "[xlsx][import]") {
  const Report report = load("data/2020.json");
  Workbook book = read(govreport::render_xlsx(report));
  // An empty row above row 8 and an empty column before D in 表三, an empty row between the
  // heads and the values of 表四; the metadata sheet renamed and moved last.
  auto shift = [](Sheet& s, int row, int column) {
    std::map<std::pair<int, int>, SheetCell> moved;
    for (auto& [at, cell] : s.cells)
      moved[{at.first >= row ? at.first + 1 : at.first,
             at.second >= column ? at.second + 1 : at.second}] = std::move(cell);
    s.cells = std::move(moved);
    for (auto& m : s.merges) {
      if (m.first_row >= row) ++m.first_row;
      if (m.last_row >= row) ++m.last_row;
      if (m.first_column >= column) ++m.first_column;
      if (m.last_column >= column) ++m.last_column;
    }
    s.rows += 1;
    s.columns += 1;
  };
  shift(sheet(book, "表三"), 7, 3);
  shift(sheet(book, "表四"), 5, 1000);
  sheet(book, "基本信息").name = "信息";
  std::rotate(book.sheets.begin(), book.sheets.begin() + 1, book.sheets.end());
  const auto r = own(book);
  REQUIRE(r);
  CHECK(printed(r->findings).empty());
  REQUIRE(r->report);
  CHECK(canonical(*r->report) == canonical(report));
  CHECK(r->report->source.position_of("/applications/results/granted/natural_person").place ==
        "表三!E9");
  CHECK(r->report->source.position_of("/applications/results/partially_granted/natural_person")
            .place == "表三!E10");
  CHECK(r->report->source.position_of("/reviews/review/upheld").place == "表四!A7");
}

TEST_CASE("A label that appears twice or not at all is reported, never guessed", "[xlsx][import]") {
  Workbook book = read(govreport::render_xlsx(load("data/2020.json")));
  Sheet& three = sheet(book, "表三");
  set(three, "C11", text("1.属于国家秘密"));  // 2.其他法律行政法规禁止公开 relabelled
  const auto r = own(book);
  REQUIRE(r);
  CHECK(printed(r->findings) ==
        std::vector<std::string>{
            "x.xlsx:表三: 错误: 未找到 表三 2.其他法律行政法规禁止公开（在工作表“表三”中查找）；"
            "其单元格留空 [missing-row]",
            "x.xlsx:表三!C10: 错误: “1.属于国家秘密”在工作表“表三”中出现 2 次（C10、C11），"
            "无法判断是哪一个；其单元格留空 [missing-row]"});
  REQUIRE(r->report);
  CHECK(r->report->at("/applications/results/withheld/state_secret/natural_person").is_blank());
  CHECK(r->summary.rows_found == r->summary.rows_total - 2);
}

TEST_CASE("The metadata are read beside their labels; a date in any common form",
          "[xlsx][import]") {
  Workbook book = read(govreport::render_xlsx(load("data/2020.json")));
  Sheet& info = sheet(book, "基本信息");
  set(info, "B4", text("政府"));
  info.cells[{6, 1}] = number("44218");  // 发布日期, as a date number: 2021-01-22
  auto r = own(book);
  REQUIRE(r);
  REQUIRE(r->report);
  CHECK(r->report->agency_kind == govreport::AgencyKind::Government);
  CHECK(r->report->published == "2021-01-22");
  CHECK(printed(r->findings).empty());

  info.cells[{6, 1}] = text("2021年1月22日");
  r = own(book);
  CHECK(r->report->published == "2021-01-22");
  info.cells[{6, 1}] = text("一月底");
  set(info, "B4", text("单位"));
  set(info, "B5", text("二〇二〇"));
  r = own(book);
  REQUIRE(r);
  CHECK_FALSE(r->report);
  CHECK(printed(r->findings) ==
        std::vector<std::string>{
            "x.xlsx:基本信息!B5: 错误: 报告年度“二〇二〇”不是年份；请填写报告年度或用 --year 指定 "
            "[missing-metadata]"});
  set(info, "B5", number("2020"));
  r = own(book);
  REQUIRE(r->report);
  CHECK(printed(r->findings) ==
        std::vector<std::string>{
            "x.xlsx:基本信息!B4: 错误: 机关类型“单位”应为“部门”或“政府” [wrong-type]",
            "x.xlsx:基本信息!B7: 错误: 发布日期“一月底”不是日期；请填写如 2026-01-20 "
            "[wrong-type]"});
}

TEST_CASE("A workbook that LibreOffice saved again reads back to the same report",
          "[xlsx][import]") {
  const Report report = load("data/2020.json");
  const ImportResult r =
      import(project_file(kFixtures + "2020-libreoffice.xlsx"), "2020-libreoffice.xlsx");
  CHECK(printed(r.findings).empty());
  REQUIRE(r.report);
  CHECK(canonical(*r.report) == canonical(report));
  // LibreOffice's own totals, not govreport's: they are given, so the rules check them.
  CHECK_FALSE(r.report->at("/applications/received/total").computed);
}

TEST_CASE("An .xls workbook reads through freexl; its totals, unread, are computed and reported",
          "[xlsx][import]") {
  const Report report = load("data/2020.json");
  const std::string bytes = project_file(kFixtures + "2020-libreoffice.xls");
  CHECK(govreport::sniff_source_kind(bytes) == SourceKind::Xls);
  const ImportResult r = import(bytes, "2020.xls", SourceKind::Xls);
  CHECK(printed(r.findings) ==
        std::vector<std::string>{
            "2020.xls:表三!J6: 警告: 读取 .xls 文件时读不到公式的结果：此格等 29 "
            "个总计按其各项之和计算；要核对总计，请另存为 .xlsx 后再检查 [uncalculated-formula]",
            "2020.xls:表四!E6: 警告: 读取 .xls 文件时读不到公式的结果：此格等 3 "
            "个总计按其各项之和计算；要核对总计，请另存为 .xlsx 后再检查 [uncalculated-formula]"});
  REQUIRE(r.report);
  CHECK(canonical(*r.report) == canonical(report));
  CHECK(r.summary.source == "workbook (xls, 5 sheets)");
}

TEST_CASE("A workbook govreport did not write is read as table grids, values with their places",
          "[xlsx][import]") {
  const Report report = load("data/examples/hongze-gov-2024.json");
  const std::string bytes = project_file(kFixtures + "hongze-2024-from-html.xlsx");
  const ImportResult r = import(bytes, "h.xlsx");
  CHECK(printed(r.findings).empty());
  REQUIRE(r.report);
  CHECK(canonical(*r.report) == canonical(report));
  CHECK(r.summary.source == "workbook (xlsx, 1 sheets)");
  CHECK(r.report->source.position_of("/applications/received/total").place == "Sheet1!Y29");
  CHECK(checked(bytes, "h.xlsx") ==
        std::vector<std::string>{"h.xlsx:Sheet1!A6: 警告: 正文说申请 17 件，但表三 一、本年新收 "
                                 "总计为 95（一+二 为 95） [narrative-number]"});
}

TEST_CASE("The parts of an xlsx are read as any writer writes them", "[xlsx][import]") {
  // Prefixed names, rows and cells without r, shared strings in runs with a phonetic guide and
  // an escaped line end, inline strings, booleans, errors, a text formula, a 1904 date system.
  const std::string ns =
      R"(xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
  const std::string bytes = zipped({
      {"_rels/.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/main.xml"/></Relationships>)"},
      {"book/main.xml",
       "<x:workbook " + ns +
           R"(><x:workbookPr date1904="1"/><x:sheets><x:sheet name="A b" sheetId="1" r:id="s1"/></x:sheets></x:workbook>)"},
      {"book/_rels/main.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="s1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/../s.xml"/>)"
       R"(<Relationship Id="t" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>)"},
      {"book/strings.xml",
       "<x:sst " + ns +
           R"(><x:si><x:r><x:t>一、本年</x:t></x:r><x:r><x:t xml:space="preserve">新收 </x:t></x:r><x:rPh><x:t>ほ</x:t></x:rPh></x:si>)"
           R"(<x:si><x:t>a_x000D_
b</x:t></x:si></x:sst>)"},
      {"book/s.xml",
       "<x:worksheet " + ns +
           R"(><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>12</x:v></x:c>)"
           R"(<x:c t="inlineStr"><x:is><x:t>内</x:t></x:is></x:c></x:row>)"
           R"(<x:row r="3"><x:c r="B3" t="s"><x:v>1</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c>)"
           R"(<x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="str"><x:f>A1&amp;""</x:f><x:v>x</x:v></x:c>)"
           R"(<x:c><x:f>SUM(B1)</x:f></x:c><x:c t="s"><x:v>7</x:v></x:c></x:row></x:sheetData>)"
           R"(<x:mergeCells><x:mergeCell ref="A1:A2"/><x:mergeCell ref="bad"/></x:mergeCells></x:worksheet>)"},
  });
  const Workbook book = read(bytes);
  CHECK(book.date1904);
  CHECK(dump(book) ==
        "== A b\n"
        "A1 \"一、本年新收 \"\n"
        "B1 12\n"
        "C1 \"内\"\n"
        "B3 \"a\nb\"\n"
        "C3 TRUE\n"
        "D3 #DIV/0!\n"
        "E3 =A1&\"\" → \"x\"\n"
        "F3 =SUM(B1) → \n"
        "G3 #REF!\n"
        "merge A1:A2\n");
  const SheetCell* uncached = book.sheets[0].at(2, 5);
  REQUIRE(uncached != nullptr);
  CHECK_FALSE(uncached->cached);
  CHECK(govreport::importer::shown_text(*uncached) == "=SUM(B1)");
  CHECK(govreport::importer::cell_place(book.sheets[0], 2, 5) == "'A b'!F3");
}

TEST_CASE("A file that is no workbook is unreadable, with a message that says what to do",
          "[xlsx][import]") {
  auto first = [](const ImportResult& r) {
    REQUIRE(r.findings.size() == 1);
    return govreport::format_diagnostic(r.findings.front(), Lang::Zh);
  };
  ImportResult r = import("not a zip", "x.xlsx");
  CHECK(r.unreadable);
  CHECK(first(r) ==
        "x.xlsx: 错误: 不是 .xlsx 工作簿（无法作为 zip 压缩包打开） [unreadable-source]");
  r = import(govreport::render_docx(load("data/2020.json")), "x.xlsx");
  CHECK(first(r) ==
        "x.xlsx: 错误: zip 压缩包中没有工作簿（xl/workbook.xml）：可能是 Word 文档或其他文件 "
        "[unreadable-source]");
  r = import("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 junk", "x.xls", SourceKind::Xls);
  CHECK(first(r) ==
        "x.xls: 错误: 无法作为 Excel 97–2003 工作簿（.xls）读取；用 Excel、WPS 或 LibreOffice "
        "另存为 .xlsx（或 soffice --headless --convert-to xlsx 文件名.xls）后再读取 "
        "[unreadable-source]");
}

TEST_CASE("A workbook with a 基本信息-like sheet but none of the tables is not read as govreport's",
          "[xlsx][import]") {
  Workbook book;
  Sheet info;
  info.name = "封面";
  info.cells[{0, 0}] = text("机关名称");
  info.cells[{0, 1}] = text("某某县人民政府");
  info.cells[{1, 0}] = text("报告年度");
  info.cells[{1, 1}] = number("2024");
  info.rows = 2;
  info.columns = 2;
  book.sheets.push_back(info);
  CHECK_FALSE(own(book));
  // With one table row where govreport puts it, it is.
  Sheet three;
  three.name = "表三";
  three.cells[{0, 0}] = text("自然人");
  three.cells[{1, 0}] = text("一、本年新收政府信息公开申请数量");
  three.rows = 2;
  three.columns = 1;
  book.sheets.push_back(three);
  CHECK(own(book));
}
