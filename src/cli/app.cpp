#include <fmt/format.h>

#include <array>

#include "cli/commands.hpp"
#include "govreport/version.hpp"

namespace govreport::cli {
namespace {

constexpr std::array kCommands = {
    Command{"build", "Build the published report from data files (text, markdown, json)", &setup_build},
    Command{"check", "Check data files against every consistency rule of the format", &setup_check},
    Command{"init", "Write a blank data file of the right edition for a year", &setup_init},
    Command{"rules", "List every rule id with its severity and description", &setup_rules},
};

constexpr const char* kFooter = R"(
Exit status: 0 clean, 1 the data has error findings (warnings too with --strict),
2 the command could not run (bad arguments, unreadable or unwritable files).

Examples:
  govreport check                         check every *.json under data/
  govreport build data/2020.json          print the report as text
  govreport build data/2020.json -o report.md
  govreport init --year 2024 --agency 某某县人民政府 --kind government -o data/2024.json
  govreport rules --lang en

Run 'govreport COMMAND --help' for a command's options.)";

}  // namespace

int run(int argc, char** argv) {
  CLI::App app("govreport — builds and checks 政府信息公开工作年度报告 (annual reports on government "
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
