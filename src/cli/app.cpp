#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "govreport/version.hpp"
#include "text/edit_distance.hpp"

namespace govreport::cli {
namespace {

constexpr std::array kCommands = {
    Command{
        "build",
        "Build the published report from data files (text, markdown, json, html, docx, xlsx, pdf)",
        &setup_build},
    Command{"check", "Check data files against every consistency rule of the format", &setup_check},
    Command{
        "import",
        "Read published reports (PDF, HTML, text, workbooks) back into data files, never guessing",
        &setup_import},
    Command{"init", "Write a blank data file, or a workbook to fill in, for a year", &setup_init},
    Command{"rules", "List every rule id with its severity and description", &setup_rules},
    Command{"schema", "Print the JSON Schema of data files of an edition", &setup_schema},
    Command{"sum", "Add up reports of one year into regional statistics, or check a summary",
            &setup_sum},
    Command{"diff", "Compare two reports cell by cell", &setup_diff},
};

constexpr const char* kFooter = R"(
Exit status: 0 clean, 1 the data has error findings (warnings too with --strict),
2 the command could not run (bad arguments, unreadable or unwritable files).

Examples:
  govreport check                         check every *.json under data/
  govreport build data/2020.json          print the report as text
  govreport build data/2020.json -o report.md
  govreport build data/2020.json -o report.html   also .docx, and .pdf with chromium
  govreport check reports/ --format github -j 8
  govreport import report.pdf -o data/2023.json
  govreport sum region/2024/ --agency 某某市 -o region-2024.json
  govreport diff data/2023.json data/2024.json
  govreport init --year 2024 --agency 某某县人民政府 --kind government -o data/2024.json
  govreport init --year 2025 --agency 某某县市场监督管理局 -o 2025.xlsx   then: check 2025.xlsx
  govreport rules --lang en

Run 'govreport COMMAND --help' for a command's options.)";

// Returns the command closest to `word`, if it is close enough to be a typo.
const char* suggest(std::string_view word) {
  std::vector<std::string_view> names;
  for (const Command& c : kCommands) names.emplace_back(c.name);
  const std::string_view best = detail::closest(word, names);
  for (const Command& c : kCommands)
    if (best == c.name) return c.name;
  return nullptr;
}

// Rejects a first word that is no command, with a suggestion, before CLI11 reports it vaguely.
bool unknown_command(int argc, char** argv, const Context& ctx) {
  if (argc < 2) return false;
  if (argv[1][0] == '-') {
    // Before the command only the global options may come; name anything else plainly.
    const std::string_view flag = argv[1];
    for (std::string_view known :
         {"-h", "--help", "--help-all", "--version", "--lang", "-q", "--quiet"})
      if (flag == known || flag.starts_with(std::string(known) + "=")) return false;
    fmt::print(stderr, "govreport: {}\n",
               ctx.tr(fmt::format("未知选项 '{}'；运行 govreport --help 查看用法", flag),
                      fmt::format("unknown option '{}'; run 'govreport --help' for usage", flag)));
    return true;
  }
  const std::string_view word = argv[1];
  for (const Command& c : kCommands)
    if (word == c.name) return false;
  std::string names;
  for (const Command& c : kCommands) names += std::string(names.empty() ? "" : ", ") + c.name;
  const char* guess = suggest(word);
  fmt::print(stderr, "govreport: {}\n",
             guess ? ctx.tr(fmt::format("未知命令 '{}'，是不是 '{}'？", word, guess),
                            fmt::format("unknown command '{}'; did you mean '{}'?", word, guess))
                   : ctx.tr(fmt::format("未知命令 '{}'（可用命令：{}）", word, names),
                            fmt::format("unknown command '{}' (commands: {})", word, names)));
  return true;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app(
      "govreport — builds and checks 政府信息公开工作年度报告 (annual reports on government "
      "information disclosure) from JSON data, in the official format of 2019 or 2021.",
      "govreport");
  app.footer(kFooter);
  app.set_version_flag("--version", fmt::format("govreport {}", version()));
  app.require_subcommand(1);
  app.fallthrough();

  Context ctx;
  int exit_code = 0;
  std::string lang = "zh";
  app.add_option("--lang", lang, "Language of messages: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->option_text("zh|en");
  app.add_flag("-q,--quiet", ctx.quiet, "Print only findings and outputs, no summaries");
  app.parse_complete_callback([&] { ctx.lang = lang == "en" ? Lang::En : Lang::Zh; });

  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    command.setup(*sub, ctx, exit_code);
  }

  for (int i = 1; i + 1 < argc; ++i)
    if (std::string_view(argv[i]) == "--lang" && std::string_view(argv[i + 1]) == "en")
      ctx.lang = Lang::En;
  if (unknown_command(argc, argv, ctx)) return 2;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "govreport: {}\n{}\n", e.what(),
               ctx.tr("运行 govreport --help 查看用法。", "Run 'govreport --help' for usage."));
    return 2;
  } catch (const Failure& e) {
    fmt::print(stderr, "govreport: {}\n", e.what());
    return 2;
  }
  return exit_code;
}

}  // namespace govreport::cli
