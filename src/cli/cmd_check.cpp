// govreport check [PATH...]: every consistency rule, every finding at its line and column, over
// any number of files on all cores, in a stable order.

#include <fmt/format.h>

#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/parallel.hpp"
#include "govreport/findings_format.hpp"
#include "govreport/years.hpp"

namespace govreport::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  bool strict = false;
  unsigned jobs = 0;
  std::string register_file;
};

struct FileResult {
  std::vector<Diagnostic> diagnostics;
  std::optional<YearFacts> facts;
  std::string failure;  // why the file could not be read
  bool json_schema = false;
};

FileResult check_one(const std::string& file, const Context& ctx) {
  FileResult r;
  try {
    Analysis a = analyze(file, ctx);
    r.json_schema = a.json_schema;
    r.diagnostics = std::move(a.diagnostics);
    if (a.report) r.facts = year_facts(*a.report, file == "-" ? "<stdin>" : file);
  } catch (const Failure& e) {
    r.failure = e.what();
  }
  return r;
}

int run_check(const CheckOptions& opts, const Context& ctx) {
  std::optional<AgencyRegister> agencies;
  if (!opts.register_file.empty()) agencies.emplace(read_register(opts.register_file, ctx));
  const std::vector<InputPath> files =
      expand_paths(opts.paths.empty() ? std::vector<std::string>{"data"} : opts.paths, ctx);
  auto writer = findings_format(opts.format)->make({ctx.lang, opts.strict});
  CheckSummary summary;
  summary.files = files.size();
  std::vector<YearFacts> facts;
  auto emit = [&](std::string_view name, const std::vector<Diagnostic>& found) {
    summary.add(name, found);
    print_out(writer->file(name, found), ctx);
  };

  // An unreadable input is reported in every format, and the rest are checked all the same.
  print_out(writer->begin(), ctx);
  Progress progress(files.size(), ctx.tr("已检查", "checked"), ctx);
  for_each_ordered<FileResult>(
      files.size(), worker_count(opts.jobs, files.size()),
      [&](std::size_t i) {
        if (!files[i].failure.empty()) return FileResult{{}, {}, files[i].failure, false};
        return check_one(files[i].path, ctx);
      },
      [&](std::size_t i, FileResult&& r) {
        progress.update(i + 1);
        const std::string name = files[i].path == "-" ? "<stdin>" : files[i].path;
        if (!r.failure.empty()) {
          progress.clear();
          fmt::print(stderr, "govreport: {}\n", r.failure);
          ++summary.unreadable;
          print_out(writer->unreadable(name, r.failure), ctx);
          return;
        }
        if (r.json_schema) {  // the schema beside a data file: no report, not counted
          --summary.files;
          if (files[i].named && !ctx.quiet) {
            progress.clear();
            fmt::print(
                stderr, "{}\n",
                ctx.tr(fmt::format("注意：{} 是 JSON Schema，不是报告数据，已跳过", name),
                       fmt::format("note: {} is a JSON Schema, not report data; skipped", name)));
          }
          return;
        }
        if (!r.diagnostics.empty()) progress.clear();
        emit(name, r.diagnostics);
        if (r.facts) facts.push_back(std::move(*r.facts));
      });
  progress.clear();
  // Consecutive years of one agency: findings point into the later file, after the per-file ones.
  YearPairing pairing = pair_years(facts, agencies ? &*agencies : nullptr);
  summary.year_pairs = std::move(pairing.pairs);
  summary.unpaired = std::move(pairing.unpaired);
  std::vector<Diagnostic>& across = pairing.findings;
  for (std::size_t i = 0; i < across.size();) {
    std::size_t j = i;
    std::vector<Diagnostic> group;
    while (j < across.size() && across[j].file == across[i].file)
      group.push_back(std::move(across[j++]));
    emit(group.front().file, group);
    i = j;
  }
  // The agencies of the register without a report, after everything else.
  if (agencies) {
    const std::vector<Diagnostic> missing = missing_reports(facts, *agencies);
    if (!missing.empty()) emit(agencies->file(), missing);
  }
  print_out(writer->end(summary), ctx);
  if (!ctx.quiet) fmt::print(stderr, "{}", format_check_summary(summary, ctx.lang));
  if (summary.unreadable > 0) return 2;
  return summary.errors > 0 || (opts.strict && summary.warnings > 0) ? 1 : 0;
}

}  // namespace

