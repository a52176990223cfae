#pragma once
/// \file
/// Blank reports for agencies to fill in.

#include <string_view>

#include "govreport/report.hpp"

namespace govreport {

/// Returns a complete template for `year` (every cell blank, narrative empty); nullopt before 2019.
std::optional<Report> make_template(int year, std::string_view agency, AgencyKind kind);

}  // namespace govreport
