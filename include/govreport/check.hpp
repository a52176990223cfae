#pragma once
/// \file
/// The consistency rules of the format, applied to one report.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"

namespace govreport {

/// Runs every single-report rule on `report` and returns all findings, attributed to `file`.
std::vector<Diagnostic> check_report(const Report& report, std::string_view file);

/// Holds a report read and checked: the report, when one could be read, and every finding.
struct Analysis {
  std::optional<Report> report;
  std::vector<Diagnostic> diagnostics;  ///< sorted by position
  /// The text is a JSON Schema, not report data (declares_json_schema): no report, no findings.
  bool json_schema = false;

  /// Says whether any finding is an error.
  bool has_errors() const { return count(diagnostics, Severity::Error) > 0; }
};

/// Checks what reading `file` produced: runs the rules on `report`, when there is one, adds
/// their findings to `findings` (the loader's or importer's), and sorts them.
Analysis analyze(std::optional<Report> report, std::vector<Diagnostic> findings,
                 std::string_view file);

/// Loads JSON data named `file` (load_report) and checks it (analyze); a JSON Schema is not
/// loaded but marked as such.
Analysis analyze_json(std::string_view text, std::string_view file);

/// Returns how findings name the sum of rows `paths` of `table`: "一+二", "三（七）+四".
std::string rows_name(const Table& table, const std::vector<std::string_view>& paths);

}  // namespace govreport
