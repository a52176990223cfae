// Runs the real govreport binary: exit codes, standard output and standard error.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/edition.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "support.hpp"

namespace {

using govreport::test::split_lines;
using govreport::test::write_file;

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using govreport::test::project_file;
using govreport::test::read_file;
using govreport::test::run_govreport;
using govreport::test::temp_dir;

const std::string kHongze = "data/examples/hongze-gov-2024.json";
const std::string kHongzeWarning =
    "data/examples/hongze-gov-2024.json:24:119: 警告: 正文说申请 17 件，但表三 一、本年新收 总计为 "
    "95（一+二 为 95） "
    "[narrative-number]\n";

// data/2020.json with litigation_direct 维持 6 changed to 5: one review-total error, nothing else.
const std::string kReviewFinding =
    ":92:91: 错误: 四·行政诉讼·未经复议直接起诉·总计 填报 6，各列合计 5（差 +1） [review-total]\n";
const std::string kReviewFindingEn =
    ":92:91: error: 四·行政诉讼·未经复议直接起诉·总计 is 6, but its columns add up to 5 (diff +1) "
    "[review-total]\n";

std::string golden(const std::string& name) { return project_file("tests/golden/" + name); }

// A number right-aligned in `width` columns.
std::string fmt_right(std::size_t n, std::size_t width) {
  const std::string s = std::to_string(n);
  return std::string(width > s.size() ? width - s.size() : 0, ' ') + s;
}

// Returns data/2020.json with the one occurrence of `from` replaced by `to`.
std::string mutated_2020(const std::string& from, const std::string& to) {
  std::string text = project_file("data/2020.json");
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string review_error_data() {
  return mutated_2020("\"litigation_direct\": {\"upheld\": 6,",
                      "\"litigation_direct\": {\"upheld\": 5,");
}

// Renders a project data file in-process: what build must write, whatever the renderer's own
// golden tests say about it.
std::string rendered(const std::string& relative, const std::string& format) {
  const govreport::LoadResult loaded = govreport::load_report(project_file(relative), relative);
  REQUIRE(loaded.report.has_value());
  return govreport::format_by_name(format)->render(*loaded.report);
}

// Says whether two documents are equal; if not, reports their first differing line (the whole
// documents are too long to print).
bool same_text(const std::string& actual, const std::string& expected) {
  if (actual == expected) return true;
  const std::vector<std::string> got = split_lines(actual), want = split_lines(expected);
  for (std::size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
    const std::string g = i < got.size() ? got[i] : "<end>",
                      w = i < want.size() ? want[i] : "<end>";
    if (g != w) {
      UNSCOPED_INFO("line " << i + 1 << "\n  expected: " << w << "\n  actual:   " << g);
      return false;
    }
  }
  UNSCOPED_INFO("the documents differ in their line ends");
  return false;
}

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + what.size()))
    ++n;
  return n;
}

}  // namespace

// --- global options ---------------------------------------------------------------------------

TEST_CASE("The --version flag prints the version and exits 0", "[cli]") {
  const auto r = run_govreport({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "govreport 0.1.0\n");
  CHECK(r.err == "");
}

const std::vector<std::string> kCommandNames = {"build",  "check", "import", "init", "rules",
                                                "schema", "sum",   "diff",   "stats"};

TEST_CASE("The --help flag exits 0 and lists every subcommand, in Chinese by default", "[cli]") {
  const auto r = run_govreport({"--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  const std::vector<std::string> lines = split_lines(r.out);
  REQUIRE(lines.size() > 3);
  CHECK(lines[0] ==
        "govreport — 依国务院规定的格式（2019 年版或 2021 年版），由 JSON "
        "数据生成并检查政府信息公开工作年度报告。");
  CHECK(lines[1] == "用法: govreport [选项] 命令");
  CHECK(std::count(lines.begin(), lines.end(),
                   "  check                         按格式的全部勾稽规则检查数据文件") == 1);
  CHECK(std::count(lines.begin(), lines.end(),
                   "  --lang zh|en                  消息与帮助的语言：zh（默认）或 en") == 1);
  CHECK(lines.back() == "运行 govreport 命令 --help 查看该命令的选项；加 --lang en 显示英文帮助。");
  for (const std::string& name : kCommandNames) {
    INFO(name);
    CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
            return l.rfind("  " + name + " ", 0) == 0;
          }) == 1);
  }
}

TEST_CASE("The help is in English with --lang en, before or after --help", "[cli]") {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--lang", "en", "--help"}, {"--help", "--lang=en"}}) {
    const auto r = run_govreport(args);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    const std::vector<std::string> lines = split_lines(r.out);
    REQUIRE(lines.size() > 3);
    CHECK(lines[1] == "Usage: govreport [OPTIONS] SUBCOMMAND");
    CHECK(std::count(lines.begin(), lines.end(),
                     "  check                         Check data files against every consistency "
                     "rule of the format") == 1);
    CHECK(lines.back() == "Run 'govreport COMMAND --help' for a command's options.");
  }
}

