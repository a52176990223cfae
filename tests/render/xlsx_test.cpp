// The workbook writer: the golden dump of each reference file's workbook, the same bytes for the
// same report, cells locked and validated, sheets protected, A4 print areas.

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "support.hpp"
#include "workbook_support.hpp"

namespace {

using govreport::Report;
using govreport::test::dump;
using govreport::test::matches_golden;
using govreport::test::part;
using govreport::test::project_file;
using govreport::test::read_workbook;

Report load(const std::string& relative) {
  govreport::LoadResult loaded = govreport::load_report(project_file(relative), relative);
  REQUIRE(loaded.report.has_value());
  return std::move(*loaded.report);
}

struct Case {
  const char* name;  // folder below tests/golden
  const char* data;
};
constexpr Case kCases[] = {{"ningxia-2020", "data/2020.json"},
                           {"hongze-2024", "data/examples/hongze-gov-2024.json"}};


}  // namespace

TEST_CASE("The workbook of each reference data file matches its golden dump", "[xlsx]") {
  for (const Case& c : kCases) {
    INFO(c.data);
    const std::string dumped = dump(read_workbook(govreport::render_xlsx(load(c.data))));
    CHECK(matches_golden(std::string(c.name) + "/expected-workbook.txt", dumped));
  }
}

TEST_CASE("The same report always gives the same workbook", "[xlsx]") {
  const Report report = load("data/2020.json");
  CHECK(govreport::render_xlsx(report) == govreport::render_xlsx(report));
}

TEST_CASE("Input cells are unlocked and validated; labels, totals and checks are locked",
          "[xlsx]") {
  const std::string bytes = govreport::render_xlsx(load("data/2020.json"));
  // The locked flag of each cell format, by index.
  pugi::xml_document styles;
  REQUIRE(styles.load_string(part(bytes, "xl/styles.xml").c_str()));
  std::vector<bool> locked;
  for (pugi::xml_node xf : styles.child("styleSheet").child("cellXfs").children("xf"))
    locked.push_back(xf.child("protection").attribute("locked").as_bool(true));
  pugi::xml_document sheet3;  // 表三 is the fourth sheet
  REQUIRE(sheet3.load_string(part(bytes, "xl/worksheets/sheet4.xml").c_str()));
  const pugi::xml_node ws = sheet3.child("worksheet");
  std::map<std::string, bool> cell_locked;
  std::map<std::string, std::string> formulas;
  for (pugi::xml_node row : ws.child("sheetData").children("row"))
    for (pugi::xml_node c : row.children("c")) {
      cell_locked[c.attribute("r").value()] = locked.at(c.attribute("s").as_uint());
      if (c.child("f")) formulas[c.attribute("r").value()] = c.child_value("f");
    }
  CHECK_FALSE(cell_locked.at("D6"));            // 一、本年新收·自然人
  CHECK_FALSE(cell_locked.at("I27") == false);  // （七）总计·其他: a total
  CHECK(cell_locked.at("A6"));
  CHECK(cell_locked.at("J6"));
  CHECK(formulas.at("J6") == "SUM(D6:I6)");
  CHECK(formulas.at("D27") == "SUM(D8:D26)");
  CHECK(formulas.at("J27") == "SUM(J8:J26)");
  CHECK(formulas.at("D30") == "SUM(D6:D7)-SUM(D27:D28)");  // the 勾稽 check below the table

  std::map<std::string, std::string> rules;
  for (pugi::xml_node v : ws.child("dataValidations").children("dataValidation"))
    rules[v.attribute("sqref").value()] = v.child_value("formula1");
  std::size_t inputs = 0;
  for (const auto& [name, is_locked] : cell_locked)
    if (!is_locked) ++inputs;
  CHECK(rules.size() == inputs);
  CHECK(inputs == 22 * 6);  // every data row of 三 but （七）总计, every column but 总计
  CHECK(rules.at("D6") == "OR(AND(ISNUMBER(D6),D6>=0,D6=INT(D6)),D6=\"/\")");

  const pugi::xml_node protection = ws.child("sheetProtection");
  CHECK(protection.attribute("sheet").as_bool());
  CHECK_FALSE(protection.attribute("password"));
  CHECK(ws.child("pageSetup").attribute("paperSize").as_int() == 9);  // A4
  CHECK(ws.child("sheetPr").child("pageSetUpPr").attribute("fitToPage").as_bool());

  pugi::xml_document book;
  REQUIRE(book.load_string(part(bytes, "xl/workbook.xml").c_str()));
  std::vector<std::string> areas;
  for (pugi::xml_node n : book.child("workbook").child("definedNames").children("definedName"))
    if (std::string(n.attribute("name").value()) == "_xlnm.Print_Area")
      areas.push_back(n.child_value());
  std::sort(areas.begin(), areas.end());
  CHECK(areas == std::vector<std::string>{"'基本信息'!$A$1:$C$15", "'正文'!$A$1:$C$16",
                                          "'表三'!$A$1:$J$28", "'表二'!$A$1:$D$20",
                                          "'表四'!$A$1:$O$6"});

  // 表二: the 2019 amount is in 万元, which its head does not say: the number format does.
  pugi::xml_document sheet2;
  REQUIRE(sheet2.load_string(part(bytes, "xl/worksheets/sheet3.xml").c_str()));
  std::map<std::string, std::string> amount_rules;
  for (pugi::xml_node v : sheet2.child("worksheet").child("dataValidations").children())
    amount_rules[v.attribute("sqref").value()] = v.child_value("formula1");
  CHECK(amount_rules.at("C20") == "OR(AND(ISNUMBER(C20),C20>=0,ROUND(C20,4)=C20),C20=\"/\")");
  CHECK(amount_rules.at("C14") == "OR(AND(ISNUMBER(C14),C14=INT(C14)),C14=\"/\")");  // 本年增/减
}
