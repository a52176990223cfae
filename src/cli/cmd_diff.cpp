// govreport diff OLD NEW: every table cell that changed between two reports.

#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "govreport/diff_format.hpp"
#include "govreport/rollup.hpp"

namespace govreport::cli {
namespace {

struct DiffOptions {
  std::string older, newer;
  std::string format = "text";
};

int run_diff(const DiffOptions& opts, const Context& ctx) {
  refuse_repeated_stdin({opts.older, opts.newer}, ctx);
  const Report older = std::move(*analyze_or_fail(opts.older, ctx).report);
  const Report newer = std::move(*analyze_or_fail(opts.newer, ctx).report);
  const ReportDiff diff = diff_reports(older, newer);
  print_out(opts.format == "json"
                ? format_diff_json(diff, opts.older, opts.newer, ctx.lang)
                : format_diff_text(diff, older, opts.older, newer, opts.newer, ctx.lang),
            ctx);
  return 0;
}

}  // namespace

void setup_diff(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<DiffOptions>();
  sub.add_option("OLD", opts->older,
                 ctx.tr("较早的报告（数据文件）", "The earlier report (data file)"))
      ->required();
  sub.add_option("NEW", opts->newer,
                 ctx.tr("较晚的报告（数据文件）", "The later report (data file)"))
      ->required();
  sub.add_option("--format", opts->format, ctx.tr("text（默认）或 json", "text (default) or json"))
      ->check(CLI::IsMember({"text", "json"}));
  sub.footer(ctx.tr(R"(
列出数值有变化的每个表格单元格（按表格顺序）：旧值、新值、差值和新旧之比。只在两个版式之一中
存在的单元格（例如 2020 年与 2021 年报告之间的表二）列为不可比较。接着给出两份报告的公开率、
不予公开率和复议、诉讼纠错率及其变化（百分点；公式见 docs/stats.md）。然后逐部分列出叙述与旧报告的
相似度（按字符二元组计算，数字和标点不计；见 docs/rules.md 的 copied-narrative），并逐段对齐：
成对的段落及其相似度，删去的和新增的段落。两份报告的机关或版式不同、或不是相邻年度时，先给出警告。

示例：
  govreport diff data/2023.json data/2024.json
  govreport diff data/2020.json data/2021.json --format json)",
                    R"(
Prints each table cell whose value changed, in the order of the tables, with the old and new
value, the difference and the ratio new/old. Cells that exist in only one of the two editions
(for example table 二 between a 2020 and a 2021 report) are listed as not comparable. Next the
rates of both reports (disclosure, withheld, review and litigation correction; formulas in
docs/stats.md) and their change in percentage points. Then each
part of the narrative with its similarity to the old one (character bigrams, numbers and
punctuation set aside; see docs/rules.md, copied-narrative) and its paragraphs aligned: pairs
with their similarity, paragraphs dropped and added. Warns first when the reports are of
different agencies or editions, or not of consecutive years.

Examples:
  govreport diff data/2023.json data/2024.json
  govreport diff data/2020.json data/2021.json --format json)"));
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_diff(*opts, ctx); });
}

}  // namespace govreport::cli
