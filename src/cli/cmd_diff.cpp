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
  sub.add_option("OLD", opts->older, "The earlier report (data file)")->required();
  sub.add_option("NEW", opts->newer, "The later report (data file)")->required();
  sub.add_option("--format", opts->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub.footer(R"(
Prints each table cell whose value changed, in the order of the tables, with the old and new
value, the difference and the ratio new/old. Cells that exist in only one of the two editions
(for example table 二 between a 2020 and a 2021 report) are listed as not comparable. Then each
part of the narrative with its similarity to the old one (character bigrams, numbers and
punctuation set aside; see docs/rules.md, copied-narrative) and its paragraphs aligned: pairs
with their similarity, paragraphs dropped and added. Warns first when the reports are of
different agencies or editions, or not of consecutive years.

Examples:
  govreport diff data/2023.json data/2024.json
  govreport diff data/2020.json data/2021.json --format json)");
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_diff(*opts, ctx); });
}

}  // namespace govreport::cli
