#pragma once
// A JSON document as parsed, with the byte offset of every value and key, and every duplicate key
// kept: nlohmann's DOM keeps neither. All nodes live in one vector, linked as first child / next
// sibling, so that parsing a data file costs a handful of allocations, not one per value.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace govreport::detail {

inline constexpr std::uint32_t kNoNode = UINT32_MAX;

struct Node {
  enum class Kind : std::uint8_t { Null, Bool, Integer, Unsigned, Float, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::size_t offset = 0;      // of the value's first byte in the text
  std::size_t key_offset = 0;  // of the key, for an object member
  std::int64_t integer = 0;
  std::uint64_t unsigned_integer = 0;
  std::string key;   // for an object member
  std::string text;  // a string's value, or a float's token as written
  std::uint32_t first_child = kNoNode;
  std::uint32_t next_sibling = kNoNode;
  std::uint32_t child_count = 0;
};

/// Holds the nodes of one document; nodes[0] is the root.
struct Document {
  std::vector<Node> nodes;

  const Node& root() const { return nodes.front(); }
  /// Returns the children of an array or object, in order.
  std::vector<const Node*> children(const Node& node) const {
    std::vector<const Node*> out;
    out.reserve(node.child_count);
    for (std::uint32_t i = node.first_child; i != kNoNode; i = nodes[i].next_sibling)
      out.push_back(&nodes[i]);
    return out;
  }
};

struct ParseError {
  std::size_t offset = 0;
  std::string detail;  // nlohmann's explanation, without its prefix
};

/// Deepest nesting accepted; a data file needs 5 levels.
inline constexpr std::size_t kMaxDepth = 64;

/// Parses `text` into `doc`; returns false and sets `error` on failure. Offsets are into `text`.
bool parse_json(std::string_view text, Document& doc, ParseError& error);

/// Returns the JSON name of a node kind ("string", "array", …).
std::string_view kind_name(Node::Kind kind);

}  // namespace govreport::detail
