// The entry point of govreport-import.so.

#include "import/module.hpp"

extern "C" __attribute__((visibility("default"))) const govreport::importer::Module*
govreport_importer_module() {
  static const govreport::importer::Module module{govreport::importer::kModuleVersion,
                                                  GOVREPORT_VERSION, &govreport::import_report};
  return &module;
}
