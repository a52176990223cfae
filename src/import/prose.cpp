// The parts of a report that are text: title, section headings, paragraphs, subsections.

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "import/normalize.hpp"
#include "import/recognise.hpp"

namespace govreport::importer {
namespace {

constexpr std::array<std::u32string_view, 10> kNumerals = {U"一", U"二", U"三", U"四", U"五",
                                                           U"六", U"七", U"八", U"九", U"十"};

bool ends_sentence(std::string_view text) {
  for (std::string_view end : {"。", "！", "？", "：", "；", "…", ".", "!", "?", ":"})
    if (text.ends_with(end)) return true;
  return false;
}

// The subsection marker "（一）" … at the start of `folded`, as a 1-based number, or 0.
int marker(std::u32string_view folded) {
  if (!folded.starts_with(U"(")) return 0;
  for (std::size_t i = 0; i < kNumerals.size(); ++i) {
    const std::u32string m = U"(" + std::u32string(kNumerals[i]) + U")";
    if (folded.starts_with(m)) return static_cast<int>(i) + 1;
  }
  return 0;
}

// Four digits, not part of a longer number. Any year is read as printed: the year decides the
// edition, and a year without one is reported, never replaced by another year of the text.
bool is_year_at(const std::u32string& s, std::size_t i) {
  auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= U'0' && s[k] <= U'9'; };
  if (i + 4 > s.size() || s[i] == U'0') return false;
  for (std::size_t k = i; k < i + 4; ++k)
    if (!digit(k)) return false;
  return (i == 0 || !digit(i - 1)) && !digit(i + 4);
}

int year_value(const std::u32string& s, std::size_t i) {
  return static_cast<int>((s[i] - U'0') * 1000 + (s[i + 1] - U'0') * 100 + (s[i + 2] - U'0') * 10 +
                          (s[i + 3] - U'0'));
}

bool has_year(const std::string& text) {
  const std::u32string s = decode_utf8(tidy(text));
  for (std::size_t i = 0; i + 5 <= s.size(); ++i)
    if (is_year_at(s, i) && s[i + 4] == U'年') return true;
  return false;
}

// The agency's name in what is printed before a title's year: not a field name ("标题：") or a
// page header printed before it ("Page 8 -"), not a function word ("关于2022年度…的报告" names
// the agency only in its 落款).
std::u32string agency_before_year(std::u32string agency) {
  const std::size_t colon = agency.find_last_of(U"：:");
  if (colon != std::u32string::npos) agency = agency.substr(colon + 1);
  // A Chinese name starts with a Chinese character: what comes before it is not the name.
  std::size_t start = 0;
  while (start < agency.size() && !(is_wide(agency[start]) && agency[start] >= U'\u4E00')) ++start;
  agency.erase(0, start);
  for (std::u32string_view word : {U"关于", U"的"})
    if (agency.ends_with(word)) agency.erase(agency.size() - word.size());
  return agency;
}

// The separators of a breadcrumb ("首页 > 信息公开 > 年度报告"), which no title prints.
bool is_breadcrumb_separator(char32_t c) {
  return c == U'>' || c == U'\uFF1E' || c == U'\u203A' || c == U'\u00BB' || c == U'\u3009' ||
         c == U'\u232A' || c == U'\u226B' || c == U'\u2192';
}

bool has_breadcrumb_separator(const std::string& text) {
  const std::u32string s = decode_utf8(text);
  return std::any_of(s.begin(), s.end(), is_breadcrumb_separator);
}

// Reads "{agency}{year}年…报告" from one piece of text; the agency may be empty. A breadcrumb
// ending in the title ("首页 > 信息公开 > 某某镇人民政府2023年…报告") gives what follows its last
// separator.
std::optional<Title> title_in(const std::string& raw) {
  std::string text = tidy(raw);
  if (text.empty() || text.find("。") != std::string::npos || text.find("，") != std::string::npos)
    return std::nullopt;
  {
    const std::u32string whole = decode_utf8(text);
    const auto last = std::find_if(whole.rbegin(), whole.rend(), is_breadcrumb_separator);
    if (last != whole.rend()) text = tidy(encode_utf8(std::u32string(last.base(), whole.end())));
  }
  const std::u32string s = decode_utf8(text);
  if (s.size() > 60 || !s.ends_with(U"报告")) return std::nullopt;
  for (std::size_t i = 0; i + 5 <= s.size(); ++i) {
    if (!is_year_at(s, i) || s[i + 4] != U'年') continue;
    const std::u32string rest = s.substr(i + 5);
    if (rest.find(U"政府信息公开") == std::u32string::npos) continue;
    Title t;
    t.year = year_value(s, i);
    t.agency = tidy(encode_utf8(agency_before_year(s.substr(0, i))));
    t.text = text;
    return t;
  }
  // A title without a year still names the agency: "{agency}政府信息公开工作年度报告".
  const std::size_t at = s.find(U"政府信息公开");
  if (at == std::u32string::npos || at == 0) return std::nullopt;
  Title t;
  t.agency = tidy(encode_utf8(s.substr(0, at)));
  t.text = text;
  return t;
}

// A line of running text: no table cells, no values, no wide gaps between its words.
bool is_prose(const Line& l) {
  if (l.cells || l.pieces.empty()) return false;
  for (std::size_t k = 0; k < l.pieces.size(); ++k) {
    if (looks_like_value(l.pieces[k].text)) return false;
    if (k > 0 && l.positioned && l.pieces[k].x0 - l.pieces[k - 1].x1 >= 2 * l.em) return false;
  }
  return decode_utf8(tidy(l.text())).size() >= 6;
}

}  // namespace

