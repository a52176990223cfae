// govreport import SOURCE...: published reports (PDF, HTML, text, workbooks) back into data files.

#include <fmt/format.h>

#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/modules.hpp"
#include "cli/office.hpp"
#include "govreport/import.hpp"
#include "govreport/render.hpp"

namespace govreport::cli {
namespace {

struct ImportCommandOptions {
  std::vector<std::string> sources;
  std::string output;
  std::string out_dir;
  std::string from;
  int year = 0;
  std::string agency;
  std::string kind;
};

SourceKind kind_of(const ImportCommandOptions& opts, const std::string& path,
                   std::string_view bytes, const Context& ctx) {
  if (!opts.from.empty()) return *source_kind_by_name(opts.from);
  if (path == "-")
    throw Failure(
        ctx.tr("从标准输入导入需要用 --from pdf|html|text|docx|doc|xlsx|xls 指明格式",
               "importing from standard input needs --from pdf|html|text|docx|doc|xlsx|xls"));
  if (auto kind = source_kind_for_path(path)) return *kind;
  return sniff_source_kind(bytes);
}

int run_import(const ImportCommandOptions& opts, const Context& ctx) {
  if (opts.sources.size() > 1 && opts.out_dir.empty())
    throw Failure(
        ctx.tr("多个来源需要用 --out-dir DIR 指定输出目录", "several sources need --out-dir DIR"));

  refuse_repeated_stdin(opts.sources, ctx);
  // The output is checked, and its folder made, before the long work.
  const InputFiles inputs(opts.sources);
  std::optional<OutputTarget> target;
  if (opts.out_dir.empty()) target.emplace(opts.output == "-" ? "" : opts.output, inputs, ctx);
  std::optional<OutputDirectory> out_dir;
  if (!opts.out_dir.empty()) out_dir.emplace(opts.out_dir, ctx);
  // Everything is read before anything is imported or written.
  std::vector<std::string> bytes;
  for (const std::string& source : opts.sources) bytes.push_back(read_input(source, ctx));

  ImportOptions options{opts.year, opts.agency, std::nullopt};
  if (!opts.kind.empty())
    options.agency_kind =
        opts.kind == "government" ? AgencyKind::Government : AgencyKind::Department;
  std::vector<std::pair<std::string, std::string>> outputs;  // path, content
  OutputPlan plan(opts.output, opts.out_dir, ".json");
  bool unreadable = false, errors = false;
  for (std::size_t i = 0; i < opts.sources.size(); ++i) {
    const std::string& source = opts.sources[i];
    const std::string name = source == "-" ? "<stdin>" : source;
    SourceKind kind = kind_of(opts, source, bytes[i], ctx);
    convert_old_document(kind, bytes[i], name, ctx);
    const ImportResult result = importer(ctx).import_report(bytes[i], kind, name, options);
    print_diagnostics(result.findings, ctx);
    if (!ctx.quiet) fmt::print(stderr, "{}", format_summary(result.summary, name, ctx.lang));
    unreadable = unreadable || result.unreadable;
    errors = errors || !result.report || count(result.findings, Severity::Error) > 0;
    if (!result.report) continue;
    const std::string path = plan.path_for(
        source, {"两个来源会写到同一个输出文件", "two sources would be written to the same file"},
        ctx);
    outputs.emplace_back(path, write_data_file(*result.report));
  }
  // Every output is written to its temporary file first, then all are put in place: all or none.
  std::vector<PendingOutput> pending;
  pending.reserve(outputs.size());
  for (const auto& [path, content] : outputs)
    pending.emplace_back(path.empty() ? "-" : path, content, inputs, ctx);
  for (PendingOutput& output : pending) {
    output.commit(ctx);
    if (output.path() != "-" && !ctx.quiet)
      fmt::print(
          stderr, "{}\n",
          ctx.tr(fmt::format("已写入 {}", output.path()), fmt::format("wrote {}", output.path())));
  }
  if (!pending.empty()) {
    if (out_dir) out_dir->keep();
    if (target) target->keep();
  }
  return unreadable ? 2 : errors ? 1 : 0;
}

}  // namespace

void setup_import(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<ImportCommandOptions>();
  sub.add_option("SOURCE", opts->sources,
                 ctx.tr("已发布的年报和工作簿：.pdf .html .htm .txt .md .docx .doc .xlsx .xls"
                        "（'-' 读标准输入）",
                        "Published reports and workbooks: .pdf .html .htm .txt .md .docx .doc "
                        ".xlsx .xls ('-' reads standard input)"))
      ->required();
  auto* output = sub.add_option("-o,--output", opts->output,
                                ctx.tr("把数据文件写到这里，而不是标准输出",
                                       "Write the data file here instead of standard output"))
                     ->check(non_empty_name(ctx));
  sub.add_option("--out-dir", opts->out_dir,
                 ctx.tr("每个来源在此目录写一个数据文件（名称.json）",
                        "Write one data file per source into this directory (NAME.json)"))
      ->check(non_empty_name(ctx, true))
      ->excludes(output);
  sub.add_option("--from", opts->from,
                 ctx.tr("来源的类型；默认按扩展名，否则按内容判断",
                        "Kind of the sources; default: from the extension, else from the content"))
      ->check(CLI::IsMember({"pdf", "html", "text", "docx", "doc", "xlsx", "xls"}))
      ->option_text("pdf|html|text|docx|doc|xlsx|xls");
  sub.add_option(
         "--year", opts->year,
         ctx.tr("报告年度，标题中没有时给出", "Report year, when the title does not give it"))
      ->check(CLI::Range(2000, 2100));
  sub.add_option(
      "--agency", opts->agency,
      ctx.tr("机关名称，标题中没有时给出", "Agency name, when the title does not give it"));
  sub.add_option("--kind", opts->kind,
                 ctx.tr("机关类型；默认：名称以人民政府、管理委员会、管委会、街道办事处或行政公署"
                        "结尾的为 government，否则为 department",
                        "Agency kind; default: government when the name ends in 人民政府, "
                        "管理委员会, 管委会, 街道办事处 or 行政公署, else department"))
      ->check(CLI::IsMember({"government", "department"}))
      ->option_text("government|department");
  sub.footer(ctx.tr(R"(
读取标题（年度、机关）、六个部分和表二、表三、表四的每个单元格，写成数据文件。绝不猜测：
空单元格保持为 null，"-" "—" "/" 记为 "/"，找不到的表或行作为问题报告，并说明在哪里找过。
每个来源最后给出找到了什么、没找到什么的汇总（写到标准错误）。

导入有错误时也写出数据文件，以便手工补填缺少的单元格；之后用 'govreport check' 查找报告
本身的错误。使用 --out-dir 时，数据文件要么全部写出，要么一个不写。

govreport 写出的工作簿（init 或 build -o 文件.xlsx）按标签读取，不论 Excel、WPS 或
LibreOffice 对它做过什么；其他工作簿按表格读取，问题中指出每个值的单元格（表三!D12）。
用 Word 写成的年报（.docx）读取其中的表格和段落。

退出状态：0 导入无错误；1 有错误（缺少表或行、单元格无法读取、没有年度）；2 来源根本无法
读取（文件不存在、不是 PDF、加密或扫描的 PDF、未知编码）或参数有误。

示例：
  govreport import report.pdf -o data/2023.json
  govreport import 年报.docx -o data/2024.json
  govreport import 2025.xlsx -o data/2025.json
  govreport import reports/*.pdf reports/*.html --out-dir data/imported/
  pdftotext -layout report.pdf - | govreport import - --from text --year 2023)",
                    R"(
Reads the title (year, agency), the six sections and every cell of tables 二, 三 and 四, and
writes them as a data file. Nothing is guessed: an empty cell stays null, "-" "—" "/" become "/",
and a table or row that is not found is a finding that says where it was looked for. Each
source ends with a summary of what was found and what was not (on standard error).

The data file is written even when the import has error findings, so that the missing cells
can be filled in by hand; 'govreport check' then finds the report's own errors. With --out-dir,
every data file is written or none.

A workbook that govreport wrote (init or build -o FILE.xlsx) is read by its labels, whatever
Excel, WPS or LibreOffice did to it; any other workbook is read as table grids, each value with
its cell (表三!D12) named in findings. A report written in Word (.docx) is read from its tables
and paragraphs.

Exit status: 0 imported without error findings, 1 error findings (a missing table or row, an
unreadable cell, no year), 2 a source could not be read at all (missing file, not a PDF,
encrypted or scanned PDF, unknown encoding) or bad arguments.

Examples:
  govreport import report.pdf -o data/2023.json
  govreport import 年报.docx -o data/2024.json
  govreport import 2025.xlsx -o data/2025.json
  govreport import reports/*.pdf reports/*.html --out-dir data/imported/
  pdftotext -layout report.pdf - | govreport import - --from text --year 2023)"));
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_import(*opts, ctx); });
}

}  // namespace govreport::cli
