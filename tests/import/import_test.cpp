// Importing published reports: the real reports of ../shared (read in place), govreport's own
// outputs read back, and hand-made variants. Every cell is asserted.

#include "govreport/import.hpp"

#include <iconv.h>
#include <poppler/cpp/poppler-global.h>
#include <zip.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "govreport/check.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "govreport/years.hpp"
#include "import/document.hpp"
#include "import/normalize.hpp"
#include "import/rows.hpp"
#include "support.hpp"
#include "workbook_support.hpp"

namespace {

namespace fs = std::filesystem;
using govreport::Cell;
using govreport::CellKind;
using govreport::Diagnostic;
using govreport::ImportResult;
using govreport::Report;
using govreport::SourceKind;
using govreport::test::project_file;
using govreport::test::read_file;
using govreport::test::run_govreport;
using govreport::test::temp_dir;

const std::string kShared = GOVREPORT_SHARED_DIR;

std::string fixture(const std::string& name) { return "tests/fixtures/import/" + name; }

// Every cell of tables 二, 三, 四, one line per row: "applications/received: 26 _ _ _ _ _ 26"
// ("_" blank, "/" not applicable).
std::string tables(const Report& r) {
  std::string out;
  for (const govreport::Table& t : r.edition->tables) {
    for (std::size_t row = 0; row < t.rows.size(); ++row) {
      if (t.rows[row].role == govreport::RowRole::Group) continue;
      std::string path = t.rows[row].path;
      std::replace(path.begin(), path.end(), '.', '/');
      out += std::string(t.json_key) + "/" + path + ":";
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const Cell& cell =
            r.cells[static_cast<std::size_t>(t.cell(static_cast<int>(row), static_cast<int>(c)))];
        const std::string text = govreport::format_cell(cell, t.columns[c].kind);
        out += " " + (cell.is_blank() ? std::string("_") : text);
      }
      out += "\n";
    }
  }
  return out;
}

Report load(const std::string& relative) {
  govreport::LoadResult loaded = govreport::load_report(project_file(relative), relative);
  REQUIRE(loaded.report.has_value());
  return std::move(*loaded.report);
}

ImportResult import_path(const std::string& path, SourceKind kind,
                         const govreport::ImportOptions& options = {}) {
  return govreport::import_report(read_file(path), kind, fs::path(path).filename().string(),
                                  options);
}

// "rule@line" of each finding, in order; PDF findings have no line.
std::vector<std::string> found(const ImportResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.findings) {
    UNSCOPED_INFO(govreport::format_diagnostic(d, govreport::Lang::En));
    out.push_back(std::string(d.rule) +
                  (d.position.line > 0 ? "@" + std::to_string(d.position.line) : ""));
  }
  return out;
}

// Skips a test, saying why, when the shared folder with the real reports is not there.
#define REQUIRE_SHARED(path)                                                               \
  if (!fs::exists(path)) {                                                                 \
    WARN("skipped: " << (path)                                                             \
                     << " not found; set -DGOVREPORT_SHARED_DIR to the folder that holds " \
                        "the real reports");                                               \
    return;                                                                                \
  }

}  // namespace

TEST_CASE("The Ningxia reference text imports to exactly the cells and narrative of data/2020.json",
          "[import]") {
  const std::string path = kShared + "/reference/ningxia-office-2020.txt";
  REQUIRE_SHARED(path);
  const ImportResult r = import_path(path, SourceKind::Text);
  CHECK(found(r).empty());
  REQUIRE(r.report);
  const Report expected = load("data/2020.json");
  CHECK(tables(*r.report) == tables(expected));
  CHECK(r.report->year == 2020);
  CHECK(r.report->edition->id == "2019");
  CHECK(r.report->agency == "自治区人民政府办公厅");  // as the title prints it
  CHECK(r.report->part("preamble").paragraphs == expected.part("preamble").paragraphs);
  CHECK(r.report->part("overview").paragraphs == expected.part("overview").paragraphs);
  REQUIRE(r.report->part("overview").subsections.size() ==
          expected.part("overview").subsections.size());
  for (std::size_t i = 0; i < expected.part("overview").subsections.size(); ++i) {
    CHECK(r.report->part("overview").subsections[i].title ==
          expected.part("overview").subsections[i].title);
    CHECK(r.report->part("overview").subsections[i].paragraphs ==
          expected.part("overview").subsections[i].paragraphs);
  }
  CHECK(r.report->part("problems").paragraphs == expected.part("problems").paragraphs);
  CHECK(r.report->part("other_matters").paragraphs == expected.part("other_matters").paragraphs);
  CHECK(r.summary.cells_number == 198);
  CHECK(r.summary.rows_found == r.summary.rows_total);
}

TEST_CASE(
    "The Hongze 2024 PDF imports to the cells of the example, its single （六） row kept under "
    "3.其他 with one error asking for the split",
    "[import]") {
  const std::string path = kShared + "/corpus/hongze-gov-2024.pdf";
  REQUIRE_SHARED(path);
  const ImportResult r = import_path(path, SourceKind::Pdf);
  CHECK(found(r) == std::vector<std::string>{"label-variant", "split-by-hand"});
  CHECK(r.findings[0].pointer == "/applications/results/withheld/prohibited_by_law");
  CHECK(r.findings[0].message_zh.find("2.其他法律行政止公开") != std::string::npos);
  CHECK(r.findings[1].pointer == "/applications/results/other/other");
  CHECK(r.findings[1].severity == govreport::Severity::Error);
  CHECK(r.findings[1].message_zh ==
        "表三：“（六）其他处理”按 2019 版格式印作一行，2021 版格式把它分为（六）1.、2.、3."
        "各行，一行的数值无法拆分：请手工填写各行；印出的数值暂记入（六）3.其他，1.、2.留空（第 4 "
        "页）");
  CHECK(r.summary.errors == 1);
  REQUIRE(r.report);
  Report expected = load("data/examples/hongze-gov-2024.json");
  // The report prints the 2019 edition's one row （六）其他处理: its value is under 3.其他 and the
  // two rows that the 2021 edition adds are blank, not 0.
  for (const char* row : {"overdue_correction", "unpaid_fee"})
    for (const char* col : {"natural_person", "commercial", "research", "social_welfare",
                            "legal_services", "other", "total"})
      expected.at(std::string("/applications/results/other/") + row + "/" + col) = Cell{};
  CHECK(tables(*r.report) == tables(expected));
  CHECK(r.report->agency == "淮安市洪泽区人民政府");
  CHECK(r.report->agency_kind == govreport::AgencyKind::Government);
  CHECK(r.report->part("preamble").paragraphs == expected.part("preamble").paragraphs);
  CHECK(r.report->part("overview").paragraphs == expected.part("overview").paragraphs);
  CHECK(r.report->part("problems").paragraphs == expected.part("problems").paragraphs);
  CHECK(r.report->part("other_matters").paragraphs == expected.part("other_matters").paragraphs);
  CHECK(r.summary.source == "PDF, 5 pages");
}

TEST_CASE(
    "The Hongze 2023 PDF imports every cell; check finds its table 四 errors and the carry-over to "
    "2024 holds",
    "[import]") {
  const std::string path23 = kShared + "/corpus/hongze-gov-2023.pdf";
  const std::string path24 = kShared + "/corpus/hongze-gov-2024.pdf";
  REQUIRE_SHARED(path23);
  REQUIRE_SHARED(path24);
  const ImportResult r = import_path(path23, SourceKind::Pdf);
  CHECK(found(r) == std::vector<std::string>{"label-variant", "split-by-hand"});
  REQUIRE(r.report);
  CHECK(r.report->year == 2023);
  CHECK(r.report->agency == "洪泽区人民政府");
  CHECK(tables(*r.report) ==
        "proactive/regulations: 0 0 0\n"
        "proactive/normative_documents: 0 5 5\n"
        "proactive/licensing: 550\n"
        "proactive/punishment: 4119\n"
        "proactive/coercion: 195\n"
        "proactive/fees: 7730.28\n"
        "applications/received: 21 0 0 0 0 0 21\n"
        "applications/carried_over: 0 0 0 0 0 0 0\n"
        "applications/results/granted: 0 0 0 0 0 0 0\n"
        "applications/results/partially_granted: 4 0 0 0 0 0 4\n"
        "applications/results/withheld/state_secret: 1 0 0 0 0 0 1\n"
        "applications/results/withheld/prohibited_by_law: 0 0 0 0 0 0 0\n"
        "applications/results/withheld/security_stability: 0 0 0 0 0 0 0\n"
        "applications/results/withheld/third_party: 0 0 0 0 0 0 0\n"
        "applications/results/withheld/internal_affairs: 0 0 0 0 0 0 0\n"
        "applications/results/withheld/process_info: 1 0 0 0 0 0 1\n"
        "applications/results/withheld/enforcement_files: 1 0 0 0 0 0 1\n"
        "applications/results/withheld/inquiry: 0 0 0 0 0 0 0\n"
        "applications/results/unable/not_held: 10 0 0 0 0 0 10\n"
        "applications/results/unable/needs_creation: 3 0 0 0 0 0 3\n"
        "applications/results/unable/unclear: 0 0 0 0 0 0 0\n"
        "applications/results/not_processed/complaint: 1 0 0 0 0 0 1\n"
        "applications/results/not_processed/repeated: 0 0 0 0 0 0 0\n"
        "applications/results/not_processed/publication: 0 0 0 0 0 0 0\n"
        "applications/results/not_processed/excessive: 0 0 0 0 0 0 0\n"
        "applications/results/not_processed/confirmation: 0 0 0 0 0 0 0\n"
        "applications/results/other/overdue_correction: _ _ _ _ _ _ _\n"
        "applications/results/other/unpaid_fee: _ _ _ _ _ _ _\n"
        "applications/results/other/other: 0 0 0 0 0 0 0\n"
        "applications/results/total: 21 0 0 0 0 0 21\n"
        "applications/carried_forward: 0 0 0 0 0 0 0\n"
        "reviews/review: 10 1 0 0 0\n"
        "reviews/litigation_direct: 0 0 0 0 0\n"
        "reviews/litigation_after_review: 5 0 0 0 0\n");

  // 行政复议 维持 10 + 纠正 1 but 总计 0; 复议后起诉 维持 5 but 总计 0.
  std::vector<std::string> review_totals;
  for (const Diagnostic& d : govreport::check_report(*r.report, "2023"))
    if (d.rule == "review-total")
      review_totals.push_back(d.pointer + " " + d.expected + " " + d.actual);
  CHECK(review_totals == std::vector<std::string>{"/reviews/review/total 11 0",
                                                  "/reviews/litigation_after_review/total 5 0"});

  const ImportResult later = import_path(path24, SourceKind::Pdf);
  REQUIRE(later.report);
  const auto across = govreport::check_consecutive(govreport::year_facts(*r.report, "2023"),
                                                   govreport::year_facts(*later.report, "2024"));
  for (const Diagnostic& d : across)
    UNSCOPED_INFO(govreport::format_diagnostic(d, govreport::Lang::En));
  CHECK(across.empty());  // carry-over 0 → 0, and 现行有效 5 + 3 − 0 = 8
}

TEST_CASE("The Shuyang HTML page keeps its blank 法人 cells null and reports its 2019 label",
          "[import]") {
  const std::string path = kShared + "/corpus/shuyang-drc-2023.html";
  REQUIRE_SHARED(path);
  const ImportResult r = import_path(path, SourceKind::Html);
  CHECK(found(r) == std::vector<std::string>{"label-variant@280", "label-variant@1197"});
  CHECK(r.findings[0].pointer == "/proactive/normative_documents");
  CHECK(r.findings[0].message_en.find("\"规范性文件\" is the label of the 2019 edition") !=
        std::string::npos);
  CHECK(r.findings[1].message_zh.find("五、存在的主要问题及整改措施") != std::string::npos);
  REQUIRE(r.report);
  CHECK(r.report->year == 2023);
  CHECK(r.report->agency == "沭阳县发展和改革局");
  const std::string zero = " 0 _ _ _ _ _ 0\n";
  std::string expected =
      "proactive/regulations: 0 0 0\n"
      "proactive/normative_documents: 8 0 18\n"
      "proactive/licensing: 0\n"
      "proactive/punishment: 0\n"
      "proactive/coercion: 0\n"
      "proactive/fees: 0\n"
      "applications/received: 26 _ _ _ _ _ 26\n"
      "applications/carried_over: 0 _ _ _ _ _ 0\n"
      "applications/results/granted: 26 _ _ _ _ _ 26\n";
  for (const char* row : {"partially_granted",          "withheld/state_secret",
                          "withheld/prohibited_by_law", "withheld/security_stability",
                          "withheld/third_party",       "withheld/internal_affairs",
                          "withheld/process_info",      "withheld/enforcement_files",
                          "withheld/inquiry",           "unable/not_held",
                          "unable/needs_creation",      "unable/unclear",
                          "not_processed/complaint",    "not_processed/repeated",
                          "not_processed/publication",  "not_processed/excessive",
                          "not_processed/confirmation", "other/overdue_correction",
                          "other/unpaid_fee",           "other/other"})
    expected += std::string("applications/results/") + row + ":" + zero;
  expected +=
      "applications/results/total: 26 _ _ _ _ _ 26\n"
      "applications/carried_forward: 0 _ _ _ _ _ 0\n"
      "reviews/review: 0 0 0 1 1\n"
      "reviews/litigation_direct: 0 0 0 0 0\n"
      "reviews/litigation_after_review: 0 0 0 0 0\n";
  CHECK(tables(*r.report) == expected);
  CHECK(r.summary.cells_blank == 125);
  CHECK(r.report->part("overview").subsections.size() == 5);
  CHECK(r.report->part("other_matters").paragraphs ==
        std::vector<std::string>{"2023年度，县发展和改革局政府信息公开未发生收费情况。"});
}

