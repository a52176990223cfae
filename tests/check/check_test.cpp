// The single-report rules of check_report: each one made to fire, and kept silent.

#include "govreport/check.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/load.hpp"
#include "support.hpp"

using namespace govreport;

namespace {

using govreport::test::ningxia;
using govreport::test::replace_once;

std::string hongze() { return test::project_file("data/examples/hongze-gov-2024.json"); }

Report load_clean(std::string_view text) {
  LoadResult r = load_report(text, "t.json");
  INFO("first load finding: " << (r.diagnostics.empty() ? "" : r.diagnostics[0].message_en));
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.report.has_value());
  return std::move(*r.report);
}

// Loads `text` (which must load without findings) and returns the sorted findings of check_report.
std::vector<Diagnostic> check(std::string_view text) {
  std::vector<Diagnostic> d = check_report(load_clean(text), "t.json");
  sort_diagnostics(d);
  return d;
}

// The pointers of the slash-count findings of `found`, and whether every finding is one.
std::vector<std::string> slash_counts(const std::vector<Diagnostic>& found) {
  std::vector<std::string> pointers;
  for (const Diagnostic& d : found) {
    INFO(d.rule << " " << d.message_en);
    CHECK(d.rule == "slash-count");
    pointers.push_back(d.pointer);
  }
  return pointers;
}

struct Expected {
  std::string_view rule;
  Severity severity;
  std::size_t line;
  std::size_t column;
  std::string_view pointer;
  std::string_view expected;
  std::string_view actual;
  std::string_view zh;
  std::string_view en;
};

constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;

void check_diagnostic(const Diagnostic& d, const Expected& e) {
  INFO("finding: " << d.rule << " " << d.position.line << ":" << d.position.column << " "
                   << d.pointer << " " << d.message_en);
  CHECK(d.rule == e.rule);
  CHECK(d.severity == e.severity);
  CHECK(d.file == "t.json");
  CHECK(d.position.line == e.line);
  CHECK(d.position.column == e.column);
  CHECK(d.pointer == e.pointer);
  CHECK(d.expected == e.expected);
  CHECK(d.actual == e.actual);
  CHECK(d.message_zh == e.zh);
  CHECK(d.message_en == e.en);
}

void check_findings(const std::vector<Diagnostic>& found, const std::vector<Expected>& expected) {
  for (const Diagnostic& d : found)
    UNSCOPED_INFO("found: " << d.rule << " " << d.pointer << " " << d.message_en);
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) check_diagnostic(found[i], expected[i]);
}

std::vector<std::string_view> rules_of(const std::vector<Diagnostic>& found) {
  std::vector<std::string_view> ids;
  for (const Diagnostic& d : found) ids.push_back(d.rule);
  return ids;
}

// Line and column (code points, 1-based) of byte `offset`, counted here independently of the
// library.
Position where(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  std::size_t column = 1;
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return {static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1, column};
}

struct CellSpot {
  std::string pointer;
  std::size_t offset;  // of the value in the text
  std::size_t length;  // of the value as written
  std::int64_t value;
};

// Every number cell of tables 三 and 四 in `text`, with where its value is written.
std::vector<CellSpot> table_cells(const std::string& text) {
  const Report report = load_clean(text);
  std::vector<CellSpot> spots;
  for (std::size_t i = 0; i < report.edition->cells.size(); ++i) {
    const CellDef& def = report.edition->cells[i];
    if (!def.pointer.starts_with("/applications/") && !def.pointer.starts_with("/reviews/"))
      continue;
    const std::size_t offset = report.source.offset_of(def.pointer);
    REQUIRE(offset != std::string::npos);
    const std::string written = std::to_string(report.cells[i].value);
    INFO(def.pointer);
    REQUIRE(text.compare(offset, written.size(), written) == 0);
    spots.push_back({def.pointer, offset, written.size(), report.cells[i].value});
  }
  return spots;
}

std::string with_value(std::string text, const CellSpot& spot, std::string_view value) {
  return text.replace(spot.offset, spot.length, value);
}

std::string row_of(const std::string& pointer) { return pointer.substr(0, pointer.rfind('/') + 1); }

const Expected kHongzeNarrative = {
    "narrative-number",
    W,
    24,
    119,
    "/overview/subsections/1/paragraphs/0",
    "95",
    "17",
    "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）",
    "the text says 17 applications, but table 三 一 总计 is 95 (一+二 is 95)"};

