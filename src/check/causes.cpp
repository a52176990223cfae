// Findings that one cell explains: the root cause first, the others marked as following from it.

#include <fmt/format.h>

#include <algorithm>

#include "check/check_internal.hpp"

namespace govreport::detail {

void involve(Findings& findings, CellsOfFindings& involved, std::vector<int> cells, int subject) {
  involved.resize(findings.list().size());
  std::sort(cells.begin(), cells.end());
  cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
  involved.back() = {std::move(cells), subject};
}

void explain_by_cells(const Report& report, std::vector<Diagnostic>& findings,
                      const CellsOfFindings& involved) {
  const std::size_t n = std::min(findings.size(), involved.size());
  std::vector<bool> done(n, false);
  auto about = [&](std::size_t f, int cell) {
    const std::vector<int>& cells = involved[f].cells;
    return std::binary_search(cells.begin(), cells.end(), cell);
  };
  while (true) {
    // The cell in most findings not yet explained, among those judged by a finding of their own.
    int best = -1;
    std::size_t best_count = 1, best_root = 0;
    for (std::size_t f = 0; f < n; ++f) {
      const int cell = involved[f].subject;
      if (done[f] || cell < 0) continue;
      std::size_t count = 0;
      for (std::size_t g = 0; g < n; ++g)
        count += !done[g] && about(g, cell) && (g == f || involved[g].subject != cell) ? 1 : 0;
      if (count > best_count) {
        best = cell;
        best_count = count;
        best_root = f;
      }
    }
    if (best < 0) return;
    const CellDef& def = report.edition->cells[static_cast<std::size_t>(best)];
    Diagnostic& root = findings[best_root];
    root.root_cause = true;
    std::size_t following = 0;
    for (std::size_t g = 0; g < n; ++g) {
      if (done[g] || !about(g, best)) continue;
      done[g] = true;
      // Another finding that judges the same cell is no consequence of this one.
      if (involved[g].subject == best) continue;
      ++following;
      Diagnostic& d = findings[g];
      d.follows = root.pointer;
      d.message_zh += fmt::format("（随 {} 而来：先核对它）", def.name_zh);
      d.message_en += fmt::format(" (follows from {}: check it first)", def.name_zh);
    }
    root.message_zh += fmt::format("（另有 {} 条结果随之而来）", following);
    root.message_en += fmt::format(" ({} more finding{} follow{} from it)", following,
                                   following == 1 ? "" : "s", following == 1 ? "s" : "");
  }
}

}  // namespace govreport::detail
