// govreport build FILE...: the published report, written only from data without errors.

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

#include "cli/commands.hpp"
#include "cli/modules.hpp"
#include "cli/parallel.hpp"
#include "cli/pdf.hpp"
#include "govreport/render.hpp"

namespace govreport::cli {
namespace {

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string format;
  std::string output;
  std::string out_dir;
  bool force = false;
  bool keep_going = false;
  bool charts = false;
  unsigned jobs = 0;
};

// An output format of build: the core's formats, and pdf, which prints the HTML page with
// Chromium.
struct OutputFormat {
  std::string_view name;
  std::string_view extension;
  bool binary = false;  // not written to a terminal
  bool charts = false;  // takes --charts
  std::function<std::string(const Report&, const BuildOptions&, const Context&)> render;
};

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> all = [] {
    std::vector<OutputFormat> out;
    for (const Format& f : formats()) {
      OutputFormat o{f.name, f.extension, f.binary, f.name == "html", {}};
      if (o.charts) {
        o.render = [](const Report& report, const BuildOptions& opts, const Context&) {
          return render_html(report, HtmlOptions{.charts = opts.charts});
        };
      } else {
        o.render = [render = f.render](const Report& report, const BuildOptions&, const Context&) {
          try {
            return render(report);
          } catch (const std::exception& e) {  // an archive could not be made (a cell too long)
            throw Failure(e.what());
          }
        };
      }
      out.push_back(std::move(o));
    }
    out.push_back({kPdfName, kPdfExtension, true, true,
                   [](const Report& report, const BuildOptions& opts, const Context& ctx) {
                     return print_pdf(render_html(report, HtmlOptions{.charts = opts.charts}), ctx);
                   }});
    return out;
  }();
  return all;
}

const OutputFormat& choose_format(const BuildOptions& opts, const Context& ctx) {
  const std::vector<OutputFormat>& all = output_formats();
  auto by_name = [&](std::string_view name) -> const OutputFormat& {
    return *std::find_if(all.begin(), all.end(),
                         [&](const OutputFormat& f) { return f.name == name; });
  };
  if (!opts.format.empty()) return by_name(opts.format);
  if (!opts.output.empty() && opts.output != "-") {
    for (const OutputFormat& f : all)
      if (opts.output.size() > f.extension.size() && opts.output.ends_with(f.extension)) return f;
    throw Failure(fmt::format("{}: {}", opts.output,
                              ctx.tr("无法从扩展名判断输出格式，请用 -f 指定",
                                     "cannot tell the format from the extension; use -f")));
  }
  return by_name("text");
}

