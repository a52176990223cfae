// Golden tests of the renderers, and the properties each output format promises.

#include "govreport/render.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/check.hpp"
#include "govreport/load.hpp"
#include "support.hpp"

namespace {

using govreport::test::load_project;
using govreport::test::split_lines;

using govreport::Report;
using govreport::test::matches_golden;
using govreport::test::project_file;
using govreport::test::read_file;

struct Case {
  const char* name;  // folder below tests/golden
  const char* data;  // data file below the project root
};

constexpr Case kCases[] = {
    {"ningxia-2020", "data/2020.json"},
    {"hongze-2024", "data/examples/hongze-gov-2024.json"},
};

Report load_clean(const std::string& text, const std::string& name) {
  govreport::LoadResult loaded = govreport::load_report(text, name);
  for (const govreport::Diagnostic& d : loaded.diagnostics)
    UNSCOPED_INFO(govreport::format_diagnostic(d, govreport::Lang::En));
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.report.has_value());
  return std::move(*loaded.report);
}

bool has_line(const std::string& text, const std::string& line) {
  for (const std::string& l : split_lines(text))
    if (l == line) return true;
  return false;
}

// Terminal columns of UTF-8 text, written independently of the renderer: East Asian Wide and
// Fullwidth characters (CJK ideographs, CJK punctuation, fullwidth forms) take two columns.
std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
                      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
                      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += n;
  }
  return width;
}

// Compares with the approved file and, on a mismatch, says where the first difference is.
void check_golden(const std::string& name, const std::string& actual) {
  const bool same = matches_golden(name, actual);
  if (!same) {
    const std::filesystem::path path =
        std::filesystem::path(GOVREPORT_SOURCE_DIR) / "tests" / "golden" / name;
    if (!std::filesystem::exists(path)) {
      UNSCOPED_INFO(name << " does not exist; run with GOVREPORT_APPROVE=1 to create it");
    } else {
      const std::vector<std::string> want = split_lines(read_file(path.string()));
      const std::vector<std::string> got = split_lines(actual);
      for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
        const std::string w = i < want.size() ? want[i] : "<end>";
        const std::string g = i < got.size() ? got[i] : "<end>";
        if (w != g) {
          UNSCOPED_INFO(name << " line " << i + 1 << "\n  golden: " << w << "\n  actual: " << g);
          break;
        }
      }
    }
  }
  CHECK(same);
}

void check_same_cells(const Report& a, const Report& b) {
  REQUIRE(a.edition == b.edition);
  REQUIRE(a.cells.size() == b.cells.size());
  for (std::size_t i = 0; i < a.cells.size(); ++i) {
    INFO(a.edition->cells[i].pointer);
    CHECK(a.cells[i].state == b.cells[i].state);
    CHECK(a.cells[i].value == b.cells[i].value);
  }
}

}  // namespace

TEST_CASE("The text report of each reference data file matches its golden file", "[render]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      check_golden(std::string(c.name) + "/expected.txt",
                   govreport::render_text(load_project(c.data)));
    }
  }
}

TEST_CASE("The Markdown report of each reference data file matches its golden file", "[render]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      check_golden(std::string(c.name) + "/expected.md",
                   govreport::render_markdown(load_project(c.data)));
    }
  }
}

TEST_CASE("The JSON output of each reference data file matches its golden file", "[render]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      check_golden(std::string(c.name) + "/expected.json",
                   govreport::render_json(load_project(c.data)));
    }
  }
}

TEST_CASE("The JSON output of a complete data file reproduces the data file byte for byte",
          "[render]") {
  for (const Case& c : kCases) {
    SECTION(c.name) { CHECK(govreport::render_json(load_project(c.data)) == project_file(c.data)); }
  }
}

TEST_CASE("The JSON output loads back to the same report without findings", "[render]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      const Report original = load_project(c.data);
      const Report again = load_clean(govreport::render_json(original), "roundtrip.json");
      check_same_cells(original, again);
      CHECK(again.year == original.year);
      CHECK(again.agency == original.agency);
      CHECK(again.agency_kind == original.agency_kind);
      CHECK(again.display_title() == original.display_title());
      CHECK(again.part("preamble").paragraphs == original.part("preamble").paragraphs);
      CHECK(again.part("overview").paragraphs == original.part("overview").paragraphs);
      REQUIRE(again.part("overview").subsections.size() ==
              original.part("overview").subsections.size());
      for (std::size_t i = 0; i < again.part("overview").subsections.size(); ++i) {
        CHECK(again.part("overview").subsections[i].title ==
              original.part("overview").subsections[i].title);
        CHECK(again.part("overview").subsections[i].paragraphs ==
              original.part("overview").subsections[i].paragraphs);
      }
      CHECK(again.part("problems").paragraphs == original.part("problems").paragraphs);
      CHECK(again.part("other_matters").paragraphs == original.part("other_matters").paragraphs);
      CHECK(govreport::check_report(again, "roundtrip.json").size() ==
            govreport::check_report(original, c.data).size());
    }
  }
}

