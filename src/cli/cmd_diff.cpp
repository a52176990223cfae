// govreport diff OLD NEW: every table cell that changed between two reports.

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "govreport/rollup.hpp"

namespace govreport::cli {
namespace {

struct DiffOptions {
  std::string older, newer;
  std::string format = "text";
};

std::string difference_text(const CellChange& c) {
  if (!c.difference) return "";
  if (c.amount) return (*c.difference > 0 ? "+" : "") + format_amount(*c.difference);
  return (*c.difference > 0 ? "+" : "") + std::to_string(*c.difference);
}

nlohmann::ordered_json change_json(const CellChange& c) {
  nlohmann::ordered_json j = {{"pointer", c.pointer}, {"name", c.name}};
  j["old"] =
      c.old_value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.old_value);
  j["new"] =
      c.new_value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.new_value);
  j["difference"] =
      c.difference ? nlohmann::ordered_json(difference_text(c)) : nlohmann::ordered_json(nullptr);
  j["ratio"] = c.ratio ? nlohmann::ordered_json(std::round(*c.ratio * 10000) / 10000)
                       : nlohmann::ordered_json(nullptr);
  return j;
}

Report load_or_fail(const std::string& path, const Context& ctx) {
  Analysis a = analyze(path, ctx);
  if (!a.report) {
    print_diagnostics(a.diagnostics, ctx);
    throw Failure(fmt::format("{}: {}", path,
                              ctx.tr("无法读取为年度报告数据", "cannot be read as report data")));
  }
  return std::move(*a.report);
}

int run_diff(const DiffOptions& opts, const Context& ctx) {
  refuse_repeated_stdin({opts.older, opts.newer}, ctx);
  const Report older = load_or_fail(opts.older, ctx);
  const Report newer = load_or_fail(opts.newer, ctx);
  const ReportDiff diff = diff_reports(older, newer);
  if (opts.format == "json") {
    nlohmann::ordered_json j = {
        {"old", opts.older}, {"new", opts.newer}, {"compared", diff.compared}};
    for (auto [key, list] : {std::pair{"changed", &diff.changed},
                             {"only_old", &diff.only_old},
                             {"only_new", &diff.only_new}}) {
      j[key] = nlohmann::ordered_json::array();
      for (const CellChange& c : *list) j[key].push_back(change_json(c));
    }
    print_out(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", ctx);
    return 0;
  }
  std::string out;
  out +=
      fmt::format("{}\n", ctx.tr(fmt::format("{} → {}：比较了 {} 个单元格，{} 个有变化", opts.older,
                                             opts.newer, diff.compared, diff.changed.size()),
                                 fmt::format("{} → {}: {} cells compared, {} changed", opts.older,
                                             opts.newer, diff.compared, diff.changed.size())));
  for (const CellChange& c : diff.changed) {
    std::string line = fmt::format("{}: {} → {}", c.name,
                                   c.old_value.empty() ? ctx.tr("空白", "blank") : c.old_value,
                                   c.new_value.empty() ? ctx.tr("空白", "blank") : c.new_value);
    if (c.difference)
      line += fmt::format(" ({}", difference_text(c)) +
              (c.ratio ? fmt::format(", ×{:.2f})", *c.ratio) : ")");
    out += fmt::format("  {}\n", line);
  }
  auto incomparable = [&](const std::vector<CellChange>& list, const Report& r) {
    if (list.empty()) return;
    out += fmt::format(
        "{}\n",
        ctx.tr(fmt::format("不可比（只有 {} 版格式有，{} 个单元格）：", r.edition->id, list.size()),
               fmt::format("not comparable (only in the {} edition, {} cells):", r.edition->id,
                           list.size())));
    for (const CellChange& c : list) out += fmt::format("  {}\n", c.name);
  };
  incomparable(diff.only_old, older);
  incomparable(diff.only_new, newer);
  print_out(out, ctx);
  return 0;
}

}  // namespace

void setup_diff(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<DiffOptions>();
  sub.add_option("OLD", opts->older, "The earlier report (data file)")->required();
  sub.add_option("NEW", opts->newer, "The later report (data file)")->required();
  sub.add_option("--format", opts->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub.footer(R"(
Prints each table cell whose value changed, with the old and new value, the difference and
the ratio new/old. Cells that exist in only one of the two editions (for example table 二
between a 2020 and a 2021 report) are listed as not comparable.

Examples:
  govreport diff data/2023.json data/2024.json
  govreport diff data/2020.json data/2021.json --format json)");
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_diff(*opts, ctx); });
}

}  // namespace govreport::cli
