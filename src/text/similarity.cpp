#include "govreport/similarity.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>

#include "text/utf8.hpp"

namespace govreport {
namespace {

// A 32-bit hash of the bigram (a, b): the two code points (21 bits each) mixed (splitmix64's
// finalizer), the high half kept.
std::uint32_t bigram_hash(char32_t a, char32_t b) {
  std::uint64_t x = (static_cast<std::uint64_t>(a) << 21) | static_cast<std::uint64_t>(b);
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return static_cast<std::uint32_t>(x >> 32);
}

}  // namespace

std::u32string comparable_text(std::string_view text) {
  std::u32string out;
  out.reserve(text.size() / 3);
  bool in_number = false;
  std::array<utf8proc_int32_t, 18> folded{};
  for (std::size_t at = 0; at < text.size();) {
    const auto [cp, length] = detail::character_at(text, at);
    at += length;
    if (cp < 0) continue;
    if (detail::is_common_han(cp)) {  // folds to itself
      in_number = false;
      out.push_back(static_cast<char32_t>(cp));
      continue;
    }
    utf8proc_int32_t boundclass = 0;
    const utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, folded.data(), static_cast<utf8proc_ssize_t>(folded.size()),
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD),
        &boundclass);
    for (utf8proc_ssize_t i = 0; i < n && i < static_cast<utf8proc_ssize_t>(folded.size()); ++i) {
      const utf8proc_int32_t c = folded[static_cast<std::size_t>(i)];
      if (utf8proc_category(c) == UTF8PROC_CATEGORY_ND) {
        if (!in_number) out.push_back(U'0');
        in_number = true;
        continue;
      }
      if (!detail::is_letter_or_number(c))
        continue;  // punctuation inside a number (1,234 or 3.5) does not end it
      in_number = false;
      out.push_back(static_cast<char32_t>(c));
    }
  }
  return out;
}

TextProfile text_profile(std::string_view text) {
  const std::u32string chars = comparable_text(text);
  TextProfile p;
  p.chars = chars.size();
  if (chars.size() < 2) {
    p.short_text = chars;
    return p;
  }
  p.bigrams.reserve(chars.size() - 1);
  for (std::size_t i = 0; i + 1 < chars.size(); ++i)
    p.bigrams.push_back(bigram_hash(chars[i], chars[i + 1]));
  std::sort(p.bigrams.begin(), p.bigrams.end());
  return p;
}

double similarity(const TextProfile& a, const TextProfile& b) {
  if (a.bigrams.empty() || b.bigrams.empty())
    return a.bigrams.empty() && b.bigrams.empty() && a.short_text == b.short_text ? 1.0 : 0.0;
  std::size_t common = 0;
  auto i = a.bigrams.begin();
  auto j = b.bigrams.begin();
  while (i != a.bigrams.end() && j != b.bigrams.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return 2.0 * static_cast<double>(common) /
         static_cast<double>(a.bigrams.size() + b.bigrams.size());
}

double similarity(std::string_view a, std::string_view b) {
  return similarity(text_profile(a), text_profile(b));
}

}  // namespace govreport
