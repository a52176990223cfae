#pragma once
/// \file
/// Outputs of the overview for evaluators (stats.hpp): CSV, an .xlsx workbook and an HTML page.

#include <string>
#include <string_view>

#include "govreport/diagnostic.hpp"
#include "govreport/stats.hpp"

namespace govreport {

/// Returns the CSV of the overview (RFC 4180: CRLF line ends, fields quoted where needed; UTF-8
/// with a byte order mark, so that spreadsheet programs read the Chinese right): a heading row,
/// one row per report, one column per rule with findings, the totals row last. Rates are per
/// cent with two decimals, an empty rate an empty field. A text value that a spreadsheet would
/// take for a formula (it begins with = + - @) is given a leading apostrophe.
std::string stats_csv(const StatsTable& table, Lang lang);

/// Returns the bytes of an .xlsx workbook of the overview: the same rows and columns as the CSV
/// on one sheet, counts as numbers, rates as fractions shown as per cent, a filter on the
/// heading row; a second sheet lists the inputs that could not be read. Throws
/// std::runtime_error when it cannot be written.
std::string stats_xlsx(const StatsTable& table, Lang lang);

/// Returns a self-contained HTML page of the overview (inline CSS and SVG, no scripts, A4 when
/// printed, legible in black and white): the totals, bar charts of the rates by agency (the
/// latest year's reports) and of the findings by rule, a trend by year when the rows span
/// several years, the table of reports, and the inputs that could not be read. An empty rate
/// shows as "—".
std::string stats_html(const StatsTable& table, Lang lang);

}  // namespace govreport
