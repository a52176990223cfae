// Word documents (.docx): the body's paragraphs become lines of text, its tables grids with
// gridSpan and vMerge expanded, as the HTML reader does with rowspan and colspan. What Word shows
// is what is read: inserted text (w:ins) and field results are, deleted text (w:del), field
// instructions, hidden text and soft hyphens are not; list numbers that Word adds ("一、", "1.")
// are written out. Each line and cell carries the place a clerk finds it at:
// "表三 第 9 行「（三）不予公开 2.其他法律行政法规禁止公开」·自然人", "第 5 段「……」".

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "govreport/edition.hpp"
#include "import/document.hpp"
#include "import/normalize.hpp"
#include "import/ooxml.hpp"
#include "import/recognise.hpp"

namespace govreport::importer {
namespace {

// Elements nested deeper than this (w:sdt in w:sdt …) make the document unreadable; Word's own
// documents nest a few levels.
constexpr int kMaxDepth = 64;
// Grid columns of one table beyond which cells are not placed (Word allows 63).
constexpr std::size_t kMaxColumns = 64;
// Grid slots of all tables together beyond which tables are not expanded.
constexpr std::size_t kMaxGridSlots = 1'000'000;
// Fields nested deeper than this are read as if closed.
constexpr std::size_t kMaxFields = 64;
// Rows of heads above a table's data rows that name its columns.
constexpr std::size_t kHeadRows = 6;
// Characters of a paragraph quoted in its place.
constexpr std::size_t kQuoted = 12;

struct TooDeep {};

bool is_on(pugi::xml_node flag) {
  if (!flag) return false;
  const std::string_view v = attribute(flag, "val").value();
  return v.empty() || (v != "0" && v != "false" && v != "off");
}

int int_value(pugi::xml_node node, int fallback) {
  const pugi::xml_attribute a = attribute(node, "val");
  return a ? a.as_int(fallback) : fallback;
}

// The first characters of a paragraph, to quote in its place.
std::string quoted(std::string_view text) {
  const std::u32string s = decode_utf8(text);
  if (s.size() <= kQuoted) return std::string(text);
  return encode_utf8(s.substr(0, kQuoted)) + "…";
}

// ---- List numbers (numbering.xml) -----------------------------------------------------------

std::string chinese_number(int n, bool legal) {
  static constexpr std::array<std::u32string_view, 10> kPlain = {U"〇", U"一", U"二", U"三", U"四",
                                                                 U"五", U"六", U"七", U"八", U"九"};
  static constexpr std::array<std::u32string_view, 10> kLegal = {U"零", U"壹", U"贰", U"叁", U"肆",
                                                                 U"伍", U"陆", U"柒", U"捌", U"玖"};
  const auto& digit = legal ? kLegal : kPlain;
  const std::u32string_view ten = legal ? U"拾" : U"十";
  if (n <= 0 || n >= 10000) return std::to_string(n);
  std::u32string out;
  const int thousands = n / 1000, hundreds = n / 100 % 10, tens = n / 10 % 10, ones = n % 10;
  if (thousands > 0) out += std::u32string(digit[static_cast<std::size_t>(thousands)]) + U"千";
  if (hundreds > 0) {
    out += std::u32string(digit[static_cast<std::size_t>(hundreds)]) + U"百";
  } else if (thousands > 0 && (tens > 0 || ones > 0)) {
    out += digit[0];
  }
  if (tens > 0) {
    // 十, 十一 … 十九 without a leading 一 when nothing comes before it.
    if (!(tens == 1 && n < 20)) out += digit[static_cast<std::size_t>(tens)];
    out += ten;
  } else if (hundreds > 0 && ones > 0) {
    out += digit[0];
  }
  if (ones > 0) out += digit[static_cast<std::size_t>(ones)];
  return encode_utf8(out);
}

std::string letters(int n, char first) {
  if (n <= 0) return std::to_string(n);
  std::string out;
  const char c = static_cast<char>(first + (n - 1) % 26);
  out.assign((static_cast<std::size_t>(n) - 1) / 26 + 1, c);
  return out;
}

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static constexpr std::array<std::pair<int, const char*>, 13> kParts = {{{1000, "m"},
                                                                          {900, "cm"},
                                                                          {500, "d"},
                                                                          {400, "cd"},
                                                                          {100, "c"},
                                                                          {90, "xc"},
                                                                          {50, "l"},
                                                                          {40, "xl"},
                                                                          {10, "x"},
                                                                          {9, "ix"},
                                                                          {5, "v"},
                                                                          {4, "iv"},
                                                                          {1, "i"}}};
  std::string out;
  for (const auto& [value, text] : kParts)
    for (; n >= value; n -= value) out += text;
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Formats `n` as a list number of format `format` (w:numFmt).
std::string list_number(int n, std::string_view format) {
  if (format == "chineseCounting" || format == "chineseCountingThousand" ||
      format == "japaneseCounting" || format == "taiwaneseCounting" ||
      format == "taiwaneseCountingThousand" || format == "koreanCounting")
    return chinese_number(n, false);
  if (format == "chineseLegalSimplified" || format == "japaneseLegal")
    return chinese_number(n, true);
  if (format == "ideographTraditional" && n >= 1 && n <= 10)
    return encode_utf8(std::u32string(1, U"甲乙丙丁戊己庚辛壬癸"[n - 1]));
  if (format == "ideographZodiac" && n >= 1 && n <= 12)
    return encode_utf8(std::u32string(1, U"子丑寅卯辰巳午未申酉戌亥"[n - 1]));
  if (format == "ideographDigital" || format == "taiwaneseDigital") {
    std::string out;
    for (char d : std::to_string(n)) out += chinese_number(d - '0', false);
    return out;
  }
  if ((format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese") && n >= 1 &&
      n <= 20)
    return encode_utf8(std::u32string(1, static_cast<char32_t>(0x2460 + n - 1)));
  if (format == "decimalEnclosedParen" && n >= 1 && n <= 20)
    return encode_utf8(std::u32string(1, static_cast<char32_t>(0x2474 + n - 1)));
  if (format == "decimalEnclosedFullstop" && n >= 1 && n <= 20)
    return encode_utf8(std::u32string(1, static_cast<char32_t>(0x2488 + n - 1)));
  if (format == "upperLetter") return letters(n, 'A');
  if (format == "lowerLetter") return letters(n, 'a');
  if (format == "upperRoman") return roman(n, true);
  if (format == "lowerRoman") return roman(n, false);
  if (format == "decimalZero" && n < 10) return "0" + std::to_string(n);
  return std::to_string(n);
}

// The list numbers Word writes in front of numbered paragraphs.
class Numbering {
 public:
  Numbering(const pugi::xml_node numbering, const pugi::xml_node styles) {
    for (pugi::xml_node n : numbering.children()) {
      const std::string_view name = local(n.name());
      if (name == "abstractNum") {
        Abstract& a = abstracts_[attribute(n, "abstractNumId").value()];
        for (pugi::xml_node lvl : n.children()) {
          if (local(lvl.name()) != "lvl") continue;
          const int i = attribute(lvl, "ilvl").as_int(-1);
          if (i < 0 || i >= kLevels) continue;
          Level& l = a.levels[static_cast<std::size_t>(i)];
          l.start = int_value(child(lvl, "start"), 1);
          l.format = attribute(child(lvl, "numFmt"), "val").value();
          l.text = attribute(child(lvl, "lvlText"), "val").value();
          l.legal = is_on(child(lvl, "isLgl"));
          l.defined = true;
        }
      } else if (name == "num") {
        Instance& i = instances_[attribute(n, "numId").value()];
        i.abstract = attribute(child(n, "abstractNumId"), "val").value();
        for (pugi::xml_node o : n.children()) {
          if (local(o.name()) != "lvlOverride") continue;
          const int level = attribute(o, "ilvl").as_int(-1);
          if (level < 0 || level >= kLevels) continue;
          if (pugi::xml_node s = child(o, "startOverride"))
            i.start[static_cast<std::size_t>(level)] = int_value(s, 1);
        }
      }
    }
    for (pugi::xml_node s : styles.children()) {
      if (local(s.name()) != "style") continue;
      Style& style = styles_[attribute(s, "styleId").value()];
      style.based_on = attribute(child(s, "basedOn"), "val").value();
      if (pugi::xml_node num = child(child(s, "pPr"), "numPr")) {
        style.num = attribute(child(num, "numId"), "val").value();
        style.level = int_value(child(num, "ilvl"), 0);
        style.numbered = true;
      }
    }
  }

  // Returns the number Word shows in front of paragraph `p` ("一、", "（三）", "1."), counting
  // it; "" for a paragraph without one, or with a bullet.
  std::string label(pugi::xml_node p) {
    const pugi::xml_node ppr = child(p, "pPr");
    std::string num;
    int level = 0;
    bool numbered = false;
    if (pugi::xml_node numpr = child(ppr, "numPr")) {
      num = attribute(child(numpr, "numId"), "val").value();
      level = int_value(child(numpr, "ilvl"), 0);
      numbered = true;
      if (num.empty()) {  // a level without a list: the style's list
        if (const Style* s = style_numbering(attribute(child(ppr, "pStyle"), "val").value()))
          num = s->num;
      }
    } else if (const Style* s = style_numbering(attribute(child(ppr, "pStyle"), "val").value())) {
      num = s->num;
      level = s->level;
      numbered = true;
    }
    if (!numbered || num.empty() || num == "0" || level < 0 || level >= kLevels) return {};
    const auto inst = instances_.find(num);
    if (inst == instances_.end()) return {};
    const auto abs = abstracts_.find(inst->second.abstract);
    if (abs == abstracts_.end()) return {};
    const Abstract& a = abs->second;
    const std::size_t k = static_cast<std::size_t>(level);
    if (!a.levels[k].defined) return {};
    // Lists that restart their numbers count on their own; the others share their abstract's.
    const bool own = std::any_of(inst->second.start.begin(), inst->second.start.end(),
                                 [](int s) { return s >= 0; });
    const auto [at_key, fresh] =
        counters_.try_emplace(own ? "n" + num : "a" + inst->second.abstract);
    auto& counters = at_key->second;
    if (fresh) counters.fill(-1);  // unset: the first paragraph of a level takes its start
    auto start_of = [&](std::size_t i) {
      const int s = inst->second.start[i];
      return s >= 0 ? s : a.levels[i].start;
    };
    counters[k] = counters[k] < 0 ? start_of(k) : counters[k] + 1;
    for (std::size_t below = k + 1; below < counters.size(); ++below) counters[below] = -1;
    const Level& l = a.levels[k];
    if (l.format == "bullet" || l.format == "none") return l.format == "none" ? l.text : "";
    std::string out;
    for (std::size_t i = 0; i < l.text.size(); ++i) {
      if (l.text[i] == '%' && i + 1 < l.text.size() && l.text[i + 1] >= '1' &&
          l.text[i + 1] <= '9') {
        const std::size_t at = static_cast<std::size_t>(l.text[i + 1] - '1');
        const int value = counters[at] < 0 ? start_of(at) : counters[at];
        out += list_number(value, l.legal && at < k ? "decimal" : a.levels[at].format);
        ++i;
        continue;
      }
      out += l.text[i];
    }
    return out;
  }

 private:
  static constexpr int kLevels = 9;
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;
    bool legal = false;
    bool defined = false;
  };
  struct Abstract {
    std::array<Level, kLevels> levels;
  };
  struct Instance {
    std::string abstract;
    std::array<int, kLevels> start = {-1, -1, -1, -1, -1, -1, -1, -1, -1};
  };
  struct Style {
    std::string based_on;
    std::string num;
    int level = 0;
    bool numbered = false;
  };

  const Style* style_numbering(const std::string& id) const {
    std::string at = id;
    for (int hops = 0; hops < 16 && !at.empty(); ++hops) {
      const auto it = styles_.find(at);
      if (it == styles_.end()) return nullptr;
      if (it->second.numbered) return &it->second;
      at = it->second.based_on;
    }
    return nullptr;
  }

  std::map<std::string, Abstract> abstracts_;
  std::map<std::string, Instance> instances_;
  std::map<std::string, Style> styles_;
  std::map<std::string, std::array<int, kLevels>> counters_;
};

// ---- Text as Word shows it ------------------------------------------------------------------

class TextReader {
 public:
  explicit TextReader(Numbering& numbering) : numbering_(numbering) {}

