// narrative-number: counts and claims in the text that the tables contradict.

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/check.hpp"
#include "govreport/load.hpp"
#include "support.hpp"

using namespace govreport;

namespace {

using govreport::test::replace_once;

std::string ningxia() { return test::project_file("data/2020.json"); }
std::string hongze() { return test::project_file("data/examples/hongze-gov-2024.json"); }

// Replaces the text of preamble[0] (line 8 of both files; its text starts at column 6) with `raw`,
// which is written into the JSON string as is (escapes allowed).
std::string with_preamble(const std::string& text, std::string_view raw) {
  const std::size_t start = text.find("  \"preamble\": [\n    \"");
  REQUIRE(start != std::string::npos);
  const std::size_t open = start + std::string_view("  \"preamble\": [\n    ").size();
  const std::size_t close = text.find("\"\n  ],", open + 1);
  REQUIRE(close != std::string::npos);
  return text.substr(0, open + 1) + std::string(raw) + text.substr(close);
}

// Loads `text` (which must load without findings) and returns its narrative-number findings.
std::vector<Diagnostic> narrative(const std::string& text) {
  const LoadResult r = load_report(text, "t.json");
  INFO("first load finding: " << (r.diagnostics.empty() ? "" : r.diagnostics[0].message_en));
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.report.has_value());
  std::vector<Diagnostic> found;
  for (Diagnostic& d : check_report(*r.report, "t.json"))
    if (d.rule == "narrative-number") found.push_back(std::move(d));
  sort_diagnostics(found);
  return found;
}

struct Expected {
  std::size_t line;
  std::size_t column;
  std::string_view pointer;
  std::string_view expected;
  std::string_view actual;
  std::string_view zh;
  std::string_view en;
};

void check_findings(const std::vector<Diagnostic>& found, const std::vector<Expected>& expected) {
  for (const Diagnostic& d : found) UNSCOPED_INFO("found: " << d.pointer << " " << d.message_en);
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Diagnostic& d = found[i];
    const Expected& e = expected[i];
    INFO("finding: " << d.position.line << ":" << d.position.column << " " << d.message_en);
    CHECK(d.rule == "narrative-number");
    CHECK(d.severity == Severity::Warning);
    CHECK(d.file == "t.json");
    CHECK(d.position.line == e.line);
    CHECK(d.position.column == e.column);
    CHECK(d.pointer == e.pointer);
    CHECK(d.expected == e.expected);
    CHECK(d.actual == e.actual);
    CHECK(d.message_zh == e.zh);
    CHECK(d.message_en == e.en);
  }
}

// hongze's 复议 block with the corrected case turned into a pending one (维持 1, 尚未审结 1, 总计
// 2).
std::string hongze_pending() {
  return replace_once(
      hongze(), R"("review": {"upheld": 1, "corrected": 1, "other": 0, "pending": 0, "total": 2})",
      R"("review": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2})");
}

// data/2020.json with 3 applications carried over from last year, and 3 carried forward (balance
// holds).
std::string ningxia_carried_over() {
  std::string text = replace_once(
      ningxia(),
      R"("carried_over": {"natural_person": 0, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 0})",
      R"("carried_over": {"natural_person": 3, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 3})");
  return replace_once(
      text,
      R"("carried_forward": {"natural_person": 0, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 0})",
      R"("carried_forward": {"natural_person": 3, "commercial": 0, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 3})");
}

}  // namespace

TEST_CASE("the hongze example's 受理申请17件 contradicts table 三's 95, at the number",
          "[narrative]") {
  check_findings(narrative(hongze()),
                 {{24, 119, "/overview/subsections/1/paragraphs/0", "95", "17",
                   "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）",
                   "the text says 17 applications, but table 三 一 总计 is 95 (一+二 is 95)"}});
}

TEST_CASE("data/2020.json's narrative agrees with its tables", "[narrative]") {
  // 申请公开政府信息4447件, 行政复议案件530起, 行政诉讼案件13起, 均无败诉.
  CHECK(narrative(ningxia()).empty());
}

