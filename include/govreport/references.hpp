#pragma once
/// \file
/// Narrative bound to the tables: `{{applications.received.total}}` in a paragraph prints a cell.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"

namespace govreport {

/// Describes one `{{path}}` reference found in a narrative text.
struct Reference {
  std::size_t begin = 0;  ///< byte index of the opening "{{"
  std::size_t end = 0;    ///< byte index just past the closing "}}" (the text's end if unclosed)
  std::string path;       ///< the dotted cell path, surrounding spaces removed
  bool closed = true;     ///< false when no "}}" follows the "{{"
};

/// Finds every reference in `text`, in order.
std::vector<Reference> find_references(std::string_view text);

/// Returns the index into Report::cells of the cell a dotted path names, or -1.
/// The path is the JSON location of the cell with dots: "proactive.fees.amount".
int reference_cell(const Edition& edition, std::string_view path);

/// Replaces each reference to a cell by the cell's printed value; other references stay as written.
std::string expand_references(const Report& report, std::string_view text);

/// Adds a bad-reference finding, placed at its "{{", for each narrative reference that names no
/// cell of the report's edition.
void check_references(const Report& report, Findings& findings);

}  // namespace govreport
