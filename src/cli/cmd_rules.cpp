// govreport rules: the rule catalogue.

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace govreport::cli {

void setup_rules(CLI::App& sub, Context& ctx, int& exit_code) {
  sub.callback([&ctx, &exit_code] {
    std::string out;
    for (const RuleInfo& r : rules()) {
      const bool error = r.severity == Severity::Error;
      out += fmt::format(
          "{:<18} {:<8} {}\n", r.id,
          ctx.lang == Lang::En ? (error ? "error" : "warning") : (error ? "错误" : "警告"),
          ctx.lang == Lang::En ? r.en : r.zh);
    }
    print_out(out, ctx);
    exit_code = 0;
  });
}

}  // namespace govreport::cli
