// govreport stats: reading a folder as check does, a bad input listed and the rest written,
// the output never over an input, folders made, sorting, formats, --help.

#include <catch2/catch.hpp>
#include <filesystem>

#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using govreport::test::read_file;
using govreport::test::replace_once;
using govreport::test::run_govreport;
using govreport::test::split_lines;
using govreport::test::temp_dir;
using govreport::test::write_file;

// The two Hongze years of two_years (2025 has two carry-over errors; each has one
// narrative-number warning; 2025 repeats 2024's 五, a copied-narrative warning), 2024 published
// late (a government: after 2025-03-31, so also a deadline warning), a file that is no JSON, and a
// JSON Schema (skipped).
std::string reports() {
  const std::string dir = temp_dir() + "/reports";
  fs::create_directory(dir);
  govreport::test::two_years(dir);
  const std::string y2024 = read_file(dir + "/2024.json");
  write_file(dir + "/2024.json", replace_once(y2024, "\"year\": 2024,",
                                              "\"year\": 2024, \"published\": \"2025-04-15\","));
  write_file(dir + "/bad.json", "{");
  write_file(
      dir + "/schema.json",
      "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\"}\n");
  return dir;
}

const std::string kHeading =
    "\xEF\xBB\xBF"
    "文件,机关,年度,类别,新收申请,公开率(%),不予公开率(%),复议纠错率(%),诉讼纠错率(%),结转下年度,"
    "逾期发布,错误,警告,narrative-number,deadline,carry-over,copied-narrative";

}  // namespace

TEST_CASE("stats lists a bad input, writes the others' overview, and exits 1", "[stats][cli]") {
  const std::string dir = reports();
  const fs::path root = fs::path(dir).parent_path();
  const auto r = run_govreport({"stats", "reports", "-o", "out/sub/stats.csv"}, "", root.string());
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  const std::vector<std::string> err = split_lines(r.err);
  REQUIRE(err.size() == 2);
  CHECK(err[0].starts_with("govreport: reports/bad.json:"));
  CHECK(err[0].ends_with("[json-syntax]"));
  CHECK(err[1] == "已写入 out/sub/stats.csv（2 份报告；1 个文件未能读取，未计入）");
  // 2025: received 94 + carried over 1; the same results; two carry-over errors.
  CHECK(
      read_file((root / "out/sub/stats.csv").string()) ==
      kHeading +
          "\r\n"
          "reports/"
          "2024.json,淮安市洪泽区人民政府,2024,政府,95,62.11,3.16,50.00,0.00,0,是,0,2,1,1,0,0\r\n"
          "reports/"
          "2025.json,淮安市洪泽区人民政府,2025,政府,94,62.11,3.16,50.00,0.00,0,未知,2,2,1,0,2,1\r\n"
          "合计（2 份报告）,,,,189,62.11,3.16,50.00,0.00,0,1,2,4,2,1,2,1\r\n");
}

TEST_CASE("stats sorts by a column, refuses an unknown one before reading", "[stats][cli]") {
  const std::string dir = reports();
  fs::remove(dir + "/bad.json");
  const auto r = run_govreport({"--quiet", "stats", dir, "--sort", "errors", "--desc"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const std::vector<std::string> lines = split_lines(r.out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[1].starts_with(dir + "/2025.json,"));
  CHECK(lines[2].starts_with(dir + "/2024.json,"));
  const auto by_rule = run_govreport(
      {"--quiet", "stats", dir + "/2025.json", dir + "/2024.json", "--sort", "deadline"});
  CHECK(split_lines(by_rule.out)[1].starts_with(dir + "/2025.json,"));

  const auto bad = run_govreport(
      {"--lang", "en", "stats", dir, "--sort", "rate", "-o", dir + "/../never/stats.csv"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err ==
        "govreport: --sort: no column rate (columns: file, agency, year, kind, "
        "applications_received, "
        "disclosure_rate, withheld_rate, review_correction_rate, litigation_correction_rate, "
        "carried_to_next_year, late, errors, warnings, or a rule id)\n");
  CHECK_FALSE(fs::exists(dir + "/../never"));
}

TEST_CASE("stats never writes over an input, and names a format it cannot tell", "[stats][cli]") {
  const std::string dir = reports();
  const std::string before = read_file(dir + "/2024.json");
  const auto over = run_govreport({"stats", dir, "-o", dir + "/2024.json", "--format", "csv"});
  CHECK(over.exit_code == 2);
  CHECK(over.err.find(dir + "/2024.json") != std::string::npos);
  CHECK(read_file(dir + "/2024.json") == before);

  const auto unknown = run_govreport({"--lang", "en", "stats", dir, "-o", dir + "/stats.txt"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err == "govreport: " + dir +
                           "/stats.txt: the output format cannot be told from the extension (.csv "
                           ".xlsx .html); give --format\n");
  CHECK_FALSE(fs::exists(dir + "/stats.txt"));

  const auto xlsx = run_govreport({"--lang", "en", "stats", dir, "--format", "xlsx"});
  CHECK(xlsx.exit_code == 2);
  CHECK(xlsx.err == "govreport: the xlsx format needs -o FILE\n");
}

TEST_CASE("stats writes the workbook and the page by their extensions", "[stats][cli]") {
  const std::string dir = reports();
  fs::remove(dir + "/bad.json");
  const std::string out = temp_dir();
  const auto x = run_govreport({"--quiet", "stats", dir, "-o", out + "/stats.xlsx"});
  CHECK(x.exit_code == 0);
  CHECK(read_file(out + "/stats.xlsx").starts_with("PK"));
  const auto h = run_govreport({"--quiet", "stats", dir, "-o", out + "/stats.html"});
  CHECK(h.exit_code == 0);
  const std::string html = read_file(out + "/stats.html");
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("<figcaption>2025 年各机关公开率</figcaption>") != std::string::npos);
  CHECK(html.find("id=\"year-disclosure\"") != std::string::npos);  // two years: the trend
}

TEST_CASE("stats --help reads like a manual", "[stats][cli]") {
  const auto r = run_govreport({"--lang", "en", "stats", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(
      r.out.find("disclosure_rate             (（一）予以公开 + （二）部分公开) / 三（七）总计") !=
      std::string::npos);
  CHECK(r.out.find("Exit status: 0 every input read; 1 some inputs could not be read") !=
        std::string::npos);
  CHECK(r.out.find("--sort TEXT") != std::string::npos);
  const auto zh = run_govreport({"stats", "--help"});
  CHECK(zh.exit_code == 0);
  CHECK(zh.out.find("  disclosure_rate             公开率 =（（一）予以公开 +（二）部分公开）÷ "
                    "三（七）总计\n") != std::string::npos);
  CHECK(zh.out.find("退出状态：0 所有输入都已读取；1 有输入无法读取") != std::string::npos);
}
