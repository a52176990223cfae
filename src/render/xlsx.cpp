// The xlsx format: the workbook that clerks fill in, made with libxlsxwriter. The tables are laid
// out as printed (the shared layout of the HTML and Word outputs), input cells unlocked and
// validated, labels and totals locked, every total a live formula, the 勾稽 relation checked
// beside the tables; a sheet of metadata and one of narrative; A4 page setup.

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <tuple>

#include "govreport/check.hpp"
#include "govreport/render.hpp"
#include "model/workbook.hpp"
#include "render/common.hpp"
#include "render/layout.hpp"
#include "render/scratch_file.hpp"

namespace govreport {
namespace {

namespace wb = detail::workbook;
using detail::Grid;
using detail::GridCell;
using detail::GridKind;

// Width of a table sheet, in Excel's units (the width of a digit); page setup fits it to A4.
constexpr double kTableWidth = 84;
// Line height, in points, of 10-point and 9-point text.
constexpr double kLine = 13.5, kDenseLine = 12;
// The tallest row Excel allows, in points.
constexpr double kMaxRowHeight = 409;
// Excel holds at most this many characters in a cell.
constexpr std::size_t kMaxCellText = 32767;
// Margins after GB/T 9704, in inches (订口 28 mm, 翻口 26 mm, 天头 37 mm, 地脚 35 mm).
constexpr double kLeft = 28 / 25.4, kRight = 26 / 25.4, kTop = 37 / 25.4, kBottom = 35 / 25.4;
constexpr std::uint8_t kPaperA4 = 9;
// Colours: the fill of a blank input, and Excel's "light red fill with dark red text".
constexpr lxw_color_t kBlankFill = 0xFFF2CC, kRedFill = 0xFFC7CE, kRedText = 0x9C0006;
constexpr lxw_color_t kHintText = 0x595959;

// Excel's limit on the title of an input message, in characters.
constexpr std::size_t kMaxTitle = 32;

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR)
    throw std::runtime_error(fmt::format("xlsx: {}: {}", what, lxw_strerror(error)));
}

std::string address(int row, int column) {
  char name[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(name, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column));
  return name;
}

// Where a value was put.
struct Address {
  int row = -1;
  int column = -1;
};

// The argument list of SUM over `cells`: runs of neighbours in one row or column become ranges.
std::string sum_arguments(std::vector<Address> cells) {
  const bool one_row = std::all_of(cells.begin(), cells.end(),
                                   [&](const Address& a) { return a.row == cells.front().row; });
  const bool one_column = std::all_of(cells.begin(), cells.end(), [&](const Address& a) {
    return a.column == cells.front().column;
  });
  std::string out;
  auto add = [&](const Address& first, const Address& last) {
    out += out.empty() ? "" : ",";
    out += address(first.row, first.column);
    if (first.row != last.row || first.column != last.column)
      out += ":" + address(last.row, last.column);
  };
  if (!one_row && !one_column) {
    for (const Address& a : cells) add(a, a);
    return out;
  }
  std::sort(cells.begin(), cells.end(), [](const Address& a, const Address& b) {
    return std::tie(a.row, a.column) < std::tie(b.row, b.column);
  });
  std::size_t start = 0;
  for (std::size_t i = 1; i <= cells.size(); ++i) {
    const bool next = i < cells.size() && (one_row ? cells[i].column == cells[i - 1].column + 1
                                                   : cells[i].row == cells[i - 1].row + 1);
    if (next) continue;
    add(cells[start], cells[i - 1]);
    start = i;
  }
  return out;
}

// What a cell is in the workbook: how it looks, and whether the clerk may change it.
enum class Style : std::uint8_t {
  Title,    // a sheet's heading
  Caption,  // 第二十条第（一）项
  Note,     // the 勾稽 note of 三
  Head,     // a column or row head
  Label,    // a row's label
  Group,    // a group's label, spanning its rows
  Input,    // a value the clerk fills in
  Total,    // a live formula
  Check,    // a 勾稽 check beside the table
  Field,    // a metadata value
  Year,     // the year
  Date,     // the publication date
  Locked,   // a metadata value that follows from the others
  Hint,     // grey advice beside a field
  Text,     // a paragraph of the narrative
  Part,     // a part's name in the narrative sheet
};

