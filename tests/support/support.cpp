#include "support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "govreport/load.hpp"

namespace govreport::test {
namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string project_file(const std::string& relative) {
  return read_file(std::string(GOVREPORT_SOURCE_DIR) + "/" + relative);
}

bool matches_golden(const std::string& name, const std::string& actual) {
  const fs::path path = fs::path(GOVREPORT_SOURCE_DIR) / "tests" / "golden" / name;
  const char* approve = std::getenv("GOVREPORT_APPROVE");
  if (approve != nullptr && std::string(approve) == "1") {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return true;
  }
  return fs::exists(path) && read_file(path.string()) == actual;
}

RunResult run_govreport(const std::vector<std::string>& args, const std::string& input,
                        const std::string& cwd) {
  return run_program(GOVREPORT_BINARY, args, input, cwd);
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::string& input, const std::string& cwd) {
  const std::string dir = temp_dir();
  const std::string in_path = dir + "/stdin", out_path = dir + "/stdout",
                    err_path = dir + "/stderr";
  std::ofstream(in_path, std::ios::binary) << input;
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.empty() ? GOVREPORT_SOURCE_DIR : cwd.c_str()) != 0) _exit(127);
    const int in = open(in_path.c_str(), O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<char*> argv;
    std::string binary = program;
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (std::string& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  // A run that hangs is killed after two minutes and reported as exit code 124, like timeout(1).
  int status = 0;
  bool timed_out = false;
  for (int waited_ms = 0; waitpid(pid, &status, WNOHANG) == 0; waited_ms += 10) {
    if (waited_ms >= 120'000) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      timed_out = true;
      break;
    }
    usleep(10'000);
  }
  RunResult result;
  result.exit_code = timed_out           ? 124
                     : WIFEXITED(status) ? WEXITSTATUS(status)
                                         : 128 + WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  fs::remove_all(dir);
  return result;
}

std::string temp_dir() {
  std::string tmpl = (fs::temp_directory_path() / "govreport-test-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  REQUIRE(out.good());
}

std::string replace_once(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  INFO("replacing: " << from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string ningxia() { return project_file("data/2020.json"); }

Report load_project(const std::string& relative) {
  LoadResult loaded = load_report(project_file(relative), relative);
  for (const Diagnostic& d : loaded.diagnostics) UNSCOPED_INFO(format_diagnostic(d, Lang::En));
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.report.has_value());
  return std::move(*loaded.report);
}

std::string two_years(const std::string& dir) {
  const std::string y2024 = project_file("data/examples/hongze-gov-2024.json");
  std::string y2025 = replace_once(y2024, "\"year\": 2024", "\"year\": 2025");
  y2025 = replace_once(y2025, "\"in_force\": 8}", "\"in_force\": 11}");
  const std::string rest =
      "\"commercial\": 0, \"research\": 0, \"social_welfare\": 0, "
      "\"legal_services\": 0, \"other\": 0, ";
  y2025 = replace_once(y2025, "\"carried_over\": {\"natural_person\": 0, " + rest + "\"total\": 0}",
                       "\"carried_over\": {\"natural_person\": 1, " + rest + "\"total\": 1}");
  y2025 = replace_once(y2025, "\"received\": {\"natural_person\": 95, " + rest + "\"total\": 95}",
                       "\"received\": {\"natural_person\": 94, " + rest + "\"total\": 94}");
  write_file(dir + "/2024.json", y2024);
  write_file(dir + "/2025.json", y2025);
  return dir;
}

}  // namespace govreport::test
