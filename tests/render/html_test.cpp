// The HTML page: golden files, the official merged-cell layout, escaping, the chart, and the
// html / pdf outputs of build.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "support.hpp"

namespace {

using govreport::test::load_project;

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using govreport::Report;
using govreport::test::matches_golden;
using govreport::test::project_file;
using govreport::test::read_file;
using govreport::test::run_govreport;
using govreport::test::temp_dir;

struct Case {
  const char* name;
  const char* data;
};

constexpr Case kCases[] = {
    {"ningxia-2020", "data/2020.json"},
    {"hongze-2024", "data/examples/hongze-gov-2024.json"},
};

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// One cell of a parsed HTML table.
struct ParsedCell {
  std::string tag;  // "td" or "th"
  std::string text;
  int colspan = 1;
  int rowspan = 1;
  int column = 0;  // grid column, after the row spans from above are taken into account
};

struct ParsedTable {
  int columns = 0;  // from <colgroup>
  std::vector<std::vector<ParsedCell>> rows;
};

int attribute(const std::string& attributes, const std::string& name) {
  std::smatch m;
  if (std::regex_search(attributes, m, std::regex(name + "=\"(\\d+)\""))) return std::stoi(m[1]);
  return 1;
}

// Parses the tables of a page written by render_html, and places every cell on the grid. Fails
// the test when a row does not cover exactly the table's columns.
// The contents of each `<name ...>...</name>` in `text` (not nested in one another).
std::vector<std::string> elements(const std::string& text, const std::string& name) {
  std::vector<std::string> out;
  for (std::size_t at = text.find("<" + name); at != std::string::npos;
       at = text.find("<" + name, at)) {
    const char after = text[at + 1 + name.size()];
    if (after != '>' && after != ' ') {
      ++at;
      continue;
    }
    const std::size_t start = text.find('>', at) + 1;
    const std::size_t end = text.find("</" + name + ">", start);
    REQUIRE(end != std::string::npos);
    out.push_back(text.substr(start, end - start));
    at = end;
  }
  return out;
}

// A group's label heads a table of its own inside its cell (so that a browser repeats it on a new
// page); the cell's text is that label.
std::string inline_group_labels(const std::string& html) {
  return std::regex_replace(
      html,
      std::regex("<table class=\"group-label\"><thead><tr><th>([^<]*)</th></tr></thead>"
                 "<tbody><tr><td></td></tr></tbody></table>"),
      "$1");
}

std::vector<ParsedTable> parse_tables(const std::string& page) {
  const std::string html = inline_group_labels(page);
  std::vector<ParsedTable> tables;
  const std::regex cell_re("<(td|th)([^>]*)>([^<]*)</(?:td|th)>");
  const std::sregex_iterator end;
  for (const std::string& body : elements(html, "table")) {
    ParsedTable table;
    table.columns = static_cast<int>(occurrences(body, "<col "));
    std::vector<int> covered(static_cast<std::size_t>(table.columns),
                             0);  // rows still spanned from above
    for (const std::string& row_html : elements(body, "tr")) {
      std::vector<ParsedCell> row;
      int column = 0;
      for (std::sregex_iterator c(row_html.begin(), row_html.end(), cell_re); c != end; ++c) {
        while (column < table.columns && covered[static_cast<std::size_t>(column)] > 0) ++column;
        ParsedCell cell{(*c)[1], (*c)[3], attribute((*c)[2], "colspan"),
                        attribute((*c)[2], "rowspan"), column};
        REQUIRE(column + cell.colspan <= table.columns);
        for (int k = column; k < column + cell.colspan; ++k) {
          REQUIRE(covered[static_cast<std::size_t>(k)] == 0);
          covered[static_cast<std::size_t>(k)] = cell.rowspan;
        }
        column += cell.colspan;
        row.push_back(cell);
      }
      INFO("row " << table.rows.size() << ": " << row_html);
      for (int k = 0; k < table.columns; ++k) {
        CHECK(covered[static_cast<std::size_t>(k)] > 0);  // every column is filled or spanned
        if (covered[static_cast<std::size_t>(k)] > 0) --covered[static_cast<std::size_t>(k)];
      }
      table.rows.push_back(std::move(row));
    }
    for (int left : covered) CHECK(left == 0);  // no row span runs past the table
    tables.push_back(std::move(table));
  }
  return tables;
}

std::vector<std::string> numbers(const std::vector<ParsedCell>& row) {
  std::vector<std::string> out;
  for (const ParsedCell& c : row)
    if (c.tag == "td") out.push_back(c.text);
  return out;
}

const ParsedCell* find_cell(const ParsedTable& table, const std::string& text) {
  for (const auto& row : table.rows)
    for (const ParsedCell& c : row)
      if (c.text == text) return &c;
  return nullptr;
}

// Sets an environment variable for the life of a test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) { ::setenv(name, value, 1); }
  ~ScopedEnv() { ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

}  // namespace

TEST_CASE("The HTML page of each reference data file matches its golden file", "[html]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      CHECK(matches_golden(std::string(c.name) + "/expected.html",
                           govreport::render_html(load_project(c.data))));
    }
  }
}