  // The text of paragraph `p`, its list number first.
  std::string paragraph(pugi::xml_node p, int depth) {
    std::string out = numbering_.label(p);
    // Word puts a tab after the number; "1." or "一、" needs no space before the text, "1" does.
    if (!out.empty() && static_cast<unsigned char>(out.back()) < 0x80 &&
        std::isalnum(static_cast<unsigned char>(out.back())) != 0)
      out += ' ';
    content(p, out, depth + 1);
    return out;
  }

 private:
  // Whether text is shown now: outside every field's instruction.
  bool shown() const {
    return std::all_of(fields_.begin(), fields_.end(), [](bool result) { return result; });
  }

  void content(pugi::xml_node node, std::string& out, int depth) {
    if (depth > kMaxDepth) throw TooDeep{};
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local(c.name());
      if (name == "r") {
        run(c, out);
      } else if (name == "del" || name == "moveFrom" || name == "pPr" || name == "rPr" ||
                 name == "sdtPr" || name == "sdtEndPr" || name == "drawing" || name == "pict" ||
                 name == "object" || name == "AlternateContent" || name == "instrText" ||
                 name == "delText" || name == "fldData" || name == "ctrlPr") {
        continue;  // deleted, moved away, properties, pictures, field codes
      } else {
        // w:ins, w:moveTo, w:hyperlink, w:smartTag, w:customXml, w:sdt(Content), w:fldSimple (its
        // runs are the field's result), w:bdo, w:dir, and the runs of equations (m:oMath).
        content(c, out, depth + 1);
      }
    }
  }

