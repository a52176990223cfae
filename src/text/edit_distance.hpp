#pragma once
// Levenshtein distance, for "did you mean" suggestions.

#include <algorithm>
#include <string_view>
#include <vector>

namespace govreport::detail {

/// Returns the number of single-byte insertions, deletions and substitutions from `a` to `b`.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

/// Returns the candidate closest to `word` if it is close enough to be a typo (at most 2 edits,
/// and fewer than half the word), else an empty view.
template <class Range>
std::string_view closest(std::string_view word, const Range& candidates) {
  std::string_view best;
  std::size_t best_distance = std::min<std::size_t>(3, word.size() / 2 + 1);
  for (const auto& c : candidates) {
    const std::string_view candidate(c);
    // The distance is at least the difference in length: a long word costs nothing.
    const std::size_t gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                           : candidate.size() - word.size();
    if (gap >= best_distance) continue;
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace govreport::detail
