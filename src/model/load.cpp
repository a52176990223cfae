#include "govreport/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "model/json_syntax.hpp"
#include "model/json_tree.hpp"
#include "model/load_internal.hpp"
#include "model/shape.hpp"
#include "text/edit_distance.hpp"
#include "text/utf8.hpp"

namespace govreport {
namespace {

using detail::Node;
using detail::Shape;

// Whole 万元 above this would not fit, times kAmountScale, in 64 bits; parse_amount has the same
// bound.
constexpr std::uint64_t kMaxAmount = kMaxScaledAmount / kAmountScale;

// nlohmann quotes the whole token it was reading ("last read: '…'"), which for an unterminated
// string is the rest of the file: keep its first 30 bytes.
std::string shorten_last_read(const std::string& detail) {
  const std::string marker = "last read: '";
  const std::size_t start = detail.find(marker);
  if (start == std::string::npos) return detail;
  const std::size_t from = start + marker.size();
  const std::size_t end = detail.find('\'', from);
  const std::size_t length = (end == std::string::npos ? detail.size() : end) - from;
  if (length <= 40) return detail;
  return detail.substr(0, from) + detail::shorten_bytes(detail.substr(from, length), 30) +
         (end == std::string::npos ? "" : detail.substr(end));
}

std::string where(const std::string& pointer) { return pointer.empty() ? "/" : pointer; }

// Says whether a name is empty or only white space: what JSON Schema's \s matches (ASCII white
// space and Unicode's spaces, the ideographic space included), so the exported schema agrees.
bool blank(std::string_view s) {
  static constexpr std::string_view kSpaces[] = {
      " ",      "\t",     "\n",     "\v",     "\f",     "\r",     "\u00A0", "\u1680", "\u2000",
      "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009",
      "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000", "\uFEFF"};
  while (!s.empty()) {
    const auto space = std::find_if(std::begin(kSpaces), std::end(kSpaces),
                                    [&](std::string_view sp) { return s.starts_with(sp); });
    if (space == std::end(kSpaces)) return false;
    s.remove_prefix(space->size());
  }
  return true;
}

bool valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  const int y = std::stoi(std::string(s.substr(0, 4)));
  const int m = std::stoi(std::string(s.substr(5, 2)));
  const int d = std::stoi(std::string(s.substr(8, 2)));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// Names the encoding of a text that is UTF-16 or UTF-32 (by its byte-order mark, or by the zero
// bytes around the ASCII character that JSON starts with), or returns "".
std::string_view utf16_or_32(std::string_view text) {
  auto starts = [&](std::string_view prefix) { return text.starts_with(prefix); };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\0\0"sv) || starts("\0\0\xFE\xFF"sv)) return "UTF-32";
  if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv)) return "UTF-16";
  if (text.size() < 4) return "";
  auto zero = [&](std::size_t i) { return text[i] == '\0'; };
  if (!zero(0) && zero(1) && zero(2) && zero(3)) return "UTF-32";
  if (zero(0) && zero(1) && zero(2) && !zero(3)) return "UTF-32";
  if ((!zero(0) && zero(1) && !zero(2) && zero(3)) || (zero(0) && !zero(1) && zero(2) && !zero(3)))
    return "UTF-16";
  return "";
}

class Loader {
 public:
  Loader(std::string_view text, std::string_view file, const Edition* edition,
         detail::JsonParser parser = detail::JsonParser::Fast)
      : text_(text), findings_(std::string(file)), edition_(edition), parser_(parser) {}

  LoadResult run() {
    read();
    out_.diagnostics = std::move(findings_.list());
    return std::move(out_);
  }