constexpr std::string_view kResultsTotalRow =
    R"("total": {"natural_person": 4441, "commercial": 6, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 4447})";
constexpr std::string_view kCarriedForwardRow =
    R"("carried_forward": {"natural_person": 0, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 0})";
constexpr std::string_view kCarriedOverRow =
    R"("carried_over": {"natural_person": 0, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 0})";

}  // namespace

TEST_CASE("the reference data files pass every table rule", "[check]") {
  CHECK(check(ningxia()).empty());
  // The hongze example's only finding is its narrative (受理 17 件 against 95 in table 三).
  check_findings(check(hongze()), {kHongzeNarrative});
}

TEST_CASE("row-total fires when a row's 总计 is not the sum of its six columns",
          "[check][row-total]") {
  const auto found =
      check(replace_once(ningxia(), R"("other": 0, "total": 10})", R"("other": 0, "total": 12})"));
  // The wrong 总计 also breaks （七）总计: that follows from it, and is printed after it.
  check_findings(found,
                 {{"row-total", E, 61, 136, "/applications/results/granted/total", "10", "12",
                   "三（一）予以公开·总计 填报 12，各列合计 10（差 +2）（另有 1 条结果随之而来）",
                   "三（一）予以公开·总计 is 12, but its columns add up to 10 (diff +2) (1 more "
                   "finding follows from it)"},
                  {"results-total", E, 86, 136, "/applications/results/total/total", "4449", "4447",
                   "三（七）总计·总计 填报 4447，各项合计 4449（差 -2）（随 三（一）予以公开·总计 "
                   "而来：先核对它）",
                   "三（七）总计·总计 is 4447, but its rows add up to 4449 (diff -2) (follows "
                   "from 三（一）予以公开·总计: check it first)"}});
  CHECK(found[1].follows == "/applications/results/granted/total");
  CHECK(found[0].root_cause);
}

TEST_CASE("row-total stays silent when the columns add up, \"/\" counting as nothing",
          "[check][row-total]") {
  // Move one application from 自然人 to 商业企业: every total still holds.
  std::string text =
      replace_once(ningxia(), R"("granted": {"natural_person": 10, "commercial": 0,)",
                   R"("granted": {"natural_person": 9, "commercial": 1,)");
  text = replace_once(text, R"("partially_granted": {"natural_person": 2, "commercial": 1,)",
                      R"("partially_granted": {"natural_person": 3, "commercial": 0,)");
  text = replace_once(
      text, R"("internal_affairs": {"natural_person": 5, "commercial": 0, "research": 0,)",
      R"("internal_affairs": {"natural_person": 5, "commercial": 0, "research": "/",)");
  // The "/" itself is a warning of its own: 三 counts cases.
  CHECK(slash_counts(check(text)) ==
        std::vector<std::string>{"/applications/results/withheld/internal_affairs/research"});
}

TEST_CASE("a 2021 file with a wrong total is caught", "[check][row-total][review-total]") {
  SECTION("一、本年新收 总计 one too many") {
    const auto found = check(replace_once(
        hongze(),
        R"("received": {"natural_person": 95, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 95})",
        R"("received": {"natural_person": 95, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 96})"));
    // The root cause first: the wrong 总计, then the balance and the narrative number it breaks.
    check_findings(
        found, {{"row-total", E, 56, 135, "/applications/received/total", "95", "96",
                 "三·一、本年新收政府信息公开申请数量·总计 填报 96，各列合计 95（差 +1）（另有 2 "
                 "条结果随之而来）",
                 "三·一、本年新收政府信息公开申请数量·总计 is 96, but its columns add up to 95 "
                 "(diff +1) (2 more findings follow from it)"},
                {"narrative-number", W, 24, 119, "/overview/subsections/1/paragraphs/0", "96", "17",
                 "正文说申请 17 件，但表三 一、本年新收 总计为 96（一+二 为 96）（随 "
                 "三·一、本年新收政府信息公开申请数量·总计 而来：先核对它）",
                 "the text says 17 applications, but table 三 一 总计 is 96 (一+二 is 96) (follows "
                 "from 三·一、本年新收政府信息公开申请数量·总计: check it first)"},
                {"balance", E, 56, 135, "/applications/received/total", "95", "96",
                 "三·总计：一+二 为 96，三（七）+四 为 95（差 +1）（随 "
                 "三·一、本年新收政府信息公开申请数量·总计 而来：先核对它）",
                 "三·总计: 一+二 is 96, but 三（七）+四 is 95 (diff +1) (follows from "
                 "三·一、本年新收政府信息公开申请数量·总计: check it first)"}});
    for (std::size_t i : {1U, 2U}) CHECK(found[i].follows == "/applications/received/total");
  }
  SECTION("复议后起诉 总计 0 while its results add up to 3 (the 洪泽区 2023 error)") {
    const auto found = check(replace_once(hongze(), R"("other": 1, "pending": 0, "total": 3})",
                                          R"("other": 1, "pending": 0, "total": 0})"));
    check_findings(found,
                   {kHongzeNarrative,
                    {"review-total", E, 95, 97, "/reviews/litigation_after_review/total", "3", "0",
                     "四·行政诉讼·复议后起诉·总计 填报 0，各列合计 3（差 -3）",
                     "四·行政诉讼·复议后起诉·总计 is 0, but its columns add up to 3 (diff -3)"}});
  }
}

