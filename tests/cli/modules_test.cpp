// The importer and the writers of Word documents and workbooks are modules of their own, opened
// only to read a published report or to write a .docx or an .xlsx.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "govreport/render.hpp"
#include "support.hpp"

using namespace govreport::test;
namespace fs = std::filesystem;

namespace {

// Copies the program into `dir`/bin with no module beside it, and returns its path; checking a
// JSON file needs no module.
std::string program_alone(const std::string& dir) {
  const std::string program = dir + "/bin/govreport";
  fs::create_directories(dir + "/bin");
  fs::copy_file(GOVREPORT_BINARY, program);
  fs::permissions(program, fs::perms::owner_all);
  const RunResult check = run_program(program, {"check", "data/2020.json"});
  CHECK(check.exit_code == 0);
  CHECK(check.err == "检查了 1 个文件：0 个错误，0 个警告\n");
  return program;
}

// Where the program alone in `dir`/bin looks for the module `file`, separated by `separator`.
std::string looked_for(const std::string& dir, const std::string& file,
                       const std::string& separator) {
  return dir + "/bin/" + file + separator + dir + "/" GOVREPORT_LIBDIR "/govreport/" + file +
         separator + GOVREPORT_FULL_LIBDIR "/govreport/" + file;
}

}  // namespace

TEST_CASE(
    "Without the importer module, check and build of JSON work and import says what is "
    "missing",
    "[cli][importer]") {
  const std::string dir = temp_dir();
  const std::string program = program_alone(dir);
  const RunResult build = run_program(program, {"build", "data/2020.json", "-f", "json"});
  CHECK(build.exit_code == 0);
  CHECK(build.out == run_govreport({"build", "data/2020.json", "-f", "json"}).out);

  const RunResult import =
      run_program(program, {"--lang", "en", "import", "tests/fixtures/import/variants-2021.txt"});
  CHECK(import.exit_code == 2);
  CHECK(import.out.empty());
  CHECK(import.err ==
        "govreport: the importer module govreport-import.so is not found (looked for " +
            looked_for(dir, "govreport-import.so", ", ") +
            "); reading PDF, HTML and text reports needs it\n");
  fs::remove_all(dir);
}

TEST_CASE("The importer module beside the program reads a published report", "[cli][importer]") {
  const RunResult r =
      run_govreport({"import", "tests/fixtures/import/variants-2021.txt", "-o", "-"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("{\n  \"year\": 2022,\n  \"format\": \"2021\",\n"));
}

TEST_CASE(
    "Without the writer module, check and the text outputs work and a .docx or an .xlsx says what "
    "is missing, writing nothing",
    "[cli][writer]") {
  const std::string dir = temp_dir();
  const std::string program = program_alone(dir);
  const RunResult markdown = run_program(program, {"build", "data/2020.json", "-f", "markdown"});
  CHECK(markdown.exit_code == 0);
  CHECK(markdown.out == run_govreport({"build", "data/2020.json", "-f", "markdown"}).out);

  const std::string looked = looked_for(dir, "govreport-write.so", ", ");
  const std::string missing =
      "govreport: the writer module govreport-write.so is not found "
      "(looked for " +
      looked +
      "); writing Word documents (.docx) and "
      "workbooks (.xlsx) needs it\n";
  const std::vector<std::vector<std::string>> commands = {
      {"--lang", "en", "build", "data/2020.json", "-o", dir + "/r.docx"},
      {"--lang", "en", "build", "data/2020.json", "-f", "xlsx", "-o", dir + "/r.xlsx"},
      {"--lang", "en", "init", "--year", "2024", "-o", dir + "/r.xlsx"},
      {"--lang", "en", "stats", "data/2020.json", "-o", dir + "/s.xlsx"},
  };
  for (const std::vector<std::string>& args : commands) {
    INFO(args[2]);
    const RunResult r = run_program(program, args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == missing);
  }
  CHECK_FALSE(fs::exists(dir + "/r.docx"));
  CHECK_FALSE(fs::exists(dir + "/r.xlsx"));
  CHECK_FALSE(fs::exists(dir + "/s.xlsx"));

  const RunResult zh = run_program(program, {"build", "data/2020.json", "-o", dir + "/r.docx"});
  CHECK(zh.exit_code == 2);
  CHECK(zh.err == "govreport: 找不到写出模块 govreport-write.so（查找了 " +
                      looked_for(dir, "govreport-write.so", "、") +
                      "）；写出 Word 文档（.docx）和工作簿（.xlsx）需要它\n");
  fs::remove_all(dir);
}

TEST_CASE("The writer module beside the program writes the Word document the library renders",
          "[cli][writer]") {
  const std::string dir = temp_dir();
  const RunResult r = run_govreport({"build", "data/2020.json", "-o", dir + "/r.docx"});
  CHECK(r.exit_code == 0);
  CHECK(read_file(dir + "/r.docx") == govreport::render_docx(load_project("data/2020.json")));
  fs::remove_all(dir);
}
