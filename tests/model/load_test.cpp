// The loader: every shape finding with its rule, place and message, and what the report holds.

#include "govreport/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/check.hpp"
#include "support.hpp"

using namespace govreport;

namespace {

using govreport::test::replace_once;

constexpr std::string_view kGranted = R"("granted": {"natural_person": 10,)";
constexpr std::string_view kAmount = R"("amount": 2154.97})";

std::string ningxia() { return test::project_file("data/2020.json"); }
std::string hongze() { return test::project_file("data/examples/hongze-gov-2024.json"); }

std::string granted_value(std::string_view value) {
  return replace_once(ningxia(), kGranted,
                      R"("granted": {"natural_person": )" + std::string(value) + ",");
}

std::string amount_value(std::string_view value) {
  return replace_once(ningxia(), kAmount, R"("amount": )" + std::string(value) + "}");
}

std::string crlf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

LoadResult load(std::string_view text) { return load_report(text, "t.json"); }

struct Expected {
  std::string_view rule;
  std::size_t line;
  std::size_t column;
  std::string_view pointer;
  std::string_view zh;
  std::string_view en;
  std::string_view expected = {};  ///< what --format json gives, "" for nothing
  std::string_view actual = {};
};

void check_diagnostic(const Diagnostic& d, const Expected& e) {
  INFO("finding: " << d.rule << " " << d.position.line << ":" << d.position.column << " "
                   << d.pointer << " " << d.message_en);
  CHECK(d.rule == e.rule);
  CHECK(d.severity == Severity::Error);
  CHECK(d.file == "t.json");
  CHECK(d.position.line == e.line);
  CHECK(d.position.column == e.column);
  CHECK(d.pointer == e.pointer);
  CHECK(d.message_zh == e.zh);
  CHECK(d.message_en == e.en);
  CHECK(d.expected == e.expected);
  CHECK(d.actual == e.actual);
}

// Asserts that loading found exactly `expected`, in this order.
void check_findings(const LoadResult& result, const std::vector<Expected>& expected) {
  REQUIRE(result.diagnostics.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    check_diagnostic(result.diagnostics[i], expected[i]);
}

// Asserts one finding of `rule` at `line`:`column` with `pointer`, messages starting as given.
void check_syntax(const LoadResult& result, std::size_t line, std::size_t column,
                  std::string_view zh_prefix, std::string_view en_prefix) {
  CHECK_FALSE(result.report.has_value());
  REQUIRE(result.diagnostics.size() == 1);
  const Diagnostic& d = result.diagnostics[0];
  INFO(d.message_en);
  CHECK(d.rule == "json-syntax");
  CHECK(d.severity == Severity::Error);
  CHECK(d.file == "t.json");
  CHECK(d.position.line == line);
  CHECK(d.position.column == column);
  CHECK(d.pointer.empty());
  CHECK(d.message_zh.starts_with(zh_prefix));
  CHECK(d.message_en.starts_with(en_prefix));
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

const Cell& cell(const LoadResult& result, std::string_view pointer) {
  REQUIRE(result.report.has_value());
  return result.report->at(pointer);
}

constexpr std::string_view kGrantedNp = "/applications/results/granted/natural_person";
constexpr std::string_view kCountWantZh = "应为整数、null（空白）或 \"/\"（不适用），实际是 ";
constexpr std::string_view kCountWantEn =
    "must be an integer, null (blank) or \"/\" (not applicable), not ";

}  // namespace

TEST_CASE("data/2020.json loads with zero findings and the values of the published report",
          "[load]") {
  const LoadResult r = load(ningxia());
  CHECK(r.diagnostics.empty());
  REQUIRE(r.report.has_value());
  const Report& report = *r.report;
  CHECK(report.edition == edition_by_id("2019"));
  CHECK(report.year == 2020);
  CHECK(report.agency == "宁夏回族自治区人民政府办公厅");
  CHECK(report.agency_kind == AgencyKind::Department);
  CHECK(report.title == "自治区人民政府办公厅2020年政府信息公开工作年度报告");
  CHECK(report.published.empty());
  CHECK(report.part("preamble").paragraphs.size() == 1);
  CHECK(report.part("overview").paragraphs.size() == 1);
  REQUIRE(report.part("overview").subsections.size() == 5);
  CHECK(report.part("overview").subsections[0].title == "主动公开政府信息方面");
  CHECK(report.part("overview").subsections[4].title == "信息公开保障方面");
  CHECK(report.part("problems").paragraphs.size() == 2);
  CHECK(report.part("other_matters").paragraphs.size() == 2);
  CHECK(report.at("/applications/received/natural_person").value == 4441);
  CHECK(report.at("/applications/received/total").value == 4447);
  CHECK_FALSE(report.at("/applications/received/total").computed);
  CHECK(report.at("/applications/results/unable/not_held/total").value == 3182);
  CHECK(report.at("/applications/results/total/total").value == 4447);
  CHECK(report.at("/proactive/other_services/change").value == -1);
  CHECK(report.at("/proactive/procurement/amount").value == 2154970000);
  CHECK(report.at("/reviews/review/upheld").value == 530);
  for (const Cell& c : report.cells) CHECK(c.is_number());
}

TEST_CASE("the hongze 2024 example loads with zero findings as a 2021 edition report", "[load]") {
  const LoadResult r = load(hongze());
  CHECK(r.diagnostics.empty());
  REQUIRE(r.report.has_value());
  const Report& report = *r.report;
  CHECK(report.edition == edition_by_id("2021"));
  CHECK(report.year == 2024);
  CHECK(report.agency == "淮安市洪泽区人民政府");
  CHECK(report.agency_kind == AgencyKind::Government);
  CHECK(report.at("/proactive/fees/amount").value == 7545 * kAmountScale);
  CHECK(report.at("/proactive/normative_documents/in_force").value == 8);
  CHECK(report.at("/applications/received/total").value == 95);
  CHECK(report.at("/applications/results/other/overdue_correction/total").value == 0);
  CHECK(report.at("/reviews/review/corrected").value == 1);
  CHECK(report.at("/reviews/litigation_after_review/total").value == 3);
  for (const Cell& c : report.cells) CHECK(c.is_number());
}

TEST_CASE("an empty file is a json-syntax finding at 1:1", "[load][json-syntax]") {
  for (std::string_view text :
       {std::string_view(""), std::string_view("  \n\t\r\n"), std::string_view("\xEF\xBB\xBF")}) {
    const LoadResult r = load(text);
    check_syntax(r, 1, 1, "文件为空，不是 JSON 数据", "the file is empty, not JSON data");
    CHECK(r.diagnostics[0].message_zh == "文件为空，不是 JSON 数据");
    CHECK(r.diagnostics[0].message_en == "the file is empty, not JSON data");
  }
}

TEST_CASE("truncated JSON is a json-syntax finding at the end of the text", "[load][json-syntax]") {
  SECTION("one line") {
    const LoadResult r = load(R"({"year": 2020, "agency": "x")");
    check_syntax(r, 1, 29, "文件在这里就结束了：还缺少 }（文件不完整？）",
                 "the file ends here: } still missing (is it complete?)");
  }
  SECTION("data/2020.json cut after line 61") {
    const std::string text = ningxia();
    std::size_t at = 0;
    for (int line = 0; line < 61; ++line) at = text.find('\n', at) + 1;
    const LoadResult r = load(text.substr(0, at));
    check_syntax(r, 62, 1, "文件在这里就结束了：还缺少 }}}（文件不完整？）",
                 "the file ends here: }}} still missing (is it complete?)");
  }
  SECTION("inside a string after Chinese text") {
    const LoadResult r = load("{\n  \"year\": 2020,\n  \"agency\": \"中文");
    check_syntax(r, 3, 16, "文件在一个字符串中间就结束了：缺少结束的英文双引号 \"（文件不完整？）",
                 "the file ends inside a string: the closing double quote \" is missing (is the "
                 "file complete?)");
  }
}

TEST_CASE("invalid UTF-8 inside a string is a json-syntax finding at the bad byte",
          "[load][json-syntax]") {
  SECTION("on line 1") {
    const LoadResult r = load(
        "{\"year\": 2020, \"agency\": \"ab\xFF"
        "cd\"}");
    check_syntax(r, 1, 29, "不是有效的 UTF-8 文本：", "not valid UTF-8: ");
  }
  SECTION("after Chinese text, columns count code points") {
    const LoadResult r = load("{\n  \"year\": 2020,\n  \"agency\": \"中文\xFF文\"}");
    check_syntax(r, 3, 16, "不是有效的 UTF-8 文本：", "not valid UTF-8: ");
  }
}

TEST_CASE("a json-syntax message is itself valid UTF-8 when the input is not",
          "[load][json-syntax]") {
  // The message quotes the text that was read; it must not copy the invalid bytes, or the
  // json/sarif outputs of the finding are not valid UTF-8 either.
  const LoadResult r = load(
      "{\"year\": 2020, \"agency\": \"ab\xFF"
      "cd\"}");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(valid_utf8(r.diagnostics[0].message_zh));
  CHECK(valid_utf8(r.diagnostics[0].message_en));
}

TEST_CASE("NaN is a json-syntax finding at the N", "[load][json-syntax]") {
  const std::string_view zh = "JSON 中没有 NaN：请填数字，空白请填 null";
  const std::string_view en = "JSON has no NaN: write a number, or null for a blank";
  check_syntax(load(R"({"year": NaN})"), 1, 10, zh, en);
  check_syntax(load("{\n  \"year\": 2020,\n  \"agency\": \"中文\", \"x\": NaN}"), 3, 24, zh, en);
  check_syntax(load(granted_value("NaN")), 61, 37, zh, en);
}

TEST_CASE("a JSON syntax error names its cause and the fix, at the character",
          "[load][json-syntax]") {
  // Each typo a clerk makes in an editor, with its exact message and place.
  struct Case {
    std::string text;
    std::size_t line, column;
    std::string_view zh, en;
  };
  const std::vector<Case> cases = {
      {"{\n  \"year\": 202０\n}", 2, 14, "全角数字「202０」：请改用半角数字 2020",
       "full-width digits 202０: write 2020"},
      {"{\n  \"year\": ２０２０\n}", 2, 11, "全角数字「２０２０」：请改用半角数字 2020",
       "full-width digits ２０２０: write 2020"},
      {"{\n  “year”: 2020\n}", 2, 3, "中文引号「“」：JSON 的引号要用英文双引号 \"",
       "Chinese quotation mark “: JSON uses straight double quotes \""},
      {"{\n  \"agency\": \"办公厅”,\n  \"year\": 2020\n}", 2, 17,
       "中文引号「”」不能结束字符串：请改用英文双引号 \"",
       "Chinese quotation mark ” cannot end a string: write \""},
      {"{\n  \"year\": 2020，\n  \"format\": \"2019\"\n}", 2, 15,
       "全角逗号「，」：请改用英文逗号 ,", "full-width comma ，: write ,"},
      {"{\n  \"year\"： 2020\n}", 2, 9,
       "全角冒号「：」：请改用英文冒号 :", "full-width colon ：: write :"},
      {"{\n  \"year\": 2020,\n  \"format\": \"2019\",\n}", 3, 19,
       "多余的逗号：} 之前不能有逗号，请删去",
       "extra comma: no comma may stand before }; delete it"},
      {"{\n  \"preamble\": [\"a\", \"b\",]\n}", 2, 24, "多余的逗号：] 之前不能有逗号，请删去",
       "extra comma: no comma may stand before ]; delete it"},
      {"{\n  // 年份\n  \"year\": 2020\n}", 2, 3,
       "JSON 中不能写注释（// 、/* */ 或 #）：请删去这段注释",
       "JSON allows no comments (//, /* */ or #): delete it"},
      {"{\n  \"year\": 2020 /* 年份 */\n}", 2, 16,
       "JSON 中不能写注释（// 、/* */ 或 #）：请删去这段注释",
       "JSON allows no comments (//, /* */ or #): delete it"},
      {"{\n  \"year\": 2020\n  \"format\": \"2019\"\n}", 2, 15,
       "这一行末尾缺少逗号 ,（下一行还有内容）",
       "missing comma at the end of this line (more follows on the next line)"},
      {"{\n  \"year\": 2020 \"format\": \"2019\"\n}", 2, 15,
       "这里缺少逗号 ,：两个值之间要用逗号隔开", "missing comma: values are separated by commas"},
      {"{\n  \"year\" 2020\n}", 2, 9,
       "键名 \"year\" 之后缺少冒号 :", "missing colon after the key \"year\""},
      {"{\n  year: 2020\n}", 2, 3, "键名 year 要用英文双引号括起来：\"year\"",
       "the key year must be in double quotes: \"year\""},
      {"{\n  \"agency\": 办公厅\n}", 2, 13, "文字 办公厅 要用英文双引号括起来：\"办公厅\"",
       "the text 办公厅 must be in double quotes: \"办公厅\""},
      {"{\n  'year': 2020\n}", 2, 3, "单引号 '：JSON 的字符串要用英文双引号 \" 括起来",
       "single quote ': JSON strings are in double quotes \""},
      {"{\n  \"year\": True\n}", 2, 11, "请写小写的 true，而不是 True",
       "write true in lower case, not True"},
      {"{\n  \"year\": 2020,,\n  \"a\": 1\n}", 2, 16, "多余的逗号：两个逗号之间没有值，请删去一个",
       "extra comma: there is no value between the two commas; delete one"},
      {"{\n  \"year\": 020\n}", 2, 11, "数字「020」写法有误：请写成 12、-3、0.5 这样的数字",
       "\"020\" is not a JSON number: write numbers like 12, -3 or 0.5"},
      {"{\n  \"a\": \"C:\\x\"\n}", 2, 11, "无效的转义「\\x」：字符串中的反斜杠 \\ 请写作 \\\\",
       "invalid escape \"\\x\": write a backslash in a string as \\\\"},
      {"{\n  \"a\": \"第一行\n第二行\"\n}", 2, 12,
       "字符串在行末没有结束：缺少结束的英文双引号 \"（字符串中的换行请写作 \\n）",
       "the string does not end on its line: the closing double quote \" is missing (write a line "
       "break in a string as \\n)"},
      {"{\n  \"a\": [1, 2}\n}", 2, 13, "括号不配对：这里应为 ]，而不是 }",
       "brackets do not match: ] is expected here, not }"},
      {"{\n  \"a\": \n}", 3, 1, "键名 \"a\" 之后缺少值（数字、\"文字\"、null 等）",
       "missing value after the key \"a\" (a number, \"text\", null …)"},
      {"{\n  \"year\":　2020\n}", 2, 10, "全角空格：请删去，或改用半角空格",
       "full-width space: delete it or use an ordinary space"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const LoadResult r = load(c.text);
    check_syntax(r, c.line, c.column, c.zh, c.en);
    CHECK(r.diagnostics.at(0).message_zh == c.zh);
    CHECK(r.diagnostics.at(0).message_en == c.en);
  }
}

TEST_CASE("a UTF-8 BOM and CRLF line ends are accepted and positions stay right", "[load]") {
  SECTION("the reference file with BOM and CRLF has zero findings") {
    const LoadResult r = load("\xEF\xBB\xBF" + crlf(ningxia()));
    CHECK(r.diagnostics.empty());
    REQUIRE(r.report.has_value());
    CHECK(r.report->at("/applications/received/total").value == 4447);
    CHECK(r.report->agency == "宁夏回族自治区人民政府办公厅");
    CHECK(check_report(*r.report, "t.json").empty());
  }
  SECTION("CRLF keeps line and column of a finding") {
    const std::string zh = "三（一）予以公开·自然人 为空白；没有请填 0";
    const std::string en = "三（一）予以公开·自然人 is blank; write 0 if there were none";
    check_findings(load(crlf(granted_value("null"))), {{"blank-cell", 61, 37, kGrantedNp, zh, en}});
    check_findings(load("\xEF\xBB\xBF" + crlf(granted_value("null"))),
                   {{"blank-cell", 61, 37, kGrantedNp, zh, en}});
  }
  SECTION("a BOM is not a column of line 1") {
    const std::string text =
        R"({"year": 2020, "agency": "x", "bogus": 1, "proactive": {}, "applications": {}, "reviews": {}})";
    const LoadResult plain = load(text);
    const LoadResult bom = load("\xEF\xBB\xBF" + text);
    REQUIRE(plain.diagnostics.size() >= 1);
    REQUIRE(bom.diagnostics.size() == plain.diagnostics.size());
    CHECK(plain.diagnostics[0].rule == "unknown-field");
    CHECK(plain.diagnostics[0].position.line == 1);
    CHECK(plain.diagnostics[0].position.column == 31);
    for (std::size_t i = 0; i < plain.diagnostics.size(); ++i) {
      INFO(plain.diagnostics[i].rule << " " << plain.diagnostics[i].pointer);
      CHECK(bom.diagnostics[i].position.line == plain.diagnostics[i].position.line);
      CHECK(bom.diagnostics[i].position.column == plain.diagnostics[i].position.column);
    }
    const LoadResult year = load("\xEF\xBB\xBF{\"year\": 2018}");
    REQUIRE(year.diagnostics.size() == 1);
    CHECK(year.diagnostics[0].position.line == 1);
    CHECK(year.diagnostics[0].position.column == 10);
  }
}

TEST_CASE("an unknown field is a finding at its key", "[load][unknown-field]") {
  SECTION("at the top") {
    const LoadResult r = load(
        replace_once(ningxia(), R"("agency": "宁夏)", "\"agencyy\": \"x\",\n  \"agency\": \"宁夏"));
    check_findings(r, {{"unknown-field", 4, 3, "/agencyy",
                        "未知字段 \"agencyy\"（位于 /），是不是 \"agency\"？",
                        "unknown field \"agencyy\" in /; did you mean \"agency\"?"}});
    REQUIRE(r.report.has_value());
    CHECK(r.report->agency == "宁夏回族自治区人民政府办公厅");
  }
  SECTION("a misspelt cell key is unknown, and the cell it should have been is missing") {
    const LoadResult r =
        load(replace_once(ningxia(), kGranted, R"("granted": {"natral_person": 10,)"));
    check_findings(r, {{"unknown-field", 61, 19, "/applications/results/granted/natral_person",
                        "未知字段 \"natral_person\"（位于 /applications/results/granted），是不是 "
                        "\"natural_person\"？",
                        "unknown field \"natral_person\" in /applications/results/granted; did you "
                        "mean \"natural_person\"?"},
                       {"missing-field", 61, 18, kGrantedNp,
                        "缺少字段 \"natural_person\"（位于 /applications/results/granted）",
                        "missing field \"natural_person\" in /applications/results/granted"}});
    CHECK(cell(r, kGrantedNp).is_blank());
  }
  SECTION("an extra key inside table 四") {
    const LoadResult r = load(replace_once(ningxia(), R"("review": {"upheld": 530,)",
                                           R"("review": {"upheld": 530, "uphold": 1,)"));
    check_findings(r, {{"unknown-field", 91, 31, "/reviews/review/uphold",
                        "未知字段 \"uphold\"（位于 /reviews/review），是不是 \"upheld\"？",
                        "unknown field \"uphold\" in /reviews/review; did you mean \"upheld\"?"}});
  }
}

TEST_CASE("a duplicate field is a finding at the second key and the first value is used",
          "[load][duplicate-field]") {
  SECTION("in a row of table 三") {
    const LoadResult r = load(
        replace_once(ningxia(), kGranted, std::string(kGranted) + R"( "natural_person": 99,)"));
    check_findings(
        r, {{"duplicate-field", 61, 41, kGrantedNp,
             "字段 \"natural_person\" 重复出现（位于 /applications/results/granted），只采用第一个",
             "field \"natural_person\" appears twice in /applications/results/granted; the first "
             "is used"}});
    CHECK(cell(r, kGrantedNp).value == 10);
    CHECK(check_report(*r.report, "t.json").empty());
  }
  SECTION("the year") {
    const LoadResult r =
        load(replace_once(ningxia(), R"("year": 2020,)", R"("year": 2020, "year": 2018,)"));
    check_findings(
        r, {{"duplicate-field", 2, 17, "/year", "字段 \"year\" 重复出现（位于 /），只采用第一个",
             "field \"year\" appears twice in /; the first is used"}});
    REQUIRE(r.report.has_value());
    CHECK(r.report->year == 2020);
  }
}

TEST_CASE("a missing field is a finding at the object that should hold it",
          "[load][missing-field]") {
  SECTION("a cell of table 三") {
    const LoadResult r = load(replace_once(
        ningxia(), R"("granted": {"natural_person": 10, "commercial": 0, "research": 0, )",
        R"("granted": {"natural_person": 10, "commercial": 0, )"));
    check_findings(r, {{"missing-field", 61, 18, "/applications/results/granted/research",
                        "缺少字段 \"research\"（位于 /applications/results/granted）",
                        "missing field \"research\" in /applications/results/granted"}});
    CHECK(cell(r, "/applications/results/granted/research").is_blank());
    CHECK(check_report(*r.report, "t.json").empty());
  }
  SECTION("the agency") {
    const LoadResult r =
        load(replace_once(ningxia(), "  \"agency\": \"宁夏回族自治区人民政府办公厅\",\n", ""));
    check_findings(r, {{"missing-field", 1, 1, "/agency", "缺少字段 \"agency\"（位于 /）",
                        "missing field \"agency\" in /"}});
  }
  SECTION("the whole table 四") {
    const std::string text = ningxia();
    const std::size_t from = text.find("  \"reviews\": {");
    const std::size_t to = text.find("  \"problems\"");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    const LoadResult r = load(text.substr(0, from) + text.substr(to));
    check_findings(r, {{"missing-field", 1, 1, "/reviews", "缺少字段 \"reviews\"（位于 /）",
                        "missing field \"reviews\" in /"}});
    REQUIRE(r.report.has_value());
    CHECK(check_report(*r.report, "t.json").empty());
  }
  SECTION("the year: nothing else can be read") {
    const LoadResult r = load("{}");
    check_findings(r, {{"missing-field", 1, 1, "/year", "缺少字段 \"year\"（位于 /）",
                        "missing field \"year\" in /"}});
    CHECK_FALSE(r.report.has_value());
  }
}

TEST_CASE("a value of the wrong type in a count cell is a wrong-type finding at the value",
          "[load][wrong-type]") {
  // Named by the cell, with the fix when the value shows one; expected and actual filled in.
  auto check_type = [](std::string_view value, std::string_view shown, std::string_view fix_zh,
                       std::string_view fix_en, std::string_view expected) {
    INFO(value);
    const LoadResult r = load(granted_value(value));
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.rule == "wrong-type");
    CHECK(d.position.line == 61);
    CHECK(d.position.column == 37);
    CHECK(d.pointer == kGrantedNp);
    CHECK(d.message_zh ==
          fmt::format("三（一）予以公开·自然人 {}{}{}", kCountWantZh, shown, fix_zh));
    CHECK(d.message_en ==
          fmt::format("三（一）予以公开·自然人 {}{}{}", kCountWantEn, shown, fix_en));
    CHECK(d.expected == expected);
    CHECK(d.actual == shown);
    return r;
  };
  SECTION("a number in quotes: take the quotes away") {
    const LoadResult r =
        check_type("\"10\"", "\"10\"", "：去掉引号，写作 10", ": remove the quotes: 10", "10");
    CHECK(cell(r, kGrantedNp).is_blank());
    CHECK(check_report(*r.report, "t.json").empty());
  }
  SECTION("full-width digits in quotes") {
    check_type("\"１２\"", "\"１２\"", "：去掉引号并改用半角数字，写作 12",
               ": remove the quotes and use ASCII digits: 12", "12");
  }
  SECTION("other text") {
    check_type("\"无\"", "\"无\"", "：没有请填 0，不适用请填 \"/\"",
               ": write 0 if there were none, \"/\" if it does not apply", "integer");
    check_type("\"10.5\"", "\"10.5\"", "：这一栏只填整数", ": this column takes whole numbers only",
               "integer");
  }
  SECTION("a float") { check_type("3.5", "3.5", "", "", "integer"); }
  SECTION("an integer written with an exponent") { check_type("1e1", "1e1", "", "", "integer"); }
  SECTION("a bool") { check_type("true", "true", "", "", "integer"); }
  SECTION("an array") { check_type("[]", "array", "", "", "integer"); }
  SECTION("a number beyond 2^63") {
    check_findings(
        load(granted_value("9223372036854775808")),
        {{"wrong-type", 61, 37, kGrantedNp,
          "三（一）予以公开·自然人 的数值 9223372036854775808 超出范围（最大 999999999999999）",
          "三（一）予以公开·自然人: 9223372036854775808 is out of range (at most "
          "999999999999999)"}});
  }
  SECTION("a number beyond 2^64") {
    check_findings(
        load(granted_value("18446744073709551616")),
        {{"wrong-type", 61, 37, kGrantedNp,
          "三（一）予以公开·自然人 的数值 18446744073709551616 超出范围（最大 999999999999999）",
          "三（一）予以公开·自然人: 18446744073709551616 is out of range (at most "
          "999999999999999)"}});
  }
  SECTION("the largest count is accepted") {
    const LoadResult r = load(granted_value("999999999999999"));
    CHECK(r.diagnostics.empty());
    CHECK(cell(r, kGrantedNp).value == 999999999999999);
  }
}

TEST_CASE("metadata of the wrong type is a wrong-type finding", "[load][wrong-type]") {
  check_findings(
      load(replace_once(ningxia(), R"("agency_kind": "department")", R"("agency_kind": "dept")")),
      {{"wrong-type", 5, 18, "/agency_kind",
        "/agency_kind 应为\"department\"（部门）或 \"government\"（政府），实际是 \"dept\"",
        "/agency_kind must be \"department\" or \"government\", not \"dept\""}});
  check_findings(load(replace_once(ningxia(), R"("year": 2020)", R"("year": "2020")")),
                 {{"wrong-type", 2, 11, "/year", "/year 应为四位数的年份，实际是 \"2020\"",
                   "/year must be a four-digit year, not \"2020\""}});
  check_findings(
      load(replace_once(ningxia(), R"("format": "2019")", R"("format": "2020")")),
      {{"wrong-type", 3, 13, "/format", "/format 应为\"2019\" 或 \"2021\"，实际是 \"2020\"",
        "/format must be \"2019\" or \"2021\", not \"2020\""}});
  check_findings(
      load(replace_once(ningxia(), R"("agency_kind": "department",)",
                        "\"agency_kind\": \"department\",\n  \"published\": \"2021-02-29\",")),
      {{"wrong-type", 6, 16, "/published", "/published 应为日期 YYYY-MM-DD，实际是 \"2021-02-29\"",
        "/published must be a date YYYY-MM-DD, not \"2021-02-29\""}});
  check_findings(
      load(replace_once(ningxia(), R"("preamble": [)", R"("preamble": "x", "p2": [)")),
      {{"wrong-type", 7, 15, "/preamble",
        "/preamble 应为字符串数组（每段一个字符串），实际是 \"x\"",
        "/preamble must be an array of strings, one per paragraph, not \"x\""},
       {"unknown-field", 7, 20, "/p2", "未知字段 \"p2\"（位于 /）", "unknown field \"p2\" in /"}});
  check_findings(
      load(replace_once(ningxia(), R"("needs_creation": {)", R"("needs_creation": 5, "nc": {)")),
      {{"wrong-type", 75, 27, "/applications/results/unable/needs_creation",
        "/applications/results/unable/needs_creation 应为对象，实际是 5",
        "/applications/results/unable/needs_creation must be an object, not 5"},
       {"unknown-field", 75, 30, "/applications/results/unable/nc",
        "未知字段 \"nc\"（位于 /applications/results/unable）",
        "unknown field \"nc\" in /applications/results/unable"}});
}

TEST_CASE("a document that is not an object is a wrong-type finding at 1:1 with a readable message",
          "[load][wrong-type]") {
  const LoadResult r = load("[1]");
  CHECK_FALSE(r.report.has_value());
  REQUIRE(r.diagnostics.size() == 1);
  const Diagnostic& d = r.diagnostics[0];
  CHECK(d.rule == "wrong-type");
  CHECK(d.position.line == 1);
  CHECK(d.position.column == 1);
  CHECK(d.pointer.empty());
  // The pointer of the root is empty; the message must still start with a word, not a blank.
  CHECK_FALSE(d.message_zh.starts_with(" "));
  CHECK_FALSE(d.message_en.starts_with(" "));
}

TEST_CASE("a negative count is a negative-value finding; only 本年增/减 may be negative",
          "[load][negative-value]") {
  const LoadResult r = load(granted_value("-1"));
  check_findings(r, {{"negative-value", 61, 37, kGrantedNp,
                      "三（一）予以公开·自然人 为负数 -1；只有“本年增/减”可以为负",
                      "三（一）予以公开·自然人 is negative (-1); only 本年增/减 may be"}});
  CHECK(cell(r, kGrantedNp).is_blank());
  CHECK(check_report(*r.report, "t.json").empty());

  check_findings(load(amount_value("-5.5")),
                 {{"negative-value", 55, 47, "/proactive/procurement/amount",
                   "二·政府集中采购·采购总金额 为负数 -5.5；只有“本年增/减”可以为负",
                   "二·政府集中采购·采购总金额 is negative (-5.5); only 本年增/减 may be"}});

  // data/2020.json has 本年增/减 -1 for 其他对外管理服务事项.
  const LoadResult change =
      load(replace_once(ningxia(), R"("licensing": {"previous": 5, "change": 1,)",
                        R"("licensing": {"previous": 5, "change": -5,)"));
  CHECK(change.diagnostics.empty());
  CHECK(cell(change, "/proactive/licensing/change").value == -5);
}

TEST_CASE("null is a blank-cell finding and the cell stays blank, never 0", "[load][blank-cell]") {
  const LoadResult r = load(granted_value("null"));
  check_findings(r,
                 {{"blank-cell", 61, 37, kGrantedNp, "三（一）予以公开·自然人 为空白；没有请填 0",
                   "三（一）予以公开·自然人 is blank; write 0 if there were none"}});
  CHECK(cell(r, kGrantedNp).is_blank());
  CHECK_FALSE(cell(r, kGrantedNp).is_number());

  check_findings(load(amount_value("null")),
                 {{"blank-cell", 55, 47, "/proactive/procurement/amount",
                   "二·政府集中采购·采购总金额 为空白；没有请填 0",
                   "二·政府集中采购·采购总金额 is blank; write 0 if there were none"}});
}

TEST_CASE("\"/\" is accepted as not applicable", "[load]") {
  const LoadResult r =
      load(replace_once(ningxia(), R"("granted": {"natural_person": 10, "commercial": 0,)",
                        R"("granted": {"natural_person": 10, "commercial": "/",)"));
  CHECK(r.diagnostics.empty());
  const Cell& c = cell(r, "/applications/results/granted/commercial");
  CHECK(c.state == Cell::State::NotApplicable);
  CHECK_FALSE(c.is_number());
  CHECK_FALSE(c.is_blank());
  // "/" counts as nothing in sums: the row still adds up; table 三 has no cells that may not
  // apply, so the "/" itself is warned.
  const std::vector<Diagnostic> found = check_report(*r.report, "t.json");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "slash-count");
  CHECK(found[0].pointer == "/applications/results/granted/commercial");

