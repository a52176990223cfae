// The 2019 edition (国办公开办函〔2019〕60号, 试行): reports for 2019 and 2020.

#include "editions/shared_tables.hpp"

namespace govreport::detail {

const Edition& edition_2019() {
  // Never destroyed: it lives as long as the program, and freeing it at exit is work for nothing.
  static const Edition& edition = *new Edition([] {
    const std::vector<Column> items = {
        {"previous", "上一年项目数量", "Items last year"},
        {"change", "本年增/减", "Change this year", CellKind::SignedCount},
        {"decisions", "处理决定数量", "Decisions"},
    };
    Edition e{
        .id = "2019",
        .document = "国办公开办函〔2019〕60号",
        .first_year = 2019,
        .last_year = 2020,
        .sections = standard_sections(),
        .narrative = standard_narrative(),
        .tables = {},
        .equations = {balance_equation()},
        .year_rules = {carry_over_rule(), copied_narrative_rule()},
        .narrative_cells = narrative_cells(
            {{"规范性文件",
              {"/proactive/normative_documents/made", "/proactive/normative_documents/published"},
              {}},
             {"规章", {"/proactive/regulations/made", "/proactive/regulations/published"}, {}}}),
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
                 {"normative_documents", "", "规范性文件", "Normative documents"}},
        .columns = {{"made", "本年新制作数量", "Made this year"},
                    {"published", "本年新公开数量", "Published this year"},
                    {"total", "对外公开总数量", "Published in all"}},
    });
    e.tables.push_back({
        .id = "proactive.5",
        .section = "二",
        .json_key = "proactive",
        .caption = "第二十条第（五）项",
        .row_head = "信息内容",
        .layout = TableLayout::Captioned,
        .rows = {{"licensing", "", "行政许可", "Administrative licensing"},
                 {"other_services", "", "其他对外管理服务事项", "Other public services"}},
        .columns = items,
        .nonnegative_sum = {"previous", "change"},
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
        .columns = items,
        .nonnegative_sum = {"previous", "change"},
    });
    e.tables.push_back({
        .id = "proactive.8",
        .section = "二",
        .json_key = "proactive",
        .caption = "第二十条第（八）项",
        .row_head = "信息内容",
        .layout = TableLayout::Captioned,
        .rows = {{"fees", "", "行政事业性收费", "Administrative fees"}},
        .columns = {items[0], items[1]},
        .nonnegative_sum = {"previous", "change"},
    });
    e.tables.push_back({
        .id = "proactive.9",
        .section = "二",
        .json_key = "proactive",
        .caption = "第二十条第（九）项",
        .row_head = "信息内容",
        .layout = TableLayout::Captioned,
        .rows = {{"procurement", "", "政府集中采购", "Government central procurement"}},
        .columns = {{"projects", "采购项目数量", "Procurement projects"},
                    {"amount", "采购总金额", "Procurement amount (10,000 yuan)", CellKind::Amount}},
    });
    // 上一年项目数量(Y) = 上一年项目数量(Y−1) + 本年增/减(Y−1), for each table of items.
    for (std::string_view table : {"proactive.5", "proactive.6", "proactive.8"}) {
      const Table* t = nullptr;
      for (const Table& candidate : e.tables)
        if (candidate.id == table) t = &candidate;
      std::vector<std::string_view> rows;
      for (const Row& row : t->rows) rows.push_back(row.key);
      e.year_rules.push_back({
          .rule = "item-continuity",
          .table = table,
          .rows = std::move(rows),
          .column = "previous",
          .terms = {{YearOf::Earlier, {}, "previous"}, {YearOf::Earlier, {}, "change"}},
          .message_zh = "{cell} 填报 {actual}，但 {year} 年报告（{file}）上一年项目数量 {t0} "
                        "加本年增/减 {s1} 为 {expected}（差 {diff}）",
          .message_en = "{cell} is {actual}, but the {year} report ({file}) had {t0} items and a "
                        "change of {s1}: {expected} (diff {diff})",
      });
    }
    e.tables.push_back(
        applications_table({{"other", "（六）", "其他处理", "Otherwise handled", 1}}));
    e.tables.push_back(reviews_table());
    return finish_edition(std::move(e));
  }());
  return edition;
}

}  // namespace govreport::detail
