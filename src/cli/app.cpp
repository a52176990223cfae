#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/commands.hpp"
#include "cli/process.hpp"
#include "govreport/version.hpp"
#include "text/edit_distance.hpp"

namespace govreport::cli {
namespace {

constexpr std::array kCommands = {
    Command{"build", "由数据文件生成公开发布的年报（text、markdown、json、html、docx、xlsx、pdf）",
            "Build the published report from data files (text, markdown, json, html, docx, xlsx, "
            "pdf)",
            &setup_build},
    Command{"check", "按格式的全部勾稽规则检查数据文件",
            "Check data files against every consistency rule of the format", &setup_check},
    Command{"import", "把已发布的年报（PDF、HTML、文本、Word、Excel）读回数据文件，绝不猜测数值",
            "Read published reports (PDF, HTML, text, Word, workbooks) back into data files, "
            "never guessing",
            &setup_import},
    Command{"init", "为某一年写出空白数据文件，或待填写的 Excel 工作簿",
            "Write a blank data file, or a workbook to fill in, for a year", &setup_init},
    Command{"rules", "列出每条规则的编号、严重程度和说明",
            "List every rule id with its severity and description", &setup_rules},
    Command{"schema", "输出某一版式数据文件的 JSON Schema",
            "Print the JSON Schema of data files of an edition", &setup_schema},
    Command{"sum", "把同一年度的下级报告加总为地区统计，或核对汇总",
            "Add up reports of one year into regional statistics, or check a summary", &setup_sum},
    Command{"diff", "逐格比较两份年报", "Compare two reports cell by cell", &setup_diff},
};

constexpr const char* kFooterZh = R"(
退出状态：0 无问题；1 数据有错误（加 --strict 时警告也算）；
2 命令无法执行（参数有误、文件无法读取或写入）。

示例：
  govreport check                         检查 data/ 下的所有 *.json
  govreport build data/2020.json          以文本形式输出年报
  govreport build data/2020.json -o report.md
  govreport build data/2020.json -o report.html   也可 .docx，装有 chromium 时可 .pdf
  govreport check 年报.docx               检查用 Word 写成的年报
  govreport check reports/ --format github -j 8
  govreport import report.pdf -o data/2023.json
  govreport sum region/2024/ --agency 某某市 -o region-2024.json
  govreport diff data/2023.json data/2024.json
  govreport init --year 2024 --agency 某某县人民政府 --kind government -o data/2024.json
  govreport init --year 2025 --agency 某某县市场监督管理局 -o 2025.xlsx   填好后：check 2025.xlsx
  govreport rules --lang en

运行 govreport 命令 --help 查看该命令的选项；加 --lang en 显示英文帮助。)";

constexpr const char* kFooterEn = R"(
Exit status: 0 clean, 1 the data has error findings (warnings too with --strict),
2 the command could not run (bad arguments, unreadable or unwritable files).

Examples:
  govreport check                         check every *.json under data/
  govreport build data/2020.json          print the report as text
  govreport build data/2020.json -o report.md
  govreport build data/2020.json -o report.html   also .docx, and .pdf with chromium
  govreport check 年报.docx               check a report written in Word
  govreport check reports/ --format github -j 8
  govreport import report.pdf -o data/2023.json
  govreport sum region/2024/ --agency 某某市 -o region-2024.json
  govreport diff data/2023.json data/2024.json
  govreport init --year 2024 --agency 某某县人民政府 --kind government -o data/2024.json
  govreport init --year 2025 --agency 某某县市场监督管理局 -o 2025.xlsx   then: check 2025.xlsx
  govreport rules --lang en

Run 'govreport COMMAND --help' for a command's options.)";

// CLI11's own words in the help (Usage, OPTIONS, Positionals, REQUIRED, …) in the chosen
// language. Option names and value placeholders (TEXT, FILE) stay ASCII, so that the columns line
// up in any terminal.
std::shared_ptr<CLI::Formatter> help_formatter(const Context& ctx) {
  auto formatter = std::make_shared<CLI::Formatter>();
  formatter->column_width(32);
  if (ctx.lang == Lang::Zh) {
    for (const auto& [word, zh] :
         std::initializer_list<std::pair<const char*, const char*>>{{"Usage", "用法"},
                                                                    {"OPTIONS", "选项"},
                                                                    {"SUBCOMMAND", "命令"},
                                                                    {"SUBCOMMANDS", "命令"},
                                                                    {"Positionals", "参数"},
                                                                    {"REQUIRED", "（必填）"},
                                                                    {"Needs", "需要"},
                                                                    {"Excludes", "不能与之同用"},
                                                                    {"Env", "环境变量"}})
      formatter->label(word, zh);
  }
  return formatter;
}

// Returns the command closest to `word`, if it is close enough to be a typo.
const char* suggest(std::string_view word) {
  std::vector<std::string_view> names;
  names.reserve(kCommands.size());
  for (const Command& c : kCommands) names.emplace_back(c.name);
  const std::string_view best = detail::closest(word, names);
  for (const Command& c : kCommands)
    if (best == c.name) return c.name;
  return nullptr;
}

// Writes a message to standard error; there is nowhere to report its own failure.
void say(const std::string& message) {
  const std::string line = "govreport: " + message + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

// Rejects an unknown option before the command, or a command word that is no command (with a
// suggestion), before CLI11 reports it vaguely. The global options may come first.
bool unknown_command(int argc, char** argv, const Context& ctx) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--lang") {
      ++i;  // its value
      continue;
    }
    if (arg.starts_with("--lang=") || arg == "-q" || arg == "--quiet") continue;
    if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "--version") return false;
    if (arg.starts_with("-")) {
      say(ctx.tr(fmt::format("未知选项 '{}'；运行 govreport --help 查看用法", arg),
                 fmt::format("unknown option '{}'; run 'govreport --help' for usage", arg)));
      return true;
    }
    for (const Command& c : kCommands)
      if (arg == c.name) return false;
    std::string names;
    for (const Command& c : kCommands) names += std::string(names.empty() ? "" : ", ") + c.name;
    const char* guess = suggest(arg);
    say(guess ? ctx.tr(fmt::format("未知命令 '{}'，是不是 '{}'？", arg, guess),
                       fmt::format("unknown command '{}'; did you mean '{}'?", arg, guess))
              : ctx.tr(fmt::format("未知命令 '{}'（可用命令：{}）", arg, names),
                       fmt::format("unknown command '{}' (commands: {})", arg, names)));
    return true;
  }
  return false;  // no command: CLI11 says that one is required
}

