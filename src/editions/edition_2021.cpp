// The 2021 edition (国办公开办函〔2021〕30号): reports for 2021 onward.

#include "editions/shared_tables.hpp"

namespace govreport::detail {

const Edition& edition_2021() {
  // Never destroyed: it lives as long as the program, and freeing it at exit is work for nothing.
  static const Edition& edition = *new Edition([] {
    const Column decisions = {"decisions", "本年处理决定数量", "Decisions this year"};
    Edition e{
        .id = "2021",
        .document = "国办公开办函〔2021〕30号",
        .first_year = 2021,
        .last_year = 0,
        .sections = standard_sections(),
        .narrative = standard_narrative(),
        .tables = {},
        .equations = {balance_equation()},
        .year_rules =
            {
                carry_over_rule(),
                copied_narrative_rule(),
                // 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y).
                {
                    .rule = "in-force",
                    .table = "proactive.1",
                    .rows = {"regulations", "normative_documents"},
                    .column = "in_force",
                    .terms = {{YearOf::Earlier, {}, "in_force"},
                              {YearOf::Later, {}, "issued"},
                              {YearOf::Later, {}, "repealed", -1}},
                    .message_zh = "{cell} 填报 {actual}，但 {year} 年报告（{file}）现行有效 {t0} "
                                  "加本年制发 {t1} 减本年废止 {t2} 为 {expected}（差 {diff}）",
                    .message_en = "{cell} is {actual}, but {t0} in force in the {year} report "
                                  "({file}) + {t1} issued − {t2} repealed is {expected} (diff "
                                  "{diff})",
                },
            },
        .narrative_cells = narrative_cells(
            {{"规范性文件",
              {"/proactive/normative_documents/issued"},
              {"/proactive/normative_documents/in_force"}},
             {"规章", {"/proactive/regulations/issued"}, {"/proactive/regulations/in_force"}}}),
        .stats_cells = stats_cells(),
    };
    e.tables.push_back({
        .id = "proactive.1",
        .section = "二",
        .json_key = "proactive",
        .caption = "第二十条第（一）项",
        .row_head = "信息内容",
        .layout = TableLayout::Captioned,
        .rows = {{"regulations", "", "规章", "Rules"},
                 {"normative_documents", "", "行政规范性文件",
                  "Administrative normative documents"}},
        .columns = {{"issued", "本年制发件数", "Issued this year"},
                    {"repealed", "本年废止件数", "Repealed this year"},
                    {"in_force", "现行有效件数", "In force"}},
    });
    e.tables.push_back({
        .id = "proactive.5",
        .section = "二",
        .json_key = "proactive",
        .caption = "第二十条第（五）项",
        .row_head = "信息内容",
        .layout = TableLayout::Captioned,
        .rows = {{"licensing", "", "行政许可", "Administrative licensing"}},
        .columns = {decisions},
    });
    e.tables.push_back({
        .id = "proactive.6",
        .section = "二",
        .json_key = "proactive",
        .caption = "第二十条第（六）项",
        .row_head = "信息内容",
        .layout = TableLayout::Captioned,
        .rows = {{"punishment", "", "行政处罚", "Administrative penalties"},
                 {"coercion", "", "行政强制", "Administrative coercion"}},
        .columns = {decisions},
    });
    e.tables.push_back({
        .id = "proactive.8",
        .section = "二",
        .json_key = "proactive",
        .caption = "第二十条第（八）项",
        .row_head = "信息内容",
        .layout = TableLayout::Captioned,
        .rows = {{"fees", "", "行政事业性收费", "Administrative fees"}},
        .columns = {{"amount", "本年收费金额（单位：万元）", "Fees this year (10,000 yuan)",
                     CellKind::Amount}},
    });
    e.tables.push_back(applications_table({
        {"other", "（六）", "其他处理", "Otherwise handled", 1, RowRole::Group},
        {"overdue_correction", "1.",
         "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
         "Applicant did not correct in time without good reason", 2},
        {"unpaid_fee", "2.",
         "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
         "Applicant did not pay the fee in time", 2},
        {"other", "3.", "其他", "Other", 2},
    }));
    e.tables.push_back(reviews_table());
    return finish_edition(std::move(e));
  }());
  return edition;
}

}  // namespace govreport::detail
