// Many files at once, as a supervising office runs them: build --keep-going, the check summary
// by rule, grouped blank cells, one JUnit case per file, schema files beside the data, and
// outputs whose folders are made and checked before the work.

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
using govreport::test::split_lines;
using govreport::test::temp_dir;
using govreport::test::write_file;

// data/2020.json with one review-total error.
std::string review_error() {
  return replace_once(project_file("data/2020.json"), "\"upheld\": 530,", "\"upheld\": 531,");
}

// The path of data/2020.json.
std::string reference() { return std::string(GOVREPORT_SOURCE_DIR) + "/data/2020.json"; }

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("build --keep-going builds every valid input, lists the skipped ones and exits 1",
          "[batch][build]") {
  const std::string dir = temp_dir();
  write_file(dir + "/a.json", project_file("data/2020.json"));
  write_file(dir + "/b.json", review_error());
  write_file(dir + "/c.json", project_file("data/2020.json"));
  const auto r = run_govreport({"build", "a.json", "b.json", "c.json", "--out-dir", "site", "-f",
                                "markdown", "--keep-going"},
                               "", dir);
  CHECK(r.exit_code == 1);
  CHECK(r.out == "");
  CHECK(r.err ==
        "b.json:91:82: 错误: 四·行政复议·总计 填报 530，各列合计 531（差 -1） [review-total]\n"
        "已写入 site/a.md\n"
        "已写入 site/c.md\n"
        "govreport: 跳过了 1 个输入（有错误或无法读取），未生成：\n"
        "  b.json（1 个错误）\n");
  CHECK(files_in(dir + "/site") == std::vector<std::string>{"a.md", "c.md"});
  CHECK(read_file(dir + "/site/a.md") == project_file("tests/golden/ningxia-2020/expected.md"));

  // Without it, nothing is written at all; an unreadable input makes the exit status 2.
  const auto refused =
      run_govreport({"build", "a.json", "b.json", "--out-dir", "out", "-f", "markdown"}, "", dir);
  CHECK(refused.exit_code == 1);
  CHECK_FALSE(fs::exists(dir + "/out"));
  const auto missing = run_govreport({"--lang", "en", "build", "a.json", "gone.json", "--out-dir",
                                      "out2", "-f", "markdown", "--keep-going"},
                                     "", dir);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err ==
        "govreport: gone.json: cannot open: no such file or directory\n"
        "wrote out2/a.md\n"
        "govreport: skipped 1 input (errors, or unreadable); not built:\n"
        "  gone.json (unreadable)\n");
  CHECK(files_in(dir + "/out2") == std::vector<std::string>{"a.md"});
  // --force and --keep-going say opposite things.
  CHECK(run_govreport({"build", "a.json", "--force", "--keep-going"}, "", dir).exit_code == 2);
  fs::remove_all(dir);
}

TEST_CASE("check text output gives the blank cells of one row, then of one column, one line",
          "[batch][blank-cell]") {
  // Row 三（一）予以公开 blank but for 自然人; 其他 blank in three further rows.
  std::string data = project_file("data/2020.json");
  data = replace_once(data,
                      "\"granted\": {\"natural_person\": 10, \"commercial\": 0, \"research\": 0, "
                      "\"social_welfare\": 0, \"legal_services\": 0, \"other\": 0, \"total\": 10}",
                      "\"granted\": {\"natural_person\": 10, \"commercial\": null, \"research\": "
                      "null, \"social_welfare\": null, \"legal_services\": null, \"other\": null, "
                      "\"total\": null}");
  for (const std::string row : {"\"complaint\"", "\"repeated\"", "\"publication\""}) {
    const std::size_t at = data.find(row);
    const std::size_t other = data.find("\"other\": 0", at);
    data.replace(other, 10, "\"other\": null");
  }
  const std::string dir = temp_dir();
  write_file(dir + "/blank.json", data);
  const auto r = run_govreport({"check", "blank.json", "--quiet"}, "", dir);
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "blank.json:61:55: 错误: 三（一）予以公开 有 6 个单元格为空白（商业企业、科研机构、"
        "社会公益组织、法律服务机构、其他、总计）；没有请填 0 [blank-cell]\n"
        "blank.json:79:127: 错误: “其他”一列有 3 个单元格为空白（三（五）1.信访举报投诉类申请、"
        "三（五）2.重复申请、三（五）3.要求提供公开出版物）；没有请填 0 [blank-cell]\n");
  // The machine formats keep every finding.
  const auto json = nlohmann::json::parse(
      run_govreport({"check", "blank.json", "--format", "json"}, "", dir).out);
  CHECK(json["findings"].size() == 9);
  CHECK(json["summary"]["rules"] == nlohmann::json::parse(
                                        R"([{"rule": "blank-cell", "severity": "error",
                                              "findings": 9, "files": 1}])"));
  fs::remove_all(dir);
}