void add_finding(Findings& findings, std::string_view rule, const Where& where, std::string pointer,
                 std::string zh, std::string en) {
  if (where.line == 0 && where.page > 0) {
    zh += fmt::format("（第 {} 页）", where.page);
    en += fmt::format(" (page {})", where.page);
  }
  Position position{where.line, where.line > 0 ? std::max<std::size_t>(where.column, 1) : 0};
  position.place = where.place;
  position.place_order = where.order;
  findings.add(rule, std::move(pointer), {std::move(zh), std::move(en)}, std::move(position));
}

Message describe(const Document& doc, Span span) {
  if (span.empty() || span.begin >= doc.lines.size()) return {"（空白）", "(empty)"};
  const Where& a = doc.lines[span.begin].where;
  const Where& b = doc.lines[std::min(span.end, doc.lines.size()) - 1].where;
  if (a.line == 0 && !a.place.empty()) {
    if (a.place == b.place) return {a.place, a.place};
    return {fmt::format("{} 至 {}", a.place, b.place), fmt::format("{} to {}", a.place, b.place)};
  }
  if (a.line == 0 && a.page > 0) {
    if (a.page == b.page) return {fmt::format("第 {} 页", a.page), fmt::format("page {}", a.page)};
    return {fmt::format("第 {}–{} 页", a.page, b.page), fmt::format("pages {}–{}", a.page, b.page)};
  }
  if (a.line == b.line) return {fmt::format("第 {} 行", a.line), fmt::format("line {}", a.line)};
  return {fmt::format("第 {}–{} 行", a.line, b.line), fmt::format("lines {}–{}", a.line, b.line)};
}

namespace {

// Whether a line is a title naming its own agency before its year: the lines above it (a
// breadcrumb, a page header, the site's name) are then no part of it.
bool names_own_agency(const Line& line) {
  const std::optional<Title> t = title_in(line.text());
  return t && t->year != 0 && !t->agency.empty();
}

// Finds the title among the lines before `limit`; with `headings_only`, among the lines the
// source marks as headings, joining only headings.
std::optional<Title> find_title_in(const Document& doc, std::size_t limit, bool headings_only) {
  std::optional<Title> undated;
  std::optional<Title> in_breadcrumb;
  for (std::size_t i = 0; i < limit; ++i) {
    const Line& line = doc.lines[i];
    if (headings_only && !line.heading) continue;
    // A title may be printed over up to three lines ("淮安市洪泽区人民政府" above
    // "2024年政府信息公开工作年度报告"); a table cell holds it whole.
    std::vector<std::pair<std::string, std::size_t>> candidates;  // text, lines taken
    if (line.cells) {
      for (const Piece& p : line.pieces) candidates.emplace_back(p.text, 1);
    } else {
      std::string text;
      for (std::size_t k = 0; k < 3 && i + k < limit && !doc.lines[i + k].cells; ++k) {
        const Line& next = doc.lines[i + k];
        if (k > 0) {
          // The lines above the year name the agency: a line about 政府信息公开 does not, nor a
          // breadcrumb ("首页 > 信息公开 > 年度报告"), nor any line above a heading that is not
          // one, nor any line above a title that names its agency itself.
          if (!has_year(text) &&
              (text.find("政府信息公开") != std::string::npos || has_breadcrumb_separator(text) ||
               (next.heading && !line.heading) || (headings_only && !next.heading) ||
               names_own_agency(next)))
            break;
        }
        text += next.text();
        candidates.emplace_back(text, k + 1);
      }
    }
    for (const auto& [text, taken] : candidates) {
      std::optional<Title> t = title_in(text);
      if (!t) continue;
      t->lines = {i, i + taken};
      if (t->year == 0) {  // keep looking for one with a year
        if (!undated) undated = std::move(t);
        continue;
      }
      // A breadcrumb ending in the title comes before the title itself.
      if (has_breadcrumb_separator(text)) {
        if (!in_breadcrumb) in_breadcrumb = std::move(t);
        continue;
      }
      return t;
    }
  }
  return in_breadcrumb ? in_breadcrumb : undated;
}

}  // namespace

