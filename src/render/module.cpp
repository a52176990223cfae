// The entry point of govreport-write.so. The program defines render_docx, render_xlsx and
// stats_xlsx as well, as calls into this module: the module is linked with -Bsymbolic-functions
// so that the pointers below are its own definitions.

#include "render/module.hpp"

#include "govreport/render.hpp"
#include "govreport/stats_format.hpp"

extern "C" __attribute__((visibility("default"))) const govreport::writer::Module*
govreport_writer_module() {
  static const govreport::writer::Module module{govreport::writer::kModuleVersion,
                                                GOVREPORT_VERSION, &govreport::render_docx,
                                                &govreport::render_xlsx, &govreport::stats_xlsx};
  return &module;
}
