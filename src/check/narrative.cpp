// narrative-number: numbers and claims in the text that the tables contradict (the plain cases).
// Each paragraph is read once, by one automaton that finds every word the checks look for
// (keywords, claims, punctuation); the checks then work on where those words are.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>

#include "check/check_internal.hpp"
#include "text/word_scan.hpp"

namespace govreport::detail {
namespace {

// The words looked for: first the punctuation that ends a clause (those that end a sentence
// marked), then the keywords, the claims and the edition's words for documents.
struct Mark {
  std::string_view text;
  bool ends_sentence;
};
constexpr std::array<Mark, 8> kMarks = {{{"。", true},
                                         {"；", true},
                                         {"，", false},
                                         {"！", true},
                                         {"？", true},
                                         {";", true},
                                         {",", false},
                                         {"\n", true}}};
struct Claim {
  std::string_view phrase;
  bool all_upheld;
};
// "均无败诉", "均获维持" and the like, checked against 结果纠正 and 尚未审结.
constexpr std::array<Claim, 12> kClaims = {{
    {"无败诉", false},
    {"零败诉", false},
    {"未败诉", false},
    {"没有败诉", false},
    {"未发生败诉", false},
    {"未被纠错", false},
    {"未被纠正", false},
    {"均获维持", true},
    {"均被维持", true},
    {"全部维持", true},
    {"均予维持", true},
    {"均维持", true},
}};
enum Keyword : std::size_t {
  kApplications = kMarks.size(),
  kReviews,
  kLawsuits,
  kOpenWide,  // （
  kCloseWide,
  kOpen,  // (
  kClose,
  kFirstClaim
};
constexpr std::size_t kFirstEditionWord = kFirstClaim + kClaims.size();
// What opens a parenthesis that qualifies the number before it ("3119件（含结转34件）"): the
// numbers inside are a part of another count, not the clause's own.
constexpr std::array<std::string_view, 4> kPartOf = {"含", "其中", "包括", "包含"};

// The edition's words, in the scanner's order after the fixed ones: the documents' words, the
// counts' words, the in-force words.
std::vector<std::string_view> edition_words(const NarrativeCells& cells) {
  std::vector<std::string_view> words;
  for (const NarrativeCells::Documents& d : cells.documents) words.push_back(d.word);
  for (const NarrativeCells::Count& c : cells.counts)
    words.insert(words.end(), c.words.begin(), c.words.end());
  words.insert(words.end(), cells.in_force_words.begin(), cells.in_force_words.end());
  return words;
}

// The scanner for an edition's words, made once per thread.
const WordScanner& scanner_for(const NarrativeCells& cells) {
  struct Made {
    std::vector<std::string_view> edition;
    std::unique_ptr<WordScanner> scanner;
  };
  thread_local std::vector<Made> made;
  std::vector<std::string_view> edition = edition_words(cells);
  for (const Made& m : made)
    if (m.edition == edition) return *m.scanner;
  std::vector<std::string_view> words;
  words.reserve(kFirstEditionWord + edition.size());
  for (const Mark& m : kMarks) words.push_back(m.text);
  words.insert(words.end(), {"申请", "行政复议", "行政诉讼", "（", "）", "(", ")"});
  for (const Claim& c : kClaims) words.push_back(c.phrase);
  words.insert(words.end(), edition.begin(), edition.end());
  Made m{std::move(edition), std::make_unique<WordScanner>(words)};
  made.push_back(std::move(m));
  return *made.back().scanner;
}
// Words that make a number something other than the count itself (a change, a share, a subset).
constexpr std::array<std::string_view, 17> kQualifiers = {
    "增",   "减",   "较",   "同比", "比",   "其中", "占",   "%", "办结",
    "答复", "结转", "不予", "部分", "予以", "投诉", "平均", "第"};

// The first of the marks (or of those that end a sentence) at or after `from`, or the end.
std::size_t find_first_of(std::string_view text, const WordScanner::Found& found, std::size_t from,
                          bool sentence) {
  std::size_t best = text.size();
  for (std::size_t m = 0; m < kMarks.size(); ++m)
    if (!sentence || kMarks[m].ends_sentence) best = std::min(best, found.first(m, from));
  return best;
}

// The end of the last mark of each kind at or before `before`, the largest of those that start
// before it, or 0.
std::size_t find_last_of(const WordScanner::Found& found, std::size_t before, bool sentence) {
  std::size_t best = 0;
  for (std::size_t m = 0; m < kMarks.size(); ++m) {
    if (sentence && !kMarks[m].ends_sentence) continue;
    const std::size_t at = found.last(m, before);
    if (at != std::string_view::npos && at < before)
      best = std::max(best, at + kMarks[m].text.size());
  }
  return best;
}

struct Number {
  std::int64_t value = 0;
  std::size_t at = 0;  // byte index of the first digit
};

// Finds "N件" (or another unit) in text[from, to): digits, optional spaces, then a unit.
std::optional<Number> find_count(std::string_view text, std::size_t from, std::size_t to,
                                 std::span<const std::string_view> units) {
  for (std::size_t i = from; i < to; ++i) {
    if (text[i] < '0' || text[i] > '9') continue;
    if (i > 0 && (text[i - 1] == '.' || (text[i - 1] >= '0' && text[i - 1] <= '9'))) continue;
    std::size_t j = i;
    std::int64_t v = 0;
    while (j < to && text[j] >= '0' && text[j] <= '9' && v < 1'000'000'000'000)
      v = v * 10 + (text[j++] - '0');
    const std::size_t digits_end = j;
    if (j < to && text[j] == '.') continue;
    while (j < to && text[j] == ' ') ++j;
    for (std::string_view unit : units)
      if (text.substr(j).starts_with(unit)) return Number{v, i};
    i = digits_end;
  }
  return std::nullopt;
}

bool qualified(std::string_view window) {
  for (std::string_view q : kQualifiers)
    if (window.find(q) != std::string_view::npos) return true;
  return false;
}

class NarrativeChecker {
 public:
  NarrativeChecker(const Report& report, Findings& findings, WordScanner::Found& found,
                   CellsOfFindings& involved)
      : report_(report),
        findings_(findings),
        found_(found),
        involved_(involved),
        scanner_(scanner_for(report.edition->narrative_cells)) {}

