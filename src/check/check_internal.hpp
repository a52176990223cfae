#pragma once
// Helpers shared by the rule implementations.

#include <optional>
#include <string>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"
#include "govreport/rollup.hpp"

namespace govreport::detail {

/// What each finding is about, by the finding's index: its cells (what a total adds up, both
/// sides of an equation, the cells a narrative number is compared with) and the cell it judges
/// (a total that disagrees with its parts), if any.
struct FindingCells {
  std::vector<int> cells;  ///< sorted
  int subject = -1;
};
using CellsOfFindings = std::vector<FindingCells>;

/// Records `cells` as what the finding last added to `findings` is about, and `subject` as the
/// cell it judges (-1: none).
void involve(Findings& findings, CellsOfFindings& involved, std::vector<int> cells,
             int subject = -1);

/// Finds the cells that explain several findings: a cell judged by a finding of its own (its
/// total disagrees with its parts) that other findings involve too (an equation, a total row, a
/// narrative number) is their root cause. Each finding that follows from it names it in its
/// message and in `follows`; the root cause says how many follow (sort_diagnostics prints them
/// after it).
void explain_by_cells(const Report& report, std::vector<Diagnostic>& findings,
                      const CellsOfFindings& involved);

/// Adds narrative-number findings for every paragraph of `report`, recording their cells.
void check_narrative(const Report& report, Findings& findings, CellsOfFindings& involved);

/// Returns the text of a narrative part: its paragraphs, then each subsection's title and
/// paragraphs, one per line.
std::string part_text(const Narrative& part);

/// Adds to `diff` the narrative of `older` and `newer` compared part by part.
void diff_narrative(const Report& older, const Report& newer, ReportDiff& diff);
/// Adds to `diff` why `older` and `newer` may not be comparable: other agencies, other
/// editions, years that are not consecutive.
void diff_warnings(const Report& older, const Report& newer, ReportDiff& diff);

/// Formats a signed difference: "+3", "-1", "0".
std::string signed_number(std::int64_t v);

}  // namespace govreport::detail
