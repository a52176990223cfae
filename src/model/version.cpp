#include "govreport/version.hpp"

namespace govreport {

std::string_view version() { return GOVREPORT_VERSION; }

}  // namespace govreport
