// check --register: agencies known by identity across renamings, the year pairs compared and
// those left unpaired, and the agencies of the register without a report.

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using govreport::test::read_file;
using govreport::test::replace_once;
using govreport::test::run_govreport;
using govreport::test::split_lines;
using govreport::test::temp_dir;
using govreport::test::write_file;

const std::string kShared = GOVREPORT_SHARED_DIR;

// The lines of `text` that contain `needle`.
std::vector<std::string> lines_with(const std::string& text, const std::string& needle) {
  std::vector<std::string> out;
  for (const std::string& line : split_lines(text))
    if (line.find(needle) != std::string::npos) out.push_back(line);
  return out;
}

const std::string kRegister =
    R"({"agencies": [
  {"id": "hongze", "name": "淮安市洪泽区人民政府", "former_names": ["洪泽区人民政府"],
   "kind": "government"}
]}
)";

}  // namespace

TEST_CASE(
    "The Hongze 2023 and 2024 reports pair through the register's two spellings, and a planted "
    "carry-over error is found",
    "[register][import]") {
  const std::string pdf23 = kShared + "/corpus/hongze-gov-2023.pdf";
  const std::string pdf24 = kShared + "/corpus/hongze-gov-2024.pdf";
  if (!fs::exists(pdf23) || !fs::exists(pdf24)) {
    WARN("skipped: the Hongze reports are not in " << kShared << "/corpus");
    return;
  }
  const std::string dir = temp_dir();
  // Exit 1: each prints the 2019 single （六） row, whose split is to be given by hand.
  REQUIRE(run_govreport({"--quiet", "import", pdf23, "-o", "2023.json"}, "", dir).exit_code == 1);
  REQUIRE(fs::exists(fs::path(dir) / "2023.json"));
  // Exit 1: each prints the 2019 single （六） row, whose split is to be given by hand.
  REQUIRE(run_govreport({"--quiet", "import", pdf24, "-o", "2024.json"}, "", dir).exit_code == 1);
  REQUIRE(fs::exists(fs::path(dir) / "2024.json"));
  // Planted: 2024 says 7 applications were carried over from 2023 (and 7 fewer were received, so
  // that the year balances); 2023 carried none forward.
  const std::string rest =
      "\"commercial\": 0, \"research\": 0, \"social_welfare\": 0, \"legal_services\": 0, "
      "\"other\": 0, ";
  std::string y2024 = read_file(dir + "/2024.json");
  y2024 = replace_once(y2024, "\"carried_over\": {\"natural_person\": 0, " + rest + "\"total\": 0}",
                       "\"carried_over\": {\"natural_person\": 7, " + rest + "\"total\": 7}");
  y2024 = replace_once(y2024, "\"received\": {\"natural_person\": 95, " + rest + "\"total\": 95}",
                       "\"received\": {\"natural_person\": 88, " + rest + "\"total\": 88}");
  write_file(dir + "/2024.json", y2024);
  write_file(dir + "/agencies.json", kRegister);

  // Without the register the two names are two agencies: nothing is compared, and the summary
  // says so.
  const auto alone = run_govreport({"check", "2023.json", "2024.json"}, "", dir);
  CHECK(alone.exit_code == 1);
  CHECK(lines_with(alone.out, "[carry-over]").empty());
  CHECK(alone.err.ends_with(
      "未能与相邻年度配对的报告 2 个：\n"
      "  2023.json（洪泽区人民政府，2023 年）：没有同一机关相邻年度的报告（机关名称不同？可用名册 "
      "--register 或 agency_id 配对）\n"
      "  2024.json（淮安市洪泽区人民政府，2024 年）：没有同一机关相邻年度的报告（机关名称不同？"
      "可用名册 --register 或 agency_id 配对）\n"));

  const auto paired =
      run_govreport({"check", "2023.json", "2024.json", "--register", "agencies.json"}, "", dir);
  CHECK(paired.exit_code == 1);
  CHECK(lines_with(paired.out, "[carry-over]") ==
        std::vector<std::string>{
            "2024.json:56:40: 错误: 三·二、上年结转政府信息公开申请数量·自然人 填报 7，但 2023 "
            "年报告（2023.json）的 四、结转下年度继续办理·自然人 为 0（差 +7） [carry-over]",
            "2024.json:56:138: 错误: 三·二、上年结转政府信息公开申请数量·总计 填报 7，但 2023 "
            "年报告（2023.json）的 四、结转下年度继续办理·总计 为 0（差 +7） [carry-over]"});
  CHECK(
      paired.err.ends_with("  carry-over        错误             2         1\n"
                           "比较了 1 对相邻年度的报告：\n"
                           "  2023.json → 2024.json（淮安市洪泽区人民政府）\n"));

  // The two real 五 share two of their three measures word for word, yet are no copy.
  CHECK(lines_with(paired.out, "[copied-narrative]").empty());
  const auto diff = run_govreport({"diff", "2023.json", "2024.json"}, "", dir);
  CHECK(diff.exit_code == 0);
  CHECK(lines_with(diff.out, "五、存在的主要问题及改进情况") ==
        std::vector<std::string>{"  五、存在的主要问题及改进情况：57%（1 段 → 2 段）"});
  // 2024's 五 replaced by 2023's with its years moved on: copied.
  nlohmann::ordered_json copy = nlohmann::ordered_json::parse(read_file(dir + "/2024.json"));
  copy["problems"] = nlohmann::ordered_json::array();
  const nlohmann::json y2023 = nlohmann::json::parse(read_file(dir + "/2023.json"));
  for (const auto& p : y2023["problems"])
    copy["problems"].push_back(replace_once(p.get<std::string>(), "2023年", "2024年"));
  write_file(dir + "/2024.json", copy.dump(1));
  const auto copied =
      run_govreport({"check", "2023.json", "2024.json", "--register", "agencies.json"}, "", dir);
  CHECK(lines_with(copied.out, "[copied-narrative]") ==
        std::vector<std::string>{
            "2024.json:330:14: 警告: 五、存在的主要问题及改进情况 与 2023 年报告（2023.json）"
            "的几乎相同（相似度 100%） [copied-narrative]"});
  fs::remove_all(dir);
}