class Writer {
 public:
  Writer(const Report& report, const std::string& path) : report_(report) {
    workbook_ = workbook_new(path.c_str());
    if (workbook_ == nullptr) throw std::runtime_error("xlsx: cannot create the workbook");
  }
  ~Writer() {
    if (workbook_ != nullptr) workbook_close(workbook_);  // an earlier failure: discard
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void write() {
    properties();
    info_sheet();
    text_sheet();
    for (const Section& s : report_.edition->sections)
      if (!detail::section_grids(report_, s.numeral).empty()) table_sheet(s.numeral);
    lxw_workbook* done = workbook_;
    workbook_ = nullptr;
    check(workbook_close(done), "cannot write the workbook");
  }

 private:
  // The format of `style`; `kind` picks the number format of a value, `dense` the smaller size.
  lxw_format* format(Style style, bool dense = false, CellKind kind = CellKind::Count,
                     bool unit = false) {
    const auto key = std::make_tuple(style, dense, kind, unit);
    if (auto it = formats_.find(key); it != formats_.end()) return it->second;
    lxw_format* f = workbook_add_format(workbook_);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, dense ? 9 : 10);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    const bool boxed = style != Style::Title && style != Style::Hint;
    if (boxed) format_set_border(f, LXW_BORDER_THIN);
    switch (style) {
      case Style::Title:
        format_set_font_name(f, "黑体");
        format_set_font_size(f, 14);
        format_set_align(f, LXW_ALIGN_CENTER);
        break;
      case Style::Caption:
        format_set_font_name(f, "黑体");
        format_set_align(f, LXW_ALIGN_CENTER);
        break;
      case Style::Note:
      case Style::Label:
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_LEFT);
        break;
      case Style::Head:
      case Style::Group:
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_CENTER);
        break;
      case Style::Part:
        format_set_text_wrap(f);
        format_set_bold(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        break;
      case Style::Input:
      case Style::Total:
      case Style::Check: {
        format_set_align(f, LXW_ALIGN_CENTER);
        // An amount shows 2 decimals, and up to kAmountPlaces when it has them.
        const std::string places = "0.00" + std::string(kAmountPlaces - 2, '#');
        const std::string number = kind != CellKind::Amount ? "0"
                                   : unit                   ? places + "\"万元\""
                                                            : places;
        format_set_num_format(f, number.c_str());
        if (style == Style::Input) format_set_unlocked(f);
        break;
      }
      case Style::Field:
      case Style::Year:
      case Style::Date:
        format_set_unlocked(f);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_LEFT);
        if (style == Style::Year) format_set_num_format(f, "0");
        if (style == Style::Date) format_set_num_format(f, "yyyy-mm-dd");
        break;
      case Style::Locked:
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_LEFT);
        break;
      case Style::Hint:
        format_set_font_color(f, kHintText);
        format_set_text_wrap(f);
        break;
      case Style::Text:
        format_set_unlocked(f);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_LEFT);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        break;
    }
    formats_.emplace(key, f);
    return f;
  }

  lxw_format* conditional(bool red) {
    lxw_format*& f = red ? red_ : blank_;
    if (f == nullptr) {
      f = workbook_add_format(workbook_);
      format_set_bg_color(f, red ? kRedFill : kBlankFill);
      if (red) format_set_font_color(f, kRedText);
    }
    return f;
  }

  lxw_worksheet* sheet(std::string_view name) {
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, std::string(name).c_str());
    if (ws == nullptr) throw std::runtime_error(fmt::format("xlsx: cannot add sheet {}", name));
    worksheet_set_paper(ws, kPaperA4);
    worksheet_set_portrait(ws);
    worksheet_set_margins(ws, kLeft, kRight, kTop, kBottom);
    worksheet_center_horizontally(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_set_footer(ws, "&C— &P —"), "footer");
    return ws;
  }

  static void protect(lxw_worksheet* ws, bool rows) {
    lxw_protection options{};
    options.format_columns = LXW_TRUE;
    options.format_rows = LXW_TRUE;
    if (rows) {
      options.insert_rows = LXW_TRUE;
      options.delete_rows = LXW_TRUE;
    }
    worksheet_protect(ws, nullptr, &options);
  }

  static void text(lxw_worksheet* ws, int row, int column, std::string_view value, lxw_format* f) {
    if (const std::size_t n = code_points(value); n > kMaxCellText)
      throw std::runtime_error(
          fmt::format("xlsx: {}!{}: {} characters are too many for a workbook cell (at most {})",
                      ws->name, address(row, column), n, kMaxCellText));
    const std::string copy(value);
    check(value.empty() ? worksheet_write_blank(ws, static_cast<lxw_row_t>(row),
                                                static_cast<lxw_col_t>(column), f)
                        : worksheet_write_string(ws, static_cast<lxw_row_t>(row),
                                                 static_cast<lxw_col_t>(column), copy.c_str(), f),
          address(row, column));
  }

  static void merge(lxw_worksheet* ws, int row, int column, int last_row, int last_column,
                    std::string_view value, lxw_format* f) {
    if (row == last_row && column == last_column) return text(ws, row, column, value, f);
    const std::string copy(value);
    check(worksheet_merge_range(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                static_cast<lxw_row_t>(last_row),
                                static_cast<lxw_col_t>(last_column), copy.c_str(), f),
          address(row, column));
    if (value.empty()) text(ws, row, column, "", f);  // a blank, not an empty string
  }

  // The lines `value` takes in a cell `width` units wide, at `points`: a Chinese character is
  // about as wide as its size in points at 96 dpi, and a unit is 7 pixels.
  static double lines_needed(std::string_view value, double width, double points) {
    const double per_column = points * 96 / 72 / 7 / 2;
    const double room = std::max(1.0, (width - 0.8) / per_column);
    double lines = 0;
    for (std::size_t start = 0; start <= value.size();) {
      std::size_t end = value.find('\n', start);
      if (end == std::string_view::npos) end = value.size();
      lines += std::max(
          1.0,
          std::ceil(static_cast<double>(detail::display_width(value.substr(start, end - start))) /
                    room));
      start = end + 1;
    }
    return lines;
  }

  void properties() {
    title_ = report_.display_title();
    author_ = report_.agency;
    lxw_doc_properties props{};
    props.title = title_.data();
    props.author = author_.data();
    // A fixed date, so that the same report always gives the same workbook.
    std::tm date{};
    date.tm_year = report_.year + 1 - 1900;
    date.tm_mon = 0;
    date.tm_mday = 1;
    props.created = timegm(&date);
    check(workbook_set_properties(workbook_, &props), "properties");
  }

  // The metadata: one row per field, its value beside it and a hint after that; then how to
  // fill in the workbook.
  void info_sheet() {
    lxw_worksheet* ws = sheet(wb::kInfoSheet);
    worksheet_set_column(ws, 0, 0, 14, nullptr);
    worksheet_set_column(ws, 1, 1, 46, nullptr);
    worksheet_set_column(ws, 2, 2, 46, nullptr);
    merge(ws, 0, 0, 0, 2, "政府信息公开工作年度报告 · 基本信息", format(Style::Title));
    worksheet_set_row(ws, 0, 28, nullptr);
    int row = 2;
    for (const wb::FieldLabel& field : wb::kFields) {
      text(ws, row, 0, field.zh, format(Style::Head));
      field_value(ws, row, field.field);
      text(ws, row, 2, field.hint, format(Style::Hint));
      worksheet_set_row(ws, static_cast<lxw_row_t>(row), 20, nullptr);
      ++row;
    }
    ++row;
    const std::string sheets =
        fmt::format("“{}”工作表填写正文，每行一段；“{}”至“{}”工作表填写统计表格。", wb::kTextSheet,
                    wb::table_sheet(report_.edition->tables.front().section),
                    wb::table_sheet(report_.edition->tables.back().section));
    const std::string lines[] = {
        "填写说明",
        sheets,
        std::string("可填写的单元格未锁定；标签和总计已锁定，总计是公式，随填随算（审阅 → ") +
            "撤销工作表保护可解除，无需密码）。",
        "表格中每格填整数，没有请填 0（空白不等于 0）；不适用填 /；金额以万元为单位。",
        "表三下方的勾稽核对应为 0，不为 0 时显示为红色；尚未填写的单元格显示为黄色。",
        std::string("填好后检查：govreport check 文件名.xlsx；生成报告：govreport build ") +
            "文件名.xlsx -o 报告.docx",
    };
    bool first = true;
    for (const std::string& line : lines) {
      merge(ws, row, 0, row, 2, line, format(first ? Style::Part : Style::Hint));
      worksheet_set_row(ws, static_cast<lxw_row_t>(row), first ? 20 : 30, nullptr);
      first = false;
      ++row;
    }
    worksheet_print_area(ws, 0, 0, static_cast<lxw_row_t>(row - 1), 2);
    worksheet_activate(ws);
    protect(ws, false);
  }

  void field_value(lxw_worksheet* ws, int row, wb::Field field) {
    const auto r = static_cast<lxw_row_t>(row);
    lxw_data_validation v{};
    switch (field) {
      case wb::Field::Agency:
        text(ws, row, 1, report_.agency, format(Style::Field));
        return;
      case wb::Field::Title:
        text(ws, row, 1, report_.title, format(Style::Field));
        return;
      case wb::Field::Kind: {
        text(ws, row, 1,
             report_.agency_kind == AgencyKind::Government ? wb::kGovernment : wb::kDepartment,
             format(Style::Field));
        std::string department(wb::kDepartment), government(wb::kGovernment);
        const char* list[] = {department.c_str(), government.c_str(), nullptr};
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = const_cast<char**>(list);
        check(worksheet_data_validation_cell(ws, r, 1, &v), "validation");
        return;
      }
      case wb::Field::Year:
        check(worksheet_write_number(ws, r, 1, report_.year, format(Style::Year)), "year");
        v.validate = LXW_VALIDATION_TYPE_INTEGER;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = kFirstYear;
        v.maximum_number = 2100;
        v.error_message = const_cast<char*>("报告年度是 2019 年以后的年份");
        check(worksheet_data_validation_cell(ws, r, 1, &v), "validation");
        return;
      case wb::Field::Published: {
        lxw_format* f = format(Style::Date);
        int y = 0, m = 0, d = 0;
        if (report_.published.size() == 10 &&
            std::sscanf(report_.published.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3) {
          lxw_datetime date{y, m, d, 0, 0, 0};
          check(worksheet_write_datetime(ws, r, 1, &date, f), "publication date");
        } else {
          text(ws, row, 1, "", f);
        }
        v.validate = LXW_VALIDATION_TYPE_DATE;
        v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.value_datetime = {kFirstYear, 1, 1, 0, 0, 0};
        v.error_message = const_cast<char*>("请填写日期，如 2026-01-20");
        check(worksheet_data_validation_cell(ws, r, 1, &v), "validation");
        return;
      }
      case wb::Field::Edition:
        text(ws, row, 1, fmt::format("{} 版（{}）", report_.edition->id, report_.edition->document),
             format(Style::Locked));
        return;
    }
  }

  // The narrative: a row per paragraph, under the name of its part; the subsections of 一 with
  // their titles; the table sections pointing at their sheets.
  void text_sheet() {
    lxw_worksheet* ws = sheet(wb::kTextSheet);
    constexpr double kPartWidth = 24, kTitleWidth = 22, kTextWidth = 80;
    worksheet_set_column(ws, 0, 0, kPartWidth, nullptr);
    worksheet_set_column(ws, 1, 1, kTitleWidth, nullptr);
    worksheet_set_column(ws, 2, 2, kTextWidth, nullptr);
    merge(ws, 0, 0, 0, 2, report_.display_title(), format(Style::Title));
    worksheet_set_row(ws, 0, 28, nullptr);
    text(ws, 1, 0, wb::kPartHead, format(Style::Head));
    text(ws, 1, 1, wb::kTitleHead, format(Style::Head));
    text(ws, 1, 2, wb::kTextHead, format(Style::Head));
    worksheet_repeat_rows(ws, 1, 1);
    int row = 2;
    const bool blank = is_blank_template();
    auto paragraph_row = [&](std::string_view part, std::string_view title, bool has_title,
                             std::string_view paragraph) {
      text(ws, row, 0, part, format(part.empty() ? Style::Text : Style::Part));
      text(ws, row, 1, title, format(has_title ? Style::Text : Style::Locked));
      text(ws, row, 2, paragraph, format(Style::Text));
      const double lines =
          std::max(lines_needed(paragraph, kTextWidth, 10), lines_needed(title, kTitleWidth, 10));
      worksheet_set_row(ws, static_cast<lxw_row_t>(row),
                        std::min(kMaxRowHeight, std::max(20.0, lines * kLine + 4)), nullptr);
      ++row;
    };
    // A part's paragraphs under its heading, then its subsections; a blank template offers two
    // empty rows, and the usual subsections with their titles.
    const Edition& e = *report_.edition;
    auto part = [&](std::size_t k) {
      const NarrativePart& p = e.narrative[k];
      const Narrative& n = report_.narrative[k];
      if (n.paragraphs.empty()) {
        paragraph_row(p.heading_zh, "", false, "");
        if (blank) paragraph_row("", "", false, "");
      }
      for (std::size_t i = 0; i < n.paragraphs.size(); ++i)
        paragraph_row(i == 0 ? std::string_view(p.heading_zh) : "", "", false, n.paragraphs[i]);
      if (!p.subsections) return;
      std::vector<Subsection> subsections = n.subsections;
      if (blank && subsections.empty())
        for (std::string_view topic : p.topics) subsections.push_back({std::string(topic), {}});
      for (std::size_t i = 0; i < subsections.size(); ++i) {
        const Subsection& sub = subsections[i];
        const std::string numbering =
            "（" + detail::chinese_numeral(static_cast<int>(i) + 1) + "）";
        const std::size_t count = std::max<std::size_t>(sub.paragraphs.size(), 1);
        for (std::size_t j = 0; j < count; ++j)
          paragraph_row(j == 0 ? numbering : "", j == 0 ? sub.title : "", j == 0,
                        j < sub.paragraphs.size() ? sub.paragraphs[j] : "");
      }
    };
    for (std::size_t k = 0; k < e.narrative.size(); ++k)
      if (e.narrative[k].section.empty()) part(k);
    for (const Section& s : e.sections) {
      bool named = false;
      for (std::size_t k = 0; k < e.narrative.size(); ++k) {
        if (e.narrative[k].section != s.numeral) continue;
        part(k);
        named = true;
      }
      if (detail::section_grids(report_, s.numeral).empty()) continue;
      text(ws, row, 0, named ? "" : fmt::format("{}、{}", s.numeral, s.zh), format(Style::Part));
      text(ws, row, 1, "", format(Style::Locked));
      text(ws, row, 2, wb::see_sheet(s.numeral), format(Style::Locked));
      worksheet_set_row(ws, static_cast<lxw_row_t>(row), 30, nullptr);
      ++row;
    }
    worksheet_print_area(ws, 0, 0, static_cast<lxw_row_t>(row - 1), 2);
    protect(ws, true);
  }

  bool is_blank_template() const {
    return std::all_of(
               report_.narrative.begin(), report_.narrative.end(),
               [](const Narrative& n) { return n.paragraphs.empty() && n.subsections.empty(); }) &&
           std::all_of(report_.cells.begin(), report_.cells.end(),
                       [](const Cell& c) { return c.is_blank(); });
  }

  // The tables of section `numeral`, as printed, with live totals and checks below them.
  void table_sheet(std::string_view numeral) {
    const std::vector<Grid> grids = detail::section_grids(report_, numeral);
    const Section& section = report_.edition->section(numeral);
    lxw_worksheet* ws = sheet(wb::table_sheet(numeral));
    std::size_t columns = 0;
    const Grid* widest = &grids.front();
    for (const Grid& g : grids)
      if (g.widths.size() > columns) {
        columns = g.widths.size();
        widest = &g;
      }
    std::vector<double> widths;
    for (int w : widest->widths) widths.push_back(w * kTableWidth / 1000);
    for (std::size_t c = 0; c < widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                           nullptr);
    const int last_column = static_cast<int>(columns) - 1;
    merge(ws, 0, 0, 0, last_column, fmt::format("{}、{}", section.numeral, section.zh),
          format(Style::Title));
    worksheet_set_row(ws, 0, 28, nullptr);

    std::map<int, Address> at;  // where each value of this sheet is
    std::vector<std::tuple<const GridCell*, Address, bool>> totals;
    int row = 2;
    int first_head = -1, last_head = -1, first_value_row = -1, first_value_column = -1;
    for (const Grid& grid : grids) {
      const double line = grid.dense ? kDenseLine : kLine;
      const double points = grid.dense ? 9 : 10;
      std::vector<double> heights(grid.rows.size(), line + 4);
      std::vector<std::pair<std::size_t, const GridCell*>> tall;  // cells spanning rows
      for (std::size_t i = 0; i < grid.rows.size(); ++i) {
        const int r = row + static_cast<int>(i);
        if (grid.rows[i].head) {
          if (first_head < 0) first_head = r;
          last_head = r;
        }
        for (const GridCell& cell : grid.rows[i].cells) {
          const int last_r = r + cell.row_span - 1;
          const int last_c = cell.column + cell.col_span - 1;
          double width = 0;
          for (int c = cell.column; c <= last_c && c < static_cast<int>(widths.size()); ++c)
            width += widths[static_cast<std::size_t>(c)];
          const double need = lines_needed(cell.text, width, points) * line + 4;
          if (cell.row_span == 1)
            heights[i] = std::max(heights[i], need);
          else
            tall.emplace_back(i, &cell);
          if (cell.kind != GridKind::Number) {
            merge(ws, r, cell.column, last_r, last_c, cell.text,
                  format(style_of(cell), grid.dense));
            continue;
          }
          if (first_value_row < 0) first_value_row = r;
          if (first_value_column < 0 || cell.column < first_value_column)
            first_value_column = cell.column;
          at[cell.cell] = {r, cell.column};
          const Address where{r, cell.column};
          if (!total_parts(*report_.edition, cell.cell).empty()) {
            merge(ws, r, cell.column, last_r, last_c, "", format(Style::Total, grid.dense));
            totals.emplace_back(&cell, where, grid.dense);
          } else {
            input(ws, cell, where, last_r, last_c, grid.dense);
          }
        }
      }
      // A cell spanning rows that needs more room than they have makes its last row taller.
      for (const auto& [i, cell] : tall) {
        double width = 0;
        for (int c = cell->column; c < cell->column + cell->col_span; ++c)
          width += widths[static_cast<std::size_t>(std::min<int>(c, last_column))];
        const double need = lines_needed(cell->text, width, points) * line + 4;
        double have = 0;
        const std::size_t last =
            std::min(grid.rows.size(), i + static_cast<std::size_t>(cell->row_span)) - 1;
        for (std::size_t k = i; k <= last; ++k) have += heights[k];
        if (need > have) heights[last] += need - have;
      }
      for (std::size_t i = 0; i < grid.rows.size(); ++i)
        worksheet_set_row(ws, static_cast<lxw_row_t>(row + static_cast<int>(i)),
                          std::min(kMaxRowHeight, heights[i]), nullptr);
      row += static_cast<int>(grid.rows.size()) + 1;
    }
    const int last_row = row - 2;
    for (const auto& [cell, where, dense] : totals) formula(ws, *cell, where, at, dense);
    checks(ws, numeral, at, row, first_value_column);

    worksheet_print_area(ws, 0, 0, static_cast<lxw_row_t>(last_row),
                         static_cast<lxw_col_t>(last_column));
    if (first_head >= 0 && last_row - first_head > 20)
      check(worksheet_repeat_rows(ws, static_cast<lxw_row_t>(first_head),
                                  static_cast<lxw_row_t>(last_head)),
            "repeat rows");
    if (first_value_row > 0 && first_value_column > 0 && last_row - first_head > 20)
      worksheet_freeze_panes(ws, static_cast<lxw_row_t>(first_value_row),
                             static_cast<lxw_col_t>(first_value_column));
    worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
    protect(ws, false);
  }

  static Style style_of(const GridCell& cell) {
    switch (cell.kind) {
      case GridKind::Caption:
        return Style::Caption;
      case GridKind::Note:
        return Style::Note;
      case GridKind::Head:
        return Style::Head;
      case GridKind::Label:
        return cell.row_span > 1 ? Style::Group : Style::Label;
      case GridKind::Number:
        break;
    }
    return Style::Input;
  }

  const Column& column_of(int cell) const {
    const CellDef& def = report_.edition->cells[static_cast<std::size_t>(cell)];
    return report_.edition->tables[static_cast<std::size_t>(def.table)]
        .columns[static_cast<std::size_t>(def.column)];
  }

  // A value the clerk fills in: its value, if any, and what it may hold.
  void input(lxw_worksheet* ws, const GridCell& cell, Address where, int last_row, int last_column,
             bool dense) {
    const Column& column = column_of(cell.cell);
    const bool unit =
        column.kind == CellKind::Amount && column.zh.find("万元") == std::string_view::npos;
    lxw_format* f = format(Style::Input, dense, column.kind, unit);
    merge(ws, where.row, where.column, last_row, last_column, "", f);
    const Cell& value = report_.cells[static_cast<std::size_t>(cell.cell)];
    const auto r = static_cast<lxw_row_t>(where.row);
    const auto c = static_cast<lxw_col_t>(where.column);
    if (value.is_number())
      check(worksheet_write_number(ws, r, c, number(value, column.kind), f), "value");
    else if (value.state == Cell::State::NotApplicable)
      text(ws, where.row, where.column, "/", f);

    const std::string self = address(where.row, where.column);
    std::string rule, message, error;
    switch (column.kind) {
      case CellKind::Count:
        rule = fmt::format("=OR(AND(ISNUMBER({0}),{0}>=0,{0}=INT({0})),{0}=\"/\")", self);
        message = "填写整数（不小于 0）；没有请填 0；不适用填 /";
        error = "只能填写不小于 0 的整数，或 /（不适用）";
        break;
      case CellKind::SignedCount:
        rule = fmt::format("=OR(AND(ISNUMBER({0}),{0}=INT({0})),{0}=\"/\")", self);
        message = "填写整数，减少填负数（如 -8）；不适用填 /";
        error = "只能填写整数（减少填负数），或 /（不适用）";
        break;
      case CellKind::Amount:
        rule = fmt::format("=OR(AND(ISNUMBER({0}),{0}>=0,ROUND({0},{1})={0}),{0}=\"/\")", self,
                           kAmountPlaces);
        message = fmt::format("单位：万元，最多 {} 位小数；没有请填 0；不适用填 /", kAmountPlaces);
        error = fmt::format("只能填写以万元为单位、最多 {} 位小数的金额，或 /（不适用）",
                            kAmountPlaces);
        break;
    }
    std::string title(column.zh);
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    v.value_formula = rule.data();
    v.input_title = code_points(title) <= kMaxTitle ? title.data() : nullptr;
    v.input_message = message.data();
    v.error_title = const_cast<char*>("填写有误");
    v.error_message = error.data();
    v.ignore_blank = LXW_VALIDATION_ON;
    check(worksheet_data_validation_cell(ws, r, c, &v), "validation");

    lxw_conditional_format blank{};
    blank.type = LXW_CONDITIONAL_TYPE_BLANKS;
    blank.format = conditional(false);
    check(worksheet_conditional_format_cell(ws, r, c, &blank), "conditional format");
  }

  static double number(const Cell& cell, CellKind kind) {
    return kind == CellKind::Amount ? static_cast<double>(cell.value) / kAmountScale
                                    : static_cast<double>(cell.value);
  }

  // What SUM gives over `cells`: a blank or "/" counts as 0.
  double sum(const std::vector<int>& cells) const {
    double out = 0;
    for (int c : cells) {
      const Cell& cell = report_.cells[static_cast<std::size_t>(c)];
      if (cell.is_number()) out += number(cell, column_of(c).kind);
    }
    return out;
  }

  std::vector<Address> addresses(const std::vector<int>& cells,
                                 const std::map<int, Address>& at) const {
    std::vector<Address> out;
    for (int c : cells) {
      const auto it = at.find(c);
      if (it == at.end()) throw std::logic_error("xlsx: a total adds up a cell of another sheet");
      out.push_back(it->second);
    }
    return out;
  }

  void formula(lxw_worksheet* ws, const GridCell& cell, Address where,
               const std::map<int, Address>& at, bool dense) {
    const std::vector<int> parts = total_parts(*report_.edition, cell.cell);
    const std::string text = "=SUM(" + sum_arguments(addresses(parts, at)) + ")";
    check(worksheet_write_formula_num(
              ws, static_cast<lxw_row_t>(where.row), static_cast<lxw_col_t>(where.column),
              text.c_str(), format(Style::Total, dense, column_of(cell.cell).kind), sum(parts)),
          "formula");
  }

  // Beside the tables, below the printed area: per column, the 勾稽 relation of each equation
  // as the difference of its sides, and for a table printed without labels (四), each total
  // less its parts; red when not 0.
  void checks(lxw_worksheet* ws, std::string_view numeral, const std::map<int, Address>& at,
              int row, int first_value_column) {
    lxw_conditional_format red{};
    red.type = LXW_CONDITIONAL_TYPE_CELL;
    red.criteria = LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO;
    red.value = 0;
    red.format = conditional(true);
    auto check_cell = [&](int r, int c, const std::string& text, double cached) {
      check(worksheet_write_formula_num(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                        text.c_str(), format(Style::Check), cached),
            "check");
      check(worksheet_conditional_format_cell(ws, static_cast<lxw_row_t>(r),
                                              static_cast<lxw_col_t>(c), &red),
            "conditional format");
    };
    for (const Equation& eq : report_.edition->equations) {
      const Table& table = *report_.edition->table(eq.table);
      if (table.section != numeral || first_value_column <= 0) continue;
      const std::string label = fmt::format("勾稽核对：（{}）−（{}），应为 0，不为 0 时显示为红色",
                                            rows_name(table, eq.lhs), rows_name(table, eq.rhs));
      merge(ws, row, 0, row, first_value_column - 1, label, format(Style::Label, true));
      worksheet_set_row(ws, static_cast<lxw_row_t>(row), 3 * kDenseLine + 4, nullptr);
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        std::vector<int> lhs, rhs;
        for (std::string_view p : eq.lhs)
          lhs.push_back(table.cell(table.row_index(p), static_cast<int>(c)));
        for (std::string_view p : eq.rhs)
          rhs.push_back(table.cell(table.row_index(p), static_cast<int>(c)));
        const Address where = at.at(lhs.front());
        check_cell(row, where.column,
                   fmt::format("=SUM({})-SUM({})", sum_arguments(addresses(lhs, at)),
                               sum_arguments(addresses(rhs, at))),
                   sum(lhs) - sum(rhs));
      }
      ++row;
    }
    for (const Table& table : report_.edition->tables) {
      const int total = table.column_index(table.total_column);
      if (table.section != numeral || table.layout != TableLayout::Transposed || total < 0)
        continue;
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const int cell = table.cell(static_cast<int>(r), total);
        const std::vector<int> parts = total_parts(*report_.edition, cell);
        const Address where = at.at(cell);
        const Address first = at.at(parts.front());
        merge(ws, row, first.column, row, where.column - 1, "总计核对：应为 0，不为 0 时显示为红色",
              format(Style::Label, true));
        check_cell(row, where.column,
                   fmt::format("={}-SUM({})", address(where.row, where.column),
                               sum_arguments(addresses(parts, at))),
                   0);
      }
      worksheet_set_row(ws, static_cast<lxw_row_t>(row), 2 * kDenseLine + 4, nullptr);
      ++row;
    }
  }

  const Report& report_;
  lxw_workbook* workbook_ = nullptr;
  std::map<std::tuple<Style, bool, CellKind, bool>, lxw_format*> formats_;
  lxw_format* red_ = nullptr;
  lxw_format* blank_ = nullptr;
  std::string title_, author_;
};

}  // namespace

std::string render_xlsx(const Report& report) {
  detail::ScratchFile file;
  {
    Writer writer(report, file.path());
    writer.write();
  }
  return file.read();
}

}  // namespace govreport
