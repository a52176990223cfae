// A third edition, declared here and nowhere else: loading, checking, building, the schema and
// the cross-year rules all follow the declaration, so that a new edition of the format is one
// declaration in src/editions/ plus its tests.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "editions/shared_tables.hpp"
#include "govreport/check.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "govreport/schema.hpp"
#include "govreport/years.hpp"

using namespace govreport;

namespace {

// Three sections; one table of requests with a group, a total row and a total column; a
// narrative part with subsections and one without; a balance and a carry-over rule.
const Edition& fake_edition() {
  static const Edition edition = [] {
    Edition e{
        .id = "2030",
        .document = "测试格式",
        .first_year = 2030,
        .last_year = 0,
        .sections = {{"一", "总体情况", "Overview", "overview"},
                     {"二", "收到和处理申请情况", "Requests", "requests"},
                     {"三", "其他事项", "Other matters", "remarks"}},
        .narrative = {{"preamble", "", "开头说明", "The opening statement"},
                      {"overview", "一", {}, {}, true},
                      {"remarks", "三"}},
        .tables = {},
        .equations = {{"balance",
                       "requests",
                       {"received", "carried_over"},
                       {"handled.total", "carried_forward"}}},
        .year_rules = {{
            .rule = "carry-over",
            .table = "requests",
            .rows = {"carried_over"},
            .column = {},
            .terms = {{YearOf::Earlier, "carried_forward"}},
            .message_zh = "{cell} 为 {actual}，{year} 年（{file}）结转 {expected}（差 {diff}）",
            .message_en = "{cell} is {actual}; {year} ({file}) carried {expected} (diff {diff})",
        }},
        .narrative_cells = {.received = {"/requests/received/total"},
                            .received_name = {"表二 一、新收申请 总计", "table 二 一 总计"},
                            .carried_over = {"/requests/carried_over/total"},
                            .both_name = {"一+二", "一+二"}},
    };
    e.tables.push_back({
        .id = "requests",
        .section = "二",
        .json_key = "requests",
        .caption = {},
        .row_head = "申请人",
        .note = {},
        .layout = TableLayout::Nested,
        .rows = {{"received", "一、", "新收申请", "Received", 0},
                 {"carried_over", "二、", "上年结转", "Carried over", 0},
                 {"handled", "三、", "办理结果", "Handled", 0, RowRole::Group},
                 {"granted", "（一）", "公开", "Granted", 1},
                 {"refused", "（二）", "不公开", "Refused", 1},
                 {"total", "（三）", "总计", "Total", 1, RowRole::Total},
                 {"carried_forward", "四、", "结转下年", "Carried forward", 0}},
        .columns = {{"person", "个人", "Persons"},
                    {"company", "企业", "Companies"},
                    {"total", "总计", "Total"}},
        .total_column = "total",
        .total_rule = "row-total",
        .total_row_rule = "results-total",
    });
    return detail::finish_edition(std::move(e));
  }();
  return edition;
}

std::string data_file(int year, int carried_over) {
  return R"({
  "year": )" +
         std::to_string(year) +
         R"(,
  "agency": "测试局",
  "preamble": ["本局开头说明。"],
  "overview": {"paragraphs": ["全年收到申请5件。"], "subsections": [{"title": "依申请公开", "paragraphs": ["按时答复。"]}]},
  "requests": {
    "received": {"person": 3, "company": 2, "total": 5},
    "carried_over": {"person": )" +
         std::to_string(carried_over) + R"(, "company": 0},
    "handled": {"granted": {"person": 2, "company": 1}, "refused": {"person": )" +
         std::to_string(1 + carried_over - 1) + R"(, "company": 1}},
    "carried_forward": {"person": 1, "company": 0}
  },
  "remarks": []
}
)";
}

Report load_fake(const std::string& text, const std::string& file) {
  LoadResult r = load_report(text, file, fake_edition());
  INFO(r.diagnostics.size() << " findings; the first: "
                            << (r.diagnostics.empty() ? "" : r.diagnostics[0].message_zh));
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.report.has_value());
  return std::move(*r.report);
}

}  // namespace

TEST_CASE("A fake edition loads by its declaration, totals filled in", "[edition][fake]") {
  const Report report = load_fake(data_file(2030, 1), "fake.json");
  CHECK(report.edition == &fake_edition());
  CHECK(report.at("/requests/carried_over/total").value == 1);
  CHECK(report.at("/requests/carried_over/total").computed);
  CHECK(report.at("/requests/handled/total/person").value == 3);
  CHECK(report.at("/requests/handled/total/total").value == 5);
  CHECK(report.part("overview").subsections.at(0).title == "依申请公开");
  CHECK(report.part("remarks").paragraphs.empty());

  const LoadResult typo = load_report(
      data_file(2030, 1).replace(data_file(2030, 1).find("\"remarks\""), 9, "\"remark\""),
      "fake.json", fake_edition());
  REQUIRE(typo.diagnostics.size() == 1);
  CHECK(
      format_diagnostic(typo.diagnostics[0], Lang::Zh) ==
      "fake.json:12:3: 错误: 未知字段 \"remark\"（位于 /），是不是 \"remarks\"？ [unknown-field]");
}

