// Each edition is declared once: no source file outside src/editions/ spells a JSON key of the
// editions' tables, rows, columns or narrative parts, nor a JSON Pointer into them.

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "govreport/edition.hpp"
#include "support.hpp"

using namespace govreport;

namespace {

// The string literals of C++ source `text`, with their line numbers; comments, character
// literals and raw strings are skipped (raw strings hold XML and CSS, not keys).
std::vector<std::pair<int, std::string>> string_literals(const std::string& text) {
  std::vector<std::pair<int, std::string>> out;
  int line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
    } else if (text.compare(i, 2, "//") == 0) {
      while (i < text.size() && text[i] != '\n') ++i;
      --i;
    } else if (text.compare(i, 2, "/*") == 0) {
      const std::size_t end = text.find("*/", i + 2);
      for (std::size_t k = i; k < end && k < text.size(); ++k) line += text[k] == '\n';
      i = end == std::string::npos ? text.size() : end + 1;
    } else if (c == 'R' && text.compare(i + 1, 1, "\"") == 0) {
      const std::size_t open = text.find('(', i);
      const std::string close = ")" + text.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = text.find(close, open);
      for (std::size_t k = i; k < end && k < text.size(); ++k) line += text[k] == '\n';
      i = end == std::string::npos ? text.size() : end + close.size() - 1;
    } else if (c == '\'') {
      for (++i; i < text.size() && text[i] != '\''; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '"') {
      std::string literal;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') literal += text[i++];
        literal += text[i];
      }
      out.emplace_back(line, literal);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("No source outside src/editions/ spells an edition's JSON key or a pointer into it",
          "[edition][layout]") {
  std::set<std::string> keys;  // what a literal may not be
  std::set<std::string> tops;  // what a pointer literal may not start with
  for (const Edition* e : editions()) {
    for (const Section& s : e->sections) {
      keys.emplace(s.json_key);
      tops.emplace(s.json_key);
    }
    for (const NarrativePart& p : e->narrative) {
      keys.emplace(p.key);
      tops.emplace(p.key);
    }
    for (const Table& t : e->tables) {
      keys.emplace(t.json_key);
      keys.emplace(t.id);
      tops.emplace(t.json_key);
      for (const Row& r : t.rows) keys.emplace(r.key);
      for (const Column& c : t.columns) keys.emplace(c.key);
    }
  }
  REQUIRE(keys.count("applications") == 1);
  REQUIRE(keys.count("natural_person") == 1);
  REQUIRE(tops.count("overview") == 1);

  const std::filesystem::path src = std::filesystem::path(GOVREPORT_SOURCE_DIR) / "src";
  std::vector<std::string> found;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const std::filesystem::path& path = entry.path();
    if (!entry.is_regular_file()) continue;
    if (path.extension() != ".cpp" && path.extension() != ".hpp") continue;
    const std::string relative = std::filesystem::relative(path, src).generic_string();
    if (relative.starts_with("editions/")) continue;
    ++files;
    for (const auto& [line, literal] : string_literals(test::read_file(path.string()))) {
      std::string top = literal.size() > 1 && literal[0] == '/' ? literal.substr(1) : "";
      top = top.substr(0, top.find('/'));
      // Words that are also keys of the data file's envelope or of the schema's own types.
      const bool envelope = literal == "published" && relative.starts_with("model/");
      const bool schema_type = literal == "amount" && relative == "model/schema.cpp";
      if (envelope || schema_type) continue;
      if (keys.count(literal) != 0 || tops.count(top) != 0)
        found.push_back("src/" + relative + ":" + std::to_string(line) + ": \"" + literal + "\"");
    }
  }
  CHECK(files > 50);
  CHECK(found == std::vector<std::string>{});
}

TEST_CASE("The literal scanner finds keys and pointers but not comments or raw strings",
          "[edition][layout]") {
  const auto literals = string_literals(
      "// \"overview\" in a comment\nf(\"/applications/received\", 'x', '\"');\n"
      "/* \"total\"\n */ g(R\"x(\"reviews\")x\", \"a\\\"b\");\n");
  CHECK(literals ==
        std::vector<std::pair<int, std::string>>{{2, "/applications/received"}, {4, "a\\\"b"}});
}
