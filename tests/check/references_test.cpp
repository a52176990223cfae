// {{path}} references in the narrative: found, printed as the tables print the cell, and checked.

#include "govreport/references.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "govreport/check.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using govreport::Diagnostic;
using govreport::Report;
using govreport::test::project_file;
using govreport::test::run_govreport;
using govreport::test::temp_dir;

const std::string kPreambleEnd = "到2020年12月31日止。";

// data/2020.json with `extra` (JSON string content, escapes allowed) added to the preamble.
std::string with_preamble(const std::string& extra) {
  std::string text = project_file("data/2020.json");
  const std::size_t at = text.find(kPreambleEnd);
  REQUIRE(at != std::string::npos);
  return text.insert(at + kPreambleEnd.size(), extra);
}

Report load_text(const std::string& text) {
  govreport::LoadResult loaded = govreport::load_report(text, "refs.json");
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.report.has_value());
  return std::move(*loaded.report);
}

Report load_project(const std::string& relative) { return load_text(project_file(relative)); }

std::vector<Diagnostic> bad_references(const Report& report) {
  std::vector<Diagnostic> found;
  for (Diagnostic& d : govreport::check_report(report, "refs.json"))
    if (d.rule == "bad-reference") found.push_back(std::move(d));
  return found;
}

// The line and column (code points, from 1) of the first `needle` in `text`, counted here
// independently of the library's source map.
std::pair<std::size_t, std::size_t> where(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text + "\n").find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("find_references finds each reference with its bytes, spaces trimmed, and unclosed ones",
          "[references]") {
  const std::string text =
      "共{{applications.received.total}}件，{{ reviews.review.total }}起，{{oops 和 {{x}}";
  const std::vector<govreport::Reference> refs = govreport::find_references(text);
  REQUIRE(refs.size() == 4);
  CHECK(refs[0].path == "applications.received.total");
  CHECK(refs[0].begin == text.find("{{applications"));
  CHECK(refs[0].end == text.find("件，{{ reviews"));
  CHECK(refs[0].closed);
  CHECK(refs[1].path == "reviews.review.total");
  CHECK(refs[1].closed);
  CHECK(refs[2].path == "oops 和");
  CHECK(refs[2].begin == text.find("{{oops"));
  CHECK(refs[2].end == text.find("{{x}}"));
  CHECK_FALSE(refs[2].closed);
  CHECK(refs[3].path == "x");
  CHECK(refs[3].closed);
  CHECK(govreport::find_references("没有引用 { } }} {").empty());
}

TEST_CASE("reference_cell takes the JSON location of a cell, with dots", "[references]") {
  const govreport::Edition& e2019 = *govreport::edition_by_id("2019");
  const govreport::Edition& e2021 = *govreport::edition_by_id("2021");
  CHECK(govreport::reference_cell(e2019, "applications.received.total") ==
        e2019.cell_index("/applications/received/total"));
  CHECK(govreport::reference_cell(e2019, "applications.results.withheld.inquiry.commercial") >= 0);
  CHECK(govreport::reference_cell(e2019, "proactive.procurement.amount") >= 0);
  CHECK(govreport::reference_cell(e2021, "proactive.procurement.amount") == -1);
  CHECK(govreport::reference_cell(e2021, "applications.results.other.unpaid_fee.total") >= 0);
  CHECK(govreport::reference_cell(e2019, "applications.received") == -1);  // a row, not a cell
  CHECK(govreport::reference_cell(e2019, "") == -1);
  CHECK(govreport::reference_cell(e2019, ".applications.received.total") == -1);
  CHECK(govreport::reference_cell(e2019, "applications/received/total") == -1);
  CHECK(govreport::reference_cell(e2019, "Applications.received.total") == -1);
}

TEST_CASE("A reference prints the cell as the tables do, in text, Markdown and HTML; JSON keeps it",
          "[references]") {
  const std::string paragraph =
      "申请{{applications.received.total}}件，{{ applications.results.granted.natural_person "
      "}}件予以公开；"
      "采购{{proactive.procurement.amount}}，许可增减{{proactive.licensing.change}}。";
  const Report report = load_text(with_preamble(paragraph));
  const std::string printed = "申请4447件，10件予以公开；采购2154.97万元，许可增减+1。";
  CHECK(bad_references(report).empty());
  CHECK(govreport::expand_references(report, paragraph) == printed);
  CHECK_THAT(govreport::render_text(report), Contains(kPreambleEnd + printed + "\n"));
  CHECK_THAT(govreport::render_markdown(report), Contains(kPreambleEnd + printed + "\n"));
  CHECK_THAT(govreport::render_html(report), Contains(kPreambleEnd + printed + "</p>"));
  CHECK_THAT(govreport::render_json(report), Contains(kPreambleEnd + paragraph + "\""));
}

TEST_CASE("A reference in a subsection title and paragraph is expanded and checked",
          "[references]") {
  Report report = load_project("data/2020.json");
  report.part("overview").subsections[1].title = "依申请公开{{applications.received.total}}件";
  report.part("overview").subsections[1].paragraphs = {
      "其中自然人{{applications.received.natural_person}}件。"};
  CHECK(bad_references(report).empty());
  CHECK(has_line(govreport::render_text(report), "　　（二）依申请公开4447件。其中自然人4441件。"));
  report.part("overview").subsections[1].title = "{{nope}}";
  const std::vector<Diagnostic> found = bad_references(report);
  REQUIRE(found.size() == 1);
  CHECK(found[0].pointer == "/overview/subsections/1/title");
}

