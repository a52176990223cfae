// sum --register: a region added up level by level, sum --check finding a planted mismatch at the
// right level, and each way a region cannot be added up.
//
// tests/fixtures/region: a city (某市人民政府) above two counties (甲县, 乙县), three departments
// below 甲县 and two below 乙县, each with its 2022 report. 甲县教育体育局 gives its agency_id,
// 乙县民政和社会事务局 prints a former name of 乙县民政局; the others are found by name.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using govreport::test::project_file;
using govreport::test::read_file;
using govreport::test::replace_once;
using govreport::test::run_govreport;
using govreport::test::temp_dir;
using govreport::test::write_file;

// A copy of the region in a temporary folder: agencies.csv and 2022/.
std::string region() {
  const std::string dir = temp_dir();
  fs::copy(fs::path(GOVREPORT_SOURCE_DIR) / "tests/fixtures/region", dir,
           fs::copy_options::recursive);
  return dir;
}

nlohmann::json json_file(const std::string& file) { return nlohmann::json::parse(read_file(file)); }

long long received(const nlohmann::json& report) {
  return report["applications"]["received"]["total"].get<long long>();
}

long long natural_person(const nlohmann::json& report) {
  return report["applications"]["received"]["natural_person"].get<long long>();
}

double fees(const nlohmann::json& report) {
  return report["proactive"]["fees"]["amount"].get<double>();
}

std::vector<std::string> sum_region(const std::string& out_dir) {
  return {"sum", "--register", "agencies.csv", "2022", "--out-dir", out_dir};
}

std::vector<std::string> check_region(std::vector<std::string> more = {}) {
  std::vector<std::string> args{"sum", "--register", "agencies.csv", "--check", "sums", "2022"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("sum --register adds a three-level region up level by level", "[region][sum]") {
  const std::string dir = region();
  const auto r = run_govreport(sum_region("sums"), "", dir);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "");
  CHECK(r.err ==
        "已写入 sums/a.json（甲县人民政府：4 份报告，逐级汇总）\n"
        "已写入 sums/b.json（乙县人民政府：3 份报告，逐级汇总）\n"
        "已写入 sums/city.json（某市人民政府：8 份报告，逐级汇总）\n");
  CHECK(fs::exists(dir + "/sums/a.json"));
  // Only agencies with agencies below them get a sum.
  CHECK(std::distance(fs::directory_iterator(dir + "/sums"), fs::directory_iterator()) == 3);

  // 甲县: its own 353 + 304 + 358 + 355 received; 乙县: 329 + 380 + 294; the city: its own 345
  // and the two counties'. The fees (万元) add up exactly.
  const nlohmann::json a = json_file(dir + "/sums/a.json");
  const nlohmann::json b = json_file(dir + "/sums/b.json");
  const nlohmann::json city = json_file(dir + "/sums/city.json");
  CHECK(received(a) == 1370);
  CHECK(received(b) == 1003);
  CHECK(received(city) == 2718);
  CHECK(natural_person(a) == 316 + 270 + 327 + 320);
  CHECK(natural_person(b) == 307 + 339 + 267);
  CHECK(natural_person(city) == 316 + 1233 + 913);
  CHECK(fees(a) == 1906.5371);
  CHECK(fees(b) == 1624.0389);
  CHECK(fees(city) == 3685.6547);
  CHECK(a["agency"] == "甲县人民政府（汇总）");
  CHECK(city["agency"] == "某市人民政府（汇总）");
  CHECK(city["agency_kind"] == "government");
  CHECK(city["year"] == 2022);

  // Level by level: the city's sum is its own report plus the counties' sums, every cell; a
  // county's is its own report plus its departments'.
  const auto city_by_hand =
      run_govreport({"sum", "2022/某市人民政府.json", "sums/a.json", "sums/b.json", "--agency",
                     "某市人民政府（汇总）", "--kind", "government"},
                    "", dir);
  CHECK(city_by_hand.exit_code == 0);
  CHECK(city_by_hand.out == read_file(dir + "/sums/city.json"));
  const auto a_by_hand = run_govreport(
      {"sum", "2022/甲县人民政府.json", "2022/甲县教育体育局.json", "2022/甲县民政局.json",
       "2022/甲县财政局.json", "--agency", "甲县人民政府（汇总）", "--kind", "government"},
      "", dir);
  CHECK(a_by_hand.out == read_file(dir + "/sums/a.json"));

  // --kind sets the kind of every sum.
  CHECK(run_govreport({"--quiet", "sum", "--register", "agencies.csv", "2022", "--out-dir", "dept",
                       "--kind", "department"},
                      "", dir)
            .exit_code == 0);
  CHECK(json_file(dir + "/dept/city.json")["agency_kind"] == "department");
  CHECK(json_file(dir + "/dept/a.json")["agency_kind"] == "department");

  // A second run does not take the sums in its members' folder for members.
  fs::remove_all(dir + "/dept");
  const auto again =
      run_govreport({"sum", "--register", "agencies.csv", ".", "--out-dir", "sums"}, "", dir);
  CHECK(again.exit_code == 0);
  CHECK(json_file(dir + "/sums/city.json") == city);
  fs::remove_all(dir);
}

TEST_CASE("sum --check finds a planted mismatch at the node where it is", "[region][sum]") {
  const std::string dir = region();
  REQUIRE(run_govreport(sum_region("sums"), "", dir).exit_code == 0);
  const auto clean = run_govreport(check_region(), "", dir);
  CHECK(clean.exit_code == 0);
  CHECK(clean.out == "");
  CHECK(clean.err == "核对了 3 个汇总：0 处不一致\n");

  // 甲县's sum says 1371 received: found at 甲县, and the city's sum, which is right, is checked
  // against the reports and not blamed.
  const std::string a = read_file(dir + "/sums/a.json");
  write_file(dir + "/sums/a.json", replace_once(a, "\"total\": 1370}", "\"total\": 1371}"));
  const auto at_county = run_govreport(check_region(), "", dir);
  CHECK(at_county.exit_code == 1);
  CHECK(at_county.out ==
        "sums/a.json:20:142: 错误: 三·一、本年新收政府信息公开申请数量·总计 填报 1371，4 "
        "个成员报告合计 1370（差 +1） [rollup]\n");
  CHECK(at_county.err == "核对了 3 个汇总：1 处不一致\n");
  const auto english = run_govreport(
      {"--lang", "en", "--quiet", "sum", "--register", "agencies.csv", "--check", "sums", "2022"},
      "", dir);
  CHECK(english.out ==
        "sums/a.json:20:142: error: 三·一、本年新收政府信息公开申请数量·总计 is 1371, but its 4 "
        "members add up to 1370 (diff +1) [rollup]\n");
  write_file(dir + "/sums/a.json", a);

  // The city's fees one ten-thousandth of 万元 short: found at the city, in json.
  const std::string city = read_file(dir + "/sums/city.json");
  write_file(dir + "/sums/city.json",
             replace_once(city, "\"amount\": 3685.6547", "\"amount\": 3685.6546"));
  const auto at_city = run_govreport(check_region({"--format", "json", "--quiet"}), "", dir);
  CHECK(at_city.exit_code == 1);
  CHECK(at_city.err == "");
  const nlohmann::json j = nlohmann::json::parse(at_city.out);
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0]["file"] == "sums/city.json");
  CHECK(j["findings"][0]["rule"] == "rollup");
  CHECK(j["findings"][0]["pointer"] == "/proactive/fees/amount");
  CHECK(j["findings"][0]["expected"] == "3685.6547");
  CHECK(j["findings"][0]["actual"] == "3685.6546");
  CHECK(j["summary"]["files"] == 3);
  CHECK(j["summary"]["errors"] == 1);

  // A sum that is not supplied is said and not checked.
  fs::remove(dir + "/sums/b.json");
  const auto partial = run_govreport(check_region({"--format", "json"}), "", dir);
  CHECK(partial.exit_code == 1);
  CHECK(partial.err ==
        "注意：没有 乙县人民政府（b）的汇总 sums/b.json，未核对\n"
        "核对了 2 个汇总：1 处不一致\n");
  fs::remove_all(dir);
}