TEST_CASE("govreport's own text, Markdown and HTML read back to exactly the same cells",
          "[import]") {
  for (const char* data : {"data/2020.json", "data/examples/hongze-gov-2024.json"}) {
    const Report report = load(data);
    for (const char* name : {"text", "markdown", "html"}) {
      const govreport::Format* format = govreport::format_by_name(name);
      if (format == nullptr) {
        WARN("no " << name << " renderer in this build; its round trip is not tested");
        continue;
      }
      INFO(data << " as " << name);
      const SourceKind kind = std::string(name) == "html" ? SourceKind::Html : SourceKind::Text;
      const ImportResult r = govreport::import_report(format->render(report), kind, "out");
      CHECK(found(r).empty());
      REQUIRE(r.report);
      CHECK(tables(*r.report) == tables(report));
      CHECK(r.report->year == report.year);
      CHECK(r.report->agency_kind == report.agency_kind);
      CHECK(r.report->part("preamble").paragraphs == report.part("preamble").paragraphs);
      CHECK(r.report->part("overview").paragraphs == report.part("overview").paragraphs);
      CHECK(r.report->part("problems").paragraphs == report.part("problems").paragraphs);
      CHECK(r.report->part("other_matters").paragraphs == report.part("other_matters").paragraphs);
    }
  }
}

namespace {

// Rewrites each line of a Markdown table (one that starts with a pipe) with `shape`.
template <typename Shape>
std::string reshape_tables(const std::string& markdown, Shape shape) {
  std::string out;
  std::size_t start = 0;
  while (start < markdown.size()) {
    std::size_t end = markdown.find('\n', start);
    if (end == std::string::npos) end = markdown.size();
    const std::string line = markdown.substr(start, end - start);
    out += line.starts_with("|") ? shape(line) : line + "\n";
    start = end + 1;
  }
  return out;
}

// The cells of "| a | b |", trimmed.
std::vector<std::string> pipe_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t at = 1;
  for (std::size_t bar; (bar = line.find('|', at)) != std::string::npos; at = bar + 1) {
    std::string cell = line.substr(at, bar - at);
    cell.erase(0, cell.find_first_not_of(' '));
    cell.erase(cell.find_last_not_of(' ') + 1);
    cells.push_back(cell);
  }
  return cells;
}

bool is_alignment_row(const std::string& line) {
  return line.find_first_not_of("|-: ") == std::string::npos;
}

bool has_values(const std::vector<std::string>& cells) {
  return std::any_of(cells.begin() + 1, cells.end(), [](const std::string& c) {
    return !c.empty() && c.find_first_not_of("0123456789./") == std::string::npos;
  });
}

}  // namespace

TEST_CASE("Tables in the text shapes portals and converters print read to exactly the same cells",
          "[import]") {
  const Report report = load("data/examples/hongze-gov-2024.json");
  const govreport::Format* format = govreport::format_by_name("markdown");
  REQUIRE(format != nullptr);
  const std::string markdown = format->render(report);
  auto check_same = [&](const std::string& text, const std::string& expected_source) {
    const ImportResult r = govreport::import_report(text, SourceKind::Text, "shape");
    CHECK(found(r).empty());
    REQUIRE(r.report);
    CHECK(r.summary.source == expected_source);
    CHECK(tables(*r.report) == tables(report));
    CHECK(r.report->agency == report.agency);
    CHECK(r.report->part("overview").paragraphs == report.part("overview").paragraphs);
    CHECK(r.report->part("problems").paragraphs == report.part("problems").paragraphs);
  };
  SECTION("pipes without the outer ones: 规章 | 0 | 0 | 0 |") {
    check_same(reshape_tables(markdown, [](const std::string& l) { return l.substr(1) + "\n"; }),
               "Markdown");
  }
  SECTION("and without the last one either: 规章 | 0 | 0 | 0") {
    check_same(reshape_tables(markdown,
                              [](const std::string& l) {
                                std::string s = l.substr(1);
                                s.erase(s.find_last_not_of(" |") + 1);
                                return s + "\n";
                              }),
               "Markdown");
  }
  SECTION("one cell per line: 规章 | then 0 | then 0 |") {
    check_same(reshape_tables(markdown,
                              [](const std::string& l) {
                                if (is_alignment_row(l)) return std::string();
                                std::string out;
                                for (const std::string& c : pipe_cells(l)) out += c + " |\n";
                                return out;
                              }),
               "Markdown");
  }
  SECTION("one cell per line with a value missing: the row is not read by count") {
    std::string text = reshape_tables(markdown, [](const std::string& l) {
      if (is_alignment_row(l)) return std::string();
      std::string out;
      for (const std::string& c : pipe_cells(l)) out += c + " |\n";
      return out;
    });
    const std::string row = "规章 |\n0 |\n0 |\n0 |\n";
    const std::size_t at = text.find(row);
    REQUIRE(at != std::string::npos);
    text.replace(at, row.size(), "规章 |\n0 |\n0 |\n");
    const std::size_t line =
        static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n')) + 1;
    const ImportResult r = govreport::import_report(text, SourceKind::Text, "shape");
    REQUIRE(found(r) == std::vector<std::string>{"cell-count@" + std::to_string(line)});
    CHECK(r.findings[0].message_en ==
          "二·第二十条第（一）项 规章 has 2 values (0 0) for 3 columns; which belongs where cannot "
          "be "
          "told, so the row is left blank");
    REQUIRE(r.report);
    CHECK(tables(*r.report).find("proactive/regulations: _ _ _\n") != std::string::npos);
  }
  SECTION("each row's label as a heading above a table of that one row") {
    check_same(reshape_tables(markdown,
                              [](const std::string& l) {
                                const std::vector<std::string> cells = pipe_cells(l);
                                if (is_alignment_row(l) || !has_values(cells)) return l + "\n";
                                return "\n### " + cells.front() + "\n\n" + l + "\n";
                              }),
               "Markdown");
  }
  SECTION("text copied from a page: tab-separated rows, column heads one character per line") {
    std::string text = reshape_tables(markdown, [](const std::string& l) {
      const std::vector<std::string> cells = pipe_cells(l);
      if (is_alignment_row(l)) return std::string();
      std::string out;
      if (!has_values(cells) && cells.size() > 2) {
        for (const std::string& c : cells)
          for (char32_t ch : govreport::detail::decode_utf8(c))
            if (ch != U'·') out += govreport::detail::encode_utf8(std::u32string(1, ch)) + "\n";
        return out;
      }
      for (std::size_t k = 0; k < cells.size(); ++k) out += (k ? "\t" : "") + cells[k];
      return out + "\n";
    });
    // Headings as plain lines.
    for (std::size_t at; (at = text.find("#")) != std::string::npos;)
      text.erase(at, text.find_first_not_of("# ", at) - at);
    check_same(text, "text");
  }
}

TEST_CASE("A cell holding two numbers, a number with words or digits split by spaces is never read",
          "[import]") {
  const Report report = load("data/examples/hongze-gov-2024.json");
  const govreport::Format* html = govreport::format_by_name("html");
  const govreport::Format* markdown = govreport::format_by_name("markdown");
  REQUIRE(html != nullptr);
  REQUIRE(markdown != nullptr);
  const std::string page = html->render(report);
  const std::string md = markdown->render(report);
  const std::string html_cell = "一、本年新收政府信息公开申请数量</th><td>95</td>";
  const std::string md_cell = "| 一、本年新收政府信息公开申请数量 | 95 |";
  REQUIRE(page.find(html_cell) != std::string::npos);
  REQUIRE(md.find(md_cell) != std::string::npos);
  struct Case {
    const char* written;  // in the HTML page
    const char* printed;  // as the finding names it
  };
  for (const Case& c : {Case{"95<br>3", "95 3"}, Case{"95&lt;br&gt;3", "95<br>3"},
                        Case{"9 5", "9 5"}, Case{"9&nbsp;5", "9 5"}, Case{"约95", "约95"},
                        Case{"95余", "95余"}, Case{"95多", "95多"}}) {
    INFO(c.written);
    std::string variant = page;
    variant.replace(variant.find(html_cell), html_cell.size(),
                    "一、本年新收政府信息公开申请数量</th><td>" + std::string(c.written) + "</td>");
    const ImportResult r = govreport::import_report(variant, SourceKind::Html, "v.html");
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == "unreadable-cell");
    CHECK(r.findings[0].pointer == "/applications/received/natural_person");
    CHECK(r.findings[0].message_zh == "三·一、本年新收政府信息公开申请数量·自然人：“" +
                                          std::string(c.printed) + "”不是数字、空白或“/”，留空");
    CHECK(r.summary.errors == 1);
    REQUIRE(r.report);
    CHECK(r.report->at("/applications/received/natural_person").is_blank());
    CHECK(r.report->at("/applications/received/total").value == 95);  // the rest is read
  }
  SECTION("in Markdown too") {
    std::string variant = md;
    variant.replace(variant.find(md_cell), md_cell.size(),
                    "| 一、本年新收政府信息公开申请数量 | 95<br>3 |");
    const ImportResult r = govreport::import_report(variant, SourceKind::Text, "v.md");
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].message_en ==
          "三·一、本年新收政府信息公开申请数量·自然人: \"95<br>3\" is not a number, blank or "
          "\"/\"; left blank");
    REQUIRE(r.report);
    CHECK(r.report->at("/applications/received/natural_person").is_blank());
  }
  SECTION("a blank cell stays blank, with no finding of the import") {
    std::string variant = page;
    variant.replace(variant.find(html_cell), html_cell.size(),
                    "一、本年新收政府信息公开申请数量</th><td></td>");
    const ImportResult r = govreport::import_report(variant, SourceKind::Html, "v.html");
    CHECK(r.findings.empty());
    REQUIRE(r.report);
    CHECK(r.report->at("/applications/received/natural_person").is_blank());
  }
}

namespace {

// The example report as Markdown with another title and 落款 (the lines closing it).
std::string retitled(const std::string& title, const std::string& closing) {
  const govreport::Format* markdown = govreport::format_by_name("markdown");
  REQUIRE(markdown != nullptr);
  std::string text = markdown->render(load("data/examples/hongze-gov-2024.json"));
  text = "# " + title + text.substr(text.find('\n'));
  if (const std::size_t at = text.find("<p align=\"right\">"); at != std::string::npos)
    text.erase(at);
  return text + "\n" + closing;
}

}  // namespace

TEST_CASE("The agency comes from the title's own pattern or the 落款, and its kind from its name",
          "[import]") {
  SECTION("关于…的报告 names the agency in its 落款; a 管委会 reports like a government") {
    const ImportResult r =
        govreport::import_report(retitled("关于2024年度政府信息公开工作情况的报告",
                                          "平潭综合实验区管委会\n\n2025年1月20日\n"),
                                 SourceKind::Text, "t.md");
    CHECK(found(r).empty());
    REQUIRE(r.report);
    CHECK(r.report->agency == "平潭综合实验区管委会");
    CHECK(r.report->agency_kind == govreport::AgencyKind::Government);
    CHECK(r.summary.agency_kind_by == "管委会");
    CHECK(govreport::format_summary(r.summary, "t.md", govreport::Lang::Zh)
              .starts_with("t.md: 已导入 Markdown：2024 年，平潭综合实验区管委会，政府（名称以"
                           "“管委会”结尾），2021 版格式\n"));
    CHECK(govreport::format_summary(r.summary, "t.md", govreport::Lang::En)
              .starts_with("t.md: imported Markdown: 2024, 平潭综合实验区管委会, government (the "
                           "name ends in 管委会), 2021 edition\n"));
  }
  SECTION("an agency before 关于 is the agency; a department says how to change its kind") {
    const ImportResult r = govreport::import_report(
        retitled("某某市交通运输局关于2024年度政府信息公开工作情况的报告", ""), SourceKind::Text,
        "t.md");
    REQUIRE(r.report);
    CHECK(r.report->agency == "某某市交通运输局");
    CHECK(r.report->agency_kind == govreport::AgencyKind::Department);
    CHECK(govreport::format_summary(r.summary, "t.md", govreport::Lang::Zh)
              .starts_with("t.md: 已导入 Markdown：2024 年，某某市交通运输局，部门（名称不以政府的"
                           "名称结尾；可用 --kind 指定），2021 版格式\n"));
  }
  SECTION("a page header printed before the name is not part of it") {
    const ImportResult r =
        govreport::import_report(retitled("Page 8 -某某区信访局2024年政府信息公开工作年度报告",
                                          "Page 9 -某某区信访局\n\n2025年1月20日\n"),
                                 SourceKind::Text, "t.md");
    REQUIRE(r.report);
    CHECK(r.report->agency == "某某区信访局");
  }
  SECTION("the office of a government is a department;街道办事处 and 管理委员会 are governments") {
    for (const auto& [name, kind] :
         {std::pair{"某某县人民政府办公室", govreport::AgencyKind::Department},
          std::pair{"某某区某某街道办事处", govreport::AgencyKind::Government},
          std::pair{"某某经济技术开发区管理委员会", govreport::AgencyKind::Government},
          std::pair{"某某县人民政府", govreport::AgencyKind::Government}}) {
      INFO(name);
      const ImportResult r = govreport::import_report(
          retitled(std::string(name) + "2024年政府信息公开工作年度报告", ""), SourceKind::Text,
          "t.md");
      REQUIRE(r.report);
      CHECK(r.report->agency == name);
      CHECK(r.report->agency_kind == kind);
    }
  }
  SECTION("--kind sets the kind whatever the name") {
    govreport::ImportOptions options;
    options.agency_kind = govreport::AgencyKind::Department;
    const ImportResult r =
        govreport::import_report(retitled("某某县人民政府2024年政府信息公开工作年度报告", ""),
                                 SourceKind::Text, "t.md", options);
    REQUIRE(r.report);
    CHECK(r.report->agency_kind == govreport::AgencyKind::Department);
    CHECK(govreport::format_summary(r.summary, "t.md", govreport::Lang::En)
              .starts_with("t.md: imported Markdown: 2024, 某某县人民政府, department (--kind), "
                           "2021 edition\n"));
  }
  SECTION("--agency is taken whatever the title and the 落款 name; the kind follows it") {
    govreport::ImportOptions options;
    options.agency = "某某县人民政府办公室";
    const ImportResult r =
        govreport::import_report(retitled("某某县人民政府2024年政府信息公开工作年度报告",
                                          "某某县人民政府\n\n2025年1月20日\n"),
                                 SourceKind::Text, "t.md", options);
    CHECK(found(r).empty());
    REQUIRE(r.report);
    CHECK(r.report->agency == "某某县人民政府办公室");
    CHECK(r.report->agency_kind == govreport::AgencyKind::Department);
  }
  SECTION("no agency in the title nor a 落款: one finding naming both places") {
    const ImportResult r = govreport::import_report(
        retitled("关于2024年度政府信息公开工作情况的报告", ""), SourceKind::Text, "t.md");
    REQUIRE(found(r) == std::vector<std::string>{"missing-metadata@1"});
    CHECK(r.findings[0].message_zh ==
          "标题和落款中没有找到机关名称（在第 1–3 行及文末查找）；请用 --agency 指定");
  }
}