TEST_CASE("申请 N 件 may be 一 or 一+二 of table 三, and anything else is reported",
          "[narrative]") {
  const std::string base = ningxia_carried_over();
  CHECK(narrative(with_preamble(base, "本年度共受理申请4447件。")).empty());
  CHECK(narrative(with_preamble(base, "本年度共受理申请4450件。")).empty());
  check_findings(
      narrative(with_preamble(base, "本年度共受理申请4448件。")),
      {{8, 14, "/preamble/0", "4447", "4448",
        "正文说申请 4448 件，但表三 一、本年新收 总计为 4447（一+二 为 4450）",
        "the text says 4448 applications, but table 三 一 总计 is 4447 (一+二 is 4450)"}});
  // Spaces between the number and its unit.
  check_findings(
      narrative(with_preamble(ningxia(), "申请 4448 件")),
      {{8, 9, "/preamble/0", "4447", "4448",
        "正文说申请 4448 件，但表三 一、本年新收 总计为 4447（一+二 为 4447）",
        "the text says 4448 applications, but table 三 一 总计 is 4447 (一+二 is 4447)"}});
}

TEST_CASE("only the count right after 申请 in its clause is compared", "[narrative]") {
  check_findings(
      narrative(with_preamble(ningxia(), "全年共收到政府信息公开申请4448件，办结4447件。")),
      {{8, 19, "/preamble/0", "4447", "4448",
        "正文说申请 4448 件，但表三 一、本年新收 总计为 4447（一+二 为 4447）",
        "the text says 4448 applications, but table 三 一 总计 is 4447 (一+二 is 4447)"}});
}

TEST_CASE("narrative numbers are found in every section, with the pointer of their paragraph",
          "[narrative]") {
  const std::string text = replace_once(ningxia(), "\"本年度政府信息公开工作扎实开展",
                                        "\"本年度受理申请4448件，政府信息公开工作扎实开展");
  check_findings(
      narrative(text),
      {{96, 13, "/problems/0", "4447", "4448",
        "正文说申请 4448 件，但表三 一、本年新收 总计为 4447（一+二 为 4447）",
        "the text says 4448 applications, but table 三 一 总计 is 4447 (一+二 is 4447)"}});
}

TEST_CASE("the column of a narrative number counts the text as written, escapes included",
          "[narrative]") {
  // \" is two characters in the file, \u7533 (申) six.
  check_findings(
      narrative(with_preamble(ningxia(), R"(第一段\"引用\"申请4448件。)")),
      {{8, 17, "/preamble/0", "4447", "4448",
        "正文说申请 4448 件，但表三 一、本年新收 总计为 4447（一+二 为 4447）",
        "the text says 4448 applications, but table 三 一 总计 is 4447 (一+二 is 4447)"}});
  check_findings(
      narrative(with_preamble(ningxia(), R"(\u7533请4448件。)")),
      {{8, 13, "/preamble/0", "4447", "4448",
        "正文说申请 4448 件，但表三 一、本年新收 总计为 4447（一+二 为 4447）",
        "the text says 4448 applications, but table 三 一 总计 is 4447 (一+二 is 4447)"}});
}

TEST_CASE("行政复议 N 起 is compared with table 四's 行政复议 总计", "[narrative]") {
  check_findings(narrative(with_preamble(ningxia(), "全年发生行政复议案件531起。")),
                 {{8, 16, "/preamble/0", "530", "531", "正文说行政复议 531 起，但表四 总计为 530",
                   "the text says 531 administrative reviews, but table 四 总计 is 530"}});
  CHECK(narrative(with_preamble(ningxia(), "全年发生行政复议案件530起。")).empty());
  // 申请行政复议 is about reviews, not applications.
  check_findings(narrative(with_preamble(ningxia(), "收到申请行政复议5件。")),
                 {{8, 14, "/preamble/0", "530", "5", "正文说行政复议 5 起，但表四 总计为 530",
                   "the text says 5 administrative reviews, but table 四 总计 is 530"}});
}

TEST_CASE("行政复议和行政诉讼 N 起 is compared with all of table 四, once", "[narrative]") {
  check_findings(
      narrative(with_preamble(ningxia(), "行政复议和行政诉讼案件共544起。")),
      {{8, 18, "/preamble/0", "543", "544", "正文说行政复议和行政诉讼 544 起，但表四 总计为 543",
        "the text says 544 reviews and lawsuits, but table 四 总计 is 543"}});
  CHECK(narrative(with_preamble(ningxia(), "行政复议和行政诉讼案件共543起。")).empty());
}

TEST_CASE("行政诉讼 N 起 is compared with the two 行政诉讼 blocks of table 四", "[narrative]") {
  check_findings(
      narrative(with_preamble(ningxia(), "行政诉讼案件14起。")),
      {{8, 12, "/preamble/0", "13", "14", "正文说行政诉讼 14 起，但表四 行政诉讼总计为 13",
        "the text says 14 lawsuits, but table 四 gives 13"}});
  CHECK(narrative(with_preamble(ningxia(), "行政诉讼案件13起。")).empty());
}

