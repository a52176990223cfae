// govreport sum FILE...: the cell-wise sum of reports of one year (regional statistics), or with
// --check, every cell where a summary report differs from that sum.

#include <fmt/format.h>

#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "govreport/render.hpp"
#include "govreport/rollup.hpp"

namespace govreport::cli {
namespace {

struct SumOptions {
  std::vector<std::string> inputs;
  std::string agency = "汇总";
  std::string output;
  std::string summary;
};

int run_sum(const SumOptions& opts, const Context& ctx) {
  std::vector<std::string> all = opts.inputs;
  if (!opts.summary.empty()) all.push_back(opts.summary);
  refuse_repeated_stdin(all, ctx);
  // The summary itself, however it is spelled, is no member.
  const InputFiles summary_file(std::vector<std::string>{opts.summary});
  std::vector<std::string> members;
  for (const InputPath& p : expand_paths(opts.inputs, ctx)) {
    if (!p.failure.empty()) throw Failure(p.failure);
    if (p.path != opts.summary && (opts.summary.empty() || !summary_file.contains(p.path)))
      members.push_back(p.path);
  }
  if (members.empty()) throw Failure(ctx.tr("没有要汇总的成员报告", "no member reports to add up"));
  // The output is checked, and its folder made, before the long work.
  std::optional<OutputTarget> target;
  if (opts.summary.empty() && opts.output != "-") target.emplace(opts.output, members, ctx);
  Summer summer;
  std::vector<std::string> with_errors;
  for (const std::string& file : members) {
    Analysis a = analyze(file, ctx);
    if (a.json_schema) continue;  // the schema beside the data files
    if (!a.report) a = analyze_or_fail(file, ctx, {"，未汇总", "; nothing added up"});
    if (a.has_errors()) with_errors.push_back(file);
    if (auto refused = summer.add(*a.report, file)) throw Failure(refused->in(ctx.lang));
  }
  if (summer.size() == 0)
    throw Failure(ctx.tr("没有要汇总的成员报告", "no member reports to add up"));
  if (!ctx.quiet) {
    if (!with_errors.empty())
      fmt::print(stderr, "{}{}\n",
                 ctx.tr("注意：以下成员报告有错误（用 govreport check 查看）：",
                        "note: these members have errors (see govreport check): "),
                 fmt::join(with_errors, ", "));
    for (const auto& [file, n] : summer.blanks())
      fmt::print(stderr, "{}\n",
                 ctx.tr(fmt::format("注意：{} 有 {} 个空白单元格，合计中相应单元格为空白", file, n),
                        fmt::format("note: {} has {} blank cells; those sums are blank", file, n)));
  }
  const Report sum = summer.result(opts.agency);
  if (!opts.summary.empty()) {
    Analysis s = analyze_or_fail(opts.summary, ctx);
    if (s.report->year != sum.year || s.report->edition != sum.edition)
      throw Failure(fmt::format(
          "{}: {}", opts.summary,
          ctx.tr(
              fmt::format("汇总报告是 {} 年的，成员报告是 {} 年的", s.report->year, sum.year),
              fmt::format("the summary is for {}, the members for {}", s.report->year, sum.year))));
    const std::vector<Diagnostic> found = check_rollup(*s.report, opts.summary, sum, summer.size());
    print_out(diagnostics_text(found, ctx), ctx);
    if (!ctx.quiet)
      fmt::print(stderr, "{}\n",
                 ctx.tr(fmt::format("{} 与 {} 个成员报告之和：{} 处不一致", opts.summary,
                                    summer.size(), found.size()),
                        fmt::format("{} against the sum of {} members: {} cells differ",
                                    opts.summary, summer.size(), found.size())));
    return found.empty() ? 0 : 1;
  }
  const std::string json = write_data_file(sum);
  if (opts.output.empty() || opts.output == "-") {
    print_out(json, ctx);
  } else {
    write_output(opts.output, json, members, ctx);
    target->keep();
    if (!ctx.quiet)
      fmt::print(
          stderr, "{}\n",
          ctx.tr(fmt::format("已写入 {}（{} 个成员报告之和）", opts.output, summer.size()),
                 fmt::format("wrote {} (the sum of {} members)", opts.output, summer.size())));
  }
  return 0;
}

}  // namespace

void setup_sum(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<SumOptions>();
  sub.add_option("FILE", opts->inputs,
                 ctx.tr("下级报告：文件或目录（递归查找 *.json）",
                        "Member reports: files or directories (*.json, recursively)"))
      ->required();
  sub.add_option(
      "--agency", opts->agency,
      ctx.tr("汇总报告的机关名称（默认：汇总）", "Agency name of the sum (default: 汇总)"));
  auto* out = sub.add_option("-o,--output", opts->output,
                             ctx.tr("把汇总写入此文件，而不是标准输出",
                                    "Write the sum to this file instead of standard output"))
                  ->check(non_empty_name(ctx));
  sub.add_option("--check", opts->summary,
                 ctx.tr("改为核对这份汇总报告与下级报告之和是否一致",
                        "Compare this summary report with the sum of the members instead"))
      ->check(non_empty_name(ctx))
      ->excludes(out);
  sub.footer(ctx.tr(R"(
汇总是同一年度、同一版式的数据文件：每个表格单元格是各下级报告该单元格之和（"/" 不计；任何
一份下级报告为空白时该格之和为空白，并列出有空白单元格的下级报告）。不同年度或版式的报告
不予加总。同一下级报告经不同路径（另一种写法、符号链接）到达时只计一次。
使用 --check 时，汇总与之不符的每个单元格是一个 rollup 问题；有则以 1 退出。汇总本身从不
算作它的下级报告，所以可以放在它们的目录中。

示例：
  govreport sum region/2024/*.json --agency 某某市 -o region-2024.json
  govreport sum --check region-2024.json region/2024/)",
                    R"(
The sum is a data file of the same year and edition: every table cell is the sum of the
members' cells ("/" counts as nothing; a blank in any member leaves that sum blank, and the
members with blank cells are listed). Reports of different years or editions are refused.
A member reached twice (another spelling, a symbolic link) counts once.
With --check, each cell where the summary differs is a rollup finding; exit 1 if any. The
summary is never counted as one of its members, so it may sit in their directory.

Examples:
  govreport sum region/2024/*.json --agency 某某市 -o region-2024.json
  govreport sum --check region-2024.json region/2024/)"));
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_sum(*opts, ctx); });
}

}  // namespace govreport::cli
