// The declared editions against the official format (shared/spec/formats.md §2–§4).

#include "govreport/edition.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

using namespace govreport;

namespace {

const Edition& e2019() { return *edition_by_id("2019"); }
const Edition& e2021() { return *edition_by_id("2021"); }

const Table& table_of(const Edition& edition, std::string_view id) {
  const Table* table = edition.table(id);
  REQUIRE(table != nullptr);
  return *table;
}

std::vector<std::string> row_labels(const Table& table) {
  std::vector<std::string> labels;
  for (const Row& row : table.rows)
    labels.push_back(std::string(row.numbering) + std::string(row.zh));
  return labels;
}

std::vector<std::string> column_labels(const Table& table) {
  std::vector<std::string> labels;
  for (const Column& column : table.columns) labels.push_back(std::string(column.zh));
  return labels;
}

std::vector<std::string> column_keys(const Table& table) {
  std::vector<std::string> keys;
  for (const Column& column : table.columns) keys.push_back(std::string(column.key));
  return keys;
}

const CellDef& cell_at(const Edition& edition, std::string_view pointer) {
  const int index = edition.cell_index(pointer);
  REQUIRE(index >= 0);
  return edition.cells[static_cast<std::size_t>(index)];
}

// Table 三 as printed in both editions up to （五）5 (formats.md §2.4).
const std::vector<std::string> kApplicationsHead = {
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
};

std::vector<std::string> concat(std::vector<std::string> head,
                                const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

}  // namespace

TEST_CASE("edition_for_year picks the edition that governs each report year", "[edition]") {
  CHECK(edition_for_year(2018) == nullptr);
  CHECK(edition_for_year(1999) == nullptr);
  CHECK(edition_for_year(0) == nullptr);
  REQUIRE(edition_for_year(2019) != nullptr);
  CHECK(edition_for_year(2019)->id == "2019");
  CHECK(edition_for_year(2020)->id == "2019");
  REQUIRE(edition_for_year(2021) != nullptr);
  CHECK(edition_for_year(2021)->id == "2021");
  CHECK(edition_for_year(2024)->id == "2021");
  CHECK(edition_for_year(2030)->id == "2021");
  CHECK(kFirstYear == 2019);
}

TEST_CASE("editions are listed oldest first and found by id", "[edition]") {
  const auto all = editions();
  REQUIRE(all.size() == 2);
  CHECK(all[0]->id == "2019");
  CHECK(all[1]->id == "2021");
  CHECK(edition_by_id("2019") == all[0]);
  CHECK(edition_by_id("2021") == all[1]);
  CHECK(edition_by_id("2020") == nullptr);
  CHECK(edition_by_id("") == nullptr);
  CHECK(e2019().document == "国办公开办函〔2019〕60号");
  CHECK(e2021().document == "国办公开办函〔2021〕30号");
  CHECK(e2019().first_year == 2019);
  CHECK(e2019().last_year == 2020);
  CHECK(e2021().first_year == 2021);
  CHECK(e2021().last_year == 0);
}

TEST_CASE("both editions have the six official section headings in order", "[edition]") {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"一", "总体情况"},
      {"二", "主动公开政府信息情况"},
      {"三", "收到和处理政府信息公开申请情况"},
      {"四", "政府信息公开行政复议、行政诉讼情况"},
      {"五", "存在的主要问题及改进情况"},
      {"六", "其他需要报告的事项"},
  };
  const std::vector<std::string> keys = {"overview", "proactive", "applications",
                                         "reviews",  "problems",  "other_matters"};
  for (const Edition* edition : editions()) {
    INFO("edition " << edition->id);
    REQUIRE(edition->sections.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) {
      CHECK(edition->sections[i].numeral == expected[i].first);
      CHECK(edition->sections[i].zh == expected[i].second);
      CHECK(edition->sections[i].json_key == keys[i]);
    }
    CHECK(edition->section("四").zh == "政府信息公开行政复议、行政诉讼情况");
  }
}