TEST_CASE("results-total fires when （七）总计 is not the sum of the result rows",
          "[check][results-total]") {
  std::string row(kResultsTotalRow);
  const std::string changed =
      R"("total": {"natural_person": 4440, "commercial": 6, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 4446})";
  const auto found = check(replace_once(ningxia(), row, changed));
  // Each balance follows from the （七）总计 cell of its column, and is printed after it.
  check_findings(
      found,
      {{"results-total", E, 86, 35, "/applications/results/total/natural_person", "4441", "4440",
        "三（七）总计·自然人 填报 4440，各项合计 4441（差 -1）（另有 1 "
        "条结果随之而来）",
        "三（七）总计·自然人 is 4440, but its rows add up to 4441 (diff -1) (1 more "
        "finding follows from it)"},
       {"balance", E, 58, 36, "/applications/received/natural_person", "4440", "4441",
        "三·自然人：一+二 为 4441，三（七）+四 为 4440（差 +1）（随 "
        "三（七）总计·自然人 而来：先核对它）",
        "三·自然人: 一+二 is 4441, but 三（七）+四 is 4440 (diff +1) (follows from "
        "三（七）总计·自然人: check it first)"},
       {"results-total", E, 86, 136, "/applications/results/total/total", "4447", "4446",
        "三（七）总计·总计 填报 4446，各项合计 4447（差 -1）（另有 1 条结果随之而来）",
        "三（七）总计·总计 is 4446, but its rows add up to 4447 (diff -1) (1 more "
        "finding follows from it)"},
       {"balance", E, 58, 137, "/applications/received/total", "4446", "4447",
        "三·总计：一+二 为 4447，三（七）+四 为 4446（差 +1）（随 "
        "三（七）总计·总计 而来：先核对它）",
        "三·总计: 一+二 is 4447, but 三（七）+四 is 4446 (diff +1) (follows from "
        "三（七）总计·总计: check it first)"}});
}

TEST_CASE("results-total counts the three （六） rows of the 2021 edition",
          "[check][results-total]") {
  const std::string from =
      R"("unpaid_fee": {"natural_person": 0, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 0})";
  const std::string to =
      R"("unpaid_fee": {"natural_person": 2, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 2})";
  const auto found = check(replace_once(hongze(), from, to));
  check_findings(found, {kHongzeNarrative,
                         {"results-total", E, 88, 35, "/applications/results/total/natural_person",
                          "97", "95", "三（七）总计·自然人 填报 95，各项合计 97（差 -2）",
                          "三（七）总计·自然人 is 95, but its rows add up to 97 (diff -2)"},
                         {"results-total", E, 88, 134, "/applications/results/total/total", "97",
                          "95", "三（七）总计·总计 填报 95，各项合计 97（差 -2）",
                          "三（七）总计·总计 is 95, but its rows add up to 97 (diff -2)"}});
}

TEST_CASE("results-total and balance stay silent when omitted totals are computed",
          "[check][results-total]") {
  const std::string text = replace_once(
      ningxia(), std::string(",\n      ") + std::string(kResultsTotalRow) + "\n", "\n");
  CHECK(check(text).empty());
}

