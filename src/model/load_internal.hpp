#pragma once
// The loader with a choice of JSON parser, for the tests that compare the two.

#include <string_view>

#include "govreport/load.hpp"

namespace govreport::detail {

/// Names the parser that builds the document a report is read from.
enum class JsonParser {
  Fast,   ///< simdjson, and nlohmann for a text it does not build (what load_report does)
  Exact,  ///< nlohmann only
};

/// Reads `text` like load_report, parsing it with `parser`.
LoadResult load_report_with(JsonParser parser, std::string_view text, std::string_view file);

}  // namespace govreport::detail