  void run() {
    for_each_text(report_, false, [&](std::string_view text, const std::string& pointer) {
      paragraph(text, pointer);
    });
  }

 private:
  using Cells = std::vector<std::string_view>;

  // The value of the cell at `pointer`, or nullopt when it is blank, not applicable or not a
  // cell of this edition.
  std::optional<std::int64_t> cell(std::string_view pointer) const {
    const int index = report_.edition->cell_index(pointer);
    if (index < 0) return std::nullopt;
    const Cell& c = report_.cells[static_cast<std::size_t>(index)];
    if (!c.is_number()) return std::nullopt;
    return c.value;
  }
  std::optional<std::int64_t> sum(std::initializer_list<const Cells*> lists) const {
    std::int64_t total = 0;
    bool any = false;
    for (const Cells* list : lists) {
      for (std::string_view p : *list) {
        auto v = cell(p);
        if (!v) return std::nullopt;
        total += *v;
        any = true;
      }
    }
    if (!any) return std::nullopt;
    return total;
  }
  const NarrativeCells& cells() const { return report_.edition->narrative_cells; }

  // Adds a finding about the number at `at` compared with the cells `about`.
  void report(const std::string& pointer, std::size_t at, std::string zh, std::string en,
              std::string expected, std::string actual, const std::vector<const Cells*>& about) {
    const Position position = report_.source.position_in_string(pointer, at);
    Diagnostic& d =
        findings_.add("narrative-number", pointer, {std::move(zh), std::move(en)}, position);
    d.expected = std::move(expected);
    d.actual = std::move(actual);
    std::vector<int> cells;
    for (const Cells* list : about)
      for (std::string_view p : *list)
        if (const int index = report_.edition->cell_index(p); index >= 0) cells.push_back(index);
    involve(findings_, involved_, std::move(cells));
  }

  // The end of the parenthesis that holds `at` when it opens with a word of kPartOf ("（含"),
  // or 0 when `at` is in no such parenthesis.
  std::size_t part_of_end(std::string_view text, std::size_t at) const {
    std::size_t open = 0, open_size = 0, close = 0;
    for (const auto& [o, c] : {std::pair{kOpenWide, kCloseWide}, std::pair{kOpen, kClose}}) {
      const std::size_t o_at = found_.last(o, at);
      if (o_at != std::string_view::npos && o_at < at && o_at + 1 > open) {
        open = o_at + 1;
        open_size = scanner_.size(o);
      }
      const std::size_t c_at = found_.last(c, at);
      if (c_at != std::string_view::npos && c_at < at) close = std::max(close, c_at + 1);
    }
    if (open == 0 || close > open) return 0;
    const std::string_view inside = text.substr(open - 1 + open_size);
    if (std::none_of(kPartOf.begin(), kPartOf.end(),
                     [&](std::string_view w) { return inside.starts_with(w); }))
      return 0;
    std::size_t end = text.size();
    for (const Keyword c : {kCloseWide, kClose})
      if (const std::size_t c_at = found_.first(c, at); c_at != std::string_view::npos)
        end = std::min(end, c_at + scanner_.size(c));
    return end;
  }