TEST_CASE("The HTML page is one self-contained HTML5 document in Chinese, without scripts",
          "[html]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      const std::string html =
          govreport::render_html(load_project(c.data), govreport::HtmlOptions{.charts = true});
      CHECK(html.starts_with(
          "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"));
      CHECK(html.ends_with("</html>\n"));
      CHECK_THAT(html, Contains("<title>" + load_project(c.data).display_title() + "</title>"));
      CHECK(html.find("<script") == std::string::npos);
      CHECK(html.find("<link") == std::string::npos);
      CHECK(html.find("<img") == std::string::npos);
      CHECK(html.find(" src=") == std::string::npos);
      CHECK(html.find(" href=") == std::string::npos);
      CHECK(html.find("@import") == std::string::npos);
      CHECK(html.find("url(") == std::string::npos);
      // The only address in markup is the SVG namespace, which is a name, not something to fetch.
      CHECK(occurrences(html, "=\"http") ==
            occurrences(html, "xmlns=\"http://www.w3.org/2000/svg\""));
      for (const char* element : {"html", "head", "body", "article", "section", "table", "thead",
                                  "tbody", "tr", "p", "h1", "h2", "figure"})
        CHECK(occurrences(html, std::string("<") + element + ">") +
                  occurrences(html, std::string("<") + element + " ") ==
              occurrences(html, std::string("</") + element + ">"));
    }
  }
}

TEST_CASE("The HTML page has a print stylesheet for A4 after GB/T 9704 with Linux font fallbacks",
          "[html]") {
  const std::string html = govreport::render_html(load_project("data/2020.json"));
  CHECK_THAT(html, Contains("size: A4;"));
  CHECK_THAT(html, Contains("margin: 37mm 26mm 35mm 28mm;"));
  CHECK_THAT(html, Contains("\"仿宋_GB2312\""));
  CHECK_THAT(html, Contains("\"方正小标宋简体\""));
  CHECK_THAT(html, Contains("\"黑体\""));
  CHECK_THAT(html, Contains("\"楷体_GB2312\""));
  CHECK_THAT(html, Contains("\"Noto Serif CJK SC\""));
  CHECK_THAT(html, Contains("\"Noto Sans CJK SC\""));
  CHECK_THAT(html, Contains("break-inside: avoid"));
  CHECK_THAT(html, Contains("thead { display: table-header-group; }"));
}

TEST_CASE("Every HTML table row covers exactly the columns of its table", "[html]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      const std::vector<ParsedTable> tables =
          parse_tables(govreport::render_html(load_project(c.data)));
      // 二 as one table of captioned parts, then 三 and 四.
      REQUIRE(tables.size() == 3);
      CHECK(tables[0].columns == 4);
      CHECK(tables[1].columns == 10);
      CHECK(tables[2].columns == 15);
    }
  }
}

