// libFuzzer target: any bytes through the loader, the checker and every renderer. Findings must
// be placed inside the input, every text output must be UTF-8, and a loaded report written as a
// data file must load again into the same data file. The loader gives the same findings whether
// it parses with simdjson (falling back to nlohmann's parser) or with nlohmann's parser alone.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "govreport/check.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "model/load_internal.hpp"
#include "properties.hpp"

using namespace govreport::fuzz;

namespace {

std::string describe(const std::vector<govreport::Diagnostic>& findings) {
  std::string out;
  for (const govreport::Diagnostic& d : findings)
    out += std::string(d.rule) + " " + std::to_string(d.position.line) + ":" +
           std::to_string(d.position.column) + " " + d.pointer + " " + d.message_en + " | " +
           d.expected + " | " + d.actual + "\n";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  govreport::LoadResult loaded = govreport::load_report(text, "fuzz.json");
  const std::vector<std::size_t> widths = json_line_widths(text);
  require_findings(loaded.diagnostics, widths);
  const govreport::LoadResult exact =
      govreport::detail::load_report_with(govreport::detail::JsonParser::Exact, text, "fuzz.json");
  require_same(describe(loaded.diagnostics), describe(exact.diagnostics),
               "the fast and the exact parser give the same findings");
  require(loaded.report.has_value() == exact.report.has_value(),
          "the fast and the exact parser load the same files");
  if (!loaded.report) {
    require(govreport::count(loaded.diagnostics, govreport::Severity::Error) > 0,
            "a file that gives no report has an error");
    return 0;
  }
  require_findings(govreport::check_report(*loaded.report, "fuzz.json"), widths);
  for (const govreport::Format& f : govreport::formats()) {
    // The workbook goes through libxlsxwriter's temporary files, far too slow to run on every
    // input; tests/xlsx_test.cpp and the gallery test its writer.
    if (f.name == "xlsx") continue;
    const std::string out = f.render(*loaded.report);
    if (!f.binary) require_utf8(out, f.name);
  }

  const std::string written = govreport::write_data_file(*loaded.report);
  require_utf8(written, "the data file written");
  govreport::LoadResult again = govreport::load_report(written, "again.json");
  require(again.report.has_value(), "a written data file loads again", written);
  require_same(written, govreport::write_data_file(*again.report),
               "a written data file, loaded and written again, is the same");
  return 0;
}
