// Checking at scale through the real binary: findings formats, -j, sum, diff, schema, years.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "govreport/diagnostic.hpp"
#include "govreport/load.hpp"
#include "support.hpp"

namespace {

using govreport::test::replace_once;
using govreport::test::write_file;

namespace fs = std::filesystem;
using govreport::test::project_file;
using govreport::test::read_file;
using govreport::test::run_govreport;
using govreport::test::split_lines;
using govreport::test::temp_dir;

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Writes `count` generated reports into a new directory; returns it.
std::string generate(int count, unsigned seed, double errors = 0.01) {
  const std::string dir = temp_dir() + "/reports";
  const std::string command = std::string(GOVREPORT_GENERATOR) + " --count " +
                              std::to_string(count) + " --seed " + std::to_string(seed) +
                              " --errors " + std::to_string(errors) + " --out " + dir +
                              " 2>/dev/null";
  REQUIRE(std::system(command.c_str()) == 0);
  return dir;
}

}  // namespace

TEST_CASE(
    "A CI run over 1,000 generated reports points its github annotations at exactly the broken "
    "cells",
    "[scale][github]") {
  const std::string dir = generate(1000, 7);
  std::set<std::pair<std::string, std::string>> expected;  // file, line
  for (const std::string& row : lines(read_file(dir + "/manifest.tsv"))) {
    const auto tab1 = row.find('\t'), tab2 = row.rfind('\t');
    expected.insert({dir + "/" + row.substr(0, tab1), row.substr(tab2 + 1)});
  }
  REQUIRE(expected.size() >= 5);
  fs::remove(dir + "/manifest.tsv");

  const auto one = run_govreport({"check", dir, "--format", "github", "-j", "1"});
  const auto four = run_govreport({"check", dir, "--format", "github", "-j", "4"});
  CHECK(one.exit_code == 1);
  CHECK(four.exit_code == 1);
  CHECK(one.out == four.out);
  std::set<std::pair<std::string, std::string>> annotated;
  for (const std::string& line : lines(one.out)) {
    REQUIRE(line.starts_with("::error file="));
    CHECK(line.find("title=review-total::") != std::string::npos);
    const auto file_end = line.find(",line=");
    const auto line_end = line.find(",col=");
    annotated.insert(
        {line.substr(13, file_end - 13), line.substr(file_end + 6, line_end - file_end - 6)});
  }
  CHECK(annotated == expected);
  const std::string n = std::to_string(expected.size());
  // 250 agencies over four years: 750 pairs, 20 of them listed; none left unpaired.
  const std::string head = "检查了 1000 个文件：" + n + " 个错误，0 个警告（" + n +
                           " 个文件有错误，0 个文件有警告）\n"
                           "  规则          级别          个数    文件数\n"
                           "  review-total  错误    " +
                           std::string(10 - n.size(), ' ') + n + std::string(10 - n.size(), ' ') +
                           n + "\n比较了 750 对相邻年度的报告：\n";
  CHECK(one.err.starts_with(head));
  CHECK(split_lines(one.err).size() == 4 + 20 + 1);
  CHECK(one.err.ends_with("  …… 等 750 个（--format json 列出全部）\n"));
}

TEST_CASE("check --format json gives one record per finding and a summary", "[scale][json]") {
  const std::string dir = temp_dir();
  write_file(dir + "/bad.json",
             replace_once(project_file("data/2020.json"), "\"upheld\": 530,", "\"upheld\": 531,"));
  const auto r = run_govreport({"check", dir + "/bad.json", "--format", "json", "--lang", "en"});
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["findings"].size() == 1);
  const auto& f = j["findings"][0];
  CHECK(f["rule"] == "review-total");
  CHECK(f["severity"] == "error");
  CHECK(f["file"] == dir + "/bad.json");
  CHECK(f["line"] == 91);
  CHECK(f["column"] == 82);
  CHECK(f["pointer"] == "/reviews/review/total");
  CHECK(f["message"] == "四·行政复议·总计 is 530, but its columns add up to 531 (diff -1)");
  CHECK(f["expected"] == 531);
  CHECK(f["actual"] == 530);
  CHECK(j["summary"] == nlohmann::json::parse(R"({"files": 1, "errors": 1, "warnings": 0,
    "files_with_errors": 1, "files_with_warnings": 0,
    "rules": [{"rule": "review-total", "severity": "error", "findings": 1, "files": 1}]})"));
}

