// Sums of reports and comparisons, on the core API.

#include "govreport/rollup.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "support.hpp"

namespace {

using govreport::Diagnostic;
using govreport::Report;
using govreport::test::project_file;
using govreport::test::replace_once;

Report load(const std::string& text, const std::string& file) {
  govreport::LoadResult r = govreport::load_report(text, file);
  REQUIRE(r.report);
  return std::move(*r.report);
}

}  // namespace

TEST_CASE("Summer adds every cell, '/' counting as nothing and a blank making the sum blank",
          "[sum]") {
  const Report a = load(project_file("data/2020.json"), "a.json");
  std::string with_slash =
      replace_once(project_file("data/2020.json"), "\"made\": 6,", "\"made\": \"/\",");
  std::string with_blank =
      replace_once(project_file("data/2020.json"), "\"published\": 6,", "\"published\": null,");
  const Report b = load(with_slash, "b.json"), c = load(with_blank, "c.json");
  govreport::Summer summer;
  REQUIRE_FALSE(summer.add(a, "a.json"));
  REQUIRE_FALSE(summer.add(b, "b.json"));
  REQUIRE_FALSE(summer.add(c, "c.json"));
  const Report sum = summer.result("某某市");
  CHECK(sum.agency == "某某市");
  CHECK(sum.year == 2020);
  for (std::size_t i = 0; i < sum.cells.size(); ++i) {
    const std::string& p = sum.edition->cells[i].pointer;
    if (p == "/proactive/regulations/made") {
      CHECK(sum.cells[i].value == 12);  // 6 + "/" + 6
    } else if (p == "/proactive/regulations/published") {
      CHECK(sum.cells[i].is_blank());
    } else {
      CHECK(sum.cells[i].value == 3 * a.cells[i].value);
    }
  }
  CHECK(sum.at("/proactive/procurement/amount").value == 3 * 2154970000);
  REQUIRE(summer.blanks().size() == 1);
  CHECK(summer.blanks()[0] == std::pair<std::string, std::size_t>{"c.json", 1});
}

TEST_CASE("Summer adds amounts recorded to the fen exactly", "[sum]") {
  const std::string fees = R"("fees": {"amount": 7545})";
  const std::string example = project_file("data/examples/hongze-gov-2024.json");
  govreport::Summer summer;
  REQUIRE_FALSE(summer.add(
      load(replace_once(example, fees, R"("fees": {"amount": 5949.088667})"), "a.json"), "a.json"));
  REQUIRE_FALSE(summer.add(
      load(replace_once(example, fees, R"("fees": {"amount": "4166.241619"})"), "b.json"),
      "b.json"));
  const Report sum = summer.result("某某市");
  CHECK(sum.at("/proactive/fees/amount").value == 10115330286);
  CHECK(govreport::format_amount(sum.at("/proactive/fees/amount").value) == "10115.330286");
  CHECK(govreport::render_json(sum).find(R"("fees": {"amount": 10115.330286})") !=
        std::string::npos);
}

TEST_CASE("Summer refuses reports of another year or edition", "[sum]") {
  govreport::Summer summer;
  REQUIRE_FALSE(summer.add(load(project_file("data/2020.json"), "2020.json"), "2020.json"));
  const auto refused = summer.add(
      load(project_file("data/examples/hongze-gov-2024.json"), "2024.json"), "2024.json");
  REQUIRE(refused);
  CHECK(refused->zh ==
        "2024.json 是 2024 年（2021 版格式）的报告，而 2020.json 是 2020 年（2019 "
        "版格式）的：只能汇总同一年、同一版格式的报告");
  CHECK(summer.size() == 1);
}

TEST_CASE("check_rollup reports each cell where the summary differs from the sum",
          "[sum][rollup]") {
  govreport::Summer summer;
  const Report a = load(project_file("data/2020.json"), "a.json");
  REQUIRE_FALSE(summer.add(a, "a.json"));
  REQUIRE_FALSE(summer.add(a, "b.json"));
  const Report sum = summer.result("汇总");
  std::string text = project_file("data/2020.json");
  CHECK_FALSE(govreport::check_rollup(load(text, "s.json"), "s.json", sum, 2).empty());
  text = replace_once(text, "\"upheld\": 530,", "\"upheld\": 1060,");
  const auto found =
      govreport::check_rollup(load(text, "s.json"), "s.json", load(text, "x.json"), 2);
  CHECK(found.empty());
  const auto diff =
      govreport::check_rollup(load(project_file("data/2020.json"), "s.json"), "s.json", sum, 2);
  const auto it = std::find_if(diff.begin(), diff.end(), [](const Diagnostic& d) {
    return d.pointer == "/reviews/review/upheld";
  });
  REQUIRE(it != diff.end());
  CHECK(it->rule == "rollup");
  CHECK(it->message_zh == "四·行政复议·结果维持 填报 530，2 个成员报告合计 1060（差 -530）");
  CHECK(it->position.line == 91);
}