 private:
  Diagnostic& add(std::string_view rule, const std::string& pointer, std::size_t offset,
                  std::string zh, std::string en) {
    if (!lines_) lines_.emplace(text_);
    return findings_.add(rule, pointer, {std::move(zh), std::move(en)},
                         lines_->position(text_, offset));
  }
  std::string_view key(const Node& node) const { return doc_.key(node); }
  std::string_view str(const Node& node) const { return doc_.string(node); }
  std::string describe(const Node& node) const {
    switch (node.kind) {
      case Node::Kind::String:
        return fmt::format("\"{}\"", detail::shorten_bytes(str(node), 40));
      case Node::Kind::Float:
        return std::string(str(node));
      case Node::Kind::Integer:
        return std::to_string(node.value.integer);
      case Node::Kind::Unsigned:
        return std::to_string(node.value.unsigned_integer);
      case Node::Kind::Bool:
        return node.boolean ? "true" : "false";
      default:
        return std::string(detail::kind_name(node.kind));
    }
  }

  void wrong_type(const std::string& pointer, const Node& node, std::string_view want_zh,
                  std::string_view want_en) {
    add("wrong-type", pointer, node.offset,
        fmt::format("{} 应为{}，实际是 {}", where(pointer), want_zh, describe(node)),
        fmt::format("{} must be {}, not {}", where(pointer), want_en, describe(node)));
  }
  void missing(const std::string& parent, std::size_t offset, std::string_view key) {
    add("missing-field", parent + "/" + std::string(key), offset,
        fmt::format("缺少字段 \"{}\"（位于 {}）", key, parent.empty() ? "/" : parent),
        fmt::format("missing field \"{}\" in {}", key, parent.empty() ? "/" : parent));
  }

  // Reports duplicate keys; returns the members to use (the first of each key).
  std::vector<const Node*> members(const Node& object, const std::string& pointer);
  // `known` are the keys the object may have: a close one is offered as the likely meaning.
  void unknown(const std::string& pointer, const Node& m,
               const std::vector<std::string_view>& known) {
    const std::string_view guess = detail::closest(key(m), known);
    const std::string name = detail::shorten_bytes(key(m), 80);
    add("unknown-field", pointer + "/" + std::string(key(m)), m.key_offset,
        fmt::format("未知字段 \"{}\"（位于 {}）{}", name, where(pointer),
                    guess.empty() ? "" : fmt::format("，是不是 \"{}\"？", guess)),
        fmt::format("unknown field \"{}\" in {}{}", name, where(pointer),
                    guess.empty() ? "" : fmt::format("; did you mean \"{}\"?", guess)));
  }

  const Node* string_node(const Node* node, const std::string& pointer) {
    if (node == nullptr) return nullptr;
    if (node->kind == Node::Kind::String) return node;
    wrong_type(pointer, *node, "字符串", "a string");
    return nullptr;
  }
  std::vector<std::string> paragraphs(const Node& node, const std::string& pointer);
  void read();
  void subsections(const Node& node, const std::string& pointer, Narrative& part);
  void tables(const Node& node, const Shape& shape, const std::string& pointer);
  void cell(const Node& node, int index);
  // Reports a cell of the wrong type by its name, with the fix when the value shows one.
  void wrong_cell(const CellDef& def, const Node& node, CellKind kind, std::string_view want_zh,
                  std::string_view want_en);
  void mark_missing(const Shape& shape);

  std::string_view text_;
  Findings findings_;
  const Edition* edition_;  // the edition to read against, or nullptr for the year's
  detail::JsonParser parser_;
  std::optional<LineIndex> lines_;  // built at the first finding
  detail::Document doc_;
  LoadResult out_;
  Report* report_ = nullptr;
};

std::vector<const Node*> Loader::members(const Node& object, const std::string& pointer) {
  std::vector<const Node*> result;
  // Objects of the format have at most 14 keys: a linear search beats a set, up to a point.
  const bool large = object.child_count() > 32;
  std::unordered_set<std::string_view> seen;
  for (const Node* member : doc_.children(object)) {
    const Node& m = *member;
    if (large ? seen.insert(key(m)).second
              : std::none_of(result.begin(), result.end(),
                             [&](const Node* r) { return key(*r) == key(m); })) {
      result.push_back(&m);
      continue;
    }
    add("duplicate-field", pointer + "/" + std::string(key(m)), m.key_offset,
        fmt::format("字段 \"{}\" 重复出现（位于 {}），只采用第一个",
                    detail::shorten_bytes(key(m), 80), pointer.empty() ? "/" : pointer),
        fmt::format("field \"{}\" appears twice in {}; the first is used",
                    detail::shorten_bytes(key(m), 80), pointer.empty() ? "/" : pointer));
  }
  return result;
}

