#pragma once
// Comparing printed labels with the edition's, and reading the values of cells.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/edition.hpp"
#include "govreport/report.hpp"
#include "text/utf8.hpp"

namespace govreport::importer {

using detail::decode_utf8;
using detail::encode_utf8;

/// Folds a label for comparison: compatibility forms (full-width brackets, digits and
/// punctuation become ASCII), no whitespace, traditional characters made simplified (OpenCC
/// t2s), one form of quotes and dashes, and "1、" numbering written "1.".
std::u32string fold(std::string_view text);

/// Returns the length of the longest common subsequence of `a` and `b`.
std::size_t common_length(std::u32string_view a, std::u32string_view b);

/// Returns whether `c` is a CJK character or CJK/full-width punctuation.
bool is_wide(char32_t c);

/// Tidies running text: trims, collapses whitespace, and drops whitespace next to a CJK
/// character or punctuation ("2020 年 1 月" → "2020年1月"), keeping it between two words.
std::string tidy(std::string_view text);
/// Appends `next` to running text `text` as the continuation of a wrapped line.
void append_wrapped(std::string& text, std::string_view next);

/// Returns whether `c` parts printed words: ASCII white space, the no-break, ideographic,
/// zero-width and typographic spaces.
bool parts_words(char32_t c);
/// Splits `text` into its words, at every run of characters that part words.
std::vector<std::string> printed_words(std::string_view text);

/// Returns whether a word reads as a table value: a number (with sign, thousands separators,
/// decimals, or a unit such as 元 or 件) or a dash or slash meaning "not applicable".
bool looks_like_value(std::string_view text);

/// Returns whether whitespace or a <br> tag stands between two digits: two numbers in one cell
/// ("95<br>3") or digits split by spaces ("9 5").
bool digits_apart(std::string_view text);

/// Says what reading one cell found.
struct CellReading {
  enum class Issue {
    None,
    Unreadable,  ///< not a number, blank or "/" (e.g. "约5", a decimal count)
    NoUnit,      ///< an amount without a unit where the format prints none
  };
  Cell cell;
  Issue issue = Issue::None;
  std::string unit;        ///< the unit written in the cell, if any
  bool converted = false;  ///< the unit was converted to the column's (元 → 万元)
  bool headed = false;     ///< converted from the 元 of the printed column head
};

/// Reads the text of a cell of kind `kind`; `column_unit` says whether the column label
/// names its unit (万元), so a bare number is in that unit; `headed_yuan` that the printed
/// column head says 元 instead, so a bare number is in 元 and converted.
CellReading read_cell(std::string_view text, CellKind kind, bool column_unit,
                      bool headed_yuan = false);

}  // namespace govreport::importer