TEST_CASE("every contradicting number of a paragraph is reported", "[narrative]") {
  check_findings(
      narrative(
          with_preamble(ningxia(), "2020年受理申请4448件；行政复议案件531起；行政诉讼案件14起。")),
      {{8, 15, "/preamble/0", "4447", "4448",
        "正文说申请 4448 件，但表三 一、本年新收 总计为 4447（一+二 为 4447）",
        "the text says 4448 applications, but table 三 一 总计 is 4447 (一+二 is 4447)"},
       {8, 27, "/preamble/0", "530", "531", "正文说行政复议 531 起，但表四 总计为 530",
        "the text says 531 administrative reviews, but table 四 总计 is 530"},
       {8, 38, "/preamble/0", "13", "14", "正文说行政诉讼 14 起，但表四 行政诉讼总计为 13",
        "the text says 14 lawsuits, but table 四 gives 13"}});
}

TEST_CASE("\"均无败诉\" is reported when table 四 has 结果纠正 in the blocks the sentence names",
          "[narrative]") {
  // hongze 2024: 行政复议 结果纠正 1; both 行政诉讼 blocks have none.
  const std::string text = with_preamble(hongze(), "行政复议、行政诉讼案件均无败诉。");
  std::vector<Diagnostic> found = narrative(text);
  check_findings(found,
                 {{8, 18, "/preamble/0", "0", "1", "正文称“无败诉”，但表四 结果纠正为 1",
                   "the text claims “无败诉”, but table 四 结果纠正 is 1"},
                  {24, 119, "/overview/subsections/1/paragraphs/0", "95", "17",
                   "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）",
                   "the text says 17 applications, but table 三 一 总计 is 95 (一+二 is 95)"}});
  check_findings(narrative(with_preamble(hongze(), "全年未被纠错，均获维持。")),
                 {{8, 8, "/preamble/0", "0", "1", "正文称“未被纠错”，但表四 结果纠正为 1",
                   "the text claims “未被纠错”, but table 四 结果纠正 is 1"},
                  {24, 119, "/overview/subsections/1/paragraphs/0", "95", "17",
                   "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）",
                   "the text says 17 applications, but table 三 一 总计 is 95 (一+二 is 95)"}});
}

TEST_CASE("\"均无败诉\" stays silent when the named blocks have no 结果纠正", "[narrative]") {
  // Only 行政诉讼 is named, and hongze's corrected case is a 行政复议.
  const std::vector<Diagnostic> found =
      narrative(with_preamble(hongze(), "行政诉讼案件均无败诉。"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].position.line == 24);
  // Pending cases are not lost cases.
  CHECK(narrative(with_preamble(hongze_pending(), "行政复议案件均无败诉。")).size() == 1);
  // data/2020.json: 行政复议案件530起，行政诉讼案件13起，均无败诉 with 结果纠正 0 everywhere.
  CHECK(narrative(ningxia()).empty());
}

TEST_CASE("\"均获维持\" is reported when table 四 has 结果纠正 or 尚未审结", "[narrative]") {
  check_findings(narrative(with_preamble(hongze(), "行政复议均获维持。")),
                 {{8, 10, "/preamble/0", "0", "1", "正文称“均获维持”，但表四 结果纠正为 1",
                   "the text claims “均获维持”, but table 四 结果纠正 is 1"},
                  {24, 119, "/overview/subsections/1/paragraphs/0", "95", "17",
                   "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）",
                   "the text says 17 applications, but table 三 一 总计 is 95 (一+二 is 95)"}});
  check_findings(narrative(with_preamble(hongze_pending(), "行政复议案件均获维持。")),
                 {{8, 12, "/preamble/0", "0", "1", "正文称“均获维持”，但表四 尚未审结为 1",
                   "the text claims “均获维持”, but table 四 尚未审结 is 1"},
                  {24, 119, "/overview/subsections/1/paragraphs/0", "95", "17",
                   "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）",
                   "the text says 17 applications, but table 三 一 总计 is 95 (一+二 is 95)"}});
  // One finding per sentence, at its first claim.
  check_findings(narrative(with_preamble(hongze_pending(), "案件均获维持，无败诉。")),
                 {{8, 8, "/preamble/0", "0", "1", "正文称“均获维持”，但表四 尚未审结为 1",
                   "the text claims “均获维持”, but table 四 尚未审结 is 1"},
                  {24, 119, "/overview/subsections/1/paragraphs/0", "95", "17",
                   "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）",
                   "the text says 17 applications, but table 三 一 总计 is 95 (一+二 is 95)"}});
}

