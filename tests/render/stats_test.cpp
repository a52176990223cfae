// The outputs of the overview: the CSV exact, the workbook read back, the charts of the HTML page.

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "govreport/check.hpp"
#include "govreport/stats_format.hpp"
#include "support.hpp"
#include "workbook_support.hpp"

namespace {

using govreport::Cell;
using govreport::Lang;
using govreport::Report;
using govreport::StatsRow;
using govreport::StatsTable;
using govreport::test::load_project;

// Three reports of known figures (see tests/check/stats_test.cpp):
//  a.json  洪泽 2024, a government published 2025-04-15: late; its findings are deadline and
//          narrative-number (warnings). 公开 59/95, 不予公开 3/95, 复议 1/2, 诉讼 0/4.
//  b.json  the same tables as a department with no lawsuits (诉讼 0/0: empty), published
//          2025-01-20: on time.
//  c.json  data/2020.json (2020, no published date): 13/4447, 5/4447, 0/530, 0/13.
StatsTable three_reports() {
  Report a = load_project("data/examples/hongze-gov-2024.json");
  a.published = "2025-04-15";
  Report b = load_project("data/examples/hongze-gov-2024.json");
  b.agency = "某某县市场监督管理局";
  b.agency_kind = govreport::AgencyKind::Department;
  b.published = "2025-01-20";
  for (const char* row : {"litigation_direct", "litigation_after_review"})
    for (const char* column : {"upheld", "corrected", "other", "pending", "total"})
      b.at(std::string("/reviews/") + row + "/" + column) = Cell::number(0);
  const Report c = load_project("data/2020.json");
  std::vector<StatsRow> rows = {
      govreport::stats_row(a, "a.json", govreport::check_report(a, "a.json")),
      govreport::stats_row(b, "b.json", {}), govreport::stats_row(c, "c.json", {})};
  return govreport::make_stats_table(std::move(rows), {});
}

// The part of `html` from the figure with `id` to its end.
std::string figure(const std::string& html, const std::string& id) {
  const std::size_t start = html.find("<figure class=\"chart\" id=\"" + id + "\">");
  REQUIRE(start != std::string::npos);
  return html.substr(start, html.find("</figure>", start) - start);
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

// The widths of the bars of a chart, in order, and the labels.
std::vector<std::string> attribute_values(const std::string& svg, const std::string& prefix) {
  std::vector<std::string> out;
  for (std::size_t at = svg.find(prefix); at != std::string::npos; at = svg.find(prefix, at + 1)) {
    const std::size_t start = at + prefix.size();
    out.push_back(svg.substr(start, svg.find_first_of("\"<", start) - start));
  }
  return out;
}

}  // namespace

TEST_CASE("The CSV of the overview is exact: rates, an empty rate, lateness, rules, totals",
          "[stats]") {
  const std::string csv = govreport::stats_csv(three_reports(), Lang::Zh);
  CHECK(
      csv ==
      "\xEF\xBB\xBF"
      "文件,机关,年度,类别,新收申请,公开率(%),不予公开率(%),复议纠错率(%),诉讼纠错率(%),结转下年度,"
      "逾期发布,错误,警告,narrative-number,deadline\r\n"
      "a.json,淮安市洪泽区人民政府,2024,政府,95,62.11,3.16,50.00,0.00,0,是,0,2,1,1\r\n"
      "b.json,某某县市场监督管理局,2024,部门,95,62.11,3.16,50.00,,0,否,0,0,0,0\r\n"
      "c.json,宁夏回族自治区人民政府办公厅,2020,部门,4447,0.29,0.11,0.00,0.00,0,未知,0,0,0,0\r\n"
      // (59+59+13)/4637, (3+3+5)/4637, 2/534, 0/17; one late report.
      "合计（3 份报告）,,,,4637,2.83,0.24,0.37,0.00,0,1,0,2,1,1\r\n");
  const std::string en = govreport::stats_csv(three_reports(), Lang::En);
  CHECK(govreport::test::split_lines(en)[0] ==
        "\xEF\xBB\xBF"
        "File,Agency,Year,Kind,Applications received,Disclosure rate (%),Withheld rate (%),"
        "Review correction rate (%),Litigation correction rate (%),Carried forward,"
        "Published late,Errors,Warnings,narrative-number,deadline\r");
  CHECK(en.find("\r\nb.json,某某县市场监督管理局,2024,department,95,62.11,3.16,50.00,,0,no,0,0,0,"
                "0\r\n") != std::string::npos);
  CHECK(en.find("\r\nTotal (3 reports),,,,4637,") != std::string::npos);
}

TEST_CASE("CSV fields are quoted where needed, and formulas are not passed to spreadsheets",
          "[stats]") {
  Report r = load_project("data/examples/hongze-gov-2024.json");
  r.agency = "甲,\"乙\"";
  Report f = r;
  f.agency = "=HYPERLINK(\"http://x\")";
  const StatsTable t = govreport::make_stats_table(
      {govreport::stats_row(r, "x.json", {}), govreport::stats_row(f, "-y.json", {})}, {});
  const std::vector<std::string> lines =
      govreport::test::split_lines(govreport::stats_csv(t, Lang::Zh));
  REQUIRE(lines.size() == 4);
  CHECK(lines[1].starts_with("x.json,\"甲,\"\"乙\"\"\",2024,"));
  CHECK(lines[2].starts_with("'-y.json,\"'=HYPERLINK(\"\"http://x\"\")\",2024,"));
}

TEST_CASE("The workbook of the overview reads back with the same values", "[stats]") {
  const std::string bytes = govreport::stats_xlsx(three_reports(), Lang::Zh);
  const govreport::importer::Workbook book = govreport::test::read_workbook(bytes);
  REQUIRE(book.sheets.size() == 1);
  CHECK(book.sheets[0].name == "统计");
  const std::vector<std::string> cells = govreport::test::split_lines(govreport::test::dump(book));
  auto has = [&](const std::string& line) {
    INFO(line);
    CHECK(std::find(cells.begin(), cells.end(), line) != cells.end());
  };
  has("A1 \"文件\"");
  has("F1 \"公开率(%)\"");
  has("O1 \"deadline\"");
  has("B2 \"淮安市洪泽区人民政府\"");
  has("C2 2024");
  has("E2 95");
  has("H2 0.5");  // 1/2 as a fraction, shown as per cent
  has("K2 \"是\"");
  has("M2 2");
  has("K3 \"否\"");
  has("E4 4447");
  has("I4 0");
  has("A5 \"合计（3 份报告）\"");
  has("E5 4637");
  has("K5 1");
  // The empty rate of b.json: no cell at all.
  CHECK(book.sheets[0].at(2, 8) == nullptr);
  const govreport::importer::SheetCell* f2 = book.sheets[0].at(1, 5);
  REQUIRE(f2 != nullptr);
  CHECK(std::stod(f2->value) == Approx(59.0 / 95.0).epsilon(1e-15));
  const govreport::importer::SheetCell* total = book.sheets[0].at(4, 5);
  REQUIRE(total != nullptr);
  CHECK(std::stod(total->value) == Approx(131.0 / 4637.0).epsilon(1e-15));

  // The inputs not read are a second sheet.
  StatsTable with_failure = three_reports();
  with_failure.failures.push_back({"bad.json", "bad.json:1:1: 错误: 文件为空 [syntax]"});
  const govreport::importer::Workbook two =
      govreport::test::read_workbook(govreport::stats_xlsx(with_failure, Lang::Zh));
  REQUIRE(two.sheets.size() == 2);
  CHECK(two.sheets[1].name == "未能读取");
  CHECK(two.sheets[1].at(1, 0)->value == "bad.json");
  CHECK(two.sheets[1].at(1, 1)->value == "bad.json:1:1: 错误: 文件为空 [syntax]");
}

TEST_CASE("The HTML page has one bar per agency of the latest year, of the right length",
          "[stats]") {
  const std::string html = govreport::stats_html(three_reports(), Lang::Zh);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("@page { size: A4;") != std::string::npos);
  // 公开率: 59/95 = 62.105 % of 400 px for both reports of 2024; none for 2020's.
  const std::string disclosure = figure(html, "agency-disclosure");
  CHECK(disclosure.find("<figcaption>2024 年各机关公开率</figcaption>") != std::string::npos);
  CHECK(occurrences(disclosure, "<rect class=\"bar\"") == 2);
  CHECK(attribute_values(disclosure, " width=\"") ==
        std::vector<std::string>{"710", "248.4", "248.4"});  // the svg, then the bars
  CHECK(attribute_values(disclosure, "<title>") ==
        std::vector<std::string>{"2024 年各机关公开率", "淮安市洪泽区人民政府",
                                 "淮安市洪泽区人民政府: 62.11%", "某某县市场监督管理局",
                                 "某某县市场监督管理局: 62.11%"});
  // 诉讼纠错率: 0/4 is a bar of length 0, 0/0 no bar but "—".
  const std::string litigation = figure(html, "agency-litigation-correction");
  CHECK(occurrences(litigation, "<rect class=\"bar\"") == 1);
  CHECK(attribute_values(litigation, "<rect class=\"bar\" x=\"230\" y=\"5\" width=\"") ==
        std::vector<std::string>{"0.0"});
  CHECK(occurrences(litigation, ">—</text>") == 1);
  // Findings by rule: one bar each, the longest the full 400 px; a warning drawn outlined.
  const std::string rules = figure(html, "findings-by-rule");
  CHECK(occurrences(rules, "<rect class=\"bar\"") == 2);
  CHECK(occurrences(rules, "fill=\"#fff\"") == 2);
  CHECK(attribute_values(rules, "<title>") ==
        std::vector<std::string>{"各规则发现的问题数", "narrative-number", "narrative-number: 1",
                                 "deadline", "deadline: 1"});
  // Two years: the trend, by year, from the sums: 2020 13/4447 = 0.29 %, 2024 118/190 = 62.11 %.
  const std::string trend = figure(html, "year-disclosure");
  CHECK(attribute_values(trend, "<title>") ==
        std::vector<std::string>{"各年度公开率", "2020", "2020: 0.29%", "2024", "2024: 62.11%"});
  CHECK(attribute_values(trend, " width=\"") == std::vector<std::string>{"710", "1.2", "248.4"});
  // The table: the empty rate is "—", the totals row last.
  CHECK(html.find("<td class=\"n\">50.00</td><td class=\"n\">—</td>") != std::string::npos);
  CHECK(html.find("<tr class=\"total\"><td class=\"t file\">合计（3 份报告）</td>") !=
        std::string::npos);
}

TEST_CASE("One year gives no trend; the inputs not read are listed on the page", "[stats]") {
  const Report a = load_project("data/examples/hongze-gov-2024.json");
  const StatsTable t = govreport::make_stats_table({govreport::stats_row(a, "a.json", {})},
                                                   {{"bad.json", "bad.json: 无法读取"}});
  const std::string html = govreport::stats_html(t, Lang::En);
  CHECK(html.find("id=\"year-disclosure\"") == std::string::npos);
  CHECK(html.find("<li>bad.json: bad.json: 无法读取</li>") != std::string::npos);
  CHECK(html.find("<p class=\"lead\">1 report, 2024; 1 input could not be read.</p>") !=
        std::string::npos);
  CHECK(html.find("<p>No findings.</p>") != std::string::npos);
}
