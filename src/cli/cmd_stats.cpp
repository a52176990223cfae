// govreport stats [PATH...] -o FILE: the overview for evaluators, one row per report with its
// figures, rates, findings and lateness, and the region's totals, as CSV, .xlsx or HTML.

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <unordered_map>

#include "cli/commands.hpp"
#include "cli/modules.hpp"
#include "cli/parallel.hpp"
#include "govreport/stats.hpp"
#include "govreport/stats_format.hpp"
#include "govreport/years.hpp"

namespace govreport::cli {
namespace {

struct StatsOptions {
  std::vector<std::string> paths;
  std::string output;
  std::string format;
  std::string sort;
  bool descending = false;
  unsigned jobs = 0;
};

struct FileResult {
  std::optional<StatsRow> row;
  std::optional<YearFacts> facts;
  std::string failure;
  bool json_schema = false;
};

// Returns the format named by --format, else by the output's extension, else csv.
std::string format_of(const StatsOptions& opts, const Context& ctx) {
  if (!opts.format.empty()) return opts.format;
  const std::string& out = opts.output;
  for (const char* ext : {"csv", "xlsx", "html"}) {
    const std::string dotted = std::string(".") + ext;
    if (out.size() > dotted.size() && out.ends_with(dotted)) return ext;
  }
  if (out.empty() || out == "-") return "csv";
  throw Failure(fmt::format(
      "{}: {}", out,
      ctx.tr("无法从扩展名判断输出格式（.csv .xlsx .html），请用 --format 指定",
             "the output format cannot be told from the extension (.csv .xlsx .html); give "
             "--format")));
}

FileResult read_one(const std::string& file, const Context& ctx) {
  FileResult r;
  try {
    Analysis a = analyze(file, ctx);
    const std::string name = file == "-" ? "<stdin>" : file;
    r.json_schema = a.json_schema;
    if (a.json_schema) return r;
    if (!a.report) {
      // Why no report could be read: the first error, as check prints it.
      std::string why = ctx.tr("无法读取为年度报告数据", "cannot be read as report data");
      for (const Diagnostic& d : a.diagnostics) {
        if (d.severity != Severity::Error) continue;
        why = diagnostics_text({d}, ctx);
        while (!why.empty() && why.back() == '\n') why.pop_back();
        return FileResult{{}, {}, why, false};
      }
      r.failure = fmt::format("{}: {}", name, why);
      return r;
    }
    r.row = stats_row(*a.report, name, a.diagnostics);
    r.facts = year_facts(*a.report, name);
  } catch (const Failure& e) {
    r.failure = e.what();
  }
  return r;
}

std::string column_list() {
  std::string keys;
  for (const StatsColumn& c : stats_columns())
    keys += std::string(keys.empty() ? "" : ", ") + std::string(c.key);
  return keys;
}

int run_stats(const StatsOptions& opts, const Context& ctx) {
  const std::string format = format_of(opts, ctx);
  if (format == "xlsx" && (opts.output.empty() || opts.output == "-"))
    throw Failure(ctx.tr("xlsx 格式须用 -o 指定输出文件", "the xlsx format needs -o FILE"));
  if (written_by_writer(format)) writer(ctx);
  if (!opts.sort.empty()) {
    std::vector<StatsRow> none;
    if (!sort_stats(none, opts.sort, opts.descending))
      throw Failure(ctx.tr(
          fmt::format("--sort：没有名为 {} 的列（可用：{}，或规则编号）", opts.sort, column_list()),
          fmt::format("--sort: no column {} (columns: {}, or a rule id)", opts.sort,
                      column_list())));
  }
  const std::vector<InputPath> files =
      expand_paths(opts.paths.empty() ? std::vector<std::string>{"data"} : opts.paths, ctx);
  std::vector<std::string> named = opts.paths;
  for (const InputPath& p : files) named.push_back(p.path);
  // The output is checked, and its folder made, before the long work.
  std::optional<OutputTarget> target;
  if (!opts.output.empty() && opts.output != "-") target.emplace(opts.output, named, ctx);

  std::vector<StatsRow> rows;
  std::vector<YearFacts> facts;
  std::vector<StatsFailure> failures;
  Progress progress(files.size(), ctx.tr("已读取", "read"), ctx);
  for_each_ordered<FileResult>(
      files.size(), worker_count(opts.jobs, files.size()),
      [&](std::size_t i) {
        if (!files[i].failure.empty()) return FileResult{{}, {}, files[i].failure, false};
        return read_one(files[i].path, ctx);
      },
      [&](std::size_t i, FileResult&& r) {
        progress.update(i + 1);
        const std::string name = files[i].path == "-" ? "<stdin>" : files[i].path;
        if (!r.failure.empty()) {
          progress.clear();
          fmt::print(stderr, "govreport: {}\n", r.failure);
          failures.push_back({name, r.failure});
          return;
        }
        if (r.json_schema) return;  // the schema beside a data file: no report
        rows.push_back(std::move(*r.row));
        facts.push_back(std::move(*r.facts));
      });
  progress.clear();
  // The findings across years count in the later report's row, as check reports them.
  std::unordered_map<std::string, std::size_t> row_of;
  for (std::size_t i = 0; i < rows.size(); ++i) row_of.emplace(rows[i].file, i);
  for (const Diagnostic& d : pair_years(facts, nullptr).findings)
    if (auto it = row_of.find(d.file); it != row_of.end()) rows[it->second].add_findings({d});
  if (!opts.sort.empty()) sort_stats(rows, opts.sort, opts.descending);

  const StatsTable table = make_stats_table(std::move(rows), std::move(failures));
  std::string bytes;
  try {
    bytes = format == "xlsx"   ? stats_xlsx(table, ctx.lang)
            : format == "html" ? stats_html(table, ctx.lang)
                               : stats_csv(table, ctx.lang);
  } catch (const std::runtime_error& e) {
    throw Failure(fmt::format("{}: {}", opts.output, e.what()));
  }
  if (target) {
    write_output(opts.output, bytes, named, ctx);
    target->keep();
  } else {
    print_out(bytes, ctx);
  }
  if (!ctx.quiet) {
    const std::string where = target ? opts.output : ctx.tr("标准输出", "standard output");
    fmt::print(stderr, "{}\n",
               table.failures.empty()
                   ? ctx.tr(fmt::format("已写入 {}（{} 份报告）", where, table.rows.size()),
                            fmt::format("wrote {} ({} reports)", where, table.rows.size()))
                   : ctx.tr(fmt::format("已写入 {}（{} 份报告；{} 个文件未能读取，未计入）", where,
                                        table.rows.size(), table.failures.size()),
                            fmt::format("wrote {} ({} reports; {} inputs could not be read and "
                                        "are left out)",
                                        where, table.rows.size(), table.failures.size())));
  }
  return table.failures.empty() ? 0 : 1;
}

}  // namespace

void setup_stats(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<StatsOptions>();
  sub.add_option(
      "PATH", opts->paths,
      ctx.tr("数据文件或目录（递归查找 *.json），或已发布的年报和工作簿（.pdf .html .txt "
             ".md .docx .xlsx .xls）。默认：data/",
             "Data files or directories (searched recursively for *.json), or "
             "published reports and workbooks (.pdf .html .txt .md .docx .xlsx .xls). "
             "Default: data/"));
  sub.add_option("-o,--output", opts->output,
                 ctx.tr("把概览写入此文件（缺少的目录会创建）；不给时写到标准输出",
                        "Write the overview to FILE (its folder is made if missing); without it, "
                        "standard output"))
      ->check(non_empty_name(ctx));
  sub.add_option("--format", opts->format,
                 ctx.tr("csv、xlsx 或 html（默认：按 -o 的扩展名，否则 csv）",
                        "csv, xlsx or html (default: from the extension of -o, else csv)"))
      ->check(CLI::IsMember({"csv", "xlsx", "html"}));
  const std::string columns = column_list();
  sub.add_option(
      "--sort", opts->sort,
      ctx.tr(fmt::format("按此列排序：{}，或规则编号（该规则的问题数）；默认按文件", columns),
             fmt::format("Order the rows by this column: {}, or a rule id (its count "
                         "of findings); default: by file",
                         columns)));
  sub.add_flag("--desc", opts->descending, ctx.tr("降序排列", "Sort in descending order"));
  sub.add_option("-j,--jobs", opts->jobs,
                 ctx.tr("同时读取的文件数（默认：CPU 核数）",
                        "Files read at once (default: the number of cores)"))
      ->check(CLI::Range(1u, 1024u));
  sub.footer(ctx.tr(R"(
每份报告一行：文件、机关、年度、类别（部门或政府）、新收申请（三 一、本年新收 总计）、四个比率、
结转下年度（三 四、结转下年度继续办理）、是否逾期发布、按严重程度计的问题数，以及每条有问题的
规则一列（govreport check 的全部规则，以及同一机关相邻年度报告之间的规则）。最后一行是本地区
合计。

比率（理由见 docs/stats.md）：
  disclosure_rate             公开率 =（（一）予以公开 +（二）部分公开）÷ 三（七）总计
  withheld_rate               不予公开率 =（三）不予公开 ÷ 三（七）总计
  review_correction_rate      复议纠错率 = 行政复议 结果纠正 ÷ 行政复议 总计（含尚未审结）
  litigation_correction_rate  诉讼纠错率 = 行政诉讼 结果纠正 ÷ 行政诉讼 总计（两行之和，含尚未审结）
分母为 0 或所需单元格为空白时，比率为空（CSV、xlsx 中留空，HTML 中为"—"），绝不写 0。合计行
把各项数量相加，比率由各项之和重新计算，不是各报告比率的平均。任何一份报告为空白的数量，合计
中也为空白。

逾期：部门在次年 1月31日之后、政府在次年 3月31日之后发布（数据中的 published 日期）。没有
发布日期的为"未知"。合计行中此列是逾期报告的份数。

排序：--sort 列名，升序（加 --desc 降序）；空值总在最后，相等的值保持文件顺序；合计行总在最后。

输出：.csv（带 BOM 的 UTF-8，CRLF 换行，百分数保留两位小数）；.xlsx（数量为数字，比率以百分比
显示，标题行带筛选，另有一张表列出未能读取的文件）；.html（单个自包含页面：内嵌 CSS 和 SVG 条形
图——最近一年各机关的比率、各规则的问题数，多个年度时还有各年度比率；A4 黑白打印可读）。输出要么
完整写出，要么不写，且绝不覆盖输入文件。

退出状态：0 所有输入都已读取；1 有输入无法读取：每个都在标准错误上列出原因（HTML 和 xlsx 中也
列出），其余报告的概览照常写出；2 什么也没写（参数有误、输出无法写入）。

示例：
  govreport stats reports/2024/ -o stats.csv
  govreport stats reports/ -o out/stats.html            多个年度：另有年度趋势
  govreport stats reports/2024/ -o stats.xlsx --sort errors --desc
  govreport stats reports/ --sort disclosure_rate       CSV 写到标准输出)",
                    R"(
One row per report: the file, the agency, the year, the kind (department or government), the
applications received (三 一、本年新收 总计), four rates, the applications carried forward
(三 四、结转下年度继续办理), whether it was published late, its findings by severity, and one
column per rule that has findings (every rule of 'govreport check', and the rules across
years for reports of one agency in consecutive years). The last row holds the region's totals.

Rates (docs/stats.md gives the reasons):
  disclosure_rate             (（一）予以公开 + （二）部分公开) / 三（七）总计
  withheld_rate               （三）不予公开 / 三（七）总计
  review_correction_rate      行政复议 结果纠正 / 行政复议 总计 (尚未审结 included)
  litigation_correction_rate  行政诉讼 结果纠正 / 行政诉讼 总计, both rows (尚未审结 included)
A rate is empty (CSV, xlsx) or "—" (HTML) when its denominator is 0 or a cell it needs is
blank: never 0. The totals row adds up the counts and computes its rates from the sums; it
never averages rates. A count with a blank cell in any report is blank in the totals.

Late: a report published (the "published" date of the data) after 31 January of the next year
for a department, 31 March for a government. Without a published date it is "unknown". In the
totals row the column counts the late reports.

Sorting: --sort COLUMN, ascending (with --desc descending); empty values always come last and
equal values keep the order of the files. The totals row stays last.

Outputs: .csv (UTF-8 with a byte order mark, CRLF, per cent with two decimals), .xlsx (counts
as numbers, rates as per cent, a filter on the heading row, a sheet of the inputs not read),
.html (one self-contained page: inline CSS and SVG bar charts of the rates by agency for the
latest year, of the findings by rule, and of the rates by year when several years are given;
prints on A4 in black and white). The output is written whole or not at all, and never over an
input.

Exit status: 0 every input read; 1 some inputs could not be read: each is named on standard
error with the reason (and listed in the HTML and xlsx outputs), the overview of the others is
written all the same; 2 nothing written (bad arguments, an output that cannot be written).

Examples:
  govreport stats reports/2024/ -o stats.csv
  govreport stats reports/ -o out/stats.html            several years: a trend by year
  govreport stats reports/2024/ -o stats.xlsx --sort errors --desc
  govreport stats reports/ --sort disclosure_rate       CSV on standard output)"));
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_stats(*opts, ctx); });
}

}  // namespace govreport::cli