  void run(pugi::xml_node r, std::string& out) {
    const bool hidden = is_on(child(child(r, "rPr"), "vanish"));
    for (pugi::xml_node c : r.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local(c.name());
      if (name == "fldChar") {
        const std::string_view type = attribute(c, "fldCharType").value();
        if (type == "begin") {
          if (fields_.size() < kMaxFields) fields_.push_back(false);
        } else if (type == "separate") {
          if (!fields_.empty()) fields_.back() = true;
        } else if (type == "end") {
          if (!fields_.empty()) fields_.pop_back();
        }
        continue;
      }
      if (hidden || !shown()) continue;
      if (name == "t") {
        for (const char* s = c.text().get(); *s != '\0'; ++s) {
          // U+00AD SOFT HYPHEN (C2 AD) shows only where Word breaks the line.
          if (static_cast<unsigned char>(s[0]) == 0xC2 &&
              static_cast<unsigned char>(s[1]) == 0xAD) {
            ++s;
            continue;
          }
          out += *s;
        }
      } else if (name == "tab" || name == "ptab") {
        out += '\t';
      } else if (name == "br" || name == "cr") {
        out += '\n';
      } else if (name == "noBreakHyphen") {
        out += '-';
      }
      // w:softHyphen, w:sym (a symbol font's glyph), note and comment marks: not text.
    }
  }

