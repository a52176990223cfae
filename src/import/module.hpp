#pragma once
// The importer as a module of its own (govreport-import.so), opened only when a published report
// is read, so that checking and building never load poppler, gumbo and OpenCC. The module
// resolves the core's symbols from the program that opens it: there is one copy of the core,
// and of the editions that reports point at.

#include <string_view>

#include "govreport/import.hpp"

namespace govreport::importer {

/// Changes whenever the entry points or the types they pass change.
inline constexpr int kModuleVersion = 3;
/// Names the function the module exports, which returns its Module.
inline constexpr const char* kModuleEntry = "govreport_importer_module";
/// Names the module's file.
inline constexpr const char* kModuleFile = "govreport-import.so";

/// Lists the module's entry points.
struct Module {
  int version;               ///< kModuleVersion of the module's build
  std::string_view release;  ///< the project version it was built with
  ImportResult (*import_report)(std::string_view bytes, SourceKind kind, std::string_view file,
                                const ImportOptions& options);
};

}  // namespace govreport::importer

/// Returns the entry points of the module (exported by govreport-import.so).
extern "C" const govreport::importer::Module* govreport_importer_module();
