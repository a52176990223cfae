#pragma once
// The JSON shape of an edition's tables, derived from its cell list: the nesting of objects down
// to cells, in the canonical key order. Loader, JSON writer and template walk it.

#include <string>
#include <vector>

#include "govreport/edition.hpp"

namespace govreport::detail {

struct Shape {
  std::string key;
  std::vector<Shape> children;  // empty for a cell
  int cell = -1;                // index into Edition::cells for a cell
  bool optional = false;        // computed when omitted

  const Shape* child(std::string_view name) const {
    for (const Shape& c : children)
      if (c.key == name) return &c;
    return nullptr;
  }
};

/// Returns the shape of `edition`'s tables: the root's children are "proactive", "applications"…
const Shape& shape_of(const Edition& edition);

}  // namespace govreport::detail