TEST_CASE("Table 三 has the official merged cells of each edition", "[html]") {
  struct Expect {
    const char* data;
    int results_rows;  // rows spanned by 三、本年度办理结果
    int data_rows;     // rows below the three heading rows
  };
  for (const Expect& e :
       {Expect{"data/2020.json", 20, 23}, Expect{"data/examples/hongze-gov-2024.json", 22, 25}}) {
    SECTION(e.data) {
      const std::vector<ParsedTable> tables =
          parse_tables(govreport::render_html(load_project(e.data)));
      REQUIRE(tables.size() == 3);
      const ParsedTable& t = tables[1];
      REQUIRE(t.rows.size() == static_cast<std::size_t>(3 + e.data_rows));

      const ParsedCell& note = t.rows[0][0];
      CHECK(note.text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
      CHECK(note.rowspan == 3);
      CHECK(note.colspan == 3);
      CHECK(t.rows[0][1].text == "申请人情况");
      CHECK(t.rows[0][1].colspan == 7);
      CHECK(t.rows[1][0].text == "自然人");
      CHECK(t.rows[1][0].rowspan == 2);
      CHECK(t.rows[1][1].text == "法人或其他组织");
      CHECK(t.rows[1][1].colspan == 5);
      CHECK(t.rows[1][2].text == "总计");
      CHECK(t.rows[1][2].rowspan == 2);
      std::vector<std::string> legal;
      for (const ParsedCell& cell : t.rows[2]) legal.push_back(cell.text);
      CHECK(legal == std::vector<std::string>{"商业企业", "科研机构", "社会公益组织",
                                              "法律服务机构", "其他"});

      const ParsedCell* results = find_cell(t, "三、本年度办理结果");
      REQUIRE(results != nullptr);
      CHECK(results->rowspan == e.results_rows);
      CHECK(results->column == 0);
      for (const auto& [label, span] : std::map<std::string, int>{
               {"（三）不予公开", 8}, {"（四）无法提供", 3}, {"（五）不予处理", 5}}) {
        INFO(label);
        const ParsedCell* group = find_cell(t, label);
        REQUIRE(group != nullptr);
        CHECK(group->rowspan == span);
        CHECK(group->column == 1);
      }
      for (const char* label : {"一、本年新收政府信息公开申请数量",
                                "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理"}) {
        INFO(label);
        REQUIRE(find_cell(t, label) != nullptr);
        CHECK(find_cell(t, label)->colspan == 3);
      }
      for (const char* label : {"（一）予以公开", "（七）总计"}) {
        INFO(label);
        REQUIRE(find_cell(t, label) != nullptr);
        CHECK(find_cell(t, label)->colspan == 2);
      }
      for (std::size_t r = 3; r < t.rows.size(); ++r) CHECK(numbers(t.rows[r]).size() == 7);
      const ParsedCell* other = find_cell(t, "（六）其他处理");
      REQUIRE(other != nullptr);
      CHECK(other->rowspan == (e.results_rows == 22 ? 3 : 1));
      CHECK(other->colspan == (e.results_rows == 22 ? 1 : 2));
    }
  }
}

TEST_CASE("Table 四 is one row of 15 numbers under two levels of column heads", "[html]") {
  const std::vector<ParsedTable> tables =
      parse_tables(govreport::render_html(load_project("data/2020.json")));
  REQUIRE(tables.size() == 3);
  const ParsedTable& t = tables[2];
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0][0].text == "行政复议");
  CHECK(t.rows[0][0].colspan == 5);
  CHECK(t.rows[0][1].text == "行政诉讼");
  CHECK(t.rows[0][1].colspan == 10);
  for (std::size_t c = 0; c < 5; ++c) CHECK(t.rows[1][c].rowspan == 2);
  CHECK(t.rows[1][5].text == "未经复议直接起诉");
  CHECK(t.rows[1][5].colspan == 5);
  CHECK(t.rows[1][6].text == "复议后起诉");
  CHECK(t.rows[1][6].colspan == 5);
  CHECK(t.rows[2].size() == 10);
  CHECK(numbers(t.rows[3]) == std::vector<std::string>{"530", "0", "0", "0", "530", "6", "0", "0",
                                                       "0", "6", "7", "0", "0", "0", "7"});
}

