#include "govreport/template.hpp"

namespace govreport {

std::optional<Report> make_template(int year, std::string_view agency, AgencyKind kind) {
  const Edition* edition = edition_for_year(year);
  if (edition == nullptr) return std::nullopt;
  Report report = make_report(*edition, year);
  report.agency = agency;
  report.agency_kind = kind;
  return report;
}

}  // namespace govreport