TEST_CASE("A breadcrumb or the site's name above the title is no part of the agency", "[import]") {
  const Report report = load("data/examples/hongze-gov-2024.json");
  const std::string title = "淮安市洪泽区人民政府2024年政府信息公开工作年度报告";
  SECTION("the pages of a portal: the site's name and a breadcrumb above the title") {
    const std::vector<std::string> missing = {"missing-table", "missing-table", "missing-table",
                                              "missing-table", "missing-table", "missing-table"};
    for (const auto& [name, kind, line] :
         {std::tuple{"breadcrumb-2023.html", SourceKind::Html, 12},
          std::tuple{"breadcrumb-2023.txt", SourceKind::Text, 13}}) {
      INFO(name);
      const ImportResult r = import_path(fixture(name), kind);
      std::vector<std::string> rules;
      for (const Diagnostic& d : r.findings) rules.push_back(std::string(d.rule));
      CHECK(rules == missing);  // the fixtures print no tables
      REQUIRE(r.report);
      CHECK(r.report->year == 2023);
      CHECK(r.report->agency == "某某镇人民政府");
      CHECK(r.report->title.empty());  // the title is the default one
      CHECK(r.report->part("preamble").paragraphs ==
            std::vector<std::string>{"根据《中华人民共和国政府信息公开条例》，编制本报告。本报告所"
                                     "列数据统计期限自2023年1月1日起至2023年12月31日止。"});
      CHECK(r.findings[0].position.line == static_cast<std::size_t>(line));
    }
  }
  const govreport::Format* html = govreport::format_by_name("html");
  const govreport::Format* text = govreport::format_by_name("text");
  REQUIRE(html != nullptr);
  REQUIRE(text != nullptr);
  const std::string page = html->render(report);
  const std::string plain = text->render(report);
  REQUIRE(page.find("<h1>" + title + "</h1>") != std::string::npos);
  REQUIRE(plain.starts_with(title + "\n"));
  // Each breadcrumb as a line of its own just above the title, in a page and in text.
  for (const std::string crumb :
       {"首页>信息公开>年度报告", "首页 > 信息公开 > 年度报告", "首页›信息公开›年度报告",
        "首页 » 信息公开 » 年度报告", "首页〉信息公开〉年度报告", "首页 ＞ 信息公开 ＞ 年度报告",
        "当前位置：首页 &gt; 信息公开 &gt; 年度报告",
        "首页 > 信息公开 > 淮安市洪泽区人民政府2024年政府信息公开工作年度报告"}) {
    INFO(crumb);
    std::string variant = page;
    variant.insert(variant.find("<h1>"), "<div class=\"crumb\">" + crumb + "</div>\n");
    const ImportResult from_page = govreport::import_report(variant, SourceKind::Html, "v.html");
    CHECK(found(from_page).empty());
    REQUIRE(from_page.report);
    CHECK(from_page.report->agency == "淮安市洪泽区人民政府");
    CHECK(from_page.report->title.empty());
    CHECK(tables(*from_page.report) == tables(report));
    CHECK(from_page.report->part("preamble").paragraphs == report.part("preamble").paragraphs);
    if (crumb.find("&gt;") != std::string::npos) continue;  // an HTML entity
    const ImportResult from_text =
        govreport::import_report(crumb + "\n" + plain, SourceKind::Text, "v.txt");
    CHECK(found(from_text).empty());
    REQUIRE(from_text.report);
    CHECK(from_text.report->agency == "淮安市洪泽区人民政府");
    CHECK(from_text.report->title.empty());
    CHECK(from_text.report->part("preamble").paragraphs == report.part("preamble").paragraphs);
  }
  SECTION("a title over two lines still takes its agency from the line above its year") {
    std::string variant = plain;
    variant.replace(0, title.size(),
                    "首页 > 信息公开\n淮安市洪泽区人民政府\n2024年政府信息公开工作年度报告");
    const ImportResult r = govreport::import_report(variant, SourceKind::Text, "v.txt");
    CHECK(found(r).empty());
    REQUIRE(r.report);
    CHECK(r.report->agency == "淮安市洪泽区人民政府");
  }
}

TEST_CASE(
    "Spaces, traditional characters, wrapped labels, dashes, units and extra rows are read, each "
    "deviation "
    "a finding",
    "[import]") {
  const ImportResult r = import_path(fixture("variants-2021.txt"), SourceKind::Text);
  CHECK(found(r) == std::vector<std::string>{"label-variant@19", "extra-row@20", "cell-unit@30",
                                             "label-variant@58", "label-variant@79"});
  CHECK(r.findings[0].message_en.find("bracketed note") != std::string::npos);
  CHECK(r.findings[1].message_zh.find("其他主动公开文件") != std::string::npos);
  CHECK(r.findings[2].message_en.find("\"35000元\" carries a unit; converted to 3.5 万元") !=
        std::string::npos);
  CHECK(r.findings[3].message_zh.find("印作“2.重复申情”") != std::string::npos);
  REQUIRE(r.report);
  CHECK(r.report->agency == "某某县商务局");
  CHECK(r.report->year == 2022);
  std::string expected =
      "proactive/regulations: 0 0 0\n"
      "proactive/normative_documents: 2 1 9\n"
      "proactive/licensing: 1204\n"
      "proactive/punishment: /\n"
      "proactive/coercion: /\n"
      "proactive/fees: 3.5\n"
      "applications/received: 12 2 0 0 1 0 15\n"
      "applications/carried_over: 1 0 0 0 0 0 1\n"
      "applications/results/granted: 4 1 0 0 1 0 6\n"
      "applications/results/partially_granted: 2 0 0 0 0 0 2\n";
  const std::string zero = " 0 0 0 0 0 0 0\n";
  for (const char* row :
       {"withheld/state_secret", "withheld/prohibited_by_law", "withheld/security_stability"})
    expected += std::string("applications/results/") + row + ":" + zero;
  expected += "applications/results/withheld/third_party: 1 0 0 0 0 0 1\n";
  for (const char* row : {"withheld/internal_affairs", "withheld/process_info",
                          "withheld/enforcement_files", "withheld/inquiry"})
    expected += std::string("applications/results/") + row + ":" + zero;
  expected += "applications/results/unable/not_held: 3 1 0 0 0 0 4\n";
  for (const char* row : {"unable/needs_creation", "unable/unclear"})
    expected += std::string("applications/results/") + row + ":" + zero;
  expected += "applications/results/not_processed/complaint: 1 0 0 0 0 0 1\n";
  expected += "applications/results/not_processed/repeated: 1 0 0 0 0 0 1\n";
  for (const char* row :
       {"not_processed/publication", "not_processed/excessive", "not_processed/confirmation",
        "other/overdue_correction", "other/unpaid_fee", "other/other"})
    expected += std::string("applications/results/") + row + ":" + zero;
  expected +=
      "applications/results/total: 12 2 0 0 1 0 15\n"
      "applications/carried_forward: 1 0 0 0 0 0 1\n"
      "reviews/review: 1 0 0 0 1\n"
      "reviews/litigation_direct: / / / / /\n"
      "reviews/litigation_after_review: 0 0 0 0 0\n";
  CHECK(tables(*r.report) == expected);
  CHECK(
      r.report->part("overview").paragraphs ==
      std::vector<std::string>{"2022年，本局认真落实政府信息公开各项工作，主动公开各类信息24条。"});
  REQUIRE(r.report->part("overview").subsections.size() == 1);
  CHECK(r.report->part("overview").subsections[0].title == "主动公开政府信息情况");
}

TEST_CASE(
    "A GBK page of the 2019 edition: charset converted, grid expanded, 251000元 read as 25.1 万元",
    "[import]") {
  const ImportResult r = import_path(fixture("gbk-2020.html"), SourceKind::Html);
  CHECK(found(r) == std::vector<std::string>{"extra-row@34", "cell-unit@37"});
  CHECK(r.summary.source == "HTML (GB18030)");
  REQUIRE(r.report);
  CHECK(r.report->agency == "某某区民政局");
  CHECK(r.report->edition->id == "2019");
  std::string expected =
      "proactive/regulations: 0 0 0\n"
      "proactive/normative_documents: 3 3 21\n"
      "proactive/licensing: 12 -2 340\n"
      "proactive/other_services: 5 +1 88\n"
      "proactive/punishment: 3 0 7\n"
      "proactive/coercion: 0 0 0\n"
      "proactive/fees: 1 0\n"
      "proactive/procurement: 2 25.1\n"
      "applications/received: 8 1 _ _ _ _ 9\n"
      "applications/carried_over: 0 _ _ _ _ _ 0\n"
      "applications/results/granted: 5 1 _ _ _ _ 6\n"
      "applications/results/partially_granted: 1 _ _ _ _ _ 1\n";
  const std::string zero = ": 0 _ _ _ _ _ 0\n", one = ": 1 _ _ _ _ _ 1\n";
  for (const char* row : {"state_secret", "prohibited_by_law", "security_stability"})
    expected += std::string("applications/results/withheld/") + row + zero;
  expected += "applications/results/withheld/third_party" + one;
  for (const char* row : {"internal_affairs", "process_info", "enforcement_files", "inquiry"})
    expected += std::string("applications/results/withheld/") + row + zero;
  expected += "applications/results/unable/not_held" + one;
  for (const char* row : {"unable/needs_creation", "unable/unclear", "not_processed/complaint",
                          "not_processed/repeated", "not_processed/publication",
                          "not_processed/excessive", "not_processed/confirmation", "other"})
    expected += std::string("applications/results/") + row + zero;
  expected +=
      "applications/results/total: 7 1 _ _ _ _ 8\n"
      "applications/carried_forward" +
      one +
      "reviews/review: 2 0 0 1 3\n"
      "reviews/litigation_direct: 0 0 0 0 0\n"
      "reviews/litigation_after_review: 1 _ 0 0 1\n";
  CHECK(tables(*r.report) == expected);
  // Navigation and footer of the page are not narrative; the signature is not a paragraph.
  CHECK(r.report->part("preamble").paragraphs.size() == 1);
  CHECK(r.report->part("problems").paragraphs.size() == 2);
  CHECK(r.report->part("other_matters").paragraphs ==
        std::vector<std::string>{"本年度未收取信息处理费。"});
}

TEST_CASE(
    "In layout text, blank cells are placed by column position, and a value pushed out of place is "
    "not guessed",
    "[import]") {
  const ImportResult r = import_path(fixture("layout-blanks-2023.txt"), SourceKind::Text);
  CHECK(found(r) == std::vector<std::string>{"cell-count@33", "cell-count@51", "cell-count@53"});
  REQUIRE(r.report);
  const std::string t = tables(*r.report);
  CHECK(t.find("applications/carried_over: 0 _ _ _ _ _ 0\n") != std::string::npos);
  CHECK(t.find("applications/results/granted: 6 1 0 0 0 0 7\n") != std::string::npos);
  CHECK(t.find("applications/results/partially_granted: _ _ _ _ _ _ _\n") != std::string::npos);
  CHECK(t.find("applications/results/unable/not_held: 2 _ _ _ _ _ 2\n") != std::string::npos);
  CHECK(t.find("applications/results/not_processed/publication: _ _ _ _ _ _ 0\n") !=
        std::string::npos);
  CHECK(t.find("applications/results/not_processed/confirmation: 0 _ _ _ _ _ 0\n") !=
        std::string::npos);
  CHECK(t.find("applications/results/other/overdue_correction: _ _ _ _ _ _ _\n") !=
        std::string::npos);
  CHECK(t.find("applications/results/other/other: 0 _ _ _ _ _ 0\n") != std::string::npos);
  CHECK(t.find("reviews/litigation_after_review: 0 0 0 0 0\n") != std::string::npos);
  CHECK(r.report->agency_kind == govreport::AgencyKind::Government);
  CHECK(r.summary.cells_number == 83);
}