TEST_CASE("Every paragraph and heading of the Ningxia text report appears in the published report",
          "[render]") {
  // The published text breaks lines and puts spaces around numbers: compare without whitespace.
  auto squeeze = [](const std::string& s) {
    std::string out = std::regex_replace(s, std::regex("[ \t\r\n]+"), "");
    for (std::size_t at; (at = out.find("　")) != std::string::npos;)
      out.erase(at, std::string("　").size());
    return out;
  };
  const std::string published =
      squeeze(read_file(std::string(GOVREPORT_SHARED_DIR) + "/reference/ningxia-office-2020.txt"));
  const std::string text = govreport::render_text(load_project("data/2020.json"));
  std::size_t checked = 0;
  // The published text leaves out the 落款 that closes the report: 28 characters a line, the
  // agency two from the right margin (data/2020.json gives no date).
  const std::string signature =
      std::string(56 - 2 * 14 - 4, ' ') + "宁夏回族自治区人民政府办公厅\n";
  REQUIRE(text.ends_with("\n\n" + signature));
  for (const std::string& line : split_lines(text.substr(0, text.size() - signature.size()))) {
    if (line.empty() || line[0] == '+' || line[0] == '|') continue;
    INFO(line);
    CHECK(published.find(squeeze(line)) != std::string::npos);
    ++checked;
  }
  // Title, preamble, 6 headings, overview + 5 subsections, 5 captions, the 勾稽 note, 2 + 2
  // paragraphs.
  CHECK(checked == 24);
}

TEST_CASE("The Ningxia text report carries every number of the published tables", "[render]") {
  const std::string text = govreport::render_text(load_project("data/2020.json"));
  const char* const lines[] = {
      "| 规章       |              6 |              6 |             37 |",
      "| 规范性文件 |             34 |             34 |            113 |",
      "| 行政许可             |              5 |        +1 |           50 |",
      "| 其他对外管理服务事项 |              2 |        -1 |          331 |",
      "| 行政处罚 |             11 |         0 |           24 |",
      "| 行政强制 |              2 |         0 |           19 |",
      "| 行政事业性收费 |              1 |         0 |",
      "| 政府集中采购 |           14 | 2154.97万元 |",
      "| 一、本年新收政府信息公开申请数量                           |   4441 |        6 |        0 "
      "|            0 |            0 |    0 | 4447 |",
      "|   （二）部分公开（区分处理的，只计这一情形，不计其他情形） |      2 |        1 |        0 "
      "|            0 |            0 |    0 |    3 |",
      "|     5.属于三类内部事务信息                                 |      5 |        0 |        0 "
      "|            0 |            0 |    0 |    5 |",
      "|     1.本机关不掌握相关政府信息                             |   3177 |        5 |        0 "
      "|            0 |            0 |    0 | 3182 |",
      "|     3.补正后申请内容仍不明确                               |   1050 |        0 |        0 "
      "|            0 |            0 |    0 | 1050 |",
      "|     2.重复申请                                             |    186 |        0 |        0 "
      "|            0 |            0 |    0 |  186 |",
      "|   （七）总计                                               |   4441 |        6 |        0 "
      "|            0 |            0 |    0 | 4447 |",
      "| 行政复议                  |      530 |        0 |        0 |        0 |  530 |",
      "| 行政诉讼·未经复议直接起诉 |        6 |        0 |        0 |        0 |    6 |",
      "| 行政诉讼·复议后起诉       |        7 |        0 |        0 |        0 |    7 |",
  };
  for (const char* line : lines) {
    INFO(line);
    CHECK(has_line(text, line));
  }
}

TEST_CASE("Every line of a text table has the same display width", "[render]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      const std::vector<std::string> lines =
          split_lines(govreport::render_text(load_project(c.data)));
      std::size_t tables = 0;
      for (std::size_t i = 0; i < lines.size();) {
        if (lines[i].empty() || (lines[i][0] != '+' && lines[i][0] != '|')) {
          ++i;
          continue;
        }
        ++tables;
        const std::size_t width = display_width(lines[i]);
        for (; i < lines.size() && !lines[i].empty() && (lines[i][0] == '+' || lines[i][0] == '|');
             ++i) {
          INFO(lines[i]);
          CHECK(display_width(lines[i]) == width);
        }
      }
      // 2019: 二 has five tables (（一）（五）（六）（八）（九）); 2021: four (no （九）). Then 三
      // and 四.
      CHECK(tables == (std::string(c.name) == "ningxia-2020" ? 7u : 6u));
    }
  }
}

