#include <utf8proc.h>

#include "text/text.hpp"

namespace govreport::detail {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // an invalid byte shows as one replacement character
      ++width;
      n = 1;
    } else {
      width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    }
    p += n;
    left -= n;
  }
  return width;
}

}  // namespace govreport::detail