TEST_CASE(
    "diff_reports lists changed cells with difference and ratio, and cells of one edition only",
    "[diff]") {
  const Report a = load(project_file("data/2020.json"), "a.json");
  const Report b =
      load(replace_once(project_file("data/2020.json"), "\"upheld\": 530,", "\"upheld\": 265,"),
           "b.json");
  const govreport::ReportDiff same = govreport::diff_reports(a, b);
  // upheld and its block's total changed (the total is given, so it stays 530 — only upheld moves).
  REQUIRE(same.changed.size() == 1);
  CHECK(same.changed[0].pointer == "/reviews/review/upheld");
  CHECK(same.changed[0].old_value == "530");
  CHECK(same.changed[0].new_value == "265");
  CHECK(*same.changed[0].difference == -265);
  CHECK(*same.changed[0].ratio == Approx(0.5));
  CHECK(same.only_old.empty());
  CHECK(same.compared == a.cells.size());

  const Report c = load(project_file("data/examples/hongze-gov-2024.json"), "c.json");
  const govreport::ReportDiff across = govreport::diff_reports(a, c);
  // 2019 only: 规章 and 规范性文件 ×3, 上一年项目数量 and 本年增/减 of five rows,
  // 其他对外管理服务事项's 处理决定数量, 政府集中采购 ×2, the one （六） row ×7. 2021 only: ×3
  // twice, 收费金额, three （六） rows ×7.
  CHECK(across.only_old.size() == 6 + 10 + 1 + 2 + 7);
  CHECK(across.only_new.size() == 6 + 1 + 21);
}

TEST_CASE(
    "Summer refuses a sum beyond what a data file can hold, naming the cell, and adds nothing",
    "[sum]") {
  const std::string most = replace_once(project_file("data/2020.json"), "\"amount\": 2154.97",
                                        "\"amount\": \"999999999999.999999\"");
  govreport::Summer summer;
  REQUIRE_FALSE(summer.add(load(most, "a.json"), "a.json"));
  const auto refused = summer.add(load(most, "b.json"), "b.json");
  REQUIRE(refused);
  CHECK(
      refused->zh ==
      "b.json：加上这份报告后，二·政府集中采购·采购总金额（/proactive/procurement/amount）的合计为 "
      "1999999999999.999998，超出数据文件能容纳的范围（最大 999999999999.999999），未汇总");
  CHECK(refused->en ==
        "b.json: with it, the sum of 二·政府集中采购·采购总金额 (/proactive/procurement/amount) is "
        "1999999999999.999998, beyond what a data file can hold (at most "
        "999999999999.999999); nothing added up");
  CHECK(summer.size() == 1);
  CHECK(summer.result("x").at("/proactive/procurement/amount").value ==
        govreport::kMaxScaledAmount);

  const std::string count = replace_once(project_file("data/2020.json"), "\"upheld\": 530,",
                                         "\"upheld\": 999999999999999,");
  govreport::Summer counts;
  REQUIRE_FALSE(counts.add(load(count, "a.json"), "a.json"));
  const auto too_many = counts.add(load(count, "b.json"), "b.json");
  REQUIRE(too_many);
  CHECK(too_many->en ==
        "b.json: with it, the sum of 四·行政复议·结果维持 (/reviews/review/upheld) is "
        "1999999999999998, beyond what a data file can hold (at most 999999999999999); nothing "
        "added up");
}

TEST_CASE(
    "check_rollup reports a blank, invalid or \"/\" summary cell whose members add up to more",
    "[sum][rollup]") {
  govreport::Summer summer;
  REQUIRE_FALSE(summer.add(load(project_file("data/2020.json"), "a.json"), "a.json"));
  const Report sum = summer.result("汇总");
  const std::string granted = "\"granted\": {\"natural_person\": 10,";
  struct Case {
    std::string value;
    std::string zh;
    std::string actual;
  };
  const std::vector<Case> cases = {
      {"null", "三（一）予以公开·自然人 为空白或无效，1 个成员报告合计 10", ""},
      {"\"abc\"", "三（一）予以公开·自然人 为空白或无效，1 个成员报告合计 10", ""},
      {"-3", "三（一）予以公开·自然人 为空白或无效，1 个成员报告合计 10", ""},
      {"\"/\"", "三（一）予以公开·自然人 填报 \"/\"（不适用），1 个成员报告合计 10", "/"},
  };
  for (const Case& c : cases) {
    INFO(c.value);
    const Report summary = load(replace_once(project_file("data/2020.json"), granted,
                                             "\"granted\": {\"natural_person\": " + c.value + ","),
                                "s.json");
    const auto found = govreport::check_rollup(summary, "s.json", sum, 1);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "rollup");
    CHECK(found[0].file == "s.json");
    CHECK(found[0].position.line == 61);
    CHECK(found[0].position.column == 37);
    CHECK(found[0].pointer == "/applications/results/granted/natural_person");
    CHECK(found[0].message_zh == c.zh);
    CHECK(found[0].expected == "10");
    CHECK(found[0].actual == c.actual);
  }
  SECTION("a blank summary cell is a finding even where the members add up to 0") {
    const Report summary = load(
        replace_once(project_file("data/2020.json"),
                     "\"commercial\": 0, \"research\": 0, "
                     "\"social_welfare\": 0, \"legal_services\": 0, \"other\": 0, \"total\": 10}",
                     "\"commercial\": null, \"research\": 0, \"social_welfare\": 0, "
                     "\"legal_services\": 0, \"other\": 0, \"total\": 10}"),
        "s.json");
    const auto found = govreport::check_rollup(summary, "s.json", sum, 1);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message_en ==
          "三（一）予以公开·商业企业 is blank or invalid, but its 1 members add up to 0");
  }
  SECTION("\"/\" where the members add up to 0 is no finding") {
    const Report summary = load(
        replace_once(project_file("data/2020.json"),
                     "\"commercial\": 0, \"research\": 0, "
                     "\"social_welfare\": 0, \"legal_services\": 0, \"other\": 0, \"total\": 10}",
                     "\"commercial\": \"/\", \"research\": 0, \"social_welfare\": 0, "
                     "\"legal_services\": 0, \"other\": 0, \"total\": 10}"),
        "s.json");
    CHECK(govreport::check_rollup(summary, "s.json", sum, 1).empty());
  }
}

