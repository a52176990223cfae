#include "import/normalize.hpp"

#include <opencc/opencc.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace govreport::importer {
namespace {

// The editions print simplified characters; a report printed in traditional ones names the same
// labels. OpenCC's t2s converts by phrase, so a character with two simplified forms gets the
// right one. Without its configuration, text is compared as printed.
std::u32string simplified(std::u32string_view text) {
  // Text without CJK has nothing to convert: cells and numbers skip the lock.
  if (std::all_of(text.begin(), text.end(), [](char32_t c) { return c < 0x2E80; }))
    return std::u32string(text);
  struct Converter {
    opencc_t handle = opencc_open("t2s.json");
    std::mutex mutex;  // OpenCC keeps its last error in a global
    // (opencc_t)-1 is opencc_open's documented failure value.
    // NOLINTNEXTLINE(performance-no-int-to-ptr)
    bool open() const { return handle != reinterpret_cast<opencc_t>(-1); }
    ~Converter() {
      if (open()) opencc_close(handle);
    }
  };
  static Converter converter;
  if (!converter.open()) return std::u32string(text);
  // OpenCC stops at a NUL and refuses invalid UTF-8: it is given the decoded text re-encoded,
  // one stretch between NULs at a time.
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t start = 0;;) {
    const std::size_t end = std::min(text.find(U'\0', start), text.size());
    const std::u32string_view part = text.substr(start, end - start);
    const std::string utf8 = encode_utf8(part);
    char* converted = nullptr;
    {
      std::lock_guard lock(converter.mutex);
      converted = opencc_convert_utf8(converter.handle, utf8.data(), utf8.size());
    }
    if (converted != nullptr) {
      out += decode_utf8(converted);
      opencc_convert_utf8_free(converted);
    } else {
      out += part;
    }
    if (end == text.size()) break;
    out.push_back(U'\0');
    start = end + 1;
  }
  return out;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
         c == 0x00A0 || c == 0x3000 || c == 0x200B || c == 0xFEFF || (c >= 0x2000 && c <= 0x200A);
}

bool is_dash(char32_t c) {
  return c == U'-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 ||
         c == 0x2015 || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D || c == 0x2500 ||
         c == 0x2501;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Applies NFKC; text that utf8proc cannot read is returned as it is.
std::string nfkc(std::string_view text) {
  const std::string copy(text);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> out(
      utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(copy.c_str())), &std::free);
  return out ? std::string(reinterpret_cast<const char*>(out.get())) : copy;
}

bool is_word(char32_t c) { return c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0); }

}  // namespace

std::u32string fold(std::string_view text) {
  const std::u32string in = simplified(decode_utf8(nfkc(text)));
  std::u32string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (is_space(c)) continue;
    if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x300C || c == 0x300D || c == 0x300E ||
        c == 0x300F)
      c = U'"';
    else if (c == 0x2018 || c == 0x2019)
      c = U'\'';
    else if (is_dash(c))
      c = U'-';
    else if (c == 0x30FB || c == 0x2022 || c == 0x2027 || c == 0x2219)
      c = 0x00B7;  // middle dots
    else if (c == 0x3010)
      c = U'[';
    else if (c == 0x3011)
      c = U']';
    else if (c == 0xFF5E || c == 0x301C)
      c = U'~';
    // "1、" and "1." are the same numbering.
    if (c == 0x3001 && !out.empty() && is_digit(out.back())) c = U'.';
    out.push_back(c);
  }
  return out;
}

std::size_t common_length(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return 0;
  std::vector<std::size_t> row(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = 0;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : std::max(row[j], row[j - 1]);
      diagonal = up;
    }
  }
  return row[b.size()];
}

bool is_wide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || c == 0x2014 || c == 0x2015 || c == 0x2026 ||
         c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00B7;
}

std::string tidy(std::string_view text) {
  const std::u32string in = decode_utf8(text);
  std::u32string out;
  bool pending_space = false;
  for (char32_t c : in) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space && !is_wide(out.back()) && !is_wide(c)) out.push_back(U' ');
    pending_space = false;
    out.push_back(c);
  }
  return encode_utf8(out);
}

void append_wrapped(std::string& text, std::string_view next) {
  const std::string tail = tidy(next);
  if (tail.empty()) return;
  if (!text.empty()) {
    const std::u32string a = decode_utf8(text.substr(text.size() > 4 ? text.size() - 4 : 0));
    const std::u32string b = decode_utf8(tail.substr(0, 4));
    // English words wrapped over a line break keep a space; Chinese text has none.
    if (!a.empty() && !b.empty() && is_word(a.back()) && is_word(b.front())) text += ' ';
  }
  text += tail;
}

namespace {

// Units that may follow a number in a cell, longest first.
constexpr std::u32string_view kUnits[] = {U"万元", U"亿元", U"元", U"件", U"条",
                                          U"个",   U"项",   U"起", U"宗", U"次"};

struct NumberText {
  bool negative = false;
  std::u32string digits;    // the integer part, separators removed
  std::u32string fraction;  // after the point, may be empty
  std::u32string unit;
};

std::optional<NumberText> split_number(std::u32string_view s) {
  NumberText n;
  for (std::u32string_view unit : kUnits) {
    if (s.size() > unit.size() && s.ends_with(unit)) {
      n.unit = unit;
      s.remove_suffix(unit.size());
      break;
    }
  }
  if (!s.empty() && (s.front() == U'+' || s.front() == U'-')) {
    n.negative = s.front() == U'-';
    s.remove_prefix(1);
  }
  const std::size_t dot = s.find(U'.');
  std::u32string_view whole = s.substr(0, dot);
  if (dot != std::u32string_view::npos) {
    n.fraction = s.substr(dot + 1);
    if (n.fraction.empty()) return std::nullopt;
    for (char32_t c : n.fraction)
      if (!is_digit(c)) return std::nullopt;
  }
  if (whole.empty()) return std::nullopt;
  // Thousands separators only in their places: 46,209 but not 4,62.
  const bool grouped = whole.find(U',') != std::u32string_view::npos;
  std::size_t since_comma = 0;
  bool seen_comma = false;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const char32_t c = whole[i];
    if (c == U',') {
      if (i == 0 || (seen_comma && since_comma != 3) || (!seen_comma && since_comma > 3))
        return std::nullopt;
      seen_comma = true;
      since_comma = 0;
      continue;
    }
    if (!is_digit(c)) return std::nullopt;
    ++since_comma;
    n.digits.push_back(c);
  }
  if (grouped && since_comma != 3) return std::nullopt;
  if (n.digits.size() > 15 || n.fraction.size() > 8) return std::nullopt;
  return n;
}

