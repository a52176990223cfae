#pragma once
/// \file
/// Formats for a comparison of two reports: text and JSON.

#include <string>
#include <string_view>

#include "govreport/diagnostic.hpp"
#include "govreport/rollup.hpp"

namespace govreport {

/// Formats the comparison `diff` of `older` (read from `older_name`) and `newer` as text in
/// `lang`: the warnings, a count, each changed cell (in the order of the tables) with its
/// difference and ratio, the cells only one edition has, then the narrative part by part with
/// its similarity and its paragraphs aligned. Ends in a newline.
std::string format_diff_text(const ReportDiff& diff, const Report& older,
                             std::string_view older_name, const Report& newer,
                             std::string_view newer_name, Lang lang);

/// Formats the comparison as JSON: the names, the count, the warnings (in `lang`), the changed,
/// only_old and only_new cells, and the narrative part by part. Ends in a newline.
std::string format_diff_json(const ReportDiff& diff, std::string_view older_name,
                             std::string_view newer_name, Lang lang);

}  // namespace govreport
