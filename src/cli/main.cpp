#include "cli/commands.hpp"

int main(int argc, char** argv) { return govreport::cli::run(argc, argv); }