  const LoadResult amount = load(amount_value("\"/\""));
  CHECK(amount.diagnostics.empty());
  CHECK(cell(amount, "/proactive/procurement/amount").state == Cell::State::NotApplicable);
}

TEST_CASE("amounts are exact decimals to 6 places (the fen), from a string or a number", "[load]") {
  constexpr std::string_view kPointer = "/proactive/procurement/amount";
  for (std::string_view v : {"2154.97", "\"2154.97\"", "\"2154.9700\"", "2154.970"}) {
    INFO(v);
    const LoadResult r = load(amount_value(v));
    CHECK(r.diagnostics.empty());
    CHECK(cell(r, kPointer).value == 2154970000);
  }
  CHECK(cell(load(amount_value("\"2154.9712\"")), kPointer).value == 2154971200);
  CHECK(cell(load(amount_value("5949.088667")), kPointer).value == 5949088667);
  CHECK(cell(load(amount_value("\"4166.241619\"")), kPointer).value == 4166241619);
  CHECK(cell(load(amount_value("0.000001")), kPointer).value == 1);
  CHECK(cell(load(amount_value("2154")), kPointer).value == 2154000000);
  CHECK(cell(load(amount_value("\"0\"")), kPointer).value == 0);

  SECTION("7 decimal places are wrong-type") {
    check_findings(load(amount_value("2154.9700001")),
                   {{"wrong-type", 55, 47, kPointer,
                     "二·政府集中采购·采购总金额 的金额 2154.9700001 无法精确表示（最多 6 "
                     "位小数，不用指数形式）",
                     "二·政府集中采购·采购总金额: amount 2154.9700001 is not exact (at most 6 "
                     "decimal places, no exponent)"}});
    check_findings(load(amount_value("\"2154.9700001\"")),
                   {{"wrong-type", 55, 47, kPointer,
                     "二·政府集中采购·采购总金额 应为金额（数字或 \"123.45\" "
                     "形式的字符串）、null 或 \"/\"，实际是 \"2154.9700001\"：金额最多 6 位小数",
                     "二·政府集中采购·采购总金额 must be an amount (a number or a string like "
                     "\"123.45\"), null or \"/\", not \"2154.9700001\": an amount has at most 6 "
                     "decimal places",
                     "number", "\"2154.9700001\""}});
  }
  SECTION("an exponent is wrong-type") {
    check_findings(
        load(amount_value("2.15497e3")),
        {{"wrong-type", 55, 47, kPointer,
          "二·政府集中采购·采购总金额 的金额 2.15497e3 无法精确表示（最多 6 位小数，不用指数形式）",
          "二·政府集中采购·采购总金额: amount 2.15497e3 is not exact (at most 6 decimal places, no "
          "exponent)"}});
  }
  SECTION("strings that are not plain decimals are wrong-type") {
    for (std::string_view v : {"\"2154.\"", "\" 2154.97\"", "\"-1\"", "\"2,154.97\"", "\"\""}) {
      INFO(v);
      const LoadResult r = load(amount_value(v));
      REQUIRE(r.diagnostics.size() == 1);
      CHECK(r.diagnostics[0].rule == "wrong-type");
      CHECK(r.diagnostics[0].position.line == 55);
      CHECK(r.diagnostics[0].position.column == 47);
    }
  }
  SECTION("the 2021 fee amount") {
    const LoadResult r = load(
        replace_once(hongze(), R"("fees": {"amount": 7545})", R"("fees": {"amount": "4068.208"})"));
    CHECK(r.diagnostics.empty());
    CHECK(cell(r, "/proactive/fees/amount").value == 4068208000);
  }
}

