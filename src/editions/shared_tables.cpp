#include "editions/shared_tables.hpp"

#include <fmt/format.h>

#include <utility>

namespace govreport::detail {

std::vector<Section> standard_sections() {
  return {
      {"一", "总体情况", "Overview", "overview"},
      {"二", "主动公开政府信息情况", "Proactive disclosure", "proactive"},
      {"三", "收到和处理政府信息公开申请情况", "Applications received and handled", "applications"},
      {"四", "政府信息公开行政复议、行政诉讼情况", "Administrative reviews and lawsuits",
       "reviews"},
      {"五", "存在的主要问题及改进情况", "Main problems and improvements", "problems"},
      {"六", "其他需要报告的事项", "Other matters", "other_matters"},
  };
}

std::vector<NarrativePart> standard_narrative() {
  return {
      {"preamble", "", "开头说明", "The opening statement"},
      // 国办公开办函〔2021〕30号: the overview "主要包括主动公开、依申请公开、政府信息管理、
      // 政府信息公开平台建设、监督保障".
      {"overview",
       "一",
       {},
       {},
       true,
       {"主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"}},
      {"problems", "五"},
      {"other_matters", "六"},
  };
}

YearRule carry_over_rule() {
  return {
      .rule = "carry-over",
      .table = "applications",
      .rows = {"carried_over"},
      .column = {},
      .terms = {{YearOf::Earlier, "carried_forward"}},
      .message_zh =
          "{cell} 填报 {actual}，但 {year} 年报告（{file}）的 四、结转下年度继续办理·"
          "{column} 为 {expected}（差 {diff}）",
      .message_en =
          "{cell} is {actual}, but the {year} report ({file}) carried forward "
          "{expected} in 四·{column} (diff {diff})",
  };
}

YearRule copied_narrative_rule() {
  // 0.9: the real 洪泽区 reports of 2023 and 2024, which share two of their three measures word
  // for word, are 0.58 alike; a section copied with a word or two changed is 0.96, one with one
  // of three measures rewritten 0.88 (docs/rules.md).
  return {
      .rule = "copied-narrative",
      .table = {},
      .rows = {},
      .column = {},
      .terms = {},
      .message_zh = "{section} 与 {year} 年报告（{file}）的几乎相同（相似度 {similarity}%）",
      .message_en =
          "{section} is nearly the same as in the {year} report ({file}) "
          "({similarity}% alike)",
      .part = "problems",
      .similar = 0.9,
      .min_chars = 30,
  };
}

NarrativeCells narrative_cells(std::vector<NarrativeCells::Documents> documents) {
  return {
      .received = {"/applications/received/total"},
      .received_name = {"表三 一、本年新收 总计", "table 三 一 总计"},
      .carried_over = {"/applications/carried_over/total"},
      .both_name = {"一+二", "一+二"},
      .reviews = {"/reviews/review/total"},
      .reviews_name = {"表四 总计", "table 四 总计"},
      .lawsuits = {"/reviews/litigation_direct/total", "/reviews/litigation_after_review/total"},
      .lawsuits_name = {"表四 行政诉讼总计", "table 四"},
      .reviews_corrected = {"/reviews/review/corrected"},
      .lawsuits_corrected = {"/reviews/litigation_direct/corrected",
                             "/reviews/litigation_after_review/corrected"},
      .corrected_name = {"表四 结果纠正", "table 四 结果纠正"},
      .reviews_pending = {"/reviews/review/pending"},
      .lawsuits_pending = {"/reviews/litigation_direct/pending",
                           "/reviews/litigation_after_review/pending"},
      .pending_name = {"表四 尚未审结", "table 四 尚未审结"},
      .documents = std::move(documents),
      .in_force_words = {"现行有效"},
      .counts =
          {
              {.words = {"上年结转", "上年度结转", "上一年度结转", "上年末结转"},
               .cells = {"/applications/carried_over/total"},
               .said = {"上年结转", "carried over from last year"},
               .name = {"表三 二、上年结转 总计", "table 三 二 总计"}},
              {.words = {"结转下年", "结转至下年", "结转到下年", "结转下一年", "结转至下一年",
                         "结转到下一年", "转入下年"},
               .cells = {"/applications/carried_forward/total"},
               .said = {"结转下年度", "carried forward to next year"},
               .name = {"表三 四、结转下年度继续办理 总计", "table 三 四 总计"}},
          },
  };
}

StatsCells stats_cells() {
  return {
      .received = {"/applications/received/total"},
      .disclosed = {"/applications/results/granted/total",
                    "/applications/results/partially_granted/total"},
      .withheld = {"/applications/results/withheld/state_secret/total",
                   "/applications/results/withheld/prohibited_by_law/total",
                   "/applications/results/withheld/security_stability/total",
                   "/applications/results/withheld/third_party/total",
                   "/applications/results/withheld/internal_affairs/total",
                   "/applications/results/withheld/process_info/total",
                   "/applications/results/withheld/enforcement_files/total",
                   "/applications/results/withheld/inquiry/total"},
      .handled = {"/applications/results/total/total"},
      .carried_forward = {"/applications/carried_forward/total"},
      .reviews = {"/reviews/review/total"},
      .reviews_corrected = {"/reviews/review/corrected"},
      .lawsuits = {"/reviews/litigation_direct/total", "/reviews/litigation_after_review/total"},
      .lawsuits_corrected = {"/reviews/litigation_direct/corrected",
                             "/reviews/litigation_after_review/corrected"},
  };
}

Table applications_table(std::vector<Row> other_rows) {
  constexpr auto G = RowRole::Group;
  std::vector<Row> rows = {
      {"received", "一、", "本年新收政府信息公开申请数量", "New applications this year", 0},
      {"carried_over", "二、", "上年结转政府信息公开申请数量",
       "Applications carried over from last year", 0},
      {"results", "三、", "本年度办理结果", "Results this year", 0, G},
      {"granted", "（一）", "予以公开", "Disclosed", 1},
      {"partially_granted", "（二）", "部分公开（区分处理的，只计这一情形，不计其他情形）",
       "Partly disclosed (counted only here)", 1},
      {"withheld", "（三）", "不予公开", "Not disclosed", 1, G},
      {"state_secret", "1.", "属于国家秘密", "State secret", 2},
      {"prohibited_by_law", "2.", "其他法律行政法规禁止公开",
       "Disclosure prohibited by other laws and regulations", 2},
      {"security_stability", "3.", "危及“三安全一稳定”",
       "Would endanger national, public, economic security or social stability", 2},
      {"third_party", "4.", "保护第三方合法权益", "Protects a third party's lawful rights", 2},
      {"internal_affairs", "5.", "属于三类内部事务信息", "Internal affairs information", 2},
      {"process_info", "6.", "属于四类过程性信息", "Process information", 2},
      {"enforcement_files", "7.", "属于行政执法案卷", "Administrative enforcement files", 2},
      {"inquiry", "8.", "属于行政查询事项", "Administrative inquiry matters", 2},
      {"unable", "（四）", "无法提供", "Cannot be provided", 1, G},
      {"not_held", "1.", "本机关不掌握相关政府信息", "Not held by this agency", 2},
      {"needs_creation", "2.", "没有现成信息需要另行制作", "Would have to be created", 2},
      {"unclear", "3.", "补正后申请内容仍不明确", "Still unclear after correction", 2},
      {"not_processed", "（五）", "不予处理", "Not processed", 1, G},
      {"complaint", "1.", "信访举报投诉类申请", "Petitions, reports and complaints", 2},
      {"repeated", "2.", "重复申请", "Repeated applications", 2},
      {"publication", "3.", "要求提供公开出版物", "Requests for published materials", 2},
      {"excessive", "4.", "无正当理由大量反复申请",
       "Numerous repeated applications without good reason", 2},
      {"confirmation", "5.", "要求行政机关确认或重新出具已获取信息",
       "Requests to confirm or reissue information already obtained", 2},
  };
  for (auto& row : other_rows) rows.push_back(std::move(row));
  rows.push_back({"total", "（七）", "总计", "Total", 1, RowRole::Total});
  rows.push_back(
      {"carried_forward", "四、", "结转下年度继续办理", "Carried forward to next year", 0});

  const std::string_view legal = "法人或其他组织";
  const std::string_view legal_en = "Legal persons or other organisations";
  return Table{
      .id = "applications",
      .section = "三",
      .json_key = "applications",
      .caption = {},
      .row_head = "申请人情况",
      .note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      .layout = TableLayout::Nested,
      .rows = std::move(rows),
      .columns =
          {
              {"natural_person", "自然人", "Natural persons"},
              {"commercial", "商业企业", "Businesses", CellKind::Count, legal, legal_en},
              {"research", "科研机构", "Research institutions", CellKind::Count, legal, legal_en},
              {"social_welfare", "社会公益组织", "Public-welfare organisations", CellKind::Count,
               legal, legal_en},
              {"legal_services", "法律服务机构", "Legal service providers", CellKind::Count, legal,
               legal_en},
              {"other", "其他", "Other organisations", CellKind::Count, legal, legal_en},
              {"total", "总计", "Total"},
          },
      .total_column = "total",
      .total_rule = "row-total",
      .total_row_rule = "results-total",
      .nonnegative_sum = {},
      .not_applicable = false,
  };
}

Table reviews_table() {
  const std::string_view lit = "行政诉讼";
  const std::string_view lit_en = "Lawsuits";
  return Table{
      .id = "reviews",
      .section = "四",
      .json_key = "reviews",
      .caption = {},
      .row_head = {},
      .note = {},
      .layout = TableLayout::Transposed,
      .rows =
          {
              {"review", "", "行政复议", "Administrative review", 0},
              {"litigation_direct", "", "未经复议直接起诉", "Sued directly", 0, RowRole::Data, lit,
               lit_en},
              {"litigation_after_review", "", "复议后起诉", "Sued after review", 0, RowRole::Data,
               lit, lit_en},
          },
      .columns =
          {
              {"upheld", "结果维持", "Upheld"},
              {"corrected", "结果纠正", "Corrected"},
              {"other", "其他结果", "Other result"},
              {"pending", "尚未审结", "Pending"},
              {"total", "总计", "Total"},
          },
      .total_column = "total",
      .total_rule = "review-total",
      .total_row_rule = {},
      .nonnegative_sum = {},
      .not_applicable = false,
  };
}

Equation balance_equation() {
  return {"balance",
          "applications",
          {"received", "carried_over"},
          {"results.total", "carried_forward"}};
}

namespace {

std::string row_display_name(const Table& table, int index) {
  const Row& row = table.rows[static_cast<std::size_t>(index)];
  std::string chain;
  // The ancestors' numbering makes sub-rows unambiguous ("（三）1.属于国家秘密"); the top-level
  // group "三、本年度办理结果" is left out, as the numbering below it is already unique.
  std::vector<const Row*> ancestors;
  for (int p = row.parent; p >= 0; p = table.rows[static_cast<std::size_t>(p)].parent) {
    if (table.rows[static_cast<std::size_t>(p)].depth > 0)
      ancestors.insert(ancestors.begin(), &table.rows[static_cast<std::size_t>(p)]);
  }
  for (const Row* a : ancestors) chain += a->numbering;
  if (!row.head_zh.empty()) chain += std::string(row.head_zh) + "·";
  chain += std::string(row.numbering) + std::string(row.zh);
  std::string name(table.section);
  if (!chain.starts_with("（")) name += "·";
  return name + chain;
}

}  // namespace

Edition finish_edition(Edition edition) {
  for (NarrativePart& part : edition.narrative) {
    part.heading_zh = std::string(part.zh);
    part.heading_en = std::string(part.en);
    if (part.section.empty()) continue;
    const Section& s = edition.section(part.section);
    part.heading_zh = fmt::format("{}、{}", s.numeral, s.zh);
    part.heading_en = fmt::format("Section {}、{}", s.numeral, s.zh);
  }
  int next_cell = 0;
  for (std::size_t t = 0; t < edition.tables.size(); ++t) {
    Table& table = edition.tables[t];
    table.first_cell = next_cell;
    std::vector<int> open;  // group rows enclosing the current row, by depth
    int data = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      Row& row = table.rows[r];
      open.resize(static_cast<std::size_t>(row.depth));
      row.parent = open.empty() ? -1 : open.back();
      row.path = row.parent < 0 ? std::string(row.key)
                                : table.rows[static_cast<std::size_t>(row.parent)].path + "." +
                                      std::string(row.key);
      if (row.role == RowRole::Group) {
        open.push_back(static_cast<int>(r));
      } else {
        row.data_index = data++;
      }
    }
    table.data_rows = data;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const Row& row = table.rows[r];
      if (row.role == RowRole::Group) continue;
      std::string row_pointer = "/" + std::string(table.json_key);
      for (std::size_t i = 0, j; i <= row.path.size(); i = j + 1) {
        j = row.path.find('.', i);
        if (j == std::string::npos) j = row.path.size();
        row_pointer += "/" + row.path.substr(i, j - i);
      }
      const std::string row_name = row_display_name(table, static_cast<int>(r));
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const Column& col = table.columns[c];
        edition.cells.push_back(CellDef{
            .table = static_cast<int>(t),
            .row = static_cast<int>(r),
            .column = static_cast<int>(c),
            .pointer = row_pointer + "/" + std::string(col.key),
            .name_zh = row_name + "·" + std::string(col.zh),
            .optional = row.role == RowRole::Total || col.key == table.total_column,
        });
      }
    }
    next_cell = static_cast<int>(edition.cells.size());
  }
  for (std::size_t i = 0; i < edition.cells.size(); ++i)
    edition.cell_by_pointer.emplace(edition.cells[i].pointer, static_cast<int>(i));
  return edition;
}

}  // namespace govreport::detail
