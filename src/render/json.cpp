// The json format: the canonical data, totals filled in, for scripts.

#include "govreport/render.hpp"
#include "render/common.hpp"

namespace govreport {

std::string render_json(const Report& report) { return detail::write_report_json(report, true); }

std::string write_data_file(const Report& report) {
  return detail::write_report_json(report, false);
}

}  // namespace govreport
