// The Word document: a valid OOXML package, golden word/document.xml, merged cells as printed,
// page and fonts after GB/T 9704, escaping, and the docx output of build.

#include <zip.h>

#include <catch2/catch.hpp>
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

// The entries of a zip archive held in memory, in archive order, read with libzip.
std::vector<std::pair<std::string, std::string>> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive == nullptr) zip_source_free(source);
  INFO(zip_error_strerror(&error));
  REQUIRE(archive != nullptr);
  std::vector<std::pair<std::string, std::string>> entries;
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    REQUIRE(zip_stat_index(archive, index, 0, &st) == 0);
    std::string content(static_cast<std::size_t>(st.size), '\0');
    zip_file_t* file = zip_fopen_index(archive, index, 0);
    REQUIRE(file != nullptr);
    CHECK(zip_fread(file, content.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(file);
    entries.emplace_back(st.name, std::move(content));
  }
  zip_close(archive);
  zip_error_fini(&error);
  return entries;
}

std::map<std::string, std::string> parts(const std::string& docx) {
  std::map<std::string, std::string> out;
  for (auto& [name, content] : unzip(docx)) out.emplace(name, std::move(content));
  return out;
}

std::string document(const Report& report) {
  return parts(govreport::render_docx(report))["word/document.xml"];
}

// Checks that `xml` is well formed: tags nest and close, text holds no raw '<' and every '&'
// starts an entity. Returns the first problem, or "".
std::string xml_problem(const std::string& xml) {
  std::vector<std::string> open;
  for (std::size_t i = 0; i < xml.size();) {
    if (xml[i] == '&') {
      static const std::regex entity("^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);");
      if (!std::regex_search(xml.substr(i, 12), entity)) return "bare & at " + std::to_string(i);
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(xml[i]) < 0x20 && xml[i] != '\n' && xml[i] != '\r' &&
        xml[i] != '\t')
      return "control character at " + std::to_string(i);
    if (xml[i] != '<') {
      ++i;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string::npos) return "unclosed tag at " + std::to_string(i);
    const std::string tag = xml.substr(i + 1, end - i - 1);
    if (tag.find('<') != std::string::npos) return "'<' inside a tag at " + std::to_string(i);
    i = end + 1;
    if (tag.starts_with("?")) continue;
    const std::string name = tag.substr(
        tag.starts_with("/") ? 1 : 0, tag.find_first_of(" /", 1) - (tag.starts_with("/") ? 1 : 0));
    if (tag.starts_with("/")) {
      if (open.empty() || open.back() != name)
        return "</" + name + "> closes <" + (open.empty() ? "" : open.back()) + ">";
      open.pop_back();
    } else if (!tag.ends_with("/")) {
      open.push_back(name);
    }
  }
  return open.empty() ? "" : "<" + open.back() + "> never closed";
}

int span_of(const std::string& cell) {
  std::smatch m;
  return std::regex_search(cell, m, std::regex(R"re(<w:gridSpan w:val="(\d+)"/>)re"))
             ? std::stoi(m[1])
             : 1;
}

struct DocTable {
  int grid_columns = 0;
  std::vector<std::vector<std::string>> rows;  // the <w:tc> elements of each row
};

// The contents of each `<tag>...</tag>` in `text` (not nested in one another).
std::vector<std::string> elements(const std::string& text, const std::string& tag) {
  std::vector<std::string> out;
  const std::string open = "<" + tag + ">", close = "</" + tag + ">";
  for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
    const std::size_t end = text.find(close, at);
    REQUIRE(end != std::string::npos);
    out.push_back(text.substr(at + open.size(), end - at - open.size()));
    at = end;
  }
  return out;
}

std::vector<DocTable> tables(const std::string& xml) {
  std::vector<DocTable> out;
  for (const std::string& body : elements(xml, "w:tbl")) {
    DocTable table;
    for (std::size_t at = body.find("<w:gridCol "); at != std::string::npos;
         at = body.find("<w:gridCol ", at + 1))
      ++table.grid_columns;
    for (const std::string& row : elements(body, "w:tr"))
      table.rows.push_back(elements(row, "w:tc"));
    out.push_back(std::move(table));
  }
  return out;
}

std::string cell_text(const std::string& cell) {
  std::string text;
  const std::regex t_re("<w:t[^>]*>([^<]*)</w:t>");
  for (std::sregex_iterator t(cell.begin(), cell.end(), t_re), end; t != end; ++t) text += (*t)[1];
  return text;
}

}  // namespace

TEST_CASE("The word/document.xml of each reference data file matches its golden file", "[docx]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      CHECK(matches_golden(std::string(c.name) + "/expected-document.xml",
                           document(load_project(c.data))));
    }
  }
}

