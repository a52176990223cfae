// govreport sum FILE...: the cell-wise sum of reports of one year (regional statistics), or with
// --check, every cell where a summary report differs from that sum. With --register, one sum
// per agency of the region's hierarchy that has agencies below it, added up level by level.

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "govreport/findings_format.hpp"
#include "govreport/region.hpp"
#include "govreport/render.hpp"
#include "govreport/rollup.hpp"

namespace govreport::cli {
namespace {

namespace fs = std::filesystem;

struct SumOptions {
  std::vector<std::string> inputs;
  std::string agency = "汇总";
  std::string output;
  std::string out_dir;
  std::string summary;
  std::string register_file;
  std::string kind;
  std::string format = "text";
  bool force = false;
};

std::optional<AgencyKind> kind_option(const SumOptions& opts) {
  if (opts.kind.empty()) return std::nullopt;
  return opts.kind == "government" ? AgencyKind::Government : AgencyKind::Department;
}

// Says whether `file` is below the folder `dir` (empty: no folder).
bool inside(const std::string& file, const std::string& dir) {
  if (dir.empty()) return false;
  std::error_code ec;
  const fs::path d = fs::weakly_canonical(dir, ec);
  if (ec) return false;
  const fs::path f = fs::weakly_canonical(file, ec);
  if (ec) return false;
  const auto [end, rest] = std::mismatch(d.begin(), d.end(), f.begin(), f.end());
  return end == d.end();
}

// Refuses members with errors unless --force; returns whether to go on.
bool accept_errors(const std::vector<std::string>& with_errors, const SumOptions& opts,
                   const Context& ctx) {
  if (with_errors.empty()) return true;
  if (!opts.force) {
    fmt::print(stderr, "govreport: {}{}\n",
               ctx.tr("以下成员报告有错误，未汇总（用 govreport check 查看；--force 仍然汇总）：",
                      "these members have errors; nothing added up (see govreport check; "
                      "--force adds them up all the same): "),
               fmt::join(with_errors, ", "));
    return false;
  }
  if (!ctx.quiet)
    fmt::print(stderr, "{}{}\n",
               ctx.tr("注意：以下成员报告有错误（用 govreport check 查看）：",
                      "note: these members have errors (see govreport check): "),
               fmt::join(with_errors, ", "));
  return true;
}

// Prints the findings of `sum --check` in the chosen format, and the count on standard error.
int print_rollup_findings(const std::vector<std::pair<std::string, std::vector<Diagnostic>>>& all,
                          const SumOptions& opts, const Context& ctx) {
  auto writer = findings_format(opts.format)->make({ctx.lang, false});
  CheckSummary summary;
  summary.files = all.size();
  print_out(writer->begin(), ctx);
  for (const auto& [file, found] : all) {
    summary.add(file, found);
    print_out(writer->file(file, found), ctx);
  }
  print_out(writer->end(summary), ctx);
  return summary.errors > 0 ? 1 : 0;
}

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
  if (!accept_errors(with_errors, opts, ctx)) return 1;
  if (!ctx.quiet)
    for (const auto& [file, n] : summer.blanks())
      fmt::print(stderr, "{}\n",
                 ctx.tr(fmt::format("注意：{} 有 {} 个空白单元格，合计中相应单元格为空白", file, n),
                        fmt::format("note: {} has {} blank cells; those sums are blank", file, n)));
  Report sum = summer.result(opts.agency);
  if (const auto kind = kind_option(opts)) sum.agency_kind = *kind;
  if (!opts.summary.empty()) {
    Analysis s = analyze_or_fail(opts.summary, ctx);
    if (s.report->year != sum.year || s.report->edition != sum.edition)
      throw Failure(fmt::format(
          "{}: {}", opts.summary,
          ctx.tr(
              fmt::format("汇总报告是 {} 年的，成员报告是 {} 年的", s.report->year, sum.year),
              fmt::format("the summary is for {}, the members for {}", s.report->year, sum.year))));
    const std::vector<Diagnostic> found = check_rollup(*s.report, opts.summary, sum, summer.size());
    const int status = print_rollup_findings({{opts.summary, found}}, opts, ctx);
    if (!ctx.quiet)
      fmt::print(stderr, "{}\n",
                 ctx.tr(fmt::format("{} 与 {} 个成员报告之和：{} 处不一致", opts.summary,
                                    summer.size(), found.size()),
                        fmt::format("{} against the sum of {} members: {} cells differ",
                                    opts.summary, summer.size(), found.size())));
    return status;
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

// sum --register: one sum per agency with agencies below it, level by level.
int run_region(const SumOptions& opts, const Context& ctx) {
  const AgencyRegister agencies = read_register(opts.register_file, ctx);
  if (opts.summary.empty() && opts.out_dir.empty())
    throw Failure(ctx.tr("--register 需要 --out-dir DIR：每个汇总写一个文件 DIR/ID.json",
                         "--register needs --out-dir DIR: each sum is written to DIR/ID.json"));
  std::optional<OutputDirectory> out_dir;
  if (!opts.out_dir.empty()) out_dir.emplace(opts.out_dir, ctx);
  // The sums, written or supplied, are no members, even in the members' folder.
  const std::string& sums_dir = opts.summary.empty() ? opts.out_dir : opts.summary;
  std::vector<std::string> files;
  for (const InputPath& p : expand_paths(opts.inputs, ctx)) {
    if (!p.failure.empty()) throw Failure(p.failure);
    if (!p.named && inside(p.path, sums_dir)) continue;
    files.push_back(p.path);
  }
  std::deque<Report> reports;  // stable addresses
  std::vector<RegionMember> members;
  std::map<std::string, std::string> file_of;  // agency id → file
  std::vector<std::string> with_errors, unknown;
  for (const std::string& file : files) {
    Analysis a = analyze(file, ctx);
    if (a.json_schema) continue;
    if (!a.report) a = analyze_or_fail(file, ctx, {"，未汇总", "; nothing added up"});
    if (a.has_errors()) with_errors.push_back(file);
    const RegisteredAgency* agency = agencies.find(a.report->agency_id, a.report->agency);
    if (agency == nullptr) {
      unknown.push_back(fmt::format("{}（{}）", file, a.report->agency));
      continue;
    }
    if (const auto [it, fresh] = file_of.emplace(agency->id, file); !fresh)
      throw Failure(ctx.tr(fmt::format("{} 与 {} 都是 {}（{}）的报告：每个机关只能有一份",
                                       it->second, file, agency->name, agency->id),
                           fmt::format("{} and {} are both reports of {} ({}): one per agency",
                                       it->second, file, agency->name, agency->id)));
    if (!reports.empty() &&
        (a.report->year != reports.front().year || a.report->edition != reports.front().edition))
      throw Failure(
          ctx.tr(fmt::format("{} 是 {} 年（{} 版格式）的报告，而 {} 是 {} 年（{} 版格式）的："
                             "只能汇总同一年度的报告",
                             file, a.report->year, a.report->edition->id, members.front().file,
                             reports.front().year, reports.front().edition->id),
                 fmt::format("{} is a {} report ({} edition) but {} is {} ({} edition): only "
                             "reports of one year are added up",
                             file, a.report->year, a.report->edition->id, members.front().file,
                             reports.front().year, reports.front().edition->id)));
    reports.push_back(std::move(*a.report));
    members.push_back({agency, file, &reports.back()});
  }
  if (!unknown.empty())
    throw Failure(fmt::format("{}{}",
                              ctx.tr("以下报告的机关不在名册中，无法归入汇总：",
                                     "the agencies of these reports are not in the register: "),
                              fmt::join(unknown, ", ")));
  if (members.empty()) throw Failure(ctx.tr("没有要汇总的成员报告", "no member reports to add up"));
  if (!accept_errors(with_errors, opts, ctx)) return 1;
  RegionRollup region = roll_up(agencies, members, members.front().report->year);
  if (region.refused) throw Failure(region.refused->in(ctx.lang));
  if (!ctx.quiet)
    for (const RegisteredAgency* a : region.missing)
      fmt::print(stderr, "{}\n",
                 ctx.tr(fmt::format("注意：名册中的 {}（{}）没有报告，汇总中不含", a->name, a->id),
                        fmt::format("note: {} ({}) in the register has no report; not added",
                                    a->name, a->id)));
  if (!ctx.quiet)
    for (const RegisteredAgency* a : region.empty)
      fmt::print(
          stderr, "{}\n",
          ctx.tr(fmt::format("注意：{}（{}）及其下级机关都没有报告，没有汇总", a->name, a->id),
                 fmt::format("note: neither {} ({}) nor any agency below it has a report; "
                             "no sum",
                             a->name, a->id)));
  auto path_of = [](const std::string& dir, const RegisteredAgency& node) {
    return (fs::path(dir) / (node.id + ".json")).string();
  };

  if (!opts.summary.empty()) {  // --check DIR: the summaries supplied, against their members
    std::vector<std::pair<std::string, std::vector<Diagnostic>>> found;
    std::size_t differ = 0;
    for (const NodeSum& s : region.sums) {
      const std::string path = path_of(opts.summary, *s.node);
      if (!fs::exists(path)) {
        if (!ctx.quiet)
          fmt::print(stderr, "{}\n",
                     ctx.tr(fmt::format("注意：没有 {}（{}）的汇总 {}，未核对", s.node->name,
                                        s.node->id, path),
                            fmt::format("note: no sum of {} ({}) at {}; not checked", s.node->name,
                                        s.node->id, path)));
        continue;
      }
      Analysis a = analyze_or_fail(path, ctx);
      if (a.report->year != s.sum.year || a.report->edition != s.sum.edition)
        throw Failure(fmt::format("{}: {}", path,
                                  ctx.tr(fmt::format("汇总报告是 {} 年的，成员报告是 {} 年的",
                                                     a.report->year, s.sum.year),
                                         fmt::format("the summary is for {}, the members for {}",
                                                     a.report->year, s.sum.year))));
      found.emplace_back(path, check_rollup(*a.report, path, s.sum, s.reports));
      differ += found.back().second.size();
    }
    const int status = print_rollup_findings(found, opts, ctx);
    if (!ctx.quiet)
      fmt::print(stderr, "{}\n",
                 ctx.tr(fmt::format("核对了 {} 个汇总：{} 处不一致", found.size(), differ),
                        fmt::format("checked {} sums: {} cells differ", found.size(), differ)));
    return status;
  }

  std::vector<PendingOutput> pending;
  pending.reserve(region.sums.size());
  for (NodeSum& s : region.sums) {
    s.sum.agency = s.node->name + "（汇总）";
    s.sum.agency_kind = kind_option(opts).value_or(s.node->kind);
    pending.emplace_back(path_of(opts.out_dir, *s.node), write_data_file(s.sum), files, ctx);
  }
  for (std::size_t i = 0; i < pending.size(); ++i) {
    pending[i].commit(ctx);
    const NodeSum& s = region.sums[i];
    if (!ctx.quiet)
      fmt::print(stderr, "{}\n",
                 ctx.tr(fmt::format("已写入 {}（{}：{} 份报告，逐级汇总）", pending[i].path(),
                                    s.node->name, s.reports),
                        fmt::format("wrote {} ({}: {} report{}, added up level by level)",
                                    pending[i].path(), s.node->name, s.reports,
                                    s.reports == 1 ? "" : "s")));
  }
  if (!pending.empty()) out_dir->keep();
  return 0;
}

}  // namespace

void setup_sum(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<SumOptions>();
  std::vector<std::string> names;
  for (const FindingsFormat& f : findings_formats()) names.emplace_back(f.name);
  sub.add_option("FILE", opts->inputs,
                 ctx.tr("下级报告：文件或目录（递归查找 *.json）",
                        "Member reports: files or directories (*.json, recursively)"))
      ->required();
  auto* agency = sub.add_option(
      "--agency", opts->agency,
      ctx.tr("汇总报告的机关名称（默认：汇总）", "Agency name of the sum (default: 汇总)"));
  auto* out = sub.add_option("-o,--output", opts->output,
                             ctx.tr("把汇总写入此文件，而不是标准输出",
                                    "Write the sum to this file instead of standard output"))
                  ->check(non_empty_name(ctx));
  auto* check =
      sub.add_option("--check", opts->summary,
                     ctx.tr("改为核对这份汇总报告与下级报告之和是否一致（与 --register 同用时："
                            "各汇总所在的目录，编号.json）",
                            "Compare this summary report with the sum of the members instead "
                            "(with --register: the folder of the sums, ID.json)"))
          ->check(non_empty_name(ctx))
          ->excludes(out);
  auto* reg = sub.add_option("--register", opts->register_file,
                             ctx.tr("本地区机关名录：每个有下级的机关一份汇总，逐级加总",
                                    "The register of the region's agencies: one sum per agency "
                                    "with agencies below it, added up level by level"))
                  ->check(non_empty_name(ctx))
                  ->excludes(out)
                  ->excludes(agency);
  sub.add_option("--out-dir", opts->out_dir,
                 ctx.tr("与 --register 同用：把各汇总写到这里，名为 编号.json",
                        "With --register: write the sums here, as ID.json"))
      ->check(non_empty_name(ctx, true))
      ->needs(reg)
      ->excludes(check);
  sub.add_option("--kind", opts->kind,
                 ctx.tr("汇总的机关类型：department 或 government（默认 department；与 "
                        "--register 同用时取名录中该机关的类型）",
                        "Kind of the sum: department or government (default: department; with "
                        "--register, the agency's kind)"))
      ->check(CLI::IsMember({"department", "government"}));
  sub.add_option("--format", opts->format,
                 ctx.tr("--check 的问题输出格式：text（默认）、json、sarif、github、junit",
                        "How --check prints its findings: text (default), json, sarif, github, "
                        "junit"))
      ->check(CLI::IsMember(names));
  sub.add_flag("--force", opts->force,
               ctx.tr("有错误的下级报告也加总", "Add up members that have errors too"));
  sub.footer(ctx.tr(R"(
汇总是同一年度、同一版式的数据文件：每个表格单元格是各下级报告该单元格之和（"/" 不计；任何
一份下级报告为空白时该格之和为空白，并列出有空白单元格的下级报告）。不同年度或版式的报告
不予加总，有错误的下级报告也不予加总，除非加 --force。同一下级报告经不同路径（另一种写法、
符号链接）到达时只计一次。
使用 --check 时，汇总与之不符的每个单元格是一个 rollup 问题；有则以 1 退出。汇总本身从不
算作它的下级报告，所以可以放在它们的目录中。

使用 --register 时，每份报告归到名录中它的机关（按 agency_id，否则按名称或曾用名），每个
有下级的机关得到一份汇总"名称（汇总）"：它自己的报告，加上每个直接下级的汇总或报告。
--check 目录 则把 目录/编号.json 与每份汇总核对。

示例：
  govreport sum region/2024/*.json --agency 某某市 -o region-2024.json
  govreport sum --check region-2024.json region/2024/
  govreport sum --register agencies.json reports/2024/ --out-dir sums/2024/
  govreport sum --register agencies.json --check sums/2024/ reports/2024/)",
                    R"(
The sum is a data file of the same year and edition: every table cell is the sum of the
members' cells ("/" counts as nothing; a blank in any member leaves that sum blank, and the
members with blank cells are listed). Reports of different years or editions are refused, and
so are members with errors, unless --force. A member reached twice (another spelling, a
symbolic link) counts once.
With --check, each cell where the summary differs is a rollup finding; exit 1 if any. The
summary is never counted as one of its members, so it may sit in their directory.

With --register, each report is placed at its agency of the register (by agency_id, else by its
name or a former name), and each agency with agencies below it gets a sum, "NAME（汇总）": its
own report plus, for each agency directly below, that agency's sum or report. --check DIR then
compares DIR/ID.json with each sum.

Examples:
  govreport sum region/2024/*.json --agency 某某市 -o region-2024.json
  govreport sum --check region-2024.json region/2024/
  govreport sum --register agencies.json reports/2024/ --out-dir sums/2024/
  govreport sum --register agencies.json --check sums/2024/ reports/2024/)"));
  sub.callback([opts, &ctx, &exit_code] {
    exit_code = opts->register_file.empty() ? run_sum(*opts, ctx) : run_region(*opts, ctx);
  });
}

}  // namespace govreport::cli
