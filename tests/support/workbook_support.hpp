#pragma once
// Helpers for the workbook tests: the parts of an .xlsx archive, edited and zipped again, and a
// workbook read into its cells and printed one per line.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "import/workbook.hpp"

namespace govreport::test {

/// Returns the parts of a zip archive, in order: name and content.
std::vector<std::pair<std::string, std::string>> unzip(const std::string& bytes);
/// Zips `parts` (name, content) into an archive.
std::string zipped(const std::vector<std::pair<std::string, std::string>>& parts);
/// Returns part `name` of the archive `bytes`.
std::string part(const std::string& bytes, const std::string& name);
/// Returns the archive with part `name` changed by `edit`.
std::string edited(const std::string& bytes, const std::string& name,
                   const std::function<std::string(std::string)>& edit);
/// Sets the saved value of cell `name` (<v>) in a sheet's XML.
std::string with_value(std::string xml, const std::string& name, const std::string& value);
/// Reads an .xlsx; a test fails when it cannot be read.
importer::Workbook read_workbook(const std::string& bytes);
/// Prints every cell and merged range of every sheet, one per line: `B5 2020`, `C6 "text"`,
/// `J6 =SUM(D6:I6) → 4447`.
std::string dump(const importer::Workbook& book);

}  // namespace govreport::test
