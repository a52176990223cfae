#pragma once
// PDF output: the HTML page printed by headless Chromium. Not a core format, as it runs a program.

#include <string>
#include <string_view>

#include "cli/io.hpp"

namespace govreport::cli {

/// Names the pdf output for -f, and its extension for -o.
inline constexpr std::string_view kPdfName = "pdf";
inline constexpr std::string_view kPdfExtension = ".pdf";

/// Returns the Chromium that prints PDFs: $GOVREPORT_CHROMIUM if set, else /usr/bin/chromium.
std::string chromium_path();

/// Prints `html` to PDF with headless Chromium and returns the PDF's bytes. Throws Failure
/// naming the Debian package `chromium` when it is not installed, or with Chromium's last
/// words when it fails or takes longer than two minutes.
std::string print_pdf(std::string_view html, const Context& ctx);

}  // namespace govreport::cli