TEST_CASE("balance fires when 一 + 二 is not 三（七） + 四", "[check][balance]") {
  const std::string changed =
      R"("carried_forward": {"natural_person": 1, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 1})";
  const auto found = check(replace_once(ningxia(), kCarriedForwardRow, changed));
  check_findings(found, {{"balance", E, 58, 36, "/applications/received/natural_person", "4442",
                          "4441", "三·自然人：一+二 为 4441，三（七）+四 为 4442（差 -1）",
                          "三·自然人: 一+二 is 4441, but 三（七）+四 is 4442 (diff -1)"},
                         {"balance", E, 58, 137, "/applications/received/total", "4448", "4447",
                          "三·总计：一+二 为 4447，三（七）+四 为 4448（差 -1）",
                          "三·总计: 一+二 is 4447, but 三（七）+四 is 4448 (diff -1)"}});
}

TEST_CASE("balance stays silent when 二、上年结转 and 四、结转下年度 grow together",
          "[check][balance]") {
  const std::string over =
      R"("carried_over": {"natural_person": 0, "commercial": 0, "research": 3, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 3})";
  const std::string forward =
      R"("carried_forward": {"natural_person": 0, "commercial": 0, "research": 3, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 3})";
  CHECK(check(replace_once(replace_once(ningxia(), kCarriedOverRow, over), kCarriedForwardRow,
                           forward))
            .empty());
}

TEST_CASE("review-total fires when a block of table 四 does not add up", "[check][review-total]") {
  const auto found = check(
      replace_once(ningxia(), R"("pending": 0, "total": 530})", R"("pending": 0, "total": 0})"));
  // The narrative's 行政复议案件530起 now also disagrees with the table.
  check_findings(
      found, {{"review-total", E, 91, 82, "/reviews/review/total", "530", "0",
               "四·行政复议·总计 填报 0，各列合计 530（差 -530）（另有 1 条结果随之而来）",
               "四·行政复议·总计 is 0, but its columns add up to 530 (diff -530) (1 more "
               "finding follows from it)"},
              {"narrative-number", W, 24, 351, "/overview/subsections/1/paragraphs/0", "0", "530",
               "正文说行政复议 530 起，但表四 总计为 0（随 四·行政复议·总计 而来：先核对它）",
               "the text says 530 administrative reviews, but table 四 总计 is 0 (follows "
               "from 四·行政复议·总计: check it first)"}});
}

TEST_CASE("review-total stays silent when each block adds up", "[check][review-total]") {
  const auto found = check(replace_once(
      ningxia(), R"("upheld": 6, "corrected": 0, "other": 0, "pending": 0, "total": 6})",
      R"("upheld": 4, "corrected": 0, "other": "/", "pending": 2, "total": 6})"));
  CHECK(slash_counts(found) == std::vector<std::string>{"/reviews/litigation_direct/other"});
}

