#pragma once
/// \file
/// JSON Schema (draft 2020-12) of the data file, for editors and validators.

#include <string>
#include <string_view>

#include "govreport/edition.hpp"

namespace govreport {

/// Returns the JSON Schema of data files of `edition`, with zh titles and descriptions taken from
/// the edition's labels. It checks structure only; the sums are `govreport check`'s job.
std::string json_schema(const Edition& edition);

/// Returns the file name under which the schema of `edition` is written
/// ("govreport-2021.schema.json").
std::string schema_file_name(const Edition& edition);

/// Says whether `text` is itself a JSON Schema rather than report data: its "$schema" names a
/// meta-schema of json-schema.org (as the schema files that `init -o` writes beside a data file
/// do), where a data file's names a schema file.
bool declares_json_schema(std::string_view text);

}  // namespace govreport