std::vector<std::string> Loader::paragraphs(const Node& node, const std::string& pointer) {
  std::vector<std::string> result;
  if (node.kind != Node::Kind::Array) {
    wrong_type(pointer, node, "字符串数组（每段一个字符串）",
               "an array of strings, one per paragraph");
    return result;
  }
  const std::vector<const Node*> items = doc_.children(node);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string p = pointer + "/" + std::to_string(i);
    if (const Node* s = string_node(items[i], p)) {
      report_->source.add(p, s->offset);
      result.push_back(std::string(str(*s)));
    }
  }
  return result;
}

void Loader::subsections(const Node& node, const std::string& pointer, Narrative& part) {
  if (node.kind != Node::Kind::Object) {
    wrong_type(pointer, node, "对象 {\"paragraphs\": […], \"subsections\": […]}",
               "an object {\"paragraphs\": […], \"subsections\": […]}");
    return;
  }
  for (const Node* m : members(node, pointer)) {
    const std::string p = pointer + "/" + std::string(key(*m));
    report_->source.add(p, m->offset);
    if (key(*m) == "paragraphs") {
      part.paragraphs = paragraphs(*m, p);
    } else if (key(*m) == "subsections") {
      if (m->kind != Node::Kind::Array) {
        wrong_type(p, *m, "数组", "an array");
        continue;
      }
      const std::vector<const Node*> items = doc_.children(*m);
      for (std::size_t i = 0; i < items.size(); ++i) {
        const Node& item = *items[i];
        const std::string ip = p + "/" + std::to_string(i);
        if (item.kind != Node::Kind::Object) {
          wrong_type(ip, item, "对象 {\"title\": …, \"paragraphs\": […]}",
                     "an object {\"title\": …, \"paragraphs\": […]}");
          continue;
        }
        Subsection sub;
        bool has_title = false;
        for (const Node* sm : members(item, ip)) {
          const std::string sp = ip + "/" + std::string(key(*sm));
          if (key(*sm) == "title") {
            if (const Node* s = string_node(sm, sp)) {
              report_->source.add(sp, s->offset);
              sub.title = std::string(str(*s));
            }
            has_title = true;
          } else if (key(*sm) == "paragraphs") {
            sub.paragraphs = paragraphs(*sm, sp);
          } else {
            unknown(ip, *sm, {"title", "paragraphs"});
          }
        }
        if (!has_title) missing(ip, item.offset, "title");
        part.subsections.push_back(std::move(sub));
      }
    } else {
      unknown(pointer, *m, {"paragraphs", "subsections"});
    }
  }
}

