// The Document built with simdjson's On Demand parser: several times faster than nlohmann's, and
// the same nodes. On Demand hands out each value's raw token, a pointer into the text, so offsets
// cost a subtraction; a key's closing quote is found back from its value, past the colon.
//
// It builds only what nlohmann's parser would build exactly: anything it cannot (a text simdjson
// refuses, a NUL byte, a number beyond 64 bits or a double, a string whose escapes decode to
// invalid UTF-8, nesting or values beyond the limits, a scalar at the top) makes it give up, and
// the exact parser reads the text again and explains what is wrong.

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <utility>

#include "model/json_tree.hpp"

namespace govreport::detail {
namespace {

namespace od = simdjson::ondemand;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The text copied with the padding that simdjson reads past its end; kept by each thread.
class Padded {
 public:
  std::string_view copy(std::string_view text) {
    const std::size_t need = text.size() + simdjson::SIMDJSON_PADDING;
    if (need > capacity_) {
      capacity_ = std::max(need, capacity_ * 2);
      bytes_ = std::make_unique<char[]>(capacity_);
    }
    std::memcpy(bytes_.get(), text.data(), text.size());
    std::memset(bytes_.get() + text.size(), 0, simdjson::SIMDJSON_PADDING);
    return {bytes_.get(), text.size()};
  }
  std::size_t capacity() const { return capacity_; }
  // Gives back the memory after a large text, so that one large file does not hold it.
  void trim() {
    if (capacity_ <= kKeep) return;
    bytes_.reset();
    capacity_ = 0;
  }
  static constexpr std::size_t kKeep = std::size_t{1} << 20;

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t capacity_ = 0;
};

class FastBuilder {
 public:
  FastBuilder(const char* base, Document& doc) : base_(base), doc_(doc) {}

  bool root(od::document& d, std::size_t offset) {
    const char first = base_[offset];
    if (first != '{' && first != '[') return false;  // the exact parser says what a scalar is
    const std::uint32_t index = append(kNoNode);
    if (index == kNoNode) return false;
    doc_.nodes[index].offset = static_cast<std::uint32_t>(offset);
    if (first == '{') {
      doc_.nodes[index].kind = Node::Kind::Object;
      od::object object;
      return !d.get_object().get(object) && members(object, index, 1);
    }
    doc_.nodes[index].kind = Node::Kind::Array;
    od::array array;
    return !d.get_array().get(array) && elements(array, index, 1);
  }

 private:
  // Adds a node as the next child of `parent` (kNoNode: the root); kNoNode past the limit.
  std::uint32_t append(std::uint32_t parent) {
    if (doc_.nodes.size() >= kMaxValues) return kNoNode;
    const auto index = static_cast<std::uint32_t>(doc_.nodes.size());
    doc_.nodes.emplace_back();
    if (parent != kNoNode) {
      if (last_child_ != kNoNode) doc_.nodes[last_child_].next_sibling = index;
      ++doc_.nodes[parent].value.children.count;
      if (doc_.nodes[parent].value.children.first == kNoNode)
        doc_.nodes[parent].value.children.first = index;
    }
    return index;
  }

  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - base_); }

  bool members(od::object& object, std::uint32_t parent, std::size_t depth) {
    open(parent);
    std::uint32_t last = kNoNode;
    for (auto member : object) {
      od::field field;
      if (std::move(member).get(field)) return false;
      od::value& value = field.value();
      const char* at = value.raw_json_token().data();
      // The key's closing quote: back from the value, past white space, the colon, white space.
      const char* key = field.key().raw();
      const char* end = at - 1;
      while (end > key && is_space(*end)) --end;
      if (*end != ':') return false;
      --end;
      while (end > key && is_space(*end)) --end;
      if (end < key || *end != '"') return false;
      last_child_ = last;
      const std::uint32_t index = append(parent);
      if (index == kNoNode) return false;
      last = index;
      Node& n = doc_.nodes[index];
      n.key_offset = offset(key - 1);
      const auto size = static_cast<std::size_t>(end - key);
      if (std::memchr(key, '\\', size) == nullptr) {
        n.key_start = offset(key);
        n.key_size = static_cast<std::uint32_t>(size);
      } else {
        std::string_view decoded;
        if (field.unescaped_key().get(decoded) || !keep_decoded(decoded, n.key_start)) return false;
        doc_.nodes[index].key_decoded = true;
        doc_.nodes[index].key_size = static_cast<std::uint32_t>(decoded.size());
      }
      if (!fill(value, index, depth)) return false;
    }
    return true;
  }

  bool elements(od::array& array, std::uint32_t parent, std::size_t depth) {
    open(parent);
    std::uint32_t last = kNoNode;
    for (auto element : array) {
      od::value value;
      if (element.get(value)) return false;
      last_child_ = last;
      const std::uint32_t index = append(parent);
      if (index == kNoNode) return false;
      last = index;
      if (!fill(value, index, depth)) return false;
    }
    return true;
  }

