// govreport build FILE...: the published report, written only from data without errors.

#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "govreport/render.hpp"

namespace govreport::cli {
namespace {
namespace fs = std::filesystem;

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string format;
  std::string output;
  std::string out_dir;
  bool force = false;
};

const Format& choose_format(const BuildOptions& opts, const Context& ctx) {
  if (!opts.format.empty()) return *format_by_name(opts.format);
  if (!opts.output.empty() && opts.output != "-") {
    if (const Format* f = format_for_path(opts.output)) return *f;
    throw Failure(fmt::format("{}: {}", opts.output,
                              ctx.tr("无法从扩展名判断输出格式，请用 -f 指定", "cannot tell the format from the extension; use -f")));
  }
  return *format_by_name("text");
}

int run_build(const BuildOptions& opts, const Context& ctx) {
  if (opts.inputs.size() > 1 && opts.out_dir.empty())
    throw Failure(ctx.tr("多个输入文件需要用 --out-dir DIR 指定输出目录",
                         "several input files need --out-dir DIR"));
  const Format& format = choose_format(opts, ctx);

  // Everything is read and checked before anything is written: no partial output.
  std::vector<Analysis> analyses;
  bool errors = false;
  for (const std::string& input : opts.inputs) {
    Analysis a = analyze(input, ctx);
    print_diagnostics(stderr, a.diagnostics, ctx);
    errors = errors || a.has_errors() || !a.report;
    analyses.push_back(std::move(a));
  }
  if (errors && !opts.force) {
    fmt::print(stderr, "govreport: {}\n",
               ctx.tr("数据有错误，未生成报告（改正后重试，或用 --force 强制生成）",
                      "the data has errors; nothing was written (fix them, or use --force)"));
    return 1;
  }

  std::vector<std::pair<std::string, std::string>> outputs;  // path, content
  std::set<std::string> taken;
  for (std::size_t i = 0; i < analyses.size(); ++i) {
    if (!analyses[i].report) continue;  // unusable even with --force; already reported
    std::string path = opts.output;
    if (!opts.out_dir.empty()) {
      const std::string stem = opts.inputs[i] == "-" ? "stdin" : fs::path(opts.inputs[i]).stem().string();
      path = (fs::path(opts.out_dir) / (stem + std::string(format.extension))).string();
      if (!taken.insert(path).second)
        throw Failure(fmt::format("{}: {}", path, ctx.tr("两个输入会写到同一个输出文件", "two inputs would be written to the same file")));
    }
    outputs.emplace_back(path, format.render(*analyses[i].report));
  }
  if (!opts.out_dir.empty()) {
    std::error_code ec;
    fs::create_directories(opts.out_dir, ec);
    if (ec) throw Failure(fmt::format("{}: {}{}", opts.out_dir, ctx.tr("无法创建目录：", "cannot create directory: "), ec.message()));
  }
  for (const auto& [path, content] : outputs) {
    if (path.empty() || path == "-") {
      fmt::print("{}", content);
      std::fflush(stdout);
      continue;
    }
    write_output(path, content, opts.inputs, ctx);
    if (!ctx.quiet) fmt::print(stderr, "{}\n", ctx.tr(fmt::format("已写入 {}", path), fmt::format("wrote {}", path)));
  }
  return errors ? 1 : 0;
}

}  // namespace

void setup_build(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<BuildOptions>();
  std::vector<std::string> names;
  for (const Format& f : formats()) names.emplace_back(f.name);
  sub.add_option("FILE", opts->inputs, "Data files ('-' reads standard input)")->required();
  sub.add_option("-f,--format", opts->format, "Output format; default: from the -o extension, else text")
      ->check(CLI::IsMember(names));
  auto* output = sub.add_option("-o,--output", opts->output, "Write to this file (.txt .md .json) instead of standard output");
  sub.add_option("--out-dir", opts->out_dir, "Write one output per input into this directory")->excludes(output);
  sub.add_flag("--force", opts->force, "Build even when the data has errors (exit status stays 1)");
  sub.footer(R"(
The data is checked first. When it has errors, they are printed and nothing is written, unless
--force. Outputs are written whole or not at all (temporary file, then rename); an input file
is never overwritten.

Examples:
  govreport build data/2020.json                 the report as text, on standard output
  govreport build data/2020.json -o report.md    Markdown, format from the extension
  govreport build data/*.json -f json --out-dir out/)");
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_build(*opts, ctx); });
}

}  // namespace govreport::cli
