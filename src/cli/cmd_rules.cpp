// govreport rules: the rule catalogue.

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace govreport::cli {

void setup_rules(CLI::App& sub, Context& ctx, int& exit_code) {
  sub.footer(ctx.tr(R"(
每行一条规则：编号、严重程度（错误使退出状态为 1，警告只在 --strict 时如此）、说明。
检查结果中每个问题末尾的 [规则编号] 即指这里的编号；docs/rules.md 逐条说明并举例。

示例：
  govreport rules
  govreport rules --lang en)",
                    R"(
One rule a line: its id, its severity (an error makes the exit status 1, a warning only with
--strict) and what it checks. The [rule-id] at the end of each finding is one of these ids;
docs/rules.md explains each with an example.

Examples:
  govreport rules
  govreport rules --lang en)"));
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