TEST_CASE("an integer amount too large to hold exactly is refused, not wrapped around",
          "[load][wrong-type]") {
  // 999999999999999 万元 × kAmountScale does not fit in 64 bits.
  const LoadResult r = load(amount_value("999999999999999"));
  REQUIRE(r.report.has_value());
  const Cell& c = r.report->at("/proactive/procurement/amount");
  CHECK_FALSE((c.is_number() && c.value < 0));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "wrong-type");
  CHECK(r.diagnostics[0].position.line == 55);
  CHECK(r.diagnostics[0].position.column == 47);
  CHECK(r.diagnostics[0].pointer == "/proactive/procurement/amount");
}

TEST_CASE("the largest amount a data file holds is 999999999999.999999 万元",
          "[load][wrong-type]") {
  constexpr std::string_view kPointer = "/proactive/procurement/amount";
  CHECK(cell(load(amount_value("999999999999.999999")), kPointer).value == kMaxScaledAmount);
  CHECK(cell(load(amount_value("\"999999999999.999999\"")), kPointer).value == kMaxScaledAmount);
  CHECK(cell(load(amount_value("999999999999")), kPointer).value == 999999999999 * kAmountScale);
  check_findings(load(amount_value("1000000000000")),
                 {{"wrong-type", 55, 47, kPointer,
                   "二·政府集中采购·采购总金额 的数值 1000000000000 超出范围（最大 999999999999）",
                   "二·政府集中采购·采购总金额: 1000000000000 is out of range (at most "
                   "999999999999)"}});
}

