// govreport check [PATH...]: every consistency rule, every finding at its line and column.

#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"

namespace govreport::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  bool strict = false;
};

int run_check(const CheckOptions& opts, const Context& ctx) {
  const std::vector<std::string> files = expand_paths(opts.paths.empty() ? std::vector<std::string>{"data"} : opts.paths, ctx);
  std::size_t errors = 0, warnings = 0, unreadable = 0;
  for (const std::string& file : files) {
    Analysis analysis;
    try {
      analysis = analyze(file, ctx);
    } catch (const Failure& e) {
      fmt::print(stderr, "govreport: {}\n", e.what());
      ++unreadable;
      continue;
    }
    print_diagnostics(stdout, analysis.diagnostics, ctx);
    errors += count(analysis.diagnostics, Severity::Error);
    warnings += count(analysis.diagnostics, Severity::Warning);
  }
  std::fflush(stdout);
  if (!ctx.quiet) {
    fmt::print(stderr, "{}\n",
               ctx.tr(fmt::format("检查了 {} 个文件：{} 个错误，{} 个警告", files.size(), errors, warnings),
                      fmt::format("checked {} file{}: {} error{}, {} warning{}", files.size(),
                                  files.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s", warnings,
                                  warnings == 1 ? "" : "s")));
  }
  if (unreadable > 0) return 2;
  return errors > 0 || (opts.strict && warnings > 0) ? 1 : 0;
}

}  // namespace

void setup_check(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<CheckOptions>();
  sub.add_option("PATH", opts->paths,
                 "Data files or directories (searched recursively for *.json); '-' reads standard "
                 "input. Default: data/");
  sub.add_flag("--strict", opts->strict, "Exit 1 on warnings too");
  sub.footer(R"(
Each finding is printed GNU style, 'file:line:col: severity: message [rule-id]', with both
numbers and their difference; 'govreport rules' lists the rule ids. A summary goes to stderr.

Examples:
  govreport check                          every *.json under data/
  govreport check data/2020.json --lang en
  govreport check reports/ --strict)");
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_check(*opts, ctx); });
}

}  // namespace govreport::cli
