#pragma once
// Parts of the format that both editions share, and the step that derives an edition's indexes.

#include <vector>

#include "govreport/edition.hpp"

namespace govreport::detail {

/// Returns the six section headings, identical in both editions.
std::vector<Section> standard_sections();
/// Returns the parts of the text: the preamble, and the narrative of 一, 五 and 六.
std::vector<NarrativePart> standard_narrative();
/// Returns carry-over: 二、上年结转 of a year equals 四、结转下年度继续办理 of the year before.
YearRule carry_over_rule();
/// Returns copied-narrative: 五、存在的主要问题及改进情况 is not (nearly) last year's.
YearRule copied_narrative_rule();
/// Returns the cells of 三 and 四 that the narrative speaks of, with `documents` for 二.
NarrativeCells narrative_cells(std::vector<NarrativeCells::Documents> documents);
/// Returns the cells of 三 and 四 that the overview for evaluators reads.
StatsCells stats_cells();
/// Returns table 三 with `other_rows` as its （六）其他处理 part.
Table applications_table(std::vector<Row> other_rows);
/// Returns table 四, identical in both editions.
Table reviews_table();
/// Returns the 勾稽 identity of table 三 (一 + 二 = 三（七） + 四).
Equation balance_equation();
/// Derives paths, cell indexes and display names; call once per edition.
Edition finish_edition(Edition edition);

}  // namespace govreport::detail
