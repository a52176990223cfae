// A report read and checked: the findings of reading and of the rules, in order.

#include <iterator>

#include "govreport/check.hpp"
#include "govreport/load.hpp"
#include "govreport/schema.hpp"

namespace govreport {

Analysis analyze(std::optional<Report> report, std::vector<Diagnostic> findings,
                 std::string_view file) {
  Analysis result{std::move(report), std::move(findings)};
  if (result.report) {
    std::vector<Diagnostic> found = check_report(*result.report, file);
    result.diagnostics.insert(result.diagnostics.end(), std::make_move_iterator(found.begin()),
                              std::make_move_iterator(found.end()));
  }
  sort_diagnostics(result.diagnostics);
  return result;
}

Analysis analyze_json(std::string_view text, std::string_view file) {
  if (declares_json_schema(text)) return Analysis{std::nullopt, {}, true};
  LoadResult loaded = load_report(text, file);
  return analyze(std::move(loaded.report), std::move(loaded.diagnostics), file);
}

}  // namespace govreport
