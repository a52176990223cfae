#pragma once
// Pieces shared by the outputs of the overview: CSV and HTML (stats.cpp) and the workbook
// (stats_xlsx.cpp, in the writer module).

#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/stats.hpp"

namespace govreport::detail {

/// Picks the text in `lang`.
inline const char* tr(Lang lang, const char* zh, const char* en) {
  return lang == Lang::En ? en : zh;
}

/// Describes one column of an output: a fixed column or a rule's.
struct StatsOut {
  std::string key;
  std::string heading;
  StatsKind kind;
};

/// Returns the columns of an output in `lang`: the fixed ones, then one per rule with findings
/// when `with_rules`.
std::vector<StatsOut> stats_outputs(const StatsTable& table, Lang lang, bool with_rules);

/// Returns the text of a cell as the CSV and the HTML table give it (the totals row when
/// `total`); `empty` for an empty rate.
std::string stats_cell_text(const StatsRow& row, const StatsOut& column, bool total, Lang lang,
                            std::string_view empty);

}  // namespace govreport::detail