TEST_CASE("Table 二 prints each part under its caption, a short part spanning the last columns",
          "[html]") {
  const std::vector<ParsedTable> y2020 =
      parse_tables(govreport::render_html(load_project("data/2020.json")));
  const ParsedTable& old = y2020[0];
  CHECK(find_cell(old, "第二十条第（一）项")->colspan == 4);
  CHECK(find_cell(old, "第二十条第（九）项")->colspan == 4);
  CHECK(find_cell(old, "采购总金额")->colspan == 2);
  CHECK(find_cell(old, "2154.97万元")->colspan == 2);
  CHECK(old.rows.size() == 5 * 2 + 2 + 2 + 2 + 1 + 1);

  const std::vector<ParsedTable> y2024 =
      parse_tables(govreport::render_html(load_project("data/examples/hongze-gov-2024.json")));
  const ParsedTable& now = y2024[0];
  CHECK(find_cell(now, "本年处理决定数量")->colspan == 3);
  CHECK(find_cell(now, "本年收费金额（单位：万元）")->colspan == 3);
  CHECK(find_cell(now, "第二十条第（九）项") == nullptr);
  CHECK(now.rows.size() == 4 * 2 + 2 + 1 + 2 + 1);
}

TEST_CASE("Agency names, titles and narrative are escaped in the HTML page", "[html]") {
  Report report = load_project("data/2020.json");
  report.title.clear();
  report.agency = R"(<script>alert("x")</script> & 'co')";
  report.part("preamble").paragraphs = {R"(甲 <b>乙</b> & "丙" 'd' &amp; </p><script>)"};
  report.part("overview").subsections[0].title = R"(<i>标题</i> & "引号")";
  report.part("problems").paragraphs = {"<!-- -->", std::string("a\0b\x01"
                                                                "c\td",
                                                                7)};
  const std::string html = govreport::render_html(report);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("<i>") == std::string::npos);
  CHECK(html.find("<!--") == std::string::npos);
  const std::string agency = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;";
  CHECK_THAT(html, Contains("<title>" + agency + "2020年政府信息公开工作年度报告</title>"));
  CHECK_THAT(html, Contains("<h1>" + agency + "2020年政府信息公开工作年度报告</h1>"));
  CHECK_THAT(html, Contains("<p>甲 &lt;b&gt;乙&lt;/b&gt; &amp; &quot;丙&quot; &#39;d&#39; "
                            "&amp;amp; &lt;/p&gt;&lt;script&gt;</p>"));
  CHECK_THAT(
      html,
      Contains(
          "<span class=\"run-in\">（一）&lt;i&gt;标题&lt;/i&gt; &amp; &quot;引号&quot;。</span>"));
  CHECK_THAT(html, Contains("<p>&lt;!-- --&gt;</p>"));
  CHECK_THAT(html, Contains("<p>abc\td</p>"));  // control characters dropped, tab kept
}