TEST_CASE("the 2019 edition declares the five sub-tables of section 二 exactly", "[edition]") {
  const Edition& e = e2019();
  std::vector<std::string> ids;
  for (const Table& t : e.tables) ids.push_back(std::string(t.id));
  CHECK(ids == std::vector<std::string>{"proactive.1", "proactive.5", "proactive.6", "proactive.8",
                                        "proactive.9", "applications", "reviews"});

  const Table& t1 = table_of(e, "proactive.1");
  CHECK(t1.section == "二");
  CHECK(t1.caption == "第二十条第（一）项");
  CHECK(t1.row_head == "信息内容");
  CHECK(row_labels(t1) == std::vector<std::string>{"规章", "规范性文件"});
  CHECK(column_labels(t1) ==
        std::vector<std::string>{"本年新制作数量", "本年新公开数量", "对外公开总数量"});
  CHECK(column_keys(t1) == std::vector<std::string>{"made", "published", "total"});

  const Table& t5 = table_of(e, "proactive.5");
  CHECK(t5.caption == "第二十条第（五）项");
  CHECK(row_labels(t5) == std::vector<std::string>{"行政许可", "其他对外管理服务事项"});
  CHECK(column_labels(t5) ==
        std::vector<std::string>{"上一年项目数量", "本年增/减", "处理决定数量"});
  CHECK(t5.columns[1].kind == CellKind::SignedCount);
  CHECK(t5.columns[0].kind == CellKind::Count);

  const Table& t6 = table_of(e, "proactive.6");
  CHECK(t6.caption == "第二十条第（六）项");
  CHECK(row_labels(t6) == std::vector<std::string>{"行政处罚", "行政强制"});
  CHECK(column_labels(t6) ==
        std::vector<std::string>{"上一年项目数量", "本年增/减", "处理决定数量"});

  const Table& t8 = table_of(e, "proactive.8");
  CHECK(t8.caption == "第二十条第（八）项");
  CHECK(row_labels(t8) == std::vector<std::string>{"行政事业性收费"});
  CHECK(column_labels(t8) == std::vector<std::string>{"上一年项目数量", "本年增/减"});

  const Table& t9 = table_of(e, "proactive.9");
  CHECK(t9.caption == "第二十条第（九）项");
  CHECK(row_labels(t9) == std::vector<std::string>{"政府集中采购"});
  CHECK(column_labels(t9) == std::vector<std::string>{"采购项目数量", "采购总金额"});
  CHECK(t9.columns[0].kind == CellKind::Count);
  CHECK(t9.columns[1].kind == CellKind::Amount);
}

TEST_CASE("the 2021 edition declares the four sub-tables of section 二 with the 2021 labels",
          "[edition]") {
  const Edition& e = e2021();
  std::vector<std::string> ids;
  for (const Table& t : e.tables) ids.push_back(std::string(t.id));
  CHECK(ids == std::vector<std::string>{"proactive.1", "proactive.5", "proactive.6", "proactive.8",
                                        "applications", "reviews"});
  CHECK(e.table("proactive.9") == nullptr);

  const Table& t1 = table_of(e, "proactive.1");
  CHECK(t1.caption == "第二十条第（一）项");
  CHECK(row_labels(t1) == std::vector<std::string>{"规章", "行政规范性文件"});
  CHECK(column_labels(t1) ==
        std::vector<std::string>{"本年制发件数", "本年废止件数", "现行有效件数"});
  CHECK(column_keys(t1) == std::vector<std::string>{"issued", "repealed", "in_force"});

  const Table& t5 = table_of(e, "proactive.5");
  CHECK(row_labels(t5) == std::vector<std::string>{"行政许可"});
  CHECK(column_labels(t5) == std::vector<std::string>{"本年处理决定数量"});

  const Table& t6 = table_of(e, "proactive.6");
  CHECK(row_labels(t6) == std::vector<std::string>{"行政处罚", "行政强制"});
  CHECK(column_labels(t6) == std::vector<std::string>{"本年处理决定数量"});

  const Table& t8 = table_of(e, "proactive.8");
  CHECK(row_labels(t8) == std::vector<std::string>{"行政事业性收费"});
  CHECK(column_labels(t8) == std::vector<std::string>{"本年收费金额（单位：万元）"});
  REQUIRE(t8.columns.size() == 1);
  CHECK(t8.columns[0].kind == CellKind::Amount);
  CHECK(t8.columns[0].key == "amount");
}

