#pragma once
// What the fuzz targets check beyond "no crash": valid UTF-8 out, findings placed inside the
// input, data that survives being written and read again. A violation aborts with a message, so
// that libFuzzer keeps the input and the corpus replay fails on it.

#include <utf8proc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"

namespace govreport::fuzz {

[[noreturn]] inline void fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz property violated: %.*s\n%.*s\n", static_cast<int>(what.size()),
               what.data(), static_cast<int>(std::min<std::size_t>(detail.size(), 2000)),
               detail.data());
  std::abort();
}

inline void require(bool ok, std::string_view what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

/// Requires `a == b`; on failure shows the first line where they differ.
inline void require_same(std::string_view a, std::string_view b, std::string_view what) {
  if (a == b) return;
  std::size_t at = 0;
  while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
  const std::size_t from = a.rfind('\n', at) == std::string_view::npos ? 0 : a.rfind('\n', at) + 1;
  auto line = [&](std::string_view s) { return s.substr(from, s.find('\n', at) - from); };
  fail(what, "first:  " + std::string(line(a)) + "\nsecond: " + std::string(line(b)));
}

inline bool valid_utf8(std::string_view s) {
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
    if (n <= 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

inline void require_utf8(std::string_view s, std::string_view what) {
  require(valid_utf8(s), what, "is not valid UTF-8");
}

/// The largest column of each line of a text (lines end at '\n' or at a '\r' not followed by
/// '\n', as positions count them; columns count code points).
inline std::vector<std::size_t> json_line_widths(std::string_view text) {
  std::vector<std::size_t> widths(1, 0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      widths.push_back(0);
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++widths.back();
  }
  return widths;
}

/// Checks what every finding must be: a known rule, UTF-8 messages in both languages, a place
/// that is unknown (0:0) or inside `widths` (line 1.., column 1..width+1), and both printed forms.
inline void require_findings(const std::vector<Diagnostic>& findings,
                             const std::vector<std::size_t>& widths) {
  for (const Diagnostic& d : findings) {
    const std::string line = format_diagnostic(d, Lang::En);
    require(rule(d.rule).severity == d.severity, "a finding has the severity of its rule", line);
    require_utf8(d.message_zh, "a finding's Chinese message");
    require_utf8(d.message_en, "a finding's English message");
    require_utf8(format_diagnostic(d, Lang::Zh), "a printed finding");
    require_utf8(line, "a printed finding");
    require(!d.message_zh.empty() && !d.message_en.empty(), "a finding has a message", line);
    const Position& p = d.position;
    if (p.line == 0) {
      require(p.column == 0, "a finding without a line has no column", line);
      continue;
    }
    require(p.line <= widths.size(), "a finding's line is inside the input", line);
    require(p.column >= 1 && p.column <= widths[p.line - 1] + 1,
            "a finding's column is inside its line", line);
  }
}

}  // namespace govreport::fuzz