TEST_CASE("a total of \"/\" whose parts add up to more than 0 is a finding at the total",
          "[check][review-total][row-total]") {
  check_findings(check(replace_once(ningxia(), R"("pending": 0, "total": 530})",
                                    R"("pending": 0, "total": "/"})")),
                 {{"review-total", E, 91, 82, "/reviews/review/total", "530", "/",
                   "四·行政复议·总计 填报 \"/\"（不适用），各列合计 530",
                   "四·行政复议·总计 is \"/\" (not applicable), but its columns add up to 530"},
                  {"slash-count", W, 91, 82, "/reviews/review/total", "", "",
                   "四·行政复议·总计 填报 \"/\"，但表四只计件数，没有“不适用”：没有的填 0",
                   "四·行政复议·总计 is \"/\", but table 四 counts cases and has no \"not "
                   "applicable\": write 0 for none"}});
  check_findings(
      check(replace_once(ningxia(), R"("other": 0, "total": 10})", R"("other": 0, "total": "/"})")),
      {{"row-total", E, 61, 136, "/applications/results/granted/total", "10", "/",
        "三（一）予以公开·总计 填报 \"/\"（不适用），各列合计 10（另有 1 条结果随之而来）",
        "三（一）予以公开·总计 is \"/\" (not applicable), but its columns add up to 10 (1 more "
        "finding follows from it)"},
       {"results-total", E, 86, 136, "/applications/results/total/total", "4437", "4447",
        "三（七）总计·总计 填报 4447，各项合计 4437（差 +10）（随 三（一）予以公开·总计 "
        "而来：先核对它）",
        "三（七）总计·总计 is 4447, but its rows add up to 4437 (diff +10) (follows from "
        "三（一）予以公开·总计: check it first)"},
       {"slash-count", W, 61, 136, "/applications/results/granted/total", "", "",
        "三（一）予以公开·总计 填报 \"/\"，但表三只计件数，没有“不适用”：没有的填 0",
        "三（一）予以公开·总计 is \"/\", but table 三 counts cases and has no \"not "
        "applicable\": write 0 for none"}});
  SECTION("（七）总计 of \"/\"") {
    const std::string row(kResultsTotalRow);
    std::string slash = row;
    slash.replace(slash.find("4441"), 4, "\"/\"");
    // "/" counts as nothing: 一 + 二 no longer balances, nor does the row's own 总计.
    check_findings(
        check(replace_once(ningxia(), row, slash)),
        {{"results-total", E, 86, 35, "/applications/results/total/natural_person", "4441", "/",
          "三（七）总计·自然人 填报 \"/\"（不适用），各项合计 4441（另有 2 条结果随之而来）",
          "三（七）总计·自然人 is \"/\" (not applicable), but its rows add up to 4441 (2 "
          "more findings follow from it)"},
         {"balance", E, 58, 36, "/applications/received/natural_person", "0", "4441",
          "三·自然人：一+二 为 4441，三（七）+四 为 0（差 +4441）（随 三（七）总计·自然人 "
          "而来：先核对它）",
          "三·自然人: 一+二 is 4441, but 三（七）+四 is 0 (diff +4441) (follows from "
          "三（七）总计·自然人: check it first)"},
         {"row-total", E, 86, 135, "/applications/results/total/total", "6", "4447",
          "三（七）总计·总计 填报 4447，各列合计 6（差 +4441）（随 三（七）总计·自然人 "
          "而来：先核对它）",
          "三（七）总计·总计 is 4447, but its columns add up to 6 (diff +4441) (follows "
          "from 三（七）总计·自然人: check it first)"},
         {"slash-count", W, 86, 35, "/applications/results/total/natural_person", "", "",
          "三（七）总计·自然人 填报 \"/\"，但表三只计件数，没有“不适用”：没有的填 0",
          "三（七）总计·自然人 is \"/\", but table 三 counts cases and has no \"not "
          "applicable\": write 0 for none"}});
  }
}

TEST_CASE("a total of \"/\" stays silent when its parts are all \"/\" or 0", "[check][row-total]") {
  std::string row(kCarriedOverRow);
  for (const std::string key : {"\"research\": ", "\"total\": "})
    row.replace(row.find(key + "0"), key.size() + 1, key + "\"/\"");
  CHECK(slash_counts(check(replace_once(ningxia(), kCarriedOverRow, row))) ==
        std::vector<std::string>{"/applications/carried_over/research",
                                 "/applications/carried_over/total"});
}

TEST_CASE("slash-count warns about each \"/\" in tables 三 and 四, and nowhere else",
          "[check][slash-count]") {
  check_findings(
      check(replace_once(ningxia(), R"("granted": {"natural_person": 10, "commercial": 0,)",
                         R"("granted": {"natural_person": 10, "commercial": "/",)")),
      {{"slash-count", W, 61, 55, "/applications/results/granted/commercial", "", "",
        "三（一）予以公开·商业企业 填报 \"/\"，但表三只计件数，没有“不适用”：没有的填 0",
        "三（一）予以公开·商业企业 is \"/\", but table 三 counts cases and has no \"not "
        "applicable\": write 0 for none"}});
  // Table 二 has cells that may not apply: "/" there is no finding.
  CHECK(check(replace_once(ningxia(), R"("made": 6, "published": 6,)",
                           R"("made": "/", "published": 6,)"))
            .empty());
}

