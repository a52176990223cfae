#pragma once
/// \file
/// JSON Schema (draft 2020-12) of the data file, for editors and validators.

#include <string>

#include "govreport/edition.hpp"

namespace govreport {

/// Returns the JSON Schema of data files of `edition`, with zh titles and descriptions taken from
/// the edition's labels. It checks structure only; the sums are `govreport check`'s job.
std::string json_schema(const Edition& edition);

/// Returns the file name under which the schema of `edition` is written
/// ("govreport-2021.schema.json").
std::string schema_file_name(const Edition& edition);

}  // namespace govreport