  // The first count in text[from, end) outside any part-of parenthesis that `keyword_at` is
  // not in itself.
  std::optional<Number> own_count(std::string_view text, std::size_t keyword_at, std::size_t from,
                                  std::size_t end, std::span<const std::string_view> units) const {
    const std::size_t own = part_of_end(text, keyword_at);
    for (;;) {
      auto n = find_count(text, from, end, units);
      if (!n) return n;
      const std::size_t part = part_of_end(text, n->at);
      if (part == 0 || part == own) return n;
      from = part;
    }
  }

  // Whether one of the counts' words is in the clause before `at`.
  bool after_count_word(std::size_t at) const {
    const std::size_t clause = find_last_of(found_, at, false);
    std::size_t w = kFirstEditionWord + cells().documents.size();
    for (const NarrativeCells::Count& c : cells().counts)
      for (std::size_t i = 0; i < c.words.size(); ++i, ++w)
        if (const std::size_t s = found_.last(w, at);
            s != std::string_view::npos && s >= clause && s < at)
          return true;
    return false;
  }

  // Calls `found` for each count that follows one of the words `keywords` in the same clause,
  // unqualified, in the order of the text.
  void counts_after(std::string_view text, std::span<const std::size_t> keywords,
                    std::span<const std::string_view> units,
                    const std::function<void(const Number&, std::string_view window)>& found) {
    occurrences_.clear();
    for (const std::size_t keyword : keywords)
      for (const std::size_t k : found_.starts[keyword])
        occurrences_.emplace_back(k, scanner_.size(keyword));
    if (keywords.size() > 1) std::sort(occurrences_.begin(), occurrences_.end());
    for (const auto& [k, size] : occurrences_) {
      const std::size_t from = k + size;
      const std::size_t end = find_first_of(text, found_, from, false);
      auto n = own_count(text, k, from, end, units);
      if (!n || n->at < last_number_end_) continue;
      last_number_end_ = n->at + 1;
      const std::string_view window = text.substr(from, n->at - from);
      if (!qualified(window)) found(*n, window);
    }
  }

  void paragraph(std::string_view text, const std::string& pointer) {
    static constexpr std::array<std::string_view, 1> kJian = {"件"};
    static constexpr std::array<std::string_view, 2> kCases = {"起", "件"};
    scanner_.scan(text, found_);
    last_number_end_ = 0;
    counts_after(
        text, std::array<std::size_t, 1>{kApplications}, kJian,
        [&](const Number& n, std::string_view window) {
          if (window.find("复议") != std::string_view::npos ||
              window.find("诉讼") != std::string_view::npos)
            return;
          // "（含上年结转申请34件）" and "上年结转申请34件" count something else.
          if (part_of_end(text, n.at) != 0 || after_count_word(n.at)) return;
          const auto received = sum({&cells().received});
          const auto both = sum({&cells().received, &cells().carried_over});
          if (!received || !both || n.value == *received || n.value == *both) return;
          report(pointer, n.at,
                 fmt::format("正文说申请 {} 件，但{}为 {}（{} 为 {}）", n.value,
                             cells().received_name.zh, *received, cells().both_name.zh, *both),
                 fmt::format("the text says {} applications, but {} is {} ({} is {})", n.value,
                             cells().received_name.en, *received, cells().both_name.en, *both),
                 std::to_string(*received), std::to_string(n.value),
                 {&cells().received, &cells().carried_over});
        });
    last_number_end_ = 0;
    counts_after(text, std::array<std::size_t, 1>{kReviews}, kCases,
                 [&](const Number& n, std::string_view window) {
                   const bool all = window.find("诉讼") != std::string_view::npos;
                   const auto table =
                       all ? sum({&cells().reviews, &cells().lawsuits}) : sum({&cells().reviews});
                   if (!table || *table == n.value) return;
                   const char* what_zh = all ? "行政复议和行政诉讼" : "行政复议";
                   const char* what_en = all ? "reviews and lawsuits" : "administrative reviews";
                   report(pointer, n.at,
                          fmt::format("正文说{} {} 起，但{}为 {}", what_zh, n.value,
                                      cells().reviews_name.zh, *table),
                          fmt::format("the text says {} {}, but {} is {}", n.value, what_en,
                                      cells().reviews_name.en, *table),
                          std::to_string(*table), std::to_string(n.value),
                          all ? std::vector<const Cells*>{&cells().reviews, &cells().lawsuits}
                              : std::vector<const Cells*>{&cells().reviews});
                 });
    counts_after(text, std::array<std::size_t, 1>{kLawsuits}, kCases,
                 [&](const Number& n, std::string_view) {
                   const auto table = sum({&cells().lawsuits});
                   if (!table || *table == n.value) return;
                   report(pointer, n.at,
                          fmt::format("正文说行政诉讼 {} 起，但{}为 {}", n.value,
                                      cells().lawsuits_name.zh, *table),
                          fmt::format("the text says {} lawsuits, but {} gives {}", n.value,
                                      cells().lawsuits_name.en, *table),
                          std::to_string(*table), std::to_string(n.value), {&cells().lawsuits});
                 });
    counts(text, pointer);
    documents(text, pointer);
    claims(text, pointer);
  }

