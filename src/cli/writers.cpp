// The program's writers of Word documents and workbooks: calls into the module govreport-write.so,
// so that the program itself links neither libzip nor libxlsxwriter. The library's versions (in
// src/render, built into the module) are what the module calls.

#include "cli/modules.hpp"
#include "govreport/render.hpp"
#include "govreport/stats_format.hpp"

namespace govreport {

// The commands have opened the module already (writer(ctx)), with the messages in the chosen
// language; these find it open.
std::string render_docx(const Report& report) { return cli::writer({}).render_docx(report); }

std::string render_xlsx(const Report& report) { return cli::writer({}).render_xlsx(report); }

std::string stats_xlsx(const StatsTable& table, Lang lang) {
  return cli::writer({}).stats_xlsx(table, lang);
}

}  // namespace govreport