TEST_CASE(
    "check --register pairs by agency_id and former names, lists what it could not pair, and "
    "finds the agencies without a report",
    "[register]") {
  const std::string dir = govreport::test::two_years(temp_dir());
  // 2025 under a new name: the register knows both.
  write_file(dir + "/2025.json",
             replace_once(read_file(dir + "/2025.json"), "\"agency\": \"淮安市洪泽区人民政府\"",
                          "\"agency\": \"洪泽区政府\""));
  write_file(dir + "/agencies.json",
             "id,name,former_names,kind,parent,since\n"
             "hz,洪泽区政府,淮安市洪泽区人民政府,government,,\n"
             "hz.edu,洪泽区教育局,,department,hz,\n"
             "hz.new,洪泽区数据局,,department,hz,2025\n");
  const auto r = run_govreport(
      {"--lang", "en", "check", "2024.json", "2025.json", "--register", "agencies.json"}, "", dir);
  CHECK(r.exit_code == 1);
  CHECK(lines_with(r.out, "[carry-over]").size() == 2);
  CHECK(lines_with(r.out, "agencies.json") ==
        std::vector<std::string>{
            "agencies.json:3:1: warning: 洪泽区教育局 (hz.edu) in the register has no report for "
            "2024 [missing-report]",
            "agencies.json:3:1: warning: 洪泽区教育局 (hz.edu) in the register has no report for "
            "2025 [missing-report]",
            "agencies.json:4:1: warning: 洪泽区数据局 (hz.new) in the register has no report for "
            "2025 [missing-report]"});
  CHECK(
      r.err.ends_with("compared 1 pair of consecutive years:\n"
                      "  2024.json → 2025.json (洪泽区政府)\n"));

  // Without the register, agency_id pairs them too; a report of another agency is unpaired.
  write_file(dir + "/2024.json", replace_once(read_file(dir + "/2024.json"), "\"agency\": ",
                                              "\"agency_id\": \"hz\", \"agency\": "));
  write_file(dir + "/2025.json", replace_once(read_file(dir + "/2025.json"), "\"agency\": ",
                                              "\"agency_id\": \"hz\", \"agency\": "));
  write_file(dir + "/other-2024.json",
             replace_once(read_file(dir + "/2024.json"), "\"agency_id\": \"hz\", ", ""));
  const auto json = run_govreport({"--lang", "en", "check", ".", "--format", "json"}, "", dir);
  CHECK(json.exit_code == 1);
  const nlohmann::json summary = nlohmann::json::parse(json.out)["summary"];
  CHECK(summary["year_pairs"] == nlohmann::json::parse(R"([{"earlier": "./2024.json",
    "later": "./2025.json", "agency": "洪泽区政府", "year": 2025}])"));
  CHECK(summary["unpaired"] == nlohmann::json::parse(R"j([{"file": "./other-2024.json",
    "agency": "淮安市洪泽区人民政府", "year": 2024, "why": "no report of the same agency for a neighbouring year (another name? pair them with a register, --register, or agency_id)"}])j"));
  fs::remove_all(dir);
}

TEST_CASE("check --register refuses a register with errors, naming each place", "[register]") {
  const std::string dir = temp_dir();
  write_file(dir + "/agencies.json",
             "{\"agencies\": [\n  {\"id\": \"a\", \"name\": \"甲局\", \"parent\": \"z\"}\n]}\n");
  const auto r = run_govreport({"check", std::string(GOVREPORT_SOURCE_DIR) + "/data/2020.json",
                                "--register", "agencies.json"},
                               "", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err ==
        "agencies.json:2:3: parent \"z\" 不在名册中\n"
        "govreport: agencies.json: 机关名册有误，未使用\n");
  const auto missing = run_govreport({"check", "--register", "none.json", "x.json"}, "", dir);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "govreport: none.json: 无法打开：文件或目录不存在\n");
  fs::remove_all(dir);
}
