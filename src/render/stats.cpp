// The overview for evaluators as CSV and as an HTML page with SVG charts (the .xlsx workbook is
// stats_xlsx.cpp). The figures and rates come from stats.hpp; nothing is computed here but the
// geometry of the charts.

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "govreport/safe_text.hpp"
#include "govreport/stats_format.hpp"
#include "render/stats_internal.hpp"
#include "text/text.hpp"

namespace govreport {
namespace {

using detail::tr;
using Out = detail::StatsOut;

std::string kind_name(AgencyKind kind, Lang lang) {
  return kind == AgencyKind::Government ? tr(lang, "政府", "government")
                                        : tr(lang, "部门", "department");
}

std::string late_name(Lateness late, Lang lang) {
  switch (late) {
    case Lateness::Late:
      return tr(lang, "是", "yes");
    case Lateness::OnTime:
      return tr(lang, "否", "no");
    case Lateness::Unknown:
      break;
  }
  return tr(lang, "未知", "unknown");
}

std::string totals_name(const StatsRow& totals, Lang lang) {
  return lang == Lang::En ? fmt::format("Total ({} reports)", totals.reports)
                          : fmt::format("合计（{} 份报告）", totals.reports);
}

}  // namespace

namespace detail {

std::vector<StatsOut> stats_outputs(const StatsTable& table, Lang lang, bool with_rules) {
  std::vector<StatsOut> out;
  for (const StatsColumn& c : stats_columns())
    out.push_back({std::string(c.key), std::string(lang == Lang::En ? c.en : c.zh), c.kind});
  if (with_rules)
    for (std::string_view rule : table.rules)
      out.push_back({std::string(rule), std::string(rule), StatsKind::Count});
  return out;
}

std::string stats_cell_text(const StatsRow& row, const StatsOut& column, bool total, Lang lang,
                            std::string_view empty) {
  if (total) {
    if (column.key == "file") return totals_name(row, lang);
    if (column.key == "agency" || column.key == "kind") return {};
    if (column.key == "late") return std::to_string(row.late_reports);
  }
  if (column.key == "kind") return kind_name(row.kind, lang);
  if (column.key == "late") return late_name(row.late, lang);
  const StatsValue v = stats_value(row, column.key);
  switch (v.kind) {
    case StatsKind::Text:
      return v.text;
    case StatsKind::Count:
      return v.count ? std::to_string(*v.count) : std::string();
    case StatsKind::Rate:
      return v.rate.empty() ? std::string(empty) : v.rate.percent();
    case StatsKind::Lateness:
      break;
  }
  return {};
}

}  // namespace detail

namespace {

using detail::stats_cell_text;
using detail::stats_outputs;

std::string csv_field(std::string text, bool is_text) {
  text = publishable(text);
  if (is_text && !text.empty() && std::string_view("=+-@").find(text.front()) != std::string::npos)
    text = "'" + text;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

// ---- html ----

std::string esc(std::string_view text) { return detail::markup_escape(text); }

// One bar of a chart: a label, its length as a share of the scale, and the value shown.
struct Bar {
  std::string label;
  std::optional<double> value;  // none: no bar, the text "—"
  std::string shown;
  bool outlined = false;  // drawn white with a black edge (warnings)
};

constexpr int kLabelWidth = 230;
constexpr int kBarWidth = 400;
constexpr int kRowHeight = 18;

// Returns at most `chars` characters of `text`, with "…" when cut.
std::string shortened(const std::string& text, std::size_t chars) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) == 0x80U) continue;
    if (count == chars) return text.substr(0, i) + "…";
    ++count;
  }
  return text;
}