namespace {

// The descriptions of a help text's positionals and options: what follows the name column.
std::vector<std::string> option_descriptions(const std::string& help) {
  std::vector<std::string> out;
  bool in_list = false;
  for (const std::string& line : split_lines(help)) {
    if (line.empty()) {
      in_list = false;
      continue;
    }
    if (line == "参数:" || line == "选项:" || line == "Positionals:" || line == "Options:") {
      in_list = true;
      continue;
    }
    // The name column is 32 wide; a longer name puts its description on the next line.
    if (in_list && line.size() > 32 && line.compare(30, 2, "  ") == 0 && line[32] != ' ')
      out.push_back(line.substr(32));
  }
  return out;
}

bool has_chinese(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0xE3; });
}

}  // namespace

TEST_CASE("Every command's help is in the language asked for", "[cli]") {
  for (const std::string& name : kCommandNames) {
    INFO(name);
    const auto zh = run_govreport({name, "--help"});
    const auto en = run_govreport({"--lang", "en", name, "--help"});
    REQUIRE(zh.exit_code == 0);
    REQUIRE(en.exit_code == 0);
    CHECK(split_lines(zh.out).at(1).rfind("用法: govreport " + name + " [选项]", 0) == 0);
    CHECK(split_lines(en.out).at(1).rfind("Usage: govreport " + name + " [OPTIONS]", 0) == 0);
    CHECK_THAT(zh.out, Contains("\n  -h,--help                     显示本帮助并退出\n"));
    CHECK_THAT(en.out,
               Contains("\n  -h,--help                     Print this help message and exit\n"));
    const std::vector<std::string> zh_lines = option_descriptions(zh.out);
    const std::vector<std::string> en_lines = option_descriptions(en.out);
    CHECK(zh_lines.size() == en_lines.size());
    for (const std::string& line : zh_lines) {
      INFO(line);
      CHECK(has_chinese(line));
    }
    for (const std::string& line : en_lines) {
      INFO(line);
      CHECK(std::isalnum(static_cast<unsigned char>(line.front())) != 0);
    }
    // The footer too: its examples come after a heading in the same language.
    CHECK_THAT(zh.out, Contains("\n示例：\n"));
    CHECK_THAT(en.out, Contains("\nExamples:\n"));
  }
  CHECK_THAT(run_govreport({"check", "--help"}).out,
             Contains("\n  --strict                      有警告也以 1 退出\n"));
  CHECK_THAT(run_govreport({"check", "--help", "--lang", "en"}).out,
             Contains("\n  --strict                      Exit 1 on warnings too\n"));
}

