#include "govreport/years.hpp"

#include <fmt/format.h>

#include <map>

#include "check/check_internal.hpp"

namespace govreport {
namespace {

// The rows whose cells the cross-year rules read.
constexpr std::string_view kApplicationRows[] = {"/applications/carried_over/",
                                                 "/applications/carried_forward/"};
constexpr std::string_view kStockRows[] = {"regulations", "normative_documents"};
constexpr std::string_view kItemRows[] = {"licensing", "other_services", "punishment", "coercion",
                                          "fees"};

bool wanted(std::string_view pointer) {
  for (std::string_view prefix : kApplicationRows)
    if (pointer.starts_with(prefix)) return true;
  return pointer.starts_with("/proactive/");
}

const CellDef* cell_def(const Edition& edition, std::string_view pointer) {
  const int i = edition.cell_index(pointer);
  return i < 0 ? nullptr : &edition.cells[static_cast<std::size_t>(i)];
}

class Comparison {
 public:
  Comparison(const YearFacts& earlier, const YearFacts& later, std::vector<Diagnostic>& out)
      : earlier_(earlier), later_(later), out_(out) {}

  // Values of known numbers, or nullopt when one is missing, blank or not applicable.
  std::optional<std::int64_t> value(const YearFacts& f, std::string_view pointer) const {
    const YearFacts::Fact* fact = f.find(pointer);
    if (fact == nullptr || !fact->is_number()) return std::nullopt;
    return fact->value;
  }

  void carry_over() {
    const Table* table = later_.edition->table("applications");
    for (const Column& col : table->columns) {
      const std::string now = fmt::format("/applications/carried_over/{}", col.key);
      const std::string before = fmt::format("/applications/carried_forward/{}", col.key);
      const auto a = value(later_, now), b = value(earlier_, before);
      if (!a || !b || *a == *b) continue;
      add("carry-over", now, *b, *a,
          fmt::format("{} 填报 {}，但 {} 年报告（{}）的 四、结转下年度继续办理·{} 为 {}（差 {}）",
                      name(now), *a, earlier_.year, earlier_.file, col.zh, *b,
                      detail::signed_number(*a - *b)),
          fmt::format("{} is {}, but the {} report ({}) carried forward {} in 四·{} (diff {})",
                      name(now), *a, earlier_.year, earlier_.file, *b, col.zh,
                      detail::signed_number(*a - *b)));
    }
  }

  // 2021 edition: 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y).
  void in_force() {
    for (std::string_view row : kStockRows) {
      const std::string base = fmt::format("/proactive/{}/", row);
      const auto now = value(later_, base + "in_force"),
                 before = value(earlier_, base + "in_force");
      const auto issued = value(later_, base + "issued"),
                 repealed = value(later_, base + "repealed");
      if (!now || !before || !issued || !repealed) continue;
      const std::int64_t expected = *before + *issued - *repealed;
      if (*now == expected) continue;
      add("in-force", base + "in_force", expected, *now,
          fmt::format("{} 填报 {}，但 {} 年报告（{}）现行有效 {} 加本年制发 {} 减本年废止 {} 为 "
                      "{}（差 {}）",
                      name(base + "in_force"), *now, earlier_.year, earlier_.file, *before, *issued,
                      *repealed, expected, detail::signed_number(*now - expected)),
          fmt::format("{} is {}, but {} in force in the {} report ({}) + {} issued − {} repealed "
                      "is {} (diff {})",
                      name(base + "in_force"), *now, *before, earlier_.year, earlier_.file, *issued,
                      *repealed, expected, detail::signed_number(*now - expected)));
    }
  }

  // 2019 edition: 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1).
  void item_continuity() {
    for (std::string_view row : kItemRows) {
      const std::string base = fmt::format("/proactive/{}/", row);
      const auto now = value(later_, base + "previous"),
                 before = value(earlier_, base + "previous");
      const auto change = value(earlier_, base + "change");
      if (!now || !before || !change) continue;
      const std::int64_t expected = *before + *change;
      if (*now == expected) continue;
      add("item-continuity", base + "previous", expected, *now,
          fmt::format(
              "{} 填报 {}，但 {} 年报告（{}）上一年项目数量 {} 加本年增/减 {} 为 {}（差 {}）",
              name(base + "previous"), *now, earlier_.year, earlier_.file, *before,
              detail::signed_number(*change), expected, detail::signed_number(*now - expected)),
          fmt::format(
              "{} is {}, but the {} report ({}) had {} items and a change of {}: {} (diff {})",
              name(base + "previous"), *now, earlier_.year, earlier_.file, *before,
              detail::signed_number(*change), expected, detail::signed_number(*now - expected)));
    }
  }

 private:
  std::string name(std::string_view pointer) const {
    const CellDef* def = cell_def(*later_.edition, pointer);
    return def ? def->name_zh : std::string(pointer);
  }

  void add(std::string_view rule, const std::string& pointer, std::int64_t expected,
           std::int64_t actual, std::string zh, std::string en) {
    Diagnostic d = make_diagnostic(rule, pointer, std::move(zh), std::move(en));
    d.file = later_.file;
    if (const YearFacts::Fact* f = later_.find(pointer)) d.position = f->position();
    d.expected = std::to_string(expected);
    d.actual = std::to_string(actual);
    out_.push_back(std::move(d));
  }

  const YearFacts& earlier_;
  const YearFacts& later_;
  std::vector<Diagnostic>& out_;
};

}  // namespace

const YearFacts::Fact* YearFacts::find(std::string_view pointer) const {
  const int index = edition->cell_index(pointer);
  for (const Fact& f : facts)
    if (f.cell == index) return &f;
  return nullptr;
}

YearFacts year_facts(const Report& report, std::string_view file) {
  YearFacts f{std::string(file), report.agency, report.year, report.edition, {}};
  for (std::size_t i = 0; i < report.edition->cells.size(); ++i) {
    const CellDef& def = report.edition->cells[i];
    if (!wanted(def.pointer)) continue;
    const Position p = report.source.position_of(def.pointer);
    f.facts.push_back({static_cast<std::uint16_t>(i), report.cells[i].state, report.cells[i].value,
                       static_cast<std::uint32_t>(p.line), static_cast<std::uint32_t>(p.column)});
  }
  return f;
}

std::vector<Diagnostic> check_consecutive(const YearFacts& earlier, const YearFacts& later) {
  std::vector<Diagnostic> out;
  Comparison c(earlier, later, out);
  // Each rule reads only cells that exist: in-force needs 现行有效 (2021 edition) in both years,
  // item-continuity needs 上一年项目数量 (2019 edition) in both.
  c.carry_over();
  c.in_force();
  c.item_continuity();
  return out;
}

std::vector<Diagnostic> check_years(const std::vector<YearFacts>& all) {
  std::map<std::pair<std::string, int>, std::vector<const YearFacts*>> by_year;
  for (const YearFacts& f : all)
    if (!f.agency.empty()) by_year[{f.agency, f.year}].push_back(&f);
  std::vector<Diagnostic> out;
  for (const auto& [key, later] : by_year) {
    auto earlier = by_year.find({key.first, key.second - 1});
    if (earlier == by_year.end() || earlier->second.size() != 1 || later.size() != 1) continue;
    std::vector<Diagnostic> found = check_consecutive(*earlier->second.front(), *later.front());
    out.insert(out.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }
  sort_diagnostics(out);
  return out;
}

}  // namespace govreport
