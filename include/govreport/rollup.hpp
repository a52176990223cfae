#pragma once
/// \file
/// Adding up reports (regional statistics) and comparing two reports.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"
#include "govreport/stats.hpp"

namespace govreport {

/// Adds up the tables of reports of one year and edition, one report at a time, so that any
/// number of members takes constant memory. "/" counts as nothing; a blank leaves the sum blank.
class Summer {
 public:
  /// Adds `member`; returns an error message if its year or edition differs from the first
  /// member's, or if a sum would grow beyond what a data file can hold (kMaxCount,
  /// kMaxScaledAmount), and then adds nothing.
  std::optional<Message> add(const Report& member, std::string_view name);
  /// Returns how many members were added.
  std::size_t size() const { return members_; }
  /// Returns the sum as a report of `agency`, narrative empty; requires size() > 0.
  Report result(std::string_view agency) const;
  /// Returns, for each member that had blank cells, its file and how many.
  const std::vector<std::pair<std::string, std::size_t>>& blanks() const { return blanks_; }

 private:
  std::optional<Report> sum_;
  std::string first_file_;
  std::size_t members_ = 0;
  std::vector<std::pair<std::string, std::size_t>> blanks_;
};

/// Returns a rollup finding for every cell where `summary` differs from `sum` (same edition):
/// a number that differs, "/" where the members add up to more than 0, and a blank or invalid
/// cell. Cells that a member left blank are not compared.
std::vector<Diagnostic> check_rollup(const Report& summary, std::string_view summary_file,
                                     const Report& sum, std::size_t members);

/// Describes one table cell compared between two reports.
struct CellChange {
  std::string pointer;
  std::string name;  ///< display name, from the newer report's edition where it exists
  std::string old_value, new_value;        ///< as printed; empty for blank
  std::optional<std::int64_t> difference;  ///< new − old in the cell's unit, when both are numbers
  std::optional<double> ratio;             ///< new / old, when both are numbers and old ≠ 0
  bool amount = false;                     ///< the cell holds 万元 × kAmountScale
};

/// Describes a paragraph of a narrative part and the paragraph of the other report it is aligned
/// with: both, or only the old one (dropped) or only the new one (added).
struct ParagraphPair {
  std::string old_pointer, new_pointer;  ///< JSON Pointers; empty on the side that has none
  std::string old_text, new_text;
  double similarity = 0;  ///< of the two paragraphs; 0 when one is missing
};

/// Describes one narrative part of two reports compared.
struct PartDiff {
  std::string key;  ///< NarrativePart::key
  std::string heading_zh, heading_en;
  std::size_t old_paragraphs = 0, new_paragraphs = 0;
  double similarity = 0;                  ///< of the whole part (similarity.hpp)
  std::vector<ParagraphPair> paragraphs;  ///< in the order of both texts
};

/// Holds a comparison: the changed cells (in the order of the tables), cells that only one
/// report's edition has, the narrative part by part, and why the two may not be comparable.
struct ReportDiff {
  std::vector<CellChange> changed;
  std::vector<CellChange> only_old;
  std::vector<CellChange> only_new;
  std::size_t compared = 0;
  std::vector<PartDiff> narrative;  ///< the parts the newer edition declares, in order
  std::vector<Message> warnings;    ///< other agencies, editions, or years not consecutive
  Rates old_rates, new_rates;       ///< the rates of the two reports (stats.hpp)
};

/// Aligns the paragraphs `older` and `newer` in order, pairing paragraphs at least
/// kParagraphMatch alike so that the sum of the pairs' similarities is largest; the others are
/// dropped or added. Returns the pairs as indexes into the two lists (-1: none), in order.
std::vector<std::pair<int, int>> align_paragraphs(const std::vector<std::string>& older,
                                                  const std::vector<std::string>& newer);
/// The similarity from which two paragraphs may be aligned.
inline constexpr double kParagraphMatch = 0.3;

/// Compares every table cell and narrative part of `older` with `newer`.
ReportDiff diff_reports(const Report& older, const Report& newer);

}  // namespace govreport