TEST_CASE("a year before 2019 is an unsupported-year finding and nothing else is read",
          "[load][unsupported-year]") {
  const LoadResult r = load(replace_once(ningxia(), R"("year": 2020)", R"("year": 2018)"));
  check_findings(r, {{"unsupported-year", 2, 11, "/year",
                      "2018 年早于 2019 年，没有全国统一的年度报告表格格式",
                      "2018 is before 2019: there is no national table format for it"}});
  CHECK_FALSE(r.report.has_value());
  check_findings(
      load(R"({"year": 2018})"),
      {{"unsupported-year", 1, 10, "/year", "2018 年早于 2019 年，没有全国统一的年度报告表格格式",
        "2018 is before 2019: there is no national table format for it"}});
}

TEST_CASE("a format that disagrees with the year is a format-mismatch finding",
          "[load][format-mismatch]") {
  SECTION("2021 data declared for 2020: read as the declared 2021 edition") {
    const LoadResult r = load(replace_once(hongze(), R"("year": 2024)", R"("year": 2020)"));
    check_findings(
        r, {{"format-mismatch", 3, 13, "/format",
             "format 为 \"2021\"，但 2020 年的报告应使用 2019 版格式（国办公开办函〔2019〕60号）",
             "format is \"2021\", but reports for 2020 use the 2019 edition "
             "(国办公开办函〔2019〕60号)"}});
    REQUIRE(r.report.has_value());
    CHECK(r.report->edition == edition_by_id("2021"));
    CHECK(r.report->year == 2020);
  }
  SECTION("2019 declared for 2024") {
    const LoadResult r = load(replace_once(hongze(), R"("format": "2021")", R"("format": "2019")"));
    REQUIRE_FALSE(r.diagnostics.empty());
    check_diagnostic(
        r.diagnostics[0],
        {"format-mismatch", 3, 13, "/format",
         "format 为 \"2019\"，但 2024 年的报告应使用 2021 版格式（国办公开办函〔2021〕30号）",
         "format is \"2019\", but reports for 2024 use the 2021 edition "
         "(国办公开办函〔2021〕30号)"});
  }
  SECTION("without format the year picks the edition") {
    const LoadResult r = load(replace_once(ningxia(), "  \"format\": \"2019\",\n", ""));
    CHECK(r.diagnostics.empty());
    REQUIRE(r.report.has_value());
    CHECK(r.report->edition == edition_by_id("2019"));
    const LoadResult h = load(replace_once(hongze(), "  \"format\": \"2021\",\n", ""));
    CHECK(h.diagnostics.empty());
    REQUIRE(h.report.has_value());
    CHECK(h.report->edition == edition_by_id("2021"));
  }
}

