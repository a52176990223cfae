#include "model/json_syntax.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "text/utf8.hpp"

namespace govreport::detail {
namespace {

// What may come next.
enum class Expect { Value, ValueOrEnd, Key, KeyOrEnd, Colon, CommaOrEnd, Done };

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_wide_digit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
}

std::string utf8(char32_t c) { return encode_utf8(std::u32string_view(&c, 1)); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Whether the JSON number grammar accepts `s`: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_number(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > from;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : t_(text) {}

  std::optional<SyntaxProblem> run() {
    std::size_t i = t_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (true) {
      while (i < t_.size() && is_space(t_[i])) ++i;
      if (i >= t_.size()) return at_end();
      if (expect_ == Expect::Done) return std::nullopt;  // content after the value
      const auto [code, length] = character_at(t_, i);
      if (code <= 0) return std::nullopt;  // invalid UTF-8 or NUL: the parser says so
      const auto c = static_cast<char32_t>(code);
      if (c >= 0x80) return wide(i, c);
      if ((c == U'/' && i + 1 < t_.size() && (t_[i + 1] == '/' || t_[i + 1] == '*')) || c == U'#')
        return problem(i, "JSON 中不能写注释（// 、/* */ 或 #）：请删去这段注释",
                       "JSON allows no comments (//, /* */ or #): delete it");
      std::optional<SyntaxProblem> p;
      switch (c) {
        case U'"': {
          std::size_t end = 0;
          if ((p = string_at(i, end)) || give_up_) return p;
          if ((p = token(i, end, Token::String))) return p;
          i = end;
          continue;
        }
        case U'{':
        case U'[':
          if ((p = token(i, i + 1, Token::Open))) return p;
          stack_.push_back(static_cast<char>(c));
          expect_ = c == U'{' ? Expect::KeyOrEnd : Expect::ValueOrEnd;
          ++i;
          continue;
        case U'}':
        case U']':
          if ((p = close(i, static_cast<char>(c)))) return p;
          ++i;
          continue;
        case U',':
          if ((p = comma(i))) return p;
          ++i;
          continue;
        case U':':
          if (expect_ != Expect::Colon)
            return problem(i, "多余的冒号 :：冒号只能写在键名之后",
                           "extra colon: a colon follows only a key");
          expect_ = Expect::Value;
          after_ = After::Colon;
          ++i;
          continue;
        case U'\'':
          return problem(i, "单引号 '：JSON 的字符串要用英文双引号 \" 括起来",
                         "single quote ': JSON strings are in double quotes \"");
        default:
          break;
      }
      if (c == U'-' || c == U'+' || c == U'.' || is_digit(c)) {
        std::size_t end = i;
        while (end < t_.size() && (is_digit(static_cast<unsigned char>(t_[end])) ||
                                   std::string_view("+-.eE").find(t_[end]) != std::string::npos))
          ++end;
        const std::string_view number = t_.substr(i, end - i);
        if ((p = token(i, end, Token::Number))) return p;
        if (!is_number(number))
          return problem(i,
                         fmt::format("数字「{}」写法有误：请写成 12、-3、0.5 这样的数字", number),
                         fmt::format("\"{}\" is not a JSON number: write numbers like 12, -3 or "
                                     "0.5",
                                     number));
        i = end;
        continue;
      }
      if (is_letter(static_cast<char>(c))) {
        std::size_t end = i;
        while (end < t_.size() && is_letter(t_[end])) ++end;
        const std::string_view word = t_.substr(i, end - i);
        if (word == "true" || word == "false" || word == "null") {
          if ((p = token(i, end, Token::Literal))) return p;
          i = end;
          continue;
        }
        return bare_word(i, word);
      }
      if (c < 0x20) return std::nullopt;  // a control character: the parser names it
      return problem(i, fmt::format("这里不能有「{}」", utf8(c)),
                     fmt::format("\"{}\" cannot stand here", utf8(c)));
    }
  }

 private:
  enum class Token { String, Number, Literal, Open };
  enum class After { Start, Colon, Comma };

  static std::optional<SyntaxProblem> problem(std::size_t at, std::string zh, std::string en) {
    return SyntaxProblem{at, Message{std::move(zh), std::move(en)}};
  }

  bool in_object() const { return !stack_.empty() && stack_.back() == '{'; }

  // A value (or a key) from `at` to `end`, checked against what may come next.
  std::optional<SyntaxProblem> token(std::size_t at, std::size_t end, Token kind) {
    switch (expect_) {
      case Expect::Key:
      case Expect::KeyOrEnd:
        if (kind != Token::String)
          return problem(at, "这里应为英文双引号括起来的键名，如 \"year\"",
                         "a key in double quotes, like \"year\", is expected here");
        key_ = t_.substr(at + 1, end - at - 2);
        expect_ = Expect::Colon;
        prev_end_ = end;
        return std::nullopt;
      case Expect::Colon:
        return problem(prev_end_,
                       fmt::format("键名 \"{}\" 之后缺少冒号 :", shorten_bytes(key_, 40)),
                       fmt::format("missing colon after the key \"{}\"", shorten_bytes(key_, 40)));
      case Expect::CommaOrEnd: {
        const bool next_line = t_.substr(prev_end_, at - prev_end_).find('\n') != std::string::npos;
        if (next_line)
          return problem(prev_end_, "这一行末尾缺少逗号 ,（下一行还有内容）",
                         "missing comma at the end of this line (more follows on the next line)");
        return problem(prev_end_, "这里缺少逗号 ,：两个值之间要用逗号隔开",
                       "missing comma: values are separated by commas");
      }
      case Expect::Value:
      case Expect::ValueOrEnd:
        after_ = After::Start;
        if (kind != Token::Open) done(end);
        return std::nullopt;
      case Expect::Done:
        break;
    }
    return std::nullopt;
  }

  // After a complete value ending at `end`.
  void done(std::size_t end) {
    prev_end_ = end;
    expect_ = stack_.empty() ? Expect::Done : Expect::CommaOrEnd;
    after_ = After::Start;
  }

  std::optional<SyntaxProblem> close(std::size_t at, char c) {
    const char want = in_object() ? '}' : ']';
    if (stack_.empty())
      return problem(at, fmt::format("这里不能是 {}：数据以 {{ 开始", c),
                     fmt::format("{} cannot stand here: the data begins with {{", c));
    if (c != want)
      return problem(at, fmt::format("括号不配对：这里应为 {}，而不是 {}", want, c),
                     fmt::format("brackets do not match: {} is expected here, not {}", want, c));
    if (after_ == After::Comma && (expect_ == Expect::Key || expect_ == Expect::Value))
      return problem(comma_, fmt::format("多余的逗号：{} 之前不能有逗号，请删去", c),
                     fmt::format("extra comma: no comma may stand before {}; delete it", c));
    if (expect_ == Expect::Value && after_ == After::Colon) return missing_value(at);
    if (expect_ == Expect::Colon)
      return problem(
          prev_end_, fmt::format("键名 \"{}\" 之后缺少冒号 : 和值", shorten_bytes(key_, 40)),
          fmt::format("missing colon and value after the key \"{}\"", shorten_bytes(key_, 40)));
    stack_.pop_back();
    done(at + 1);
    return std::nullopt;
  }

  std::optional<SyntaxProblem> missing_value(std::size_t at) const {
    return problem(
        at,
        fmt::format("键名 \"{}\" 之后缺少值（数字、\"文字\"、null 等）", shorten_bytes(key_, 40)),
        fmt::format("missing value after the key \"{}\" (a number, \"text\", null …)",
                    shorten_bytes(key_, 40)));
  }

  std::optional<SyntaxProblem> comma(std::size_t at) {
    switch (expect_) {
      case Expect::CommaOrEnd:
        expect_ = in_object() ? Expect::Key : Expect::Value;
        after_ = After::Comma;
        comma_ = at;
        return std::nullopt;
      case Expect::KeyOrEnd:
      case Expect::ValueOrEnd:
        return problem(
            at, fmt::format("多余的逗号：{} 之后不能直接写逗号，请删去", stack_.back()),
            fmt::format("extra comma: none may follow {} directly; delete it", stack_.back()));
      case Expect::Colon:
        return problem(
            at, fmt::format("键名 \"{}\" 之后应为冒号 :，而不是逗号", shorten_bytes(key_, 40)),
            fmt::format("a colon, not a comma, follows the key \"{}\"", shorten_bytes(key_, 40)));
      case Expect::Key:
      case Expect::Value:
        if (after_ == After::Comma)
          return problem(at, "多余的逗号：两个逗号之间没有值，请删去一个",
                         "extra comma: there is no value between the two commas; delete one");
        if (after_ == After::Colon) return missing_value(at);
        break;
      case Expect::Done:
        break;
    }
    return problem(at, "这里不能有逗号：数据以 { 开始",
                   "no comma may stand here: the data begins with {");
  }

  // A string from the quote at `at`; sets `end` past its closing quote.
  std::optional<SyntaxProblem> string_at(std::size_t at, std::size_t& end) {
    std::size_t last_curly = std::string_view::npos;  // the last Chinese closing quote in it
    for (std::size_t j = at + 1; j < t_.size();) {
      const char c = t_[j];
      if (c == '"') {
        end = j + 1;
        return std::nullopt;
      }
      if (c == '\\') {
        const auto [code, length] = j + 1 < t_.size() ? character_at(t_, j + 1)
                                                      : std::pair<std::int32_t, std::size_t>{0, 0};
        if (code < 0) {
          give_up_ = true;
          return std::nullopt;
        }
        if (code == 0 ||
            std::string_view("\"\\/bfnrtu").find(t_[j + 1]) == std::string_view::npos) {
          const std::string_view shown = t_.substr(j + 1, length);
          return problem(
              j, fmt::format("无效的转义「\\{}」：字符串中的反斜杠 \\ 请写作 \\\\", shown),
              fmt::format("invalid escape \"\\{}\": write a backslash in a string as \\\\", shown));
        }
        j += 2;
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (last_curly != std::string_view::npos)
          return problem(last_curly,
                         fmt::format("中文引号「{}」不能结束字符串：请改用英文双引号 \"",
                                     t_.substr(last_curly, 3)),
                         fmt::format("Chinese quotation mark {} cannot end a string: write \"",
                                     t_.substr(last_curly, 3)));
        return problem(j,
                       "字符串在行末没有结束：缺少结束的英文双引号 \"（字符串中的换行请写作 \\n）",
                       "the string does not end on its line: the closing double quote \" is "
                       "missing (write a line break in a string as \\n)");
      }
      if (c == '\t')
        return problem(j, "字符串中有制表符（Tab）：请删去，或写作 \\t",
                       "a tab in a string: delete it or write it as \\t");
      if (static_cast<unsigned char>(c) < 0x20) {  // the parser names it
        give_up_ = true;
        return std::nullopt;
      }
      const auto [code, length] = character_at(t_, j);
      if (code < 0) {
        give_up_ = true;
        return std::nullopt;
      }
      if (code == 0x201D || code == 0x201C) last_curly = j;
      j += length;
    }
    return problem(t_.size(),
                   "文件在一个字符串中间就结束了：缺少结束的英文双引号 \"（文件不完整？）",
                   "the file ends inside a string: the closing double quote \" is missing (is the "
                   "file complete?)");
  }

  std::optional<SyntaxProblem> at_end() const {
    if (expect_ == Expect::Done || (stack_.empty() && expect_ == Expect::Value))
      return std::nullopt;
    std::string closers;
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) closers += *it == '{' ? '}' : ']';
    return problem(t_.size(), fmt::format("文件在这里就结束了：还缺少 {}（文件不完整？）", closers),
                   fmt::format("the file ends here: {} still missing (is it complete?)", closers));
  }

  // A word that is no JSON literal.
  std::optional<SyntaxProblem> bare_word(std::size_t at, std::string_view word) const {
    const std::string low = lower(word);
    if (low == "nan" || low == "infinity" || low == "inf")
      return problem(at, fmt::format("JSON 中没有 {}：请填数字，空白请填 null", word),
                     fmt::format("JSON has no {}: write a number, or null for a blank", word));
    if (low == "true" || low == "false" || low == "null")
      return problem(at, fmt::format("请写小写的 {}，而不是 {}", low, word),
                     fmt::format("write {} in lower case, not {}", low, word));
    const std::string shown = shorten_bytes(word, 40);
    if (expect_ == Expect::Key || expect_ == Expect::KeyOrEnd)
      return problem(at, fmt::format("键名 {0} 要用英文双引号括起来：\"{0}\"", shown),
                     fmt::format("the key {0} must be in double quotes: \"{0}\"", shown));
    return problem(at, fmt::format("文字 {0} 要用英文双引号括起来：\"{0}\"", shown),
                   fmt::format("the text {0} must be in double quotes: \"{0}\"", shown));
  }

  // A character beyond ASCII outside a string: a full-width form, a Chinese quotation mark, or
  // text that is not in quotes.
  std::optional<SyntaxProblem> wide(std::size_t at, char32_t c) const {
    const std::string s = utf8(c);
    if (is_wide_digit(c)) {
      // The whole number it is part of, as written and as it should be.
      std::size_t from = at, to = at;
      auto digit_at = [&](std::size_t k) {
        const auto [code, length] = character_at(t_, k);
        return std::make_pair(code > 0 && (is_digit(static_cast<char32_t>(code)) ||
                                           is_wide_digit(static_cast<char32_t>(code)) ||
                                           code == '.' || code == 0xFF0E),
                              length);
      };
      while (from > 0) {
        std::size_t k = from - 1;
        while (k > 0 && is_continuation(t_[k])) --k;
        if (!digit_at(k).first) break;
        from = k;
      }
      while (to < t_.size()) {
        const auto [ok, length] = digit_at(to);
        if (!ok) break;
        to += length;
      }
      const std::string written(t_.substr(from, to - from));
      std::string fixed;
      for (char32_t d : decode_utf8(written))
        fixed += d >= 0xFF01 && d <= 0xFF5E ? static_cast<char>(d - 0xFEE0) : static_cast<char>(d);
      return problem(at, fmt::format("全角数字「{}」：请改用半角数字 {}", written, fixed),
                     fmt::format("full-width digits {}: write {}", written, fixed));
    }
    if (c == 0x201C || c == 0x201D)
      return problem(
          at, fmt::format("中文引号「{}」：JSON 的引号要用英文双引号 \"", s),
          fmt::format("Chinese quotation mark {}: JSON uses straight double quotes \"", s));
    if (c == 0x2018 || c == 0x2019)
      return problem(
          at, fmt::format("中文单引号「{}」：JSON 的引号要用英文双引号 \"", s),
          fmt::format("Chinese quotation mark {}: JSON uses straight double quotes \"", s));
    if (c == 0xFF0C)
      return problem(at, "全角逗号「，」：请改用英文逗号 ,", "full-width comma ，: write ,");
    if (c == 0x3001)
      return problem(at, "顿号「、」：值之间请用英文逗号 ,", "enumeration comma 、: write ,");
    if (c == 0xFF1A)
      return problem(at, "全角冒号「：」：请改用英文冒号 :", "full-width colon ：: write :");
    if (c == 0x3000)
      return problem(at, "全角空格：请删去，或改用半角空格",
                     "full-width space: delete it or use an ordinary space");
    if (c >= 0xFF01 && c <= 0xFF5E) {
      const char ascii = static_cast<char>(c - 0xFEE0);
      return problem(at, fmt::format("全角字符「{}」：请改用半角的 {}", s, ascii),
                     fmt::format("full-width character {}: write {}", s, ascii));
    }
    // Text without quotes: quote it up to the next delimiter.
    std::size_t end = at;
    while (end < t_.size() && !is_space(t_[end]) &&
           std::string_view(",:{}[]\"").find(t_[end]) == std::string_view::npos) {
      const auto [code, length] = character_at(t_, end);
      if (code < 0 || code == 0xFF0C || code == 0x3001 || code == 0xFF1A || code == 0x201D) break;
      end += length;
    }
    const std::string word = shorten_chars(t_.substr(at, end - at), 20);
    return bare_word(at, word);
  }

  std::string_view t_;
  std::vector<char> stack_;
  Expect expect_ = Expect::Value;
  After after_ = After::Start;
  std::size_t prev_end_ = 0;  // after the last key or value
  std::size_t comma_ = 0;     // the last comma
  std::string_view key_;      // the last key, as written
  bool give_up_ = false;      // a character the parser explains better
};

}  // namespace

std::optional<SyntaxProblem> explain_syntax_error(std::string_view text) {
  return Scanner(text).run();
}

}  // namespace govreport::detail
