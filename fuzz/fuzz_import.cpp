// libFuzzer target: any bytes through one importer (GOVREPORT_FUZZ_KIND: Text, Html, Pdf or Docx),
// then the checker and the renderers.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "govreport/check.hpp"
#include "govreport/import.hpp"
#include "govreport/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  govreport::ImportResult imported =
      govreport::import_report(bytes, govreport::SourceKind::GOVREPORT_FUZZ_KIND, "fuzz");
  (void)govreport::format_summary(imported.summary, "fuzz", govreport::Lang::En);
  if (!imported.report) return 0;
  (void)govreport::check_report(*imported.report, "fuzz");
  (void)govreport::render_text(*imported.report);
  (void)govreport::write_data_file(*imported.report);
  return 0;
}
