// The register of agencies: JSON and CSV, and every problem named at its place.

#include "govreport/register.hpp"

#include <catch2/catch.hpp>

namespace {

using govreport::AgencyKind;
using govreport::load_register;
using govreport::RegisterResult;

// The problems of a register, one "line:col: message" each.
std::vector<std::string> problems(const RegisterResult& r) {
  std::vector<std::string> out;
  for (const auto& p : r.problems)
    out.push_back(std::to_string(p.position.line) + ":" + std::to_string(p.position.column) + ": " +
                  p.message.en);
  return out;
}

}  // namespace

TEST_CASE("A JSON register gives ids, names, former names, kinds and parents", "[register]") {
  const RegisterResult r = load_register(R"({"agencies": [
  {"id": "city", "name": "某市人民政府", "kind": "government"},
  {"id": "hz", "name": "淮安市洪泽区人民政府", "former_names": ["洪泽区人民政府"],
   "kind": "government", "parent": "city", "since": 2019},
  {"id": "hz.edu", "name": "洪泽区教育局", "parent": "hz", "until": 2023}
]})",
                                         "agencies.json");
  REQUIRE(problems(r).empty());
  REQUIRE(r.agencies);
  const govreport::AgencyRegister& reg = *r.agencies;
  CHECK(reg.file() == "agencies.json");
  REQUIRE(reg.agencies().size() == 3);
  CHECK(reg.find("", "洪泽区人民政府") == reg.by_id("hz"));
  CHECK(reg.find("", "淮安市洪泽区人民政府") == reg.by_id("hz"));
  CHECK(reg.find("hz.edu", "另一个名称") == reg.by_id("hz.edu"));
  CHECK(reg.find("", "洪泽区") == nullptr);
  CHECK(reg.find("nobody", "洪泽区教育局") == nullptr);  // an id given is the identity
  CHECK(reg.by_id("hz")->kind == AgencyKind::Government);
  CHECK(reg.by_id("hz.edu")->kind == AgencyKind::Department);
  CHECK(reg.by_id("hz")->position.line == 3);
  CHECK(reg.by_id("hz.edu")->reports_in(2023));
  CHECK_FALSE(reg.by_id("hz.edu")->reports_in(2024));
  CHECK_FALSE(reg.by_id("hz")->reports_in(2018));
  const auto children = reg.children("hz");
  REQUIRE(children.size() == 1);
  CHECK(children[0]->id == "hz.edu");
  CHECK(reg.children("city").size() == 1);
}

TEST_CASE("A CSV register has a header row; former names are separated by |", "[register]") {
  const RegisterResult r = load_register(
      "id,name,former_names,kind,parent\n"
      "city,某市人民政府,,government,\n"
      "hz,淮安市洪泽区人民政府,\"洪泽区人民政府|洪泽县人民政府\",government,city\n"
      "\n"
      "hz.edu,\"洪泽区教育局, 体育局\",,department,hz\r\n",
      "agencies.csv");
  REQUIRE(problems(r).empty());
  REQUIRE(r.agencies);
  CHECK(r.agencies->find("", "洪泽县人民政府") == r.agencies->by_id("hz"));
  CHECK(r.agencies->by_id("hz.edu")->name == "洪泽区教育局, 体育局");
  CHECK(r.agencies->by_id("hz.edu")->parent == "hz");
  CHECK(r.agencies->by_id("hz.edu")->position.line == 5);
}

TEST_CASE("A register with problems is refused, each named at its place", "[register]") {
  CHECK(problems(load_register(R"({"agencies": [
  {"id": "a", "name": "甲局", "parent": "b"},
  {"id": "b", "name": "乙局", "parent": "a"},
  {"id": "a", "name": "甲局", "kind": "bureau"},
  {"id": "../x", "name": "丙局", "parent": "none", "since": 2018},
  {"name": "丁局", "nick": "丁"}
]})",
                               "r.json")) ==
        std::vector<std::string>{
            "4:37: kind is \"bureau\": it is \"department\" or \"government\"",
            "5:59: since is \"2018\": it is a four-digit year, 2019 or later",
            "6:18: unknown field \"nick\" (known: id, name, former_names, kind, parent, since, "
            "until)"});
  CHECK(problems(load_register(R"({"agencies": [
  {"id": "a", "name": "甲局", "parent": "b"},
  {"id": "b", "name": "乙局", "parent": "a"},
  {"id": "a", "name": "甲局"},
  {"id": "../x", "name": "丙局", "parent": "none"},
  {"name": "丁局"}
]})",
                               "r.json")) ==
        std::vector<std::string>{
            "4:3: the id \"a\" is given twice",
            "4:3: the name \"甲局\" also belongs to a: a name names one agency",
            "5:3: the id \"../x\" is made of letters, digits, '.', '_' and '-', and starts with a "
            "letter or digit",
            "6:3: the id is missing", "2:3: the parents of a form a cycle: a → b → a",
            "3:3: the parents of b form a cycle: b → a → b",
            "5:3: the parent \"none\" is not in the register"});
  CHECK(problems(load_register("id,name\nx,甲局,多余\n", "r.csv")) ==
        std::vector<std::string>{"2:1: this row has 3 fields, the first row 2"});
  CHECK(problems(load_register("name,kind\n甲局,department\n", "r.csv")) ==
        std::vector<std::string>{"1:1: the first row names the columns, id among them"});
  CHECK(problems(load_register("{\"agencies\": [}", "r.json")).size() == 1);
  CHECK(problems(load_register("", "r.csv")) ==
        std::vector<std::string>{"1:1: the register is empty"});
}
