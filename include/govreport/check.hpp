#pragma once
/// \file
/// The consistency rules of the format, applied to one report.

#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"

namespace govreport {

/// Runs every single-report rule on `report` and returns all findings, attributed to `file`.
std::vector<Diagnostic> check_report(const Report& report, std::string_view file);

}  // namespace govreport
