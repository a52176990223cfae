// Positions in a text: LineIndex against a plain count from the start, on every offset of texts
// made of line ends of each kind, multi-byte characters and a byte-order mark.

#include "govreport/source.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>

using govreport::LineIndex;
using govreport::Position;

namespace {

// Line and column of `offset`, counted from the start: LF, CRLF and a lone CR end a line, columns
// count code points, and a byte-order mark is no column.
Position counted(std::string_view text, std::size_t offset) {
  std::size_t line = 1, start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (offset < start) return {1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    const bool end =
        text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
    if (end) {
      ++line;
      start = i + 1;
    }
  }
  std::size_t column = 1;
  for (std::size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return {line, column};
}

}  // namespace

TEST_CASE("LineIndex gives the line and column of every offset, whatever the line ends",
          "[source]") {
  std::mt19937 rng(7);
  const std::string pieces[] = {"a", "\n", "\r", "\r\n", "中", "x", "\xF0\x9F\x98\x80", "  "};
  for (int round = 0; round < 40; ++round) {
    std::string text = round % 3 == 0 ? "\xEF\xBB\xBF" : "";
    // Long lines as well as short ones, so that lines cross the blocks of the index.
    const int length = round < 20 ? 300 : 3000;
    for (int i = 0; i < length; ++i) {
      const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, 99)(rng);
      text += pieces[pick < 92 ? (pick % 2 == 0 ? 0 : 4) : pick - 92];
    }
    const LineIndex index(text);
    std::size_t wrong = 0;
    for (std::size_t offset = 0; offset <= text.size(); ++offset) {
      const Position want = counted(text, offset), got = index.position(text, offset);
      if (want.line != got.line || want.column != got.column) {
        if (wrong++ == 0) UNSCOPED_INFO("round " << round << ", first wrong offset " << offset);
      }
    }
    CHECK(wrong == 0);
  }
}

TEST_CASE("a lone CR ends a line and CRLF ends one line", "[source]") {
  const std::string text = "ab\rcd\r\nef\n\rg";
  const LineIndex index(text);
  CHECK(index.position(text, 3).line == 2);  // c
  CHECK(index.position(text, 3).column == 1);
  CHECK(index.position(text, 7).line == 3);   // e
  CHECK(index.position(text, 11).line == 5);  // g, after LF and a lone CR
  CHECK(index.position(text, 11).column == 1);
  CHECK(govreport::position_in(text, 8).line == 3);
  CHECK(govreport::position_in(text, 8).column == 2);
}

TEST_CASE("SourceMap::positions_of counts in one pass what position_of finds", "[source]") {
  std::mt19937 rng(11);
  const std::string pieces[] = {"a", "\n", "\r", "\r\n", "中", "x", "\xF0\x9F\x98\x80", "  "};
  for (int round = 0; round < 20; ++round) {
    std::string text = round % 3 == 0 ? "\xEF\xBB\xBF" : "";
    for (int i = 0; i < 2000; ++i) {
      const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, 99)(rng);
      const std::string& piece = pieces[pick < 92 ? (pick % 2 == 0 ? 0 : 4) : pick - 92];
      // Half of the texts end their lines with LF only, as most JSON files do.
      text += round % 2 == 1 && piece.find('\r') != std::string::npos ? "\n" : piece;
    }
    govreport::SourceMap map;
    std::vector<std::string> names;
    std::vector<std::size_t> offsets;
    map.add("", 0);
    for (int i = 0; i < 60; ++i) {  // in no order, some repeated, one at the end of the text
      const std::size_t offset =
          i == 0 ? text.size() : std::uniform_int_distribution<std::size_t>(0, text.size())(rng);
      names.push_back("/p" + std::to_string(i));
      offsets.push_back(offset);
      map.add(names.back(), offset);
    }
    std::vector<std::string_view> pointers(names.begin(), names.end());
    pointers.push_back("/p7/below");  // found at its enclosing value
    offsets.push_back(offsets[7]);
    pointers.push_back("/none");  // at the document
    offsets.push_back(0);
    map.set_text(text);
    const std::vector<Position> got = map.positions_of(pointers);
    REQUIRE(got.size() == pointers.size());
    for (std::size_t i = 0; i < pointers.size(); ++i) {
      const Position want = counted(text, offsets[i]);
      INFO("round " << round << ", " << pointers[i] << " at " << offsets[i]);
      CHECK(got[i].line == want.line);
      CHECK(got[i].column == want.column);
    }
    // Once the line index is built (by position_of), the answers stay the same.
    CHECK(map.position_of(pointers[3]).line == got[3].line);
    const std::vector<Position> again = map.positions_of(pointers);
    for (std::size_t i = 0; i < pointers.size(); ++i) CHECK(again[i].column == got[i].column);
  }
}
