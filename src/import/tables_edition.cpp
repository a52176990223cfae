// Which edition a report's tables are printed in: the row labels, column heads and captions
// printed that one edition alone declares. A report printed whole in the other edition's tables
// is read as that edition, so that no cell is lost; a mixed one keeps the edition of its year.

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <tuple>

#include "import/tables.hpp"

namespace govreport::importer {
namespace {

// How many labels of the other edition alone, with none of the year's edition alone, make the
// tables clearly the other edition's: one or two are a label of the old format kept in a new
// report (规范性文件), read row by row.
constexpr std::size_t kClearly = 3;

// Whether another edition than the candidate's declares its row as it is, or, for a row
// printed blank, declares its numbering and label at all: a group heading printed as a row of
// blank cells (（六）其他处理 above its rows) reads like that row left blank.
bool shared_row(const Candidate& c, bool blank) {
  for (const Edition* e : editions()) {
    if (e == c.edition) continue;
    for (const Table& t : e->tables) {
      if (t.id != c.table->id) continue;
      for (const Row& r : t.rows)
        if (fold(r.numbering) + fold(r.zh) == c.full &&
            (blank || (r.path == c.def().path && r.role == c.def().role)))
          return true;
    }
  }
  return false;
}

bool in_sections(const Table& t, const std::vector<std::string_view>& sections) {
  return std::find(sections.begin(), sections.end(), t.section) != sections.end();
}

// Whether a table of these sections of another edition than `edition` prints `text` as a column
// head (or within one) or as its caption.
bool printed_by_other(const Edition& edition, const std::vector<std::string_view>& sections,
                      const std::u32string& text) {
  for (const Edition* e : editions()) {
    if (e == &edition) continue;
    for (const Table& t : e->tables) {
      if (!in_sections(t, sections)) continue;
      if (fold(t.caption).find(text) != std::u32string::npos) return true;
      for (const Column& col : t.columns)
        if (fold(col.zh).find(text) != std::u32string::npos) return true;
    }
  }
  return false;
}

void add(EditionEvidence& evidence, const Edition* edition, std::string text,
         std::string_view section, const Where& where) {
  for (const EditionEvidence::Label& l : evidence.labels)
    if (l.edition == edition && l.text == text) return;
  evidence.labels.push_back({edition, std::move(text), section, where});
}

// "表二、表三" / "tables 二, 三".
Message tables_named(const std::vector<std::string_view>& sections) {
  Message out;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    out.zh += fmt::format("{}表{}", i == 0 ? "" : "、", sections[i]);
    out.en += fmt::format("{}{}", i == 0 ? "" : ", ", sections[i]);
  }
  out.en = (sections.size() == 1 ? "table " : "tables ") + out.en;
  return out;
}

}  // namespace

void gather_edition_evidence(const Document& doc, Span span,
                             const std::vector<std::string_view>& sections, const Edition& edition,
                             EditionEvidence& evidence) {
  // Row labels: each printed row with values, matched as the table reader matches it.
  const RowMatcher matcher(edition, sections);
  for (const PrintedRow& row : split_rows(doc, span)) {
    if (row.values.empty()) continue;
    const std::u32string label = fold(row.label);
    bool from_own = false;
    const std::optional<Match> m =
        best_match(matcher, label, matcher.without_groups(label), from_own);
    if (!m || m->how == How::Typo) continue;
    const Candidate& c = *m->candidate;
    const bool blank =
        std::all_of(row.values.begin(), row.values.end(), [](const Value& v) { return v.blank(); });
    if (c.def().role != RowRole::Group) {
      if (!shared_row(c, blank))
        add(evidence, c.edition, std::string(c.def().numbering) + std::string(c.def().zh),
            c.table->section, row.where);
      continue;
    }
    // A group of the year's edition printed with values: one row of an edition that does not
    // split it (（六）其他处理).
    if (!c.current || blank) continue;
    for (const Candidate& o : matcher.candidates()) {
      if (o.current || o.full != c.full || o.def().role == RowRole::Group) continue;
      add(evidence, o.edition, std::string(o.def().numbering) + std::string(o.def().zh),
          o.table->section, row.where);
      break;
    }
  }
  // Column heads and captions that no other edition prints, on the lines of the span.
  std::vector<std::u32string> lines;
  for (std::size_t i = span.begin; i < span.end && i < doc.lines.size(); ++i)
    lines.push_back(fold(doc.lines[i].text()));
  auto printed_at = [&](const std::u32string& text) -> const Where* {
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (lines[i].find(text) != std::u32string::npos) return &doc.lines[span.begin + i].where;
    return nullptr;
  };
  for (const Edition* e : editions()) {
    for (const Table& t : e->tables) {
      if (!in_sections(t, sections)) continue;
      std::vector<std::string_view> heads;
      if (!t.caption.empty()) heads.push_back(t.caption);
      for (const Column& col : t.columns) heads.push_back(col.zh);
      for (std::string_view head : heads) {
        const std::u32string text = fold(head);
        if (text.empty() || printed_by_other(*e, sections, text)) continue;
        if (const Where* where = printed_at(text))
          add(evidence, e, std::string(head), t.section, *where);
      }
    }
  }
}

