// Recognising the printed label of a table row, by walking the editions' declarations.

#include "import/rows.hpp"

#include <algorithm>

#include "import/normalize.hpp"

namespace govreport::importer {
namespace {

// Leaves out the bracketed notes after the first `keep` characters.
std::u32string without_notes(std::u32string_view s, std::size_t keep) {
  std::u32string out(s.substr(0, keep));
  int depth = 0;
  for (std::size_t i = keep; i < s.size(); ++i) {
    if (s[i] == U'(' || s[i] == U'[') {
      ++depth;
      continue;
    }
    if ((s[i] == U')' || s[i] == U']') && depth > 0) {
      --depth;
      continue;
    }
    if (depth == 0) out.push_back(s[i]);
  }
  return out;
}

// The numbering that starts at `i` of `s` ("(三)", "2.", "四、"), or 0 when none does.
std::size_t numbering_at(std::u32string_view s, std::size_t i) {
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  if (s[i] == U'(' && i + 2 < s.size()) {
    std::size_t j = i + 1;
    while (j < s.size() && kNumerals.find(s[j]) != std::u32string_view::npos) ++j;
    return j > i + 1 && j < s.size() && s[j] == U')' ? j - i + 1 : 0;
  }
  if (s[i] >= U'0' && s[i] <= U'9') {
    if (i > 0 && s[i - 1] >= U'0' && s[i - 1] <= U'9') return 0;
    std::size_t j = i;
    while (j < s.size() && s[j] >= U'0' && s[j] <= U'9') ++j;
    return j < s.size() && s[j] == U'.' && j + 1 < s.size() &&
                   !(s[j + 1] >= U'0' && s[j + 1] <= U'9')
               ? j - i + 1
               : 0;
  }
  if (kNumerals.find(s[i]) != std::u32string_view::npos) {
    std::size_t j = i;
    while (j < s.size() && kNumerals.find(s[j]) != std::u32string_view::npos) ++j;
    return j < s.size() && s[j] == U'、' ? j - i + 1 : 0;
  }
  return 0;
}

}  // namespace

RowMatcher::RowMatcher(const Edition& edition, const std::vector<std::string_view>& sections) {
  int order = 0;
  for (const Table& t : edition.tables) {
    if (std::find(sections.begin(), sections.end(), t.section) == sections.end()) continue;
    tables_.push_back(&t);
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      add(edition, t, static_cast<int>(r), order++, true);
  }
  // Rows of the other editions: a label of the old format in a new report is still a row.
  for (const Edition* other : editions()) {
    if (other == &edition) continue;
    for (const Table& t : other->tables) {
      if (std::find(sections.begin(), sections.end(), t.section) == sections.end()) continue;
      for (std::size_t r = 0; r < t.rows.size(); ++r)
        add(*other, t, static_cast<int>(r), -1, false);
    }
  }
}

void RowMatcher::add(const Edition& e, const Table& t, int r, int order, bool current) {
  const Row& row = t.rows[static_cast<std::size_t>(r)];
  Candidate c;
  c.edition = &e;
  c.table = &t;
  c.row = r;
  c.numbering = fold(row.numbering);
  c.label = fold(row.zh);
  c.full = c.numbering + c.label;
  c.bare = without_notes(c.full, c.numbering.size());
  c.order = order;
  c.current = current;
  if (!current) {
    for (const Candidate& existing : candidates_)
      if (existing.current && existing.table->id == t.id && existing.def().path == row.path &&
          existing.def().role == row.role && existing.full == c.full)
        return;
  }
  candidates_.push_back(std::move(c));
}

std::optional<Match> RowMatcher::match(const std::u32string& label) const {
  // 1. The label ends with a row's numbering and label, or with its label alone.
  const Candidate* best = nullptr;
  std::size_t best_length = 0;
  How best_how = How::Exact;
  auto better = [&](const Candidate& c, std::size_t length, How how) {
    if (best == nullptr || length > best_length) return true;
    if (length < best_length) return false;
    if (c.current != best->current) return c.current;
    if (how != best_how) return how == How::Exact;
    const bool used = matched_.contains(&c), best_used = matched_.contains(best);
    if (used != best_used) return !used;
    return false;
  };
  for (const Candidate& c : candidates_) {
    if (label.ends_with(c.full) && better(c, c.full.size(), How::Exact)) {
      best = &c;
      best_length = c.full.size();
      best_how = How::Exact;
    } else if (!c.numbering.empty() && c.label.size() >= 4 && label.ends_with(c.label) &&
               better(c, c.label.size(), How::LabelOnly)) {
      best = &c;
      best_length = c.label.size();
      best_how = How::LabelOnly;
    }
  }
  if (best != nullptr) return Match{best, best_how, label.substr(label.size() - best_length)};

  // 2. Bracketed notes inside the label (provincial explanations) left out.
  const std::u32string bare = without_notes(label, 0);
  if (bare != label) {
    for (const Candidate& c : candidates_) {
      if (c.bare.size() >= 2 && bare.ends_with(c.bare) && better(c, c.bare.size(), How::Noted)) {
        best = &c;
        best_length = c.bare.size();
      }
    }
    if (best != nullptr) {
      // The printed part: back from the end until the row's text is complete, notes included.
      std::size_t start = label.size(), kept = 0;
      int depth = 0;
      while (start > 0 && kept < best_length) {
        const char32_t ch = label[--start];
        if (ch == U')' || ch == U']')
          ++depth;
        else if ((ch == U'(' || ch == U'[') && depth > 0)
          --depth;
        else if (depth == 0)
          ++kept;
      }
      return Match{best, How::Noted, label.substr(start)};
    }
  }

  // 3. A misprint: the next rows in order, with the same numbering and a similar label.
  std::vector<const Candidate*> next;
  for (const Candidate& c : candidates_) {
    if (!c.current || c.order <= last_order_ || matched_.contains(&c) ||
        c.def().role == RowRole::Group)
      continue;
    next.push_back(&c);
    if (next.size() == 3) break;
  }
  std::size_t own = std::u32string::npos, own_length = 0;
  for (std::size_t i = label.size(); i-- > 0;) {
    if (const std::size_t n = numbering_at(label, i); n > 0) {
      own = i;
      own_length = n;
      break;
    }
  }
  double best_ratio = 0;
  std::u32string printed;
  for (const Candidate* c : next) {
    double ratio = 0;
    std::u32string text;
    if (!c->numbering.empty()) {
      if (own == std::u32string::npos || label.substr(own, own_length) != c->numbering) continue;
      text = label.substr(own);
      const std::u32string rest = label.substr(own + own_length);
      ratio = static_cast<double>(common_length(rest, c->label)) /
              static_cast<double>(std::max(rest.size(), c->label.size()));
      if (ratio < 0.6) continue;
    } else {
      if (c != next.front() && c != next[std::min<std::size_t>(1, next.size() - 1)]) continue;
      const std::size_t n = std::min(label.size(), c->label.size() + 2);
      text = label.substr(label.size() - n);
      const std::size_t common = common_length(text, c->label);
      ratio = static_cast<double>(common) / static_cast<double>(c->label.size());
      if (ratio < 0.75 || static_cast<double>(common) < 0.6 * static_cast<double>(text.size()))
        continue;
    }
    if (ratio > best_ratio) {
      best_ratio = ratio;
      best = c;
      printed = text;
    }
  }
  if (best != nullptr) return Match{best, How::Typo, printed};
  return std::nullopt;
}

// The label without the group headings printed anywhere in it (a tall cell beside its rows).
std::u32string RowMatcher::without_groups(std::u32string label) const {
  for (const Candidate& c : candidates_) {
    if (!c.current || c.def().role != RowRole::Group) continue;
    for (std::size_t at; (at = label.find(c.full)) != std::u32string::npos;)
      label.erase(at, c.full.size());
  }
  return label;
}

// A row label printed before this row's label with no values between them: the source's
// text runs column by column (pdftotext without -layout), so the values that follow cannot be
// told to belong to the last label.
const Candidate* RowMatcher::earlier_row(std::u32string_view prefix, const Candidate& row) const {
  const std::size_t stop = prefix.find_last_of(U"。;");
  if (stop != std::u32string_view::npos) prefix = prefix.substr(stop + 1);
  for (const Candidate& c : candidates_) {
    if (c.def().role == RowRole::Group || c.full.size() < 2 ||
        prefix.find(c.full) == std::u32string_view::npos)
      continue;
    // The row's own label, printed as a heading above a table of that one row.
    if (c.full == row.full || (c.table->id == row.table->id && c.def().path == row.def().path))
      continue;
    // A label that heads a group in some edition (（六）其他处理) may stand above its rows.
    const bool heads = std::any_of(candidates_.begin(), candidates_.end(), [&](const Candidate& g) {
      return g.def().role == RowRole::Group && g.full == c.full;
    });
    if (!heads) return &c;
  }
  return nullptr;
}

void RowMatcher::taken(const Table* table, int row, bool in_order) {
  for (const Candidate& c : candidates_) {
    if (!c.current || c.table != table || c.row != row) continue;
    matched_.insert(&c);
    if (in_order) last_order_ = std::max(last_order_, c.order);
  }
}

}  // namespace govreport::importer
