#pragma once
// Helpers shared by the rule implementations.

#include <optional>
#include <string>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"

namespace govreport::detail {

/// Adds narrative-number findings for every paragraph of `report`.
void check_narrative(const Report& report, Findings& findings);

/// Formats a signed difference: "+3", "-1", "0".
std::string signed_number(std::int64_t v);

}  // namespace govreport::detail
