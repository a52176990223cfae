// The two JSON parsers: simdjson's (fast) builds exactly the document nlohmann's (exact) builds,
// or gives up; and the loader reads the same report and findings with either.

#include "model/json_tree.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "govreport/check.hpp"
#include "model/load_internal.hpp"
#include "support.hpp"

using namespace govreport;
using detail::Document;
using detail::Node;

namespace {

namespace fs = std::filesystem;

// Every input of the fuzz corpus of the loader, of the gallery of bad inputs and of data/.
std::vector<fs::path> corpus() {
  const fs::path root(GOVREPORT_SOURCE_DIR);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(root / "fuzz/corpus/load")) files.push_back(e.path());
  for (const char* dir : {"tests/bad", "data"})
    for (const auto& e : fs::recursive_directory_iterator(root / dir))
      if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Says how two documents differ, or "" when they are the same node for node.
std::string difference(const Document& a, const Document& b) {
  if (a.nodes.size() != b.nodes.size())
    return "node count " + std::to_string(a.nodes.size()) + " vs " + std::to_string(b.nodes.size());
  if (a.decoded != b.decoded) return "decoded bytes differ";
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    const Node &x = a.nodes[i], &y = b.nodes[i];
    const std::string at = "node " + std::to_string(i) + ": ";
    if (x.kind != y.kind) return at + "kind";
    if (x.offset != y.offset)
      return at + "offset " + std::to_string(x.offset) + " vs " + std::to_string(y.offset);
    if (x.key_offset != y.key_offset || x.key_start != y.key_start || x.key_size != y.key_size ||
        x.key_decoded != y.key_decoded)
      return at + "key";
    if (x.next_sibling != y.next_sibling) return at + "next sibling";
    switch (x.kind) {
      case Node::Kind::Bool:
        if (x.boolean != y.boolean) return at + "boolean";
        break;
      case Node::Kind::Integer:
        if (x.value.integer != y.value.integer) return at + "integer";
        break;
      case Node::Kind::Unsigned:
        if (x.value.unsigned_integer != y.value.unsigned_integer) return at + "unsigned";
        break;
      case Node::Kind::String:
      case Node::Kind::Float:
        if (x.text_decoded != y.text_decoded || x.value.text.start != y.value.text.start ||
            x.value.text.size != y.value.text.size)
          return at + "text";
        break;
      case Node::Kind::Array:
      case Node::Kind::Object:
        if (x.first_child() != y.first_child() || x.child_count() != y.child_count())
          return at + "children";
        break;
      case Node::Kind::Null:
        break;
    }
  }
  return "";
}

struct Parsed {
  bool fast = false, exact = false;
  std::string difference;
};

Parsed parse_both(std::string_view text) {
  Document fast, exact;
  detail::ParseError error;
  Parsed p;
  p.fast = detail::parse_json_fast(text, fast);
  p.exact = detail::parse_json_exact(text, exact, error);
  if (p.fast && p.exact) p.difference = difference(fast, exact);
  return p;
}

std::string describe(const Diagnostic& d) {
  return std::string(d.rule) + " " + d.file + ":" + std::to_string(d.position.line) + ":" +
         std::to_string(d.position.column) + " " + d.position.place + " " + d.pointer + " | " +
         d.message_zh + " | " + d.message_en + " | " + d.expected + " | " + d.actual;
}

// Everything a report holds, as text, for comparing two.
std::string describe(const Report& r) {
  std::string out = std::string(r.edition->id) + " " + std::to_string(r.year) + " " + r.agency +
                    " " + std::string(agency_kind_key(r.agency_kind)) + " " + r.title + " " +
                    r.published + " " + r.schema + "\n";
  for_each_text(r, true, [&](std::string_view text, const std::string& pointer) {
    const Position p = r.source.position_of(pointer);
    out += pointer + " " + std::to_string(p.line) + ":" + std::to_string(p.column) + " " +
           std::string(text) + "\n";
  });
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const Cell& c = r.cells[i];
    const Position p = r.source.position_of(r.edition->cells[i].pointer);
    out += std::to_string(static_cast<int>(c.state)) + " " + std::to_string(c.value) +
           (c.computed ? " computed " : " ") + std::to_string(p.line) + ":" +
           std::to_string(p.column) + "\n";
  }
  return out;
}

}  // namespace

