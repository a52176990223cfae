// The importer is a module of its own, opened only to read a published report.

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support.hpp"

using namespace govreport::test;
namespace fs = std::filesystem;

TEST_CASE(
    "Without the importer module, check and build of JSON work and import says what is "
    "missing",
    "[cli][importer]") {
  const std::string dir = temp_dir();
  const std::string program = dir + "/bin/govreport";
  fs::create_directories(dir + "/bin");
  fs::copy_file(GOVREPORT_BINARY, program);
  fs::permissions(program, fs::perms::owner_all);

  const RunResult check = run_program(program, {"check", "data/2020.json"});
  CHECK(check.exit_code == 0);
  CHECK(check.err == "检查了 1 个文件：0 个错误，0 个警告\n");
  const RunResult build = run_program(program, {"build", "data/2020.json", "-f", "json"});
  CHECK(build.exit_code == 0);
  CHECK(build.out == run_govreport({"build", "data/2020.json", "-f", "json"}).out);

  const RunResult import =
      run_program(program, {"--lang", "en", "import", "tests/fixtures/import/variants-2021.txt"});
  CHECK(import.exit_code == 2);
  CHECK(import.out.empty());
  CHECK(import.err ==
        "govreport: the importer module govreport-import.so is not found (looked for " + dir +
            "/bin/govreport-import.so, " + dir +
            "/" GOVREPORT_LIBDIR "/govreport/govreport-import.so, " +
            GOVREPORT_FULL_LIBDIR
            "/govreport/govreport-import.so); reading PDF, "
            "HTML and text reports needs it\n");
  fs::remove_all(dir);
}

TEST_CASE("The importer module beside the program reads a published report", "[cli][importer]") {
  const RunResult r =
      run_govreport({"import", "tests/fixtures/import/variants-2021.txt", "-o", "-"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("{\n  \"year\": 2022,\n  \"format\": \"2021\",\n"));
}
