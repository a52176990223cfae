// Text from the data and file names made safe in every output: findings in each format, and the
// published report in text, Markdown, HTML and Word.

#include "govreport/safe_text.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "govreport/findings_format.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "support.hpp"

using govreport::Diagnostic;
using govreport::printable;
using govreport::publishable;

using namespace std::string_literals;

namespace {

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  return text.replace(at, from.size(), to);
}

govreport::Report load_report(const std::string& text) {
  govreport::LoadResult r = govreport::load_report(text, "t.json");
  REQUIRE(r.report);
  return std::move(*r.report);
}

// One finding whose file name is not UTF-8 and whose message quotes a key with a line break, an
// escape sequence and a NUL.
Diagnostic hostile_finding() {
  Diagnostic d = govreport::make_diagnostic(
      "unknown-field", "/k", "未知字段 \"a\nb.json:1:1: 错误: forged\x1b[31m\0\""s,
      "unknown field \"a\nb.json:1:1: error: forged\x1b[31m\0\""s);
  d.file = "dir/\xff\xfe.json";
  d.position = {3, 5};
  return d;
}

std::string write(std::string_view format, const Diagnostic& d) {
  auto writer = govreport::findings_format(format)->make({govreport::Lang::En, false});
  std::string out = writer->begin();
  out += writer->file(d.file, {d});
  govreport::CheckSummary summary;
  summary.files = 1;
  summary.add(d.file, {d});
  return out + writer->end(summary);
}

}  // namespace

TEST_CASE("printable escapes control characters and replaces bytes that are not UTF-8",
          "[safe-text]") {
  CHECK(printable("宁夏 ok") == "宁夏 ok");
  CHECK(printable("a\0b"s) == "a<U+0000>b");
  CHECK(printable("a\nb\r\tc\x7f") == "a<U+000A>b<U+000D><U+0009>c<U+007F>");
  CHECK(printable("\x1b[31mred") == "<U+001B>[31mred");
  CHECK(printable("\xC2\x85 \xE2\x80\xA8 \xE2\x80\xAE") == "<U+0085> <U+2028> <U+202E>");
  CHECK(printable("\xff\xC0\x80 \xED\xA0\x80 \xF4\x90\x80\x80") ==
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD "
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(printable("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");
}

TEST_CASE("publishable keeps tab and line feed, turns CR into LF, drops other controls",
          "[safe-text]") {
  CHECK(publishable("a\r\nb\rc\nd\te") == "a\nb\nc\nd\te");
  CHECK(publishable("a\0b\x1b[2Jc\x7f\xC2\x85"s) == "ab[2Jc");
  CHECK(publishable("x\xEF\xBF\xBE\xEF\xBF\xBFy\xff") == "xy\xEF\xBF\xBD");
  CHECK(publishable("\xE2\x80\xAE 宁夏") == "\xE2\x80\xAE 宁夏");
}

TEST_CASE("a key with a line break cannot forge a finding line in check's text output",
          "[safe-text]") {
  const std::string text = replace_once(
      govreport::test::project_file("data/2020.json"), "\"review\": {\"upheld\": 530,",
      "\"review\": {\"upheld\": 530, \"x\\nt.json:1:1: 错误: forged [y]\\u001b[2J\": 1,");
  const govreport::LoadResult r = govreport::load_report(text, "t.json");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(govreport::format_diagnostic(r.diagnostics[0], govreport::Lang::Zh) ==
        "t.json:91:31: 错误: 未知字段 \"x<U+000A>t.json:1:1: 错误: forged [y]<U+001B>[2J\"（位于 "
        "/reviews/review） [unknown-field]");
}

TEST_CASE("every findings format shows control characters escaped and file names as UTF-8",
          "[safe-text]") {
  const Diagnostic d = hostile_finding();
  const std::string file = "dir/\xEF\xBF\xBD\xEF\xBF\xBD.json";
  const std::string message =
      "unknown field \"a<U+000A>b.json:1:1: error: forged<U+001B>[31m<U+0000>\"";
  CHECK(write("text", d) == file + ":3:5: error: " + message + " [unknown-field]\n");
  CHECK(write("github", d) ==
        "::error file=" + file + ",line=3,col=5,title=unknown-field::" + message + "\n");
  const auto json = nlohmann::json::parse(write("json", d));
  CHECK(json["findings"][0]["file"] == file);
  CHECK(json["findings"][0]["message"] == message);
  const auto sarif = nlohmann::json::parse(write("sarif", d));
  CHECK(sarif["runs"][0]["results"][0]["message"]["text"] == message);
  CHECK(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
             ["uri"] == "dir/%FF%FE.json");
  const std::string junit = write("junit", d);
  CHECK(junit.find("<testcase classname=\"govreport.check\" name=\"" + file + "\">") !=
        std::string::npos);
  CHECK(junit.find("<failure type=\"error\" message=\"1 errors, 0 warnings\">" + file +
                   ":3:5: error: unknown field &quot;a&lt;U+000A&gt;b.json:1:1: error: "
                   "forged&lt;U+001B&gt;[31m&lt;U+0000&gt;&quot; [unknown-field]\n</failure>") !=
        std::string::npos);
  for (char c : junit) {
    const auto byte = static_cast<unsigned char>(c);
    INFO(static_cast<int>(byte));
    CHECK((byte >= 0x20 || c == '\n'));
  }
}

TEST_CASE("the text report drops control characters from the data", "[safe-text]") {
  govreport::Report report = load_report(govreport::test::project_file("data/2020.json"));
  report.title = "标题\x1b[2J";
  report.part("preamble").paragraphs = {"甲\x1b]0;x\x07乙\0丙\r\n丁"s};
  const std::string text = govreport::render_text(report);
  CHECK(text.starts_with("标题[2J\n\n　　甲]0;x乙丙\n丁\n\n"));
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\0') == std::string::npos);
  CHECK(text.find('\r') == std::string::npos);
}

TEST_CASE("a line of a paragraph cannot start a Markdown block", "[safe-text][markdown]") {
  govreport::Report report = load_report(govreport::test::project_file("data/2020.json"));
  report.part("preamble").paragraphs = {
      "第一行\n---", "甲\r===\n-- -\n~~~ code\n    indented\n\n# heading\n2. item",
      "   four spaces ahead", "- item\n+ item"};
  const std::string md = govreport::render_markdown(report);
  const std::size_t at = md.find("第一行");
  REQUIRE(at != std::string::npos);
  CHECK(md.substr(at, md.find("## ", at) - at) ==
        "第一行\n\\---\n\n"
        "甲\n\\===\n\\-- -\n\\~~~ code\nindented\n\\# heading\n2\\. item\n\n"
        "four spaces ahead\n\n"
        "\\- item\n\\+ item\n\n");
}
