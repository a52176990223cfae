// The overview for evaluators on the core API: figures, rates (an empty one for a zero
// denominator), lateness, totals from sums, sorting.

#include "govreport/stats.hpp"

#include <catch2/catch.hpp>

#include "govreport/check.hpp"
#include "support.hpp"

namespace {

using govreport::Cell;
using govreport::Lateness;
using govreport::Rate;
using govreport::Report;
using govreport::StatsRow;
using govreport::test::load_project;

// data/examples/hongze-gov-2024.json: a government; 三 （一）50 （二）9 （三）0+0+1+0+0+1+1+0
// （七）95, 结转 0; 四 复议 纠正 1 of 2, 诉讼 纠正 0 of 1 + 3.
Report hongze() { return load_project("data/examples/hongze-gov-2024.json"); }

}  // namespace

TEST_CASE("The figures of a report are the sums of the cells the edition names", "[stats]") {
  const govreport::Figures f = govreport::report_figures(hongze());
  CHECK(f.received == 95);
  CHECK(f.disclosed == 59);
  CHECK(f.withheld == 3);
  CHECK(f.handled == 95);
  CHECK(f.carried_forward == 0);
  CHECK(f.reviews == 2);
  CHECK(f.reviews_corrected == 1);
  CHECK(f.lawsuits == 4);
  CHECK(f.lawsuits_corrected == 0);
  // Data/2020.json, the 2019 edition, reads the same cells.
  const govreport::Figures n = govreport::report_figures(load_project("data/2020.json"));
  CHECK(n.received == 4447);
  CHECK(n.disclosed == 13);
  CHECK(n.withheld == 5);
  CHECK(n.handled == 4447);
  CHECK(n.lawsuits == 13);
}