void gather_cell_evidence(const std::function<std::optional<Where>(std::string_view)>& cell,
                          EditionEvidence& evidence) {
  // Whether another edition than `mine` prints `text` as a whole cell of a table like `table`
  // (the same id for a row label; the same section for a head or caption).
  auto other_prints = [](const Edition& mine, const Table& table, const std::u32string& text,
                         bool row) {
    for (const Edition* e : editions()) {
      if (e == &mine) continue;
      for (const Table& t : e->tables) {
        if (row ? t.id != table.id : t.section != table.section) continue;
        if (row) {
          for (const Row& r : t.rows)
            if (fold(r.numbering) + fold(r.zh) == text) return true;
          continue;
        }
        if (fold(t.caption) == text) return true;
        for (const Column& col : t.columns)
          if (fold(col.zh) == text) return true;
      }
    }
    return false;
  };
  for (const Edition* e : editions()) {
    for (const Table& t : e->tables) {
      auto look = [&](const std::string& text, bool row) {
        if (text.empty() || other_prints(*e, t, fold(text), row)) return;
        if (const std::optional<Where> where = cell(text))
          add(evidence, e, text, t.section, *where);
      };
      for (const Row& r : t.rows) look(std::string(r.numbering) + std::string(r.zh), true);
      look(std::string(t.caption), false);
      for (const Column& col : t.columns) look(std::string(col.zh), false);
    }
  }
}

std::optional<PrintedEdition> other_printed_edition(const EditionEvidence& evidence,
                                                    const Edition& year_edition, int year) {
  const Edition* other = nullptr;
  std::vector<const EditionEvidence::Label*> found;
  for (const EditionEvidence::Label& l : evidence.labels) {
    if (l.edition == &year_edition) return std::nullopt;  // mixed, or the year's own
    if (other != nullptr && l.edition != other) return std::nullopt;
    other = l.edition;
    found.push_back(&l);
  }
  if (other == nullptr || found.size() < kClearly) return std::nullopt;
  // In the order printed: the first says where.
  std::stable_sort(found.begin(), found.end(), [](const auto* a, const auto* b) {
    return std::tie(a->where.page, a->where.line, a->where.order) <
           std::tie(b->where.page, b->where.line, b->where.order);
  });

  PrintedEdition out;
  out.edition = other;
  out.where = found.front()->where;
  for (const Section& s : other->sections)
    if (std::any_of(found.begin(), found.end(),
                    [&](const EditionEvidence::Label* l) { return l->section == s.numeral; }))
      out.sections.push_back(s.numeral);
  const Message tables = tables_named(out.sections);
  const std::string_view are = out.sections.size() == 1 ? "is" : "are";
  std::string examples_zh, examples_en;
  constexpr std::size_t kShown = 4;
  for (std::size_t i = 0; i < found.size() && i < kShown; ++i) {
    examples_zh += fmt::format("“{}”", found[i]->text);
    examples_en += fmt::format("{}\"{}\"", i == 0 ? "" : ", ", found[i]->text);
  }
  if (found.size() > kShown) {
    examples_zh += "等";
    examples_en += " …";
  }
  out.summary = {
      fmt::format("{}按 {} 版格式印制：印有 {} 版才有的行名、列头和表题 {} 处（{}），没有 {} "
                  "版才有的；按 {} 版读取（{} 年的报告应使用 {} 版格式）",
                  tables.zh, other->id, other->id, found.size(), examples_zh, year_edition.id,
                  other->id, year, year_edition.id),
      fmt::format(
          "{} {} printed in the {} edition: {} row labels, column heads and captions of the {} "
          "edition alone ({}), none of the {} edition alone; read as the {} edition "
          "(reports for {} use the {} edition)",
          tables.en, are, other->id, found.size(), other->id, examples_en, year_edition.id,
          other->id, year, year_edition.id)};
  out.finding = {
      fmt::format("{}按 {} 版格式印制，但 {} 年的报告应使用 {} 版格式（{}）", tables.zh, other->id,
                  year, year_edition.id, year_edition.document),
      fmt::format("{} {} printed in the {} edition, but reports for {} use the {} "
                  "edition ({})",
                  tables.en, are, other->id, year, year_edition.id, year_edition.document)};
  return out;
}

}  // namespace govreport::importer