TEST_CASE(
    "In layout text, a group label printed top to bottom or in pieces beside its rows is "
    "no row",
    "[import]") {
  const std::string original = project_file(fixture("layout-blanks-2023.txt"));
  const ImportResult expected = govreport::import_report(original, SourceKind::Text, "t.txt");
  REQUIRE(expected.report);
  // The three rows of （四）, each label's start given at the same width, so the values stay in
  // their columns; the group label's characters stand left of the rows.
  const std::string from = "    （四）无法提供  1.本机关";
  const std::size_t begin = original.find(from);
  REQUIRE(begin != std::string::npos);
  const std::size_t end = original.find('\n', original.find("3.补正后申请内容仍不明确")) + 1;
  const std::string rows = original.substr(begin, end - begin);
  auto after = [&](const std::string& label) {  // a row's line from its label on
    const std::size_t at = rows.find(label);
    return rows.substr(at, rows.find('\n', at) + 1 - at);
  };
  const std::string one = after("1.本机关"), two = after("2.没有"), three = after("3.补正后");
  for (const std::string& printed :
       {// one character a line, between the rows
        "    （\n    四            " + one + "    ）\n    无          " + two +
            "    法\n    提          " + three + "    供\n",
        // in pieces on the rows' lines, apart from or against their labels
        "    （四）        " + one + "    无法        " + two + "    提供" +
            three.substr(0, three.find(' ')) + "        " + three.substr(three.find(' '))}) {
    INFO(printed);
    std::string text = original;
    text.replace(text.find(rows), rows.size(), printed);
    const ImportResult r = govreport::import_report(text, SourceKind::Text, "t.txt");
    std::vector<std::string> rules;
    for (const Diagnostic& d : r.findings) rules.push_back(std::string(d.rule));
    CHECK(rules == std::vector<std::string>{"cell-count", "cell-count", "cell-count"});
    REQUIRE(r.report);
    CHECK(tables(*r.report) == tables(*expected.report));
    CHECK(r.summary.rows_found == expected.summary.rows_found);
  }
}

TEST_CASE("In a PDF whose rows all have blank cells, values are placed under their column heads",
          "[import]") {
  // Made by tests/fixtures/import/make-blank-columns-pdf.py: heads stacked over lines, a label
  // wrapped over three lines, a group label printed top to bottom, values off centre.
  const ImportResult r = import_path(fixture("blank-columns-2023.pdf"), SourceKind::Pdf);
  CHECK(found(r).empty());
  REQUIRE(r.report);
  CHECK(r.report->agency == "某某街道办事处");
  std::string expected =
      "proactive/regulations: 0 0 0\n"
      "proactive/normative_documents: 1 0 3\n"
      "proactive/licensing: 27\n"
      "proactive/punishment: 4\n"
      "proactive/coercion: 0\n"
      "proactive/fees: 0\n"
      "applications/received: 5 _ _ _ _ _ 5\n"
      "applications/carried_over: 0 _ _ _ _ _ 0\n"
      "applications/results/granted: 2 1 _ _ _ _ 3\n"
      "applications/results/partially_granted: 1 _ _ _ _ _ 1\n";
  for (const char* row :
       {"withheld/state_secret", "withheld/prohibited_by_law", "withheld/security_stability",
        "withheld/third_party", "withheld/internal_affairs", "withheld/process_info",
        "withheld/enforcement_files", "withheld/inquiry"})
    expected += std::string("applications/results/") + row + ": 0 _ _ _ _ _ 0\n";
  expected += "applications/results/unable/not_held: 1 _ _ _ _ _ 1\n";
  for (const char* row : {"unable/needs_creation", "unable/unclear", "not_processed/complaint",
                          "not_processed/repeated", "not_processed/publication",
                          "not_processed/excessive", "not_processed/confirmation",
                          "other/overdue_correction", "other/unpaid_fee", "other/other"})
    expected += std::string("applications/results/") + row + ": 0 _ _ _ _ _ 0\n";
  expected +=
      "applications/results/total: 4 1 _ _ _ _ 5\n"
      "applications/carried_forward: 1 _ _ _ _ _ 1\n"
      "reviews/review: 1 0 0 0 1\n"
      "reviews/litigation_direct: 0 0 0 0 0\n"
      "reviews/litigation_after_review: 0 0 0 0 0\n";
  CHECK(tables(*r.report) == expected);
  // Paragraphs are joined across line and page breaks.
  CHECK(r.report->part("preamble").paragraphs ==
        std::vector<std::string>{"本报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期"
                                 "限自2023年1月1日至2023年12月31日。"});
  CHECK(
      r.report->part("problems").paragraphs ==
      std::vector<std::string>{
          "一是信息公开的及时性有待提高；二是政策解读形式单一。下一步将加强培训，提升公开质量。"});
}

namespace {

// Every cell of tests/fixtures/import/vertical-groups-2023.{pdf,txt}.
std::string vertical_groups_tables() {
  std::string out =
      "proactive/regulations: 0 0 0\n"
      "proactive/normative_documents: 2 1 6\n"
      "proactive/licensing: 31\n"
      "proactive/punishment: 9\n"
      "proactive/coercion: 2\n"
      "proactive/fees: 881.0055\n"
      "applications/received: 12 1 0 0 0 0 13\n"
      "applications/carried_over: 1 0 0 0 0 0 1\n"
      "applications/results/granted: 3 1 0 0 0 0 4\n"
      "applications/results/partially_granted: 1 0 0 0 0 0 1\n";
  const std::string zero = ": 0 0 0 0 0 0 0\n", one = ": 1 0 0 0 0 0 1\n";
  for (const auto& [row, values] : std::vector<std::pair<const char*, std::string>>{
           {"withheld/state_secret", zero},
           {"withheld/prohibited_by_law", zero},
           {"withheld/security_stability", zero},
           {"withheld/third_party", one},
           {"withheld/internal_affairs", zero},
           {"withheld/process_info", one},
           {"withheld/enforcement_files", zero},
           {"withheld/inquiry", zero},
           {"unable/not_held", ": 3 0 0 0 0 0 3\n"},
           {"unable/needs_creation", ": 2 0 0 0 0 0 2\n"},
           {"unable/unclear", one},
           {"not_processed/complaint", one},
           {"not_processed/repeated", zero},
           {"not_processed/publication", zero},
           {"not_processed/excessive", zero},
           {"not_processed/confirmation", zero},
           {"other/overdue_correction", one},
           {"other/unpaid_fee", zero},
           {"other/other", zero}})
    out += std::string("applications/results/") + row + values;
  out +=
      "applications/results/total: 13 1 0 0 0 0 14\n"
      "applications/carried_forward: 0 0 0 0 0 0 0\n"
      "reviews/review: 2 1 0 0 3\n"
      "reviews/litigation_direct: 1 0 0 0 1\n"
      "reviews/litigation_after_review: 0 0 0 0 0\n";
  return out;
}

}  // namespace

TEST_CASE(
    "In a PDF, group labels stacked a character or two a line beside their rows are read apart "
    "from the row labels",
    "[import][pdf]") {
  // Made by tests/fixtures/import/make-vertical-groups-pdf.py: 三、本年度办理结果 and （三）…（六）
  // stacked in two narrow columns, their characters on the lines of the row labels and between
  // them, the numbering of each row a word of its own; the fee printed in 元 under a head that
  // says 元.
  const ImportResult r = import_path(fixture("vertical-groups-2023.pdf"), SourceKind::Pdf);
  CHECK(found(r) == std::vector<std::string>{"cell-unit"});
  REQUIRE(r.report);
  CHECK(r.report->agency == "某某镇人民政府");
  CHECK(tables(*r.report) == vertical_groups_tables());
  CHECK(r.report->at("/proactive/fees/amount").value == 881'005'500);  // 万元 × 10⁶, exact
  REQUIRE(r.findings.size() == 1);
  CHECK(govreport::format_diagnostic(r.findings[0], govreport::Lang::Zh) ==
        "vertical-groups-2023.pdf: 警告: "
        "二·行政事业性收费·本年收费金额（单位：万元）：列头的单位是元，“8810055”换算为 881.0055 "
        "万元（第 1 页） [cell-unit]");
  CHECK(govreport::format_summary(r.summary, "v.pdf", govreport::Lang::Zh) ==
        "v.pdf: 已导入 PDF, 3 pages：2023 年，某某镇人民政府，政府（名称以“人民政府”结尾），2021 "
        "版格式\n"
        "v.pdf: 正文 6/6 部分，表格 6/6 张，行 34/34；单元格 200 个：数字 200，空白 0，“/” 0\n"
        "v.pdf: 错误 0 个，警告 1 个\n");
  CHECK(r.report->part("problems").paragraphs ==
        std::vector<std::string>{"一是依申请公开答复的规范性有待提高；二是部分栏目更新不够及时。"});
}

TEST_CASE(
    "In text, the characters of a group label stacked beside its rows are taken out of the row "
    "labels where they spell the group label",
    "[import]") {
  // As pdftotext -layout prints such a table: the stacked characters start the lines of the row
  // labels, and stand on lines of their own between them, inside wrapped labels too.
  const ImportResult r = import_path(fixture("vertical-groups-2023.txt"), SourceKind::Text);
  CHECK(found(r).empty());
  REQUIRE(r.report);
  CHECK(tables(*r.report) == vertical_groups_tables());
  CHECK(r.summary.rows_found == r.summary.rows_total);

  // Characters that spell no group label are left in the labels: with 处 printed 置, the 理 of
  // the stack stays inside the wrapped label of （五）5.
  using govreport::test::replace_once;
  const std::string text = read_file(fixture("vertical-groups-2023.txt"));
  const std::string other = replace_once(text, "        处      4.", "        置      4.");
  const ImportResult kept = govreport::import_report(other, SourceKind::Text, "t.txt");
  CHECK(found(kept) == std::vector<std::string>{"label-variant@58"});
  REQUIRE(kept.findings.size() == 1);
  CHECK(kept.findings[0].message_zh ==
        "表三：印作“5.要求行政机关确认或重新出具已获理取信息”，与格式规定的“5."
        "要求行政机关确认或重新出具已获取信息”不同，按位置和编号认作该行");
}

// The fixture's font is one of the standard CJK fonts a PDF may name without embedding it:
// poppler maps its character codes to text with the CMaps of the Debian package poppler-data,
// which scripts/install-deps installs.
TEST_CASE("A PDF in the non-embedded standard font STSong-Light (UniGB-UCS2-H) is read exactly",
          "[import][poppler-data]") {
  // The font as the PDF names it (its objects are not compressed), and no font file in it.
  const std::string bytes = read_file(fixture("blank-columns-2023.pdf"));
  INFO("without poppler-data (sudo apt-get install poppler-data) this font has no text");
  CHECK(bytes.find("/BaseFont /STSong-Light-UniGB-UCS2-H") != std::string::npos);
  CHECK(bytes.find("/Encoding /UniGB-UCS2-H") != std::string::npos);
  CHECK(bytes.find("/FontFile") == std::string::npos);
  const ImportResult r = import_path(fixture("blank-columns-2023.pdf"), SourceKind::Pdf);
  CHECK(found(r).empty());
  CHECK_FALSE(r.unreadable);
  REQUIRE(r.report);
  CHECK(r.report->agency == "某某街道办事处");
  CHECK(r.report->year == 2023);
  const std::string t = tables(*r.report);
  CHECK(t.find("applications/received: 5 _ _ _ _ _ 5\n") != std::string::npos);
  CHECK(t.find("applications/results/granted: 2 1 _ _ _ _ 3\n") != std::string::npos);
  CHECK(t.find("reviews/review: 1 0 0 0 1\n") != std::string::npos);
}

TEST_CASE(
    "Without poppler-data, a PDF in a standard CJK font is unreadable and the message names the "
    "package",
    "[import][poppler-data]") {
  // poppler looks for its data in the directory given here: an empty one is a machine without
  // poppler-data. It can be changed only while no PDF is open.
  const std::string empty = temp_dir();
  REQUIRE(poppler::set_data_dir(empty));
  const ImportResult r = import_path(fixture("blank-columns-2023.pdf"), SourceKind::Pdf);
  REQUIRE(poppler::set_data_dir(""));
  fs::remove_all(empty);
  CHECK(r.unreadable);
  CHECK_FALSE(r.report);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == std::string("unreadable-source"));
  CHECK(r.findings[0].message_zh ==
        "PDF 使用未嵌入的标准中文字体（字符集 Adobe-GB1），无法映射为文字：需要 Debian 软件包 "
        "poppler-data（sudo apt-get install poppler-data）");
  CHECK(r.findings[0].message_en ==
        "the PDF uses a standard CJK font that is not embedded (character collection Adobe-GB1) "
        "and cannot be mapped to text: it needs the Debian package poppler-data (sudo apt-get "
        "install poppler-data)");
  // With its data back, poppler reads the same file.
  const ImportResult again = import_path(fixture("blank-columns-2023.pdf"), SourceKind::Pdf);
  CHECK_FALSE(again.unreadable);
  CHECK(again.report);
}

