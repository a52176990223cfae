// The decoding of one character: govreport's own paths for ASCII and three-byte characters
// against utf8proc's on every sequence of up to three bytes that starts with a lead byte.

#include "text/utf8.hpp"

#include <utf8proc.h>

#include <catch2/catch.hpp>
#include <string>

using govreport::detail::character_at;

namespace {

std::pair<std::int32_t, std::size_t> by_utf8proc(std::string_view s, std::size_t at) {
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + at),
                       static_cast<utf8proc_ssize_t>(s.size() - at), &cp);
  if (n <= 0) return {-1, 1};
  return {cp, static_cast<std::size_t>(n)};
}

}  // namespace

TEST_CASE("character_at decodes as utf8proc does, valid or not, whole or cut short", "[utf8]") {
  std::size_t wrong = 0, valid = 0;
  for (int lead = 0; lead < 256; ++lead) {
    for (int second = 0; second < 256; ++second) {
      for (int third = 0; third < 256; ++third) {
        if (lead < 0xC0 && (second > 0 || third > 0)) continue;  // one byte decides
        const std::string s{static_cast<char>(lead), static_cast<char>(second),
                            static_cast<char>(third), 'a'};
        for (const std::size_t size : {std::size_t{1}, std::size_t{2}, std::size_t{3}, s.size()}) {
          const std::string_view v(s.data(), size);
          const auto got = character_at(v, 0), want = by_utf8proc(v, 0);
          if (got != want && wrong++ == 0)
            UNSCOPED_INFO("first difference: bytes " << lead << " " << second << " " << third
                                                     << ", length " << size);
          valid += got.first >= 0 ? 1 : 0;
        }
      }
    }
  }
  CHECK(wrong == 0);
  CHECK(valid > 60000);  // every three-byte character, at least, was decoded
}

TEST_CASE("letters and numbers: ASCII and common Han as utf8proc's categories say", "[utf8]") {
  for (std::int32_t cp = 0; cp < 0xA000; ++cp) {
    const auto category = utf8proc_category(cp);
    const bool want = category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LL ||
                      category == UTF8PROC_CATEGORY_LT || category == UTF8PROC_CATEGORY_LM ||
                      category == UTF8PROC_CATEGORY_LO || category == UTF8PROC_CATEGORY_ND ||
                      category == UTF8PROC_CATEGORY_NL || category == UTF8PROC_CATEGORY_NO;
    INFO("U+" << std::hex << cp);
    REQUIRE(govreport::detail::is_letter_or_number(cp) == want);
  }
}
