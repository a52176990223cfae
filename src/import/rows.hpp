#pragma once
// Recognising the printed label of a table row: by walking the rows the editions declare.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/edition.hpp"

namespace govreport::importer {

/// One row of an edition that a printed label may name.
struct Candidate {
  const Edition* edition = nullptr;
  const Table* table = nullptr;
  int row = 0;
  std::u32string full;       ///< numbering and label, folded
  std::u32string label;      ///< label only
  std::u32string numbering;  ///< "(一)", "1.", "一、" or empty
  std::u32string bare;       ///< numbering and label without bracketed notes
  int order = 0;             ///< order of declaration, for the rows of the report's edition
  bool current = false;      ///< a row of the report's own edition
  const Row& def() const { return table->rows[static_cast<std::size_t>(row)]; }
};

/// Says how a printed label named its row.
enum class How { Exact, LabelOnly, Noted, Typo };

/// Holds the row a label names, how, and the part of the label that named it (folded).
struct Match {
  const Candidate* candidate = nullptr;
  How how = How::Exact;
  std::u32string printed;
};

/// Matches printed labels against the rows of the tables of some sections: those of the
/// report's edition first, then those of the other editions (an old label in a new report).
class RowMatcher {
 public:
  RowMatcher(const Edition& edition, const std::vector<std::string_view>& sections);

  /// Returns the tables of the report's edition in these sections.
  const std::vector<const Table*>& tables() const { return tables_; }
  /// Returns every row a label may name.
  const std::vector<Candidate>& candidates() const { return candidates_; }

  /// Finds the row whose numbering and label the folded `label` ends with; else one whose label
  /// it ends with once bracketed notes are left out; else a misprint of one of the next rows in
  /// order, with the same numbering and a similar label.
  std::optional<Match> match(const std::u32string& label) const;
  /// Returns `label` without the group headings printed anywhere in it.
  std::u32string without_groups(std::u32string label) const;
  /// Returns a row other than `row` whose whole label stands in `prefix` (after its last full
  /// stop), or nullptr: `row`'s own label may head a table of that one row.
  const Candidate* earlier_row(std::u32string_view prefix, const Candidate& row) const;
  /// Records that `row` of `table` was found; `in_order` moves the place of the next misprint.
  void taken(const Table* table, int row, bool in_order);

 private:
  void add(const Edition& e, const Table& t, int r, int order, bool current);

  std::vector<const Table*> tables_;
  std::vector<Candidate> candidates_;
  std::set<const Candidate*> matched_;
  int last_order_ = -1;
};

}  // namespace govreport::importer