// Whether the exact parser accepts `text` for a reason the fast one leaves to it: a scalar at the
// top, or an integer of more than 19 digits (beyond 64 bits, a float to nlohmann).
bool left_to_exact(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] != '{' && text[first] != '[') return true;
  std::size_t digits = 0;
  for (char c : text) {
    digits = c >= '0' && c <= '9' ? digits + 1 : 0;
    if (digits > 19) return true;
  }
  return false;
}

TEST_CASE("the fast parser builds the exact parser's document or leaves the text to it", "[json]") {
  std::size_t built = 0, left = 0;
  for (const fs::path& file : corpus()) {
    const std::string text = test::read_file(file.string());
    const Parsed p = parse_both(text);
    INFO(file.string());
    CHECK((!p.fast || p.exact));  // what the fast parser builds, the exact one accepts
    CHECK(p.difference == "");
    if (p.exact && !p.fast) CHECK(left_to_exact(text));
    (p.fast ? built : left) += 1;
  }
  // The corpus holds valid JSON and broken JSON, the broken is the exact parser's to explain.
  CHECK(built >= 100);
  CHECK(left >= 150);
}

TEST_CASE("the fast parser builds every valid data file of the project", "[json]") {
  for (const char* file : {"data/2020.json", "data/examples/hongze-gov-2024.json"}) {
    Document doc;
    CHECK(detail::parse_json_fast(test::project_file(file), doc));
  }
}

TEST_CASE("the fast parser leaves to the exact one what it cannot build the same", "[json]") {
  struct Case {
    std::string text;
    bool fast;   // whether the fast parser builds it
    bool exact;  // whether the exact parser accepts it
  };
  const std::vector<Case> cases = {
      {R"({"a": 1, "a": 2})", true, true},  // duplicate keys kept
      {"\xEF\xBB\xBF{\r\n\"k\" :\t[1, -2, 3.50, true, false, null]}", true, true},
      {R"({"e\u00e9\"": "x\ny\u4e2d", "f": "\ud83d\ude00"})", true, true},  // escapes decoded
      {R"({"a": -0, "b": 0.0, "c": 1E5, "d": -1e-400})", true, true},
      {R"({"a": 18446744073709551615, "b": -9223372036854775808})", true, true},
      {R"({"a": 18446744073709551616})", false, true},  // a float to nlohmann
      {R"({"a": -9223372036854775809})", false, true},
      {R"({"a": 1e400})", false, false},     // overflows a double
      {R"({"a": "\ud800"})", false, false},  // a lone surrogate
      {R"({"a": "\udc00x"})", false, false},
      {R"({"\ud800": 1})", false, false},
      {std::string("{\"a\": \"x\0y\"}", 12), false, false},  // NUL
      {std::string("{}\0", 3), false, false},
      {"{\"a\": \"x\x01y\"}", false, false},    // a control character unescaped
      {"{\"a\": \"\xC3\x28\"}", false, false},  // invalid UTF-8
      {R"("just a string")", false, true},      // scalars at the top: the exact parser's
      {"42", false, true},
      {"{} {}", false, false},
      {"{}  x", false, false},
      {"[1,]", false, false},
      {R"({"a" 1})", false, false},
      {R"({"a": tru})", false, false},
      {R"({"a": nul})", false, false},
      {R"({"a": 01})", false, false},
      {R"({"a": "x)", false, false},
      {"", false, false},
      {" \n", false, false},
      {std::string(64, '[') + std::string(64, ']'), true, true},
      {std::string(65, '[') + std::string(65, ']'), false, false},  // deeper than kMaxDepth
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Parsed p = parse_both(c.text);
    CHECK(p.fast == c.fast);
    CHECK(p.exact == c.exact);
    CHECK(p.difference == "");
  }
}

TEST_CASE("the fast parser refuses more values than the limit, like the exact one", "[json]") {
  std::string many = "[";
  for (std::size_t i = 0; i < detail::kMaxValues; ++i) many += "0,";
  many += "0]";
  const Parsed p = parse_both(many);
  CHECK_FALSE(p.fast);
  CHECK_FALSE(p.exact);
  many.erase(many.size() - 6, 4);  // the root and 99,999 zeros: at the limit
  const Parsed q = parse_both(many);
  CHECK(q.fast);
  CHECK(q.exact);
  CHECK(q.difference == "");
}