TEST_CASE("omitted totals are computed from their parts without a finding", "[load]") {
  std::string text = replace_once(ningxia(), R"("other": 0, "total": 10})", R"("other": 0})");
  text = replace_once(
      text,
      ",\n      \"total\": {\"natural_person\": 4441, \"commercial\": 6, \"research\": 0, "
      "\"social_welfare\": 0, \"legal_services\": 0, \"other\": 0, \"total\": 4447}\n",
      "\n");
  SECTION("the totals hold the sums and are marked computed") {
    const LoadResult r = load(text);
    CHECK(r.diagnostics.empty());
    CHECK(cell(r, "/applications/results/granted/total").value == 10);
    CHECK(cell(r, "/applications/results/granted/total").computed);
    CHECK(cell(r, "/applications/results/total/natural_person").value == 4441);
    CHECK(cell(r, "/applications/results/total/commercial").value == 6);
    CHECK(cell(r, "/applications/results/total/total").value == 4447);
    CHECK(cell(r, "/applications/results/total/total").computed);
    CHECK_FALSE(cell(r, "/applications/results/partially_granted/total").computed);
    CHECK(check_report(*r.report, "t.json").empty());
  }
  SECTION("a blank part leaves the computed totals blank, with the blank as the only finding") {
    const LoadResult r =
        load(replace_once(text, kGranted, R"("granted": {"natural_person": null,)"));
    check_findings(r,
                   {{"blank-cell", 61, 37, kGrantedNp, "三（一）予以公开·自然人 为空白；没有请填 0",
                     "三（一）予以公开·自然人 is blank; write 0 if there were none"}});
    CHECK(cell(r, "/applications/results/granted/total").is_blank());
    CHECK(cell(r, "/applications/results/total/natural_person").is_blank());
    CHECK(cell(r, "/applications/results/total/commercial").value == 6);
    CHECK(check_report(*r.report, "t.json").empty());
  }
  SECTION("all of table 四's totals omitted") {
    std::string t = replace_once(ningxia(), R"("pending": 0, "total": 530})", R"("pending": 0})");
    t = replace_once(t, R"("pending": 0, "total": 6})", R"("pending": 0})");
    t = replace_once(t, R"("pending": 0, "total": 7})", R"("pending": 0})");
    const LoadResult r = load(t);
    CHECK(r.diagnostics.empty());
    CHECK(cell(r, "/reviews/review/total").value == 530);
    CHECK(cell(r, "/reviews/litigation_direct/total").value == 6);
    CHECK(cell(r, "/reviews/litigation_after_review/total").value == 7);
  }
}

