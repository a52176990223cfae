#pragma once
// The modules loaded on demand: the importer, and the writers of Word documents and workbooks.

#include "cli/io.hpp"
#include "import/module.hpp"
#include "render/module.hpp"

namespace govreport::cli {

/// Returns the importer's entry points, opening govreport-import.so on first use: beside the
/// program, then in the library folder it is installed in. Throws Failure, saying where it
/// looked, when the module is missing or does not fit this program.
const importer::Module& importer(const Context& ctx);

/// Returns the writers' entry points, opening govreport-write.so on first use, where the
/// importer is looked for. Throws Failure as importer() does. The commands that write a .docx
/// or an .xlsx call it before their work, so that a missing module is told at once and in the
/// chosen language; render_docx, render_xlsx and stats_xlsx call into it.
const writer::Module& writer(const Context& ctx);

/// Tells whether the output format `name` (of build, init and stats) is made by the writer
/// module.
inline bool written_by_writer(std::string_view name) { return name == "docx" || name == "xlsx"; }

}  // namespace govreport::cli