  Numbering& numbering_;
  std::vector<bool> fields_;  // per open field: past its separator (showing the result)
};

// ---- The body -------------------------------------------------------------------------------

class BodyReader {
 public:
  explicit BodyReader(Numbering& numbering) : text_(numbering) {}

  Document doc;
  std::size_t tables = 0;  // tables read as grids

  void blocks(pugi::xml_node node, int depth) {
    if (depth > kMaxDepth) throw TooDeep{};
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local(c.name());
      if (name == "p") {
        paragraph(c, depth);
      } else if (name == "tbl") {
        table(c, depth);
      } else if (name == "sdt") {
        blocks(child(c, "sdtContent"), depth + 1);
      } else if (name == "customXml" || name == "ins" || name == "moveTo") {
        blocks(c, depth + 1);
      }
    }
  }

 private:
  void paragraph(pugi::xml_node p, int depth) {
    const std::string raw = text_.paragraph(p, depth);
    const std::string text = tidy(raw);
    if (text.empty()) return;
    Line line;
    ++paragraphs_;
    line.where.place = fmt::format("第 {} 段「{}」", paragraphs_, quoted(text));
    line.where.order = ++order_;
    for (std::string& w : printed_words(raw)) line.pieces.push_back({std::move(w), 0, 0, {}});
    line.width = static_cast<double>(text.size());
    // The section the following tables belong to, for their names.
    const HeadingMatch m = match_heading(text, *editions().back());
    if (m.section >= 0) {
      section_ =
          std::string(editions().back()->sections[static_cast<std::size_t>(m.section)].numeral);
      tables_in_section_ = 0;
    }
    doc.lines.push_back(std::move(line));
  }

