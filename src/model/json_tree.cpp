#include "model/json_tree.hpp"

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
  TreeBuilder(std::string_view text, const char** cursor, Document& doc, ParseError& error)
      : text_(text), cursor_(cursor), doc_(doc), error_(error) {
    doc_.nodes.clear();
    doc_.nodes.reserve(text.size() / 24 + 16);
  }

  bool null() override { return leaf(Node::Kind::Null), true; }
  bool boolean(bool val) override { return doc_.nodes[leaf(Node::Kind::Bool)].boolean = val, true; }
  bool number_integer(number_integer_t val) override {
    return doc_.nodes[leaf(Node::Kind::Integer)].integer = val, true;
  }
  bool number_unsigned(number_unsigned_t val) override {
    return doc_.nodes[leaf(Node::Kind::Unsigned)].unsigned_integer = val, true;
  }
  bool number_float(number_float_t, const string_t& s) override {
    return doc_.nodes[leaf(Node::Kind::Float)].text = s, true;
  }
  bool string(string_t& val) override {
    return doc_.nodes[leaf(Node::Kind::String)].text = std::move(val), true;
  }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(Node::Kind::Object); }
  bool start_array(std::size_t) override { return open(Node::Kind::Array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& val) override {
    const std::size_t start = token_start();
    const std::uint32_t index = append();
    doc_.nodes[index].key = std::move(val);
    doc_.nodes[index].key_offset = start;
    pending_ = true;  // the member's value fills this node
    mark_end();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error …"
    if (auto colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    error_.offset = position > 0 ? position - 1 : 0;
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

  // Adds a node as the next child of the open container (or as the root).
  std::uint32_t append() {
    const auto index = static_cast<std::uint32_t>(doc_.nodes.size());
    doc_.nodes.emplace_back();
    if (!stack_.empty()) {
      Open& parent = stack_.back();
      if (parent.last_child == kNoNode) {
        doc_.nodes[parent.node].first_child = index;
      } else {
        doc_.nodes[parent.last_child].next_sibling = index;
      }
      parent.last_child = index;
      ++doc_.nodes[parent.node].child_count;
    }
    return index;
  }

  std::uint32_t leaf(Node::Kind kind) {
    const std::size_t start = token_start();
    const std::uint32_t index =
        pending_ ? static_cast<std::uint32_t>(doc_.nodes.size() - 1) : append();
    pending_ = false;
    doc_.nodes[index].kind = kind;
    doc_.nodes[index].offset = start;
    mark_end();
    return index;
  }

  bool open(Node::Kind kind) {
    if (stack_.size() >= kMaxDepth) {
      error_.offset = token_start();
      error_.detail = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
      return false;
    }
    stack_.push_back({leaf(kind), kNoNode});
    return true;
  }

  bool close() {
    stack_.pop_back();
    mark_end();
    return true;
  }

  std::string_view text_;
  const char** cursor_;
  Document& doc_;
  ParseError& error_;
  std::vector<Open> stack_;
  std::size_t last_end_ = 0;
  bool pending_ = false;
};

}  // namespace

bool parse_json(std::string_view text, Document& doc, ParseError& error) {
  const char* cursor = text.data();
  TreeBuilder builder(text, &cursor, doc, error);
  TrackingIterator first(text.data(), &cursor), last(text.data() + text.size(), &cursor);
  error.detail.clear();
  if (nlohmann::json::sax_parse(first, last, &builder)) return true;
  if (error.detail.empty()) error.detail = "invalid JSON";
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