TEST_CASE("Rates are exact fractions of the stated denominators, empty when it is 0", "[stats]") {
  const govreport::Rates r = govreport::rates(govreport::report_figures(hongze()));
  CHECK(r.disclosure.numerator == 59);
  CHECK(r.disclosure.denominator == 95);
  CHECK(r.disclosure.percent() == "62.11");
  CHECK(r.withheld.percent() == "3.16");
  CHECK(r.review_correction.percent() == "50.00");
  CHECK(r.litigation_correction.percent() == "0.00");
  CHECK(r.review_correction.value() == 0.5);

  govreport::Figures zero;
  zero.disclosed = 0;
  zero.handled = 0;
  zero.withheld = 0;
  zero.reviews = 0;
  zero.reviews_corrected = 0;
  const govreport::Rates z = govreport::rates(zero);
  CHECK(z.disclosure.empty());
  CHECK(z.disclosure.percent().empty());
  CHECK_FALSE(z.disclosure.value().has_value());
  CHECK(z.review_correction.empty());
  // A blank cell: no rate either.
  CHECK(z.litigation_correction.empty());
  CHECK_FALSE(z.litigation_correction.known);

  // Rounding: half away from zero, exactly.
  CHECK(Rate{1, 8, true}.percent() == "12.50");
  CHECK(Rate{1, 8, true}.percent(0) == "13");
  CHECK(Rate{2, 3, true}.percent() == "66.67");
  CHECK(Rate{1, 3, true}.percent(1) == "33.3");
  CHECK(Rate{5, 4, true}.percent() == "125.00");
  CHECK(Rate{999'999'999'999'999, 1'000'000'000'000'000, true}.percent() == "100.00");
}

TEST_CASE("A blank cell leaves its figure unknown, '/' counts as nothing", "[stats]") {
  Report r = hongze();
  r.at("/reviews/review/corrected") = Cell{};
  r.at("/applications/results/granted/total").state = Cell::State::NotApplicable;
  const govreport::Figures f = govreport::report_figures(r);
  CHECK_FALSE(f.reviews_corrected.has_value());
  CHECK(f.disclosed == 9);
  const govreport::Rates rates = govreport::rates(f);
  CHECK(rates.review_correction.empty());
  CHECK(rates.disclosure.percent() == "9.47");
}

TEST_CASE("Lateness follows the deadline of the agency's kind; unknown without a date", "[stats]") {
  Report r = hongze();  // a government: 3月31日
  CHECK(govreport::lateness(r) == Lateness::Unknown);
  r.published = "2025-03-31";
  CHECK(govreport::lateness(r) == Lateness::OnTime);
  r.published = "2025-04-01";
  CHECK(govreport::lateness(r) == Lateness::Late);
  r.agency_kind = govreport::AgencyKind::Department;  // 1月31日
  r.published = "2025-01-31";
  CHECK(govreport::lateness(r) == Lateness::OnTime);
  r.published = "2025-02-01";
  CHECK(govreport::lateness(r) == Lateness::Late);
  CHECK(govreport::publication_deadline(govreport::AgencyKind::Department, 2024) == "2025-01-31");
  CHECK(govreport::publication_deadline(govreport::AgencyKind::Government, 2024) == "2025-03-31");
}

TEST_CASE("Totals add up the counts and recompute the rates from the sums, never averaging",
          "[stats]") {
  Report late = hongze();
  late.published = "2025-05-01";
  const StatsRow a = govreport::stats_row(late, "a.json", govreport::check_report(late, "a.json"));
  CHECK(a.late == Lateness::Late);
  CHECK(a.late_reports == 1);
  CHECK(a.warnings == 2);  // deadline, and narrative-number (the text says 17 applications)
  CHECK(a.by_rule.at("deadline") == 1);
  const Report ningxia = load_project("data/2020.json");
  const StatsRow b = govreport::stats_row(ningxia, "b.json", {});
  const std::vector<StatsRow> rows = {a, b};
  const StatsRow t = govreport::stats_totals(rows);
  CHECK(t.reports == 2);
  CHECK(t.late_reports == 1);
  CHECK(t.year == 0);  // two years
  CHECK(t.figures.received == 95 + 4447);
  // (59 + 13) / (95 + 4447) = 1.585 %; the mean of 62.11 % and 0.29 % would be 31.2 %.
  CHECK(t.rates.disclosure.numerator == 72);
  CHECK(t.rates.disclosure.denominator == 4542);
  CHECK(t.rates.disclosure.percent() == "1.59");
  CHECK(t.rates.review_correction.percent() == "0.19");  // 1 / 532
  CHECK(t.by_rule.at("deadline") == 1);
  CHECK(t.warnings == 2);

  // A figure unknown in one report is unknown in the totals.
  Report blank = hongze();
  blank.at("/applications/received/total") = Cell{};
  const std::vector<StatsRow> with_blank = {a, govreport::stats_row(blank, "c.json", {})};
  CHECK_FALSE(govreport::stats_totals(with_blank).figures.received.has_value());
  // No rows: counts 0, rates empty.
  const StatsRow none = govreport::stats_totals({});
  CHECK(none.figures.received == 0);
  CHECK(none.rates.disclosure.empty());
}

TEST_CASE("Rows sort by any column, empty values last either way", "[stats]") {
  Report zero = hongze();
  for (const char* p :
       {"/reviews/review/upheld", "/reviews/review/corrected", "/reviews/review/total"})
    zero.at(p) = Cell::number(0);
  Report all = hongze();
  all.at("/reviews/review/upheld") = Cell::number(0);
  all.at("/reviews/review/corrected") = Cell::number(2);
  std::vector<StatsRow> rows = {govreport::stats_row(hongze(), "half.json", {}),
                                govreport::stats_row(zero, "zero.json", {}),
                                govreport::stats_row(all, "all.json", {})};
  auto files = [&] {
    std::vector<std::string> out;
    for (const StatsRow& r : rows) out.push_back(r.file);
    return out;
  };
  REQUIRE(govreport::sort_stats(rows, "review_correction_rate", false));
  CHECK(files() == std::vector<std::string>{"half.json", "all.json", "zero.json"});
  REQUIRE(govreport::sort_stats(rows, "review_correction_rate", true));
  CHECK(files() == std::vector<std::string>{"all.json", "half.json", "zero.json"});
  REQUIRE(govreport::sort_stats(rows, "file", false));
  CHECK(files() == std::vector<std::string>{"all.json", "half.json", "zero.json"});
  CHECK_FALSE(govreport::sort_stats(rows, "nonsense", false));
  REQUIRE(govreport::sort_stats(rows, "balance", true));  // a rule: its count
  CHECK(files() == std::vector<std::string>{"all.json", "half.json", "zero.json"});
}

TEST_CASE("The overview lists the rules with findings in catalogue order, and each year's totals",
          "[stats]") {
  Report y2025 = hongze();
  y2025.year = 2025;
  StatsRow a = govreport::stats_row(hongze(), "a.json", {});
  StatsRow b = govreport::stats_row(y2025, "b.json", {});
  b.add_findings({govreport::make_diagnostic("deadline", "/published", "x", "x"),
                  govreport::make_diagnostic("balance", "/applications", "x", "x")});
  const govreport::StatsTable t = govreport::make_stats_table({a, b}, {});
  REQUIRE(t.years.size() == 2);
  CHECK(t.years[0].year == 2024);
  CHECK(t.years[1].year == 2025);
  CHECK(t.years[1].errors == 1);
  CHECK(t.totals.errors == 1);
  CHECK(t.totals.warnings == 1);
  std::vector<std::string_view> expected;
  for (const govreport::RuleInfo& r : govreport::rules())
    if (r.id == "balance" || r.id == "deadline") expected.push_back(r.id);
  CHECK(t.rules == expected);
}
