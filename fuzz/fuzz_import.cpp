// libFuzzer target: any bytes through one importer (GOVREPORT_FUZZ_KIND: Text, Html, Pdf, Docx or
// Xlsx), then the checker and the renderers. Findings must be placed inside the source, every
// text output must be UTF-8, and the report imported must make a well-formed data file that loads
// again into the same data.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "govreport/check.hpp"
#include "govreport/import.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "properties.hpp"

using namespace govreport::fuzz;

namespace {

constexpr govreport::SourceKind kKind = govreport::SourceKind::GOVREPORT_FUZZ_KIND;

// Bounds of the places an importer may name. Lines end at LF or CR (CR LF once), in text also
// at FF; a column is at most one a byte or UTF-16 unit, a tab up to 8 (gumbo's tab stops). A PDF
// names pages in the message, a Word document and a workbook places, never a line.
std::vector<std::size_t> source_line_widths(std::string_view bytes) {
  std::vector<std::size_t> widths;
  if (kKind == govreport::SourceKind::Pdf || kKind == govreport::SourceKind::Docx ||
      kKind == govreport::SourceKind::Xlsx)
    return widths;
  std::vector<unsigned> units;
  const bool le = bytes.starts_with("\xFF\xFE"), be = bytes.starts_with("\xFE\xFF");
  if (le || be) {
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
      const unsigned a = static_cast<unsigned char>(bytes[i]),
                     b = static_cast<unsigned char>(bytes[i + 1]);
      units.push_back(le ? a | b << 8U : a << 8U | b);
    }
  } else {
    for (char c : bytes) units.push_back(static_cast<unsigned char>(c));
  }
  widths.push_back(0);
  for (std::size_t i = 0; i < units.size(); ++i) {
    const unsigned c = units[i];
    if (c == '\n' || (c == '\f' && kKind == govreport::SourceKind::Text) ||
        (c == '\r' && (i + 1 == units.size() || units[i + 1] != '\n')))
      widths.push_back(0);
    else
      widths.back() += c == '\t' ? 8 : 1;
  }
  return widths;
}

// The shape of a data file: any of these on reading back means the importer wrote a bad file.
bool is_shape_rule(std::string_view rule) {
  return rule == "json-syntax" || rule == "unknown-field" || rule == "duplicate-field" ||
         rule == "missing-field" || rule == "wrong-type" || rule == "unsupported-year" ||
         rule == "format-mismatch";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  govreport::ImportResult imported = govreport::import_report(bytes, kKind, "fuzz");
  const std::vector<std::size_t> widths = source_line_widths(bytes);
  require_findings(imported.findings, widths);
  require_findings(imported.report_findings, widths);
  for (govreport::Lang lang : {govreport::Lang::Zh, govreport::Lang::En})
    require_utf8(govreport::format_summary(imported.summary, "fuzz", lang), "the summary");
  if (!imported.report) return 0;
  require(!imported.unreadable, "an unreadable source gives no report");
  // Tables printed in another edition than the year's are read as printed: the data file says
  // so in "format", and loading it reports the format-mismatch that checking the source does.
  const bool other_edition =
      imported.report->edition != govreport::edition_for_year(imported.report->year);
  require(other_edition == !imported.report_findings.empty(),
          "a format-mismatch is reported exactly when the edition read is not the year's");
  (void)govreport::check_report(*imported.report, "fuzz");
  require_utf8(govreport::render_text(*imported.report), "the text rendering");

  const std::string written = govreport::write_data_file(*imported.report);
  require_utf8(written, "the data file written");
  govreport::LoadResult loaded = govreport::load_report(written, "imported.json");
  require(loaded.report.has_value(), "an imported report loads again", written);
  // A count printed negative is imported as printed; loading reports it and keeps a blank.
  govreport::Report expected = *imported.report;
  // An agency the importer could not find is written empty, for the user to fill in; the import
  // said so, and loading says it again.
  const bool agency_missing =
      std::any_of(imported.findings.begin(), imported.findings.end(),
                  [](const govreport::Diagnostic& d) { return d.pointer == "/agency"; });
  for (const govreport::Diagnostic& d : loaded.diagnostics) {
    if (agency_missing && d.rule == "missing-field" && d.pointer == "/agency") continue;
    if (other_edition && d.rule == "format-mismatch") continue;
    require(!is_shape_rule(d.rule), "an imported report makes a well-formed data file",
            govreport::format_diagnostic(d, govreport::Lang::En) + "\n" + written);
    if (d.rule == "negative-value") expected.at(d.pointer) = govreport::Cell{};
  }
  require_same(govreport::write_data_file(expected), govreport::write_data_file(*loaded.report),
               "an imported report, loaded and written again, is the same");
  return 0;
}
