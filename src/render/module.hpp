#pragma once
// The writers of Word documents and workbooks as a module of their own (govreport-write.so),
// opened only when a .docx or an .xlsx is written, so that checking never loads libzip,
// libxlsxwriter and the compression and crypto libraries they bring. The module resolves the
// core's symbols from the program that opens it, as the importer module does.

#include <string>
#include <string_view>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"
#include "govreport/stats.hpp"

namespace govreport::writer {

/// Changes whenever the entry points or the types they pass change.
inline constexpr int kModuleVersion = 1;
/// Names the function the module exports, which returns its Module.
inline constexpr const char* kModuleEntry = "govreport_writer_module";
/// Names the module's file.
inline constexpr const char* kModuleFile = "govreport-write.so";

/// Lists the module's entry points.
struct Module {
  int version;               ///< kModuleVersion of the module's build
  std::string_view release;  ///< the project version it was built with
  std::string (*render_docx)(const Report& report);
  std::string (*render_xlsx)(const Report& report);
  std::string (*stats_xlsx)(const StatsTable& table, Lang lang);
};

}  // namespace govreport::writer

/// Returns the entry points of the module (exported by govreport-write.so).
extern "C" const govreport::writer::Module* govreport_writer_module();
