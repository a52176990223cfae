#pragma once
// The cause of a JSON syntax error in words a clerk can act on: the text is read again, from its
// start to the first error, and the character there is named with its fix (全角数字 ３ → 3,
// 中文引号 “ → ", a comma missing at the end of a line, a comma before } or ], a comment).

#include <cstddef>
#include <optional>
#include <string_view>

#include "govreport/diagnostic.hpp"

namespace govreport::detail {

/// A syntax error: where to point (a byte offset of the text) and what to do.
struct SyntaxProblem {
  std::size_t offset = 0;
  Message message;
};

/// Reads `text` (a JSON document, after any byte-order mark) up to its first syntax error and
/// explains it; nullopt when it finds none, or only one the parser explains better (invalid
/// UTF-8, a NUL byte, content after the value).
std::optional<SyntaxProblem> explain_syntax_error(std::string_view text);

}  // namespace govreport::detail