TEST_CASE("An unknown flag after a subcommand exits 2 and names the flag", "[cli]") {
  const auto r = run_govreport({"check", "--bogus"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err ==
        "govreport: The following argument was not expected: --bogus\n运行 govreport --help "
        "查看用法。\n");
}

TEST_CASE("An unknown flag without a subcommand exits 2 and names the flag", "[cli]") {
  const auto r = run_govreport({"--bogus"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK_THAT(r.err, StartsWith("govreport: "));
  CHECK_THAT(r.err, Contains("--bogus"));
}

TEST_CASE("No subcommand exits 2 and says one is required", "[cli]") {
  const auto r = run_govreport({});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "govreport: A subcommand is required\n运行 govreport --help 查看用法。\n");
}

TEST_CASE("An unknown subcommand exits 2 and names it", "[cli]") {
  const auto r = run_govreport({"publish"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK_THAT(r.err, Contains("publish"));
}

// --- check ------------------------------------------------------------------------------------

TEST_CASE("check without a path checks every data file under data/ and exits 0", "[cli]") {
  std::size_t files = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(std::string(GOVREPORT_SOURCE_DIR) + "/data"))
    if (entry.is_regular_file() && entry.path().extension() == ".json") ++files;
  const auto r = run_govreport({"check"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains(kHongzeWarning));
  // The examples' warnings are all narrative-number, one per file that has one.
  const std::size_t warnings = split_lines(r.out).size();
  CHECK(r.err == "检查了 " + std::to_string(files) + " 个文件：0 个错误，" +
                     std::to_string(warnings) + " 个警告（0 个文件有错误，" +
                     std::to_string(warnings) +
                     " 个文件有警告）\n"
                     "  规则              级别          个数    文件数\n"
                     "  narrative-number  警告    " +
                     fmt_right(warnings, 10) + fmt_right(warnings, 10) + "\n");
}

TEST_CASE("check of a clean file prints nothing but the summary", "[cli]") {
  const auto r = run_govreport({"check", "data/2020.json"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "");
  CHECK(r.err == "检查了 1 个文件：0 个错误，0 个警告\n");
}

TEST_CASE("check of a missing file exits 2 and names the file", "[cli]") {
  const auto r = run_govreport({"check", "no-such-report.json"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err ==
        "govreport: no-such-report.json: 无法打开：文件或目录不存在\n"
        "检查了 1 个文件：0 个错误，0 个警告，1 个无法读取\n");

  const auto en = run_govreport({"--lang", "en", "check", "no-such-report.json"});
  CHECK(en.exit_code == 2);
  CHECK(en.err ==
        "govreport: no-such-report.json: cannot open: no such file or directory\n"
        "checked 1 file: 0 errors, 0 warnings, 1 unreadable\n");
}

TEST_CASE("check of a file with an error exits 1 and prints the finding at its line and column",
          "[cli]") {
  const std::string dir = temp_dir();
  write_file(dir + "/bad.json", review_error_data());

  const auto zh = run_govreport({"check", "bad.json"}, "", dir);
  CHECK(zh.exit_code == 1);
  CHECK(zh.out == "bad.json" + kReviewFinding);
  CHECK(zh.err == "检查了 1 个文件：1 个错误，0 个警告\n");

  const auto en = run_govreport({"check", "bad.json", "--lang", "en"}, "", dir);
  CHECK(en.exit_code == 1);
  CHECK(en.out == "bad.json" + kReviewFindingEn);
  CHECK(en.err == "checked 1 file: 1 error, 0 warnings\n");
  fs::remove_all(dir);
}

TEST_CASE("check prints the results-total finding of the design in both languages", "[cli]") {
  const std::string dir = temp_dir();
  write_file(dir + "/bad.json", mutated_2020("\"total\": {\"natural_person\": 4441",
                                             "\"total\": {\"natural_person\": 4440"));

  const auto zh = run_govreport({"check", "bad.json"}, "", dir);
  CHECK(zh.exit_code == 1);
  CHECK_THAT(zh.out, Contains("bad.json:86:35: 错误: 三（七）总计·自然人 填报 4440，各项合计 "
                              "4441（差 -1）（另有 2 条结果随之而来） [results-total]\n"));

  const auto en = run_govreport({"--lang", "en", "check", "bad.json"}, "", dir);
  CHECK(en.exit_code == 1);
  CHECK_THAT(en.out, Contains("bad.json:86:35: error: 三（七）总计·自然人 is 4440, but its rows "
                              "add up to 4441 (diff -1) (2 more findings follow from it) "
                              "[results-total]\n"));
  fs::remove_all(dir);
}

TEST_CASE("check --strict exits 1 on warnings, plain check exits 0", "[cli]") {
  const auto plain = run_govreport({"check", kHongze});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out == kHongzeWarning);
  CHECK(plain.err == "检查了 1 个文件：0 个错误，1 个警告\n");

  const auto strict = run_govreport({"check", "--strict", kHongze});
  CHECK(strict.exit_code == 1);
  CHECK(strict.out == kHongzeWarning);
  CHECK(strict.err == "检查了 1 个文件：0 个错误，1 个警告\n");
}

TEST_CASE("check of a directory checks every *.json below it, sorted, and nothing else", "[cli]") {
  const std::string dir = temp_dir();
  fs::create_directories(dir + "/tree/sub/deeper");
  write_file(dir + "/tree/a.json", project_file("data/2020.json"));
  write_file(dir + "/tree/sub/deeper/b.json", review_error_data());
  write_file(dir + "/tree/sub/notes.txt", "not json {");
  write_file(dir + "/tree/sub/c.json.bak", "not json {");

  const auto r = run_govreport({"check", "tree"}, "", dir);
  CHECK(r.exit_code == 1);
  CHECK(r.out == "tree/sub/deeper/b.json" + kReviewFinding);
  CHECK(r.err ==
        "检查了 2 个文件：1 个错误，0 个警告（1 个文件有错误，0 个文件有警告）\n"
        "  规则          级别          个数    文件数\n"
        "  review-total  错误             1         1\n");
  fs::remove_all(dir);
}

TEST_CASE("check - reads the data from standard input", "[cli]") {
  const auto clean = run_govreport({"check", "-"}, project_file("data/2020.json"));
  CHECK(clean.exit_code == 0);
  CHECK(clean.out == "");
  CHECK(clean.err == "检查了 1 个文件：0 个错误，0 个警告\n");

  const auto bad = run_govreport({"check", "-"}, review_error_data());
  CHECK(bad.exit_code == 1);
  CHECK(bad.out == "<stdin>" + kReviewFinding);
  CHECK(bad.err == "检查了 1 个文件：1 个错误，0 个警告\n");
}

// --- build ------------------------------------------------------------------------------------

TEST_CASE("build prints the text report on standard output", "[cli]") {
  const auto r = run_govreport({"build", "data/2020.json"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(same_text(r.out, golden("ningxia-2020/expected.txt")));
}

TEST_CASE("build -o takes the format from the extension", "[cli]") {
  const std::string dir = temp_dir();
  SECTION("markdown") {
    const auto r = run_govreport({"build", "data/2020.json", "-o", dir + "/report.md"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");
    CHECK(r.err == "已写入 " + dir + "/report.md\n");
    CHECK(same_text(read_file(dir + "/report.md"), rendered("data/2020.json", "markdown")));
  }
  SECTION("json") {
    const auto r = run_govreport({"build", "data/2020.json", "-o", dir + "/report.json"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");
    CHECK(r.err == "已写入 " + dir + "/report.json\n");
    CHECK(same_text(read_file(dir + "/report.json"), golden("ningxia-2020/expected.json")));
  }
  SECTION("text") {
    const auto r =
        run_govreport({"build", "data/2020.json", "-o", dir + "/report.txt", "--lang", "en"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "wrote " + dir + "/report.txt\n");
    CHECK(same_text(read_file(dir + "/report.txt"), golden("ningxia-2020/expected.txt")));
  }
  CHECK(std::count_if(fs::directory_iterator(dir), fs::directory_iterator(),
                      [](const auto&) { return true; }) == 1);
  fs::remove_all(dir);
}

TEST_CASE("build -o with an unknown extension exits 2 and writes nothing", "[cli]") {
  const std::string dir = temp_dir();
  const auto r = run_govreport({"build", "data/2020.json", "-o", dir + "/report.xyz"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "govreport: " + dir + "/report.xyz: 无法从扩展名判断输出格式，请用 -f 指定\n");
  CHECK(files_in(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("build -f picks the format, also over the extension of -o", "[cli]") {
  const auto json = run_govreport({"build", "data/examples/hongze-gov-2024.json", "-f", "json"});
  CHECK(json.exit_code == 0);
  CHECK(same_text(json.out, golden("hongze-2024/expected.json")));
  CHECK(json.err == kHongzeWarning);

  const auto md = run_govreport({"build", "data/examples/hongze-gov-2024.json", "-f", "markdown"});
  CHECK(md.exit_code == 0);
  CHECK(same_text(md.out, rendered(kHongze, "markdown")));

  const std::string dir = temp_dir();
  const auto to_txt =
      run_govreport({"build", "data/2020.json", "-f", "markdown", "-o", dir + "/report.txt"});
  CHECK(to_txt.exit_code == 0);
  CHECK(same_text(read_file(dir + "/report.txt"), rendered("data/2020.json", "markdown")));
  fs::remove_all(dir);
}

TEST_CASE("build -f with an unknown format exits 2 and lists the formats", "[cli]") {
  const auto r = run_govreport({"build", "data/2020.json", "-f", "xyz"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK_THAT(r.err, StartsWith("govreport: --format: xyz not in {text,markdown,json,"));
  CHECK_THAT(r.err, EndsWith("}\n运行 govreport --help 查看用法。\n"));
}

TEST_CASE("build of a missing file exits 2 and names the file", "[cli]") {
  const auto r = run_govreport({"build", "no-such-report.json"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "govreport: no-such-report.json: 无法打开：文件或目录不存在\n");
}

TEST_CASE("build of data with errors exits 1, prints the findings and writes nothing", "[cli]") {
  const std::string dir = temp_dir();
  write_file(dir + "/bad.json", review_error_data());
  const std::string refusal =
      "govreport: 数据有错误，未生成报告（改正后重试，或用 --force 强制生成）\n";

  SECTION("to standard output") {
    const auto r = run_govreport({"build", "bad.json"}, "", dir);
    CHECK(r.exit_code == 1);
    CHECK(r.out == "");
    CHECK(r.err == "bad.json" + kReviewFinding + refusal);
  }
  SECTION("to a file") {
    const auto r = run_govreport({"build", "bad.json", "-o", "report.md"}, "", dir);
    CHECK(r.exit_code == 1);
    CHECK(r.out == "");
    CHECK(r.err == "bad.json" + kReviewFinding + refusal);
    CHECK(files_in(dir) == std::vector<std::string>{"bad.json"});
  }
  SECTION("in English") {
    const auto r = run_govreport({"build", "bad.json", "-o", "report.md", "--lang", "en"}, "", dir);
    CHECK(r.exit_code == 1);
    CHECK(r.err ==
          "bad.json" + kReviewFindingEn +
              "govreport: the data has errors; nothing was written (fix them, or use --force)\n");
    CHECK(files_in(dir) == std::vector<std::string>{"bad.json"});
  }
  fs::remove_all(dir);
}

TEST_CASE("build --force writes the report of data with errors and still exits 1", "[cli]") {
  const std::string dir = temp_dir();
  write_file(dir + "/bad.json", review_error_data());
  const auto r = run_govreport({"build", "bad.json", "-o", "report.txt", "--force"}, "", dir);
  CHECK(r.exit_code == 1);
  CHECK(r.out == "");
  CHECK(r.err == "bad.json" + kReviewFinding + "已写入 report.txt\n");
  REQUIRE(fs::exists(dir + "/report.txt"));
  const std::vector<std::string> lines = split_lines(read_file(dir + "/report.txt"));
  CHECK(std::count(
            lines.begin(), lines.end(),
            "| 行政诉讼·未经复议直接起诉 |        5 |        0 |        0 |        0 |    6 |") ==
        1);
  fs::remove_all(dir);
}

TEST_CASE("build refuses to write over its input and leaves it unchanged", "[cli]") {
  const std::string dir = temp_dir();
  const std::string data = project_file("data/2020.json");
  write_file(dir + "/in.json", data);
  SECTION("same spelling") {
    const auto r = run_govreport({"build", "in.json", "-o", "in.json"}, "", dir);
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "govreport: in.json: 是输入文件，拒绝覆盖\n");
  }
  SECTION("another spelling of the same path") {
    const auto r = run_govreport({"build", "in.json", "-o", "./in.json", "-f", "text"}, "", dir);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "govreport: ./in.json: 是输入文件，拒绝覆盖\n");
  }
  CHECK(read_file(dir + "/in.json") == data);
  CHECK(files_in(dir) == std::vector<std::string>{"in.json"});
  fs::remove_all(dir);
}

TEST_CASE("build -o into a missing folder makes it, as --out-dir does", "[cli][batch]") {
  const std::string dir = temp_dir();
  const std::string out = dir + "/missing/deeper/report.txt";
  const auto r = run_govreport({"build", "data/2020.json", "-o", out});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "");
  CHECK(r.err == "已写入 " + out + "\n");
  CHECK(read_file(out) == rendered("data/2020.json", "text"));
}

TEST_CASE("build -o under a file exits 2 and leaves no folder behind", "[cli][batch]") {
  const std::string dir = temp_dir();
  write_file(dir + "/plain", "x");
  const auto r = run_govreport({"build", "data/2020.json", "-o", dir + "/plain/report.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "govreport: " + dir + "/plain/report.txt: 无法写入：路径中有一段不是目录\n");
  // Data with errors: the folder made for -o is removed again, nothing is written.
  write_file(dir + "/bad.json", review_error_data());
  const auto refused = run_govreport({"build", dir + "/bad.json", "-o", dir + "/new/r.txt"});
  CHECK(refused.exit_code == 1);
  CHECK(files_in(dir) == std::vector<std::string>{"bad.json", "plain"});
  fs::remove_all(dir);
}

TEST_CASE("build -o onto a device exits 2: only regular files are written", "[cli]") {
  const auto r = run_govreport({"build", "data/2020.json", "-f", "text", "-o", "/dev/full"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "govreport: /dev/full: 不是普通文件，不能写入（写到标准输出请用 -o -）\n");
}

TEST_CASE("build of several inputs without --out-dir exits 2", "[cli]") {
  const auto r = run_govreport({"build", "data/2020.json", kHongze});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "govreport: 多个输入文件需要用 --out-dir DIR 指定输出目录\n");
}

TEST_CASE("build --out-dir writes one file per input, named after it", "[cli]") {
  const std::string dir = temp_dir();
  const std::string out = dir + "/out";  // created by build
  SECTION("text by default") {
    const auto r = run_govreport({"build", "data/2020.json", kHongze, "--out-dir", out});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");
    CHECK(r.err ==
          kHongzeWarning + "已写入 " + out + "/2020.txt\n已写入 " + out + "/hongze-gov-2024.txt\n");
    CHECK(files_in(out) == std::vector<std::string>{"2020.txt", "hongze-gov-2024.txt"});
    CHECK(same_text(read_file(out + "/2020.txt"), golden("ningxia-2020/expected.txt")));
    CHECK(same_text(read_file(out + "/hongze-gov-2024.txt"), golden("hongze-2024/expected.txt")));
  }
  SECTION("markdown with -f") {
    const auto r =
        run_govreport({"build", "data/2020.json", kHongze, "-f", "markdown", "--out-dir", out});
    CHECK(r.exit_code == 0);
    CHECK(files_in(out) == std::vector<std::string>{"2020.md", "hongze-gov-2024.md"});
    CHECK(same_text(read_file(out + "/2020.md"), rendered("data/2020.json", "markdown")));
    CHECK(same_text(read_file(out + "/hongze-gov-2024.md"), rendered(kHongze, "markdown")));
  }
  fs::remove_all(dir);
}

// --- init -------------------------------------------------------------------------------------

TEST_CASE("init --year 2024 prints a 2021-edition template whose every cell is null", "[cli]") {
  const auto r = run_govreport({"init", "--year", "2024"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  const govreport::Edition& edition = *govreport::edition_by_id("2021");
  CHECK(count_of(r.out, "null") == edition.cells.size());
  CHECK_THAT(r.out, StartsWith("{\n"));
  CHECK_THAT(r.out, Contains("\n  \"year\": 2024,\n  \"format\": \"2021\",\n"));

  const govreport::LoadResult loaded = govreport::load_report(r.out, "template.json");
  REQUIRE(loaded.report.has_value());
  CHECK(loaded.report->edition == &edition);
  for (std::size_t i = 0; i < loaded.report->cells.size(); ++i) {
    INFO(edition.cells[i].pointer);
    CHECK(loaded.report->cells[i].is_blank());
  }
}

TEST_CASE("check of a fresh template reports every blank cell and the empty agency, and exits 1",
          "[cli]") {
  const std::string tmpl = run_govreport({"init", "--year", "2024"}).out;
  // Machine formats keep every finding; see the batch tests for the grouped text.
  const auto r = run_govreport({"check", "-", "--format", "github"}, tmpl);
  CHECK(r.exit_code == 1);
  const std::vector<std::string> lines = split_lines(r.out);
  const std::size_t cells = govreport::edition_by_id("2021")->cells.size();
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
          return l.find(",title=blank-cell::") != std::string::npos;
        }) == static_cast<long>(cells));
  // The first blank cell: 二·规章·本年制发件数, wherever the template puts it.
  const std::vector<std::string> tmpl_lines = split_lines(tmpl);
  const std::string row = "\"regulations\": {\"issued\": null";
  const auto at = std::find_if(tmpl_lines.begin(), tmpl_lines.end(), [&](const std::string& l) {
    return l.find(row) != std::string::npos;
  });
  REQUIRE(at != tmpl_lines.end());
  const std::size_t line = static_cast<std::size_t>(at - tmpl_lines.begin()) + 1;
  const std::size_t column =
      at->find(row) + row.size() - 4 + 1;  // the row is ASCII: bytes are columns
  CHECK_THAT(r.out, Contains("::error file=<stdin>,line=" + std::to_string(line) +
                             ",col=" + std::to_string(column) +
                             ",title=blank-cell::二·规章·本年制发件数 为空白；没有请填 0\n"));
  // Without --agency the name is empty too: one more error, at the agency's value.
  CHECK_THAT(r.out, Contains(",title=missing-field::agency 为空：请填写机关名称\n"));
  CHECK(r.err == "检查了 1 个文件：" + std::to_string(cells + 1) + " 个错误，4 个警告\n");
}

TEST_CASE("init --year 2018 exits 2: there is no national format before 2019", "[cli]") {
  const auto r = run_govreport({"init", "--year", "2018"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "govreport: 2018 年早于 2019 年，没有全国统一的年度报告格式\n");
}

TEST_CASE("init refuses a year that check would refuse: more than four digits", "[cli]") {
  const auto r = run_govreport({"init", "--year", "99999"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "govreport: 99999 不是四位数的年份\n");
  const auto en = run_govreport({"--lang", "en", "init", "--year", "10000"});
  CHECK(en.exit_code == 2);
  CHECK(en.err == "govreport: 10000 is not a four-digit year\n");
  // The last year init writes is one that check accepts.
  const auto last = run_govreport({"init", "--year", "9999", "--agency", "某局"});
  CHECK(last.exit_code == 0);
  const auto checked = run_govreport({"check", "--quiet", "-"}, last.out);
  CHECK(checked.out.find("[wrong-type]") == std::string::npos);
  CHECK(checked.out.find("[unsupported-year]") == std::string::npos);
}

TEST_CASE("init -o refuses to overwrite an existing file unless --force", "[cli]") {
  const std::string dir = temp_dir();
  write_file(dir + "/2024.json", "my data\n");

  const auto refused = run_govreport({"init", "--year", "2024", "-o", "2024.json"}, "", dir);
  CHECK(refused.exit_code == 2);
  CHECK(refused.out == "");
  CHECK(refused.err == "govreport: 2024.json: 已存在，未覆盖（用 --force 覆盖）\n");
  CHECK(read_file(dir + "/2024.json") == "my data\n");

  const auto forced =
      run_govreport({"init", "--year", "2024", "-o", "2024.json", "--force"}, "", dir);
  CHECK(forced.exit_code == 0);
  CHECK(forced.out == "");
  CHECK_THAT(forced.err, EndsWith("已写入 2024.json（2021 版格式，所有单元格为空白，请填写）\n"));
  CHECK(same_text(read_file(dir + "/2024.json"), run_govreport({"init", "--year", "2024"}).out));
  fs::remove_all(dir);
}

TEST_CASE("init -o writes a new file with the agency and kind given", "[cli]") {
  const std::string dir = temp_dir();
  const auto r = run_govreport({"init", "--year", "2020", "--agency", "某某县人民政府", "--kind",
                                "government", "-o", "2020.json"},
                               "", dir);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, EndsWith("已写入 2020.json（2019 版格式，所有单元格为空白，请填写）\n"));
  const govreport::LoadResult loaded =
      govreport::load_report(read_file(dir + "/2020.json"), "2020.json");
  REQUIRE(loaded.report.has_value());
  CHECK(loaded.report->edition == govreport::edition_by_id("2019"));
  CHECK(loaded.report->agency == "某某县人民政府");
  CHECK(loaded.report->agency_kind == govreport::AgencyKind::Government);
  fs::remove_all(dir);
}

// --- rules ------------------------------------------------------------------------------------

TEST_CASE("rules lists exactly the ids of the rule catalogue, in order", "[cli]") {
  const auto r = run_govreport({"rules"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  std::vector<std::string> listed;
  for (const std::string& line : split_lines(r.out))
    listed.push_back(line.substr(0, line.find(' ')));
  std::vector<std::string> ids;
  for (const govreport::RuleInfo& rule : govreport::rules()) ids.emplace_back(rule.id);
  CHECK(listed == ids);
  CHECK_THAT(r.out, StartsWith("json-syntax        错误     不是有效的 JSON 或 UTF-8 文本\n"));
}

TEST_CASE("rules --lang en prints id, severity and description of every rule", "[cli]") {
  const auto r = run_govreport({"rules", "--lang", "en"});
  CHECK(r.exit_code == 0);
  std::string expected;
  for (const govreport::RuleInfo& rule : govreport::rules()) {
    std::string id(rule.id);
    std::string severity = rule.severity == govreport::Severity::Error ? "error" : "warning";
    id.resize(std::max<std::size_t>(id.size(), 18), ' ');
    severity.resize(8, ' ');
    expected += id + " " + severity + " " + std::string(rule.en) + "\n";
  }
  CHECK(r.out == expected);
}

TEST_CASE("check of a published report imports it, then checks its tables", "[cli]") {
  const std::string dir = temp_dir();
  const std::string md = dir + "/r.md";
  REQUIRE(run_govreport({"build", "data/2020.json", "-o", md}).exit_code == 0);
  const govreport::test::RunResult clean = run_govreport({"check", md, "-q"});
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());

  std::string text = read_file(md);
  const std::string row = "| 一、本年新收政府信息公开申请数量 | 4441 |";
  REQUIRE(text.find(row) != std::string::npos);
  text.replace(text.find(row), row.size(), "| 一、本年新收政府信息公开申请数量 | 4440 |");
  {
    std::FILE* f = std::fopen(md.c_str(), "wb");
    REQUIRE(f != nullptr);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  const govreport::test::RunResult broken = run_govreport({"check", md, "-q", "--lang", "en"});
  CHECK(broken.exit_code == 1);
  CHECK(broken.out ==
        md + ": error: 三·自然人: 一+二 is 4440, but 三（七）+四 is 4441 (diff -1) [balance]\n" +
            md +
            ": error: 三·一、本年新收政府信息公开申请数量·总计 is 4447, but its columns add up to "
            "4446 (diff +1) [row-total]\n");
}

TEST_CASE("init -o 2025.xlsx writes the workbook; check names each blank cell by sheet and cell",
          "[cli][xlsx]") {
  const std::string dir = temp_dir();
  const auto init = run_govreport(
      {"init", "--year", "2025", "--agency", "某某县市场监督管理局", "-o", "2025.xlsx"}, "", dir);
  CHECK(init.exit_code == 0);
  CHECK(init.err ==
        "已写入 2025.xlsx（2021 版格式的工作簿：未锁定的单元格可填写，总计自动计算；填好后运行 "
        "govreport check 2025.xlsx）\n");
  CHECK_FALSE(fs::exists(dir + "/govreport-2021.schema.json"));
  CHECK(read_file(dir + "/2025.xlsx").starts_with("PK\x03\x04"));
  const auto check = run_govreport({"check", "2025.xlsx"}, "", dir);
  CHECK(check.exit_code == 1);
  const std::vector<std::string> lines = split_lines(check.out);
  // The blank cells of a row (or a column) are one finding, at the first of them.
  REQUIRE(lines.size() == 35);
  CHECK(lines[0] == "2025.xlsx:正文!A3: 警告: 开头说明 没有内容 [empty-section]");
  CHECK(lines[4] ==
        "2025.xlsx:表二!B5: 错误: 二·规章 有 3 个单元格为空白（本年制发件数、本年废止件数、现行有效"
        "件数）；没有请填 0 [blank-cell]");
  CHECK(lines[14] ==
        "2025.xlsx:表三!D12: 错误: 三（三）3.危及“三安全一稳定” 有 6 个单元格为空白（自然人、商业"
        "企业、科研机构、社会公益组织、法律服务机构、其他）；没有请填 0 [blank-cell]");
  CHECK(lines[34] ==
        "2025.xlsx:表四!K6: 错误: 四·行政诉讼·复议后起诉 有 4 个单元格为空白（结果维持、结果纠正、"
        "其他结果、尚未审结）；没有请填 0 [blank-cell]");
  CHECK(check.err == "检查了 1 个文件：166 个错误，4 个警告\n");
  const auto again = run_govreport({"init", "--year", "2025", "-o", "2025.xlsx"}, "", dir);
  CHECK(again.exit_code == 2);
  CHECK(again.err == "govreport: 2025.xlsx: 已存在，未覆盖（用 --force 覆盖）\n");
}

TEST_CASE("check of a workbook prints a planted error at its sheet and cell in every format",
          "[cli][xlsx]") {
  const std::string dir = temp_dir();
  // 三（三）3.危及“三安全一稳定”·商业企业 left blank, written with --force.
  write_file(dir + "/blank.json",
             mutated_2020("\"security_stability\": {\"natural_person\": 0, \"commercial\": 0,",
                          "\"security_stability\": {\"natural_person\": 0, \"commercial\": null,"));
  const auto build =
      run_govreport({"build", "blank.json", "-o", "x.xlsx", "--force", "-q"}, "", dir);
  CHECK(build.exit_code == 1);
  const auto text = run_govreport({"check", "x.xlsx"}, "", dir);
  CHECK(text.exit_code == 1);
  CHECK(text.out ==
        "x.xlsx:表三!E12: 错误: 三（三）3.危及“三安全一稳定”·商业企业 为空白；没有请填 0 "
        "[blank-cell]\n");
  const auto github =
      run_govreport({"check", "x.xlsx", "--format", "github", "--lang", "en"}, "", dir);
  CHECK(github.out ==
        "::error file=x.xlsx,title=blank-cell::表三!E12: 三（三）3.危及“三安全一稳定”·商业企业 is "
        "blank; write 0 if there were none\n");
  const auto json =
      nlohmann::json::parse(run_govreport({"check", "x.xlsx", "--format", "json"}, "", dir).out);
  CHECK(json["findings"][0]["place"] == "表三!E12");
  CHECK(json["findings"][0]["pointer"] ==
        "/applications/results/withheld/security_stability/commercial");
  const auto sarif =
      nlohmann::json::parse(run_govreport({"check", "x.xlsx", "--format", "sarif"}, "", dir).out);
  CHECK(
      sarif["runs"][0]["results"][0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] ==
      "表三!E12");
}

TEST_CASE("build data.json -o x.xlsx, then import x.xlsx, gives back every cell and paragraph",
          "[cli][xlsx]") {
  for (const std::string& data : {std::string("data/2020.json"), kHongze}) {
    INFO(data);
    const std::string dir = temp_dir();
    CHECK(run_govreport({"build", data, "-o", dir + "/x.xlsx", "-q"}).exit_code == 0);
    const auto imported = run_govreport({"import", dir + "/x.xlsx", "-o", dir + "/x.json", "-q"});
    CHECK(imported.exit_code == 0);
    CHECK(imported.err.empty());
    CHECK(run_govreport({"build", dir + "/x.json", "-f", "json", "-q"}).out ==
          rendered(data, "json"));
    // And a workbook is published like data: the same Word document.
    CHECK(run_govreport({"build", dir + "/x.xlsx", "-o", dir + "/x.docx", "-q"}).exit_code == 0);
    CHECK(read_file(dir + "/x.docx") == rendered(data, "docx"));
  }
}

TEST_CASE("A workbook that cannot be read stops check with its message", "[cli][xlsx]") {
  const std::string dir = temp_dir();
  write_file(dir + "/bad.xlsx", "just text");
  const auto r = run_govreport({"check", "bad.xlsx"}, "", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(
      r.err.starts_with("govreport: bad.xlsx: 错误: 不是 .xlsx 工作簿（无法作为 zip 压缩包打开） "
                        "[unreadable-source]\n"));
}

TEST_CASE("diff gives the rates of both reports and their change", "[cli][diff]") {
  const auto zh = run_govreport({"diff", "data/2020.json", kHongze});
  CHECK(zh.exit_code == 0);
  CHECK_THAT(zh.out, Contains("比率（旧 → 新）：\n"
                              "  公开率：0.29% → 62.11%（+61.81 个百分点）\n"
                              "  不予公开率：0.11% → 3.16%（+3.05 个百分点）\n"
                              "  行政复议纠错率：0.00% → 50.00%（+50.00 个百分点）\n"
                              "  行政诉讼纠错率：0.00% → 0.00%（+0.00 个百分点）\n"));
  const auto en = run_govreport({"--lang", "en", "diff", kHongze, kHongze});
  CHECK_THAT(en.out, Contains("rates (old → new):\n"
                              "  Disclosure rate: 62.11% → 62.11% (+0.00 points)\n"));
  const auto j = run_govreport({"diff", "data/2020.json", kHongze, "--format", "json"});
  REQUIRE(j.exit_code == 0);
  const nlohmann::json rates = nlohmann::json::parse(j.out).at("rates");
  CHECK(rates.dump() == R"([{"new":"62.11","old":"0.29","rate":"disclosure"},)"
                        R"({"new":"3.16","old":"0.11","rate":"withholding"},)"
                        R"({"new":"50.00","old":"0.00","rate":"review-correction"},)"
                        R"({"new":"0.00","old":"0.00","rate":"litigation-correction"}])");
}