void Loader::cell(const Node& node, int index) {
  const Edition& edition = *report_->edition;
  const CellDef& def = edition.cells[static_cast<std::size_t>(index)];
  const std::string& pointer = def.pointer;
  const CellKind kind = edition.tables[static_cast<std::size_t>(def.table)]
                            .columns[static_cast<std::size_t>(def.column)]
                            .kind;
  Cell& c = report_->cells[static_cast<std::size_t>(index)];
  report_->source.add_cell(index, node.offset);
  const char* want_zh = kind == CellKind::Amount
                            ? "金额（数字或 \"123.45\" 形式的字符串）、null 或 \"/\""
                            : "整数、null（空白）或 \"/\"（不适用）";
  const char* want_en = kind == CellKind::Amount
                            ? "an amount (a number or a string like \"123.45\"), null or \"/\""
                            : "an integer, null (blank) or \"/\" (not applicable)";
  auto negative = [&](const std::string& value) {
    add("negative-value", pointer, node.offset,
        fmt::format("{} 为负数 {}；只有“本年增/减”可以为负", def.name_zh, value),
        fmt::format("{} is negative ({}); only 本年增/减 may be", def.name_zh, value));
  };
  switch (node.kind) {
    case Node::Kind::Null:
      c.state = Cell::State::Blank;
      add("blank-cell", pointer, node.offset, fmt::format("{} 为空白；没有请填 0", def.name_zh),
          fmt::format("{} is blank; write 0 if there were none", def.name_zh));
      return;
    case Node::Kind::String: {
      if (str(node) == "/") {
        c.state = Cell::State::NotApplicable;
        return;
      }
      if (kind == CellKind::Amount) {
        if (auto v = parse_amount(str(node))) {
          c = Cell::number(*v);
          return;
        }
      }
      break;
    }
    case Node::Kind::Unsigned:
      if (node.value.unsigned_integer >
          (kind == CellKind::Amount ? kMaxAmount : std::uint64_t{kMaxCount}))
        break;
      c = Cell::number(static_cast<std::int64_t>(node.value.unsigned_integer) *
                       (kind == CellKind::Amount ? kAmountScale : 1));
      return;
    case Node::Kind::Integer:
      if (node.value.integer < -kMaxCount) break;
      if (node.value.integer == 0) {  // JSON -0 is the integer 0
        c = Cell::number(0);
        return;
      }
      if (kind != CellKind::SignedCount) {
        negative(std::to_string(node.value.integer));
        c.state = Cell::State::Blank;
        return;
      }
      c = Cell::number(node.value.integer);
      return;
    case Node::Kind::Float:
      if (kind == CellKind::Amount) {
        if (str(node).starts_with("-")) {
          if (parse_amount(str(node).substr(1)) == 0) {  // -0.0 is 0
            c = Cell::number(0);
            return;
          }
          negative(std::string(str(node)));
          return;
        }
        if (auto v = parse_amount(str(node))) {
          c = Cell::number(*v);
          return;
        }
        add("wrong-type", pointer, node.offset,
            fmt::format("{} 的金额 {} 无法精确表示（最多 6 位小数，不用指数形式）", def.name_zh,
                        str(node)),
            fmt::format("{}: amount {} is not exact (at most 6 decimal places, no exponent)",
                        def.name_zh, str(node)));
        return;
      }
      break;
    default:
      break;
  }
  if ((node.kind == Node::Kind::Unsigned || node.kind == Node::Kind::Integer) ||
      (node.kind == Node::Kind::Float && str(node).find_first_of(".eE") == std::string::npos)) {
    add("wrong-type", pointer, node.offset,
        fmt::format("{} 的数值 {} 超出范围（最大 {}）", def.name_zh, describe(node),
                    kind == CellKind::Amount ? kMaxAmount : std::uint64_t{kMaxCount}),
        fmt::format("{}: {} is out of range (at most {})", def.name_zh, describe(node),
                    kind == CellKind::Amount ? kMaxAmount : std::uint64_t{kMaxCount}));
    return;
  }
  wrong_cell(def, node, kind, want_zh, want_en);
}

