// The common form of sources: lines, page numbers, and character sets (what a source says it
// uses, what its bytes show, and conversion with iconv).

#include "import/document.hpp"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

#include "import/normalize.hpp"
#include "text/utf8.hpp"

namespace govreport::importer {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Converts with iconv; nullopt if the bytes are not valid in `from`.
std::optional<std::string> convert(std::string_view bytes, const std::string& from) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  // (iconv_t)-1 is iconv_open's documented failure value.
  // NOLINTNEXTLINE(performance-no-int-to-ptr)
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  std::string in(bytes);
  char* src = in.data();
  std::size_t src_left = in.size();
  char buffer[8192];
  bool ok = true;
  while (src_left > 0) {
    char* dst = buffer;
    std::size_t dst_left = sizeof buffer;
    const std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    out.append(buffer, static_cast<std::size_t>(dst - buffer));
    if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
      ok = false;
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  return out;
}

// Maps the names pages use to the one iconv should read them with: GB2312 and GBK pages
// often contain characters of the larger GB18030, which is a superset of both.
std::string iconv_name(std::string_view declared) {
  const std::string name = lower(declared);
  if (name == "gb2312" || name == "gbk" || name == "gb18030" || name == "x-gbk" ||
      name == "cp936" || name == "euc-cn" || name == "windows-936")
    return "GB18030";
  if (name == "big5" || name == "big5-hkscs") return "BIG5-HKSCS";
  if (name == "utf8") return "UTF-8";
  return std::string(declared);
}

}  // namespace

std::string declared_html_charset(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096)));
  std::size_t at = 0;
  while ((at = head.find("charset", at)) != std::string::npos) {
    at += 7;
    std::size_t i = at;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) != 0 ||
                                 head[end] == '-' || head[end] == '_'))
      ++end;
    if (end > i) return head.substr(i, end - i);
  }
  return {};
}

std::string Line::text() const {
  std::string out;
  for (const Piece& p : pieces) {
    if (!out.empty()) out += ' ';
    out += p.text;
  }
  return out;
}

std::optional<std::string> to_utf8(std::string_view bytes, std::string_view declared,
                                   std::string& charset) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    charset = "UTF-8";
    bytes.remove_prefix(3);
    return detail::is_valid_utf8(bytes) ? std::optional<std::string>(std::string(bytes))
                                        : std::nullopt;
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    charset = bytes.starts_with("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
    return convert(bytes.substr(2), charset);
  }
  const bool utf8 = detail::is_valid_utf8(bytes);
  if (!declared.empty()) {
    const std::string name = iconv_name(declared);
    if (lower(name) == "utf-8") {
      // A page that says UTF-8 but is not: the declaration is wrong, read what the bytes are.
      if (utf8) {
        charset = "UTF-8";
        return std::string(bytes);
      }
    } else if (auto out = convert(bytes, name)) {
      charset = name;
      return out;
    }
  }
  if (utf8) {
    charset = "UTF-8";
    return std::string(bytes);
  }
  if (auto out = convert(bytes, "GB18030")) {
    charset = "GB18030";
    return out;
  }
  return std::nullopt;
}

bool is_page_number(std::string_view text) {
  std::string s;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\r') s += c;
  // Strip dashes of any width around the number.
  auto strip = [&](std::string_view dash) {
    while (s.starts_with(dash)) s.erase(0, dash.size());
    while (s.ends_with(dash)) s.erase(s.size() - dash.size());
  };
  const std::string original = s;
  for (std::string_view dash : {"-", "—", "－", "–", "―"}) strip(dash);
  const bool dashed = s != original;
  auto digits = [](std::string_view v) {
    return !v.empty() && v.size() <= 4 &&
           std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (dashed && digits(s)) return true;
  return s.starts_with("第") && s.ends_with("页") && s.size() > 6 &&
         digits(std::string_view(s).substr(3, s.size() - 6));
}

bool append_grid_row(const std::vector<GridSlot>& row, const std::vector<std::string>& texts,
                     const std::function<std::string(std::size_t)>& place, Line& line) {
  int last = -1;
  bool last_emitted = false;  // whether cell `last` gave a piece of this line
  bool any = false;
  for (std::size_t c = 0; c < row.size(); ++c) {
    const GridSlot& slot = row[c];
    const auto x0 = static_cast<double>(c), x1 = static_cast<double>(c + 1);
    if (slot.origin < 0) {
      line.pieces.push_back({"", x0, x1, place(c)});
      last = -1;
      continue;
    }
    if (slot.origin == last) {  // the same cell spanning columns
      if (last_emitted) line.pieces.back().x1 = x1;
      continue;
    }
    last = slot.origin;
    const std::string& text = texts[static_cast<std::size_t>(slot.origin)];
    last_emitted = !(slot.copied_down && (text.empty() || looks_like_value(text)));
    if (!last_emitted) continue;
    line.pieces.push_back({text, x0, x1, place(c)});
    any = any || !text.empty();
  }
  return any;
}

}  // namespace govreport::importer