void setup_check(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<CheckOptions>();
  std::vector<std::string> names;
  std::string formats_help;
  for (const FindingsFormat& f : findings_formats()) {
    names.emplace_back(f.name);
    formats_help += fmt::format("\n  {:<8} {}", f.name, ctx.tr(f.description_zh, f.description_en));
  }
  sub.add_option("PATH", opts->paths,
                 ctx.tr("数据文件或目录（递归查找 *.json），或已发布的年报和工作簿（.pdf .html "
                        ".txt .md .docx .xlsx .xls）；'-' 读标准输入。默认：data/",
                        "Data files or directories (searched recursively for *.json), or "
                        "published reports and workbooks (.pdf .html .txt .md .docx .xlsx .xls); "
                        "'-' reads standard input. Default: data/"));
  sub.add_option("--format", opts->format,
                 ctx.tr("问题的输出格式：text（默认）、json、sarif、github、junit",
                        "How findings are printed: text (default), json, sarif, github, junit"))
      ->check(CLI::IsMember(names));
  sub.add_flag("--strict", opts->strict, ctx.tr("有警告也以 1 退出", "Exit 1 on warnings too"));
  sub.add_option("--register", opts->register_file,
                 ctx.tr("本地区机关名录（JSON 或 CSV）：按机关配对跨年度的报告，并找出没有报告的"
                        "机关（missing-report）",
                        "The register of the region's agencies (JSON or CSV): pairs reports "
                        "across years by agency, and finds the agencies without a report "
                        "(missing-report)"))
      ->check(non_empty_name(ctx, false));
  sub.add_option("-j,--jobs", opts->jobs,
                 ctx.tr("同时检查的文件数（默认：CPU 核数）",
                        "Files checked at once (default: the number of cores)"))
      ->check(CLI::Range(1u, 1024u));
  sub.footer(fmt::format(fmt::runtime(ctx.tr(R"(
格式：{}

问题按文件、再按位置输出，与 -j 无关。同一机关相邻年度的报告还互相核对（上年结转、现行有效
件数、事项连续性）；这些问题指向后一年的文件，排在各文件自身的问题之后。报告按 agency_id
配对，否则按名称；使用 --register 时按名录的编号、名称和曾用名配对，名录中的机关在本次检查
的某一年没有报告时给出 missing-report 警告。汇总列出比较过的年度对和无法配对的报告。同一
文件经不同路径（另一种写法、符号链接）到达时只检查一次。汇总写到标准错误；在终端上运行超过
一秒时还显示进度。

退出状态：0 无问题；1 有错误（加 --strict 时警告也算）；2 有输入无法读取（不存在、不是普通
文件、目录中没有 *.json）：各种格式都会报告它，其余文件照常检查。

示例：
  govreport check                          检查 data/ 下的所有 *.json
  govreport check data/2020.json --lang en
  govreport check 年报.docx                用 Word 写成的年报：问题指出表、行、列
  govreport check 2025.xlsx                'init -o 2025.xlsx' 的工作簿填好后：
                                           问题指出单元格（2025.xlsx:表三!D12）
  govreport check reports/ --strict -j 8
  govreport check reports/ --format github GitHub Actions 作业中的注释
  govreport check reports/ --format sarif > findings.sarif)",
                                             R"(
Formats:{}

Findings are printed by file, then position, whatever -j is. Reports of the same agency for
consecutive years are also checked against each other (carry-over, in-force, item-continuity);
those findings point at the later file and follow the per-file ones. Reports are paired by
agency_id, else by name; with --register, by the register's ids, names and former names, and
an agency of the register without a report for a year of the run is a missing-report warning.
The summary lists the year pairs compared and the reports that could not be paired. A file
reached twice (another spelling, a symbolic link) is checked once. A summary goes to stderr,
and progress too when stderr is a terminal and the run takes more than a second.

Exit status: 0 clean, 1 error findings (warnings too with --strict), 2 an input could not be
read (missing, not a regular file, a directory without *.json): it is reported in every format
and the other files are still checked.

Examples:
  govreport check                          every *.json under data/
  govreport check data/2020.json --lang en
  govreport check 年报.docx                a report written in Word: findings name the table,
                                           row and column
  govreport check 2025.xlsx                the workbook of 'init -o 2025.xlsx', filled in:
                                           findings name their cell (2025.xlsx:表三!D12)
  govreport check reports/ --strict -j 8
  govreport check reports/ --format github annotations for a GitHub Actions job
  govreport check reports/ --format sarif > findings.sarif)")),
                         formats_help));
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_check(*opts, ctx); });
}

}  // namespace govreport::cli