// Returns the language asked for by --lang, wherever it is, before CLI11 parses the line, so
// that the first messages are in it too.
Lang language_of(int argc, char** argv) {
  Lang lang = Lang::Zh;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string_view value;
    if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
    if (arg.starts_with("--lang=")) value = arg.substr(7);
    if (value == "en") lang = Lang::En;
    if (value == "zh") lang = Lang::Zh;
  }
  return lang;
}

// Runs the parsed command; returns its exit code. Every failure ends here with exit 2.
int parse_and_run(CLI::App& app, int argc, char** argv, const Context& ctx, const int& exit_code) {
  try {
    app.parse(argc, argv);
    return exit_code;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    say(fmt::format(
        "{}\n{}", e.what(),
        ctx.tr("运行 govreport --help 查看用法。", "Run 'govreport --help' for usage.")));
  } catch (const Failure& e) {
    say(e.what());
  } catch (const std::bad_alloc&) {
    say(ctx.tr("内存不足", "out of memory"));
  } catch (const std::exception& e) {
    say(e.what());
  }
  return 2;
}

}  // namespace

CLI::Validator non_empty_name(const Context& ctx, bool directory) {
  return CLI::Validator(
      [&ctx, directory](std::string& value) {
        if (!value.empty()) return std::string();
        return directory ? ctx.tr("目录名为空", "the directory name is empty")
                         : ctx.tr("文件名为空", "the file name is empty");
      },
      "");
}

int run(int argc, char** argv) {
  prepare_process();
  // The language is known before the commands are set up, so that their help is in it too.
  Context ctx;
  ctx.lang = language_of(argc, argv);
  CLI::App app(ctx.tr("govreport — 依国务院规定的格式（2019 年版或 2021 年版），由 JSON "
                      "数据生成并检查政府信息公开工作年度报告。",
                      "govreport — builds and checks 政府信息公开工作年度报告 (annual reports on "
                      "government information disclosure) from JSON data, in the official format "
                      "of 2019 or 2021."),
               "govreport");
  app.formatter(help_formatter(ctx));
  app.option_defaults()->group(ctx.tr("选项", "Options"));
  app.set_help_flag("-h,--help", ctx.tr("显示本帮助并退出", "Print this help message and exit"));
  app.footer(ctx.lang == Lang::En ? kFooterEn : kFooterZh);
  app.set_version_flag("--version", fmt::format("govreport {}", version()),
                       ctx.tr("显示版本并退出", "Print the version and exit"));
  app.require_subcommand(1);
  app.fallthrough();

  int exit_code = 0;
  std::string lang = "zh";
  app.add_option("--lang", lang,
                 ctx.tr("消息与帮助的语言：zh（默认）或 en",
                        "Language of messages and help: zh (default) or en"))
      ->check(CLI::IsMember({"zh", "en"}))
      ->option_text("zh|en");
  app.add_flag(
      "-q,--quiet", ctx.quiet,
      ctx.tr("只输出问题和结果，不输出汇总", "Print only findings and outputs, no summaries"));
  app.parse_complete_callback([&] { ctx.lang = lang == "en" ? Lang::En : Lang::Zh; });

  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, ctx.tr(command.help_zh, command.help_en));
    sub->group(ctx.tr("命令", "Subcommands"));
    // A subcommand's help flag is made before it inherits the option group.
    sub->get_help_ptr()->group(ctx.tr("选项", "Options"));
    command.setup(*sub, ctx, exit_code);
  }

  if (unknown_command(argc, argv, ctx)) return 2;
  const int code = parse_and_run(app, argc, argv, ctx, exit_code);
  // Whatever was printed to standard output must have arrived (help too).
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    say(stdout_failure(errno != 0 ? errno : EIO, ctx).what());
    return 2;
  }
  return code;
}

}  // namespace govreport::cli
