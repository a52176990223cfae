#pragma once
/// \file
/// The library version.

#include <string_view>

namespace govreport {

/// Returns the version of govreport, e.g. "0.1.0".
std::string_view version();

}  // namespace govreport
