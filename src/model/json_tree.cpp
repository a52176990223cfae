#include "model/json_tree.hpp"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

namespace govreport::detail {
namespace {

// Builds the Document from nlohmann's SAX events. nlohmann reads the text through plain pointers
// (its fastest input) and says nothing of where a token is: each event's token is found here,
// after the end of the previous one past whitespace and separators, and measured, which for a
// valid token is a short scan.
class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(std::string_view text, std::size_t start, Document& doc, ParseError& error)
      : text_(text), doc_(doc), error_(error), last_end_(start), start_(start) {
    doc_.text = text;
    doc_.nodes.clear();
    doc_.decoded.clear();
    doc_.nodes.reserve(std::min(text.size() / 24 + 16, kMaxValues + 1));
  }

  bool null() override { return leaf(Node::Kind::Null, 4) != kNoNode; }
  bool boolean(bool val) override {
    const std::uint32_t i = leaf(Node::Kind::Bool, val ? 4 : 5);
    if (i == kNoNode) return false;
    doc_.nodes[i].boolean = val;
    return true;
  }
  bool number_integer(number_integer_t val) override {
    const std::uint32_t i = leaf(Node::Kind::Integer, kNumber);
    if (i == kNoNode) return false;
    doc_.nodes[i].value.integer = val;
    return true;
  }
  bool number_unsigned(number_unsigned_t val) override {
    const std::uint32_t i = leaf(Node::Kind::Unsigned, kNumber);
    if (i == kNoNode) return false;
    doc_.nodes[i].value.unsigned_integer = val;
    return true;
  }
  bool number_float(number_float_t, const string_t& s) override {
    const std::uint32_t i = leaf(Node::Kind::Float, kNumber);
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
    const std::uint32_t i = leaf(Node::Kind::String, kString);
    if (i == kNoNode) return false;
    Node& n = doc_.nodes[i];
    n.text_decoded = !keep(n.offset, val, n.value.text.start);
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
    n.key_decoded = !keep(start, val, n.key_start);
    n.key_size = static_cast<std::uint32_t>(val.size());
    pending_ = true;  // the member's value fills this node
    last_end_ = string_end(start);
    return true;
  }
  /// Returns the offset after the last token read: after the top-level value once it is complete.
  std::size_t end() const { return last_end_; }

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
  // Lengths of tokens that leaf() measures itself.
  static constexpr std::size_t kNumber = SIZE_MAX, kString = SIZE_MAX - 1;

  // The token of the current event begins after the last one, past whitespace and separators.
  std::size_t token_start() const {
    std::size_t i = last_end_;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' ||
                                text_[i] == '\r' || text_[i] == ',' || text_[i] == ':'))
      ++i;
    return i;
  }

  // Returns the offset after the valid string token that starts at `start` (its opening quote).
  std::size_t string_end(std::size_t start) const {
    std::size_t i = start + 1;
    while (i < text_.size() && text_[i] != '"') i += text_[i] == '\\' ? 2 : 1;
    return std::min(i + 1, text_.size());
  }

  std::size_t number_end(std::size_t start) const {
    std::size_t i = start;
    while (i < text_.size() &&
           ((text_[i] >= '0' && text_[i] <= '9') || text_[i] == '-' || text_[i] == '+' ||
            text_[i] == '.' || text_[i] == 'e' || text_[i] == 'E'))
      ++i;
    return i;
  }

  // Points `start` at the bytes of the string token at `quote`: in the text when it was written
  // without escapes (returns true), else at a decoded copy.
  bool keep(std::size_t quote, const std::string& value, std::uint32_t& start) {
    const std::string_view written = text_.substr(std::min(quote + 1, text_.size()));
    if (written.size() > value.size() && written[value.size()] == '"' &&
        written.substr(0, value.size()).find('\\') == std::string_view::npos) {
      start = static_cast<std::uint32_t>(quote + 1);
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

  // Adds a value of `length` bytes (or kNumber, kString: measured here).
  std::uint32_t leaf(Node::Kind kind, std::size_t length) {
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
    last_end_ = length == kNumber   ? number_end(start)
                : length == kString ? string_end(start)
                                    : std::min(start + length, text_.size());
    return index;
  }

  bool open(Node::Kind kind) {
    if (stack_.size() >= kMaxDepth) {
      error_.kind = ParseError::Kind::TooDeep;
      error_.offset = token_start();
      error_.detail = "nesting deeper than " + std::to_string(kMaxDepth) + " levels";
      return false;
    }
    const std::uint32_t index = leaf(kind, 1);
    if (index == kNoNode) return false;
    stack_.push_back({index, kNoNode});
    return true;
  }

  bool close() {
    last_end_ = std::min(token_start() + 1, text_.size());  // past the ] or }
    stack_.pop_back();
    root_done_ = stack_.empty();
    return true;
  }

  std::string_view text_;
  Document& doc_;
  ParseError& error_;
  std::vector<Open> stack_;
  std::size_t last_end_ = 0;
  std::size_t start_ = 0;
  bool pending_ = false;
  bool root_done_ = false;
};

std::size_t skip_space(std::string_view text, std::size_t i) {
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
    ++i;
  return i;
}

}  // namespace

bool parse_json(std::string_view text, Document& doc, ParseError& error) {
  error = {};
  return parse_json_fast(text, doc) || parse_json_exact(text, doc, error);
}

bool parse_json_exact(std::string_view text, Document& doc, ParseError& error) {
  error = {};
  if (text.size() > kMaxText) {
    error.detail = "the text is larger than 4 GiB";
    return false;
  }
  const std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  TreeBuilder builder(text, start, doc, error);
  // The parser lives on the heap: on the stack, where it lands depends on the callers' frames,
  // and at some depths its per-character state aliases (modulo 4 KiB) with the builder's, which
  // made parsing half again as slow. nlohmann::json::sax_parse would build it on the stack.
  auto input = nlohmann::detail::input_adapter(text.data() + start, text.data() + text.size());
  auto parser = std::make_unique<nlohmann::detail::parser<nlohmann::json, decltype(input)>>(
      std::move(input), nullptr, true, false);  // NOLINT(performance-move-const-arg): takes &&
  const bool parsed = parser->sax_parse(&builder, true);
  // nlohmann reads a NUL byte as the end of the input: what follows one was never looked at.
  if (parsed && text.find('\0', start) == std::string_view::npos) return true;
  if (parsed) error.kind = ParseError::Kind::TrailingContent;
  if (error.kind == ParseError::Kind::TrailingContent)
    error.offset = skip_space(text, builder.end());
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