void Loader::wrong_cell(const CellDef& def, const Node& node, CellKind kind,
                        std::string_view want_zh, std::string_view want_en) {
  // The number a clerk meant, when the text holds one: quoted, perhaps in full-width digits.
  std::string number;
  bool wide = false;
  int decimals = 0;  // 1: decimals in a count, 2: too many decimals in an amount
  if (node.kind == Node::Kind::String) {
    for (char32_t c : detail::decode_utf8(str(node))) {
      if (c >= 0xFF10 && c <= 0xFF19) {
        wide = true;
        c -= 0xFEE0;
      } else if (c == 0xFF0E) {
        wide = true;
        c = U'.';
      }
      if (c == U' ' || c == 0x3000) continue;
      number += c < 0x80 ? static_cast<char>(c) : '?';
    }
    const bool digits =
        !number.empty() && number.find_first_not_of("0123456789.") == std::string::npos;
    const bool whole = number.find('.') == std::string::npos;
    const bool exact = whole ? number.size() == 1 || number[0] != '0'
                             : kind == CellKind::Amount && parse_amount(number).has_value();
    if (!digits || !exact) {
      if (digits && !whole) decimals = kind == CellKind::Amount ? 2 : 1;
      number.clear();
    }
  }
  std::string fix_zh, fix_en;
  if (!number.empty()) {
    fix_zh = wide ? fmt::format("：去掉引号并改用半角数字，写作 {}", number)
                  : fmt::format("：去掉引号，写作 {}", number);
    fix_en = wide ? fmt::format(": remove the quotes and use ASCII digits: {}", number)
                  : fmt::format(": remove the quotes: {}", number);
  } else if (decimals == 1) {
    fix_zh = "：这一栏只填整数";
    fix_en = ": this column takes whole numbers only";
  } else if (decimals == 2) {
    fix_zh = "：金额最多 6 位小数";
    fix_en = ": an amount has at most 6 decimal places";
  } else if (node.kind == Node::Kind::String) {
    fix_zh = "：没有请填 0，不适用请填 \"/\"";
    fix_en = ": write 0 if there were none, \"/\" if it does not apply";
  }
  Diagnostic& d =
      add("wrong-type", def.pointer, node.offset,
          fmt::format("{} 应为{}，实际是 {}{}", def.name_zh, want_zh, describe(node), fix_zh),
          fmt::format("{} must be {}, not {}{}", def.name_zh, want_en, describe(node), fix_en));
  d.expected = number.empty() ? (kind == CellKind::Amount ? "number" : "integer") : number;
  d.actual = describe(node);
}

// Marks every optional cell below `shape` computed: they are filled in from their parts.
void Loader::mark_missing(const Shape& shape) {
  if (shape.cell >= 0) {
    if (shape.optional) report_->cells[static_cast<std::size_t>(shape.cell)].computed = true;
    return;
  }
  for (const Shape& c : shape.children) mark_missing(c);
}

void Loader::tables(const Node& node, const Shape& shape, const std::string& pointer) {
  if (node.kind != Node::Kind::Object) {
    wrong_type(pointer, node, "对象", "an object");
    return;
  }
  std::vector<std::string_view> present;
  for (const Node* m : members(node, pointer)) {
    const Shape* child = shape.child(key(*m));
    if (child == nullptr) {
      std::vector<std::string_view> known;
      for (const Shape& c : shape.children) known.emplace_back(c.key);
      unknown(pointer, *m, known);
      continue;
    }
    present.push_back(key(*m));
    if (child->cell >= 0) {
      cell(*m, child->cell);
    } else {
      tables(*m, *child, pointer + "/" + std::string(key(*m)));
    }
  }
  for (const Shape& child : shape.children) {
    if (std::find(present.begin(), present.end(), child.key) != present.end()) continue;
    if (!child.optional) missing(pointer, node.offset, child.key);
    mark_missing(child);
  }
}