  // "上年结转 N 件", "结转下年度继续办理 N 件": against the cells the edition names for them.
  void counts(std::string_view text, const std::string& pointer) {
    static constexpr std::array<std::string_view, 1> kJian = {"件"};
    std::size_t w = kFirstEditionWord + cells().documents.size();
    std::vector<std::size_t> words;
    for (const NarrativeCells::Count& count : cells().counts) {
      last_number_end_ = 0;
      words.clear();
      for (std::size_t i = 0; i < count.words.size(); ++i) words.push_back(w++);
      counts_after(text, words, kJian, [&](const Number& n, std::string_view window) {
        if (window.find("复议") != std::string_view::npos ||
            window.find("诉讼") != std::string_view::npos)
          return;
        const auto table = sum({&count.cells});
        if (!table || *table == n.value) return;
        report(
            pointer, n.at,
            fmt::format("正文说{} {} 件，但{}为 {}", count.said.zh, n.value, count.name.zh, *table),
            fmt::format("the text says {} {}, but {} is {}", n.value, count.said.en, count.name.en,
                        *table),
            std::to_string(*table), std::to_string(n.value), {&count.cells});
      });
    }
  }

  // The edition's in-force word ("现行有效") in text[from, at), or an empty view.
  std::string_view in_force_between(std::size_t from, std::size_t at) const {
    std::size_t w = kFirstEditionWord + cells().documents.size();
    for (const NarrativeCells::Count& c : cells().counts) w += c.words.size();
    for (std::size_t i = 0; i < cells().in_force_words.size(); ++i, ++w)
      if (const std::size_t s = found_.last(w, at);
          s != std::string_view::npos && s >= from && s + cells().in_force_words[i].size() <= at)
        return cells().in_force_words[i];
    return {};
  }

