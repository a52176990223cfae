#pragma once
// The workbook that clerks fill in (build -o x.xlsx, init -o x.xlsx): its sheets and the labels of
// its metadata and narrative, declared once for the writer (render/xlsx.cpp) and the reader
// (import/workbook_report.cpp). The tables' labels come from the edition.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace govreport::detail::workbook {

/// Names the sheet of the metadata.
inline constexpr std::string_view kInfoSheet = "基本信息";
/// Names the sheet of the narrative.
inline constexpr std::string_view kTextSheet = "正文";
/// Returns the name of the sheet that holds the tables of section `numeral`: "表三".
inline std::string table_sheet(std::string_view numeral) { return "表" + std::string(numeral); }

/// Names one field of the metadata sheet.
enum class Field : std::uint8_t { Agency, Kind, Year, Title, Published, Edition };

/// Declares one row of the metadata sheet: its label, and the hint printed beside the value.
struct FieldLabel {
  Field field;
  std::string_view pointer;  ///< the JSON Pointer it fills; empty for a row only shown
  std::string_view zh;
  std::string_view en;
  std::string_view hint;
};

/// Lists the rows of the metadata sheet, in order.
inline constexpr std::array kFields = {
    FieldLabel{Field::Agency, "/agency", "机关名称", "agency", "全称，如 某某县市场监督管理局"},
    FieldLabel{Field::Kind, "/agency_kind", "机关类型", "kind of agency",
               "部门：次年1月31日前发布；政府：次年3月31日前发布"},
    FieldLabel{Field::Year, "/year", "报告年度", "year", "报告的统计年度"},
    FieldLabel{Field::Title, "/title", "报告标题", "title",
               "不填则为“机关名称 + 年度 + 年政府信息公开工作年度报告”"},
    FieldLabel{Field::Published, "/published", "发布日期", "publication date",
               "如 2026-01-20；尚未发布可不填"},
    FieldLabel{Field::Edition, "", "格式版本", "edition", "由报告年度决定，不必修改"},
};

/// Names the kinds of agency in the 机关类型 cell.
inline constexpr std::string_view kDepartment = "部门";
inline constexpr std::string_view kGovernment = "政府";

/// Heads of the narrative sheet's columns: the part, a subsection title, the paragraph.
inline constexpr std::string_view kPartHead = "部分";
inline constexpr std::string_view kTitleHead = "小标题";
inline constexpr std::string_view kTextHead = "正文（每行一段）";
/// Says, in a table section's row of the narrative sheet, where its tables are: "见工作表“表三”".
inline std::string see_sheet(std::string_view numeral) {
  return "见工作表“" + table_sheet(numeral) + "”";
}

}  // namespace govreport::detail::workbook