TEST_CASE("An unknown reference is a bad-reference error at the line and column of its {{",
          "[references]") {
  // Escapes before the reference make the column in the file differ from the index in the string.
  const std::string text =
      with_preamble(R"(\"草稿\"\u4e2d\t见{{applications.recieved.total}}件。)");
  const Report report = load_text(text);
  const std::vector<Diagnostic> found = bad_references(report);
  REQUIRE(found.size() == 1);
  const Diagnostic& d = found[0];
  const auto [line, column] = where(text, "{{applications.recieved");
  CHECK(d.severity == govreport::Severity::Error);
  CHECK(d.pointer == "/preamble/0");
  CHECK(d.position.line == line);
  CHECK(d.position.column == column);
  CHECK(d.actual == "{{applications.recieved.total}}");
  CHECK(d.expected == "applications.received.total");
  CHECK(govreport::format_diagnostic(d, govreport::Lang::Zh) ==
        "refs.json:" + std::to_string(line) + ":" + std::to_string(column) +
            ": 错误: 引用 {{applications.recieved.total}} 不是 2019 版表格中的单元格（是否想写 "
            "{{applications.received.total}}？） [bad-reference]");
  CHECK(govreport::format_diagnostic(d, govreport::Lang::En) ==
        "refs.json:" + std::to_string(line) + ":" + std::to_string(column) +
            ": error: the reference {{applications.recieved.total}} names no cell of the 2019 "
            "edition's tables "
            "(did you mean {{applications.received.total}}?) [bad-reference]");
  // Left as written in the printed report, so nothing is silently dropped.
  CHECK_THAT(govreport::render_text(report), Contains("见{{applications.recieved.total}}件。"));
}

TEST_CASE("A reference to a row suggests its total; one far from any cell suggests nothing",
          "[references]") {
  Report report = load_project("data/2020.json");
  report.part("preamble").paragraphs = {"{{applications.results.withheld}}", "{{reviews.review}}",
                                        "{{proactive.regulations}}", "{{totally.unrelated.words}}"};
  const std::vector<Diagnostic> found = bad_references(report);
  REQUIRE(found.size() == 4);
  CHECK(found[0].expected == "applications.results.withheld.state_secret.total");
  CHECK(found[1].expected == "reviews.review.total");
  CHECK(found[2].expected == "proactive.regulations.made");
  CHECK(found[3].expected == "");
  CHECK(found[3].message_en ==
        "the reference {{totally.unrelated.words}} names no cell of the 2019 edition's tables");
}

TEST_CASE("An unclosed reference is a bad-reference error at its {{", "[references]") {
  const std::string text = with_preamble("共{{applications.received.total件。");
  const Report report = load_text(text);
  const std::vector<Diagnostic> found = bad_references(report);
  REQUIRE(found.size() == 1);
  const auto [line, column] = where(text, "{{applications.received.total件");
  CHECK(found[0].position.line == line);
  CHECK(found[0].position.column == column);
  CHECK(found[0].message_zh == "引用 {{applications.received.total件。 缺少结尾的 }}");
  CHECK(found[0].message_en == "the reference {{applications.received.total件。 has no closing }}");
}

TEST_CASE("An unclosed reference in a long paragraph is quoted by its start only", "[references]") {
  Report report = load_project("data/2020.json");
  report.part("problems").paragraphs = {"共{{applications.received.total件，" +
                                        std::string(200, 'x')};
  const std::vector<Diagnostic> found = bad_references(report);
  REQUIRE(found.size() == 1);
  CHECK(found[0].actual == "{{applications.received.total件，xxxxxxxxx…");
}

TEST_CASE("A cell of the other edition is a bad reference", "[references]") {
  Report report = load_project("data/examples/hongze-gov-2024.json");
  report.part("problems").paragraphs = {
      "采购{{proactive.procurement.amount}}万元，收费{{proactive.fees.amount}}万元。"};
  const std::vector<Diagnostic> found = bad_references(report);
  REQUIRE(found.size() == 1);
  CHECK(found[0].actual == "{{proactive.procurement.amount}}");
  CHECK(found[0].pointer == "/problems/0");
}

TEST_CASE("bad-reference is an error in the catalogue, right after narrative-number",
          "[references]") {
  const auto all = govreport::rules();
  for (std::size_t i = 0; i + 1 < all.size(); ++i)
    if (all[i].id == "narrative-number") CHECK(all[i + 1].id == "bad-reference");
  CHECK(govreport::rule("bad-reference").severity == govreport::Severity::Error);
}

TEST_CASE("check reports a bad reference and build refuses to print it", "[references][cli]") {
  const std::string dir = temp_dir();
  const std::string text = with_preamble("见{{reviews.reviw.total}}。");
  std::ofstream(dir + "/refs.json", std::ios::binary) << text;
  const auto [line, column] = where(text, "{{reviews.reviw");
  const std::string finding =
      "refs.json:" + std::to_string(line) + ":" + std::to_string(column) +
      ": 错误: 引用 {{reviews.reviw.total}} 不是 2019 版表格中的单元格（是否想写 "
      "{{reviews.review.total}}？） [bad-reference]\n";
  const auto check = run_govreport({"check", "refs.json"}, "", dir);
  CHECK(check.exit_code == 1);
  CHECK_THAT(check.out + check.err, Contains(finding));
  const auto build = run_govreport({"build", "refs.json", "-o", "out.html"}, "", dir);
  CHECK(build.exit_code == 1);
  CHECK_THAT(build.err, Contains(finding));
  CHECK_FALSE(fs::exists(dir + "/out.html"));
  fs::remove_all(dir);
}
