#pragma once
// Helpers for the tests: files of the project, golden files, and running the real binary.

#include <string>
#include <vector>

namespace govreport::test {

/// Returns the contents of a file, or throws.
std::string read_file(const std::string& path);
/// Returns the contents of a file below the project root ("data/2020.json").
std::string project_file(const std::string& relative);

/// Compares `actual` with tests/golden/<name>; with GOVREPORT_APPROVE=1 in the environment,
/// writes `actual` there instead. Returns whether they match (always true when approving).
bool matches_golden(const std::string& name, const std::string& actual);

/// Holds what a run of the govreport binary produced.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs the govreport binary with `args` in `cwd` (default: the project root), `input` on stdin.
/// A run still going after two minutes is killed: exit code 124.
RunResult run_govreport(const std::vector<std::string>& args, const std::string& input = "",
                        const std::string& cwd = "");

/// Runs `program` like run_govreport.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::string& input = "", const std::string& cwd = "");

/// Creates a fresh empty temporary directory and returns its path.
std::string temp_dir();

}  // namespace govreport::test
