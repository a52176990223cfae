#pragma once
// Pieces shared by the renderers; with the printed forms of the model and the text helpers.

#include <optional>
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

/// Holds the 落款 that closes the report, laid out after GB/T 9704-2012 7.3.5.2: the agency
/// right-aligned two characters from the margin, the date below it starting two characters
/// right of the agency's first; a date too long for that ends two characters from the margin
/// and the agency moves left. Widths are in characters (a Chinese character is one).
struct Signature {
  std::string agency;
  std::string date;          ///< "2025年1月20日"; empty when the report gives no `published`
  double agency_indent = 2;  ///< the agency's right indent
  double agency_width = 0;   ///< its width
  /// Whether the date starts two characters right of the agency's first (else it is
  /// right-aligned with a right indent of two characters).
  bool date_under_agency = true;
};
/// Returns the 落款 of `report` from `agency` (on one line, fit to publish) and `published`;
/// nullopt when it names no agency.
std::optional<Signature> signature(const Report& report);

/// Returns the label printed for a row: numbering and label, with its shared heading if any.
std::string row_label(const Row& row);

}  // namespace govreport::detail
