#include "json_tree.hpp"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

namespace govreport::detail {
namespace {

// An iterator over the text that publishes how far nlohmann's lexer has read, so that every SAX
// event can be given the offset of its token.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator(const char* p, const char** cursor) : p_(p), cursor_(cursor) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    *cursor_ = ++p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const TrackingIterator& other) const { return p_ == other.p_; }
  bool operator!=(const TrackingIterator& other) const { return p_ != other.p_; }

 private:
  const char* p_;
  const char** cursor_;
};

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(std::string_view text, std::size_t start, const char** cursor, Document& doc,
              ParseError& error)
      : text_(text), cursor_(cursor), doc_(doc), error_(error), last_end_(start), start_(start) {
    doc_.text = text;
    doc_.nodes.clear();
    doc_.decoded.clear();
    doc_.nodes.reserve(std::min(text.size() / 24 + 16, kMaxValues + 1));
  }

  bool null() override { return leaf(Node::Kind::Null) != kNoNode; }
  bool boolean(bool val) override {
    const std::uint32_t i = leaf(Node::Kind::Bool);
    if (i == kNoNode) return false;
    doc_.nodes[i].boolean = val;
    return true;
  }
  bool number_integer(number_integer_t val) override {
    const std::uint32_t i = leaf(Node::Kind::Integer);
    if (i == kNoNode) return false;
    doc_.nodes[i].value.integer = val;
    return true;
  }
  bool number_unsigned(number_unsigned_t val) override {
    const std::uint32_t i = leaf(Node::Kind::Unsigned);
    if (i == kNoNode) return false;
    doc_.nodes[i].value.unsigned_integer = val;
    return true;
  }
  bool number_float(number_float_t, const string_t& s) override {
    const std::uint32_t i = leaf(Node::Kind::Float);
    if (i == kNoNode) return false;
    // A number is written without escapes: its token is the text at its offset.
    Node& n = doc_.nodes[i];
    n.value.text.size = static_cast<std::uint32_t>(s.size());
    if (text_.substr(n.offset, s.size()) == s) {
      n.value.text.start = n.offset;
    } else {
      n.text_decoded = true;
      n.value.text.start = static_cast<std::uint32_t>(doc_.decoded.size());
      doc_.decoded += s;
    }
    return true;
  }
  bool string(string_t& val) override {
    const std::uint32_t i = leaf(Node::Kind::String);
    if (i == kNoNode) return false;
    Node& n = doc_.nodes[i];
    n.text_decoded = !keep(n.offset + 1, val, n.value.text.start);
    n.value.text.size = static_cast<std::uint32_t>(val.size());
    return true;
  }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(Node::Kind::Object); }
  bool start_array(std::size_t) override { return open(Node::Kind::Array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& val) override {
    const std::size_t start = token_start();
    const std::uint32_t index = append();
    if (index == kNoNode) return false;
    Node& n = doc_.nodes[index];
    n.key_offset = static_cast<std::uint32_t>(start);
    n.key_decoded = !keep(start + 1, val, n.key_start);
    n.key_size = static_cast<std::uint32_t>(val.size());
    pending_ = true;  // the member's value fills this node
    mark_end();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    if (root_done_) {
      error_.kind = ParseError::Kind::TrailingContent;
      return false;
    }
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error …"
    if (auto colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    error_.kind = ParseError::Kind::Syntax;
    error_.offset = start_ + (position > 0 ? position - 1 : 0);
    error_.detail = std::move(what);
    return false;
  }

 private:
  struct Open {
    std::uint32_t node;
    std::uint32_t last_child;
  };

  std::size_t consumed() const { return static_cast<std::size_t>(*cursor_ - text_.data()); }

  // The token that just ended began after the last event, past whitespace and separators.
  std::size_t token_start() const {
    std::size_t i = last_end_;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' ||
                                text_[i] == '\r' || text_[i] == ',' || text_[i] == ':'))
      ++i;
    return i;
  }
  void mark_end() { last_end_ = consumed(); }

  // Points `start` at the bytes of a string whose contents begin at `raw` in the text: there when
  // it was written without escapes (returns true), else at a decoded copy.
  bool keep(std::size_t raw, const std::string& value, std::uint32_t& start) {
    const std::string_view written = text_.substr(std::min(raw, text_.size()));
    if (written.size() > value.size() && written[value.size()] == '"' &&
        written.substr(0, value.size()).find('\\') == std::string_view::npos) {
      start = static_cast<std::uint32_t>(raw);
      return true;
    }
    start = static_cast<std::uint32_t>(doc_.decoded.size());
    doc_.decoded += value;
    return false;
  }

  // Adds a node as the next child of the open container (or as the root); kNoNode past the limit.
  std::uint32_t append() {
    if (doc_.nodes.size() >= kMaxValues) {
      error_.kind = ParseError::Kind::TooManyValues;
      error_.offset = token_start();
      return kNoNode;
    }
    const auto index = static_cast<std::uint32_t>(doc_.nodes.size());
    doc_.nodes.emplace_back();
    if (!stack_.empty()) {
      Open& parent = stack_.back();
      if (parent.last_child == kNoNode) {
        doc_.nodes[parent.node].value.children.first = index;
      } else {
        doc_.nodes[parent.last_child].next_sibling = index;
      }
      parent.last_child = index;
      ++doc_.nodes[parent.node].value.children.count;
    }
    return index;
  }

  std::uint32_t leaf(Node::Kind kind) {
    const std::size_t start = token_start();
    const std::uint32_t index =
        pending_ ? static_cast<std::uint32_t>(doc_.nodes.size() - 1) : append();
    if (index == kNoNode) return kNoNode;
    pending_ = false;
    Node& n = doc_.nodes[index];
    n.kind = kind;
    n.offset = static_cast<std::uint32_t>(start);
    if (kind == Node::Kind::Array || kind == Node::Kind::Object) {
      n.value.children = {kNoNode, 0};
    } else if (stack_.empty()) {
      root_done_ = true;
    }
    mark_end();
    return index;
  }

  bool open(Node::Kind kind) {
    if (stack_.size() >= kMaxDepth) {
      error_.kind = ParseError::Kind::TooDeep;
      error_.offset = token_start();
      error_.detail = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
      return false;
    }
    const std::uint32_t index = leaf(kind);
    if (index == kNoNode) return false;
    stack_.push_back({index, kNoNode});
    return true;
  }

  bool close() {
    stack_.pop_back();
    root_done_ = stack_.empty();
    mark_end();
    return true;
  }

  std::string_view text_;
  const char** cursor_;
  Document& doc_;
  ParseError& error_;
  std::vector<Open> stack_;
  std::size_t last_end_ = 0;
  std::size_t start_ = 0;
  bool pending_ = false;
  bool root_done_ = false;
};

