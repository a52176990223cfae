// The 2019 edition (国办公开办函〔2019〕60号, 试行): reports for 2019 and 2020.

#include "editions/shared_tables.hpp"

namespace govreport::detail {

const Edition& edition_2019() {
  static const Edition edition = [] {
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
        .tables = {},
        .equations = {balance_equation()},
    };
    e.tables.push_back({
        .id = "proactive.1",
        .section = "二",
        .json_key = "proactive",
        .caption = "第二十条第（一）项",
        .row_head = "信息内容",
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
        .rows = {{"procurement", "", "政府集中采购", "Government central procurement"}},
        .columns = {{"projects", "采购项目数量", "Procurement projects"},
                    {"amount", "采购总金额", "Procurement amount (10,000 yuan)", CellKind::Amount}},
    });
    e.tables.push_back(
        applications_table({{"other", "（六）", "其他处理", "Otherwise handled", 1}}));
    e.tables.push_back(reviews_table());
    return finish_edition(std::move(e));
  }();
  return edition;
}

}  // namespace govreport::detail
