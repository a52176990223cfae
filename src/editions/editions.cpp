// Every edition of the format, oldest first: the one list to extend with a new edition.

#include "govreport/edition.hpp"

namespace govreport {
namespace detail {
const Edition& edition_2019();
const Edition& edition_2021();
}  // namespace detail

std::span<const Edition* const> editions() {
  static const Edition* const all[] = {&detail::edition_2019(), &detail::edition_2021()};
  return all;
}

}  // namespace govreport