  // The cells of a table row, and the rows of a table, as Word shows them: a deleted row or
  // cell is not there.
  static void collect(pugi::xml_node node, std::string_view name, std::vector<pugi::xml_node>& out,
                      int depth) {
    if (depth > kMaxDepth) throw TooDeep{};
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view n = local(c.name());
      if (n == name) {
        const pugi::xml_node props = child(c, name == "tr" ? "trPr" : "tcPr");
        if (!child(props, name == "tr" ? "del" : "cellDel")) out.push_back(c);
      } else if (n == "sdt") {
        collect(child(c, "sdtContent"), name, out, depth + 1);
      } else if (n == "customXml" || n == "ins" || n == "moveTo") {
        collect(c, name, out, depth + 1);
      }
    }
  }

  static bool has_table(pugi::xml_node node, int depth) {
    if (depth > kMaxDepth) throw TooDeep{};
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view n = local(c.name());
      if (n == "tbl") return true;
      if ((n == "sdt" || n == "sdtContent" || n == "customXml" || n == "tc" || n == "tr") &&
          has_table(c, depth + 1))
        return true;
    }
    return false;
  }

  std::string cell_text(pugi::xml_node tc, int depth) {
    std::string out;
    cell_blocks(tc, out, depth + 1);
    return tidy(out);
  }

  void cell_blocks(pugi::xml_node node, std::string& out, int depth) {
    if (depth > kMaxDepth) throw TooDeep{};
    for (pugi::xml_node c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = local(c.name());
      if (name == "p") {
        out += text_.paragraph(c, depth);
        out += '\n';
      } else if (name == "sdt") {
        cell_blocks(child(c, "sdtContent"), out, depth + 1);
      } else if (name == "customXml") {
        cell_blocks(c, out, depth + 1);
      }
    }
  }

  std::string table_name() {
    ++tables_in_section_;
    if (section_.empty()) {
      ++loose_tables_;
      return fmt::format("第 {} 张表", loose_tables_);
    }
    if (tables_in_section_ == 1) return "表" + section_;
    return fmt::format("表{}（第 {} 张）", section_, tables_in_section_);
  }

  void table(pugi::xml_node tbl, int depth) {
    if (depth > kMaxDepth) throw TooDeep{};
    std::vector<pugi::xml_node> rows;
    collect(tbl, "tr", rows, depth + 1);
    // A table that holds tables lays out the page: its cells are read as text.
    if (has_table(tbl, depth + 1)) {
      for (pugi::xml_node tr : rows) {
        std::vector<pugi::xml_node> cells;
        collect(tr, "tc", cells, depth + 2);
        for (pugi::xml_node tc : cells) blocks(tc, depth + 3);
      }
      return;
    }
    const std::string name = table_name();
    // A slot is copied down when it continues a vertical merge from the row above.
    std::vector<std::vector<GridSlot>> grid(rows.size());
    std::vector<std::string> texts;
    std::vector<int> first_column;  // of each cell
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const pugi::xml_node trpr = child(rows[r], "trPr");
      std::size_t column = static_cast<std::size_t>(
          std::clamp(int_value(child(trpr, "gridBefore"), 0), 0, static_cast<int>(kMaxColumns)));
      std::vector<pugi::xml_node> cells;
      collect(rows[r], "tc", cells, depth + 2);
      for (pugi::xml_node tc : cells) {
        const pugi::xml_node tcpr = child(tc, "tcPr");
        std::size_t span = static_cast<std::size_t>(
            std::clamp(int_value(child(tcpr, "gridSpan"), 1), 1, static_cast<int>(kMaxColumns)));
        if (column >= kMaxColumns || slots_ + span > kMaxGridSlots) break;
        span = std::min(span, kMaxColumns - column);
        slots_ += span;
        auto& row = grid[r];
        if (row.size() < column + span) row.resize(column + span);
        const pugi::xml_node vmerge = child(tcpr, "vMerge");
        const std::string_view vval = attribute(vmerge, "val").value();
        const bool continues = vmerge && vval != "restart";
        const pugi::xml_node hmerge = child(tcpr, "hMerge");
        const bool joins =
            hmerge && std::string_view(attribute(hmerge, "val").value()) != "restart";
        int origin = -1;
        bool copied = false;
        if (continues && r > 0 && grid[r - 1].size() > column && grid[r - 1][column].origin >= 0) {
          origin = grid[r - 1][column].origin;
          copied = true;
        } else if (joins && column > 0 && row[column - 1].origin >= 0) {
          origin = row[column - 1].origin;
          copied = row[column - 1].copied_down;
        } else {
          origin = static_cast<int>(texts.size());
          texts.push_back(cell_text(tc, depth + 3));
          first_column.push_back(static_cast<int>(column));
        }
        for (std::size_t c = column; c < column + span; ++c) row[c] = {origin, copied};
        column += span;
      }
    }
    std::size_t width = 0;
    for (const auto& row : grid) width = std::max(width, row.size());

    // The label of each row: the texts before its first value or blank, the last two of them
    // ("（三）不予公开 2.其他法律行政法规禁止公开"); and where its values start.
    struct RowInfo {
      std::string label;
      std::size_t first_value = 0;
      bool data = false;  // has a value or blank after its label
    };
    std::vector<RowInfo> info(grid.size());
    for (std::size_t r = 0; r < grid.size(); ++r) {
      std::vector<std::string> labels;
      std::size_t c = 0;
      int last = -1;
      for (; c < grid[r].size(); ++c) {
        const int o = grid[r][c].origin;
        if (o == last) continue;
        const std::string& t = o < 0 ? std::string() : texts[static_cast<std::size_t>(o)];
        if (t.empty() || looks_like_value(t)) break;
        if (labels.empty() || labels.back() != t) labels.push_back(t);
        last = o;
      }
      info[r].first_value = c;
      info[r].data = c < grid[r].size() || (labels.empty() && !grid[r].empty());
      // A row of heads is named by its first; a row of values by its own label and its group's.
      if (!info[r].data) labels.resize(std::min<std::size_t>(labels.size(), 1));
      const std::size_t from = labels.size() > 2 ? labels.size() - 2 : 0;
      for (std::size_t k = from; k < labels.size(); ++k)
        info[r].label += (info[r].label.empty() ? "" : " ") + labels[k];
    }
    // The name of each column of a data row: the innermost head above it, with the head above
    // that when another column of the row has the same name (四: 行政复议·结果维持).
    auto heads = [&](std::size_t r, std::size_t c) {
      std::vector<std::string> out;
      std::size_t h = r;
      while (h > 0 && info[h - 1].data) --h;  // the data rows above, up to the heads
      for (std::size_t seen = 0; h > 0 && !info[h - 1].data && seen < kHeadRows; --h, ++seen) {
        const auto& row = grid[h - 1];
        if (c >= row.size() || row[c].origin < 0) continue;
        const int o = row[c].origin;
        if (first_column[static_cast<std::size_t>(o)] < static_cast<int>(info[r].first_value))
          continue;  // a caption or the corner over the labels
        const std::string& t = texts[static_cast<std::size_t>(o)];
        if (!t.empty() && (out.empty() || out.back() != t)) out.push_back(t);
      }
      return out;
    };
    bool emitted = false;
    for (std::size_t r = 0; r < grid.size(); ++r) {
      const std::string row_place =
          fmt::format("{} 第 {} 行", name, r + 1) +
          (info[r].label.empty() ? std::string() : "「" + info[r].label + "」");
      std::vector<std::string> column_names(grid[r].size());
      if (info[r].data) {
        std::vector<std::vector<std::string>> all(grid[r].size());
        std::map<std::string, std::set<int>> origins;  // of the columns with each inner name
        for (std::size_t c = info[r].first_value; c < grid[r].size(); ++c) {
          all[c] = heads(r, c);
          if (!all[c].empty()) origins[all[c].front()].insert(grid[r][c].origin);
        }
        for (std::size_t c = info[r].first_value; c < grid[r].size(); ++c) {
          if (all[c].empty()) {
            column_names[c] = fmt::format("第 {} 列", c + 1);
            continue;
          }
          const bool shared = origins[all[c].front()].size() > 1;
          column_names[c] = shared && all[c].size() > 1 ? all[c][1] + "·" + all[c][0] : all[c][0];
        }
      }

      Line line;
      line.cells = true;
      line.positioned = true;
      line.where.place = row_place;
      line.where.order = ++order_;
      const bool any = append_grid_row(
          grid[r], texts,
          [&](std::size_t c) {
            return column_names[c].empty() ? row_place : row_place + "·" + column_names[c];
          },
          line);
      if (!any) continue;
      // Pieces come after their row in document order.
      order_ += line.pieces.size();
      if (!emitted) ++tables;
      emitted = true;
      line.width = static_cast<double>(line.text().size());
      doc.lines.push_back(std::move(line));
    }
  }

  TextReader text_;
  std::string section_;  // numeral of the last section heading
  int tables_in_section_ = 0;
  int loose_tables_ = 0;
  int paragraphs_ = 0;
  std::size_t order_ = 0;
  std::size_t slots_ = 0;
};