void Loader::read() {
  std::string_view body = text_;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    add("json-syntax", "", 0, "文件为空，不是 JSON 数据", "the file is empty, not JSON data");
    return;
  }
  if (const std::string_view encoding = utf16_or_32(text_); !encoding.empty()) {
    add("json-syntax", "", 0, fmt::format("文件是 {} 编码，请另存为 UTF-8", encoding),
        fmt::format("the file is {}; save it as UTF-8", encoding));
    return;
  }
  detail::ParseError error;
  const bool parsed = parser_ == detail::JsonParser::Exact
                          ? detail::parse_json_exact(text_, doc_, error)
                          : detail::parse_json(text_, doc_, error);
  if (!parsed) {
    using Kind = detail::ParseError::Kind;
    if (error.kind == Kind::TrailingContent) {
      add("json-syntax", "", error.offset, "JSON 值之后还有多余的内容",
          "extra content after the JSON value");
    } else if (error.kind == Kind::TooManyValues) {
      add("json-syntax", "", error.offset,
          fmt::format("JSON 值超过 {} 个，不可能是年度报告数据", detail::kMaxValues),
          fmt::format("more than {} JSON values: this cannot be report data", detail::kMaxValues));
    } else if (const auto why = error.detail.find("UTF-8") == std::string::npos
                                    ? detail::explain_syntax_error(text_)
                                    : std::nullopt;
               why && why->offset <= error.offset) {
      // The cause in words a clerk can act on, where the scanner finds it.
      add("json-syntax", "", why->offset, why->message.zh, why->message.en);
    } else {
      const bool utf8 = error.detail.find("UTF-8") != std::string::npos;
      error.detail = detail::repair_utf8(shorten_last_read(error.detail));
      add("json-syntax", "", error.offset,
          utf8 ? "不是有效的 UTF-8 文本：" + error.detail : "JSON 语法错误：" + error.detail,
          utf8 ? "not valid UTF-8: " + error.detail : "invalid JSON: " + error.detail);
    }
    return;
  }
  const Node* root = &doc_.root();
  if (root->kind != Node::Kind::Object) {
    wrong_type("", *root, "一个 JSON 对象（年度报告数据）", "a JSON object (the report data)");
    return;
  }

  const std::vector<const Node*> top = members(*root, "");
  auto find = [&](std::string_view name) -> const Node* {
    for (const Node* m : top)
      if (key(*m) == name) return m;
    return nullptr;
  };

  // The year and format pick the edition that every other key is read against.
  const Node* year = find("year");
  int year_value = 0;
  if (year == nullptr) {
    missing("", root->offset, "year");
  } else if (year->kind != Node::Kind::Unsigned ||
             year->value.unsigned_integer > static_cast<std::uint64_t>(kLastYear)) {
    wrong_type("/year", *year, "四位数的年份", "a four-digit year");
  } else {
    year_value = static_cast<int>(year->value.unsigned_integer);
    if (edition_ == nullptr && year_value < kFirstYear) {
      add("unsupported-year", "/year", year->offset,
          fmt::format("{} 年早于 {} 年，没有全国统一的年度报告表格格式", year_value, kFirstYear),
          fmt::format("{} is before {}: there is no national table format for it", year_value,
                      kFirstYear));
      year_value = 0;
    }
  }
  if (year_value == 0) return;
  const Edition* edition = edition_ != nullptr ? edition_ : edition_for_year(year_value);
  if (const Node* format = find("format")) {
    const Edition* given = format->kind != Node::Kind::String ? nullptr
                           : edition_ != nullptr && str(*format) == edition_->id
                               ? edition_
                               : edition_by_id(str(*format));
    if (given == nullptr) {
      std::string zh, en;
      const auto all = editions();
      for (std::size_t i = 0; i < all.size(); ++i) {
        const bool last = i + 1 == all.size();
        zh += fmt::format("{}\"{}\"", i == 0 ? "" : last ? " 或 " : "、", all[i]->id);
        en += fmt::format("{}\"{}\"", i == 0 ? "" : last ? " or " : ", ", all[i]->id);
      }
      wrong_type("/format", *format, zh, en);
    } else if (given != edition) {
      add("format-mismatch", "/format", format->offset,
          fmt::format("format 为 \"{}\"，但 {} 年的报告应使用 {} 版格式（{}）", given->id,
                      year_value, edition->id, edition->document),
          fmt::format("format is \"{}\", but reports for {} use the {} edition ({})", given->id,
                      year_value, edition->id, edition->document));
      edition = given;
    }
  }

  out_.report = make_report(*edition, year_value);
  report_ = &*out_.report;
  report_->source.index_cells(edition->cell_by_pointer, edition->cells.size());
  report_->source.add("", root->offset);
  report_->source.add("/year", year->offset);
  const Shape& shape = detail::shape_of(*edition);

  bool has_agency = false;
  for (const Node* m : top) {
    const std::string pointer = "/" + std::string(key(*m));
    const Node& value = *m;
    report_->source.add(pointer, value.offset);
    if (key(*m) == "year" || key(*m) == "format") continue;
    if (key(*m) == "agency") {
      has_agency = true;
      if (const Node* s = string_node(&value, pointer)) {
        report_->agency = std::string(str(*s));
        if (blank(report_->agency))
          add("missing-field", pointer, s->offset, "agency 为空：请填写机关名称",
              "agency is empty: give the agency's name");
      }
    } else if (key(*m) == "agency_id") {
      if (const Node* s = string_node(&value, pointer)) {
        report_->agency_id = std::string(str(*s));
        if (blank(report_->agency_id))
          add("missing-field", pointer, s->offset,
              "agency_id 为空：填写名册中的机关标识，或删去这一项",
              "agency_id is empty: give the agency's id in the register, or leave it out");
      }
    } else if (key(*m) == "agency_kind") {
      if (value.kind == Node::Kind::String && str(value) == "department") {
        report_->agency_kind = AgencyKind::Department;
      } else if (value.kind == Node::Kind::String && str(value) == "government") {
        report_->agency_kind = AgencyKind::Government;
      } else {
        wrong_type(pointer, value, "\"department\"（部门）或 \"government\"（政府）",
                   "\"department\" or \"government\"");
      }
    } else if (key(*m) == "title") {
      if (const Node* s = string_node(&value, pointer)) report_->title = std::string(str(*s));
    } else if (key(*m) == "published") {
      if (value.kind == Node::Kind::String && valid_date(str(value))) {
        report_->published = std::string(str(value));
        // The report covers a whole year: it cannot come out before the year has ended.
        const std::string earliest = fmt::format("{}-01-01", year_value + 1);
        if (report_->published < earliest)
          add("wrong-type", pointer, value.offset,
              fmt::format("发布日期 {} 早于报告年度结束：{} 年的报告应在 {} 或之后发布",
                          report_->published, year_value, earliest),
              fmt::format("published {} is before the report's year ended: a report for {} is "
                          "published on {} or later",
                          report_->published, year_value, earliest));
      } else {
        wrong_type(pointer, value, "日期 YYYY-MM-DD", "a date YYYY-MM-DD");
      }
    } else if (key(*m) == "$schema") {
      if (const Node* s = string_node(&value, pointer)) report_->schema = std::string(str(*s));
    } else if (const int part = edition->narrative_index(key(*m)); part >= 0) {
      Narrative& narrative = report_->narrative[static_cast<std::size_t>(part)];
      if (edition->narrative[static_cast<std::size_t>(part)].subsections) {
        subsections(value, pointer, narrative);
      } else {
        narrative.paragraphs = paragraphs(value, pointer);
      }
    } else if (const Shape* table = shape.child(key(*m))) {
      tables(value, *table, pointer);
    } else {
      std::vector<std::string_view> known = {"$schema",   "year",        "format", "agency",
                                             "agency_id", "agency_kind", "title",  "published"};
      for (const NarrativePart& p : edition->narrative) known.push_back(p.key);
      for (const Shape& t : shape.children) known.emplace_back(t.key);
      unknown("", *m, known);
    }
  }
  if (!has_agency) missing("", root->offset, "agency");
  for (const Shape& table : shape.children) {
    if (find(table.key) != nullptr) continue;
    missing("", root->offset, table.key);
    mark_missing(table);
  }
  fill_totals(*report_);
  report_->source.set_text(std::string(text_));
}

}  // namespace

LoadResult load_report(std::string_view text, std::string_view file) {
  return Loader(text, file, nullptr).run();
}

LoadResult load_report(std::string_view text, std::string_view file, const Edition& edition) {
  return Loader(text, file, &edition).run();
}

namespace detail {

LoadResult load_report_with(JsonParser parser, std::string_view text, std::string_view file) {
  return Loader(text, file, nullptr, parser).run();
}

}  // namespace detail

}  // namespace govreport
