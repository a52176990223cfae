#include "govreport/stats.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>

namespace govreport {
namespace {

// Products of two 64-bit counts.
__extension__ typedef __int128
    Wide;  // NOLINT(modernize-use-using): using cannot take __extension__

// The sum of the cells at `pointers`; unknown when one is blank, "/" counting as nothing.
Figure sum_of(const Report& report, const std::vector<std::string_view>& pointers) {
  std::int64_t total = 0;
  for (std::string_view p : pointers) {
    const Cell& cell = report.at(p);
    if (cell.is_blank()) return std::nullopt;
    if (cell.is_number()) total += cell.value;
  }
  return total;
}

void add_to(Figure& sum, const Figure& part) {
  if (sum && part) {
    *sum += *part;
  } else {
    sum.reset();
  }
}

Rate rate_of(const Figure& numerator, const Figure& denominator) {
  if (!numerator || !denominator) return {};
  return {*numerator, *denominator, true};
}

constexpr std::array kColumns = {
    StatsColumn{"file", "文件", "File", StatsKind::Text},
    StatsColumn{"agency", "机关", "Agency", StatsKind::Text},
    StatsColumn{"year", "年度", "Year", StatsKind::Count},
    StatsColumn{"kind", "类别", "Kind", StatsKind::Text},
    StatsColumn{"applications_received", "新收申请", "Applications received", StatsKind::Count},
    StatsColumn{"disclosure_rate", "公开率(%)", "Disclosure rate (%)", StatsKind::Rate},
    StatsColumn{"withheld_rate", "不予公开率(%)", "Withheld rate (%)", StatsKind::Rate},
    StatsColumn{"review_correction_rate", "复议纠错率(%)", "Review correction rate (%)",
                StatsKind::Rate},
    StatsColumn{"litigation_correction_rate", "诉讼纠错率(%)", "Litigation correction rate (%)",
                StatsKind::Rate},
    StatsColumn{"carried_to_next_year", "结转下年度", "Carried forward", StatsKind::Count},
    StatsColumn{"late", "逾期发布", "Published late", StatsKind::Lateness},
    StatsColumn{"errors", "错误", "Errors", StatsKind::Count},
    StatsColumn{"warnings", "警告", "Warnings", StatsKind::Count},
};

std::int64_t as_count(std::size_t n) { return static_cast<std::int64_t>(n); }

// Orders two non-empty values of one kind: <0, 0, >0.
int compare(const StatsValue& a, const StatsValue& b) {
  switch (a.kind) {
    case StatsKind::Text:
      return a.text.compare(b.text);
    case StatsKind::Count:
      return *a.count < *b.count ? -1 : (*a.count > *b.count ? 1 : 0);
    case StatsKind::Rate: {
      const Wide left = static_cast<Wide>(a.rate.numerator) * b.rate.denominator;
      const Wide right = static_cast<Wide>(b.rate.numerator) * a.rate.denominator;
      return left < right ? -1 : (left > right ? 1 : 0);
    }
    case StatsKind::Lateness:
      return static_cast<int>(a.late) - static_cast<int>(b.late);
  }
  return 0;
}

bool is_empty(const StatsValue& v) {
  switch (v.kind) {
    case StatsKind::Text:
      return v.text.empty();
    case StatsKind::Count:
      return !v.count.has_value();
    case StatsKind::Rate:
      return v.rate.empty();
    case StatsKind::Lateness:
      return v.late == Lateness::Unknown;
  }
  return true;
}

}  // namespace

Figures& Figures::operator+=(const Figures& other) {
  add_to(received, other.received);
  add_to(disclosed, other.disclosed);
  add_to(withheld, other.withheld);
  add_to(handled, other.handled);
  add_to(carried_forward, other.carried_forward);
  add_to(reviews, other.reviews);
  add_to(reviews_corrected, other.reviews_corrected);
  add_to(lawsuits, other.lawsuits);
  add_to(lawsuits_corrected, other.lawsuits_corrected);
  return *this;
}

Figures report_figures(const Report& report) {
  const StatsCells& c = report.edition->stats_cells;
  return {
      .received = sum_of(report, c.received),
      .disclosed = sum_of(report, c.disclosed),
      .withheld = sum_of(report, c.withheld),
      .handled = sum_of(report, c.handled),
      .carried_forward = sum_of(report, c.carried_forward),
      .reviews = sum_of(report, c.reviews),
      .reviews_corrected = sum_of(report, c.reviews_corrected),
      .lawsuits = sum_of(report, c.lawsuits),
      .lawsuits_corrected = sum_of(report, c.lawsuits_corrected),
  };
}

std::optional<double> Rate::value() const {
  if (empty()) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

std::string Rate::percent(int places) const {
  if (empty()) return {};
  Wide scale = 100;
  for (int i = 0; i < places; ++i) scale *= 10;
  Wide n = static_cast<Wide>(numerator) * scale;
  Wide d = denominator;
  const bool negative = (n < 0) != (d < 0);
  if (n < 0) n = -n;
  if (d < 0) d = -d;
  const Wide q = (2 * n + d) / (2 * d);  // rounded half away from zero
  Wide divisor = 1;
  for (int i = 0; i < places; ++i) divisor *= 10;
  const auto whole = static_cast<std::int64_t>(q / divisor);
  const auto fraction = static_cast<std::int64_t>(q % divisor);
  std::string out = negative && q != 0 ? "-" : "";
  out += std::to_string(whole);
  if (places > 0) out += fmt::format(".{:0{}}", fraction, places);
  return out;
}

std::span<const RateName> rate_names() {
  static constexpr RateName kNames[] = {
      {"disclosure", "公开率", "Disclosure rate", &Rates::disclosure},
      {"withholding", "不予公开率", "Withheld rate", &Rates::withheld},
      {"review-correction", "行政复议纠错率", "Administrative review correction rate",
       &Rates::review_correction},
      {"litigation-correction", "行政诉讼纠错率", "Litigation correction rate",
       &Rates::litigation_correction},
  };
  return kNames;
}

Rates rates(const Figures& f) {
  return {
      .disclosure = rate_of(f.disclosed, f.handled),
      .withheld = rate_of(f.withheld, f.handled),
      .review_correction = rate_of(f.reviews_corrected, f.reviews),
      .litigation_correction = rate_of(f.lawsuits_corrected, f.lawsuits),
  };
}

Lateness lateness(const Report& report) {
  if (report.published.empty()) return Lateness::Unknown;
  return report.published > publication_deadline(report.agency_kind, report.year)
             ? Lateness::Late
             : Lateness::OnTime;
}

void StatsRow::add_findings(const std::vector<Diagnostic>& findings) {
  for (const Diagnostic& d : findings) {
    ++(d.severity == Severity::Error ? errors : warnings);
    ++by_rule[d.rule];
  }
}

StatsRow stats_row(const Report& report, std::string_view file,
                   const std::vector<Diagnostic>& findings) {
  StatsRow row;
  row.file = std::string(file);
  row.agency = report.agency;
  row.year = report.year;
  row.kind = report.agency_kind;
  row.published = report.published;
  row.figures = report_figures(report);
  row.rates = rates(row.figures);
  row.late = lateness(report);
  row.late_reports = row.late == Lateness::Late ? 1 : 0;
  row.add_findings(findings);
  return row;
}

StatsRow stats_totals(std::span<const StatsRow> rows) {
  StatsRow total;
  total.reports = 0;
  bool first = true;
  for (const StatsRow& r : rows) {
    if (first) {
      total.figures = r.figures;
      total.year = r.year;
      total.kind = r.kind;
    } else {
      total.figures += r.figures;
      if (r.year != total.year) total.year = 0;
    }
    first = false;
    total.reports += r.reports;
    total.late_reports += r.late_reports;
    total.errors += r.errors;
    total.warnings += r.warnings;
    for (const auto& [rule, n] : r.by_rule) total.by_rule[rule] += n;
  }
  if (first) {  // no rows: every count is 0, every rate empty
    total.figures = Figures{0, 0, 0, 0, 0, 0, 0, 0, 0};
  }
  total.rates = rates(total.figures);
  return total;
}

std::span<const StatsColumn> stats_columns() { return kColumns; }

StatsValue stats_value(const StatsRow& row, std::string_view key) {
  auto text = [](std::string s) { return StatsValue{StatsKind::Text, std::move(s), {}, {}, {}}; };
  auto count = [](Figure n) { return StatsValue{StatsKind::Count, {}, n, {}, {}}; };
  auto rate = [](const Rate& r) { return StatsValue{StatsKind::Rate, {}, {}, r, {}}; };
  if (key == "file") return text(row.file);
  if (key == "agency") return text(row.agency);
  if (key == "year") return count(row.year == 0 ? Figure{} : Figure{row.year});
  if (key == "kind") return text(std::string(agency_kind_key(row.kind)));
  if (key == "applications_received") return count(row.figures.received);
  if (key == "disclosure_rate") return rate(row.rates.disclosure);
  if (key == "withheld_rate") return rate(row.rates.withheld);
  if (key == "review_correction_rate") return rate(row.rates.review_correction);
  if (key == "litigation_correction_rate") return rate(row.rates.litigation_correction);
  if (key == "carried_to_next_year") return count(row.figures.carried_forward);
  if (key == "late") return StatsValue{StatsKind::Lateness, {}, {}, {}, row.late};
  if (key == "errors") return count(as_count(row.errors));
  if (key == "warnings") return count(as_count(row.warnings));
  for (const RuleInfo& r : rules()) {
    if (r.id != key) continue;
    const auto it = row.by_rule.find(r.id);
    return count(as_count(it == row.by_rule.end() ? 0 : it->second));
  }
  throw std::out_of_range(fmt::format("no column {}", key));
}

bool sort_stats(std::vector<StatsRow>& rows, std::string_view key, bool descending) {
  const bool known =
      std::any_of(kColumns.begin(), kColumns.end(), [&](const auto& c) { return c.key == key; }) ||
      std::any_of(rules().begin(), rules().end(), [&](const auto& r) { return r.id == key; });
  if (!known) return false;
  std::vector<std::pair<StatsValue, std::size_t>> keys;
  keys.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) keys.emplace_back(stats_value(rows[i], key), i);
  std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
    const bool ea = is_empty(a.first);
    const bool eb = is_empty(b.first);
    if (ea || eb) return !ea && eb;  // empty values last
    const int c = compare(a.first, b.first);
    return descending ? c > 0 : c < 0;
  });
  std::vector<StatsRow> sorted;
  sorted.reserve(rows.size());
  for (const auto& k : keys) sorted.push_back(std::move(rows[k.second]));
  rows = std::move(sorted);
  return true;
}

StatsTable make_stats_table(std::vector<StatsRow> rows, std::vector<StatsFailure> failures) {
  StatsTable table;
  table.rows = std::move(rows);
  table.failures = std::move(failures);
  table.totals = stats_totals(table.rows);
  std::set<int> years;
  for (const StatsRow& r : table.rows) years.insert(r.year);
  for (int year : years) {
    std::vector<StatsRow> of_year;
    for (const StatsRow& r : table.rows)
      if (r.year == year) of_year.push_back(r);
    table.years.push_back(stats_totals(of_year));
  }
  for (const RuleInfo& r : rules())
    if (table.totals.by_rule.contains(r.id)) table.rules.push_back(r.id);
  return table;
}

}  // namespace govreport
