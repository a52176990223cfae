// libFuzzer target: any bytes through the loader, the checker and every text renderer.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "govreport/check.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  govreport::LoadResult loaded = govreport::load_report(text, "fuzz.json");
  if (!loaded.report) return 0;
  (void)govreport::check_report(*loaded.report, "fuzz.json");
  for (const govreport::Format& f : govreport::formats()) (void)f.render(*loaded.report);
  return 0;
}