TEST_CASE("every finding is listed, not just the first", "[load]") {
  std::string text = replace_once(ningxia(), kGranted, R"("granted": {"natural_person": null,)");
  text = replace_once(text, R"("needs_creation": {"natural_person": 5,)",
                      R"("needs_creation": {"natural_person": "5",)");
  text = replace_once(text, R"("review": {"upheld": 530,)",
                      R"("review": {"upheld": 530, "uphold": 1,)");
  text = replace_once(text, R"("agency_kind": "department")", R"("agency_kind": "dept")");
  text = replace_once(text, R"("coercion": {"previous": 2,)", R"("coercion": {"previous": -2,)");
  const LoadResult r = load(text);
  check_findings(
      r, {{"wrong-type", 5, 18, "/agency_kind",
           "/agency_kind 应为\"department\"（部门）或 \"government\"（政府），实际是 \"dept\"",
           "/agency_kind must be \"department\" or \"government\", not \"dept\""},
          {"negative-value", 53, 30, "/proactive/coercion/previous",
           "二·行政强制·上一年项目数量 为负数 -2；只有“本年增/减”可以为负",
           "二·行政强制·上一年项目数量 is negative (-2); only 本年增/减 may be"},
          {"blank-cell", 61, 37, kGrantedNp, "三（一）予以公开·自然人 为空白；没有请填 0",
           "三（一）予以公开·自然人 is blank; write 0 if there were none"},
          {"wrong-type", 75, 46, "/applications/results/unable/needs_creation/natural_person",
           "三（四）2.没有现成信息需要另行制作·自然人 应为整数、null（空白）或 "
           "\"/\"（不适用），实际是 \"5\"：去掉引号，写作 5",
           "三（四）2.没有现成信息需要另行制作·自然人 must be an integer, null (blank) or \"/\" "
           "(not applicable), not \"5\": remove the quotes: 5",
           "5", "\"5\""},
          {"unknown-field", 91, 31, "/reviews/review/uphold",
           "未知字段 \"uphold\"（位于 /reviews/review），是不是 \"upheld\"？",
           "unknown field \"uphold\" in /reviews/review; did you mean \"upheld\"?"}});
}