TEST_CASE("The docx is a complete OOXML package of well-formed parts", "[docx]") {
  const std::string docx = govreport::render_docx(load_project("data/2020.json"));
  REQUIRE(docx.starts_with(std::string("PK\x03\x04", 4)));
  const auto entries = unzip(docx);
  REQUIRE_FALSE(entries.empty());
  CHECK(entries.front().first == "[Content_Types].xml");
  std::map<std::string, std::string> all(entries.begin(), entries.end());
  for (const auto& [name, content] : all) {
    INFO(name);
    CHECK(content.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"));
    CHECK(xml_problem(content) == "");
  }
  // Every part named in the content types and relationships is in the archive, and vice versa.
  const std::regex override_re(R"re(PartName="/([^"]+)")re");
  const std::string& types = all["[Content_Types].xml"];
  std::size_t overrides = 0;
  for (std::sregex_iterator m(types.begin(), types.end(), override_re), end; m != end;
       ++m, ++overrides) {
    INFO((*m)[1]);
    CHECK(all.count((*m)[1]) == 1);
  }
  CHECK(overrides + 3 == all.size());  // all but the two .rels files and [Content_Types].xml
  const std::regex target_re(R"re(Target="([^"]+)")re");
  for (const auto& [rels, prefix] : std::map<std::string, std::string>{
           {"_rels/.rels", ""}, {"word/_rels/document.xml.rels", "word/"}}) {
    const std::string& xml = all[rels];
    for (std::sregex_iterator m(xml.begin(), xml.end(), target_re), end; m != end; ++m) {
      INFO(rels << " -> " << (*m)[1]);
      CHECK(all.count(prefix + std::string((*m)[1])) == 1);
    }
  }
  CHECK_THAT(all["docProps/core.xml"],
             Contains("<dc:title>自治区人民政府办公厅2020年政府信息公开工作年度报告</dc:title>"));
  CHECK_THAT(all["docProps/core.xml"],
             Contains("<dc:creator>宁夏回族自治区人民政府办公厅</dc:creator>"));
}

TEST_CASE("The same report always gives the same docx bytes", "[docx]") {
  const Report report = load_project("data/examples/hongze-gov-2024.json");
  CHECK(govreport::render_docx(report) == govreport::render_docx(report));
}

TEST_CASE("The docx page is A4 with the GB/T 9704 margins and names the official fonts", "[docx]") {
  const auto all = parts(govreport::render_docx(load_project("data/2020.json")));
  const std::string& doc = all.at("word/document.xml");
  CHECK_THAT(doc, Contains(R"(<w:pgSz w:w="11906" w:h="16838"/>)"));
  CHECK_THAT(doc,
             Contains(R"(<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587")"));
  const std::string& styles = all.at("word/styles.xml");
  for (const char* font : {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"}) {
    INFO(font);
    CHECK_THAT(styles, Contains(std::string("w:eastAsia=\"") + font + "\""));
    CHECK_THAT(all.at("word/fontTable.xml"),
               Contains(std::string("<w:font w:name=\"") + font + "\">"));
  }
  CHECK_THAT(all.at("word/footer1.xml"), Contains(R"(<w:fldSimple w:instr=" PAGE ">)"));
}

TEST_CASE("Every docx table row fills the table grid, and rows never split or lose their heads",
          "[docx]") {
  for (const Case& c : kCases) {
    SECTION(c.name) {
      const std::vector<DocTable> all = tables(document(load_project(c.data)));
      REQUIRE(all.size() == 3);
      CHECK(all[0].grid_columns == 4);
      CHECK(all[1].grid_columns == 10);
      CHECK(all[2].grid_columns == 15);
      for (const DocTable& t : all) {
        for (const auto& row : t.rows) {
          int width = 0;
          for (const std::string& cell : row) width += span_of(cell);
          CHECK(width == t.grid_columns);
        }
      }
      const std::string xml = document(load_project(c.data));
      CHECK(std::count(xml.begin(), xml.end(), '\0') == 0);
      std::size_t rows = 0, cant_split = 0;
      for (std::size_t at = xml.find("<w:tr>"); at != std::string::npos;
           at = xml.find("<w:tr>", at + 1))
        ++rows;
      for (std::size_t at = xml.find("<w:cantSplit/>"); at != std::string::npos;
           at = xml.find("<w:cantSplit/>", at + 1))
        ++cant_split;
      CHECK(rows == cant_split);
    }
  }
}

TEST_CASE("Table 三 in the docx merges cells as the official format does", "[docx]") {
  struct Expect {
    const char* data;
    int results_rows;
  };
  for (const Expect& e :
       {Expect{"data/2020.json", 20}, Expect{"data/examples/hongze-gov-2024.json", 22}}) {
    SECTION(e.data) {
      const DocTable t = tables(document(load_project(e.data)))[1];
      // The note: 3 columns wide, 3 heading rows high; the heading rows repeat on each page.
      CHECK(cell_text(t.rows[0][0]) ==
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
      CHECK(span_of(t.rows[0][0]) == 3);
      CHECK_THAT(t.rows[0][0], Contains(R"(<w:vMerge w:val="restart"/>)"));
      for (int r = 1; r < 3; ++r) {
        CHECK(span_of(t.rows[static_cast<std::size_t>(r)][0]) == 3);
        CHECK_THAT(t.rows[static_cast<std::size_t>(r)][0], Contains("<w:vMerge/>"));
      }
      CHECK(cell_text(t.rows[0][1]) == "申请人情况");
      CHECK(span_of(t.rows[0][1]) == 7);
      // 三、本年度办理结果 starts in the first column of row 6 and continues down its rows.
      std::size_t start = 0;
      for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (cell_text(t.rows[r][0]) == "三、本年度办理结果") start = r;
      REQUIRE(start == 5);
      CHECK_THAT(t.rows[start][0], Contains(R"(<w:vMerge w:val="restart"/>)"));
      std::size_t continued = 0;
      for (std::size_t r = start + 1;
           r < t.rows.size() && t.rows[r][0].find("<w:vMerge/>") != std::string::npos; ++r)
        ++continued;
      CHECK(continued + 1 == static_cast<std::size_t>(e.results_rows));
      CHECK(cell_text(t.rows.back()[0]) == "四、结转下年度继续办理");
      CHECK(span_of(t.rows.back()[0]) == 3);
    }
  }
}

TEST_CASE("Table 四 in the docx is one row of 15 numbers under two-level heads", "[docx]") {
  const DocTable t = tables(document(load_project("data/2020.json")))[2];
  REQUIRE(t.rows.size() == 4);
  CHECK(cell_text(t.rows[0][0]) == "行政复议");
  CHECK(span_of(t.rows[0][0]) == 5);
  CHECK(cell_text(t.rows[0][1]) == "行政诉讼");
  CHECK(span_of(t.rows[0][1]) == 10);
  std::vector<std::string> values;
  for (const std::string& cell : t.rows[3]) values.push_back(cell_text(cell));
  CHECK(values == std::vector<std::string>{"530", "0", "0", "0", "530", "6", "0", "0", "0", "6",
                                           "7", "0", "0", "0", "7"});
}

TEST_CASE(
    "Agency names and narrative are escaped in the docx, and characters XML cannot hold are "
    "dropped",
    "[docx]") {
  Report report = load_project("data/2020.json");
  report.title.clear();
  report.agency = R"(<script>alert("x")</script> & 'co')";
  report.part("preamble").paragraphs = {"甲 <w:t> & \"丙\" \x01\x1f\xEF\xBF\xBF end"};
  const auto all = parts(govreport::render_docx(report));
  for (const auto& [name, content] : all) {
    INFO(name);
    CHECK(xml_problem(content) == "");
  }
  const std::string& doc = all.at("word/document.xml");
  CHECK_THAT(
      doc, Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;2020年"));
  CHECK_THAT(doc, Contains(">甲 &lt;w:t&gt; &amp; &quot;丙&quot;  end</w:t>"));
  CHECK_THAT(all.at("docProps/core.xml"),
             Contains("<dc:creator>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                      "&#39;co&#39;</dc:creator>"));
}

TEST_CASE("References in the narrative are printed in the docx", "[docx]") {
  Report report = load_project("data/2020.json");
  report.part("problems").paragraphs = {"全年申请{{applications.received.total}}件。"};
  CHECK_THAT(document(report), Contains(">全年申请4447件。</w:t>"));
}

TEST_CASE("build -o report.docx writes the document byte for byte", "[docx][cli]") {
  const std::string dir = temp_dir();
  const auto r =
      run_govreport({"build", "data/examples/hongze-gov-2024.json", "-o", dir + "/report.docx"});
  CHECK(r.exit_code == 0);
  CHECK(read_file(dir + "/report.docx") ==
        govreport::render_docx(load_project("data/examples/hongze-gov-2024.json")));
  fs::remove_all(dir);

  // To a pipe the bytes pass whole, NULs included.
  const auto piped = run_govreport({"build", "data/2020.json", "-f", "docx"});
  CHECK(piped.exit_code == 0);
  CHECK(piped.out == govreport::render_docx(load_project("data/2020.json")));
}