TEST_CASE("check's summary counts files with errors and warnings, by rule, in json and sarif",
          "[batch][summary]") {
  const std::string dir = govreport::test::two_years(temp_dir());
  write_file(dir + "/other.json", review_error());
  const auto text = run_govreport({"--lang", "en", "check", "."}, "", dir);
  CHECK(text.exit_code == 1);
  CHECK(text.err ==
        "checked 3 files: 3 errors, 3 warnings (2 files with errors, 2 with warnings)\n"
        "  rule              severity  findings     files\n"
        "  review-total      error            1         1\n"
        "  narrative-number  warning          2         2\n"
        "  carry-over        error            2         1\n"
        "  copied-narrative  warning          1         1\n"
        "compared 1 pair of consecutive years:\n"
        "  ./2024.json → ./2025.json (淮安市洪泽区人民政府)\n");
  const auto sarif =
      nlohmann::json::parse(run_govreport({"check", ".", "--format", "sarif"}, "", dir).out);
  CHECK(sarif["runs"][0]["properties"]["summary"] == nlohmann::json::parse(R"({
    "files": 3, "errors": 3, "warnings": 3, "files_with_errors": 2, "files_with_warnings": 2,
    "rules": [
      {"rule": "review-total", "severity": "error", "findings": 1, "files": 1},
      {"rule": "narrative-number", "severity": "warning", "findings": 2, "files": 2},
      {"rule": "carry-over", "severity": "error", "findings": 2, "files": 1},
      {"rule": "copied-narrative", "severity": "warning", "findings": 1, "files": 1}],
    "year_pairs": [{"earlier": "./2024.json", "later": "./2025.json",
                    "agency": "淮安市洪泽区人民政府", "year": 2025}]})"));
  fs::remove_all(dir);
}

TEST_CASE("JUnit has one test case per file; findings across years join the later file's",
          "[batch][junit]") {
  const std::string dir = govreport::test::two_years(temp_dir());
  const auto r = run_govreport({"check", ".", "--format", "junit", "--quiet"}, "", dir);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("<testsuites name=\"govreport check\" tests=\"2\" failures=\"1\" "
                   "errors=\"0\">") != std::string::npos);
  // 2025.json: its own warning and the two carry-over errors, in one case.
  CHECK(r.out.find("<testcase classname=\"govreport.check\" name=\"./2025.json\">\n      "
                   "<failure type=\"error\" message=\"2 errors, 1 warnings\">./2025.json:24:119: "
                   "警告: ") != std::string::npos);
  std::size_t cases = 0;
  for (std::size_t at = r.out.find("<testcase "); at != std::string::npos;
       at = r.out.find("<testcase ", at + 1))
    ++cases;
  CHECK(cases == 2);
  fs::remove_all(dir);
}

TEST_CASE("check and sum skip the JSON Schema that init writes beside a data file",
          "[batch][schema]") {
  const std::string dir = temp_dir();
  REQUIRE(run_govreport({"init", "--year", "2020", "-o", "data/2020.json", "--force"}, "", dir)
              .exit_code == 0);
  CHECK(files_in(dir + "/data") ==
        std::vector<std::string>{"2020.json", "govreport-2019.schema.json"});
  write_file(dir + "/data/2020.json", project_file("data/2020.json"));
  const auto r = run_govreport({"check", "data"}, "", dir);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "");
  CHECK(r.err == "检查了 1 个文件：0 个错误，0 个警告\n");
  // Named on the command line, it is skipped with a note.
  const auto named =
      run_govreport({"check", "data/govreport-2019.schema.json", "data/2020.json"}, "", dir);
  CHECK(named.exit_code == 0);
  CHECK(named.err ==
        "注意：data/govreport-2019.schema.json 是 JSON Schema，不是报告数据，已跳过\n"
        "检查了 1 个文件：0 个错误，0 个警告\n");
  const auto sum = run_govreport({"sum", "data", "--agency", "合计"}, "", dir);
  CHECK(sum.exit_code == 0);
  CHECK(sum.err == "");
  CHECK(sum.out.find("\"agency\": \"合计\"") != std::string::npos);
  // build and diff are given files to read as reports: a schema is refused, saying what it is.
  const auto build = run_govreport({"build", "data/govreport-2019.schema.json"}, "", dir);
  CHECK(build.exit_code == 2);
  CHECK(build.err == "govreport: data/govreport-2019.schema.json: 是 JSON Schema，不是报告数据\n");
  const auto diff =
      run_govreport({"diff", "data/govreport-2019.schema.json", "data/2020.json"}, "", dir);
  CHECK(diff.exit_code == 2);
  CHECK(diff.err == "govreport: data/govreport-2019.schema.json: 是 JSON Schema，不是报告数据\n");
  fs::remove_all(dir);
}

TEST_CASE("An output file makes its folder, and a bad -o is refused before any work",
          "[batch][output]") {
  const std::string dir = temp_dir();
  write_file(dir + "/file", "x");
  // The source does not exist: the output is refused first, as it is checked first.
  const auto import =
      run_govreport({"import", "no-such-report.pdf", "-o", "file/2023.json"}, "", dir);
  CHECK(import.exit_code == 2);
  CHECK(import.err == "govreport: file/2023.json: 无法写入：路径中有一段不是目录\n");
  const auto sum = run_govreport({"sum", reference(), "-o", "file/s.json"}, "", dir);
  CHECK(sum.exit_code == 2);
  CHECK(sum.err == "govreport: file/s.json: 无法写入：路径中有一段不是目录\n");
  // Folders are made as --out-dir makes them.
  CHECK(run_govreport({"schema", "-o", "a/b/schema.json"}, "", dir).exit_code == 0);
  CHECK(run_govreport({"init", "--year", "2024", "-o", "c/2024.json"}, "", dir).exit_code == 0);
  CHECK(run_govreport({"sum", reference(), "-o", "d/sum.json"}, "", dir).exit_code == 0);
  CHECK(files_in(dir) == std::vector<std::string>{"a", "c", "d", "file"});
  CHECK(files_in(dir + "/c") ==
        std::vector<std::string>{"2024.json", "govreport-2021.schema.json"});
  fs::remove_all(dir);
}