TEST_CASE("A fake edition is checked by its declaration", "[edition][fake]") {
  const Report good = load_fake(data_file(2030, 1), "fake.json");
  const std::vector<Diagnostic> findings = check_report(good, "fake.json");
  REQUIRE(findings.size() == 1);
  CHECK(format_diagnostic(findings[0], Lang::Zh) ==
        "fake.json:12:14: 警告: 三、其他事项 没有内容 [empty-section]");

  std::string text = data_file(2030, 1);
  text.replace(text.find("\"total\": 5"), 10, "\"total\": 6");
  const Report bad = load_fake(text, "bad.json");
  std::vector<std::string> lines;
  for (const Diagnostic& d : check_report(bad, "bad.json"))
    lines.push_back(format_diagnostic(d, Lang::Zh));
  CHECK(lines ==
        std::vector<std::string>{
            "bad.json:7:54: 错误: 二·一、新收申请·总计 填报 6，各列合计 5（差 +1）（另有 2 "
            "条结果随之而来） [row-total]",
            "bad.json:7:54: 错误: 二·总计：一+二 为 7，三（三）+四 为 6（差 +1）（随 "
            "二·一、新收申请·总计 而来：先核对它） [balance]",
            "bad.json:12:14: 警告: 三、其他事项 没有内容 [empty-section]",
            "bad.json:5:38: 警告: 正文说申请 5 件，但表二 一、新收申请 总计为 6（一+二 为 7）（随 "
            "二·一、新收申请·总计 而来：先核对它） [narrative-number]",
        });
}

TEST_CASE("A fake edition builds in every format by its declaration", "[edition][fake]") {
  const Report report = load_fake(data_file(2030, 1), "fake.json");
  CHECK(render_text(report) == R"(测试局2030年政府信息公开工作年度报告

　　本局开头说明。

一、总体情况

　　全年收到申请5件。

　　（一）依申请公开。按时答复。

二、收到和处理申请情况

+----------------+------+------+------+
| 申请人         | 个人 | 企业 | 总计 |
+----------------+------+------+------+
| 一、新收申请   |    3 |    2 |    5 |
| 二、上年结转   |    1 |    0 |    1 |
| 三、办理结果   |      |      |      |
|   （一）公开   |    2 |    1 |    3 |
|   （二）不公开 |    1 |    1 |    2 |
|   （三）总计   |    3 |    2 |    5 |
| 四、结转下年   |    1 |    0 |    1 |
+----------------+------+------+------+

三、其他事项

                                              测试局
)");
  const std::string html = render_html(report);
  CHECK(html.find("<section id=\"requests\">\n<h2>二、收到和处理申请情况</h2>") !=
        std::string::npos);
  CHECK(html.find("<p><span class=\"run-in\">（一）依申请公开。</span>按时答复。</p>") !=
        std::string::npos);
  CHECK(render_markdown(report).find("| 一、新收申请 | 3 | 2 | 5 |") != std::string::npos);
  CHECK(render_docx(report).substr(0, 2) == "PK");

  // The data file written back reads again to the same file.
  const std::string written = write_data_file(report);
  CHECK(write_data_file(load_fake(written, "again.json")) == written);
  const auto json = nlohmann::ordered_json::parse(written);
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"year", "format", "agency", "agency_kind", "preamble",
                                         "overview", "requests", "remarks"});
}

TEST_CASE("A fake edition's schema and cross-year rules follow its declaration",
          "[edition][fake]") {
  const auto schema = nlohmann::ordered_json::parse(json_schema(fake_edition()));
  std::vector<std::string> properties;
  for (const auto& [key, value] : schema["properties"].items()) properties.push_back(key);
  CHECK(properties == std::vector<std::string>{"$schema", "year", "format", "agency", "agency_id",
                                               "agency_kind", "title", "published", "preamble",
                                               "overview", "requests", "remarks"});
  CHECK(schema["properties"]["remarks"]["title"] == "三、其他事项");
  CHECK(schema["required"] == nlohmann::ordered_json{"year", "agency", "requests"});

  const Report earlier = load_fake(data_file(2030, 1), "2030.json");
  const Report later = load_fake(data_file(2031, 2), "2031.json");
  std::vector<std::string> lines;
  for (const Diagnostic& d :
       check_consecutive(year_facts(earlier, "2030.json"), year_facts(later, "2031.json")))
    lines.push_back(format_diagnostic(d, Lang::Zh));
  CHECK(lines == std::vector<std::string>{
                     "2031.json:8:32: 错误: 二·二、上年结转·个人 为 2，2030 年（2030.json）结转 "
                     "1（差 +1） [carry-over]",
                     "2031.json:6:15: 错误: 二·二、上年结转·总计 为 2，2030 年（2030.json）结转 "
                     "1（差 +1） [carry-over]",
                 });
}
