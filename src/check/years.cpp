#include "govreport/years.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "check/check_internal.hpp"

namespace govreport {
namespace {

// The JSON Pointer of the cell of `table` at `row` and `column` of `edition`.
const std::string& pointer_of(const Edition& edition, const Table& table, int row, int column) {
  return edition.cells[static_cast<std::size_t>(table.cell(row, column))].pointer;
}

// Calls `each(rule, target pointer, term pointers, column)` for every cell a cross-year rule of
// `edition` checks, in the order the rules are declared.
template <class F>
void each_year_check(const Edition& edition, F&& each) {
  for (const YearRule& rule : edition.year_rules) {
    const Table* table = edition.table(rule.table);
    if (table == nullptr) continue;
    for (std::string_view path : rule.rows) {
      const int row = table->row_index(path);
      if (row < 0) continue;
      for (std::size_t c = 0; c < table->columns.size(); ++c) {
        const Column& column = table->columns[c];
        if (!rule.column.empty() && column.key != rule.column) continue;
        std::vector<const std::string*> terms;
        for (const YearTerm& term : rule.terms) {
          const int r = term.row.empty() ? row : table->row_index(term.row);
          const int k =
              term.column.empty() ? static_cast<int>(c) : table->column_index(term.column);
          terms.push_back(r < 0 || k < 0 ? nullptr : &pointer_of(edition, *table, r, k));
        }
        each(rule, pointer_of(edition, *table, row, static_cast<int>(c)), terms, column);
      }
    }
  }
}

// The pointers of the cells that the cross-year rules of `edition` read, sorted.
std::vector<std::string> rule_cells(const Edition& edition) {
  std::vector<std::string> all;
  each_year_check(edition, [&](const YearRule&, const std::string& target,
                               const std::vector<const std::string*>& terms, const Column&) {
    all.push_back(target);
    for (const std::string* t : terms)
      if (t != nullptr) all.push_back(*t);
  });
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

// The indexes of the cells of `edition` that its year facts keep: those a cross-year rule of any
// edition reads (a report may be the earlier one of a pair whose later one has another edition),
// and those of its own rules.
std::vector<std::uint16_t> kept_cells(const Edition& edition) {
  std::vector<std::string> read = rule_cells(edition);
  for (const Edition* e : editions()) {
    std::vector<std::string> cells = rule_cells(*e);
    read.insert(read.end(), cells.begin(), cells.end());
  }
  std::sort(read.begin(), read.end());
  std::vector<std::uint16_t> kept;
  for (std::size_t i = 0; i < edition.cells.size(); ++i)
    if (std::binary_search(read.begin(), read.end(), edition.cells[i].pointer))
      kept.push_back(static_cast<std::uint16_t>(i));
  return kept;
}

// kept_cells(), worked out once for the declared editions.
const std::vector<std::uint16_t>& kept_cells_of(const Edition& edition,
                                                std::vector<std::uint16_t>& scratch) {
  static const std::vector<std::pair<const Edition*, std::vector<std::uint16_t>>> declared = [] {
    std::vector<std::pair<const Edition*, std::vector<std::uint16_t>>> all;
    for (const Edition* e : editions()) all.emplace_back(e, kept_cells(*e));
    return all;
  }();
  for (const auto& [e, kept] : declared)
    if (e == &edition) return kept;
  scratch = kept_cells(edition);  // an edition declared outside editions(), in a test
  return scratch;
}

// The narrative parts that the cross-year rules of any edition, or of `own`, compare.
std::vector<std::string_view> compared_parts(const Edition& own) {
  std::vector<std::string_view> parts;
  auto take = [&](const Edition& e) {
    for (const YearRule& rule : e.year_rules)
      if (!rule.part.empty() && std::find(parts.begin(), parts.end(), rule.part) == parts.end())
        parts.push_back(rule.part);
  };
  for (const Edition* e : editions()) take(*e);
  take(own);
  return parts;
}

class Comparison {
 public:
  Comparison(const YearFacts& earlier, const YearFacts& later, Findings& findings)
      : earlier_(earlier), later_(later), findings_(findings) {}

  // Values of known numbers, or nullopt when one is missing, blank or not applicable.
  std::optional<std::int64_t> value(const YearFacts& f, std::string_view pointer) const {
    const YearFacts::Fact* fact = f.find(pointer);
    if (fact == nullptr || !fact->is_number()) return std::nullopt;
    return fact->value;
  }

  // Each rule reads only cells that exist: a rule whose cells one of the two editions lacks
  // (现行有效 before 2021, 上一年项目数量 after 2020) finds nothing.
  void run() {
    each_year_check(
        *later_.edition, [&](const YearRule& rule, const std::string& target,
                             const std::vector<const std::string*>& terms, const Column& column) {
          const auto actual = value(later_, target);
          if (!actual) return;
          std::vector<std::int64_t> values;
          std::int64_t expected = 0;
          for (std::size_t i = 0; i < terms.size(); ++i) {
            if (terms[i] == nullptr) return;
            const YearTerm& term = rule.terms[i];
            const auto v = value(term.year == YearOf::Earlier ? earlier_ : later_, *terms[i]);
            if (!v) return;
            values.push_back(*v);
            expected += term.sign * *v;
          }
          if (*actual == expected) return;
          add(rule, target, expected, *actual, values, column);
        });
    for (const YearRule& rule : later_.edition->year_rules)
      if (!rule.part.empty()) compare_texts(rule);
  }

 private:
  std::string message(std::string_view format, const std::string& target, std::int64_t expected,
                      std::int64_t actual, const std::vector<std::int64_t>& terms,
                      const Column& column) const {
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    args.push_back(fmt::arg("cell", name(target)));
    args.push_back(fmt::arg("actual", actual));
    args.push_back(fmt::arg("expected", expected));
    args.push_back(fmt::arg("diff", detail::signed_number(actual - expected)));
    args.push_back(fmt::arg("year", earlier_.year));
    args.push_back(fmt::arg("file", earlier_.file));
    args.push_back(fmt::arg("column", column.zh));
    static constexpr const char* kTerms[] = {"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"};
    static constexpr const char* kSigned[] = {"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"};
    for (std::size_t i = 0; i < terms.size() && i < std::size(kTerms); ++i) {
      args.push_back(fmt::arg(kTerms[i], terms[i]));
      args.push_back(fmt::arg(kSigned[i], detail::signed_number(terms[i])));
    }
    return fmt::vformat(format, args);
  }

  // copied-narrative: the later part is not (nearly) the earlier one.
  void compare_texts(const YearRule& rule) {
    const YearFacts::Text* before = earlier_.text(rule.part);
    const YearFacts::Text* now = later_.text(rule.part);
    if (before == nullptr || now == nullptr) return;
    if (before->profile.chars < rule.min_chars || now->profile.chars < rule.min_chars) return;
    const double alike = similarity(before->profile, now->profile);
    if (alike < rule.similar) return;
    const int index = later_.edition->narrative_index(rule.part);
    const NarrativePart& part = later_.edition->narrative[static_cast<std::size_t>(index)];
    // Rounded down, so that a printed 90% is never below the threshold.
    const auto percent = static_cast<int>(std::floor(alike * 100 + 1e-9));
    auto text = [&](std::string_view format, const std::string& section) {
      return fmt::format(fmt::runtime(format), fmt::arg("section", section),
                         fmt::arg("similarity", percent), fmt::arg("year", earlier_.year),
                         fmt::arg("file", earlier_.file));
    };
    Diagnostic& d = findings_.add(
        rule.rule, "/" + std::string(rule.part),
        {text(rule.message_zh, part.heading_zh), text(rule.message_en, part.heading_en)},
        Position{now->line, now->column});
    d.actual = fmt::format("{:.4f}", alike);
    d.expected = fmt::format("< {:.2f}", rule.similar);
  }

  std::string name(std::string_view pointer) const {
    const int i = later_.edition->cell_index(pointer);
    return i < 0 ? std::string(pointer)
                 : later_.edition->cells[static_cast<std::size_t>(i)].name_zh;
  }

  void add(const YearRule& rule, const std::string& pointer, std::int64_t expected,
           std::int64_t actual, const std::vector<std::int64_t>& terms, const Column& column) {
    const YearFacts::Fact* fact = later_.find(pointer);
    Diagnostic& d =
        findings_.add(rule.rule, pointer,
                      {message(rule.message_zh, pointer, expected, actual, terms, column),
                       message(rule.message_en, pointer, expected, actual, terms, column)},
                      fact != nullptr ? fact->position() : Position{});
    d.expected = std::to_string(expected);
    d.actual = std::to_string(actual);
  }

  const YearFacts& earlier_;
  const YearFacts& later_;
  Findings& findings_;
};

}  // namespace

const YearFacts::Fact* YearFacts::find(std::string_view pointer) const {
  const int index = edition->cell_index(pointer);
  for (const Fact& f : facts)
    if (f.cell == index) return &f;
  return nullptr;
}

const YearFacts::Text* YearFacts::text(std::string_view part) const {
  for (const Text& t : texts)
    if (t.part == part) return &t;
  return nullptr;
}

YearFacts year_facts(const Report& report, std::string_view file) {
  YearFacts f{std::string(file), report.agency, report.agency_id, report.year, report.edition, {}};
  std::vector<std::uint16_t> scratch;
  std::vector<std::string_view> pointers;  // of the facts, then of the texts
  for (const std::uint16_t i : kept_cells_of(*report.edition, scratch)) {
    f.facts.push_back({i, report.cells[i].state, report.cells[i].value});
    pointers.push_back(report.edition->cells[i].pointer);
  }
  std::vector<std::string> part_pointers;
  for (const std::string_view part : compared_parts(*report.edition)) {
    const int index = report.edition->narrative_index(part);
    if (index < 0 || static_cast<std::size_t>(index) >= report.narrative.size()) continue;
    f.texts.push_back(
        {report.edition->narrative[static_cast<std::size_t>(index)].key,
         text_profile(detail::part_text(report.narrative[static_cast<std::size_t>(index)]))});
    part_pointers.push_back("/" + std::string(part));
  }
  pointers.insert(pointers.end(), part_pointers.begin(), part_pointers.end());
  const std::vector<Position> positions = report.source.positions_of(pointers);
  auto at = positions.begin();
  auto place = [&](auto& fact_or_text) {
    fact_or_text.line = static_cast<std::uint32_t>(at->line);
    fact_or_text.column = static_cast<std::uint32_t>(at->column);
    ++at;
  };
  for (YearFacts::Fact& fact : f.facts) place(fact);
  for (YearFacts::Text& text : f.texts) place(text);
  return f;
}

std::vector<Diagnostic> check_consecutive(const YearFacts& earlier, const YearFacts& later) {
  Findings findings(later.file);
  Comparison(earlier, later, findings).run();
  return std::move(findings.list());
}

std::vector<Diagnostic> check_years(const std::vector<YearFacts>& all) {
  return pair_years(all, nullptr).findings;
}

YearPairing pair_years(const std::vector<YearFacts>& all, const AgencyRegister* agencies) {
  // The identity of each report's agency: "#id" or "=name"; empty when it has none.
  std::vector<std::string> keys(all.size());
  std::vector<Message> unknown(all.size());  // why a report is not in the register
  std::set<int> years;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const YearFacts& f = all[i];
    years.insert(f.year);
    if (agencies != nullptr) {
      if (const RegisteredAgency* a = agencies->find(f.agency_id, f.agency)) {
        keys[i] = "#" + a->id;
        continue;
      }
      unknown[i] =
          f.agency_id.empty()
              ? Message{fmt::format("机关名称不在名册 {} 中", agencies->file()),
                        fmt::format("the agency's name is not in the register {}",
                                    agencies->file())}
              : Message{fmt::format("agency_id {} 不在名册 {} 中", f.agency_id, agencies->file()),
                        fmt::format("agency_id {} is not in the register {}", f.agency_id,
                                    agencies->file())};
    }
    if (!f.agency_id.empty())
      keys[i] = "#" + f.agency_id;
    else if (!f.agency.empty())
      keys[i] = "=" + f.agency;
  }
  std::map<std::pair<std::string, int>, std::vector<std::size_t>> by_year;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (!keys[i].empty()) by_year[{keys[i], all[i].year}].push_back(i);