TEST_CASE("govreport's own PDF reads back to the same cells", "[import][pdf]") {
  const std::string dir = temp_dir();
  for (const char* data : {"data/2020.json", "data/examples/hongze-gov-2024.json"}) {
    INFO(data);
    const auto built = run_govreport({"build", data, "-o", dir + "/out.pdf", "--force"});
    if (built.exit_code != 0 || !fs::exists(dir + "/out.pdf")) {
      WARN("skipped: 'govreport build -o out.pdf' did not make a PDF here (" << built.err << ")");
      break;
    }
    const ImportResult r = import_path(dir + "/out.pdf", SourceKind::Pdf);
    found(r);
    CHECK(r.summary.errors == 0);
    REQUIRE(r.report);
    CHECK(tables(*r.report) == tables(load(data)));
    fs::remove(dir + "/out.pdf");
  }
  fs::remove_all(dir);
}

TEST_CASE("What is missing stays blank and is reported with where it was looked for", "[import]") {
  const ImportResult r = import_path(fixture("gaps-2020.txt"), SourceKind::Text);
  CHECK(found(r) == std::vector<std::string>{"amount-unit@28", "missing-row@32",
                                             "unreadable-cell@44", "merged-row@56", "merged-row@57",
                                             "merged-row@58", "missing-section@62",
                                             "missing-table@64"});
  CHECK(
      r.findings[1].message_zh.find(
          "未找到 表三 2.没有现成信息需要另行制作（在“三、收到和处理政府信息公开申请情况”之下（第 "
          "32–60 行）中查找）") != std::string::npos);
  CHECK(r.findings[7].pointer == "/reviews/review");
  REQUIRE(r.report);
  const std::string t = tables(*r.report);
  CHECK(t.find("proactive/procurement: 1 _\n") != std::string::npos);  // 8040: 元 or 万元?
  CHECK(t.find("applications/results/unable/needs_creation: _ _ _ _ _ _ _\n") != std::string::npos);
  CHECK(t.find("applications/results/withheld/enforcement_files: _ 0 0 0 0 0 1\n") !=
        std::string::npos);
  // The 2021 edition's three （六） rows in a 2020 report are added into its one row.
  CHECK(t.find("applications/results/other: 1 0 0 0 0 0 1\n") != std::string::npos);
  CHECK(t.find("reviews/review: _ _ _ _ _\n") != std::string::npos);  // never 0
  CHECK(r.summary.sections_missing == std::vector<std::string>{"五、存在的主要问题及改进情况"});
  CHECK(r.summary.tables_missing == std::vector<std::string>{"表四"});
  CHECK(r.summary.errors == 4);
}

TEST_CASE("Labels printed out of order with their values are not matched to them", "[import]") {
  // pdftotext without -layout may print a table column by column.
  const std::string text =
      "某某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n3 0 0 0 0 0 3\n";
  const ImportResult r = govreport::import_report(text, SourceKind::Text, "t");
  REQUIRE(r.report);
  const std::vector<std::string> f = found(r);
  REQUIRE(f.size() >= 1);
  CHECK(std::find(f.begin(), f.end(), "row-order@4") != f.end());
  CHECK(tables(*r.report).find("applications/carried_over: _ _ _ _ _ _ _\n") != std::string::npos);
}

TEST_CASE("A report whose title gives no year is not imported unless the year is given",
          "[import]") {
  const ImportResult r = import_path(fixture("no-year.txt"), SourceKind::Text);
  CHECK(found(r) == std::vector<std::string>{"missing-metadata@1"});
  CHECK_FALSE(r.report);
  CHECK(govreport::format_summary(r.summary, "no-year.txt", govreport::Lang::En)
            .find("nothing imported") != std::string::npos);
  const ImportResult given = import_path(fixture("no-year.txt"), SourceKind::Text, {2022, ""});
  REQUIRE(given.report);
  CHECK(given.report->year == 2022);
  CHECK(given.report->agency == "某某局");
  CHECK(tables(*given.report).find("proactive/regulations: 0 0 0\n") != std::string::npos);
}

TEST_CASE("A title names its year whatever four digits it has, and the agency without them",
          "[import]") {
  const std::string body =
      "本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n一、总体情况\n";
  const ImportResult late = govreport::import_report(
      "某某局2100年政府信息公开工作年度报告\n" + body, SourceKind::Text, "late.txt");
  REQUIRE(late.report);
  CHECK(late.report->year == 2100);
  CHECK(late.report->agency == "某某局");
  const ImportResult early = govreport::import_report(
      "某某局1998年政府信息公开工作年度报告\n" + body, SourceKind::Text, "early.txt");
  CHECK(found(early) == std::vector<std::string>{"unsupported-year@1"});
  CHECK_FALSE(early.report);
}

TEST_CASE("A source that is not a PDF, or bytes in no known encoding, are unreadable", "[import]") {
  const ImportResult pdf = govreport::import_report("this is not a PDF", SourceKind::Pdf, "x.pdf");
  CHECK(pdf.unreadable);
  CHECK(found(pdf) == std::vector<std::string>{"unreadable-source"});
  CHECK_FALSE(pdf.report);
  const ImportResult bytes =
      govreport::import_report("\x81\x20\xff\xff", SourceKind::Text, "x.txt");
  CHECK(bytes.unreadable);
}

namespace {

std::string repeat(std::string_view piece, std::size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += piece;
  return out;
}

// Asserts that `r` is one unreadable-source finding at line 1, `column`, with `zh` and `en`.
void check_unreadable(const ImportResult& r, std::size_t column, const std::string& zh,
                      const std::string& en) {
  CHECK(r.unreadable);
  CHECK_FALSE(r.report);
  REQUIRE(r.findings.size() == 1);
  const Diagnostic& d = r.findings[0];
  CHECK(d.rule == "unreadable-source");
  CHECK(d.file == "page.html");
  CHECK(d.position.line == 1);
  CHECK(d.position.column == column);
  CHECK(d.message_zh == zh);
  CHECK(d.message_en == en);
}

}  // namespace

