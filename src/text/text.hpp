#pragma once
// Text as the user sees it: display width in a terminal, and escaping for markup.

#include <cstddef>
#include <string>
#include <string_view>

namespace govreport::detail {

/// Returns the number of terminal columns `text` takes (a Chinese character takes two).
std::size_t display_width(std::string_view text);

/// Escapes text for HTML and XML (& < > " ') after making it publishable(), which drops what XML
/// 1.0 cannot hold (C0 controls other than tab and line ends, U+FFFE, U+FFFF) and replaces bytes
/// that are not UTF-8.
std::string markup_escape(std::string_view text);

}  // namespace govreport::detail
