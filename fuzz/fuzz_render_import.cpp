// libFuzzer target: a data file loaded, printed as text, Markdown and HTML, and each printed
// report imported again must give back every cell as it was (number, blank or "/"), its year and
// its edition. The narrative and the names are replaced by fixed ones first: what the fuzzer
// varies is the tables, where nothing may be lost or guessed.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "govreport/import.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "properties.hpp"

using namespace govreport::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  govreport::LoadResult loaded = govreport::load_report(text, "fuzz.json");
  // A report whose "format" names another edition than its year's (a format-mismatch) prints
  // that edition's tables, which the importer reads as printed.
  if (!loaded.report) return 0;
  govreport::Report report = *loaded.report;
  report.agency = "某某局";
  report.agency_kind = govreport::AgencyKind::Department;
  report.title.clear();
  report.published.clear();
  for (govreport::Narrative& part : report.narrative) part = {};

  struct Printed {
    std::string_view name;
    std::string (*render)(const govreport::Report&);
    govreport::SourceKind kind;
  };
  for (const Printed& p :
       {Printed{"text", &govreport::render_text, govreport::SourceKind::Text},
        Printed{"markdown", &govreport::render_markdown, govreport::SourceKind::Text},
        Printed{"html", [](const govreport::Report& r) { return govreport::render_html(r); },
                govreport::SourceKind::Html}}) {
    const std::string printed = p.render(report);
    const govreport::ImportResult imported = govreport::import_report(printed, p.kind, "printed");
    require(imported.report.has_value(), "a printed report imports", p.name);
    const govreport::Report& back = *imported.report;
    require(back.year == report.year && back.edition == report.edition,
            "a printed report imports with its year and edition", p.name);
    for (std::size_t i = 0; i < report.cells.size(); ++i) {
      const govreport::Cell& a = report.cells[i];
      const govreport::Cell& b = back.cells[i];
      if (a.state == b.state && (!a.is_number() || a.value == b.value)) continue;
      const govreport::CellDef& def = report.edition->cells[i];
      const govreport::CellKind kind = report.edition->tables[static_cast<std::size_t>(def.table)]
                                           .columns[static_cast<std::size_t>(def.column)]
                                           .kind;
      fail("a printed report imports with every cell as printed",
           std::string(p.name) + ": " + def.name_zh + " is \"" + govreport::format_cell(a, kind) +
               "\", imported \"" + govreport::format_cell(b, kind) + "\"");
    }
  }
  return 0;
}