  void open(std::uint32_t index) { doc_.nodes[index].value.children = {kNoNode, 0}; }

  // Decoded bytes are kept only when they are UTF-8: simdjson lets a lone surrogate through.
  bool keep_decoded(std::string_view decoded, std::uint32_t& start) {
    if (!simdjson::validate_utf8(decoded.data(), decoded.size())) return false;
    start = static_cast<std::uint32_t>(doc_.decoded.size());
    doc_.decoded += decoded;
    return true;
  }

  // Reads `value` into the node at `index`, `depth` containers deep.
  bool fill(od::value& value, std::uint32_t index, std::size_t depth) {
    std::string_view token = value.raw_json_token();
    while (!token.empty() && is_space(token.back())) token.remove_suffix(1);
    if (token.empty()) return false;
    doc_.nodes[index].offset = offset(token.data());
    switch (token.front()) {
      case '{': {
        od::object object;
        if (depth >= kMaxDepth || value.get_object().get(object)) return false;
        doc_.nodes[index].kind = Node::Kind::Object;
        return members(object, index, depth + 1);
      }
      case '[': {
        od::array array;
        if (depth >= kMaxDepth || value.get_array().get(array)) return false;
        doc_.nodes[index].kind = Node::Kind::Array;
        return elements(array, index, depth + 1);
      }
      case '"': {
        Node& n = doc_.nodes[index];
        n.kind = Node::Kind::String;
        if (token.size() < 2 || token.back() != '"') return false;
        const std::string_view raw = token.substr(1, token.size() - 2);
        if (raw.find('\\') == std::string_view::npos) {
          // Consumed, though its text is known: On Demand checks what follows a value only when
          // the value was read, and would skip `"a": "b": {}` as one member.
          od::raw_json_string consumed;
          if (value.get_raw_json_string().get(consumed)) return false;
          n.value.text = {offset(raw.data()), static_cast<std::uint32_t>(raw.size())};
          return true;
        }
        std::string_view decoded;
        std::uint32_t start = 0;
        if (value.get_string().get(decoded) || !keep_decoded(decoded, start)) return false;
        doc_.nodes[index].text_decoded = true;
        doc_.nodes[index].value.text = {start, static_cast<std::uint32_t>(decoded.size())};
        return true;
      }
      case 't':
      case 'f': {
        bool b = false;
        if (value.get_bool().get(b)) return false;
        doc_.nodes[index].kind = Node::Kind::Bool;
        doc_.nodes[index].boolean = b;
        return true;
      }
      case 'n': {
        bool null = false;
        return !value.is_null().get(null) && null;  // Kind::Null is the default
      }
      default:
        return number(value, token, doc_.nodes[index]);
    }
  }

  // nlohmann's kinds: a number with a fraction or exponent is a float, kept as written (and it
  // must be finite); else negative ones are int64, others uint64. Beyond those it would read a
  // float: left to it.
  static bool number(od::value& value, std::string_view token, Node& n) {
    if (token.find_first_of(".eE") != std::string_view::npos) {
      double d = 0;
      if (value.get_double().get(d) || !std::isfinite(d)) return false;
      n.kind = Node::Kind::Float;
      n.value.text = {n.offset, static_cast<std::uint32_t>(token.size())};
      return true;
    }
    if (token.front() == '-') {
      n.kind = Node::Kind::Integer;
      return !value.get_int64().get(n.value.integer);
    }
    n.kind = Node::Kind::Unsigned;
    return !value.get_uint64().get(n.value.unsigned_integer);
  }

  const char* base_;
  Document& doc_;
  std::uint32_t last_child_ = kNoNode;  // of the container being filled, for append()
};

}  // namespace

bool parse_json_fast(std::string_view text, Document& doc) {
  doc.text = text;
  doc.nodes.clear();
  doc.decoded.clear();
  if (text.size() > kMaxText || std::memchr(text.data(), '\0', text.size()) != nullptr)
    return false;
  const std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::size_t first = start;
  while (first < text.size() && is_space(text[first])) ++first;
  if (first == text.size()) return false;

  thread_local Padded padded;
  thread_local od::parser parser;
  const std::string_view copy = padded.copy(text);
  doc.nodes.reserve(std::min(text.size() / 24 + 16, kMaxValues + 1));
  bool built = false;
  {
    od::document d;
    if (!parser.iterate(copy.data() + start, copy.size() - start, padded.capacity() - start)
             .get(d)) {
      FastBuilder builder(copy.data(), doc);
      const char* after = nullptr;
      // Nothing may follow the top-level value: simdjson's iterator must be at its end.
      built = builder.root(d, first) && d.current_location().get(after) == simdjson::OUT_OF_BOUNDS;
    }
  }
  if (text.size() > Padded::kKeep) {
    padded.trim();
    parser = od::parser{};
  }
  return built;
}

}  // namespace govreport::detail