int run_build(const BuildOptions& opts, const Context& ctx) {
  refuse_repeated_stdin(opts.inputs, ctx);
  if (opts.inputs.size() > 1 && opts.out_dir.empty())
    throw Failure(ctx.tr("多个输入文件需要用 --out-dir DIR 指定输出目录",
                         "several input files need --out-dir DIR"));
  const OutputFormat& format = choose_format(opts, ctx);
  if (opts.charts && !format.charts)
    throw Failure(ctx.tr("--charts 只用于 html 和 pdf 格式",
                         "--charts applies to the html and pdf formats only"));
  const bool to_stdout = opts.out_dir.empty() && (opts.output.empty() || opts.output == "-");
  if (to_stdout && format.binary && ::isatty(STDOUT_FILENO))
    throw Failure(ctx.tr(
        fmt::format("{} 是二进制格式，不输出到终端：请用 -o 指定文件", format.name),
        fmt::format("{} is binary and not written to a terminal: use -o FILE", format.name)));
  if (written_by_writer(format.name)) writer(ctx);
  auto render = [&](const Report& report) { return format.render(report, opts, ctx); };

  // Where each input goes, decided before anything is read.
  OutputPlan plan(opts.output, opts.out_dir, std::string(format.extension));
  std::vector<std::string> paths;
  for (const std::string& input : opts.inputs)
    paths.push_back(plan.path_for(
        input, {"两个输入会写到同一个输出文件", "two inputs would be written to the same file"},
        ctx));
  const unsigned jobs = worker_count(opts.jobs, opts.inputs.size());
  const InputFiles inputs(opts.inputs);
  // The output is checked, and its folder made, before the long work.
  std::optional<OutputTarget> target;
  if (opts.out_dir.empty()) target.emplace(opts.output == "-" ? "" : opts.output, inputs, ctx);
  std::optional<OutputDirectory> out_dir;
  if (!opts.out_dir.empty()) out_dir.emplace(opts.out_dir, ctx);

  // Pass 1: everything is read and checked before anything is written, so that data with errors
  // gives no output at all. Only the verdicts are kept (and the report, for a single input).
  struct Checked {
    std::vector<Diagnostic> diagnostics;
    std::optional<Report> report;
    bool usable = false;
    std::string failure;
  };
  bool errors = false;
  std::optional<Report> single;
  std::vector<bool> usable(opts.inputs.size(), false);
  // With --keep-going: the inputs left out, and why.
  std::vector<std::pair<std::string, std::string>> skipped;
  bool unreadable = false;
  {
    Progress progress(opts.inputs.size(), ctx.tr("已检查", "checked"), ctx);
    for_each_ordered<Checked>(
        opts.inputs.size(), jobs,
        [&](std::size_t i) {
          Checked c;
          try {
            Analysis a = analyze(opts.inputs[i], ctx);
            if (a.json_schema)
              throw Failure(fmt::format(
                  "{}: {}", opts.inputs[i],
                  ctx.tr("是 JSON Schema，不是报告数据", "is a JSON Schema, not report data")));
            c.diagnostics = std::move(a.diagnostics);
            c.usable = a.report.has_value();
            if (opts.inputs.size() == 1) c.report = std::move(a.report);
          } catch (const Failure& e) {
            c.failure = e.what();
          }
          return c;
        },
        [&](std::size_t i, Checked&& c) {
          progress.update(i + 1);
          if (!c.failure.empty() && !opts.keep_going) throw Failure(c.failure);
          if (!c.diagnostics.empty() || !c.failure.empty()) progress.clear();
          if (!c.failure.empty()) {
            fmt::print(stderr, "govreport: {}\n", c.failure);
            unreadable = errors = true;
            skipped.emplace_back(opts.inputs[i], ctx.tr("无法读取", "unreadable"));
            return;
          }
          print_diagnostics(c.diagnostics, ctx);
          const std::size_t n = count(c.diagnostics, Severity::Error);
          const bool bad = !c.usable || n > 0;
          errors = errors || bad;
          usable[i] = c.usable && !(bad && opts.keep_going);
          if (bad && opts.keep_going)
            skipped.emplace_back(
                opts.inputs[i],
                c.usable ? ctx.tr(fmt::format("{} 个错误", n),
                                  fmt::format("{} error{}", n, n == 1 ? "" : "s"))
                         : ctx.tr("无法读取为年度报告数据", "cannot be read as report data"));
          if (c.report) single = std::move(c.report);
        });
    progress.clear();
  }
  if (errors && !opts.force && !opts.keep_going) {
    fmt::print(stderr, "govreport: {}\n",
               ctx.tr("数据有错误，未生成报告（改正后重试，或用 --force 强制生成）",
                      "the data has errors; nothing was written (fix them, or use --force)"));
    return 1;
  }

  // Pass 2: each input is loaded again, rendered and written to a temporary file beside its
  // output, one at a time per worker, so memory stays flat however many inputs there are. Only
  // when every output is ready are they put in place: all of them or none.
  struct Built {
    std::optional<PendingOutput> output;
    std::string failure;
  };
  std::vector<PendingOutput> outputs;
  Progress progress(opts.inputs.size(), ctx.tr("已生成", "built"), ctx);
  for_each_ordered<Built>(
      opts.inputs.size(), opts.inputs.size() == 1 ? 1 : jobs,
      [&](std::size_t i) {
        Built b;
        if (!usable[i]) return b;  // unusable even with --force; already reported
        try {
          std::optional<Report> report = std::move(single);
          if (!report) report = analyze(opts.inputs[i], ctx).report;
          const std::string content = render(*report);
          b.output.emplace(paths[i].empty() ? "-" : paths[i], content, inputs, ctx);
        } catch (const Failure& e) {
          b.failure = e.what();
        }
        return b;
      },
      [&](std::size_t i, Built&& b) {
        progress.update(i + 1);
        if (!b.failure.empty()) throw Failure(b.failure);
        if (b.output) outputs.push_back(std::move(*b.output));
      });
  progress.clear();
  for (PendingOutput& output : outputs) {
    output.commit(ctx);
    if (output.path() != "-" && !ctx.quiet)
      fmt::print(
          stderr, "{}\n",
          ctx.tr(fmt::format("已写入 {}", output.path()), fmt::format("wrote {}", output.path())));
  }
  if (!outputs.empty()) {
    if (out_dir) out_dir->keep();
    if (target) target->keep();
  }
  if (!skipped.empty()) {
    fmt::print(stderr, "govreport: {}\n",
               ctx.tr(fmt::format("跳过了 {} 个输入（有错误或无法读取），未生成：", skipped.size()),
                      fmt::format("skipped {} input{} (errors, or unreadable); not built:",
                                  skipped.size(), skipped.size() == 1 ? "" : "s")));
    for (const auto& [input, why] : skipped)
      fmt::print(stderr, "  {}{}\n", input, ctx.tr("（" + why + "）", " (" + why + ")"));
  }
  return unreadable ? 2 : errors ? 1 : 0;
}

}  // namespace