std::optional<Title> find_title(const Document& doc, std::size_t limit) {
  limit = std::min(limit, doc.lines.size());
  // A title the source marks as a heading (HTML h1, Markdown #) is the title; the text around it
  // (a breadcrumb, the site's name) is not, even when it looks like one.
  if (std::optional<Title> t = find_title_in(doc, limit, true); t && t->year != 0) return t;
  return find_title_in(doc, limit, false);
}

int find_statistics_year(const Document& doc, Span span) {
  for (std::size_t i = span.begin; i < span.end && i < doc.lines.size(); ++i) {
    const std::u32string s = decode_utf8(tidy(doc.lines[i].text()));
    const std::size_t at = s.find(U"统计");
    if (at == std::u32string::npos) continue;
    for (std::size_t k = at; k < s.size() && k < at + 30; ++k)
      if (is_year_at(s, k) && s.substr(k + 4).starts_with(U"年1月1日")) return year_value(s, k);
  }
  return 0;
}

HeadingMatch match_heading(std::string_view text, const Edition& edition, int first) {
  const std::u32string f = fold(text);
  if (f.size() < 3 || f.size() > 40) return {};
  for (std::size_t k = static_cast<std::size_t>(std::max(first, 0)); k < edition.sections.size();
       ++k) {
    const std::u32string numeral = fold(edition.sections[k].numeral);
    if (!f.starts_with(numeral + U"、")) continue;
    const std::u32string rest = f.substr(numeral.size() + 1);
    const std::u32string official = fold(edition.sections[k].zh);
    if (rest == official) return {static_cast<int>(k), true};
    const double ratio = static_cast<double>(common_length(rest, official)) /
                         static_cast<double>(std::max(rest.size(), official.size()));
    if (ratio >= 0.6 && rest.size() <= official.size() + 10) return {static_cast<int>(k), false};
  }
  return {};
}

