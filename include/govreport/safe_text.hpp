#pragma once
/// \file
/// Text from a data file or a file name made safe to show: in a message, a log line or a
/// published report, it must never be read as a control sequence, a second line or markup.

#include <string>
#include <string_view>

namespace govreport {

/// Returns `text` fit for one line of a message or a log: bytes that are not UTF-8 become U+FFFD;
/// control characters (C0, DEL, C1), line and paragraph separators and bidirectional controls
/// become "<U+001B>", as the JSON parser writes them in its own messages.
std::string printable(std::string_view text);

/// Returns `text` fit to publish, in print and in XML 1.0: CRLF and a lone CR become LF; control
/// characters other than tab and LF, and the noncharacters U+FFFE and U+FFFF, are dropped; bytes
/// that are not UTF-8 become U+FFFD.
std::string publishable(std::string_view text);

}  // namespace govreport
