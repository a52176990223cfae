#pragma once
// Pieces shared by the renderers; with the printed forms of the model and the text helpers.

#include <string>
#include <string_view>
#include <vector>

#include "govreport/report.hpp"
#include "model/printed.hpp"
#include "text/text.hpp"

namespace govreport::detail {

/// Returns the Chinese numeral of n (1 ≤ n ≤ 99): 一, 十二, 二十三.
std::string chinese_numeral(int n);

/// Returns the run-in opening of subsection `index` (0-based): "（一）主动公开政府信息方面。".
std::string subsection_lead(const Subsection& subsection, std::size_t index);

/// Returns the paragraphs printed under the section numbered `numeral` (before the sections for
/// an empty numeral) as plain text: its narrative's paragraphs, then each subsection with its
/// run-in lead; none for a section of tables only.
std::vector<std::string> section_paragraphs(const Report& report, std::string_view numeral);

/// Returns the label printed for a row: numbering and label, with its shared heading if any.
std::string row_label(const Row& row);

}  // namespace govreport::detail
