#pragma once
// The subcommands: each adds itself to the app and reports its exit code through `exit_code`.

#include <CLI/CLI.hpp>

#include "cli/io.hpp"

namespace govreport::cli {

/// Describes one subcommand: its name, one-line help in each language, and the function that
/// sets it up (in the language of `ctx`, its help too).
struct Command {
  const char* name;
  const char* help_zh;
  const char* help_en;
  void (*setup)(CLI::App& sub, Context& ctx, int& exit_code);
};

void setup_build(CLI::App& sub, Context& ctx, int& exit_code);
void setup_check(CLI::App& sub, Context& ctx, int& exit_code);
void setup_import(CLI::App& sub, Context& ctx, int& exit_code);
void setup_init(CLI::App& sub, Context& ctx, int& exit_code);
void setup_rules(CLI::App& sub, Context& ctx, int& exit_code);
void setup_schema(CLI::App& sub, Context& ctx, int& exit_code);
void setup_sum(CLI::App& sub, Context& ctx, int& exit_code);
void setup_diff(CLI::App& sub, Context& ctx, int& exit_code);

/// Returns a check for an option naming a file (or a directory) that refuses an empty name.
CLI::Validator non_empty_name(const Context& ctx, bool directory = false);

/// Runs the command line; returns the process exit code.
int run(int argc, char** argv);

}  // namespace govreport::cli
