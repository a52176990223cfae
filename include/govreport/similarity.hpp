#pragma once
/// \file
/// How alike two texts are: the Dice coefficient of their character bigrams, over the text with
/// width, case, spacing, punctuation and the digits of numbers set aside.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace govreport {

/// Returns `text` as it is compared: compatibility-folded (full-width letters and digits become
/// ASCII) and case-folded, with only letters and digits kept (no spaces, punctuation, symbols,
/// marks or control characters), and each run of digits one "0", so that a year or a count
/// changed from one report to the next is no difference. Bytes that are not UTF-8 are dropped.
std::u32string comparable_text(std::string_view text);

/// Holds what comparing a text needs of it: the multiset of its comparable character bigrams,
/// each as a 32-bit hash, sorted. Small enough to keep for thousands of reports.
struct TextProfile {
  std::vector<std::uint32_t> bigrams;
  std::size_t chars = 0;  ///< comparable characters
  /// With fewer than two comparable characters there is no bigram: the text itself, to compare.
  std::u32string short_text;
};

/// Returns the profile of `text`.
TextProfile text_profile(std::string_view text);

/// Returns the Dice coefficient of the bigram multisets A and B, 2·|A ∩ B| / (|A| + |B|): 1 for
/// texts that are the same once comparable, 0 for texts with no bigram in common. Texts with
/// fewer than two comparable characters are 1 when they are equal, else 0.
double similarity(const TextProfile& a, const TextProfile& b);

/// Returns the similarity of two texts (see the above).
double similarity(std::string_view a, std::string_view b);

}  // namespace govreport
