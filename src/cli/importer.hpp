#pragma once
// The importer, loaded on demand from its module.

#include "cli/io.hpp"
#include "import/module.hpp"

namespace govreport::cli {

/// Returns the importer's entry points, opening govreport-import.so on first use: beside the
/// program, then in the library folder it is installed in. Throws Failure, saying where it
/// looked, when the module is missing or does not fit this program.
const importer::Module& importer(const Context& ctx);

}  // namespace govreport::cli
