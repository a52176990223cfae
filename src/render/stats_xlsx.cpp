// The overview for evaluators as an .xlsx workbook (libxlsxwriter): built into the writer module.

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <stdexcept>

#include "govreport/safe_text.hpp"
#include "govreport/stats_format.hpp"
#include "render/scratch_file.hpp"
#include "render/stats_internal.hpp"

namespace govreport {
namespace {

using detail::stats_cell_text;
using detail::stats_outputs;
using detail::tr;
using Out = detail::StatsOut;

void check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR)
    throw std::runtime_error(fmt::format("xlsx: {}: {}", what, lxw_strerror(error)));
}

class XlsxWriter {
 public:
  XlsxWriter(const StatsTable& table, Lang lang, const std::string& path)
      : table_(table), lang_(lang) {
    workbook_ = workbook_new(path.c_str());
    if (workbook_ == nullptr) throw std::runtime_error("xlsx: cannot create the workbook");
  }
  ~XlsxWriter() {
    if (workbook_ != nullptr) workbook_close(workbook_);
  }
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  void write() {
    head_ = format(true, nullptr);
    text_ = format(false, nullptr);
    count_ = format(false, "0");
    rate_ = format(false, "0.00%");
    total_text_ = format(true, nullptr);
    total_count_ = format(true, "0");
    total_rate_ = format(true, "0.00%");
    overview();
    if (!table_.failures.empty()) failures();
    lxw_workbook* done = workbook_;
    workbook_ = nullptr;
    check(workbook_close(done), "cannot write the workbook");
  }

 private:
  lxw_format* format(bool bold, const char* number) {
    lxw_format* f = workbook_add_format(workbook_);
    if (bold) format_set_bold(f);
    if (number != nullptr) format_set_num_format(f, number);
    return f;
  }

  void text(lxw_worksheet* ws, int row, int column, const std::string& value, lxw_format* f) {
    if (value.empty()) return;
    const std::string safe = publishable(value);
    check(worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                 safe.c_str(), f),
          "cell");
  }
  void number(lxw_worksheet* ws, int row, int column, double value, lxw_format* f) {
    check(worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                 value, f),
          "cell");
  }

  void overview() {
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, tr(lang_, "统计", "Overview"));
    const std::vector<Out> cols = stats_outputs(table_, lang_, true);
    for (std::size_t c = 0; c < cols.size(); ++c) {
      text(ws, 0, static_cast<int>(c), cols[c].heading, head_);
      const double width = c == 0 ? 28 : (c == 1 ? 30 : 12);
      check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                                 nullptr),
            "column");
    }
    int r = 1;
    for (const StatsRow& row : table_.rows) line(ws, r++, row, cols, false);
    if (!table_.rows.empty())
      check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(r - 1),
                                 static_cast<lxw_col_t>(cols.size() - 1)),
            "filter");
    line(ws, r, table_.totals, cols, true);
    worksheet_freeze_panes(ws, 1, 0);
  }

  void line(lxw_worksheet* ws, int r, const StatsRow& row, const std::vector<Out>& cols,
            bool total) {
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const int column = static_cast<int>(c);
      const Out& col = cols[c];
      if (total && col.key == "late") {
        number(ws, r, column, static_cast<double>(row.late_reports), total_count_);
        continue;
      }
      if (col.kind == StatsKind::Count) {
        if (const Figure n = stats_value(row, col.key).count)
          number(ws, r, column, static_cast<double>(*n), total ? total_count_ : count_);
        continue;
      }
      if (col.kind == StatsKind::Rate) {
        const StatsValue v = stats_value(row, col.key);
        if (auto value = v.rate.value()) number(ws, r, column, *value, total ? total_rate_ : rate_);
        continue;
      }
      text(ws, r, column, stats_cell_text(row, col, total, lang_, ""), total ? total_text_ : text_);
    }
  }

  void failures() {
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, tr(lang_, "未能读取", "Not read"));
    text(ws, 0, 0, tr(lang_, "文件", "File"), head_);
    text(ws, 0, 1, tr(lang_, "原因", "Reason"), head_);
    check(worksheet_set_column(ws, 0, 0, 40, nullptr), "column");
    check(worksheet_set_column(ws, 1, 1, 80, nullptr), "column");
    int r = 1;
    for (const StatsFailure& f : table_.failures) {
      text(ws, r, 0, f.file, text_);
      text(ws, r, 1, f.message, text_);
      ++r;
    }
  }

  const StatsTable& table_;
  Lang lang_;
  lxw_workbook* workbook_ = nullptr;
  lxw_format *head_ = nullptr, *text_ = nullptr, *count_ = nullptr, *rate_ = nullptr;
  lxw_format *total_text_ = nullptr, *total_count_ = nullptr, *total_rate_ = nullptr;
};

}  // namespace

std::string stats_xlsx(const StatsTable& table, Lang lang) {
  detail::ScratchFile file;
  {
    XlsxWriter writer(table, lang, file.path());
    writer.write();
  }
  return file.read();
}

}  // namespace govreport
