#include "govreport/safe_text.hpp"

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace govreport {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_control(std::int32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool is_line_or_direction(std::int32_t cp) {
  return cp == 0x2028 || cp == 0x2029 || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, n] = detail::character_at(text, i);
    if (cp < 0) {
      out += kReplacement;
    } else if (is_control(cp) || is_line_or_direction(cp)) {
      out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(cp));
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string publishable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, n] = detail::character_at(text, i);
    if (cp == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (cp < 0) {
      out += kReplacement;
    } else if ((is_control(cp) && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF) {
      // dropped: nothing to print, and XML 1.0 cannot hold them
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

}  // namespace govreport
