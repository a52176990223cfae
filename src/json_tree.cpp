#include "json_tree.hpp"

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
  TreeBuilder(std::string_view text, const char** cursor, ParseError& error)
      : text_(text), cursor_(cursor), error_(error) {}

  std::unique_ptr<Node> take_root() { return std::move(root_); }

  bool null() override { return leaf(Node::Kind::Null); }
  bool boolean(bool val) override { return leaf(Node::Kind::Bool)->boolean = val, true; }
  bool number_integer(number_integer_t val) override {
    return leaf(Node::Kind::Integer)->integer = val, true;
  }
  bool number_unsigned(number_unsigned_t val) override {
    return leaf(Node::Kind::Unsigned)->unsigned_integer = val, true;
  }
  bool number_float(number_float_t, const string_t& s) override {
    return leaf(Node::Kind::Float)->text = s, true;
  }
  bool string(string_t& val) override { return leaf(Node::Kind::String)->text = std::move(val), true; }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(Node::Kind::Object); }
  bool start_array(std::size_t) override { return open(Node::Kind::Array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& val) override {
    const std::size_t start = token_start();
    Node* object = stack_.back();
    object->members.push_back(Member{std::move(val), start, std::make_unique<Node>()});
    mark_end();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error …"
    if (auto colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    error_.offset = position > 0 ? position - 1 : 0;
    error_.detail = std::move(what);
    return false;
  }

 private:
  std::size_t consumed() const { return static_cast<std::size_t>(*cursor_ - text_.data()); }

  // The token that just ended began after the last event, past whitespace and separators.
  std::size_t token_start() const {
    std::size_t i = last_end_;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r' ||
                                text_[i] == ',' || text_[i] == ':'))
      ++i;
    return i;
  }
  void mark_end() { last_end_ = consumed(); }

  // Returns the node for the next value: the root, the pending member value, or a new array item.
  Node* slot() {
    if (stack_.empty()) {
      root_ = std::make_unique<Node>();
      return root_.get();
    }
    Node* parent = stack_.back();
    if (parent->kind == Node::Kind::Object) return parent->members.back().value.get();
    parent->items.emplace_back();
    return &parent->items.back();
  }

  Node* leaf(Node::Kind kind) {
    const std::size_t start = token_start();
    Node* node = slot();
    node->kind = kind;
    node->offset = start;
    mark_end();
    return node;
  }

  bool open(Node::Kind kind) {
    if (stack_.size() >= kMaxDepth) {
      error_.offset = token_start();
      error_.detail = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
      return false;
    }
    Node* node = leaf(kind);
    stack_.push_back(node);
    return true;
  }

  bool close() {
    stack_.pop_back();
    mark_end();
    return true;
  }

  std::string_view text_;
  const char** cursor_;
  ParseError& error_;
  std::unique_ptr<Node> root_;
  std::vector<Node*> stack_;
  std::size_t last_end_ = 0;
};

}  // namespace

std::unique_ptr<Node> parse_json(std::string_view text, ParseError& error) {
  const char* cursor = text.data();
  TreeBuilder builder(text, &cursor, error);
  TrackingIterator first(text.data(), &cursor), last(text.data() + text.size(), &cursor);
  error.detail.clear();
  const bool ok = nlohmann::json::sax_parse(first, last, &builder);
  if (!ok) {
    if (error.detail.empty()) error.detail = "invalid JSON";
    return nullptr;
  }
  return builder.take_root();
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