TEST_CASE("\"均获维持\" stays silent when every named case was upheld", "[narrative]") {
  // The pending case is a 行政复议; the sentence is about 行政诉讼 only.
  CHECK(narrative(with_preamble(hongze_pending(), "行政诉讼案件均获维持。")).size() == 1);
  CHECK(
      narrative(with_preamble(ningxia(), "行政复议案件均获维持，行政诉讼案件均获维持。")).empty());
}

TEST_CASE("qualified numbers (changes, shares, subsets) stay silent", "[narrative]") {
  for (std::string_view sentence : {
           "受理政府信息公开申请较上年增加5件。",
           "申请数量同比减少3件，其中予以公开10件。",
           "依申请公开答复4448件。",
           "申请量占比12件",
           "申请12.5件",
           "行政复议案件较上年减少2起。",
           "行政诉讼案件同比增加3起。",
           "申请人第3件",
       }) {
    INFO(sentence);
    CHECK(narrative(with_preamble(ningxia(), sentence)).empty());
  }
}

TEST_CASE("a narrative number is not compared with a blank table cell", "[narrative]") {
  const std::string text = replace_once(
      with_preamble(ningxia(), "本年度共受理申请4448件。"),
      R"("received": {"natural_person": 4441, "commercial": 6, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": 4447})",
      R"("received": {"natural_person": 4441, "commercial": 6, "research": 0, "social_welfare": 0, "legal_services": 0, "other": 0, "total": null})");
  const LoadResult r = load_report(text, "t.json");
  REQUIRE(r.report.has_value());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "blank-cell");
  CHECK(check_report(*r.report, "t.json").empty());
}

TEST_CASE("规章 N 件 and 规范性文件 N 件 must match this year's count in table 二", "[narrative]") {
  // Both this-year columns of 规章 become 7; the text still says 地方规章6件.
  const std::string text =
      replace_once(ningxia(), R"("made": 6, "published": 6,)", R"("made": 7, "published": 7,)");
  check_findings(
      narrative(text),
      {{18, 166, "/overview/subsections/0/paragraphs/0", "7", "6",
        "正文说规章 6 件，但 二·规章·本年新制作数量 为 7，二·规章·本年新公开数量 为 7",
        "the text says 6 规章, but 二·规章·本年新制作数量 is 7, 二·规章·本年新公开数量 is 7"}});
  // One of the two columns agreeing is enough: the text may count either.
  CHECK(narrative(replace_once(ningxia(), R"("made": 6, "published": 6,)",
                               R"("made": 7, "published": 6,)"))
            .empty());
}

TEST_CASE("规范性文件 N 件 in force, repealed or interpreted is another count and stays silent",
          "[narrative]") {
  for (const char* sentence :
       {"现行有效规范性文件113件。", "清理规范性文件20件。", "解读规范性文件5件。",
        "规范性文件较上年增加3件。", "规章制度2件。"}) {
    INFO(sentence);
    CHECK(narrative(with_preamble(ningxia(), sentence)).empty());
  }
  check_findings(narrative(with_preamble(hongze(), "全年制发行政规范性文件4件。")),
                 {{8, 17, "/preamble/0", "3", "4",
                   "正文说规范性文件 4 件，但 二·行政规范性文件·本年制发件数 为 3",
                   "the text says 4 规范性文件, but 二·行政规范性文件·本年制发件数 is 3"},
                  {24, 119, "/overview/subsections/1/paragraphs/0", "95", "17",
                   "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）",
                   "the text says 17 applications, but table 三 一 总计 is 95 (一+二 is 95)"}});
}

TEST_CASE("a count in a parenthesis of 含 or 其中 is part of the count before it", "[narrative]") {
  const std::string base = ningxia_carried_over();
  for (std::string_view sentence : {
           "受理政府信息公开申请4450件（含上年度结转申请3件）。",
           "受理政府信息公开申请4447件(其中依申请公开10件)。",
           "受理申请（含上年结转3件）共4450件。",
           "受理申请4450件（包括上年结转的3件，已全部办结）。",
       }) {
    INFO(sentence);
    CHECK(narrative(with_preamble(base, sentence)).empty());
  }
  // The part is still held against its own cells when the text says what it is.
  check_findings(
      narrative(with_preamble(ningxia(), "受理申请4447件（含上年度结转申请34件）。")),
      {{8, 24, "/preamble/0", "0", "34", "正文说上年结转 34 件，但表三 二、上年结转 总计为 0",
        "the text says 34 carried over from last year, but table 三 二 总计 is 0"}});
  // A parenthesis that does not open with 含, 其中, 包括 or 包含 is no part of another count.
  check_findings(
      narrative(with_preamble(base, "全年（自然人申请4448件）。")),
      {{8, 14, "/preamble/0", "4447", "4448",
        "正文说申请 4448 件，但表三 一、本年新收 总计为 4447（一+二 为 4450）",
        "the text says 4448 applications, but table 三 一 总计 is 4447 (一+二 is 4450)"}});
}

