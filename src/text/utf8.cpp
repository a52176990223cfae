#include "text/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace govreport::detail {
namespace {

// Calls `each(code point, bytes)` for each character of `s`; an invalid byte comes as -1, 1.
template <class F>
void each_character(std::string_view s, F&& each) {
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      cp = -1;
      n = 1;
    }
    each(cp, static_cast<std::size_t>(n));
    p += n;
    left -= n;
  }
}

}  // namespace

std::pair<std::int32_t, std::size_t> character_at(std::string_view s, std::size_t at) {
  // ASCII and the three-byte characters of Chinese text decoded here; the rest by utf8proc.
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[at + i]); };
  if (byte(0) < 0x80) return {byte(0), 1};
  if (byte(0) >= 0xE0 && byte(0) <= 0xEF && s.size() - at >= 3) {
    const unsigned char low = byte(0) == 0xE0 ? 0xA0 : 0x80;   // not overlong
    const unsigned char high = byte(0) == 0xED ? 0x9F : 0xBF;  // not a surrogate
    if (byte(1) >= low && byte(1) <= high && is_continuation(s[at + 2]))
      return {((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F), 3};
  }
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + at),
                       static_cast<utf8proc_ssize_t>(s.size() - at), &cp);
  if (n <= 0) return {-1, 1};
  return {cp, static_cast<std::size_t>(n)};
}

bool is_letter_or_number(std::int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (is_common_han(cp)) return true;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

std::size_t word_characters(std::string_view s, std::size_t at_most) {
  std::size_t n = 0;
  for (std::size_t at = 0; at < s.size() && n < at_most;) {
    const auto [cp, bytes] = character_at(s, at);
    n += is_letter_or_number(cp) ? 1 : 0;
    at += bytes;
  }
  return n;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(c); }));
}

bool is_valid_utf8(std::string_view s) {
  bool valid = true;
  each_character(s, [&](utf8proc_int32_t cp, std::size_t) { valid = valid && cp >= 0; });
  return valid;
}

std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t at = 0;
  each_character(s, [&](utf8proc_int32_t cp, std::size_t n) {
    if (cp < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.substr(at, n));
    }
    at += n;
  });
  return out;
}

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  each_character(s, [&](utf8proc_int32_t cp, std::size_t) {
    out.push_back(cp < 0 ? U'\uFFFD' : static_cast<char32_t>(cp));
  });
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
  }
  return out;
}

std::string shorten_bytes(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  while (bytes > 0 && is_continuation(text[bytes])) --bytes;
  return std::string(text.substr(0, bytes)) + "…";
}

std::string shorten_chars(std::string_view text, std::size_t limit) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation(text[i])) continue;
    if (points++ == limit) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

}  // namespace govreport::detail