void setup_build(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<BuildOptions>();
  std::vector<std::string> names;
  for (const OutputFormat& f : output_formats()) names.emplace_back(f.name);
  sub.add_option("FILE", opts->inputs,
                 ctx.tr("数据文件，或已发布的年报和工作簿（.pdf .html .txt .md .docx .xlsx "
                        ".xls）；'-' 读标准输入",
                        "Data files, or published reports and workbooks (.pdf .html .txt .md "
                        ".docx .xlsx .xls); '-' reads standard input"))
      ->required();
  sub.add_option("-f,--format", opts->format,
                 ctx.tr("输出格式；默认按 -o 的扩展名，否则为 text",
                        "Output format; default: from the -o extension, else text"))
      ->check(CLI::IsMember(names));
  auto* output = sub.add_option("-o,--output", opts->output,
                                ctx.tr("写入此文件（.txt .md .json .html .docx .xlsx .pdf），"
                                       "而不是标准输出",
                                       "Write to this file (.txt .md .json .html .docx .xlsx "
                                       ".pdf) instead of standard output"))
                     ->check(non_empty_name(ctx));
  sub.add_option(
         "--out-dir", opts->out_dir,
         ctx.tr("每个输入在此目录写一个输出", "Write one output per input into this directory"))
      ->check(non_empty_name(ctx, true))
      ->excludes(output);
  auto* force = sub.add_flag("--force", opts->force,
                             ctx.tr("数据有错误时也生成（退出状态仍为 1）",
                                    "Build even when the data has errors (exit status stays 1)"));
  sub.add_flag("--keep-going", opts->keep_going,
               ctx.tr("生成每个没有错误的输入，列出其余的并以 1 退出（有输入无法读取时为 2）",
                      "Build every input without errors, list the others and exit 1 (2 if one "
                      "could not be read)"))
      ->excludes(force);
  sub.add_option("-j,--jobs", opts->jobs,
                 ctx.tr("使用 --out-dir 时同时生成的输入数（默认：CPU 核数）",
                        "Inputs built at once with --out-dir (default: the number of cores)"))
      ->check(CLI::Range(1u, 1024u));
  sub.add_flag("--charts", opts->charts,
               ctx.tr("html、pdf：在表三之后加一张办理结果的条形图",
                      "html, pdf: add a bar chart of the 办理结果 breakdown after table 三"));
  sub.footer(ctx.tr(R"(
先检查数据，所有输入都检查完才写任何输出。数据有错误时，打印错误且不写任何文件，除非加
--force。每个输出要么完整写出，要么不写（先写临时文件再改名）；使用 --out-dir 时，所有输出
要么全部写出，要么一个不写。只写普通文件（-o - 为标准输出）；绝不覆盖输入文件。'-' 读标准
输入，只读一次。使用 --out-dir 时，在所有核上检查和生成（-j），在终端上显示进度。-o 的目录
与 --out-dir 一样，缺少时在开始工作前创建。

使用 --keep-going 时，生成每个没有错误的输入，其余的列为跳过：退出状态为 1；有输入根本
无法读取时为 2。

示例：
  govreport build data/2020.json                 以文本形式输出到标准输出
  govreport build data/2020.json -o report.md    Markdown，格式取自扩展名
  govreport build data/2020.json -o report.html  网页；也可 .docx（Word）和 .pdf（需要 chromium）
  govreport build data/2020.json -o 2020.xlsx    带本年数字的待填工作簿
  govreport build 2025.xlsx -o report.docx       把填好的工作簿生成为公开文本
  govreport build 年报.docx -o 年报.pdf          把 Word 写成的年报打印为 PDF
  govreport build data/*.json -f json --out-dir out/
  govreport build reports/*.json -f html --out-dir site/ --keep-going)",
                    R"(
The data is checked first, every input before any output. When it has errors, they are printed
and nothing is written, unless --force. Each output is written whole or not at all (temporary
file, then rename), and with --out-dir all outputs are written or none. Only regular files are
written (-o - is standard output); an input file is never overwritten. '-' reads standard input,
once. With --out-dir, inputs are checked and built on all cores (-j), and progress shows on a
terminal. The folder of -o, like --out-dir, is made when it is missing, before any work starts.

With --keep-going, every input without errors is built and the others are listed as skipped:
exit 1, or 2 when an input could not be read at all.

Examples:
  govreport build data/2020.json                 the report as text, on standard output
  govreport build data/2020.json -o report.md    Markdown, format from the extension
  govreport build data/2020.json -o report.html  the web page; also .docx (Word) and .pdf (needs chromium)
  govreport build data/2020.json -o 2020.xlsx    the workbook to fill in, with this year's numbers
  govreport build 2025.xlsx -o report.docx       a filled-in workbook, published
  govreport build 年报.docx -o 年报.pdf          a report written in Word, printed as PDF
  govreport build data/*.json -f json --out-dir out/
  govreport build reports/*.json -f html --out-dir site/ --keep-going)"));
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_build(*opts, ctx); });
}

}  // namespace govreport::cli
