#pragma once
// Helpers for the tests: files of the project, golden files, and running the real binary.

#include <string>
#include <string_view>
#include <vector>

#include "govreport/report.hpp"

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

/// Writes `content` to the file at `path`.
void write_file(const std::string& path, const std::string& content);

/// Returns `text` with `from`, which must occur in it exactly once, replaced by `to`.
std::string replace_once(std::string text, std::string_view from, std::string_view to);

/// Splits `text` into its lines, without their newlines.
std::vector<std::string> split_lines(const std::string& text);

/// Returns data/2020.json, the reference report (2019 edition).
std::string ningxia();

/// Writes 2024.json (data/examples/hongze-gov-2024.json) and 2025.json, its next year, into
/// `dir`, and returns `dir`. 2025 says one application was carried over, 2024 carried none
/// forward: two carry-over errors in 2025 (自然人, 总计); each file has one narrative warning.
std::string two_years(const std::string& dir);

/// Loads the project file `relative` ("data/2020.json"), which must load without findings.
Report load_project(const std::string& relative);

}  // namespace govreport::test