// A horizontal bar chart: one row per bar, the label left, the bar, the value right of it. With
// `percent`, dashed lines and a scale below mark 0 %, 25 %, 50 %, 75 % and 100 %.
std::string bar_chart(const std::string& id, const std::string& title, const std::vector<Bar>& bars,
                      double scale, bool percent) {
  const int plot = static_cast<int>(bars.size()) * kRowHeight + 8;
  const int height = plot + (percent ? 16 : 0);
  const int width = kLabelWidth + kBarWidth + 80;
  std::string svg = fmt::format(
      "<figure class=\"chart\" id=\"{}\"><figcaption>{}</figcaption>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{}\" height=\"{}\" "
      "viewBox=\"0 0 {} {}\" font-size=\"12\"><title>{}</title>\n"
      "<line x1=\"{}\" y1=\"0\" x2=\"{}\" y2=\"{}\" stroke=\"#000\" stroke-width=\"1\"/>\n",
      id, esc(title), width, height, width, height, esc(title), kLabelWidth, kLabelWidth, plot);
  for (int tick = 25; percent && tick <= 100 && tick <= scale; tick += 25) {
    const double x = kLabelWidth + tick / scale * kBarWidth;
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{0:.1f}\" y1=\"0\" x2=\"{0:.1f}\" y2=\"{1}\" stroke=\"#888\" "
        "stroke-width=\"0.75\" stroke-dasharray=\"3 3\"/>\n",
        x, plot);
  }
  for (int tick = 0; percent && tick <= 100 && tick <= scale; tick += 25)
    svg += fmt::format(
        "<text class=\"tick\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" "
        "font-size=\"10\">{}%</text>\n",
        kLabelWidth + tick / scale * kBarWidth, plot + 12, tick);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const int y = static_cast<int>(i) * kRowHeight + 4;
    const std::string label = esc(shortened(b.label, 18));
    svg += fmt::format(
        "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}<title>{}</title></text>",
        kLabelWidth - 6, y + 12, label, esc(b.label));
    if (b.value) {
      const double share = scale > 0 ? std::clamp(*b.value / scale, 0.0, 1.0) : 0.0;
      const std::string length = fmt::format("{:.1f}", share * kBarWidth);
      svg += fmt::format(
          "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
          "stroke=\"#000\" stroke-width=\"1\"><title>{}: {}</title></rect>",
          kLabelWidth, y + 1, length, kRowHeight - 5, b.outlined ? "#fff" : "#444", esc(b.label),
          esc(b.shown));
      svg += fmt::format("<text class=\"value\" x=\"{:.1f}\" y=\"{}\">{}</text>\n",
                         kLabelWidth + share * kBarWidth + 4, y + 12, esc(b.shown));
    } else {
      svg += fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\">—</text>\n", kLabelWidth + 4,
                         y + 12);
    }
  }
  return svg + "</svg></figure>\n";
}

// The scale of a rate chart: 100 %, or more when a rate is above it (inconsistent data).
double rate_scale(const std::vector<Bar>& bars) {
  double top = 100;
  for (const Bar& b : bars)
    if (b.value) top = std::max(top, *b.value);
  return top;
}

Bar rate_bar(std::string label, const Rate& rate) {
  Bar b;
  b.label = std::move(label);
  if (auto v = rate.value()) {
    b.value = *v * 100;
    b.shown = rate.percent() + "%";
  }
  return b;
}

