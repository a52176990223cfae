#include "govreport/findings_format.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "govreport/check.hpp"

namespace {

using govreport::Diagnostic;

// A finding in a workbook: no line, a sheet and cell instead.
Diagnostic workbook_finding(std::string place, std::size_t order) {
  Diagnostic d = govreport::make_diagnostic("row-total", "/applications/received/total",
                                            "三·一、本年新收…·总计 填报 5，各项合计 4（差 1）",
                                            "三·一、本年新收…·总计 is 5, but its columns add up "
                                            "to 4 (diff 1)");
  d.file = "2025.xlsx";
  d.position.place = std::move(place);
  d.position.place_order = order;
  return d;
}

std::string write(std::string_view format, const std::vector<Diagnostic>& findings) {
  auto writer = govreport::findings_format(format)->make({govreport::Lang::En, false});
  govreport::CheckSummary summary;
  summary.files = 1;
  summary.add("2025.xlsx", findings);
  return writer->begin() + writer->file("2025.xlsx", findings) + writer->end(summary);
}

}  // namespace

TEST_CASE("A finding without a line names its place after the file", "[findings-format]") {
  const Diagnostic d = workbook_finding("表三!I8", 1);
  CHECK(govreport::format_diagnostic(d, govreport::Lang::Zh) ==
        "2025.xlsx:表三!I8: 错误: 三·一、本年新收…·总计 填报 5，各项合计 4（差 1） [row-total]");
  CHECK(write("github", {d}) ==
        "::error file=2025.xlsx,title=row-total::表三!I8: 三·一、本年新收…·总计 is 5, but its "
        "columns add up to 4 (diff 1)\n");
}

TEST_CASE("Findings without lines sort in the document order of their places",
          "[findings-format]") {
  std::vector<Diagnostic> found = {workbook_finding("表四!B10", 30), workbook_finding("表三!I8", 2),
                                   workbook_finding("表三!I12", 6)};
  govreport::sort_diagnostics(found);
  REQUIRE(found.size() == 3);
  CHECK(found[0].position.place == "表三!I8");
  CHECK(found[1].position.place == "表三!I12");
  CHECK(found[2].position.place == "表四!B10");
}

TEST_CASE("json and sarif carry the place of a finding without a line", "[findings-format]") {
  const Diagnostic d = workbook_finding("表三!I8", 1);
  const auto json = nlohmann::json::parse(write("json", {d}));
  CHECK(json["findings"][0]["place"] == "表三!I8");
  CHECK(json["findings"][0]["line"] == 0);

  const auto sarif = nlohmann::json::parse(write("sarif", {d}));
  const auto& location = sarif["runs"][0]["results"][0]["locations"][0];
  CHECK(location["physicalLocation"]["artifactLocation"]["uri"] == "2025.xlsx");
  CHECK_FALSE(location["physicalLocation"].contains("region"));
  CHECK(location["logicalLocations"][0]["fullyQualifiedName"] == "表三!I8");
}

TEST_CASE("A checker finding on a report read from a source without lines names the cell's place",
          "[findings-format]") {
  govreport::Report report = govreport::make_report(*govreport::edition_by_id("2021"), 2024);
  for (govreport::Cell& cell : report.cells) cell = govreport::Cell::number(0);
  report.at("/applications/received/total") = govreport::Cell::number(5);
  report.source.add_place("/applications/received/natural_person", "表三!C8");
  report.source.add_place("/applications/received/total", "表三!I8");
  const auto found = govreport::check_report(report, "2025.xlsx");
  const auto it = std::find_if(found.begin(), found.end(),
                               [](const Diagnostic& d) { return d.rule == "row-total"; });
  REQUIRE(it != found.end());
  CHECK(it->position.place == "表三!I8");
  CHECK(it->position.place_order == 2);
  CHECK(govreport::format_diagnostic(*it, govreport::Lang::En)
            .starts_with("2025.xlsx:表三!I8: error: "));
}