TEST_CASE("text after the top-level value is a json-syntax finding at that text",
          "[load][json-syntax]") {
  const std::string zh = "JSON 值之后还有多余的内容", en = "extra content after the JSON value";
  struct Case {
    std::string text;
    std::size_t line, column;
  };
  const std::vector<Case> cases = {
      {R"({"year": 2020, "agency": "x"} junk)", 1, 31},
      {"{\"year\": 2020, \"agency\": \"x\"}\n  \"zzz\"", 2, 3},
      {"[1, 2]]", 1, 7},
      {"\"abc\" x", 1, 7},
      {"12 x", 1, 4},
      // nlohmann stops at a NUL byte as if the text ended there: what follows is still refused.
      {std::string("{\"year\": 2020, \"agency\": \"x\"}\0garbage", 37), 1, 30},
      {std::string("{\"year\": 2020}\n\n  \0", 19), 3, 3},
      {"\xEF\xBB\xBF{} {}", 1, 4},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    check_findings(load(c.text), {{"json-syntax", c.line, c.column, "", zh, en}});
  }
  SECTION("the reference file followed by a NUL and garbage") {
    std::string text = ningxia();
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    text += std::string("\0\x01\x02garbage", 10);
    check_findings(load(text), {{"json-syntax", lines + 1, 1, "", zh, en}});
  }
}

TEST_CASE("a UTF-16 or UTF-32 file is named as such at 1:1", "[load][json-syntax]") {
  auto encode = [](std::string_view ascii, std::size_t width, bool big_endian) {
    std::string out;
    for (char c : ascii) {
      std::string unit(width, '\0');
      unit[big_endian ? width - 1 : 0] = c;
      out += unit;
    }
    return out;
  };
  const std::string json = R"({"year": 2020})";
  struct Case {
    std::string text;
    std::string_view name;
  };
  const std::vector<Case> cases = {
      {"\xFF\xFE" + encode(json, 2, false), "UTF-16"},
      {"\xFE\xFF" + encode(json, 2, true), "UTF-16"},
      {encode(json, 2, false), "UTF-16"},
      {encode(json, 2, true), "UTF-16"},
      {std::string("\xFF\xFE\0\0", 4) + encode(json, 4, false), "UTF-32"},
      {std::string("\0\0\xFE\xFF", 4) + encode(json, 4, true), "UTF-32"},
      {encode(json, 4, false), "UTF-32"},
      {encode(json, 4, true), "UTF-32"},
  };
  for (const Case& c : cases) {
    INFO(c.name << " " << c.text.size() << " bytes");
    check_findings(load(c.text), {{"json-syntax", 1, 1, "",
                                   "文件是 " + std::string(c.name) + " 编码，请另存为 UTF-8",
                                   "the file is " + std::string(c.name) + "; save it as UTF-8"}});
  }
}