bool is_placeholder(std::u32string_view s) {
  if (s == U"/" || s == U"\\") return true;
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char32_t c) { return c == U'-'; }) &&
         s.size() <= 3;
}

std::int64_t to_int(std::u32string_view digits) {
  std::int64_t v = 0;
  for (char32_t c : digits) v = v * 10 + static_cast<std::int64_t>(c - U'0');
  return v;
}

}  // namespace

bool parts_words(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 || c == 0x3000 ||
         c == 0x200B || (c >= 0x2000 && c <= 0x200A);
}

std::vector<std::string> printed_words(std::string_view text) {
  std::vector<std::string> out;
  std::u32string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(encode_utf8(word));
    word.clear();
  };
  for (char32_t c : decode_utf8(text)) {
    if (parts_words(c))
      flush();
    else
      word.push_back(c);
  }
  flush();
  return out;
}

bool looks_like_value(std::string_view text) {
  const std::u32string s = fold(text);
  if (s.empty()) return false;
  return is_placeholder(s) || split_number(s).has_value();
}

bool digits_apart(std::string_view text) {
  std::u32string s = decode_utf8(text);
  // A line break written as a tag in Markdown or text taken from a page ("95<br>3").
  for (std::u32string_view tag : {U"<br>", U"<br/>", U"<br />", U"<BR>", U"<BR/>", U"<BR />"})
    for (std::size_t at; (at = s.find(tag)) != std::u32string::npos;)
      s.replace(at, tag.size(), U" ");
  auto digit = [](char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); };
  auto space = [](char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == U'\u00A0';
  };
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (!digit(s[i]) || !space(s[i + 1])) continue;
    std::size_t j = i + 1;
    while (j < s.size() && space(s[j])) ++j;
    if (j < s.size() && digit(s[j])) return true;
  }
  return false;
}

CellReading read_cell(std::string_view text, CellKind kind, bool column_unit, bool headed_yuan) {
  CellReading r;
  const std::u32string s = fold(text);
  if (s.empty()) return r;  // blank
  // Two numbers in one cell ("95<br>3") or digits split by spaces ("9 5"): never joined.
  if (digits_apart(text)) {
    r.issue = CellReading::Issue::Unreadable;
    return r;
  }
  if (is_placeholder(s)) {
    r.cell.state = Cell::State::NotApplicable;
    return r;
  }
  const std::optional<NumberText> n = split_number(s);
  if (!n) {
    r.issue = CellReading::Issue::Unreadable;
    return r;
  }
  r.unit = encode_utf8(n->unit);
  const bool money = n->unit.ends_with(U"元");
  if (kind != CellKind::Amount) {
    if (money || !n->fraction.empty()) {
      r.issue = CellReading::Issue::Unreadable;
      return r;
    }
    const std::int64_t v = to_int(n->digits);
    r.cell = Cell::number(n->negative ? -v : v);
    return r;
  }
  if (!n->unit.empty() && !money) {
    r.issue = CellReading::Issue::Unreadable;
    return r;
  }
  // The number times its unit, in 万元 × kAmountScale, exactly: a 元 is 10^-4 万元, an 亿元
  // 10^4 万元.
  const bool yuan = n->unit == U"元" || (n->unit.empty() && headed_yuan);
  const int shift = kAmountPlaces + (yuan ? -4 : n->unit == U"亿元" ? 4 : 0);
  std::u32string fraction = n->fraction;
  while (!fraction.empty() && fraction.back() == U'0') fraction.pop_back();
  std::u32string_view whole = n->digits;
  while (whole.size() > 1 && whole.front() == U'0') whole.remove_prefix(1);
  // Finer than the fen, or too large for a data file: not read.
  if (std::cmp_greater(fraction.size(), shift) ||
      whole.size() + static_cast<std::size_t>(shift) > 18) {
    r.issue = CellReading::Issue::Unreadable;
    return r;
  }
  std::int64_t scaled = to_int(whole);
  for (int k = 0; k < shift; ++k) scaled *= 10;
  std::int64_t part = to_int(fraction);
  for (int k = static_cast<int>(fraction.size()); k < shift; ++k) part *= 10;
  scaled += part;
  if (scaled > kMaxScaledAmount) {
    r.issue = CellReading::Issue::Unreadable;
    return r;
  }
  if (yuan || n->unit == U"亿元") {
    r.converted = true;
    r.headed = n->unit.empty();
    if (r.headed) r.unit = "元";
  } else if (n->unit.empty() && !column_unit && scaled != 0) {
    r.issue = CellReading::Issue::NoUnit;
    return r;
  }
  r.cell = Cell::number(n->negative ? -scaled : scaled);
  return r;
}

}  // namespace govreport::importer
