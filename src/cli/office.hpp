#pragma once
// Old Word documents (.doc, Word 97–2003) converted to .docx by LibreOffice before they are read.

#include <string>

#include "cli/io.hpp"
#include "govreport/import.hpp"

namespace govreport::cli {

/// Returns the LibreOffice that converts documents: $GOVREPORT_SOFFICE if set, else soffice or
/// libreoffice on the PATH; "" when there is none (or $GOVREPORT_SOFFICE is not executable).
std::string soffice_path();

/// When `kind` is Doc, converts `bytes` (the document `name`) to .docx with LibreOffice and sets
/// `kind` to Docx. Throws Failure saying how to convert it when LibreOffice is not installed, or
/// with LibreOffice's last words when it fails or takes longer than two minutes.
void convert_old_document(SourceKind& kind, std::string& bytes, const std::string& name,
                          const Context& ctx);

}  // namespace govreport::cli
