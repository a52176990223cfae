#pragma once
// A JSON document as parsed, with the byte offset of every value and key and every duplicate key
// kept: nlohmann's DOM keeps neither.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace govreport::detail {

struct Node;

struct Member {
  std::string key;
  std::size_t key_offset = 0;
  std::unique_ptr<Node> value;
};

struct Node {
  enum class Kind : std::uint8_t { Null, Bool, Integer, Unsigned, Float, String, Array, Object };
  Kind kind = Kind::Null;
  std::size_t offset = 0;  // of the value's first byte in the text
  bool boolean = false;
  std::int64_t integer = 0;
  std::uint64_t unsigned_integer = 0;
  std::string text;  // a string's value, or a float's token as written
  std::vector<Member> members;
  std::vector<Node> items;
};

struct ParseError {
  std::size_t offset = 0;
  std::string detail;  // nlohmann's explanation, without its prefix
};

/// Deepest nesting accepted; a data file needs 5 levels.
inline constexpr std::size_t kMaxDepth = 64;

/// Parses `text`; on failure returns nullptr and sets `error`. Offsets are relative to `text`.
std::unique_ptr<Node> parse_json(std::string_view text, ParseError& error);

/// Returns the JSON name of a node kind ("string", "array", …).
std::string_view kind_name(Node::Kind kind);

}  // namespace govreport::detail