TEST_CASE("item-count fires when 上一年项目数量 + 本年增/减 is below 0", "[check][item-count]") {
  SECTION("其他对外管理服务事项") {
    const auto found = check(replace_once(ningxia(), R"("previous": 2, "change": -1,)",
                                          R"("previous": 2, "change": -3,)"));
    check_findings(
        found,
        {{"item-count", E, 51, 49, "/proactive/other_services/change", "0", "-1",
          "二·其他对外管理服务事项：上一年项目数量 2 加 本年增/减 -3 合计 -1，项目数量不能小于 0",
          "二·其他对外管理服务事项: 上一年项目数量 2 + 本年增/减 -3 add up to -1, below 0"}});
  }
  SECTION("行政事业性收费") {
    const auto found = check(replace_once(ningxia(), R"("fees": {"previous": 1, "change": 0})",
                                          R"("fees": {"previous": 1, "change": -2})"));
    check_findings(
        found, {{"item-count", E, 54, 39, "/proactive/fees/change", "0", "-1",
                 "二·行政事业性收费：上一年项目数量 1 加 本年增/减 -2 合计 -1，项目数量不能小于 0",
                 "二·行政事业性收费: 上一年项目数量 1 + 本年增/减 -2 add up to -1, below 0"}});
  }
}

TEST_CASE("item-count stays silent down to 0 items and when a part is blank",
          "[check][item-count]") {
  CHECK(check(replace_once(ningxia(), R"("previous": 2, "change": -1,)",
                           R"("previous": 2, "change": -2,)"))
            .empty());
  const LoadResult r = load_report(replace_once(ningxia(), R"("previous": 2, "change": -1,)",
                                                R"("previous": null, "change": -3,)"),
                                   "t.json");
  REQUIRE(r.report.has_value());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "blank-cell");
  CHECK(check_report(*r.report, "t.json").empty());
}

TEST_CASE("empty-section warns about an empty or 无 narrative section", "[check][empty-section]") {
  const std::string text = ningxia();
  auto without = [&](std::string_view from_key, std::string_view to_key) {
    const std::size_t from = text.find(from_key);
    const std::size_t to = text.find(to_key);
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    return std::pair{text.substr(0, from), text.substr(to)};
  };
  SECTION("an empty preamble") {
    const auto [head, tail] = without("  \"preamble\": [", "  \"overview\"");
    check_findings(check(head + "  \"preamble\": [],\n" + tail),
                   {{"empty-section", W, 7, 15, "/preamble", "", "", "开头说明 没有内容",
                     "The opening statement is empty"}});
  }
  SECTION("a preamble of blanks and 无。") {
    const auto [head, tail] = without("  \"preamble\": [", "  \"overview\"");
    check_findings(check(head + "  \"preamble\": [\" 无。 \", \"\", \"暂无\"],\n" + tail),
                   {{"empty-section", W, 7, 15, "/preamble", "", "", "开头说明 没有内容",
                     "The opening statement is empty"}});
  }
  SECTION("an omitted preamble is placed at the document") {
    const auto [head, tail] = without("  \"preamble\": [", "  \"overview\"");
    check_findings(check(head + tail), {{"empty-section", W, 1, 1, "/preamble", "", "",
                                         "开头说明 没有内容", "The opening statement is empty"}});
  }
  SECTION("an overview whose paragraphs and subsections say nothing") {
    const auto [head, tail] = without("  \"overview\": {", "  \"proactive\"");
    check_findings(check(head +
                         "  \"overview\": {\"paragraphs\": [\"无\"], \"subsections\": [{\"title\": "
                         "\"x\", \"paragraphs\": []}]},\n" +
                         tail),
                   {{"empty-section", W, 10, 15, "/overview", "", "", "一、总体情况 没有内容",
                     "Section 一、总体情况 is empty"}});
  }
  SECTION("problems that are just 无") {
    const auto [head, tail] = without("  \"problems\": [", "  \"other_matters\"");
    check_findings(
        check(head + "  \"problems\": [\"无\"],\n" + tail),
        {{"empty-section", W, 95, 15, "/problems", "", "", "五、存在的主要问题及改进情况 没有内容",
          "Section 五、存在的主要问题及改进情况 is empty"}});
  }
  SECTION("no other matters") {
    const std::size_t from = text.find("  \"other_matters\": [");
    REQUIRE(from != std::string::npos);
    check_findings(
        check(text.substr(0, from) + "  \"other_matters\": []\n}\n"),
        {{"empty-section", W, 99, 20, "/other_matters", "", "", "六、其他需要报告的事项 没有内容",
          "Section 六、其他需要报告的事项 is empty"}});
  }
}

