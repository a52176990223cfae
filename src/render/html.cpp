// The html format: one self-contained HTML5 page, tables in the official merged-cell layout,
// an A4 print stylesheet after GB/T 9704, every text escaped.

#include <fmt/format.h>

#include <algorithm>

#include "govreport/references.hpp"
#include "govreport/render.hpp"
#include "render/common.hpp"
#include "render/layout.hpp"

namespace govreport {
namespace {

using detail::Grid;
using detail::GridCell;
using detail::GridKind;

// GB/T 9704: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm; 3号仿宋 body, 22 lines a page;
// 2号小标宋 title; 黑体 and 楷体 for the first two heading levels; page numbers 4号宋体 "— 1 —".
constexpr std::string_view kStyle = R"(@font-face {
  font-family: "GovTitleFallback";
  src: local("Noto Serif CJK SC Bold"), local("NotoSerifCJKsc-Bold"), local("Source Han Serif SC Bold"),
    local("SourceHanSerifSC-Bold");
}
:root {
  --fangsong: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC",
    "Source Han Serif SC", serif;
  --song: "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  --hei: "黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  --kai: "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", serif;
  --title: "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "小标宋", "华文中宋", "STZhongsong",
    "GovTitleFallback", serif;
}
html { background: #e8e8e8; }
body { margin: 0; padding: 2em 0; color: #000; font-family: var(--fangsong); font-size: 16pt; line-height: 1.8; }
.report { box-sizing: border-box; width: 210mm; max-width: 100%; margin: 0 auto; padding: 37mm 26mm 35mm 28mm;
  background: #fff; box-shadow: 0 0 6px rgba(0, 0, 0, 0.25); }
h1 { margin: 0 0 1em; font-family: var(--title); font-size: 22pt; font-weight: normal; line-height: 1.5;
  text-align: center; }
h2 { margin: 0; font-family: var(--hei); font-size: 16pt; font-weight: normal; text-indent: 2em; }
p { margin: 0; text-align: justify; text-indent: 2em; }
.run-in { font-family: var(--kai); }
.signature { margin-top: 1.8em; break-inside: avoid; page-break-inside: avoid; }
.signature p { text-align: right; text-indent: 0; }
.signature p.date { text-align: left; }
table { width: 100%; margin: 0.5em 0 1em; border-collapse: collapse; table-layout: fixed;
  font-family: var(--song); font-size: 10.5pt; line-height: 1.4; }
th, td { padding: 1mm 0.6mm; border: 0.75pt solid #000; font-weight: normal; text-align: center;
  vertical-align: middle; overflow-wrap: anywhere; }
th.label { text-align: left; }
th.caption { font-family: var(--hei); }
th.note { text-align: left; }
thead { display: table-header-group; }
table.dense { font-size: 9pt; }
td, th:not([rowspan]) { break-inside: avoid; page-break-inside: avoid; }
th.group { height: 1px; padding: 0; vertical-align: top; }
table.group-label { width: 100%; height: 100%; margin: 0; font-size: inherit; }
table.group-label th, table.group-label td { padding: 1mm 0.6mm; border: none; }
table.group-label td { break-inside: auto; page-break-inside: auto; }
tr.caption, tr.keep { break-after: avoid; page-break-after: avoid; }
h2 { break-after: avoid; page-break-after: avoid; }
figure.chart { margin: 0.5em 0 1em; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.chart text { font-family: var(--song); fill: #000; }
figure.chart .bar { fill: #555; }
figure.chart .axis { stroke: #000; stroke-width: 1; }
figcaption { font-family: var(--song); font-size: 10.5pt; text-align: center; }
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
}
@page :right {
  @bottom-right { content: "— " counter(page) " —"; padding-right: 1em; font-family: var(--song); font-size: 14pt; }
}
@page :left {
  @bottom-left { content: "— " counter(page) " —"; padding-left: 1em; font-family: var(--song); font-size: 14pt; }
}
@media print {
  html { background: none; }
  body { padding: 0; line-height: 28.95pt; }
  .report { width: auto; padding: 0; box-shadow: none; }
  table, figcaption { line-height: 1.4; }
}
)";

std::string percent(int thousandths) {
  return fmt::format("{}.{}%", thousandths / 10, thousandths % 10);
}

std::string cell_html(const GridCell& cell, bool head_row) {
  std::string tag = cell.kind == GridKind::Number ? "td" : "th";
  std::string attributes;
  switch (cell.kind) {
    case GridKind::Caption:
      attributes = R"( class="caption" scope="colgroup")";
      break;
    case GridKind::Note:
      attributes = R"( class="note")";
      break;
    case GridKind::Head:
      attributes = head_row ? (cell.col_span > 1 ? R"( scope="colgroup")" : R"( scope="col")")
                            : R"( scope="col")";
      break;
    case GridKind::Label:
      attributes = cell.row_span > 1 ? R"( scope="rowgroup")" : R"( class="label" scope="row")";
      break;
    case GridKind::Number:
      break;
  }
  if (cell.col_span > 1) attributes += fmt::format(R"( colspan="{}")", cell.col_span);
  if (cell.row_span > 1) attributes += fmt::format(R"( rowspan="{}")", cell.row_span);
  if (cell.kind == GridKind::Label && cell.row_span > 1) {
    // A group's label heads a table of its own that fills the cell: when the group continues on
    // the next page, the browser repeats that table's head, the label, at the top of the rest.
    return fmt::format(
        R"(<th class="group"{}><table class="group-label"><thead><tr><th>{}</th></tr></thead>)"
        R"(<tbody><tr><td></td></tr></tbody></table></th>)",
        attributes, detail::markup_escape(cell.text));
  }
  return fmt::format("<{0}{1}>{2}</{0}>", tag, attributes, detail::markup_escape(cell.text));
}

std::string grid_html(const Grid& grid) {
  std::string out = grid.dense ? "<table class=\"dense\">\n<colgroup>" : "<table>\n<colgroup>";
  for (int w : grid.widths) out += fmt::format(R"(<col style="width: {}">)", percent(w));
  out += "</colgroup>\n";
  bool in_head = false, in_body = false;
  for (const detail::GridRow& row : grid.rows) {
    if (row.head && !in_head) out += "<thead>\n", in_head = true;
    if (!row.head && !in_body)
      out += std::string(in_head ? "</thead>\n" : "") + "<tbody>\n", in_body = true;
    const bool caption = row.cells.size() == 1 && row.cells.front().kind == GridKind::Caption;
    const bool keep = row.keep_with_next && !row.head;
    out += caption && keep ? R"(<tr class="caption keep">)"
           : caption       ? R"(<tr class="caption">)"
           : keep          ? R"(<tr class="keep">)"
                           : "<tr>";
    for (const GridCell& cell : row.cells) out += cell_html(cell, row.head);
    out += "</tr>\n";
  }
  out += in_body ? "</tbody>\n" : "</thead>\n";
  return out + "</table>\n";
}

// The 办理结果 breakdown: the members of the group that holds the total row, each with its
// value in the total column (a group's value is the sum of its rows).
struct Bar {
  std::string label;
  std::int64_t value = 0;
};

struct Chart {
  const Table* table = nullptr;
  std::string caption;
  std::vector<Bar> bars;
};

std::optional<Chart> results_chart(const Report& report) {
  for (const Table& table : report.edition->tables) {
    const int total_column = table.column_index(table.total_column);
    if (total_column < 0) continue;
    for (const Row& total : table.rows) {
      if (total.role != RowRole::Total || total.parent < 0) continue;
      const Row& group = table.rows[static_cast<std::size_t>(total.parent)];
      Chart chart{&table,
                  fmt::format("图　{}（{}，件）", group.zh,
                              table.columns[static_cast<std::size_t>(total_column)].zh),
                  {}};
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const Row& row = table.rows[r];
        if (row.parent != total.parent || row.role == RowRole::Total) continue;
        // The label up to its parenthesised note: "部分公开（区分处理的，……）" is "部分公开".
        const std::string_view zh =
            row.zh.substr(0, row.zh.find("（") == 0 ? row.zh.size() : row.zh.find("（"));
        Bar bar{std::string(row.numbering) + std::string(zh), 0};
        for (std::size_t k = r; k < table.rows.size(); ++k) {
          const Row& member = table.rows[k];
          bool inside = k == r;
          for (int p = member.parent; p >= 0 && !inside;
               p = table.rows[static_cast<std::size_t>(p)].parent)
            inside = p == static_cast<int>(r);
          if (!inside || member.role == RowRole::Group) continue;
          const Cell& cell =
              report.cells[static_cast<std::size_t>(table.cell(static_cast<int>(k), total_column))];
          if (cell.is_number()) bar.value += cell.value;
        }
        chart.bars.push_back(std::move(bar));
      }
      return chart;
    }
  }
  return std::nullopt;
}

std::string chart_svg(const Chart& chart) {
  constexpr int kWidth = 640, kLabel = 150, kBarMax = 400, kRow = 30, kTop = 10;
  std::int64_t most = 1;
  for (const Bar& b : chart.bars) most = std::max(most, b.value);
  const int height = kTop * 2 + kRow * static_cast<int>(chart.bars.size());
  std::string out = R"(<figure class="chart">)"
                    "\n";
  out += fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" aria-label="{}">)",
      kWidth, height, detail::markup_escape(chart.caption));
  out += "\n";
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar& bar = chart.bars[i];
    const int y = kTop + kRow * static_cast<int>(i);
    const auto length = static_cast<int>(bar.value * kBarMax / most);
    out += fmt::format(R"(<text x="{}" y="{}" text-anchor="end" font-size="14">{}</text>)",
                       kLabel - 8, y + 20, detail::markup_escape(bar.label));
    out += fmt::format(R"(<rect class="bar" x="{}" y="{}" width="{}" height="18"/>)", kLabel, y + 6,
                       length);
    out += fmt::format(R"(<text x="{}" y="{}" font-size="14">{}</text>)", kLabel + length + 6,
                       y + 20, bar.value);
    out += "\n";
  }
  out += fmt::format(R"(<line class="axis" x1="{0}" y1="{1}" x2="{0}" y2="{2}"/>)", kLabel, kTop,
                     height - kTop);
  out += "\n</svg>\n";
  return out + "<figcaption>" + detail::markup_escape(chart.caption) + "</figcaption>\n</figure>\n";
}

class Page {
 public:
  Page(const Report& report, const HtmlOptions& options) : report_(report), options_(options) {}

  std::string render() {
    const std::string title = detail::markup_escape(report_.display_title());
    out_ = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<meta name=\"generator\" content=\"govreport\">\n";
    out_ += "<title>" + title + "</title>\n<style>\n" + std::string(kStyle) +
            "</style>\n</head>\n<body>\n";
    out_ += "<article class=\"report\">\n<h1>" + title + "</h1>\n";
    narrative({});
    const std::optional<Chart> chart = options_.charts ? results_chart(report_) : std::nullopt;
    for (const Section& section : report_.edition->sections) {
      out_ += fmt::format("<section id=\"{}\">\n<h2>{}、{}</h2>\n", section.json_key,
                          section.numeral, detail::markup_escape(section.zh));
      narrative(section.numeral);
      for (const Grid& grid : detail::section_grids(report_, section.numeral))
        out_ += grid_html(grid);
      if (chart && chart->table->section == section.numeral) out_ += chart_svg(*chart);
      out_ += "</section>\n";
    }
    if (const auto s = detail::signature(report_)) {
      out_ += fmt::format("<div class=\"signature\">\n<p style=\"margin-right: {}em\">{}</p>\n",
                          s->agency_indent, detail::markup_escape(s->agency));
      if (!s->date.empty() && s->date_under_agency)
        out_ += fmt::format("<p class=\"date\" style=\"margin-left: calc(100% - {}em)\">{}</p>\n",
                            s->agency_indent + s->agency_width - 2, detail::markup_escape(s->date));
      else if (!s->date.empty())
        out_ +=
            fmt::format("<p style=\"margin-right: 2em\">{}</p>\n", detail::markup_escape(s->date));
      out_ += "</div>\n";
    }
    out_ += "</article>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  // The text of the section numbered `numeral`, or before the sections for an empty numeral.
  void narrative(std::string_view numeral) {
    for (std::size_t k = 0; k < report_.narrative.size(); ++k) {
      if (report_.edition->narrative[k].section != numeral) continue;
      const Narrative& part = report_.narrative[k];
      paragraphs(part.paragraphs);
      for (std::size_t i = 0; i < part.subsections.size(); ++i) {
        const Subsection& s = part.subsections[i];
        const std::string lead =
            detail::markup_escape(expand_references(report_, detail::subsection_lead(s, i)));
        out_ += "<p><span class=\"run-in\">" + lead + "</span>";
        out_ += s.paragraphs.empty()
                    ? ""
                    : detail::markup_escape(expand_references(report_, s.paragraphs.front()));
        out_ += "</p>\n";
        for (std::size_t p = 1; p < s.paragraphs.size(); ++p) paragraph(s.paragraphs[p]);
      }
    }
  }

  void paragraph(std::string_view text) {
    out_ += "<p>" + detail::markup_escape(expand_references(report_, text)) + "</p>\n";
  }
  void paragraphs(const std::vector<std::string>& items) {
    for (const std::string& p : items) paragraph(p);
  }

  const Report& report_;
  const HtmlOptions& options_;
  std::string out_;
};

}  // namespace

std::string render_html(const Report& report) { return render_html(report, HtmlOptions{}); }

std::string render_html(const Report& report, const HtmlOptions& options) {
  return Page(report, options).render();
}

}  // namespace govreport
