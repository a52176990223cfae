#pragma once
// UTF-8: validity, decoding, counting and cutting. Valid means well-formed as Unicode defines
// it (no overlong forms, surrogates or code points above U+10FFFF), as utf8proc reads it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace govreport::detail {

/// Returns whether byte `c` continues a UTF-8 sequence rather than starting one.
inline bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Returns the number of characters (code points) in UTF-8 `s`, counting lead bytes.
std::size_t code_points(std::string_view s);

/// Reads the character that starts at byte `at` of `s`: its code point and its length in bytes,
/// or -1 and 1 for a byte that starts no valid sequence.
std::pair<std::int32_t, std::size_t> character_at(std::string_view s, std::size_t at);

/// Returns whether `cp` is in the CJK Unified Ideographs block as assigned since Unicode 11
/// (U+4E00–U+9FEF): a letter (Lo) without decomposition, the bulk of Chinese text.
constexpr bool is_common_han(std::int32_t cp) { return cp >= 0x4E00 && cp <= 0x9FEF; }

/// Returns whether code point `cp` is a letter (Han characters included) or a number: what
/// word_characters counts and texts are compared by.
bool is_letter_or_number(std::int32_t cp);

/// Returns the number of letters and digits in UTF-8 `s` (Han characters are letters), leaving
/// out spaces, punctuation and symbols; counting stops at `at_most`.
std::size_t word_characters(std::string_view s, std::size_t at_most = SIZE_MAX);

/// Returns whether `s` is valid UTF-8.
bool is_valid_utf8(std::string_view s);

/// Returns `s` with each byte that does not start a valid UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view s);

/// Decodes UTF-8 into code points; a byte that does not start a valid sequence becomes U+FFFD.
std::u32string decode_utf8(std::string_view s);

/// Encodes code points as UTF-8.
std::string encode_utf8(std::u32string_view text);

/// Cuts `text` to at most `bytes` bytes without splitting a character; "…" marks a cut.
std::string shorten_bytes(std::string_view text, std::size_t bytes);

/// Cuts `text` to its first `limit` characters; "…" marks a cut.
std::string shorten_chars(std::string_view text, std::size_t limit);

}  // namespace govreport::detail