TEST_CASE("Text tables right-align numbers and left-align labels", "[render]") {
  const std::string text = govreport::render_text(load_project("data/2020.json"));
  CHECK(has_line(text, "| 规范性文件 |             34 |             34 |            113 |"));
  CHECK(has_line(text, "| 信息内容   | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |"));
}

TEST_CASE("A report whose totals were omitted prints the computed totals", "[render]") {
  std::string text = project_file("data/2020.json");
  // Drop the 总计 column of every row of 三 and 四, and the whole （七）总计 row.
  const std::regex total_column(R"re(("(natural_person|upheld)": [^}]*), "total": \d+\})re");
  text = std::regex_replace(text, total_column, "$1}");
  const std::string results_total =
      ",\n      \"total\": {\"natural_person\": 4441, \"commercial\": 6, \"research\": 0, "
      "\"social_welfare\": 0, "
      "\"legal_services\": 0, \"other\": 0}";
  const std::size_t at = text.find(results_total);
  REQUIRE(at != std::string::npos);
  text.erase(at, results_total.size());
  REQUIRE(text.find("\"total\": 4447") == std::string::npos);
  REQUIRE(text.find("\"total\": 530") == std::string::npos);

  const Report report = load_clean(text, "no-totals.json");
  CHECK(govreport::check_report(report, "no-totals.json").empty());
  CHECK(report.at("/applications/received/total").computed);
  CHECK(report.at("/applications/received/total").value == 4447);
  CHECK(report.at("/applications/results/total/natural_person").computed);
  CHECK(report.at("/applications/results/total/total").value == 4447);
  CHECK(report.at("/reviews/review/total").value == 530);

  const std::string rendered = govreport::render_text(report);
  CHECK(has_line(rendered,
                 "|   （七）总计                                               |   4441 |        6 "
                 "|        0 |    "
                 "        0 |            0 |    0 | 4447 |"));
  CHECK(
      has_line(rendered,
               "| 行政复议                  |      530 |        0 |        0 |        0 |  530 |"));
  CHECK(rendered == govreport::render_text(load_project("data/2020.json")));
  CHECK(govreport::render_json(report) == project_file("data/2020.json"));
}

TEST_CASE("Markdown escapes table and emphasis markup in the narrative", "[render]") {
  Report report = load_project("data/2020.json");
  report.part("preamble").paragraphs = {"收到 3|4 件 *重要* <b>加粗</b> _x_"};
  report.part("problems").paragraphs = {"1. 不是列表", "- 也不是列表"};
  const std::string md = govreport::render_markdown(report);
  CHECK(has_line(md, R"(收到 3\|4 件 \*重要\* \<b\>加粗\</b\> \_x\_)"));
  CHECK(has_line(md, R"(1\. 不是列表)"));
  CHECK(has_line(md, R"(\- 也不是列表)"));
  CHECK(md.find("<b>") == std::string::npos);
}

TEST_CASE("Markdown puts each official table in one pipe table with right-aligned numbers",
          "[render]") {
  const std::string md = govreport::render_markdown(load_project("data/2020.json"));
  CHECK(has_line(md, "### 第二十条第（九）项"));
  CHECK(has_line(md, "| 信息内容 | 采购项目数量 | 采购总金额 |"));
  CHECK(has_line(md, "| --- | ---: | ---: |"));
  // Cells hold numbers, not paragraphs: nothing in them can start a list, so nothing is escaped.
  CHECK(has_line(md, "| 政府集中采购 | 14 | 2154.97万元 |"));
  CHECK(has_line(md, "| 行政许可 | 5 | +1 | 50 |"));
  CHECK(has_line(md, "| 其他对外管理服务事项 | 2 | -1 | 331 |"));
  CHECK(has_line(md, "| （七）总计 | 4441 | 6 | 0 | 0 | 0 | 0 | 4447 |"));
}

TEST_CASE("Text, Markdown and JSON end with exactly one newline", "[render]") {
  const Report report = load_project("data/2020.json");
  for (const char* name : {"text", "markdown", "json"}) {
    INFO(name);
    const govreport::Format* f = govreport::format_by_name(name);
    REQUIRE(f != nullptr);
    const std::string out = f->render(report);
    REQUIRE(out.size() > 2);
    CHECK(out.back() == '\n');
    CHECK(out[out.size() - 2] != '\n');
  }
}
