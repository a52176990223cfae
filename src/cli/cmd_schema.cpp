// govreport schema: the JSON Schema of data files, for editors and validators.

#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "govreport/schema.hpp"

namespace govreport::cli {
namespace {

struct SchemaOptions {
  std::string edition = std::string(editions().back()->id);  // the newest
  std::string output;
};

int run_schema(const SchemaOptions& opts, const Context& ctx) {
  const std::string schema = json_schema(*edition_by_id(opts.edition));
  if (opts.output.empty() || opts.output == "-") {
    print_out(schema, ctx);
  } else {
    OutputTarget target(opts.output, {}, ctx);
    write_output(opts.output, schema, {}, ctx);
    target.keep();
  }
  return 0;
}

}  // namespace

void setup_schema(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<SchemaOptions>();
  std::vector<std::string> ids;
  for (const Edition* e : editions()) ids.emplace_back(e->id);
  sub.add_option("--edition", opts->edition,
                 ctx.tr("格式的版本：2019 或 2021（默认）",
                        "Edition of the format: 2019 or 2021 (default)"))
      ->check(CLI::IsMember(ids));
  sub.add_option(
         "-o,--output", opts->output,
         ctx.tr("写入此文件，而不是标准输出", "Write to this file instead of standard output"))
      ->check(non_empty_name(ctx));
  sub.footer(ctx.tr(R"(
该 Schema（JSON Schema draft 2020-12）描述数据文件的结构，以官方标签为标题，编辑器据此补全
键名，并在悬停时显示标签。数据文件在 "$schema" 中指明它；'govreport init' 会这样做，并把
Schema 写在文件旁边。它只检查结构：合计的核对由 'govreport check' 负责。

示例：
  govreport schema --edition 2019 -o govreport-2019.schema.json
  govreport schema | ajv validate --spec=draft2020 -s /dev/stdin -d data/2024.json)",
                    R"(
The schema (JSON Schema draft 2020-12) describes the data file's structure with the official
labels as titles, so that an editor completes keys and shows the label on hover. A data file
names it in "$schema"; 'govreport init' does that and writes the schema beside the file.
It checks structure only: the sums are 'govreport check's job.

Examples:
  govreport schema --edition 2019 -o govreport-2019.schema.json
  govreport schema | ajv validate --spec=draft2020 -s /dev/stdin -d data/2024.json)"));
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_schema(*opts, ctx); });
}

}  // namespace govreport::cli