TEST_CASE(
    "With charts, the page has a bar chart of the 办理结果 breakdown that adds up to 三（七）总计",
    "[html]") {
  struct Expect {
    const char* data;
    std::vector<std::pair<std::string, long>> bars;
  };
  const std::vector<Expect> cases = {
      {"data/2020.json",
       {{"（一）予以公开", 10},
        {"（二）部分公开", 3},
        {"（三）不予公开", 5},
        {"（四）无法提供", 4237},
        {"（五）不予处理", 192},
        {"（六）其他处理", 0}}},
      {"data/examples/hongze-gov-2024.json", {}},
  };
  for (const Expect& e : cases) {
    SECTION(e.data) {
      const Report report = load_project(e.data);
      CHECK(govreport::render_html(report).find("<svg") == std::string::npos);
      const std::string html =
          govreport::render_html(report, govreport::HtmlOptions{.charts = true});
      const std::size_t svg = html.find("<svg");
      REQUIRE(svg != std::string::npos);
      // The chart follows table 三 and comes before 四.
      CHECK(svg > html.find("三、本年度办理结果"));
      CHECK(svg < html.find("<h2>四、"));
      CHECK_THAT(html, Contains("<figcaption>图　本年度办理结果（总计，件）</figcaption>"));
      const std::string chart = html.substr(svg, html.find("</svg>", svg) - svg);
      const std::regex bar_re(
          R"re(<text [^>]*text-anchor="end"[^>]*>([^<]*)</text><rect class="bar"[^>]*/><text [^>]*>(\d+)</text>)re");
      std::vector<std::pair<std::string, long>> bars;
      long sum = 0;
      for (std::sregex_iterator b(chart.begin(), chart.end(), bar_re), end; b != end; ++b) {
        bars.emplace_back((*b)[1], std::stol((*b)[2]));
        sum += bars.back().second;
      }
      REQUIRE(bars.size() == 6);
      CHECK(sum == report.at("/applications/results/total/total").value);
      if (!e.bars.empty()) CHECK(bars == e.bars);
      CHECK(bars.back().first == "（六）其他处理");
    }
  }
}

TEST_CASE("build -o report.html writes the page; -f html --charts prints it with the chart",
          "[html][cli]") {
  const std::string dir = temp_dir();
  const auto r = run_govreport({"build", "data/2020.json", "-o", dir + "/report.html"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "已写入 " + dir + "/report.html\n");
  CHECK(read_file(dir + "/report.html") == govreport::render_html(load_project("data/2020.json")));
  fs::remove_all(dir);

  const auto charts = run_govreport({"build", "data/2020.json", "-f", "html", "--charts"});
  CHECK(charts.exit_code == 0);
  CHECK(charts.out == govreport::render_html(load_project("data/2020.json"),
                                             govreport::HtmlOptions{.charts = true}));
}

TEST_CASE("build --charts with a format other than html or pdf exits 2", "[html][cli]") {
  const auto r = run_govreport({"build", "data/2020.json", "-f", "markdown", "--charts"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "govreport: --charts 只用于 html 和 pdf 格式\n");
}

TEST_CASE("build -o report.pdf without Chromium exits 2, names the package and writes nothing",
          "[html][cli]") {
  const ScopedEnv env("GOVREPORT_CHROMIUM", "/nonexistent/chromium");
  const std::string dir = temp_dir();
  const auto r =
      run_govreport({"build", "data/2020.json", "-o", dir + "/report.pdf", "--lang", "en"});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err ==
        "govreport: /nonexistent/chromium: Chromium not found. PDF output needs the Debian package "
        "chromium (sudo "
        "apt-get install chromium); or build HTML (-f html) and print it from a browser\n");
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);

  const auto zh = run_govreport({"build", "data/2020.json", "-f", "pdf", "-o", "-"});
  CHECK(zh.exit_code == 2);
  CHECK_THAT(zh.err, Contains("Debian 软件包 chromium"));
}

TEST_CASE("build -o report.pdf reports a Chromium that fails, and writes nothing", "[html][cli]") {
  const ScopedEnv env("GOVREPORT_CHROMIUM", "/bin/false");
  const std::string dir = temp_dir();
  const auto r =
      run_govreport({"build", "data/2020.json", "-o", dir + "/report.pdf", "--lang", "en"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "govreport: /bin/false: printed no PDF (exit status 1)\n");
  CHECK(fs::is_empty(dir));
  fs::remove_all(dir);
}