TEST_CASE("An HTML page nested too deep is refused before it is parsed, at the tag too deep",
          "[import][html]") {
  const std::string zh = "HTML 元素嵌套超过 1000 层，不是年度报告页面，未解析";
  const std::string en =
      "HTML elements nest more than 1000 levels deep: not a report page; not parsed";
  SECTION("30,000 nested tables (the walk through them overflowed the stack)") {
    const std::string page = "<html><body>" + repeat("<table><tr><td>", 30'000) + "x" +
                             repeat("</td></tr></table>", 30'000) + "</body></html>";
    // Rows and cells close themselves: the 1001st table is the one too deep.
    check_unreadable(govreport::import_report(page, SourceKind::Html, "page.html"),
                     12 + 1000 * 15 + 1, zh, en);
  }
  SECTION("100,000 nested divs (46 s inside gumbo)") {
    const std::string page = "<html><body>" + repeat("<div>", 100'000) + "x";
    check_unreadable(govreport::import_report(page, SourceKind::Html, "page.html"),
                     12 + 1000 * 5 + 1, zh, en);
  }
  SECTION("the same with <div/>, which HTML reads as an open <div>") {
    const std::string page = repeat("<div/>", 2000);
    check_unreadable(govreport::import_report(page, SourceKind::Html, "page.html"), 1000 * 6 + 1,
                     zh, en);
  }
}

TEST_CASE("Tags that do not nest do not count as depth: unclosed cells, void elements, SVG",
          "[import][html]") {
  // 3,000 rows of 10 cells without end tags, 3,000 <br>, an icon of 3,000 self-closed paths,
  // text in <script> that looks like tags: all read, none too deep.
  const std::string page =
      "<html><head><script>" + repeat("<div>", 3000) +
      "</script></head><body><h1>某某局2021年政府信息公开工作年度报告</h1><table>" +
      repeat("<tr>" + repeat("<td>1", 10), 3000) + "</table>" + repeat("<br>", 3000) + "<svg>" +
      repeat("<path d='M0 0'/>", 3000) + "</svg><p>" + repeat("<p>段落", 3000) + "</body></html>";
  const ImportResult r = govreport::import_report(page, SourceKind::Html, "page.html");
  CHECK_FALSE(r.unreadable);
  REQUIRE(r.report);
  CHECK(r.report->year == 2021);
  CHECK(r.report->agency == "某某局");
}

TEST_CASE("An HTML page of more elements than any report is refused before it is parsed",
          "[import][html]") {
  // 250,000 <br>: 1 MB that gumbo would turn into 70 MB of nodes; 64 MiB of them, 4.5 GB. With
  // <html> and <body>, the 199,999th <br> is the element one too many.
  const std::string page = "<html><body>" + repeat("<br>", 250'000);
  check_unreadable(govreport::import_report(page, SourceKind::Html, "page.html"),
                   12 + 199'998 * 4 + 1, "HTML 页面的元素超过 200000 个，不是年度报告页面，未解析",
                   "the HTML page has more than 200000 elements: not a report page; not parsed");
}

TEST_CASE("A report page nested deep inside a page reads the same as on its own",
          "[import][html]") {
  const Report report = load("data/2020.json");
  const std::string html = govreport::format_by_name("html")->render(report);
  const std::size_t body = html.find("<body>") + 6, end = html.find("</body>");
  REQUIRE(body != std::string::npos);
  REQUIRE(end != std::string::npos);
  // 200 tables around it (800 levels of elements with their rows and cells) and 700 divs.
  const std::string deep = html.substr(0, body) + repeat("<table><tr><td>", 200) +
                           repeat("<div>", 700) + html.substr(body, end - body) +
                           repeat("</div>", 700) + repeat("</td></tr></table>", 200) +
                           html.substr(end);
  const ImportResult r = govreport::import_report(deep, SourceKind::Html, "deep.html");
  CHECK(found(r).empty());
  REQUIRE(r.report);
  CHECK(tables(*r.report) == tables(report));
  CHECK(r.report->part("preamble").paragraphs == report.part("preamble").paragraphs);
  CHECK(r.report->part("overview").paragraphs == report.part("overview").paragraphs);
  CHECK(r.report->part("other_matters").paragraphs == report.part("other_matters").paragraphs);
}

TEST_CASE("rowspan and colspan share one budget over all the tables of a page", "[import][html]") {
  // Each small table widens 50 empty rows to 1,000 columns: 3,000 of them made 150 million blank
  // cells (7 GB) when each table had a budget of its own. Past the page's budget, spans read as 1.
  const std::string table =
      "<table><tr><td colspan=999>a<td rowspan=1000>b" + repeat("<tr>", 50) + "</table>";
  const std::string page =
      "<html><body><h1>某某局2021年政府信息公开工作年度报告</h1>" + repeat(table, 3000);
  const ImportResult r = govreport::import_report(page, SourceKind::Html, "page.html");
  CHECK_FALSE(r.unreadable);
  REQUIRE(r.report);
  CHECK(r.report->year == 2021);
  CHECK(r.summary.cells_number == 0);
}

TEST_CASE("A GB18030 text file reads the same as its UTF-8 original", "[import]") {
  const std::string utf8 = project_file(fixture("variants-2021.txt"));
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string in = utf8, out(utf8.size() * 2, '\0');
  char* src = in.data();
  char* dst = out.data();
  std::size_t src_left = in.size(), dst_left = out.size();
  REQUIRE(iconv(cd, &src, &src_left, &dst, &dst_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  const ImportResult a = govreport::import_report(utf8, SourceKind::Text, "a");
  const ImportResult b = govreport::import_report(out, SourceKind::Text, "b");
  REQUIRE(a.report);
  REQUIRE(b.report);
  CHECK(tables(*a.report) == tables(*b.report));
  CHECK(b.summary.source == "text (GB18030)");
}

TEST_CASE("Cells: units, dashes, signs and separators are read exactly or not at all", "[import]") {
  using govreport::importer::CellReading;
  using govreport::importer::read_cell;
  auto text = [](const CellReading& r, CellKind kind) {
    if (r.issue == CellReading::Issue::Unreadable) return std::string("unreadable");
    if (r.issue == CellReading::Issue::NoUnit) return std::string("no unit");
    return r.cell.is_blank() ? std::string("_") : govreport::format_cell(r.cell, kind);
  };
  CHECK(text(read_cell("251000元", CellKind::Amount, false), CellKind::Amount) == "25.1");
  CHECK(text(read_cell("2154.97万元", CellKind::Amount, false), CellKind::Amount) == "2154.97");
  CHECK(text(read_cell("1.5亿元", CellKind::Amount, false), CellKind::Amount) == "15000");
  CHECK(text(read_cell("0.5元", CellKind::Amount, false), CellKind::Amount) == "0.00005");
  CHECK(text(read_cell("75394432.52元", CellKind::Amount, false), CellKind::Amount) ==
        "7539.443252");
  CHECK(text(read_cell("5949.088667", CellKind::Amount, true), CellKind::Amount) == "5949.088667");
  CHECK(text(read_cell("2154.970000", CellKind::Amount, true), CellKind::Amount) == "2154.97");
  CHECK(text(read_cell("0.005元", CellKind::Amount, false), CellKind::Amount) ==
        "unreadable");  // finer than the fen
  CHECK(text(read_cell("5949.0886671", CellKind::Amount, true), CellKind::Amount) == "unreadable");
  CHECK(text(read_cell("99999999.9999亿元", CellKind::Amount, false), CellKind::Amount) ==
        "999999999999");
  CHECK(text(read_cell("100000000亿元", CellKind::Amount, false), CellKind::Amount) ==
        "unreadable");  // beyond what a data file holds
  CHECK(text(read_cell("8040", CellKind::Amount, false), CellKind::Amount) == "no unit");
  CHECK(text(read_cell("0", CellKind::Amount, false), CellKind::Amount) == "0");
  CHECK(text(read_cell("4068.208", CellKind::Amount, true), CellKind::Amount) == "4068.208");
  CHECK(text(read_cell("  ", CellKind::Count, false), CellKind::Count) == "_");
  for (const char* dash : {"-", "—", "－", "/", "／", "--", "——"})
    CHECK(text(read_cell(dash, CellKind::Count, false), CellKind::Count) == "/");
  CHECK(text(read_cell("+1", CellKind::SignedCount, false), CellKind::SignedCount) == "+1");
  CHECK(text(read_cell("－1", CellKind::SignedCount, false), CellKind::SignedCount) == "-1");
  CHECK(text(read_cell("46,209", CellKind::Count, false), CellKind::Count) == "46209");
  CHECK(text(read_cell("４６", CellKind::Count, false), CellKind::Count) == "46");
  CHECK(text(read_cell("3件", CellKind::Count, false), CellKind::Count) == "3");
  CHECK(text(read_cell("46,20", CellKind::Count, false), CellKind::Count) == "unreadable");
  CHECK(text(read_cell("2.5", CellKind::Count, false), CellKind::Count) == "unreadable");
  CHECK(text(read_cell("5元", CellKind::Count, false), CellKind::Count) == "unreadable");
  CHECK(text(read_cell("约5", CellKind::Count, false), CellKind::Count) == "unreadable");
  CHECK(text(read_cell("无", CellKind::Count, false), CellKind::Count) == "unreadable");
}

TEST_CASE(
    "Labels compare equal across spaces, widths, brackets, numbering and traditional characters",
    "[import]") {
  using govreport::importer::fold;
  CHECK(fold("三 、本 年 度办 理 结果") == fold("三、本年度办理结果"));
  CHECK(fold("(二)部分公开(区分处理的,只计这一情形,不计其他情形)") ==
        fold("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"));
  CHECK(fold("3、危及\"三安全一稳定\"") == fold("3.危及“三安全一稳定”"));
  CHECK(fold("本年收费金额(单位:万元)") == fold("本年收费金额（单位：万元）"));
  // Every label of every edition, written in traditional characters, folds to the simplified one.
  CHECK(fold("（三）不予公開 2.其他法律行政法規禁止公開") ==
        fold("（三）不予公开2.其他法律行政法规禁止公开"));
  CHECK(fold("申請人逾期未按收費通知要求繳納費用、行政機關不再處理其政府信息公開申請") ==
        fold("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"));
  CHECK(fold("要求行政機關確認或重新出具已獲取信息") ==
        fold("要求行政机关确认或重新出具已获取信息"));
  CHECK(fold("本年新製作數量 對外公開總數量 現行有效件數 本年廢止件數") ==
        fold("本年新制作数量 对外公开总数量 现行有效件数 本年废止件数"));
  CHECK(fold("政府信息公開行政復議、行政訴訟情況 結果維持 結果糾正 尚未審結 復議後起訴") ==
        fold("政府信息公开行政复议、行政诉讼情况 结果维持 结果纠正 尚未审结 复议后起诉"));
}

TEST_CASE("Row labels printed in traditional characters name their rows exactly", "[import]") {
  using govreport::importer::fold;
  using govreport::importer::How;
  const govreport::Edition* edition = govreport::edition_for_year(2021);
  REQUIRE(edition != nullptr);
  const govreport::importer::RowMatcher matcher(*edition, {"三"});
  const auto path = [&](const char* label) {
    const auto m = matcher.match(fold(label));
    REQUIRE(m);
    CHECK(m->how == How::Exact);
    return m->candidate->def().path;
  };
  CHECK(path("三、本年度辦理結果") == "results");
  CHECK(path("（四）無法提供") == "results.unable");
  CHECK(path("2.沒有現成信息需要另行製作") == "results.unable.needs_creation");
}

TEST_CASE("The kind of a source comes from its extension or its first bytes", "[import]") {
  CHECK(govreport::source_kind_for_path("a/b/report.PDF") == SourceKind::Pdf);
  CHECK(govreport::source_kind_for_path("report.htm") == SourceKind::Html);
  CHECK(govreport::source_kind_for_path("report.md") == SourceKind::Text);
  CHECK_FALSE(govreport::source_kind_for_path("dir.v2/report"));
  CHECK(govreport::sniff_source_kind("%PDF-1.7\n") == SourceKind::Pdf);
  CHECK(govreport::sniff_source_kind("\n  <!DOCTYPE html><html>") == SourceKind::Html);
  CHECK(govreport::sniff_source_kind("一、总体情况") == SourceKind::Text);
}

TEST_CASE("A zip archive or a compound file is told by what it holds: Word document or workbook",
          "[import][xlsx][docx]") {
  for (const auto& [path, kind] :
       std::vector<std::pair<std::string, SourceKind>>{{"年报.docx", SourceKind::Docx},
                                                       {"old.DOC", SourceKind::Doc},
                                                       {"2025.xlsx", SourceKind::Xlsx},
                                                       {"macros.xlsm", SourceKind::Xlsx},
                                                       {"old.XLS", SourceKind::Xls}}) {
    CHECK(govreport::source_kind_for_path(path) == kind);
    CHECK(govreport::source_kind_by_name(govreport::source_kind_name(kind)) == kind);
  }
  const govreport::Report report = govreport::test::load_project("data/2020.json");
  CHECK(govreport::sniff_source_kind(govreport::render_docx(report)) == SourceKind::Docx);
  CHECK(govreport::sniff_source_kind(govreport::render_xlsx(report)) == SourceKind::Xlsx);
  CHECK(govreport::sniff_source_kind(
            project_file("tests/fixtures/workbook/2020-libreoffice.xls")) == SourceKind::Xls);
  // A compound file whose directory (after the 512-byte header) names a WordDocument stream.
  auto compound = [](std::string_view stream) {
    std::string bytes = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    bytes.resize(512, '\0');
    for (std::string_view name : {std::string_view("Root Entry"), stream}) {
      std::string entry;
      for (char c : name) entry += std::string{c, '\0'};
      entry.resize(128, '\0');
      bytes += entry;
    }
    return bytes;
  };
  CHECK(govreport::sniff_source_kind(compound("WordDocument")) == SourceKind::Doc);
  CHECK(govreport::sniff_source_kind(compound("Workbook")) == SourceKind::Xls);
  CHECK(govreport::sniff_source_kind(compound("Book")) == SourceKind::Xls);
  // Neither: taken for Word, whose reader (or converter) then says what it is not.
  CHECK(govreport::sniff_source_kind(compound("Bookmarks")) == SourceKind::Doc);
  CHECK(govreport::sniff_source_kind("PK\x03\x04 not a whole archive") == SourceKind::Docx);
}

namespace {

// The kind libzip tells from an archive: what the sniff must agree with.
SourceKind kind_by_libzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  SourceKind kind = SourceKind::Docx;
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
  } else {
    if (zip_name_locate(archive, "word/document.xml", ZIP_FL_NOCASE) < 0 &&
        zip_name_locate(archive, "xl/workbook.xml", ZIP_FL_NOCASE) >= 0)
      kind = SourceKind::Xlsx;
    zip_discard(archive);
  }
  zip_error_fini(&error);
  return kind;
}

}  // namespace

TEST_CASE("A zip archive's kind is read from its central directory, as libzip reads it",
          "[import][xlsx][docx]") {
  using govreport::test::zipped;
  const govreport::Report report = govreport::test::load_project("data/2020.json");
  const std::string xlsx = govreport::render_xlsx(report);
  // The end record's archive comment, and the bytes after the end record that it covers.
  std::string commented = xlsx;
  commented[commented.size() - 2] = 5;
  commented += "notes";
  std::string broken_directory = xlsx;
  const std::size_t directory = broken_directory.rfind("PK\x01\x02");
  REQUIRE(directory != std::string::npos);
  broken_directory[directory + 2] = 'X';
  const std::vector<std::pair<std::string, SourceKind>> cases = {
      {govreport::render_docx(report), SourceKind::Docx},
      {xlsx, SourceKind::Xlsx},
      {zipped({{"XL/Workbook.XML", "<workbook/>"}}), SourceKind::Xlsx},
      {zipped({{"xl/workbook.xml", ""}, {"Word/Document.xml", ""}}), SourceKind::Docx},
      {zipped({{"xl/workbook.xml.bak", ""}, {"xl/worksheets/sheet1.xml", ""}}), SourceKind::Docx},
      {commented, SourceKind::Xlsx},
      {broken_directory, SourceKind::Docx},
      {xlsx.substr(0, xlsx.size() - 1), SourceKind::Docx},
      {xlsx.substr(0, xlsx.size() - 30), SourceKind::Docx},
      {xlsx.substr(0, xlsx.size() / 2), SourceKind::Docx},
      {"PK\x03\x04", SourceKind::Docx},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i);
    CHECK(govreport::sniff_source_kind(cases[i].first) == cases[i].second);
    CHECK(kind_by_libzip(cases[i].first) == cases[i].second);
  }
}

TEST_CASE("govreport import writes the data file, prints the summary and exits by what it found",
          "[import][cli]") {
  const std::string dir = temp_dir();
  SECTION("a clean import exits 0 and writes a file that check loads") {
    const auto run = run_govreport(
        {"import", fixture("gbk-2020.html"), "-o", dir + "/out.json", "--lang", "en"});
    CHECK(run.exit_code == 0);
    CHECK(run.err.find(
              "imported HTML (GB18030): 2020, 某某区民政局, department (the name ends in none of a "
              "government's; see --kind), 2019 edition") != std::string::npos);
    CHECK(run.err.find("0 errors, 2 warnings") != std::string::npos);
    const auto loaded = govreport::load_report(read_file(dir + "/out.json"), "out.json");
    REQUIRE(loaded.report);
    CHECK(loaded.report->at("/proactive/procurement/amount").value == 25100000);  // 25.1 万元
    CHECK(loaded.report->agency_kind == govreport::AgencyKind::Department);
  }
  SECTION("--kind sets the agency's kind and the summary says so") {
    const auto run = run_govreport({"import", fixture("gbk-2020.html"), "-o", dir + "/out.json",
                                    "--kind", "government", "--lang", "en"});
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("imported HTML (GB18030): 2020, 某某区民政局, government (--kind), 2019 "
                       "edition") != std::string::npos);
    const auto loaded = govreport::load_report(read_file(dir + "/out.json"), "out.json");
    REQUIRE(loaded.report);
    CHECK(loaded.report->agency_kind == govreport::AgencyKind::Government);
    const auto bad = run_govreport({"import", fixture("gbk-2020.html"), "-o", dir + "/bad.json",
                                    "--kind", "ministry", "--lang", "en"});
    CHECK(bad.exit_code == 2);
    CHECK_FALSE(fs::exists(dir + "/bad.json"));
  }
  SECTION("error findings exit 1, and the file is still written for completing by hand") {
    const auto run = run_govreport({"import", fixture("gaps-2020.txt"), "-o", dir + "/gaps.json"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("[missing-table]") != std::string::npos);
    CHECK(fs::exists(dir + "/gaps.json"));
  }
  SECTION("standard input needs --from; without it nothing runs") {
    const std::string text = project_file(fixture("variants-2021.txt"));
    CHECK(run_govreport({"import", "-"}, text).exit_code == 2);
    const auto run = run_govreport({"import", "-", "--from", "text", "-q"}, text);
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("\"agency\": \"某某县商务局\"") != std::string::npos);
    CHECK(run.err.find("已导入") == std::string::npos);  // --quiet: findings only
  }
  SECTION("several sources go to --out-dir, one file each") {
    CHECK(run_govreport({"import", fixture("variants-2021.txt"), fixture("gbk-2020.html")})
              .exit_code == 2);
    const auto run = run_govreport({"import", fixture("variants-2021.txt"),
                                    fixture("gbk-2020.html"), "--out-dir", dir + "/many"});
    CHECK(run.exit_code == 0);
    CHECK(fs::exists(dir + "/many/variants-2021.json"));
    CHECK(fs::exists(dir + "/many/gbk-2020.json"));
  }
  SECTION("an unreadable source exits 2") {
    std::ofstream(dir + "/bad.pdf") << "not a pdf";
    const auto run = run_govreport({"import", dir + "/bad.pdf", "-o", dir + "/bad.json"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("[unreadable-source]") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/bad.json"));
  }
  SECTION("the import rules are listed") {
    const auto run = run_govreport({"rules"});
    for (const char* id :
         {"label-variant", "extra-row", "missing-row", "missing-table", "merged-row", "cell-unit"})
      CHECK(run.out.find(id) != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("An amount recorded to the fen is printed in every output and read back exactly",
          "[import]") {
  govreport::LoadResult loaded = govreport::load_report(
      govreport::test::replace_once(project_file("data/examples/hongze-gov-2024.json"),
                                    R"("fees": {"amount": 7545})",
                                    R"("fees": {"amount": 5949.088667})"),
      "fen.json");
  REQUIRE(loaded.report);
  const Report report = std::move(*loaded.report);
  REQUIRE(report.at("/proactive/fees/amount").value == 5949088667);
  for (const auto& [name, kind, printed] :
       {std::tuple{"text", SourceKind::Text, "| 行政事业性收费 |                5949.088667 |"},
        std::tuple{"markdown", SourceKind::Text, "| 行政事业性收费 | 5949.088667 |"},
        std::tuple{"html", SourceKind::Html, "<td colspan=\"3\">5949.088667</td>"}}) {
    INFO(name);
    const govreport::Format* format = govreport::format_by_name(name);
    REQUIRE(format != nullptr);
    const std::string out = format->render(report);
    CHECK(out.find(printed) != std::string::npos);
    const ImportResult r = govreport::import_report(out, kind, "fen");
    CHECK(found(r).empty());  // not unreadable, and so not blank for check either
    REQUIRE(r.report);
    CHECK(r.report->at("/proactive/fees/amount").value == 5949088667);
    CHECK(tables(*r.report) == tables(report));
  }
  CHECK(govreport::render_json(report).find(R"("fees": {"amount": 5949.088667})") !=
        std::string::npos);
}

TEST_CASE("An amount column headed 元 is read in 元 and converted exactly to 万元", "[import]") {
  using govreport::test::replace_once;
  std::ifstream in(fixture("gaps-2020.txt"), std::ios::binary);
  const std::string original((std::istreambuf_iterator<char>(in)), {});
  auto with_head = [&](std::string_view head, std::string_view value) {
    std::string text = replace_once(original, "信息内容 采购项目数量 采购总金额\n",
                                    "信息内容 采购项目数量 采购总金额" + std::string(head) + "\n");
    return replace_once(text, "政府集中采购 1 8040\n",
                        "政府集中采购 1 " + std::string(value) + "\n");
  };
  for (std::string_view head : {"（元）", "(单位:元)", " 单位：元"}) {
    INFO(head);
    const ImportResult r =
        govreport::import_report(with_head(head, "8810055"), SourceKind::Text, "t.txt");
    REQUIRE(r.report);
    CHECK(tables(*r.report).find("proactive/procurement: 1 881.0055\n") != std::string::npos);
    REQUIRE(!r.findings.empty());
    CHECK(r.findings[0].rule == "cell-unit");
    CHECK(r.findings[0].position.line == 28);
    CHECK(r.findings[0].message_zh ==
          "二·政府集中采购·采购总金额：列头的单位是元，“8810055”换算为 881.0055 万元");
    CHECK(r.findings[0].message_en ==
          "二·政府集中采购·采购总金额: the column head says 元; \"8810055\" converted to 881.0055 "
          "万元");
  }
  // To the fen, and a value that writes its own unit keeps it.
  {
    const ImportResult r =
        govreport::import_report(with_head("（元）", "75394432.52"), SourceKind::Text, "t.txt");
    REQUIRE(r.report);
    CHECK(tables(*r.report).find("proactive/procurement: 1 7539.443252\n") != std::string::npos);
    const ImportResult own =
        govreport::import_report(with_head("（元）", "2.5万元"), SourceKind::Text, "t.txt");
    REQUIRE(own.report);
    CHECK(tables(*own.report).find("proactive/procurement: 1 2.5\n") != std::string::npos);
  }
  // A head in 万元 reads a bare number as 万元, with no finding about the cell.
  {
    const ImportResult r =
        govreport::import_report(with_head("（万元）", "881.0055"), SourceKind::Text, "t.txt");
    REQUIRE(r.report);
    CHECK(tables(*r.report).find("proactive/procurement: 1 881.0055\n") != std::string::npos);
    CHECK(found(r).front() == "missing-row@32");
  }
  // Finer than the fen in 元 is not read; without a head the unit is still asked for.
  {
    const ImportResult r =
        govreport::import_report(with_head("（元）", "8810055.005"), SourceKind::Text, "t.txt");
    CHECK(found(r).front() == "unreadable-cell@28");
    const ImportResult none =
        govreport::import_report(with_head("", "8810055"), SourceKind::Text, "t.txt");
    CHECK(found(none).front() == "amount-unit@28");
  }
}

TEST_CASE("An HTML table whose amount column is headed 元 converts the amount exactly to 万元",
          "[import]") {
  using govreport::test::replace_once;
  const Report report = load("data/examples/hongze-gov-2024.json");
  std::string page = govreport::render_html(report);
  page = replace_once(page, "本年收费金额（单位：万元）", "本年收费金额（单位：元）");
  page = replace_once(page, "<td colspan=\"3\">7545</td>", "<td colspan=\"3\">8810055</td>");
  const ImportResult r = govreport::import_report(page, SourceKind::Html, "fees.html");
  CHECK(found(r) == std::vector<std::string>{"cell-unit@106"});
  REQUIRE(r.report);
  CHECK(r.report->at("/proactive/fees/amount").value == 881'005'500);  // 万元 × 10⁶, exact
  CHECK(tables(*r.report).find("proactive/fees: 881.0055\n") != std::string::npos);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].pointer == "/proactive/fees/amount");
  CHECK(r.findings[0].message_zh ==
        "二·行政事业性收费·本年收费金额（单位：万元）：列头的单位是元，“8810055”换算为 881.0055 "
        "万元");
  CHECK(r.findings[0].message_en ==
        "二·行政事业性收费·本年收费金额（单位：万元）: the column head says 元; \"8810055\" "
        "converted to 881.0055 万元");
  CHECK(govreport::format_summary(r.summary, "fees.html", govreport::Lang::Zh) ==
        "fees.html: 已导入 HTML (UTF-8)：2024 "
        "年，淮安市洪泽区人民政府，政府（名称以“人民政府”结尾），2021 版格式\n"
        "fees.html: 正文 6/6 部分，表格 6/6 张，行 34/34；单元格 200 个：数字 200，空白 0，“/” 0\n"
        "fees.html: 错误 0 个，警告 1 个\n");
}

TEST_CASE("An HTML page whose declared charset is wrong but whose bytes are UTF-8 is read, said",
          "[import]") {
  using govreport::test::replace_once;
  const std::string gbk = project_file(fixture("gbk-2020.html"));
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string in = gbk, utf8(gbk.size() * 2, '\0');
  char* src = in.data();
  char* dst = utf8.data();
  std::size_t src_left = in.size(), dst_left = utf8.size();
  REQUIRE(iconv(cd, &src, &src_left, &dst, &dst_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  utf8.resize(utf8.size() - dst_left);
  const ImportResult original = govreport::import_report(gbk, SourceKind::Html, "gbk.html");
  REQUIRE(original.report);
  for (std::string_view declared : {"gb2312", "iso-8859-1"}) {
    INFO(declared);
    const std::string page =
        replace_once(utf8, "charset=gb2312", "charset=" + std::string(declared));
    const ImportResult r = govreport::import_report(page, SourceKind::Html, "t.html");
    CHECK(found(r) == std::vector<std::string>{"charset-mismatch", "extra-row@34", "cell-unit@37"});
    CHECK(r.findings[0].severity == govreport::Severity::Warning);
    CHECK(r.findings[0].message_zh == "页面声明的编码是 " + std::string(declared) +
                                          "，但内容是有效的 UTF-8 文字：按 UTF-8 读取");
    CHECK(r.findings[0].message_en == "the page declares the charset " + std::string(declared) +
                                          ", but its bytes are valid UTF-8 text: read as UTF-8");
    CHECK(r.summary.source == "HTML (UTF-8)");
    REQUIRE(r.report);
    CHECK(r.report->agency == "某某区民政局");
    CHECK(tables(*r.report) == tables(*original.report));
  }
  // A page that declares UTF-8 and is: no finding about the charset.
  const ImportResult right = govreport::import_report(
      replace_once(utf8, "charset=gb2312", "charset=utf-8"), SourceKind::Html, "t.html");
  CHECK(found(right) == std::vector<std::string>{"extra-row@34", "cell-unit@37"});
}

TEST_CASE("pdftotext's output without -layout is one finding that says to use -layout",
          "[import]") {
  // Each label and each number on a line of its own, as pdftotext prints a table by default.
  std::string text =
      "某某局2023年政府信息公开工作年度报告\n一、总体情况\n本局依法公开政府信息。\n"
      "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n商业企业\n";
  for (const char* label :
       {"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开"}) {
    text += std::string(label) + "\n";
    for (int k = 0; k < 7; ++k) text += (k == 6 ? "3" : k == 0 ? "3" : "0") + std::string("\n");
  }
  const ImportResult r = govreport::import_report(text, SourceKind::Text, "t.txt");
  CHECK(found(r) == std::vector<std::string>{"unreadable-source"});
  CHECK(r.findings[0].message_zh ==
        "这是 pdftotext 不带 -layout "
        "转出的文字：表格的行名和数字被拆到各自的行上，无法按行读取。请用 pdftotext -layout "
        "重新转换（或直接导入 PDF）");
  CHECK(r.findings[0].message_en ==
        "this is pdftotext's output without -layout: the tables' labels and numbers are split "
        "onto lines of their own and cannot be read as rows. Convert again with pdftotext "
        "-layout (or import the PDF itself)");
  CHECK(r.unreadable);
  CHECK_FALSE(r.report);
  // The same rows laid out (-layout) are read; so are the cells one per line with pipes.
  std::string laid =
      "某某局2023年政府信息公开工作年度报告\n一、总体情况\n本局依法公开政府信息。\n"
      "三、收到和处理政府信息公开申请情况\n";
  for (int k = 0; k < 25; ++k)
    laid += "一、本年新收政府信息公开申请数量    3    0    0    0    0    0    3\n";
  CHECK_FALSE(govreport::importer::looks_unlaid(laid));
  std::string piped;
  for (int k = 0; k < 25; ++k) piped += "0 |\n";
  CHECK_FALSE(govreport::importer::looks_unlaid(piped));
  CHECK(govreport::importer::looks_unlaid(text));
}

TEST_CASE("A 2021 report printing the 2019 single （六） row: one error asks for the split by hand",
          "[import]") {
  using govreport::test::replace_once;
  const std::string text = replace_once(
      project_file(fixture("variants-2021.txt")),
      "(六)其他处理\n1.申请人无正当理由逾期不补正、行政机关不再\n处理其政府信息公开申请 0 0 0 0 0 "
      "0 "
      "0\n2.申请人逾期未按收费通知要求缴纳费用、行政机关\n不再处理其政府信息公开申请 0 0 0 0 0 0 "
      "0\n3.其他 0 0 0 0 0 0 0\n",
      "(六)其他处理 0 0 0 0 0 0 0\n");
  const ImportResult r = govreport::import_report(text, SourceKind::Text, "t.txt");
  CHECK(found(r) == std::vector<std::string>{"label-variant@19", "extra-row@20", "cell-unit@30",
                                             "label-variant@58", "split-by-hand@63",
                                             "label-variant@74"});
  const Diagnostic& d = r.findings[4];
  CHECK(d.severity == govreport::Severity::Error);
  CHECK(d.pointer == "/applications/results/other/other");
  CHECK(d.message_zh ==
        "表三：“(六)其他处理”按 2019 版格式印作一行，2021 版格式把它分为（六）1.、2.、3."
        "各行，一行的数值无法拆分：请手工填写各行；印出的数值暂记入（六）3.其他，1.、2.留空");
  CHECK(d.message_en ==
        "table 三: \"(六)其他处理\" is printed as one row as in the 2019 edition, which the 2021 "
        "edition splits into （六）1., 2., 3.; one row's values cannot be split: give the rows by "
        "hand. The values are kept under （六）3.其他 for now, rows 1., 2. left blank");
  CHECK(r.summary.errors == 1);
  REQUIRE(r.report);
  const std::string t = tables(*r.report);
  CHECK(t.find("applications/results/other/other: 0 0 0 0 0 0 0\n") != std::string::npos);
  CHECK(t.find("applications/results/other/overdue_correction: _ _ _ _ _ _ _\n") !=
        std::string::npos);
  CHECK(t.find("applications/results/other/unpaid_fee: _ _ _ _ _ _ _\n") != std::string::npos);
}

namespace {

// Every cell of the 2022 report printed with the 2019 tables (format-2019-in-2022.txt/.pdf).
const std::string kFormat2019In2022 = [] {
  const std::string zeros = " 0 0 0 0 0 0 0\n";
  std::string out =
      "proactive/regulations: 0 0 0\n"
      "proactive/normative_documents: 3 3 12\n"
      "proactive/licensing: 8 -1 126\n"
      "proactive/other_services: 2 0 15\n"
      "proactive/punishment: 5 +1 37\n"
      "proactive/coercion: 1 0 4\n"
      "proactive/fees: 2 0\n"
      "proactive/procurement: 4 36.5\n"
      "applications/received: 10 2 0 0 0 0 12\n"
      "applications/carried_over: 1 0 0 0 0 0 1\n"
      "applications/results/granted: 5 1 0 0 0 0 6\n"
      "applications/results/partially_granted: 1 0 0 0 0 0 1\n";
  for (const char* row : {"state_secret", "prohibited_by_law", "security_stability"})
    out += std::string("applications/results/withheld/") + row + ":" + zeros;
  out += "applications/results/withheld/third_party: 1 0 0 0 0 0 1\n";
  for (const char* row : {"internal_affairs", "process_info", "enforcement_files", "inquiry"})
    out += std::string("applications/results/withheld/") + row + ":" + zeros;
  out += "applications/results/unable/not_held: 2 1 0 0 0 0 3\n";
  for (const char* row : {"needs_creation", "unclear"})
    out += std::string("applications/results/unable/") + row + ":" + zeros;
  out += "applications/results/not_processed/complaint: 1 0 0 0 0 0 1\n";
  for (const char* row : {"repeated", "publication", "excessive", "confirmation"})
    out += std::string("applications/results/not_processed/") + row + ":" + zeros;
  out +=
      "applications/results/other: 1 0 0 0 0 0 1\n"
      "applications/results/total: 11 2 0 0 0 0 13\n"
      "applications/carried_forward:" +
      zeros +
      "reviews/review: 1 0 0 0 1\n"
      "reviews/litigation_direct: 0 0 0 0 0\n"
      "reviews/litigation_after_review: 0 0 0 0 0\n";
  return out;
}();

const govreport::Message kPrinted2019 = {
    "表二、表三按 2019 版格式印制：印有 2019 版才有的行名、列头和表题 12 "
    "处（“本年新制作数量”“本年新公开"
    "数量”“对外公开总数量”“规范性文件”等），没有 2021 版才有的；按 2019 版读取（2022 "
    "年的报告应使用 2021 版格式）",
    "tables 二, 三 are printed in the 2019 edition: 12 row labels, column heads and captions of "
    "the 2019 "
    "edition alone (\"本年新制作数量\", \"本年新公开数量\", \"对外公开总数量\", \"规范性文件\" …), "
    "none of the 2021 edition alone; read as the 2019 edition (reports for 2022 use the 2021 "
    "edition)"};

const govreport::Message kMismatch2019In2022 = {
    "表二、表三按 2019 版格式印制，但 2022 年的报告应使用 2021 版格式（国办公开办函〔2021〕30号）",
    "tables 二, 三 are printed in the 2019 edition, but reports for 2022 use the 2021 edition "
    "(国办公开办函〔2021〕30号)"};

}  // namespace

TEST_CASE("A 2022 report printed with the 2019 tables is read as the 2019 edition, every cell kept",
          "[import][edition]") {
  const ImportResult r = import_path(fixture("format-2019-in-2022.txt"), SourceKind::Text);
  CHECK(found(r).empty());
  REQUIRE(r.report);
  CHECK(r.report->year == 2022);
  CHECK(r.report->edition == govreport::edition_by_id("2019"));
  CHECK(tables(*r.report) == kFormat2019In2022);
  CHECK(r.summary.edition == "2019");
  CHECK(r.summary.cells_number == 198);
  CHECK(r.summary.cells_blank == 0);
  CHECK(r.summary.rows_found == 34);
  CHECK(r.summary.rows_total == 34);
  CHECK(r.summary.edition_by.zh == kPrinted2019.zh);
  CHECK(r.summary.edition_by.en == kPrinted2019.en);
  CHECK(r.summary.errors == 0);
  CHECK(govreport::format_summary(r.summary, "r.txt", govreport::Lang::Zh)
            .find("\nr.txt: " + kPrinted2019.zh +
                  "\nr.txt: 正文 6/6 部分，表格 7/7 张，行 34/34；") != std::string::npos);
  // The format-mismatch is no error of the import: checking the source reports it.
  REQUIRE(r.report_findings.size() == 1);
  const Diagnostic& d = r.report_findings[0];
  CHECK(d.rule == "format-mismatch");
  CHECK(d.severity == govreport::Severity::Error);
  CHECK(d.pointer == "/format");
  CHECK(d.position.line == 13);  // the column heads of 第二十条第（一）项
  CHECK(d.message_zh == kMismatch2019In2022.zh);
  CHECK(d.message_en == kMismatch2019In2022.en);

  SECTION("the data file says \"format\": \"2019\"; loading, checking and printing it keep it") {
    const std::string written = govreport::write_data_file(*r.report);
    CHECK(written.find("  \"year\": 2022,\n  \"format\": \"2019\",\n") != std::string::npos);
    const govreport::LoadResult loaded = govreport::load_report(written, "r.json");
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].rule == "format-mismatch");
    CHECK(
        loaded.diagnostics[0].message_en ==
        "format is \"2019\", but reports for 2022 use the 2021 edition (国办公开办函〔2021〕30号)");
    REQUIRE(loaded.report);
    CHECK(loaded.report->edition == govreport::edition_by_id("2019"));
    CHECK(tables(*loaded.report) == kFormat2019In2022);
    const std::vector<Diagnostic> checked = govreport::check_report(*loaded.report, "r.json");
    CHECK(checked.empty());
    // Printed again, it reads back as the same edition, cell by cell.
    for (const char* name : {"text", "markdown", "html"}) {
      INFO(name);
      const govreport::Format* format = govreport::format_by_name(name);
      REQUIRE(format != nullptr);
      const ImportResult back = govreport::import_report(
          format->render(*loaded.report),
          std::string(name) == "html" ? SourceKind::Html : SourceKind::Text, "out");
      CHECK(found(back).empty());
      REQUIRE(back.report);
      CHECK(back.report->edition == govreport::edition_by_id("2019"));
      CHECK(tables(*back.report) == kFormat2019In2022);
      CHECK(back.report_findings.size() == 1);
    }
    // So does govreport's own workbook, read by its labels, and its Word document.
    const ImportResult book = govreport::import_report(govreport::render_xlsx(*loaded.report),
                                                       SourceKind::Xlsx, "r.xlsx");
    CHECK(found(book).empty());
    REQUIRE(book.report);
    CHECK(book.report->edition == govreport::edition_by_id("2019"));
    CHECK(tables(*book.report) == kFormat2019In2022);
    REQUIRE(book.report_findings.size() == 1);
    CHECK(book.report_findings[0].position.place == "表二!B4");
    CHECK(book.report_findings[0].message_en ==
          "table 二 is printed in the 2019 edition, but reports for 2022 use the 2021 edition "
          "(国办公开办函〔2021〕30号)");
    const ImportResult word = govreport::import_report(govreport::render_docx(*loaded.report),
                                                       SourceKind::Docx, "r.docx");
    CHECK(found(word).empty());
    REQUIRE(word.report);
    CHECK(word.report->edition == govreport::edition_by_id("2019"));
    CHECK(tables(*word.report) == kFormat2019In2022);
    CHECK(word.report_findings.size() == 1);
  }
}

TEST_CASE("A 2022 report printed with the 2019 tables, as a PDF, reads the same",
          "[import][edition][pdf]") {
  const ImportResult r = import_path(fixture("format-2019-in-2022.pdf"), SourceKind::Pdf);
  CHECK(found(r).empty());
  REQUIRE(r.report);
  CHECK(r.report->edition == govreport::edition_by_id("2019"));
  CHECK(tables(*r.report) == kFormat2019In2022);
  REQUIRE(r.report_findings.size() == 1);
  CHECK(r.report_findings[0].message_en == kMismatch2019In2022.en + " (page 1)");
}

TEST_CASE("A 2020 report printed with the 2021 tables is read as the 2021 edition",
          "[import][edition]") {
  const ImportResult r = import_path(fixture("format-2021-in-2020.txt"), SourceKind::Text);
  CHECK(found(r).empty());
  REQUIRE(r.report);
  CHECK(r.report->year == 2020);
  CHECK(r.report->edition == govreport::edition_by_id("2021"));
  const std::string zeros = " 0 0 0 0 0 0 0\n";
  std::string expected =
      "proactive/regulations: 0 0 0\n"
      "proactive/normative_documents: 2 1 9\n"
      "proactive/licensing: 64\n"
      "proactive/punishment: 12\n"
      "proactive/coercion: 3\n"
      "proactive/fees: 1.25\n"
      "applications/received: 6 1 0 0 0 0 7\n"
      "applications/carried_over:" +
      zeros +
      "applications/results/granted: 3 0 0 0 0 0 3\n"
      "applications/results/partially_granted: 0 1 0 0 0 0 1\n";
  for (const char* row :
       {"withheld/state_secret", "withheld/prohibited_by_law", "withheld/security_stability",
        "withheld/third_party", "withheld/internal_affairs", "withheld/process_info",
        "withheld/enforcement_files", "withheld/inquiry"})
    expected += std::string("applications/results/") + row + ":" + zeros;
  expected += "applications/results/unable/not_held: 1 0 0 0 0 0 1\n";
  for (const char* row : {"unable/needs_creation", "unable/unclear", "not_processed/complaint",
                          "not_processed/repeated", "not_processed/publication",
                          "not_processed/excessive", "not_processed/confirmation"})
    expected += std::string("applications/results/") + row + ":" + zeros;
  expected +=
      "applications/results/other/overdue_correction: 1 0 0 0 0 0 1\n"
      "applications/results/other/unpaid_fee:" +
      zeros +
      "applications/results/other/other: 1 0 0 0 0 0 1\n"
      "applications/results/total: 6 1 0 0 0 0 7\n"
      "applications/carried_forward:" +
      zeros +
      "reviews/review: 0 0 0 0 0\n"
      "reviews/litigation_direct: 0 0 0 0 0\n"
      "reviews/litigation_after_review: 0 0 0 0 0\n";
  CHECK(tables(*r.report) == expected);
  CHECK(r.summary.cells_number == 200);
  CHECK(
      r.summary.edition_by.en ==
      "tables 二, 三 are printed in the 2021 edition: 9 row labels, column heads and captions of "
      "the 2021 "
      "edition alone (\"本年制发件数\", \"本年废止件数\", \"现行有效件数\", \"行政规范性文件\" …), "
      "none of the 2019 edition alone; read as the 2021 edition (reports for 2020 use the 2019 "
      "edition)");
  REQUIRE(r.report_findings.size() == 1);
  CHECK(r.report_findings[0].position.line == 13);
  CHECK(r.report_findings[0].message_zh ==
        "表二、表三按 2021 版格式印制，但 2020 年的报告应使用 2019 "
        "版格式（国办公开办函〔2019〕60号）");
  CHECK(r.report_findings[0].message_en ==
        "tables 二, 三 are printed in the 2021 edition, but reports for 2020 use the 2019 edition "
        "(国办公开办函〔2019〕60号)");
}

TEST_CASE("Tables of both editions in one report keep the year's edition, row by row",
          "[import][edition]") {
  using govreport::test::replace_once;
  // 表二 as the 2019 edition prints it, 表三 as the 2021 edition does.
  const std::string text = replace_once(
      project_file(fixture("format-2019-in-2022.txt")),
      "    （六）其他处理                     1    0     0     0         0      0      1\n",
      "    （六）其他处理\n"
      "      1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
      "  0    0     0     0         0      0      0\n"
      "      2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
      "  0    0     0     0         0      0      0\n"
      "      3.其他                           1    0     0     0         0      0      1\n");
  const ImportResult r = govreport::import_report(text, SourceKind::Text, "mixed.txt");
  REQUIRE(r.report);
  CHECK(r.report->edition == govreport::edition_by_id("2021"));
  CHECK(r.summary.edition_by.zh.empty());
  CHECK(r.report_findings.empty());
  // Today's findings of each row printed as the 2019 edition prints it.
  CHECK(found(r) == std::vector<std::string>{"label-variant@15", "cell-count@18", "extra-row@19",
                                             "cell-count@22", "cell-count@23", "cell-count@26",
                                             "extra-row@29"});
  CHECK(
      r.findings[2].message_en ==
      "\"其他对外管理服务事项\" is a row of the 2019 edition that the 2021 edition does not have; "
      "its values 2 0 15 were not imported");
  CHECK(tables(*r.report).find("applications/results/other/other: 1 0 0 0 0 0 1\n") !=
        std::string::npos);
}

TEST_CASE("One label of the other edition is no evidence: the year's edition is kept",
          "[import][edition]") {
  // Only 表三 printed, with its single （六）其他处理 row of the 2019 edition.
  std::string text = project_file(fixture("format-2019-in-2022.txt"));
  const std::size_t from = text.find("                          第二十条第（一）项\n");
  const std::size_t to = text.find("\n三、收到和处理政府信息公开申请情况");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  text.erase(from, to - from);
  const ImportResult r = govreport::import_report(text, SourceKind::Text, "one.txt");
  REQUIRE(r.report);
  CHECK(r.report->edition == govreport::edition_by_id("2021"));
  CHECK(r.report_findings.empty());
  CHECK(found(r) == std::vector<std::string>{"missing-table@13", "missing-table@13",
                                             "missing-table@13", "missing-table@13",
                                             "split-by-hand@46"});
}

TEST_CASE("check of a report printed in the other edition's tables gives one format-mismatch",
          "[import][edition][cli]") {
  for (const char* source :
       {"format-2019-in-2022.txt", "format-2019-in-2022.html", "format-2019-in-2022.pdf"}) {
    INFO(source);
    const auto run = run_govreport({"check", fixture(source), "--lang", "en"});
    CHECK(run.exit_code == 1);
    const int line = std::string(source).ends_with(".html") ? 12 : 13;
    const std::string place = std::string(source).ends_with(".pdf")
                                  ? fixture(source) + ": error: "
                                  : fixture(source) + ":" + std::to_string(line) + ":1: error: ";
    const std::string tail = std::string(source).ends_with(".pdf") ? " (page 1)" : "";
    CHECK(run.out == place + kMismatch2019In2022.en + tail + " [format-mismatch]\n");
    CHECK(run.err == "checked 1 file: 1 error, 0 warnings\n");
  }
  const std::string dir = temp_dir();
  const auto imported = run_govreport(
      {"import", fixture("format-2019-in-2022.html"), "-o", dir + "/r.json", "--lang", "en"});
  CHECK(imported.exit_code == 0);
  CHECK(imported.err.find(kPrinted2019.en) != std::string::npos);
  CHECK(read_file(dir + "/r.json").find("\"format\": \"2019\"") != std::string::npos);
  const auto checked = run_govreport({"check", dir + "/r.json", "--lang", "en"});
  CHECK(checked.exit_code == 1);
  CHECK(checked.out == dir +
                           "/r.json:3:13: error: format is \"2019\", but reports for 2022 use "
                           "the 2021 edition (国办公开办函〔2021〕30号) [format-mismatch]\n");
  fs::remove_all(dir);
}
