// govreport init --year YEAR: a blank data file, or workbook to fill in, of the right edition.

#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/modules.hpp"
#include "govreport/render.hpp"
#include "govreport/schema.hpp"
#include "govreport/template.hpp"

namespace govreport::cli {
namespace {
namespace fs = std::filesystem;

struct InitOptions {
  int year = 0;
  std::string agency;
  std::string kind = "department";
  std::string output;
  std::string schema;
  bool force = false;
};

int run_init(const InitOptions& opts, const Context& ctx) {
  auto report =
      make_template(opts.year, opts.agency,
                    opts.kind == "government" ? AgencyKind::Government : AgencyKind::Department);
  if (!report && opts.year > kLastYear)
    throw Failure(ctx.tr(fmt::format("{} 不是四位数的年份", opts.year),
                         fmt::format("{} is not a four-digit year", opts.year)));
  if (!report)
    throw Failure(ctx.tr(
        fmt::format("{} 年早于 2019 年，没有全国统一的年度报告格式", opts.year),
        fmt::format("{} is before 2019: there is no national report format for it", opts.year)));
  const std::string default_schema = schema_file_name(*report->edition);
  report->schema = opts.schema.empty() ? default_schema : opts.schema;
  const Format* format = opts.output.empty() ? nullptr : format_for_path(opts.output);
  if (format != nullptr && format->name == "xlsx") {
    std::error_code ec;
    if (!opts.force && fs::exists(opts.output, ec))
      throw Failure(fmt::format("{}: {}", opts.output,
                                ctx.tr("已存在，未覆盖（用 --force 覆盖）",
                                       "already exists; not overwritten (use --force)")));
    writer(ctx);
    std::string bytes;
    try {
      bytes = format->render(*report);
    } catch (const std::exception& e) {  // the workbook could not be made
      throw Failure(e.what());
    }
    write_output(opts.output, bytes, {}, ctx);
    if (!ctx.quiet)
      fmt::print(stderr, "{}\n",
                 ctx.tr(fmt::format("已写入 {}（{} 版格式的工作簿：未锁定的单元格可填写，总计自动"
                                    "计算；填好后运行 govreport check {}）",
                                    opts.output, report->edition->id, opts.output),
                        fmt::format("wrote {} ({} edition workbook: fill in the unlocked cells, "
                                    "totals add up as you type; then run govreport check {})",
                                    opts.output, report->edition->id, opts.output)));
    return 0;
  }
  const std::string json = write_data_file(*report);
  if (opts.output.empty() || opts.output == "-") {
    print_out(json, ctx);
    return 0;
  }
  if (!opts.force && exists(opts.output))
    throw Failure(fmt::format("{}: {}", opts.output,
                              ctx.tr("已存在，未覆盖（用 --force 覆盖）",
                                     "already exists; not overwritten (use --force)")));
  // The default "$schema" names a file beside the data file: written there unless it exists.
  // Both files are written, or neither.
  OutputTarget target(opts.output, {}, ctx);
  PendingOutput data(opts.output, json, {}, ctx);
  const fs::path schema_path = fs::path(opts.output).parent_path() / default_schema;
  std::optional<PendingOutput> schema;
  if (opts.schema.empty() && !data.is_stdout() && !exists(schema_path.string()))
    schema.emplace(schema_path.string(), json_schema(*report->edition), InputFiles{}, ctx);
  data.commit(ctx);
  target.keep();
  if (schema) {
    schema->commit(ctx);
    if (!ctx.quiet)
      fmt::print(stderr, "{}\n",
                 ctx.tr(fmt::format("已写入 {}（供编辑器补全和提示）", schema_path.string()),
                        fmt::format("wrote {} (for editor completion and hover help)",
                                    schema_path.string())));
  }
  if (!ctx.quiet)
    fmt::print(stderr, "{}\n",
               ctx.tr(fmt::format("已写入 {}（{} 版格式，所有单元格为空白，请填写）", opts.output,
                                  report->edition->id),
                      fmt::format("wrote {} ({} edition, every cell blank: fill them in)",
                                  opts.output, report->edition->id)));
  return 0;
}

}  // namespace

void setup_init(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<InitOptions>();
  sub.add_option("--year", opts->year,
                 ctx.tr("报告年度；决定版式（2019–2020 年：2019 年版，2021 年起：2021 年版）",
                        "Report year; picks the edition (2019–2020: 2019, 2021 on: 2021)"))
      ->required();
  sub.add_option("--agency", opts->agency, ctx.tr("机关名称", "Name of the agency"));
  sub.add_option("--kind", opts->kind,
                 ctx.tr("department（部门，1月31日前发布，默认）或 government（政府，3月31日前）",
                        "department (deadline 1月31日, default) or government (3月31日)"))
      ->check(CLI::IsMember({"department", "government"}));
  sub.add_option("-o,--output", opts->output,
                 ctx.tr("写入此文件，而不是标准输出；文件.xlsx 写出待填写的工作簿（Excel、WPS）",
                        "Write to this file instead of standard output; FILE.xlsx writes the "
                        "workbook to fill in (Excel, WPS)"))
      ->check(non_empty_name(ctx));
  sub.add_option(
      "--schema", opts->schema,
      ctx.tr("\"$schema\" 的值（默认：govreport-版式.schema.json，-o 旁边没有时一并写出）",
             "Value of \"$schema\" (default: govreport-EDITION.schema.json, written "
             "beside -o if absent)"));
  sub.add_flag("--force", opts->force,
               ctx.tr("输出文件已存在时覆盖它", "Overwrite the output file if it exists"));
  sub.footer(ctx.tr(R"(
模板的每个单元格都是 null（空白）：'govreport check' 会逐一报告，直到填好为止。合计可以删除
而不填，届时由程序计算。

使用 -o 文件.xlsx 时，init 写出工作簿：按官方样式排好的表格，待填单元格解锁并带数据验证，
每个合计都是公式，另有基本信息和正文两张工作表。之后 'govreport check 文件.xlsx' 会指出每个
问题所在的单元格（表三!D12）。

示例：
  govreport init --year 2024 --agency 某某县人民政府 --kind government -o data/2024.json
  govreport init --year 2025 --agency 某某县市场监督管理局 -o 2025.xlsx)",
                    R"(
Every cell of the template is null (blank): 'govreport check' reports each one until it is
filled in. Totals may be deleted instead of filled in; they are then computed.

With -o FILE.xlsx, init writes a workbook instead: the official tables as printed, the cells to
fill in unlocked and validated, every total a live formula, a metadata and a narrative sheet.
'govreport check FILE.xlsx' then names each finding's cell (表三!D12).

Examples:
  govreport init --year 2024 --agency 某某县人民政府 --kind government -o data/2024.json
  govreport init --year 2025 --agency 某某县市场监督管理局 -o 2025.xlsx)"));
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_init(*opts, ctx); });
}

}  // namespace govreport::cli