Unreadable unreadable(std::string zh, std::string en) {
  return Unreadable{Message{std::move(zh), std::move(en)}};
}

// Whether `bytes` hold `name` as UTF-16LE, as the directory of an OLE2 compound file does.
bool has_utf16_name(std::string_view bytes, std::string_view name) {
  std::string wide;
  for (char c : name) {
    wide += c;
    wide += '\0';
  }
  return bytes.find(wide) != std::string_view::npos;
}

}  // namespace

Document read_docx(std::string_view bytes, std::optional<Unreadable>& failure) {
  Document out;
  out.description = "Word (docx)";
  const Archive zip(bytes);
  if (!zip.open()) {
    if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
      failure = has_utf16_name(bytes, "EncryptedPackage")
                    ? unreadable(
                          "文档设有打开密码（已加密），无法读取；请在 Word 或 WPS "
                          "中取消密码后重新保存",
                          "the document is protected by a password (encrypted) and cannot "
                          "be read; remove the password in Word or WPS and save it again")
                    : unreadable(
                          "这是旧版 Word 97–2003 文档（.doc），不是 .docx；请在 Word 或 WPS "
                          "中另存为 .docx，或将文件名改为 .doc（装有 LibreOffice 时自动转换）",
                          "this is an old Word 97–2003 document (.doc), not a .docx; save "
                          "it as .docx in Word or WPS, or name it .doc (converted "
                          "automatically where LibreOffice is installed)");
    } else {
      failure =
          unreadable("不是 Word 文档：.docx 文件是 zip 压缩包，而此文件不是（损坏或不完整？）",
                     "not a Word document: a .docx file is a zip archive and this file is "
                     "not one (damaged or incomplete?)");
    }
    return out;
  }
  const Relationships package = relationships(zip, "");
  std::string main = "word/document.xml";
  if (auto it = package.by_type.find("officeDocument"); it != package.by_type.end())
    main = it->second;
  const std::optional<std::string> xml = zip.read(main);
  if (!xml) {
    failure =
        zip.read("xl/workbook.xml")
            ? unreadable("这是 Excel 工作簿，不是 Word 文档",
                         "this is an Excel workbook, "
                         "not a Word document")
            : unreadable(fmt::format("zip 压缩包中没有可读的 Word 正文（{}）：不是 Word 文档，"
                                     "或已损坏，或解压后超过 {} MiB",
                                     main, kMaxPartBytes >> 20),
                         fmt::format("the zip archive holds no readable Word body ({}): not "
                                     "a Word document, damaged, or larger than {} MiB "
                                     "unpacked",
                                     main, kMaxPartBytes >> 20));
    return out;
  }
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed) {
    failure = unreadable(fmt::format("Word 正文（{}）不是完好的 XML：第 {} 字节处 {}", main,
                                     parsed.offset + 1, parsed.description()),
                         fmt::format("the Word body ({}) is not well-formed XML: {} at byte {}",
                                     main, parsed.description(), parsed.offset + 1));
    return out;
  }
  const pugi::xml_node body = child(child(document, "document"), "body");
  if (!body) {
    failure = unreadable(fmt::format("Word 正文（{}）中没有 w:body", main),
                         fmt::format("the Word body ({}) has no w:body", main));
    return out;
  }
  // Numbering and styles, for the numbers of numbered lists.
  const Relationships parts = relationships(zip, main);
  pugi::xml_document numbering_xml, styles_xml;
  auto load = [&](std::string_view type, pugi::xml_document& into) {
    if (auto it = parts.by_type.find(std::string(type)); it != parts.by_type.end())
      if (auto part = zip.read(it->second)) parse(into, *part);
  };
  load("numbering", numbering_xml);
  load("styles", styles_xml);
  Numbering numbering(child(numbering_xml, "numbering"), child(styles_xml, "styles"));
  BodyReader reader(numbering);
  try {
    reader.blocks(body, 0);
  } catch (const TooDeep&) {
    failure = unreadable(
        fmt::format("Word 正文中的元素嵌套超过 {} 层，无法读取", kMaxDepth),
        fmt::format("the Word body nests elements more than {} levels deep; not read", kMaxDepth));
    return out;
  }
  out.lines = std::move(reader.doc.lines);
  out.content_begin = 0;
  out.content_end = out.lines.size();
  out.flow = Flow::Blocks;
  const std::size_t tables = reader.tables;
  out.description = fmt::format("Word (docx, {} {})", tables, tables == 1 ? "table" : "tables");
  return out;
}

}  // namespace govreport::importer
