#pragma once
// The printed forms of a report's values, shared by the JSON writer, the references in the text
// and the renderers.

#include <string>

#include "govreport/report.hpp"

namespace govreport::detail {

/// Returns the printed form of a table cell of `report` (a 2019 amount carries its unit).
std::string cell_text(const Report& report, const Table& table, int row, int column);

/// Returns the canonical JSON of the report; `with_title` writes the default title when none is
/// set.
std::string write_report_json(const Report& report, bool with_title);

}  // namespace govreport::detail