TEST_CASE("check --format junit has one test case per file, failures for files with errors",
          "[scale][junit]") {
  const std::string dir = temp_dir();
  write_file(dir + "/a-bad.json",
             replace_once(project_file("data/2020.json"), "\"upheld\": 530,", "\"upheld\": 531,"));
  write_file(dir + "/b-good.json", project_file("data/2020.json"));
  const auto r = run_govreport({"check", dir, "--format", "junit"});
  CHECK(r.exit_code == 1);
  CHECK(
      r.out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"govreport "
                        "check\" tests=\"2\" failures=\"1\""));
  CHECK(r.out.find(
            "<testcase classname=\"govreport.check\" name=\"" + dir +
            "/a-bad.json\">\n      <failure type=\"error\" message=\"1 errors, 0 warnings\">") !=
        std::string::npos);
  CHECK(r.out.find("<testcase classname=\"govreport.check\" name=\"" + dir +
                   "/b-good.json\"></testcase>") != std::string::npos);
}

TEST_CASE("check --quiet prints only findings; --strict fails on warnings", "[scale]") {
  const auto quiet = run_govreport({"check", "--quiet", "data/2020.json"});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
  CHECK(run_govreport({"check", "--quiet", "--strict", "data/examples"}).exit_code == 1);
}

TEST_CASE("check - reports findings of standard input as <stdin>", "[scale]") {
  const auto r = run_govreport(
      {"check", "-", "--quiet"},
      replace_once(project_file("data/2020.json"), "\"upheld\": 530,", "\"upheld\": 531,"));
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "<stdin>:91:82: 错误: 四·行政复议·总计 填报 530，各列合计 531（差 -1） [review-total]\n");
}

TEST_CASE("check compares consecutive years of one agency and points at the later file",
          "[scale][carry-over]") {
  const std::string dir = temp_dir();
  const std::string y2024 = project_file("data/examples/hongze-gov-2024.json");
  std::string y2025 = replace_once(y2024, "\"year\": 2024", "\"year\": 2025");
  y2025 = replace_once(y2025, "\"in_force\": 8}", "\"in_force\": 11}");
  // One application moves from 一 to 二: 2025 adds up, but 2024 carried none forward.
  y2025 =
      replace_once(y2025,
                   "\"carried_over\": {\"natural_person\": 0, \"commercial\": 0, \"research\": 0, "
                   "\"social_welfare\": 0, \"legal_services\": 0, \"other\": 0, \"total\": 0}",
                   "\"carried_over\": {\"natural_person\": 1, \"commercial\": 0, \"research\": 0, "
                   "\"social_welfare\": 0, \"legal_services\": 0, \"other\": 0, \"total\": 1}");
  y2025 =
      replace_once(y2025,
                   "\"received\": {\"natural_person\": 95, \"commercial\": 0, \"research\": 0, "
                   "\"social_welfare\": 0, \"legal_services\": 0, \"other\": 0, \"total\": 95}",
                   "\"received\": {\"natural_person\": 94, \"commercial\": 0, \"research\": 0, "
                   "\"social_welfare\": 0, \"legal_services\": 0, \"other\": 0, \"total\": 94}");
  write_file(dir + "/2024.json", y2024);
  write_file(dir + "/2025.json", y2025);
  const auto r = run_govreport({"check", dir, "--quiet"});
  CHECK(r.exit_code == 1);
  const auto out = lines(r.out);
  // The narrative warnings of both files first, then the cross-year findings of 2025 (自然人,
  // 总计, and 五 copied from 2024).
  REQUIRE(out.size() == 5);
  CHECK(out[2] == dir +
                      "/2025.json:57:40: 错误: 三·二、上年结转政府信息公开申请数量·自然人 填报 "
                      "1，但 2024 年报告（" +
                      dir +
                      "/2024.json）的 四、结转下年度继续办理·自然人 为 0（差 +1） [carry-over]");
  CHECK(out[3].starts_with(
      dir + "/2025.json:57:138: 错误: 三·二、上年结转政府信息公开申请数量·总计 填报 1"));
  CHECK(out[4] == dir + "/2025.json:97:15: 警告: 五、存在的主要问题及改进情况 与 2024 年报告（" +
                      dir + "/2024.json）的几乎相同（相似度 100%） [copied-narrative]");
}