  // "规章6件", "规范性文件34件": this year's documents, against the cells of table 二 that count
  // them (2019 edition: 本年新制作数量 or 本年新公开数量; 2021: 本年制发件数); "现行有效规章6件"
  // against the count in force where the edition has one (2021: 现行有效件数). A count of
  // documents repealed, reviewed or interpreted is another number, and is left alone.
  void documents(std::string_view text, const std::string& pointer) {
    static constexpr std::array<std::string_view, 22> kOtherCounts = {
        "现行", "有效",   "累计", "清理", "废止", "修订", "修改", "备案", "审查", "解读", "起草",
        "征求", "合法性", "其他", "涉及", "以来", "增",   "减",   "较",   "同比", "占",   "%"};
    static constexpr std::array<std::string_view, 1> kJian = {"件"};
    for (std::size_t k = 0; k < cells().documents.size(); ++k) {
      const NarrativeCells::Documents& kind = cells().documents[k];
      for (const std::size_t at : found_.starts[kFirstEditionWord + k]) {
        std::size_t from = at + kind.word.size();
        while (from < text.size() && text[from] == ' ') ++from;
        const auto n = find_count(text, from, std::min(text.size(), from + 16), kJian);
        if (!n || n->at != from) continue;
        const std::size_t clause = find_last_of(found_, at, false);
        const std::string_view before = text.substr(clause, at - clause);
        const std::string_view in_force_word = in_force_between(clause, at);
        const bool in_force = !in_force_word.empty();
        if (!in_force &&
            std::any_of(kOtherCounts.begin(), kOtherCounts.end(), [&](std::string_view w) {
              return before.find(w) != std::string_view::npos;
            }))
          continue;
        const std::vector<std::string_view>& about = in_force ? kind.in_force : kind.this_year;
        std::vector<std::string> zh, en;
        bool matches = false;
        std::string first;
        for (std::string_view cell_pointer : about) {
          const int index = report_.edition->cell_index(cell_pointer);
          if (index < 0) continue;
          const auto v = cell(cell_pointer);
          if (!v) return;  // a blank leaves the comparison out: the blank is the finding
          matches = matches || *v == n->value;
          const std::string_view label =
              report_.edition->cells[static_cast<std::size_t>(index)].name_zh;
          zh.push_back(fmt::format("{} 为 {}", label, *v));
          en.push_back(fmt::format("{} is {}", label, *v));
          if (first.empty()) first = std::to_string(*v);
        }
        if (matches || zh.empty()) continue;
        report(pointer, n->at,
               fmt::format("正文说{}{} {} 件，但 {}", in_force_word, kind.word, n->value,
                           fmt::join(zh, "，")),
               fmt::format("the text says {} {}{}, but {}", n->value, kind.word,
                           in_force ? " in force" : "", fmt::join(en, ", ")),
               first, std::to_string(n->value), {&about});
      }
    }
  }

  // "均无败诉", "均获维持" and the like against 结果纠正 and 尚未审结.
  void claims(std::string_view text, const std::string& pointer) {
    std::size_t reported_sentence = std::string_view::npos;
    for (std::size_t c = 0; c < kClaims.size(); ++c) {
      const Claim& claim = kClaims[c];
      for (const std::size_t at : found_.starts[kFirstClaim + c]) {
        const std::size_t start = find_last_of(found_, at, true);
        if (start == reported_sentence) continue;
        const std::string_view sentence =
            text.substr(start, find_first_of(text, found_, at, true) - start);
        const bool review = sentence.find("复议") != std::string_view::npos;
        const bool lawsuit = sentence.find("诉讼") != std::string_view::npos;
        std::vector<const Cells*> corrected_cells, pending_cells;
        if (review || !lawsuit) {
          corrected_cells.push_back(&cells().reviews_corrected);
          pending_cells.push_back(&cells().reviews_pending);
        }
        if (lawsuit || !review) {
          corrected_cells.push_back(&cells().lawsuits_corrected);
          pending_cells.push_back(&cells().lawsuits_pending);
        }
        bool known = true;
        auto total = [&](const std::vector<const Cells*>& lists) {
          std::int64_t sum = 0;
          for (const Cells* list : lists) {
            for (std::string_view p : *list) {
              const auto v = cell(p);
              known = known && v.has_value();
              sum += v.value_or(0);
            }
          }
          return sum;
        };
        const std::int64_t corrected = total(corrected_cells), pending = total(pending_cells);
        if (!known) continue;
        if (corrected > 0) {
          reported_sentence = start;
          report(pointer, at,
                 fmt::format("正文称“{}”，但{}为 {}", claim.phrase, cells().corrected_name.zh,
                             corrected),
                 fmt::format("the text claims “{}”, but {} is {}", claim.phrase,
                             cells().corrected_name.en, corrected),
                 "0", std::to_string(corrected), corrected_cells);
        } else if (claim.all_upheld && pending > 0) {
          reported_sentence = start;
          report(
              pointer, at,
              fmt::format("正文称“{}”，但{}为 {}", claim.phrase, cells().pending_name.zh, pending),
              fmt::format("the text claims “{}”, but {} is {}", claim.phrase,
                          cells().pending_name.en, pending),
              "0", std::to_string(pending), pending_cells);
        }
      }
    }
  }

  const Report& report_;
  Findings& findings_;
  WordScanner::Found& found_;  // where the words are in the paragraph being checked
  CellsOfFindings& involved_;
  const WordScanner& scanner_;
  std::size_t last_number_end_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> occurrences_;  // of the words looked for
};

}  // namespace

void check_narrative(const Report& report, Findings& findings, CellsOfFindings& involved) {
  thread_local WordScanner::Found found;  // its vectors reused from report to report
  NarrativeChecker(report, findings, found, involved).run();
}

}  // namespace govreport::detail
