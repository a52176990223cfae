// Rules across years, on the core API.

#include "govreport/years.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "check/check_internal.hpp"
#include "govreport/load.hpp"
#include "govreport/similarity.hpp"
#include "support.hpp"

namespace {

using govreport::test::replace_once;

using govreport::Diagnostic;
using govreport::Report;
using govreport::test::project_file;

Report load(const std::string& text, const std::string& file) {
  govreport::LoadResult r = govreport::load_report(text, file);
  REQUIRE(r.report);
  return std::move(*r.report);
}

std::vector<Diagnostic> of_rule(const std::vector<Diagnostic>& all, std::string_view rule) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : all)
    if (d.rule == rule) out.push_back(d);
  return out;
}

// The hongze 2024 example as its own 2025 report: same tables, year + 1.
std::string next_year(std::string text) {
  return replace_once(std::move(text), "\"year\": 2024", "\"year\": 2025");
}

const std::string kRow0 =
    "\"natural_person\": 0, \"commercial\": 0, \"research\": 0, \"social_welfare\": 0, "
    "\"legal_services\": 0, "
    "\"other\": 0, \"total\": 0}";

}  // namespace

TEST_CASE("carry-over fires per column when 上年结转 differs from last year's 结转下年度",
          "[years][carry-over]") {
  const std::string y2024 = project_file("data/examples/hongze-gov-2024.json");
  // 2025 reports 2 carried over from natural persons, but 2024 carried none forward; the
  // received row grows too, so that 2025 itself still adds up.
  std::string y2025 = next_year(y2024);
  y2025 =
      replace_once(y2025, "\"carried_over\": {" + kRow0,
                   "\"carried_over\": {\"natural_person\": 2, \"commercial\": 0, \"research\": 0, "
                   "\"social_welfare\": 0, \"legal_services\": 0, \"other\": 0, \"total\": 2}");
  const Report a = load(y2024, "2024.json"), b = load(y2025, "2025.json");
  const std::vector<Diagnostic> found =
      of_rule(govreport::check_consecutive(govreport::year_facts(a, "2024.json"),
                                           govreport::year_facts(b, "2025.json")),
              "carry-over");
  REQUIRE(found.size() == 2);
  const Diagnostic& d = found[0];
  CHECK(d.rule == "carry-over");
  CHECK(d.file == "2025.json");
  CHECK(d.pointer == "/applications/carried_over/natural_person");
  CHECK(d.position.line == 57);
  CHECK(d.position.column == 40);
  CHECK(d.expected == "0");
  CHECK(d.actual == "2");
  CHECK(d.message_zh ==
        "三·二、上年结转政府信息公开申请数量·自然人 填报 2，但 2024 年报告（2024.json）的 "
        "四、结转下年度继续办理·自然人 为 0（差 +2）");
  CHECK(d.message_en ==
        "三·二、上年结转政府信息公开申请数量·自然人 is 2, but the 2024 report (2024.json) carried "
        "forward 0 in 四·自然人 (diff +2)");
  CHECK(found[1].pointer == "/applications/carried_over/total");
}

TEST_CASE("carry-over stays silent when 上年结转 equals last year's 结转下年度",
          "[years][carry-over]") {
  const std::string y2024 = project_file("data/examples/hongze-gov-2024.json");
  const Report a = load(y2024, "a.json"), b = load(next_year(y2024), "b.json");
  CHECK(of_rule(govreport::check_consecutive(govreport::year_facts(a, "a.json"),
                                             govreport::year_facts(b, "b.json")),
                "carry-over")
            .empty());
}

TEST_CASE("carry-over holds across the change of edition from 2020 to 2021",
          "[years][carry-over]") {
  const Report a = load(project_file("data/2020.json"), "2020.json");
  // A 2021-edition report of the same agency that carries over 1 natural-person application.
  std::string text = next_year(project_file("data/examples/hongze-gov-2024.json"));
  text = replace_once(text, "\"year\": 2025", "\"year\": 2021");
  text = replace_once(text, "\"agency\": \"淮安市洪泽区人民政府\"",
                      "\"agency\": \"宁夏回族自治区人民政府办公厅\"");
  text = replace_once(text, "\"carried_over\": {\"natural_person\": 0,",
                      "\"carried_over\": {\"natural_person\": 1,");
  const Report b = load(text, "2021.json");
  const auto found = govreport::check_years(
      {govreport::year_facts(a, "2020.json"), govreport::year_facts(b, "2021.json")});
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "carry-over");
  CHECK(found[0].file == "2021.json");
  CHECK(found[0].pointer == "/applications/carried_over/natural_person");
  CHECK(found[0].expected == "0");
  CHECK(found[0].actual == "1");
}

TEST_CASE(
    "in-force fires when 现行有效 does not follow from last year's and this year's 制发 and 废止",
    "[years][in-force]") {
  const std::string y2024 = project_file("data/examples/hongze-gov-2024.json");
  // 2024: 行政规范性文件 issued 3, repealed 0, in force 8. The copy for 2025 keeps 8 in force
  // after issuing 3 more: 8 + 3 − 0 = 11 expected.
  const Report a = load(y2024, "2024.json"), b = load(next_year(y2024), "2025.json");
  const auto found = of_rule(govreport::check_consecutive(govreport::year_facts(a, "2024.json"),
                                                          govreport::year_facts(b, "2025.json")),
                             "in-force");
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "in-force");
  CHECK(found[0].severity == govreport::Severity::Warning);
  CHECK(found[0].pointer == "/proactive/normative_documents/in_force");
  CHECK(found[0].expected == "11");
  CHECK(found[0].actual == "8");
  CHECK(found[0].message_zh ==
        "二·行政规范性文件·现行有效件数 填报 8，但 2024 年报告（2024.json）现行有效 8 加本年制发 3 "
        "减本年废止 0 为 11（差 -3）");
}