TEST_CASE("table 三 has 23 numeric rows in 2019 and 25 in 2021, each with 7 columns", "[edition]") {
  const Table& t2019 = table_of(e2019(), "applications");
  const Table& t2021 = table_of(e2021(), "applications");
  CHECK(t2019.data_rows == 23);
  CHECK(t2021.data_rows == 25);
  CHECK(t2019.rows.size() == 27);  // plus the group rows 三、（三）（四）（五）
  CHECK(t2021.rows.size() == 30);  // and （六）
  for (const Table* t : {&t2019, &t2021}) {
    CHECK(t->section == "三");
    CHECK(t->row_head == "申请人情况");
    CHECK(t->note == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    CHECK(column_labels(*t) == std::vector<std::string>{"自然人", "商业企业", "科研机构",
                                                        "社会公益组织", "法律服务机构", "其他",
                                                        "总计"});
    CHECK(column_keys(*t) == std::vector<std::string>{"natural_person", "commercial", "research",
                                                      "social_welfare", "legal_services", "other",
                                                      "total"});
    CHECK(t->columns[0].group_zh.empty());
    for (std::size_t c = 1; c <= 5; ++c) CHECK(t->columns[c].group_zh == "法人或其他组织");
    CHECK(t->columns[6].group_zh.empty());
    CHECK(t->total_column == "total");
    CHECK(t->total_rule == "row-total");
    CHECK(t->total_row_rule == "results-total");
  }
}

TEST_CASE("table 三 of 2019 has one （六）其他处理 row with the official labels", "[edition]") {
  const Table& t = table_of(e2019(), "applications");
  CHECK(row_labels(t) ==
        concat(kApplicationsHead, {"（六）其他处理", "（七）总计", "四、结转下年度继续办理"}));
  const int other = t.row_index("results.other");
  REQUIRE(other >= 0);
  CHECK(t.rows[static_cast<std::size_t>(other)].role == RowRole::Data);
  CHECK(t.rows[static_cast<std::size_t>(other)].depth == 1);
}

TEST_CASE("table 三 of 2021 splits （六）其他处理 into the three official rows", "[edition]") {
  const Table& t = table_of(e2021(), "applications");
  CHECK(
      row_labels(t) ==
      concat(kApplicationsHead,
             {"（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
              "（七）总计", "四、结转下年度继续办理"}));
  const int group = t.row_index("results.other");
  REQUIRE(group >= 0);
  CHECK(t.rows[static_cast<std::size_t>(group)].role == RowRole::Group);
  CHECK(t.rows[static_cast<std::size_t>(group)].data_index == -1);
  for (std::string_view path :
       {"results.other.overdue_correction", "results.other.unpaid_fee", "results.other.other"}) {
    INFO(path);
    const int r = t.row_index(path);
    REQUIRE(r >= 0);
    CHECK(t.rows[static_cast<std::size_t>(r)].role == RowRole::Data);
    CHECK(t.rows[static_cast<std::size_t>(r)].depth == 2);
    CHECK(t.rows[static_cast<std::size_t>(r)].parent == group);
  }
}

TEST_CASE("table 三 marks 三、（三）（四）（五） as groups without values and （七） as the total",
          "[edition]") {
  for (const Edition* e : editions()) {
    INFO("edition " << e->id);
    const Table& t = table_of(*e, "applications");
    for (std::string_view path :
         {"results", "results.withheld", "results.unable", "results.not_processed"}) {
      INFO(path);
      const int r = t.row_index(path);
      REQUIRE(r >= 0);
      CHECK(t.rows[static_cast<std::size_t>(r)].role == RowRole::Group);
    }
    const int total = t.row_index("results.total");
    REQUIRE(total >= 0);
    CHECK(t.rows[static_cast<std::size_t>(total)].role == RowRole::Total);
    CHECK(t.rows[static_cast<std::size_t>(total)].parent == t.row_index("results"));
    CHECK(t.row_index("results.withheld.inquiry") >= 0);
    CHECK(t.rows[static_cast<std::size_t>(t.row_index("results.withheld.inquiry"))].parent ==
          t.row_index("results.withheld"));
    CHECK(t.row_index("received") == 0);
    CHECK(t.row_index("carried_forward") == static_cast<int>(t.rows.size()) - 1);
    CHECK(t.row_index("nonexistent") == -1);
  }
}

TEST_CASE("table 四 has three blocks of five columns in both editions", "[edition]") {
  for (const Edition* e : editions()) {
    INFO("edition " << e->id);
    const Table& t = table_of(*e, "reviews");
    CHECK(t.section == "四");
    CHECK(t.data_rows == 3);
    CHECK(row_labels(t) == std::vector<std::string>{"行政复议", "未经复议直接起诉", "复议后起诉"});
    CHECK(t.rows[0].head_zh.empty());
    CHECK(t.rows[1].head_zh == "行政诉讼");
    CHECK(t.rows[2].head_zh == "行政诉讼");
    CHECK(column_labels(t) ==
          std::vector<std::string>{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"});
    CHECK(column_keys(t) ==
          std::vector<std::string>{"upheld", "corrected", "other", "pending", "total"});
    CHECK(t.total_column == "total");
    CHECK(t.total_rule == "review-total");
    CHECK(t.total_row_rule.empty());
  }
}

TEST_CASE("each edition declares the 勾稽 identity 一 + 二 = 三（七） + 四 as the balance rule",
          "[edition]") {
  for (const Edition* e : editions()) {
    INFO("edition " << e->id);
    REQUIRE(e->equations.size() == 1);
    const Equation& eq = e->equations[0];
    CHECK(eq.rule == "balance");
    CHECK(eq.table == "applications");
    CHECK(eq.lhs == std::vector<std::string_view>{"received", "carried_over"});
    CHECK(eq.rhs == std::vector<std::string_view>{"results.total", "carried_forward"});
  }
}

TEST_CASE("the 2019 item tables are checked by item-count, the 2021 ones are not", "[edition]") {
  const std::vector<std::string_view> both = {"previous", "change"};
  CHECK(table_of(e2019(), "proactive.5").nonnegative_sum == both);
  CHECK(table_of(e2019(), "proactive.6").nonnegative_sum == both);
  CHECK(table_of(e2019(), "proactive.8").nonnegative_sum == both);
  CHECK(table_of(e2019(), "proactive.1").nonnegative_sum.empty());
  for (const Table& t : e2021().tables) {
    INFO(t.id);
    CHECK(t.nonnegative_sum.empty());
  }
}

TEST_CASE("every cell of an edition is counted once, in table order", "[edition]") {
  // 2019: 二 6+6+6+2+2, 三 23×7, 四 3×5; 2021: 二 6+1+2+1, 三 25×7, 四 3×5.
  CHECK(e2019().cells.size() == 22 + 161 + 15);
  CHECK(e2021().cells.size() == 10 + 175 + 15);
  for (const Edition* e : editions()) {
    INFO("edition " << e->id);
    int next = 0;
    for (std::size_t t = 0; t < e->tables.size(); ++t) {
      const Table& table = e->tables[t];
      CHECK(table.first_cell == next);
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (table.rows[r].role == RowRole::Group) continue;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
          const int index = table.cell(static_cast<int>(r), static_cast<int>(c));
          REQUIRE(index >= 0);
          REQUIRE(static_cast<std::size_t>(index) < e->cells.size());
          const CellDef& def = e->cells[static_cast<std::size_t>(index)];
          CHECK(def.table == static_cast<int>(t));
          CHECK(def.row == static_cast<int>(r));
          CHECK(def.column == static_cast<int>(c));
          CHECK(e->cell_index(def.pointer) == index);
        }
      }
      next += table.data_rows * static_cast<int>(table.columns.size());
    }
    CHECK(next == static_cast<int>(e->cells.size()));
    CHECK(e->cell_index("/applications/results/withheld") == -1);
    CHECK(e->cell_index("") == -1);
  }
}

TEST_CASE("cells have JSON Pointers and display names after the printed table", "[edition]") {
  for (const Edition* e : editions()) {
    INFO("edition " << e->id);
    CHECK(cell_at(*e, "/applications/results/total/natural_person").name_zh ==
          "三（七）总计·自然人");
    CHECK(cell_at(*e, "/applications/results/total/total").name_zh == "三（七）总计·总计");
    CHECK(cell_at(*e, "/applications/received/total").name_zh ==
          "三·一、本年新收政府信息公开申请数量·总计");
    CHECK(cell_at(*e, "/applications/carried_over/commercial").name_zh ==
          "三·二、上年结转政府信息公开申请数量·商业企业");
    CHECK(cell_at(*e, "/applications/results/granted/natural_person").name_zh ==
          "三（一）予以公开·自然人");
    CHECK(cell_at(*e, "/applications/results/withheld/state_secret/research").name_zh ==
          "三（三）1.属于国家秘密·科研机构");
    CHECK(cell_at(*e, "/applications/results/unable/unclear/legal_services").name_zh ==
          "三（四）3.补正后申请内容仍不明确·法律服务机构");
    CHECK(cell_at(*e, "/applications/results/not_processed/confirmation/other").name_zh ==
          "三（五）5.要求行政机关确认或重新出具已获取信息·其他");
    CHECK(cell_at(*e, "/applications/carried_forward/social_welfare").name_zh ==
          "三·四、结转下年度继续办理·社会公益组织");
    CHECK(cell_at(*e, "/reviews/review/total").name_zh == "四·行政复议·总计");
    CHECK(cell_at(*e, "/reviews/litigation_direct/upheld").name_zh ==
          "四·行政诉讼·未经复议直接起诉·结果维持");
    CHECK(cell_at(*e, "/reviews/litigation_after_review/pending").name_zh ==
          "四·行政诉讼·复议后起诉·尚未审结");
    CHECK(cell_at(*e, "/proactive/regulations/" + std::string(e->id == "2019" ? "made" : "issued"))
              .name_zh == (e->id == "2019" ? "二·规章·本年新制作数量" : "二·规章·本年制发件数"));
  }
  CHECK(cell_at(e2019(), "/applications/results/other/total").name_zh == "三（六）其他处理·总计");
  CHECK(cell_at(e2019(), "/proactive/normative_documents/total").name_zh ==
        "二·规范性文件·对外公开总数量");
  CHECK(cell_at(e2019(), "/proactive/other_services/change").name_zh ==
        "二·其他对外管理服务事项·本年增/减");
  CHECK(cell_at(e2019(), "/proactive/procurement/amount").name_zh == "二·政府集中采购·采购总金额");
  CHECK(cell_at(e2021(), "/proactive/normative_documents/in_force").name_zh ==
        "二·行政规范性文件·现行有效件数");
  CHECK(cell_at(e2021(), "/proactive/fees/amount").name_zh ==
        "二·行政事业性收费·本年收费金额（单位：万元）");
  CHECK(cell_at(e2021(), "/applications/results/other/other/natural_person").name_zh ==
        "三（六）3.其他·自然人");
  CHECK(cell_at(e2021(), "/applications/results/other/unpaid_fee/total").name_zh ==
        "三（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请·总计");
  // The cells that exist in one edition only.
  CHECK(e2021().cell_index("/applications/results/other/total") == -1);
  CHECK(e2019().cell_index("/applications/results/other/other/total") == -1);
  CHECK(e2021().cell_index("/proactive/procurement/amount") == -1);
  CHECK(e2021().cell_index("/proactive/regulations/made") == -1);
  CHECK(e2019().cell_index("/proactive/fees/amount") == -1);
}

TEST_CASE("only the 总计 column and the （七）总计 row are optional, computed when omitted",
          "[edition]") {
  for (const Edition* e : editions()) {
    INFO("edition " << e->id);
    for (const CellDef& def : e->cells) {
      INFO(def.pointer);
      const bool total = def.pointer.ends_with("/total") ||
                         def.pointer.starts_with("/applications/results/total/");
      const bool proactive = def.pointer.starts_with("/proactive/");
      CHECK(def.optional == (total && !proactive));
    }
  }
}
