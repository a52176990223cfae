// govreport rules: the rule catalogue.

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace govreport::cli {

void setup_rules(CLI::App& sub, Context& ctx, int& exit_code) {
  sub.callback([&ctx, &exit_code] {
    for (const RuleInfo& r : rules()) {
      const bool error = r.severity == Severity::Error;
      fmt::print("{:<18} {:<8} {}\n", r.id,
                 ctx.lang == Lang::En ? (error ? "error" : "warning") : (error ? "错误" : "警告"),
                 ctx.lang == Lang::En ? r.en : r.zh);
    }
    exit_code = 0;
  });
}

}  // namespace govreport::cli