// Returns the offset just past the valid JSON value that starts at `i`.
std::size_t value_end(std::string_view text, std::size_t i) {
  std::size_t depth = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      ++i;
    } else if (c == '{' || c == '[') {
      ++depth;
      ++i;
    } else if (c == '}' || c == ']') {
      --depth;
      ++i;
    } else if (depth == 0 &&
               std::string_view("+-.0123456789eEtruefalsn").find(c) == std::string_view::npos) {
      return i;
    } else {
      ++i;
    }
    if (depth == 0 && (c == '"' || c == '}' || c == ']')) return i;
  }
  return i;
}

std::size_t skip_space(std::string_view text, std::size_t i) {
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
    ++i;
  return i;
}

}  // namespace

bool parse_json(std::string_view text, Document& doc, ParseError& error) {
  error = {};
  if (text.size() > kMaxText) {
    error.detail = "the text is larger than 4 GiB";
    return false;
  }
  const std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const char* cursor = text.data() + start;
  TreeBuilder builder(text, start, &cursor, doc, error);
  TrackingIterator first(text.data() + start, &cursor), last(text.data() + text.size(), &cursor);
  const bool parsed = nlohmann::json::sax_parse(first, last, &builder);
  // nlohmann reads a NUL byte as the end of the input: what follows one was never looked at.
  if (parsed && text.find('\0', start) == std::string_view::npos) return true;
  if (parsed) error.kind = ParseError::Kind::TrailingContent;
  if (error.kind == ParseError::Kind::TrailingContent)
    error.offset = skip_space(text, value_end(text, doc.root().offset));
  if (error.kind == ParseError::Kind::Syntax && error.detail.empty()) error.detail = "invalid JSON";
  return false;
}

std::string_view kind_name(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::Null:
      return "null";
    case Node::Kind::Bool:
      return "boolean";
    case Node::Kind::Integer:
    case Node::Kind::Unsigned:
    case Node::Kind::Float:
      return "number";
    case Node::Kind::String:
      return "string";
    case Node::Kind::Array:
      return "array";
    case Node::Kind::Object:
      return "object";
  }
  return "value";
}

}  // namespace govreport::detail