Sections find_sections(const Document& doc, Span span, const Edition& edition, Findings& findings) {
  Sections s;
  const std::size_t n = edition.sections.size();
  s.heading.assign(n, std::nullopt);
  s.body.assign(n, Span{});
  int current = -1;
  for (std::size_t i = span.begin; i < span.end; ++i) {
    const Line& line = doc.lines[i];
    std::string text;
    if (line.cells) {
      std::size_t filled = 0;
      for (const Piece& p : line.pieces)
        if (!p.text.empty()) {
          ++filled;
          text = p.text;
        }
      if (filled != 1) continue;
    } else {
      if (std::any_of(line.pieces.begin(), line.pieces.end(),
                      [](const Piece& p) { return looks_like_value(p.text); }))
        continue;
      text = line.text();
    }
    const HeadingMatch m = match_heading(text, edition, current + 1);
    if (m.section < 0) continue;
    const Section& sec = edition.sections[static_cast<std::size_t>(m.section)];
    s.heading[static_cast<std::size_t>(m.section)] = i;
    current = m.section;
    if (!m.exact) {
      const std::string official = std::string(sec.numeral) + "、" + std::string(sec.zh);
      add_finding(
          findings, "label-variant", line.where, "",
          fmt::format("标题“{}”与格式规定的“{}”不同，按位置和编号认作该部分", tidy(text), official),
          fmt::format(
              "heading \"{}\" differs from the official \"{}\"; taken as that section by its "
              "place and numbering",
              tidy(text), official));
    }
  }
  s.first_heading = span.end;
  std::size_t next = span.end;
  for (std::size_t k = n; k-- > 0;) {
    if (!s.heading[k]) continue;
    s.body[k] = {*s.heading[k] + 1, next};
    next = *s.heading[k];
    s.first_heading = *s.heading[k];
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (s.heading[k]) continue;
    const Section& sec = edition.sections[k];
    // Looked for between the headings found before and after it.
    std::size_t from = span.begin, to = span.end;
    for (std::size_t j = 0; j < k; ++j)
      if (s.heading[j]) from = *s.heading[j];
    for (std::size_t j = n; j-- > k + 1;)
      if (s.heading[j]) to = *s.heading[j];
    const Message place = describe(doc, {from, to});
    const Where where = from < doc.lines.size() ? doc.lines[from].where : Where{};
    add_finding(
        findings, "missing-section", where, "",
        fmt::format("未找到标题“{}、{}”（在{}中查找）", sec.numeral, sec.zh, place.zh),
        fmt::format("heading \"{}、{}\" not found (looked in {})", sec.numeral, sec.zh, place.en));
  }
  return s;
}

std::vector<Paragraph> paragraphs(const Document& doc, Span span) {
  std::vector<const Line*> lines;
  for (std::size_t i = span.begin; i < span.end && i < doc.lines.size(); ++i)
    if (!doc.lines[i].cells) lines.push_back(&doc.lines[i]);
  std::vector<Paragraph> out;
  if (doc.flow == Flow::Blocks) {
    for (const Line* l : lines)
      if (std::string t = tidy(l->text()); !t.empty()) out.push_back({std::move(t), l->where});
    return out;
  }
  if (lines.empty()) return out;
  // The width of a full line and the left margin, from all the prose of the document.
  std::vector<double> widths;
  std::vector<const Line*> prose;
  for (std::size_t i = doc.content_begin; i < doc.content_end; ++i) {
    const Line& l = doc.lines[i];
    if (!is_prose(l)) continue;
    prose.push_back(&l);
    widths.push_back(l.width);
  }
  if (widths.empty()) return out;
  std::sort(widths.begin(), widths.end());
  const double full = widths[widths.size() * 9 / 10];
  std::vector<double> starts;
  for (const Line* l : prose)
    if (l->indent >= 0 && l->width >= 0.8 * full) starts.push_back(l->indent);
  std::sort(starts.begin(), starts.end());
  const double margin = starts.empty() ? 0 : starts[starts.size() / 2];
  std::size_t blank_before = 0;
  for (const Line* l : lines) blank_before += l->blank_before ? 1 : 0;
  // pdftotext's default output puts an empty line after every line; then they mean nothing.
  const bool blank_breaks = blank_before * 10 < lines.size() * 6;

  const Line* previous = nullptr;
  std::string previous_text;
  for (const Line* l : lines) {
    const std::string text = tidy(l->text());
    if (text.empty()) continue;
    bool start = previous == nullptr;
    if (!start && l->indent >= 0 && starts.size() > 0 && l->indent - margin >= 0.9 * l->em)
      start = true;
    if (!start && ends_sentence(previous_text) && previous->width < 0.85 * full) start = true;
    if (!start && marker(fold(text)) > 0 && ends_sentence(previous_text)) start = true;
    // An empty line ends a paragraph, unless it falls inside a sentence (a page break).
    if (!start && blank_breaks && l->blank_before &&
        (ends_sentence(previous_text) || previous->width < 0.85 * full))
      start = true;
    if (start) {
      out.push_back({text, l->where});
    } else {
      append_wrapped(out.back().text, text);
    }
    previous = l;
    previous_text = text;
  }
  return out;
}

