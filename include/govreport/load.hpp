#pragma once
/// \file
/// Loading a JSON data file into a Report.

#include <optional>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"

namespace govreport {

/// Holds what loading produced: the report (when its shape allowed one) and every finding.
struct LoadResult {
  std::optional<Report> report;
  std::vector<Diagnostic> diagnostics;
};

/// Reads `text` (UTF-8 JSON, optional BOM) as a data file named `file` in findings.
/// Totals that were omitted are filled in. Never throws for bad data: all of it is findings.
LoadResult load_report(std::string_view text, std::string_view file);

/// Reads `text` like load_report, against `edition` whatever the year: for an edition declared
/// outside editions(), as tests of the declaration do.
LoadResult load_report(std::string_view text, std::string_view file, const Edition& edition);

}  // namespace govreport