// On Demand checks what follows a value only when the value was read: a string it skipped once
// let `"a": "b": {...}` through as one member.
TEST_CASE("the fast parser refuses a value followed by anything but a comma or a bracket",
          "[json]") {
  for (const char* text :
       {R"({"a": "b": {}})", R"({"$schema": "x", "y": "b": {"c": 1}, "d": 2})", R"(["a": 1])",
        R"({"a": ["b" "c"]})", R"({"a": null: 1})", R"({"a": "b" "c": 1})", R"({"":"":""""""]})",
        R"({""::""""""""]})", R"({"":"","":"":""""]})", R"({""::""{}""{}""{{""}{""""}""]})"}) {
    INFO(text);
    const Parsed p = parse_both(text);
    CHECK_FALSE(p.fast);
    CHECK_FALSE(p.exact);
    const LoadResult fast = detail::load_report_with(detail::JsonParser::Fast, text, "f.json");
    REQUIRE_FALSE(fast.diagnostics.empty());
    CHECK(fast.diagnostics.front().rule == std::string_view("json-syntax"));
  }
}

TEST_CASE("the loader reads the same report and findings with either parser", "[json][load]") {
  std::size_t reports = 0;
  for (const fs::path& file : corpus()) {
    const std::string text = test::read_file(file.string());
    INFO(file.string());
    const LoadResult fast = detail::load_report_with(detail::JsonParser::Fast, text, "f.json");
    const LoadResult exact = detail::load_report_with(detail::JsonParser::Exact, text, "f.json");
    REQUIRE(fast.report.has_value() == exact.report.has_value());
    std::vector<std::string> fast_findings, exact_findings;
    for (const Diagnostic& d : fast.diagnostics) fast_findings.push_back(describe(d));
    for (const Diagnostic& d : exact.diagnostics) exact_findings.push_back(describe(d));
    CHECK(fast_findings == exact_findings);
    if (!fast.report) continue;
    ++reports;
    CHECK(describe(*fast.report) == describe(*exact.report));
    std::vector<std::string> fast_checked, exact_checked;
    for (const Diagnostic& d : check_report(*fast.report, "f.json"))
      fast_checked.push_back(describe(d));
    for (const Diagnostic& d : check_report(*exact.report, "f.json"))
      exact_checked.push_back(describe(d));
    CHECK(fast_checked == exact_checked);
  }
  CHECK(reports >= 100);
}

TEST_CASE("the loader gives the same findings with either parser on mutated data files",
          "[json][load]") {
  std::mt19937 rng(15);
  static constexpr char kBytes[] = "\"\\{}[],:0-9e.+ \n\r\t\0\xC3\xA9\xED\xA0\x80u/tfn";
  const std::string bytes(kBytes, sizeof kBytes - 1);  // the NUL included
  std::size_t differing = 0, mutations = 0;
  for (const char* file : {"data/2020.json", "data/examples/hongze-gov-2024.json"}) {
    const std::string original = test::project_file(file);
    for (int round = 0; round < 400; ++round) {
      std::string text = original;
      for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits) {
        const std::size_t at = rng() % text.size();
        const char b = bytes[rng() % bytes.size()];
        switch (rng() % 4) {
          case 0:
            text[at] = b;
            break;
          case 1:
            text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), b);
            break;
          case 2:
            text.erase(at, 1 + rng() % 4);
            break;
          default:
            text.insert(at, text.substr(rng() % text.size(), 1 + rng() % 12));
            break;
        }
      }
      ++mutations;
      const LoadResult fast = detail::load_report_with(detail::JsonParser::Fast, text, "f.json");
      const LoadResult exact = detail::load_report_with(detail::JsonParser::Exact, text, "f.json");
      std::vector<std::string> a, b;
      for (const Diagnostic& d : fast.diagnostics) a.push_back(describe(d));
      for (const Diagnostic& d : exact.diagnostics) b.push_back(describe(d));
      if (a != b || fast.report.has_value() != exact.report.has_value() ||
          (fast.report && describe(*fast.report) != describe(*exact.report))) {
        if (differing++ == 0) UNSCOPED_INFO("first difference in " << file << ":\n" << text);
      }
    }
  }
  CHECK(mutations == 800);
  CHECK(differing == 0);
}
