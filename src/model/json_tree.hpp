#pragma once
// A JSON document as parsed, with the byte offset of every value and key, and every duplicate key
// kept: nlohmann's DOM keeps neither. All nodes live in one vector, linked as first child / next
// sibling, 32 bytes each; keys and strings are views into the text, and only those written with
// escapes are decoded, into one buffer. Parsing a data file costs a handful of allocations and a
// small multiple of its size.

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
  bool key_decoded = false;      // the key's bytes are in Document::decoded, not the text
  bool text_decoded = false;     // the same for a string's value
  std::uint32_t offset = 0;      // of the value's first byte in the text
  std::uint32_t key_offset = 0;  // of the key's opening quote, for an object member
  std::uint32_t key_start = 0;   // of the key's bytes, for an object member
  std::uint32_t key_size = 0;
  std::uint32_t next_sibling = kNoNode;
  union {
    std::int64_t integer;
    std::uint64_t unsigned_integer;
    struct {
      std::uint32_t start, size;
    } text;  // a string's value, or a float's token as written
    struct {
      std::uint32_t first, count;
    } children;
  } value{};

  std::uint32_t first_child() const { return value.children.first; }
  std::uint32_t child_count() const { return value.children.count; }
};

/// Holds the nodes of one document; nodes[0] is the root.
struct Document {
  std::string_view text;  // what was parsed; not owned
  std::vector<Node> nodes;
  std::string decoded;  // keys and strings that were written with escapes, decoded

  const Node& root() const { return nodes.front(); }
  /// Returns the key of an object member.
  std::string_view key(const Node& node) const {
    return (node.key_decoded ? std::string_view(decoded) : text)
        .substr(node.key_start, node.key_size);
  }
  /// Returns a string's value, or a float's token as written.
  std::string_view string(const Node& node) const {
    return (node.text_decoded ? std::string_view(decoded) : text)
        .substr(node.value.text.start, node.value.text.size);
  }
  /// Returns the children of an array or object, in order.
  std::vector<const Node*> children(const Node& node) const {
    std::vector<const Node*> out;
    out.reserve(node.child_count());
    for (std::uint32_t i = node.first_child(); i != kNoNode; i = nodes[i].next_sibling)
      out.push_back(&nodes[i]);
    return out;
  }
};

struct ParseError {
  enum class Kind {
    Syntax,           // `detail` says what (nlohmann's explanation, without its prefix)
    TooDeep,          // nesting beyond kMaxDepth
    TooManyValues,    // more than kMaxValues values
    TrailingContent,  // something after the top-level value
  };
  Kind kind = Kind::Syntax;
  std::size_t offset = 0;
  std::string detail;
};

/// Deepest nesting accepted; a data file needs 5 levels.
inline constexpr std::size_t kMaxDepth = 64;
/// Most values accepted: a data file has a few hundred (cells, paragraphs, the objects that hold
/// them), so a document with more is refused before it costs memory.
inline constexpr std::size_t kMaxValues = 100'000;
/// Largest text accepted: offsets are 32-bit.
inline constexpr std::size_t kMaxText = UINT32_MAX;

/// Parses `text` into `doc`, skipping a leading UTF-8 byte-order mark; returns false and sets
/// `error` on failure. Offsets are into `text`, which must outlive `doc`. Tries
/// parse_json_fast, and on failure parse_json_exact, which explains it.
bool parse_json(std::string_view text, Document& doc, ParseError& error);

/// Parses `text` like parse_json with nlohmann's parser, whose messages name the error.
bool parse_json_exact(std::string_view text, Document& doc, ParseError& error);

/// Parses `text` with simdjson into the same document as parse_json_exact; returns false, `doc`
/// unspecified, for any text that it would not build exactly so (invalid JSON, a NUL byte, a
/// number beyond 64 bits, a scalar at the top, the limits).
bool parse_json_fast(std::string_view text, Document& doc);

/// Returns the JSON name of a node kind ("string", "array", …).
std::string_view kind_name(Node::Kind kind);

}  // namespace govreport::detail