TEST_CASE("sum refuses members with errors unless --force, naming them", "[region][sum]") {
  const std::string dir = region();
  const std::string bad = dir + "/2022/甲县财政局.json";
  const std::string good = read_file(bad);
  write_file(bad, replace_once(good, "\"total\": 355}", "\"total\": 356}"));
  const auto refused = run_govreport({"sum", "2022"}, "", dir);
  CHECK(refused.exit_code == 1);
  CHECK(refused.out == "");
  CHECK(refused.err ==
        "govreport: 以下成员报告有错误，未汇总（用 govreport check 查看；--force 仍然汇总）："
        "2022/甲县财政局.json\n");
  const auto region_refused = run_govreport(sum_region("sums"), "", dir);
  CHECK(region_refused.exit_code == 1);
  CHECK(region_refused.err == refused.err);
  CHECK_FALSE(fs::exists(dir + "/sums"));
  const auto check_refused = run_govreport(check_region(), "", dir);
  CHECK(check_refused.exit_code == 1);
  CHECK(check_refused.err == refused.err);

  const auto forced = run_govreport({"sum", "2022", "--force", "--kind", "government"}, "", dir);
  CHECK(forced.exit_code == 0);
  CHECK(forced.err ==
        "注意：以下成员报告有错误（用 govreport check 查看）：2022/甲县财政局.json\n");
  CHECK(json_file(dir + "/2022/甲县财政局.json")["applications"]["received"]["total"] == 356);
  CHECK(nlohmann::json::parse(forced.out)["agency_kind"] == "government");
  CHECK(received(nlohmann::json::parse(forced.out)) == 2719);
  const auto region_forced = run_govreport(
      {"sum", "--register", "agencies.csv", "2022", "--out-dir", "sums", "--force"}, "", dir);
  CHECK(region_forced.exit_code == 0);
  CHECK(received(json_file(dir + "/sums/a.json")) == 1371);
  fs::remove_all(dir);
}