TEST_CASE("empty-section stays silent when a section says something", "[check][empty-section]") {
  const std::string text = ningxia();
  const std::size_t p = text.find("  \"preamble\": [");
  const std::size_t proactive = text.find("  \"proactive\"");
  // 无 inside a sentence, and an overview whose text is all in a subsection.
  const std::string changed = text.substr(0, p) + "  \"preamble\": [\"无，本年度无此项。\"],\n" +
                              "  \"overview\": {\"paragraphs\": [], \"subsections\": [{\"title\": "
                              "\"x\", \"paragraphs\": [\"有六个字的内容\"]}]},\n" +
                              text.substr(proactive);
  CHECK(check(changed).empty());
  // Six letters or digits are content; the usual sentence of 六 is one.
  const std::size_t other = text.find("  \"other_matters\": [");
  REQUIRE(other != std::string::npos);
  CHECK(
      check(text.substr(0, other) + "  \"other_matters\": [\"本机关无其他需要报告的事项。\"]\n}\n")
          .empty());
}

TEST_CASE("empty-section warns about a section of a few characters, whatever they say",
          "[check][empty-section]") {
  const std::string text = ningxia();
  const std::size_t from = text.find("  \"problems\": [");
  const std::size_t to = text.find("  \"other_matters\"");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  // Five letters or digits at most, punctuation and spaces not counted, over every paragraph.
  for (std::string_view paragraphs :
       {R"("暂无问题。")", R"("无。", "暂无。")", R"("  没有问题！ ")", R"("问题：无", "2")",
        R"("（无其他事项）")"}) {
    INFO(paragraphs);
    check_findings(
        check(text.substr(0, from) + "  \"problems\": [" + std::string(paragraphs) + "],\n" +
              text.substr(to)),
        {{"empty-section", W, 95, 15, "/problems", "", "", "五、存在的主要问题及改进情况 没有内容",
          "Section 五、存在的主要问题及改进情况 is empty"}});
  }
}

TEST_CASE("deadline warns when a department publishes after 1月31日 of the next year",
          "[check][deadline]") {
  auto published = [](std::string_view date) {
    return replace_once(
        ningxia(), R"("agency_kind": "department",)",
        "\"agency_kind\": \"department\",\n  \"published\": \"" + std::string(date) + "\",");
  };
  check_findings(check(published("2021-02-01")),
                 {{"deadline", W, 6, 16, "/published", "2021-01-31", "2021-02-01",
                   "发布日期 2021-02-01 晚于部门的法定期限 2021-01-31",
                   "published 2021-02-01, after the deadline 2021-01-31 for a department"}});
  check_findings(check(published("2021-12-31")),
                 {{"deadline", W, 6, 16, "/published", "2021-01-31", "2021-12-31",
                   "发布日期 2021-12-31 晚于部门的法定期限 2021-01-31",
                   "published 2021-12-31, after the deadline 2021-01-31 for a department"}});
  CHECK(check(published("2021-01-31")).empty());
  CHECK(check(published("2021-01-15")).empty());
}

TEST_CASE("deadline warns when a government publishes after 3月31日 of the next year",
          "[check][deadline]") {
  auto published = [](std::string_view kind, std::string_view date) {
    return replace_once(hongze(), R"("agency_kind": "government",)",
                        "\"agency_kind\": \"" + std::string(kind) + "\", \"published\": \"" +
                            std::string(date) + "\",");
  };
  check_findings(check(published("government", "2025-04-01")),
                 {{"deadline", W, 5, 45, "/published", "2025-03-31", "2025-04-01",
                   "发布日期 2025-04-01 晚于政府的法定期限 2025-03-31",
                   "published 2025-04-01, after the deadline 2025-03-31 for a government"},
                  kHongzeNarrative});
  check_findings(check(published("government", "2025-03-31")), {kHongzeNarrative});
  check_findings(check(published("government", "2025-02-01")), {kHongzeNarrative});
  // The same date is late for a department.
  check_findings(check(published("department", "2025-03-31")),
                 {{"deadline", W, 5, 45, "/published", "2025-01-31", "2025-03-31",
                   "发布日期 2025-03-31 晚于部门的法定期限 2025-01-31",
                   "published 2025-03-31, after the deadline 2025-01-31 for a department"},
                  kHongzeNarrative});
}