TEST_CASE("item-continuity fires when 上一年项目数量 does not carry last year's change",
          "[years][item-continuity]") {
  const std::string y2020 = project_file("data/2020.json");
  // 2019 copy of the 2020 report: 行政许可 5 items and a change of +1 make 6, but 2020 says 5.
  std::string y2019 = replace_once(y2020, "\"year\": 2020", "\"year\": 2019");
  const Report a = load(y2019, "2019.json"), b = load(y2020, "2020.json");
  const auto found = of_rule(govreport::check_consecutive(govreport::year_facts(a, "2019.json"),
                                                          govreport::year_facts(b, "2020.json")),
                             "item-continuity");
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule == "item-continuity");
  CHECK(found[0].pointer == "/proactive/licensing/previous");
  CHECK(found[0].expected == "6");
  CHECK(found[0].actual == "5");
  CHECK(found[1].pointer == "/proactive/other_services/previous");
  CHECK(found[1].expected == "1");
  CHECK(found[1].actual == "2");
}

TEST_CASE("check_years compares only consecutive years of the same agency", "[years]") {
  const std::string y2024 = project_file("data/examples/hongze-gov-2024.json");
  std::string other =
      replace_once(next_year(y2024), "淮安市洪泽区人民政府\"", "另一个区人民政府\"");
  std::string gap = replace_once(y2024, "\"year\": 2024", "\"year\": 2026");
  const Report a = load(y2024, "a.json"), b = load(other, "b.json"), c = load(gap, "c.json");
  CHECK(govreport::check_years({govreport::year_facts(a, "a.json"),
                                govreport::year_facts(b, "b.json"),
                                govreport::year_facts(c, "c.json")})
            .empty());
}

TEST_CASE("copied-narrative fires when 五 is last year's, numbers and punctuation aside",
          "[years][copied-narrative]") {
  const std::string y2024 = project_file("data/examples/hongze-gov-2024.json");
  // 2025 copies 2024's 五 with its years moved on and a comma changed.
  std::string y2025 = next_year(y2024);
  y2025 = replace_once(y2025, "2024年，全区政府信息公开工作", "2025年 全区政府信息公开工作");
  y2025 = replace_once(y2025, "针对存在问题，2025年我们", "针对存在问题，2026年我们");
  const Report a = load(y2024, "2024.json"), b = load(y2025, "2025.json");
  const std::vector<Diagnostic> found =
      of_rule(govreport::check_consecutive(govreport::year_facts(a, "2024.json"),
                                           govreport::year_facts(b, "2025.json")),
              "copied-narrative");
  REQUIRE(found.size() == 1);
  const Diagnostic& d = found[0];
  CHECK(d.file == "2025.json");
  CHECK(d.pointer == "/problems");
  CHECK(d.severity == govreport::Severity::Warning);
  CHECK(d.position.line == 97);
  CHECK(d.position.column == 15);
  CHECK(d.message_zh ==
        "五、存在的主要问题及改进情况 与 2024 年报告（2024.json）的几乎相同（相似度 100%）");
  CHECK(d.message_en ==
        "Section 五、存在的主要问题及改进情况 is nearly the same as in the 2024 report (2024.json) "
        "(100% alike)");
  CHECK(d.actual == "1.0000");
  CHECK(d.expected == "< 0.90");
}

TEST_CASE("copied-narrative stays silent on a rewritten or a short 五",
          "[years][copied-narrative]") {
  const std::string y2024 = project_file("data/examples/hongze-gov-2024.json");
  const Report a = load(y2024, "2024.json");
  auto copied = [&](const std::string& y2025) {
    return of_rule(
        govreport::check_consecutive(govreport::year_facts(a, "2024.json"),
                                     govreport::year_facts(load(y2025, "2025.json"), "2025.json")),
        "copied-narrative");
  };
  // The first of the two paragraphs written anew: 234 bigrams in common of 335 + 276.
  const std::string first = nlohmann::json::parse(y2024)["problems"][0].get<std::string>();
  const std::string rewritten = replace_once(
      next_year(y2024), first,
      "2025年，我区政务公开工作仍有短板：基层政务公开标准化目录更新不及时，部分单位公开内容"
      "质量不高，解读材料形式单一。");
  CHECK(govreport::similarity(
            govreport::detail::part_text(a.part("problems")),
            govreport::detail::part_text(load(rewritten, "2025.json").part("problems"))) ==
        2.0 * 234 / 611);
  CHECK(copied(rewritten).empty());
  // Two years of a short 五 are no copy: fewer than 30 letters and digits are not compared.
  std::string short24 = y2024;
  std::string short25 = next_year(y2024);
  const std::string second = nlohmann::json::parse(y2024)["problems"][1].get<std::string>();
  for (std::string* t : {&short24, &short25}) {
    *t = replace_once(*t, "\"" + first + "\",", "");
    *t = replace_once(*t, second, "本年度无新增问题，将继续巩固已有成效。");
  }
  const std::vector<Diagnostic> found = of_rule(
      govreport::check_consecutive(govreport::year_facts(load(short24, "2024.json"), "2024.json"),
                                   govreport::year_facts(load(short25, "2025.json"), "2025.json")),
      "copied-narrative");
  CHECK(found.empty());
}