TEST_CASE("sum of generated reports of one year equals their cell-wise sum", "[scale][sum]") {
  const std::string dir = generate(12, 3, 0);
  std::vector<std::string> members;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().string().ends_with("-2021.json")) members.push_back(e.path().string());
  REQUIRE(members.size() == 3);
  const std::string out = temp_dir() + "/sum.json";
  std::vector<std::string> args = {"sum", "--agency", "测试市", "-o", out};
  args.insert(args.end(), members.begin(), members.end());
  const auto r = run_govreport(args);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "已写入 " + out + "（3 个成员报告之和）\n");
  const auto sum = govreport::load_report(read_file(out), out);
  REQUIRE(sum.report);
  CHECK(sum.report->agency == "测试市");
  std::vector<std::int64_t> expected(sum.report->cells.size(), 0);
  for (const std::string& m : members) {
    const auto member = govreport::load_report(read_file(m), m);
    for (std::size_t i = 0; i < expected.size(); ++i) expected[i] += member.report->cells[i].value;
  }
  for (std::size_t i = 0; i < expected.size(); ++i)
    CHECK(sum.report->cells[i].value == expected[i]);
  // A summary that matches passes sum --check; one changed cell is a rollup error.
  std::vector<std::string> check = {"sum", "--check", out};
  check.insert(check.end(), members.begin(), members.end());
  CHECK(run_govreport(check).exit_code == 0);
}

TEST_CASE("sum refuses a mix of years with a clear message and writes nothing", "[scale][sum]") {
  const std::string out = temp_dir() + "/sum.json";
  const auto r =
      run_govreport({"sum", "data/2020.json", "data/examples/hongze-gov-2024.json", "-o", out});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "govreport: data/examples/hongze-gov-2024.json 是 2024 年（2021 版格式）的报告，而 "
        "data/2020.json 是 2020 年（2019 "
        "版格式）的：只能汇总同一年、同一版格式的报告\n");
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("sum --check lists every cell where the summary is not the sum", "[scale][rollup]") {
  const std::string dir = temp_dir();
  write_file(dir + "/summary.json",
             replace_once(project_file("data/2020.json"), "\"upheld\": 530,", "\"upheld\": 1060,"));
  // Two members with the same figures: two copies (one file given twice counts once).
  write_file(dir + "/a.json", project_file("data/2020.json"));
  write_file(dir + "/b.json", project_file("data/2020.json"));
  const auto r =
      run_govreport({"sum", "--check", dir + "/summary.json", dir + "/a.json", dir + "/b.json"});
  CHECK(r.exit_code == 1);
  const auto out = lines(r.out);
  CHECK(out.size() == 48);  // the 49 numbers of data/2020.json that are not 0, but for 结果维持
  CHECK(std::find(out.begin(), out.end(),
                  dir + "/summary.json:91:83: 错误: 四·行政复议·总计 填报 530，2 个成员报告合计 "
                        "1060（差 -530） [rollup]") != out.end());
}