TEST_CASE("changing any single cell of table 三 or 四 is reported on that cell's line", "[check]") {
  for (const std::string& text : {ningxia(), hongze()}) {
    const std::vector<CellSpot> spots = table_cells(text);
    CHECK(spots.size() == (text == ningxia() ? 23u * 7 + 15 : 25u * 7 + 15));
    for (const CellSpot& spot : spots) {
      const Position at = where(text, spot.offset);
      INFO(spot.pointer << " at " << at.line << ":" << at.column << " changed to "
                        << spot.value + 1);
      const auto found = check(with_value(text, spot, std::to_string(spot.value + 1)));
      const bool reported = std::any_of(found.begin(), found.end(), [&](const Diagnostic& d) {
        return d.severity == Severity::Error && d.position.line == at.line &&
               d.pointer.starts_with(row_of(spot.pointer));
      });
      CHECK(reported);
    }
  }
}

TEST_CASE("a finding about a cell points at that cell's value", "[check]") {
  const std::string text = ningxia();
  for (const CellSpot& spot : table_cells(text)) {
    if (!spot.pointer.ends_with("/total")) continue;
    const Position at = where(text, spot.offset);
    INFO(spot.pointer);
    const auto found = check(with_value(text, spot, std::to_string(spot.value + 1)));
    const auto self = std::find_if(found.begin(), found.end(),
                                   [&](const Diagnostic& d) { return d.pointer == spot.pointer; });
    REQUIRE(self != found.end());
    CHECK(self->position.line == at.line);
    CHECK(self->position.column == at.column);
    CHECK(self->actual == std::to_string(spot.value + 1));
  }
}

TEST_CASE("one blank cell is the only finding: never a cascade of sum findings",
          "[check][blank-cell]") {
  for (const std::string& text : {ningxia(), hongze()}) {
    for (const CellSpot& spot : table_cells(text)) {
      const Position at = where(text, spot.offset);
      INFO(spot.pointer);
      const LoadResult r = load_report(with_value(text, spot, "null"), "t.json");
      REQUIRE(r.report.has_value());
      REQUIRE(r.diagnostics.size() == 1);
      CHECK(r.diagnostics[0].rule == "blank-cell");
      CHECK(r.diagnostics[0].pointer == spot.pointer);
      CHECK(r.diagnostics[0].position.line == at.line);
      CHECK(r.diagnostics[0].position.column == at.column);
      const auto found = check_report(*r.report, "t.json");
      CHECK(count(found, Severity::Error) == 0);
      for (const Diagnostic& d : found) CHECK(d.rule == "narrative-number");
    }
  }
}

TEST_CASE("check_report runs every rule and lists all findings of one report", "[check]") {
  std::string text =
      replace_once(ningxia(), R"("other": 0, "total": 10})", R"("other": 0, "total": 12})");
  text = replace_once(text, R"("pending": 0, "total": 7})", R"("pending": 0, "total": 8})");
  text = replace_once(text, R"("previous": 2, "change": -1,)", R"("previous": 2, "change": -3,)");
  text = replace_once(text, R"("agency_kind": "department",)",
                      R"("agency_kind": "department", "published": "2021-03-01",)");
  text = replace_once(
      text, kCarriedForwardRow,
      R"("carried_forward": {"natural_person": 0, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 1, "total": 1})");
  const auto found = check(text);
  CHECK(rules_of(found) == std::vector<std::string_view>{"deadline", "item-count", "balance",
                                                         "balance", "row-total", "results-total",
                                                         "review-total", "narrative-number"});
  // The narrative's count of lawsuits follows from the wrong 总计 of table 四 before it.
  CHECK(found.back().follows == found[found.size() - 2].pointer);
  for (const Diagnostic& d : found) CHECK(d.file == "t.json");
}

TEST_CASE("a finding prints GNU style with file, line, column and rule", "[check]") {
  const std::string changed =
      R"("total": {"natural_person": 4440, "commercial": 6, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 4447})";
  const auto found = check(replace_once(ningxia(), kResultsTotalRow, changed));
  const auto it = std::find_if(found.begin(), found.end(),
                               [](const Diagnostic& d) { return d.rule == "results-total"; });
  REQUIRE(it != found.end());
  CHECK(format_diagnostic(*it, Lang::En) ==
        "t.json:86:35: error: 三（七）总计·自然人 is 4440, but its rows add up to 4441 (diff -1) "
        "(2 more findings follow from it) [results-total]");
  CHECK(format_diagnostic(*it, Lang::Zh) ==
        "t.json:86:35: 错误: 三（七）总计·自然人 填报 4440，各项合计 4441（差 -1）（另有 2 "
        "条结果随之而来） [results-total]");
}
