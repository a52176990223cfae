// The bad-input gallery: every directory in tests/bad/ is one case. `args` holds the command line
// (run in a scratch copy of the directory), `generate` makes inputs too large or too strange to
// commit, and expected.exit / expected.out / expected.err hold the approved results
// (GOVREPORT_APPROVE=1 rewrites them). Whatever the case, the run must end with exit 0, 1 or 2 —
// never a crash or a hang — leave every input as it was, and write no output file unless
// expected.files names it.

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using govreport::test::read_file;
using govreport::test::run_govreport;
using govreport::test::temp_dir;

const fs::path kGallery = fs::path(GOVREPORT_SOURCE_DIR) / "tests" / "bad";
const std::set<std::string> kCaseFiles = {"args",         "generate",     "expected.exit",
                                          "expected.out", "expected.err", "expected.files"};

std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Makes the inputs described by a `generate` line in `dir`.
void generate(const std::vector<std::string>& how, const fs::path& dir) {
  REQUIRE(how.size() >= 2);
  const fs::path target = dir / how.back();
  if (how[0] == "nesting") {
    std::ofstream(target, std::ios::binary) << std::string(std::stoul(how[1]), '[');
  } else if (how[0] == "string") {
    std::ofstream out(target, std::ios::binary);
    out << "{\"year\": 2020, \"agency\": \"" << std::string(std::stoul(how[1]), 'a') << "\"}\n";
  } else if (how[0] == "paragraph") {  // data/2020.json with a paragraph of N characters in 五
    std::string data = govreport::test::project_file("data/2020.json");
    const std::size_t at = data.find("\"problems\": [");
    REQUIRE(at != std::string::npos);
    std::string paragraph;
    for (std::size_t i = 0; i < std::stoul(how[1]); ++i) paragraph += "长";
    data.insert(at + 13, "\"" + paragraph + "\", ");
    std::ofstream(target, std::ios::binary) << data;
  } else if (how[0] == "repeat") {  // repeat N TEXT FILE: TEXT written N times
    REQUIRE(how.size() == 4);
    std::ofstream out(target, std::ios::binary);
    for (unsigned long i = 0; i < std::stoul(how[1]); ++i) out << how[2];
  } else if (how[0] == "directory") {
    fs::create_directories(target);
  } else if (how[0] == "fifo") {
    REQUIRE(mkfifo(target.c_str(), 0644) == 0);
  } else {
    FAIL("unknown generate keyword " << how[0]);
  }
}

// Names and contents of the regular files in `dir`.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) {
      files[fs::relative(e.path(), dir).string()] = "(not a regular file)";
    } else if (e.file_size() < (1u << 20)) {
      files[fs::relative(e.path(), dir).string()] = read_file(e.path().string());
    } else {
      files[fs::relative(e.path(), dir).string()] = "(" + std::to_string(e.file_size()) + " bytes)";
    }
  }
  return files;
}

std::string optional_file(const fs::path& path) {
  return fs::exists(path) ? read_file(path.string()) : "";
}

}  // namespace

TEST_CASE("Every case of the bad-input gallery fails cleanly with its approved message", "[bad]") {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(kGallery))
    if (e.is_directory()) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 40);
  const char* approve_env = std::getenv("GOVREPORT_APPROVE");
  const bool approve = approve_env != nullptr && std::string(approve_env) == "1";

  for (const fs::path& c : cases) {
    SECTION(c.filename().string()) {
      const fs::path work = fs::path(temp_dir()) / "case";
      fs::create_directories(work);
      for (const auto& e : fs::directory_iterator(c))
        if (!kCaseFiles.contains(e.path().filename().string()))
          fs::copy(e.path(), work / e.path().filename());
      if (fs::exists(c / "generate")) generate(words(read_file((c / "generate").string())), work);
      const auto before = snapshot(work);

      const auto r = run_govreport(words(read_file((c / "args").string())), "", work.string());

      const auto after = snapshot(work);
      std::set<std::string> allowed;
      for (const std::string& f : words(optional_file(c / "expected.files"))) allowed.insert(f);
      if (approve) {
        std::ofstream(c / "expected.exit") << r.exit_code << "\n";
        std::ofstream(c / "expected.out", std::ios::binary) << r.out;
        std::ofstream(c / "expected.err", std::ios::binary) << r.err;
      }
      INFO("stdout: " << r.out.substr(0, 2000));
      INFO("stderr: " << r.err.substr(0, 2000));
      CHECK((r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 2));
      CHECK(std::to_string(r.exit_code) + "\n" == read_file((c / "expected.exit").string()));
      CHECK(r.out == optional_file(c / "expected.out"));
      CHECK(r.err == optional_file(c / "expected.err"));
      for (const auto& [name, content] : before) {
        INFO("input " << name);
        REQUIRE(after.contains(name));
        CHECK(after.at(name) == content);
      }
      for (const auto& [name, content] : after) {
        INFO("output " << name);
        CHECK((before.contains(name) || allowed.contains(name)));
      }
      fs::remove_all(work.parent_path());
    }
  }
}