TEST_CASE("sum --register names why a region cannot be added up", "[region][sum]") {
  const std::string dir = region();
  auto register_with = [&](const std::string& rows) {
    write_file(dir + "/agencies.csv", project_file("tests/fixtures/region/agencies.csv") + rows);
  };

  // The register's own problems, at their lines: an unknown parent, a cycle (the agency below
  // the cycle is not on it).
  register_with(
      "c,丙县人民政府,,government,d\nd,丁县人民政府,,government,c\n"
      "c.1,丙县教育局,,department,c\ne,戊县人民政府,,government,x\n");
  const auto bad_register = run_govreport(sum_region("sums"), "", dir);
  CHECK(bad_register.exit_code == 2);
  CHECK(bad_register.out == "");
  CHECK(bad_register.err ==
        "agencies.csv:10:1: c 的上级关系成环：c → d → c\n"
        "agencies.csv:11:1: d 的上级关系成环：d → c → d\n"
        "agencies.csv:13:1: parent \"x\" 不在名册中\n"
        "govreport: agencies.csv: 机关名册有误，未使用\n");
  CHECK_FALSE(fs::exists(dir + "/sums"));

  // A county with a department and no report at any level: said, and no sum for it.
  register_with("c,丙县人民政府,,government,city\nc.1,丙县教育局,,department,c\n");
  const auto empty = run_govreport(sum_region("sums"), "", dir);
  CHECK(empty.exit_code == 0);
  CHECK(empty.err ==
        "注意：名册中的 丙县人民政府（c）没有报告，汇总中不含\n"
        "注意：名册中的 丙县教育局（c.1）没有报告，汇总中不含\n"
        "注意：丙县人民政府（c）及其下级机关都没有报告，没有汇总\n"
        "已写入 sums/a.json（甲县人民政府：4 份报告，逐级汇总）\n"
        "已写入 sums/b.json（乙县人民政府：3 份报告，逐级汇总）\n"
        "已写入 sums/city.json（某市人民政府：8 份报告，逐级汇总）\n");
  CHECK_FALSE(fs::exists(dir + "/sums/c.json"));
  CHECK(received(json_file(dir + "/sums/city.json")) == 2718);
  fs::remove_all(dir + "/sums");

  // A report whose agency is not in the register cannot be placed: nothing is written.
  register_with("");
  write_file(dir + "/2022/丙县人民政府.json",
             replace_once(read_file(dir + "/2022/甲县人民政府.json"),
                          "\"agency\": \"甲县人民政府\"", "\"agency\": \"丙县人民政府\""));
  const auto unknown = run_govreport(
      {"sum", "--register", "agencies.csv", "2022", "--out-dir", "sums", "--force"}, "", dir);
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err ==
        "govreport: "
        "以下报告的机关不在名册中，无法归入汇总：2022/丙县人民政府.json（丙县人民政府）\n");
  CHECK_FALSE(fs::exists(dir + "/sums"));

  // Two reports of one agency (one by a former name).
  fs::remove(dir + "/2022/丙县人民政府.json");
  write_file(dir + "/2022/乙县民政局-副本.json",
             replace_once(read_file(dir + "/2022/乙县教育局.json"), "\"agency\": \"乙县教育局\"",
                          "\"agency_id\": \"b.2\", \"agency\": \"乙县教育局\""));
  const auto twice = run_govreport(sum_region("sums"), "", dir);
  CHECK(twice.exit_code == 2);
  CHECK(twice.err ==
        "govreport: 2022/乙县民政和社会事务局.json 与 2022/乙县民政局-副本.json 都是 "
        "乙县民政局（b.2）的报告：每个机关只能有一份\n");
  fs::remove(dir + "/2022/乙县民政局-副本.json");

  // Reports of two years.
  const std::string a1 = dir + "/2022/甲县民政局.json";
  write_file(a1, replace_once(read_file(a1), "\"year\": 2022", "\"year\": 2021"));
  const auto years = run_govreport(sum_region("sums"), "", dir);
  CHECK(years.exit_code == 2);
  CHECK(years.err ==
        "govreport: 2022/甲县民政局.json 是 2021 年（2021 版格式）的报告，而 "
        "2022/乙县人民政府.json 是 2022 年（2021 版格式）的：只能汇总同一年度的报告\n");
  CHECK_FALSE(fs::exists(dir + "/sums"));

  // --out-dir is needed.
  const auto no_dir = run_govreport({"sum", "--register", "agencies.csv", "2022"}, "", dir);
  CHECK(no_dir.exit_code == 2);
  CHECK(no_dir.err == "govreport: --register 需要 --out-dir DIR：每个汇总写一个文件 DIR/ID.json\n");
  fs::remove_all(dir);
}