TEST_CASE("Paragraphs are aligned in order, alike ones paired, the others dropped or added",
          "[diff]") {
  using Pairs = std::vector<std::pair<int, int>>;
  const std::vector<std::string> older = {"政务公开工作取得成效。", "加强培训，提高业务水平。",
                                          "完善制度。"};
  const std::vector<std::string> newer = {"新增一段完全不同的内容文字。",
                                          "政务公开工作取得明显成效。", "完善制度。"};
  CHECK(govreport::align_paragraphs(older, newer) == Pairs{{-1, 0}, {0, 1}, {1, -1}, {2, 2}});
  CHECK(govreport::align_paragraphs(older, {}) == Pairs{{0, -1}, {1, -1}, {2, -1}});
  CHECK(govreport::align_paragraphs({}, newer) == Pairs{{-1, 0}, {-1, 1}, {-1, 2}});
  // Order is kept: a paragraph moved from last to first pairs once, the rest in order.
  CHECK(govreport::align_paragraphs({"甲乙丙丁", "戊己庚辛", "壬癸子丑"},
                                    {"壬癸子丑", "甲乙丙丁", "戊己庚辛"}) ==
        Pairs{{-1, 0}, {0, 1}, {1, 2}, {2, -1}});
}

TEST_CASE("diff compares the narrative part by part and warns of other agencies and years",
          "[diff]") {
  const std::string y2024 = project_file("data/examples/hongze-gov-2024.json");
  std::string other = replace_once(y2024, "\"year\": 2024", "\"year\": 2026");
  other =
      replace_once(other, "\"agency\": \"淮安市洪泽区人民政府\"", "\"agency\": \"某县人民政府\"");
  const govreport::ReportDiff d =
      govreport::diff_reports(load(y2024, "a.json"), load(other, "b.json"));
  REQUIRE(d.warnings.size() == 2);
  CHECK(d.warnings[0].zh ==
        "两份报告的机关名称不同：淮安市洪泽区人民政府 与 某县人民政府（同一机关改名？可用 "
        "agency_id 标明）");
  CHECK(d.warnings[1].zh == "两份报告不是相邻年度：2024 年与 2026 年");
  CHECK(d.warnings[1].en == "the reports are not of consecutive years: 2024 and 2026");
  REQUIRE(d.narrative.size() == 4);
  const govreport::PartDiff& problems = d.narrative[2];
  CHECK(problems.key == "problems");
  CHECK(problems.heading_zh == "五、存在的主要问题及改进情况");
  CHECK(problems.similarity == 1.0);
  CHECK(problems.old_paragraphs == 2);
  REQUIRE(problems.paragraphs.size() == 2);
  CHECK(problems.paragraphs[1].old_pointer == "/problems/1");
  CHECK(problems.paragraphs[1].new_pointer == "/problems/1");
  CHECK(problems.paragraphs[1].similarity == 1.0);

  // Another edition, by agency_id: the same id is the same agency whatever its name.
  const std::string y2020 = project_file("data/2020.json");
  const govreport::ReportDiff e = govreport::diff_reports(
      load(replace_once(y2020, "\"year\": 2020,", "\"year\": 2020, \"agency_id\": \"x\","), "a"),
      load(replace_once(y2024, "\"year\": 2024,", "\"year\": 2021, \"agency_id\": \"x\","), "b"));
  REQUIRE(e.warnings.size() == 1);
  CHECK(e.warnings[0].zh ==
        "两份报告的格式版本不同（2019 版与 2021 版）：只有一版有的单元格不作比较");
  // The changed cells come in the order of the tables.
  REQUIRE(!e.changed.empty());
  const govreport::Edition& ed = *load(y2024, "b").edition;
  CHECK(std::is_sorted(e.changed.begin(), e.changed.end(), [&](const auto& x, const auto& y) {
    const auto& cx = ed.cells[static_cast<std::size_t>(ed.cell_index(x.pointer))];
    const auto& cy = ed.cells[static_cast<std::size_t>(ed.cell_index(y.pointer))];
    return std::tie(cx.table, cx.row, cx.column) < std::tie(cy.table, cy.row, cy.column);
  }));
}