constexpr const char* kStyle = R"(
:root { color: #000; background: #fff; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  font-size: 10.5pt; margin: 16px auto; max-width: 1100px; line-height: 1.45; }
h1 { font-size: 17pt; margin: 0 0 4px; }
h2 { font-size: 13pt; border-bottom: 1.5px solid #000; padding-bottom: 2px; margin: 22px 0 8px; }
p.lead { margin: 0 0 10px; }
table { border-collapse: collapse; margin: 6px 0 10px; }
th, td { border: 0.75px solid #000; padding: 2px 6px; vertical-align: top; }
th { background: #e6e6e6; font-weight: bold; text-align: center; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.t { word-break: break-all; }
td.nw { white-space: nowrap; word-break: keep-all; }
tr.total td { font-weight: bold; border-top: 2px solid #000; }
table.reports { font-size: 9pt; width: 100%; }
table.reports td.file { max-width: 220px; }
figure.chart { margin: 8px 0 14px; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: bold; margin-bottom: 2px; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart text { fill: #000; }
.legend { font-size: 9pt; margin: 0 0 6px; }
.swatch { display: inline-block; width: 12px; height: 10px; border: 1px solid #000;
  vertical-align: middle; margin: 0 4px 0 10px; }
ul.failures li { word-break: break-all; }
.note { font-size: 9pt; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  th { background: #e6e6e6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
)";

std::string label_of(const StatsRow& row) { return row.agency.empty() ? row.file : row.agency; }

std::string totals_html(const StatsTable& t, Lang lang) {
  const StatsRow& s = t.totals;
  std::string out = "<table class=\"totals\"><tbody>\n";
  auto line = [&](const char* zh, const char* en, const std::string& value) {
    out += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>\n",
                       tr(lang, zh, en), esc(value));
  };
  auto count = [](const Figure& f) { return f ? std::to_string(*f) : std::string("—"); };
  auto rate = [&](const Rate& r, const Figure& num, const Figure& den) {
    if (r.empty()) return std::string("—");
    return fmt::format("{}%（{} / {}）", r.percent(), *num, *den);
  };
  line("报告", "Reports", std::to_string(s.reports));
  line("新收申请", "Applications received", count(s.figures.received));
  line("公开率", "Disclosure rate",
       rate(s.rates.disclosure, s.figures.disclosed, s.figures.handled));
  line("不予公开率", "Withheld rate",
       rate(s.rates.withheld, s.figures.withheld, s.figures.handled));
  line("行政复议纠错率", "Review correction rate",
       rate(s.rates.review_correction, s.figures.reviews_corrected, s.figures.reviews));
  line("行政诉讼纠错率", "Litigation correction rate",
       rate(s.rates.litigation_correction, s.figures.lawsuits_corrected, s.figures.lawsuits));
  line("结转下年度", "Carried forward", count(s.figures.carried_forward));
  line("逾期发布", "Published late", std::to_string(s.late_reports));
  line("错误 / 警告", "Errors / warnings", fmt::format("{} / {}", s.errors, s.warnings));
  return out + "</tbody></table>\n";
}

std::string reports_html(const StatsTable& t, Lang lang) {
  const std::vector<Out> cols = stats_outputs(t, lang, false);
  std::string out = "<table class=\"reports\"><thead><tr>";
  for (const Out& c : cols) out += fmt::format("<th scope=\"col\">{}</th>", esc(c.heading));
  out += "</tr></thead>\n<tbody>\n";
  auto line = [&](const StatsRow& row, bool total) {
    out += total ? "<tr class=\"total\">" : "<tr>";
    for (const Out& c : cols) {
      const bool numeric =
          c.kind == StatsKind::Count || c.kind == StatsKind::Rate || (total && c.key == "late");
      const char* cls = numeric                              ? "n"
                        : c.key == "file"                    ? "t file"
                        : c.key == "kind" || c.key == "late" ? "t nw"
                                                             : "t";
      out += fmt::format("<td class=\"{}\">{}</td>", cls,
                         esc(stats_cell_text(row, c, total, lang, "—")));
    }
    out += "</tr>\n";
  };
  for (const StatsRow& row : t.rows) line(row, false);
  out += "</tbody>\n<tfoot>\n";
  line(t.totals, true);
  return out + "</tfoot></table>\n";
}

std::string charts_by_agency(const StatsTable& t, Lang lang) {
  if (t.rows.empty()) return {};
  int latest = 0;
  for (const StatsRow& r : t.rows) latest = std::max(latest, r.year);
  std::string out;
  for (const RateName& d : rate_names()) {
    std::vector<Bar> bars;
    for (const StatsRow& r : t.rows)
      if (r.year == latest) bars.push_back(rate_bar(label_of(r), r.rates.*d.member));
    const std::string title = lang == Lang::En ? fmt::format("{} by agency, {}", d.en, latest)
                                               : fmt::format("{} 年各机关{}", latest, d.zh);
    out += bar_chart(fmt::format("agency-{}", d.key), title, bars, rate_scale(bars), true);
  }
  return out;
}

std::string chart_by_rule(const StatsTable& t, Lang lang) {
  if (t.rules.empty())
    return fmt::format("<p>{}</p>\n", tr(lang, "没有发现问题。", "No findings."));
  std::vector<Bar> bars;
  double top = 0;
  for (std::string_view id : t.rules) {
    const std::size_t n = t.totals.by_rule.at(id);
    const RuleInfo& info = rule(id);
    Bar b{std::string(id), static_cast<double>(n), std::to_string(n),
          info.severity == Severity::Warning};
    top = std::max(top, static_cast<double>(n));
    bars.push_back(std::move(b));
  }
  std::string out = fmt::format(
      "<p class=\"legend\"><span class=\"swatch\" style=\"background:#444\"></span>{}"
      "<span class=\"swatch\" style=\"background:#fff\"></span>{}</p>\n",
      tr(lang, "错误", "error"), tr(lang, "警告", "warning"));
  out += bar_chart("findings-by-rule", tr(lang, "各规则发现的问题数", "Findings by rule"), bars,
                   top, false);
  out += "<table class=\"rules\"><thead><tr>";
  out += fmt::format("<th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
                     tr(lang, "规则", "Rule"), tr(lang, "级别", "Severity"),
                     tr(lang, "说明", "Description"), tr(lang, "数量", "Count"));
  for (std::string_view id : t.rules) {
    const RuleInfo& info = rule(id);
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>\n", esc(id),
        info.severity == Severity::Error ? tr(lang, "错误", "error") : tr(lang, "警告", "warning"),
        esc(lang == Lang::En ? info.en : info.zh), t.totals.by_rule.at(id));
  }
  return out + "</tbody></table>\n";
}

std::string trend_html(const StatsTable& t, Lang lang) {
  std::string out = "<table class=\"trend\"><thead><tr>";
  out += fmt::format(
      "<th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th></tr></thead><tbody>\n",
      tr(lang, "年度", "Year"), tr(lang, "报告", "Reports"), tr(lang, "新收申请", "Received"),
      tr(lang, "公开率", "Disclosure"), tr(lang, "不予公开率", "Withheld"),
      tr(lang, "复议纠错率", "Review correction"), tr(lang, "诉讼纠错率", "Litigation correction"),
      tr(lang, "逾期发布", "Late"), tr(lang, "错误", "Errors"));
  auto pct = [](const Rate& r) { return r.empty() ? std::string("—") : r.percent() + "%"; };
  for (const StatsRow& y : t.years)
    out += fmt::format(
        "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
        y.year, y.reports, y.figures.received ? std::to_string(*y.figures.received) : "—",
        pct(y.rates.disclosure), pct(y.rates.withheld), pct(y.rates.review_correction),
        pct(y.rates.litigation_correction), y.late_reports, y.errors);
  out += "</tbody></table>\n";
  for (const RateName& d : rate_names()) {
    std::vector<Bar> bars;
    for (const StatsRow& y : t.years)
      bars.push_back(rate_bar(std::to_string(y.year), y.rates.*d.member));
    const std::string title =
        lang == Lang::En ? fmt::format("{} by year", d.en) : fmt::format("各年度{}", d.zh);
    out += bar_chart(fmt::format("year-{}", d.key), title, bars, rate_scale(bars), true);
  }
  return out;
}

}  // namespace

std::string stats_csv(const StatsTable& table, Lang lang) {
  const std::vector<Out> cols = stats_outputs(table, lang, true);
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](auto&& field) {
    for (std::size_t c = 0; c < cols.size(); ++c) {
      if (c > 0) out += ',';
      out += field(cols[c]);
    }
    out += "\r\n";
  };
  line([](const Out& c) { return csv_field(c.heading, true); });
  for (const StatsRow& row : table.rows)
    line([&](const Out& c) {
      return csv_field(stats_cell_text(row, c, false, lang, ""), c.kind == StatsKind::Text);
    });
  line([&](const Out& c) {
    return csv_field(stats_cell_text(table.totals, c, true, lang, ""), c.kind == StatsKind::Text);
  });
  return out;
}

std::string stats_html(const StatsTable& table, Lang lang) {
  const bool en = lang == Lang::En;
  const char* title = tr(lang, "政府信息公开工作年度报告统计概览",
                         "Overview of annual reports on government information disclosure");
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
      en ? "en" : "zh-CN", title, kStyle, title);
  int first = 0, last = 0;
  for (const StatsRow& r : table.rows) {
    first = first == 0 ? r.year : std::min(first, r.year);
    last = std::max(last, r.year);
  }
  const std::string years =
      first == last ? std::to_string(first) : fmt::format("{}–{}", first, last);
  out += fmt::format(
      "<p class=\"lead\">{}</p>\n",
      en ? fmt::format("{} report{}{}{}.", table.rows.size(), table.rows.size() == 1 ? "" : "s",
                       table.rows.empty() ? "" : ", " + years,
                       table.failures.empty()
                           ? ""
                           : fmt::format("; {} input{} could not be read", table.failures.size(),
                                         table.failures.size() == 1 ? "" : "s"))
         : fmt::format("共 {} 份报告{}{}。", table.rows.size(),
                       table.rows.empty() ? "" : "，" + years + " 年度",
                       table.failures.empty()
                           ? ""
                           : fmt::format("；{} 个文件未能读取", table.failures.size())));
  out += fmt::format("<h2>{}</h2>\n", tr(lang, "合计", "Totals"));
  out += totals_html(table, lang);
  out += fmt::format(
      "<p class=\"note\">{}</p>\n",
      tr(lang,
         "公开率 =（（一）予以公开 +（二）部分公开）÷（七）总计；不予公开率 =（三）不予公开 ÷"
         "（七）总计；纠错率 = 结果纠正 ÷ 总计（含尚未审结）。合计的比率由各项之和重新计算，"
         "不是各报告比率的平均。分母为 0 的比率为空（—）。",
         "Disclosure rate = ((一) disclosed + (二) partly disclosed) ÷ (七) total; withheld rate = "
         "(三) not disclosed ÷ (七) total; correction rate = corrected ÷ total (pending cases "
         "included). Rates of totals are computed from the sums, never averaged. A rate whose "
         "denominator is 0 is empty (—)."));
  out += fmt::format("<h2>{}</h2>\n", tr(lang, "各机关比率", "Rates by agency"));
  out += charts_by_agency(table, lang);
  out += fmt::format("<h2>{}</h2>\n", tr(lang, "各规则发现的问题", "Findings by rule"));
  out += chart_by_rule(table, lang);
  if (table.years.size() > 1) {
    out += fmt::format("<h2>{}</h2>\n", tr(lang, "年度趋势", "Trend by year"));
    out += trend_html(table, lang);
  }
  out += fmt::format("<h2>{}</h2>\n", tr(lang, "各报告", "Reports"));
  out += reports_html(table, lang);
  if (!table.failures.empty()) {
    out += fmt::format("<h2>{}</h2>\n<ul class=\"failures\">\n",
                       tr(lang, "未能读取的文件", "Inputs that could not be read"));
    for (const StatsFailure& f : table.failures)
      out += fmt::format("<li>{}{}{}</li>\n", esc(f.file), en ? ": " : "：", esc(f.message));
    out += "</ul>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace govreport