TEST_CASE("上年结转 N 件 and 结转下年度 N 件 are held against table 三's 二 and 四 总计",
          "[narrative]") {
  const std::string base = ningxia_carried_over();  // 二 总计 3, 四 总计 3
  for (std::string_view sentence : {
           "上年结转申请3件。",
           "上年度结转的政府信息公开申请3件，均已办结。",
           "结转下年度继续办理3件。",
           "结转至下一年度办理的申请3件。",
           "上年结转申请较上年减少2件。",
           "结转下年度继续办理的申请中予以公开1件。",
           "上年结转的申请已全部办结，本年受理申请4447件。",
       }) {
    INFO(sentence);
    CHECK(narrative(with_preamble(base, sentence)).empty());
  }
  check_findings(
      narrative(with_preamble(base, "上年结转申请4件，结转下年度继续办理5件。")),
      {{8, 12, "/preamble/0", "3", "4", "正文说上年结转 4 件，但表三 二、上年结转 总计为 3",
        "the text says 4 carried over from last year, but table 三 二 总计 is 3"},
       {8, 24, "/preamble/0", "3", "5",
        "正文说结转下年度 5 件，但表三 四、结转下年度继续办理 总计为 3",
        "the text says 5 carried forward to next year, but table 三 四 总计 is 3"}});
  // Every occurrence, in the order of the text, whichever of the words introduces it.
  check_findings(
      narrative(with_preamble(base, "上年度结转申请5件；上年结转申请4件。")),
      {{8, 13, "/preamble/0", "3", "5", "正文说上年结转 5 件，但表三 二、上年结转 总计为 3",
        "the text says 5 carried over from last year, but table 三 二 总计 is 3"},
       {8, 22, "/preamble/0", "3", "4", "正文说上年结转 4 件，但表三 二、上年结转 总计为 3",
        "the text says 4 carried over from last year, but table 三 二 总计 is 3"}});
}

TEST_CASE("现行有效规章 N 件 and 现行有效规范性文件 N 件 are held against 现行有效件数",
          "[narrative]") {
  // hongze 2024 (2021 edition): 规章 现行有效 0, 行政规范性文件 现行有效 8, 本年制发 3.
  for (std::string_view sentence : {
           "现行有效行政规范性文件8件。",
           "现行有效规章0件、行政规范性文件8件。",
           "废止行政规范性文件2件，现行有效行政规范性文件8件。",
           "本年制发行政规范性文件3件，现行有效8件。",
       }) {
    INFO(sentence);
    const std::vector<Diagnostic> found = narrative(with_preamble(hongze(), sentence));
    REQUIRE(found.size() == 1);  // the example's own 受理申请17件
    CHECK(found[0].position.line == 24);
  }
  check_findings(
      narrative(with_preamble(hongze(), "现行有效行政规范性文件393件。")),
      {{8, 17, "/preamble/0", "8", "393",
        "正文说现行有效规范性文件 393 件，但 二·行政规范性文件·现行有效件数 为 8",
        "the text says 393 规范性文件 in force, but 二·行政规范性文件·现行有效件数 is 8"},
       {24, 119, "/overview/subsections/1/paragraphs/0", "95", "17",
        "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）",
        "the text says 17 applications, but table 三 一 总计 is 95 (一+二 is 95)"}});
  check_findings(
      narrative(with_preamble(hongze(), "现行有效规章2件。")),
      {{8, 12, "/preamble/0", "0", "2", "正文说现行有效规章 2 件，但 二·规章·现行有效件数 为 0",
        "the text says 2 规章 in force, but 二·规章·现行有效件数 is 0"},
       {24, 119, "/overview/subsections/1/paragraphs/0", "95", "17",
        "正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95）",
        "the text says 17 applications, but table 三 一 总计 is 95 (一+二 is 95)"}});
}