TEST_CASE("diff prints each changed cell with old, new, difference and ratio", "[scale][diff]") {
  const std::string dir = temp_dir();
  write_file(dir + "/new.json",
             replace_once(project_file("data/2020.json"), "\"upheld\": 530,", "\"upheld\": 265,"));
  const auto r = run_govreport({"diff", "data/2020.json", dir + "/new.json"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "警告：两份报告是同一年度（2020 年）的\ndata/2020.json → " + dir +
                     "/new.json：比较了 198 个单元格，1 个有变化\n  四·行政复议·结果维持: 530 → "
                     "265 (-265, ×0.50)\n"
                     "比率（旧 → 新）：\n"
                     "  公开率：0.29% → 0.29%（+0.00 个百分点）\n"
                     "  不予公开率：0.11% → 0.11%（+0.00 个百分点）\n"
                     "  行政复议纠错率：0.00% → 0.00%（+0.00 个百分点）\n"
                     "  行政诉讼纠错率：0.00% → 0.00%（+0.00 个百分点）\n"
                     "叙述逐部分对照（相似度；逐段对齐，相同的段落不列出）：\n"
                     "  开头说明：100%（1 段 → 1 段）\n"
                     "  一、总体情况：100%（11 段 → 11 段）\n"
                     "  五、存在的主要问题及改进情况：100%（2 段 → 2 段）\n"
                     "  六、其他需要报告的事项：100%（2 段 → 2 段）\n");
  const auto j = nlohmann::json::parse(
      run_govreport({"diff", "data/2020.json", dir + "/new.json", "--format", "json"}).out);
  CHECK(j["compared"] == 198);
  CHECK(j["changed"][0] == nlohmann::json{{"pointer", "/reviews/review/upheld"},
                                          {"name", "四·行政复议·结果维持"},
                                          {"old", "530"},
                                          {"new", "265"},
                                          {"difference", "-265"},
                                          {"ratio", 0.5}});
}

TEST_CASE("diff lists the cells of one edition only as not comparable", "[scale][diff]") {
  const auto r = run_govreport(
      {"diff", "data/2020.json", "data/examples/hongze-gov-2024.json", "--lang", "en"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(
            "not comparable (only in the 2019 edition, 26 cells):\n  二·规章·本年新制作数量\n") !=
        std::string::npos);
  CHECK(r.out.find("not comparable (only in the 2021 edition, 28 cells):\n") != std::string::npos);
}

TEST_CASE("schema prints a draft 2020-12 schema of the chosen edition", "[scale][schema]") {
  const auto r = run_govreport({"schema", "--edition", "2019"});
  CHECK(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  CHECK(j["properties"]["format"]["const"] == "2019");
  CHECK(
      j["properties"]["proactive"]["properties"]["procurement"]["properties"]["amount"]["title"] ==
      "采购总金额");
  CHECK(j["properties"]["applications"]["properties"]["results"]["title"] == "三、本年度办理结果");
  CHECK(run_govreport({"schema", "--edition", "2018"}).exit_code == 2);
}

TEST_CASE("init names the schema in $schema and writes it beside the file", "[scale][schema]") {
  const std::string dir = temp_dir();
  const auto r = run_govreport({"init", "--year", "2024", "-o", dir + "/2024.json"});
  CHECK(r.exit_code == 0);
  CHECK(read_file(dir + "/2024.json")
            .starts_with("{\n  \"$schema\": \"govreport-2021.schema.json\",\n  \"year\": 2024,"));
  CHECK(read_file(dir + "/govreport-2021.schema.json") ==
        run_govreport({"schema", "--edition", "2021"}).out);
}

TEST_CASE("docs/rules.md describes every rule of the catalogue, in its order", "[docs]") {
  const std::string doc = project_file("docs/rules.md");
  std::size_t last = 0;
  for (const govreport::RuleInfo& r : govreport::rules()) {
    const std::string row = "| `" + std::string(r.id) + "` | " +
                            (r.severity == govreport::Severity::Error ? "error" : "warning") + " |";
    const std::size_t at = doc.find(row);
    INFO(row);
    REQUIRE(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
}