namespace {

// Reads the paragraphs of `span` into `part`, numbered subsections ("（一）…") apart.
// Records where a paragraph was in a source without lines (a workbook cell), for findings.
void place(SourceMap& source, const std::string& pointer, const Where& where) {
  if (!where.place.empty()) source.add_place(pointer, where.place, where.order);
}

void read_subsections(const Document& doc, Span span, Narrative& part, SourceMap& source,
                      const std::string& pointer) {
  int expected = 1;
  for (Paragraph& p : paragraphs(doc, span)) {
    const std::u32string text = decode_utf8(p.text);
    const std::u32string folded = fold(p.text);
    if (marker(folded) == expected) {
      ++expected;
      // The title runs to the first full stop; other closing marks stay part of it.
      const std::size_t open =
          text.find(U'）') != std::u32string::npos ? text.find(U'）') : text.find(U')');
      std::u32string rest = open == std::u32string::npos ? text : text.substr(open + 1);
      Subsection sub;
      const std::size_t stop = rest.find_first_of(U"。：！？；");
      if (stop == std::u32string::npos) {
        sub.title = encode_utf8(rest);
        rest.clear();
      } else {
        sub.title = encode_utf8(rest.substr(0, rest[stop] == U'。' ? stop : stop + 1));
        rest = rest.substr(stop + 1);
      }
      sub.title = tidy(sub.title);
      const std::string base = pointer + "/subsections/" + std::to_string(part.subsections.size());
      place(source, base, p.where);
      if (const std::string first = tidy(encode_utf8(rest)); !first.empty()) {
        place(source, base + "/paragraphs/0", p.where);
        sub.paragraphs.push_back(first);
      }
      part.subsections.push_back(std::move(sub));
    } else if (!part.subsections.empty()) {
      std::vector<std::string>& to = part.subsections.back().paragraphs;
      place(source,
            pointer + "/subsections/" + std::to_string(part.subsections.size() - 1) +
                "/paragraphs/" + std::to_string(to.size()),
            p.where);
      to.push_back(std::move(p.text));
    } else {
      place(source, pointer + "/paragraphs/" + std::to_string(part.paragraphs.size()), p.where);
      part.paragraphs.push_back(std::move(p.text));
    }
  }
}

}  // namespace

Closing read_narrative(const Document& doc, const Sections& sections, Span preamble,
                       Report& report) {
  const Edition& edition = *report.edition;
  for (std::size_t k = 0; k < edition.narrative.size(); ++k) {
    const NarrativePart& part = edition.narrative[k];
    Span span = part.section.empty() ? preamble : Span{};
    for (std::size_t i = 0; i < edition.sections.size(); ++i)
      if (!part.section.empty() && edition.sections[i].numeral == part.section)
        span = sections.body[i];
    const std::string pointer = "/" + std::string(part.key);
    if (part.subsections) {
      read_subsections(doc, span, report.narrative[k], report.source, pointer);
    } else {
      std::vector<std::string>& to = report.narrative[k].paragraphs;
      for (Paragraph& p : paragraphs(doc, span)) {
        place(report.source, pointer + "/" + std::to_string(to.size()), p.where);
        to.push_back(std::move(p.text));
      }
    }
  }
  Closing found;
  if (report.narrative.empty()) return found;
  std::vector<std::string>& closing = report.narrative.back().paragraphs;
  // The signature (agency and date) closing the report is not a paragraph of its last part.
  const std::u32string agency = fold(report.agency);
  while (!closing.empty()) {
    const std::string& last = closing.back();
    const std::u32string f = fold(last);
    const bool date = f.size() <= 12 && f.find(U'年') != std::u32string::npos &&
                      f.ends_with(U"日") && last.find("。") == std::string::npos;
    // When the title names no agency, the line above the date is the signer.
    const bool signer =
        f.size() <= 30 && last.find("。") == std::string::npos &&
        (agency.empty() ? !found.date.empty() && found.agency.empty() &&
                              last.find("，") == std::string::npos &&
                              !agency_before_year(f).empty() && agency_before_year(f) == f
                        : (f == agency || agency.ends_with(f) || f.ends_with(agency)));
    if (!date && !signer) break;
    if (date) {
      found.date = tidy(last);
    } else {  // without a page header printed before the name ("Page 8 -")
      std::u32string name = decode_utf8(tidy(last));
      std::size_t start = 0;
      while (start < name.size() && !(is_wide(name[start]) && name[start] >= U'\u4E00')) ++start;
      found.agency = encode_utf8(std::u32string_view(name).substr(start));
    }
    closing.pop_back();
  }
  return found;
}

}  // namespace govreport::importer