  YearPairing out;
  std::vector<bool> paired(all.size(), false);
  for (const auto& [key, later] : by_year) {
    auto earlier = by_year.find({key.first, key.second - 1});
    if (earlier == by_year.end() || earlier->second.size() != 1 || later.size() != 1) continue;
    const YearFacts& e = all[earlier->second.front()];
    const YearFacts& l = all[later.front()];
    paired[earlier->second.front()] = paired[later.front()] = true;
    out.pairs.push_back({e.file, l.file, l.agency, l.year});
    std::vector<Diagnostic> found = check_consecutive(e, l);
    out.findings.insert(out.findings.end(), std::make_move_iterator(found.begin()),
                        std::make_move_iterator(found.end()));
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    const YearFacts& f = all[i];
    if (paired[i] || (!years.contains(f.year - 1) && !years.contains(f.year + 1))) continue;
    Message why;
    if (!unknown[i].zh.empty()) {
      why = unknown[i];
    } else if (keys[i].empty()) {
      why = {"没有机关名称", "the report names no agency"};
    } else if (by_year[{keys[i], f.year}].size() > 1) {
      why = {fmt::format("同一机关 {} 年有 {} 个文件，不作比较", f.year,
                         by_year[{keys[i], f.year}].size()),
             fmt::format("the agency has {} files for {}; none is compared",
                         by_year[{keys[i], f.year}].size(), f.year)};
    } else {
      const bool before = by_year.contains({keys[i], f.year - 1});
      const bool after = by_year.contains({keys[i], f.year + 1});
      if (before || after) {
        const int other = before ? f.year - 1 : f.year + 1;
        why = {fmt::format("同一机关 {} 年有多个文件，不作比较", other),
               fmt::format("the agency has several files for {}; none is compared", other)};
      } else {
        why = {"没有同一机关相邻年度的报告（机关名称不同？可用名册 --register 或 agency_id 配对）",
               "no report of the same agency for a neighbouring year (another name? pair them "
               "with a register, --register, or agency_id)"};
      }
    }
    out.unpaired.push_back({f.file, f.agency, f.year, std::move(why)});
  }
  std::sort(out.pairs.begin(), out.pairs.end(),
            [](const auto& a, const auto& b) { return a.later < b.later; });
  std::sort(out.unpaired.begin(), out.unpaired.end(),
            [](const auto& a, const auto& b) { return a.file < b.file; });
  sort_diagnostics(out.findings);
  return out;
}

std::vector<Diagnostic> missing_reports(const std::vector<YearFacts>& all,
                                        const AgencyRegister& agencies) {
  std::set<int> years;
  std::set<std::pair<std::string_view, int>> reported;  // (id, year)
  for (const YearFacts& f : all) {
    years.insert(f.year);
    if (const RegisteredAgency* a = agencies.find(f.agency_id, f.agency))
      reported.emplace(a->id, f.year);
  }
  Findings findings(agencies.file());
  for (const int year : years)
    for (const RegisteredAgency& a : agencies.agencies())
      if (a.reports_in(year) && !reported.contains({a.id, year}))
        findings.add(
            "missing-report", "",
            {fmt::format("名册中的 {}（{}）没有 {} 年的报告", a.name, a.id, year),
             fmt::format("{} ({}) in the register has no report for {}", a.name, a.id, year)},
            a.position);
  sort_diagnostics(findings.list());
  return std::move(findings.list());
}

}  // namespace govreport