TEST_CASE("more values than any data file has is one json-syntax finding, not gigabytes",
          "[load][json-syntax]") {
  // Two bytes a value: 90 MB of nodes before values were limited.
  std::string text = "[";
  for (int i = 0; i < 3'000'000; ++i) text += "0,";
  text += "0]";
  check_findings(load(text),
                 {{"json-syntax", 1, 200'000, "", "JSON 值超过 100000 个，不可能是年度报告数据",
                   "more than 100000 JSON values: this cannot be report data"}});
  // The same number of keys of one object, one per line: the finding is at the first one too many.
  std::string keys = "{\n";
  for (int i = 0; i < 200'000; ++i) keys += "\"k" + std::to_string(i) + "\": 0,\n";
  keys += "\"end\": 0}";
  check_findings(load(keys),
                 {{"json-syntax", 100'001, 1, "", "JSON 值超过 100000 个，不可能是年度报告数据",
                   "more than 100000 JSON values: this cannot be report data"}});
}

TEST_CASE("thousands of findings in a 2 MB file each get their own line and column", "[load]") {
  // Positions used to be counted from the start of the file for every finding: hours for this.
  std::string text = "{\"year\": 2020, \"agency\": \"x\",\n";
  const int n = 45'000;
  for (int i = 0; i < n; ++i)
    text += "  \"unknown_key_number_" + std::to_string(i) + "_of_many\": \"中文\",\n";
  text += "  \"end\": 0}";
  REQUIRE(text.size() > 2'000'000);
  const LoadResult r = load(text);
  std::vector<const Diagnostic*> unknown;
  for (const Diagnostic& d : r.diagnostics)
    if (d.rule == "unknown-field") unknown.push_back(&d);
  REQUIRE(unknown.size() == n + 1);
  for (int i : {0, 1, 12'345, n - 1}) {
    const Diagnostic& d = *unknown[static_cast<std::size_t>(i)];
    const std::string key = "unknown_key_number_" + std::to_string(i) + "_of_many";
    CHECK(d.position.line == static_cast<std::size_t>(i) + 2);
    CHECK(d.position.column == 3);
    CHECK(d.pointer == "/" + key);
    CHECK(d.message_en == "unknown field \"" + key + "\" in /");
  }
  CHECK(unknown.back()->position.line == n + 2);
  CHECK(unknown.back()->position.column == 3);
}

TEST_CASE("an object with many keys finds each duplicate once, at its second key",
          "[load][duplicate-field]") {
  std::string text = "{\"year\": 2020, \"agency\": \"x\"";
  for (int i = 0; i < 20'000; ++i) text += ", \"k" + std::to_string(i % 10'000) + "\": 0";
  text += "}";
  const LoadResult r = load(text);
  std::size_t duplicates = 0;
  for (const Diagnostic& d : r.diagnostics) duplicates += d.rule == "duplicate-field" ? 1 : 0;
  CHECK(duplicates == 10'000);
}

TEST_CASE("a lone CR ends a line, as in editors; CRLF is one line end", "[load]") {
  auto with_ends = [](std::string_view text, std::string_view end) {
    std::string out;
    for (char c : text) {
      if (c == '\n')
        out += end;
      else
        out += c;
    }
    return out;
  };
  const std::string zh = "三（一）予以公开·自然人 为空白；没有请填 0";
  const std::string en = "三（一）予以公开·自然人 is blank; write 0 if there were none";
  for (std::string_view end : {"\r", "\r\n", "\n"}) {
    INFO(end.size());
    check_findings(load(with_ends(granted_value("null"), end)),
                   {{"blank-cell", 61, 37, kGrantedNp, zh, en}});
  }
  SECTION("a syntax error after CR-only lines") {
    check_syntax(load("{\r\"year\": 2020,\r\"agency\": \"x\",\r\"a\": NaN}"), 4, 6,
                 "JSON 中没有 NaN：", "JSON has no NaN: ");
  }
}

TEST_CASE("keys and strings written with escapes are read decoded and found in place", "[load]") {
  std::string text = replace_once(ningxia(), R"("agency": "宁夏回族自治区人民政府办公厅")",
                                  R"("agency": "\u5b81\u590f\"x\"")");
  text = replace_once(text, R"("review": {"upheld": 530,)",
                      R"("review": {"upheld": 530, "\u0075phold": 1,)");
  const LoadResult r = load(text);
  REQUIRE(r.report.has_value());
  CHECK(r.report->agency == "宁夏\"x\"");
  check_findings(r, {{"unknown-field", 91, 31, "/reviews/review/uphold",
                      "未知字段 \"uphold\"（位于 /reviews/review），是不是 \"upheld\"？",
                      "unknown field \"uphold\" in /reviews/review; did you mean \"upheld\"?"}});
}

TEST_CASE("a count or amount written -0 is the integer 0", "[load]") {
  const LoadResult r = load(granted_value("-0"));
  CHECK(r.diagnostics.empty());
  CHECK(cell(r, kGrantedNp).is_number());
  CHECK(cell(r, kGrantedNp).value == 0);
  const LoadResult amount = load(amount_value("-0.00"));
  CHECK(amount.diagnostics.empty());
  CHECK(cell(amount, "/proactive/procurement/amount").value == 0);
}

TEST_CASE("zeros after the sixth decimal place keep an amount exact", "[load]") {
  for (std::string_view v : {"2154.970000", "\"2154.970000\"", "2154.97000000000000"}) {
    INFO(v);
    const LoadResult r = load(amount_value(v));
    CHECK(r.diagnostics.empty());
    CHECK(cell(r, "/proactive/procurement/amount").value == 2154970000);
  }
  CHECK(cell(load(amount_value("2154.9700010")), "/proactive/procurement/amount").value ==
        2154970001);
  REQUIRE(load(amount_value("2154.97000001")).diagnostics.size() == 1);
}

TEST_CASE("an agency that is empty or only spaces is a missing-field finding at the value",
          "[load][missing-field]") {
  for (std::string_view name : {"", "   ", "\\t", "\u3000\u3000", " \u00A0 ", "\u2003\\u3000"}) {
    INFO(name);
    check_findings(load(replace_once(ningxia(), R"("agency": "宁夏回族自治区人民政府办公厅")",
                                     R"("agency": ")" + std::string(name) + "\"")),
                   {{"missing-field", 4, 13, "/agency", "agency 为空：请填写机关名称",
                     "agency is empty: give the agency's name"}});
  }
}

TEST_CASE("a publication date before the report's year has ended is a wrong-type finding",
          "[load][wrong-type]") {
  auto published = [](std::string_view date) {
    return load(replace_once(
        ningxia(), R"("agency_kind": "department",)",
        "\"agency_kind\": \"department\",\n  \"published\": \"" + std::string(date) + "\","));
  };
  for (std::string_view date : {"2020-12-31", "2019-05-01", "0000-01-01"}) {
    INFO(date);
    check_findings(published(date),
                   {{"wrong-type", 6, 16, "/published",
                     "发布日期 " + std::string(date) +
                         " 早于报告年度结束：2020 年的报告应在 2021-01-01 或之后发布",
                     "published " + std::string(date) +
                         " is before the report's year ended: a report for 2020 is published on "
                         "2021-01-01 or later"}});
  }
  CHECK(published("2021-01-01").diagnostics.empty());
  CHECK(published("2021-01-31").diagnostics.empty());
}

TEST_CASE("a year of more than four digits is a wrong-type finding", "[load][wrong-type]") {
  check_findings(load(replace_once(ningxia(), R"("year": 2020)", R"("year": 99999)")),
                 {{"wrong-type", 2, 11, "/year", "/year 应为四位数的年份，实际是 99999",
                   "/year must be a four-digit year, not 99999"}});
  CHECK(edition_for_year(9999) != nullptr);
  CHECK(edition_for_year(10000) == nullptr);
}

TEST_CASE("a very long unknown key is quoted shortened, and its pointer is whole",
          "[load][unknown-field]") {
  const std::string key(100'000, 'k');
  const LoadResult r = load(replace_once(ningxia(), R"("agency_kind": "department",)",
                                         "\"agency_kind\": \"department\", \"" + key + "\": 1,"));
  REQUIRE(r.diagnostics.size() == 1);
  const std::string shown = std::string(80, 'k') + "…";
  check_diagnostic(r.diagnostics[0],
                   {"unknown-field", 5, 32, "/" + key, "未知字段 \"" + shown + "\"（位于 /）",
                    "unknown field \"" + shown + "\" in /"});
}
