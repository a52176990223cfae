// A workbook that govreport wrote (init or build -o x.xlsx), read back by its labels: the
// metadata beside their labels, the narrative under its part names, each table value where its
// row label and column head meet. Cells are never found by coordinates, so a workbook that
// Excel, WPS or LibreOffice saved again, or with rows inserted, still reads; every value read
// gets its cell as its place. A formula whose result the file does not hold is reported.

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "govreport/check.hpp"
#include "import/normalize.hpp"
#include "import/recognise.hpp"
#include "import/workbook.hpp"
#include "model/workbook.hpp"

namespace govreport::importer {
namespace {

namespace wb = detail::workbook;

// Where a cell is: its sheet (an index into Workbook::sheets), row and column.
struct At {
  std::size_t sheet = 0;
  int row = 0;
  int column = 0;
};

// The largest value a count may hold, as the data file allows.
constexpr double kMaxCount = 1e12;

std::string label_of(const Row& row) { return std::string(row.numbering) + std::string(row.zh); }

std::string trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// Reads "2026-01-20", "2026/1/20", "2026年1月20日" (a time after it ignored) into ISO form.
std::optional<std::string> parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  const std::u32string folded = fold(text);
  std::vector<int> numbers;
  int current = -1;
  for (char32_t c : folded) {
    if (c >= U'0' && c <= U'9') {
      current = (current < 0 ? 0 : current * 10) + static_cast<int>(c - U'0');
      if (current > 99999) return std::nullopt;
      continue;
    }
    if (current >= 0) numbers.push_back(current);
    current = -1;
    if (numbers.size() == 3) break;
    if (c != U'-' && c != U'/' && c != U'.' && c != U'年' && c != U'月') return std::nullopt;
  }
  if (current >= 0 && numbers.size() < 3) numbers.push_back(current);
  if (numbers.size() != 3) return std::nullopt;
  y = numbers[0];
  m = numbers[1];
  d = numbers[2];
  const std::chrono::year_month_day date{std::chrono::year{y},
                                         std::chrono::month{static_cast<unsigned>(m)},
                                         std::chrono::day{static_cast<unsigned>(d)}};
  if (y < 1900 || y > 9999 || !date.ok()) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// The date of a spreadsheet date number: days since 1899-12-30 (1900 system, whose day 60 is a
// 29 February that never was) or since 1904-01-01.
std::optional<std::string> serial_date(double serial, bool date1904) {
  if (!(serial >= 1 && serial < 2958466)) return std::nullopt;
  const auto days = static_cast<int>(std::floor(serial));
  if (!date1904 && days == 60) return std::nullopt;
  using namespace std::chrono;
  const sys_days base = date1904 ? sys_days{year{1904} / January / 1}
                                 : sys_days{year{1899} / December / (days < 60 ? 31 : 30)};
  const year_month_day date{base + std::chrono::days{days}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

class OwnReader {
 public:
  OwnReader(const Workbook& book, std::string_view file, const ImportOptions& options)
      : book_(book), file_(file), options_(options) {
    index_.resize(book.sheets.size());
    for (std::size_t s = 0; s < book.sheets.size(); ++s)
      for (const auto& [at, cell] : book.sheets[s].cells)
        if (cell.type == SheetCell::Type::Text)
          index_[s].emplace(fold(cell.value), std::make_pair(at.first, at.second));
  }

  std::optional<ImportResult> run() {
    const std::optional<std::size_t> info = info_sheet();
    if (!info) return std::nullopt;
    ImportResult result;
    result.summary.source = book_.description;
    const int year = read_year(*info);
    const Edition* edition = year == 0 ? nullptr : edition_for_year(year);
    if (year != 0 && edition == nullptr)
      add("unsupported-year", pointer(wb::Field::Year), field(wb::Field::Year),
          fmt::format("{} 年早于 {} 年，没有全国统一的表格格式，无法导入", year, kFirstYear),
          fmt::format("{} is before {}, which has no national table format; nothing imported", year,
                      kFirstYear));
    std::optional<Diagnostic> mismatch;
    if (edition != nullptr) {
      // The year's edition, unless the tables are clearly laid out as the other one's: they are
      // then read as laid out, and checking the workbook says the format is not the year's.
      EditionEvidence evidence;
      gather_cell_evidence(
          [&](std::string_view text) -> std::optional<Where> {
            for (std::size_t s = 0; s < book_.sheets.size(); ++s)
              if (const std::vector<At> hits = find(s, text); !hits.empty())
                return Where{.place = place(hits.front()),
                             .order = place_order(s, hits.front().row, hits.front().column)};
            return std::nullopt;
          },
          evidence);
      if (const std::optional<PrintedEdition> printed =
              other_printed_edition(evidence, *edition, year)) {
        edition = printed->edition;
        result.summary.edition_by = printed->summary;
        mismatch =
            make_diagnostic("format-mismatch", "/format", printed->finding.zh, printed->finding.en);
        mismatch->file = std::string(file_);
        mismatch->position.place = printed->where.place;
        mismatch->position.place_order = printed->where.order;
      }
      report_ = make_report(*edition, year);
      read_metadata(*info);
      read_text();
      read_tables();
      // Labels like those of the metadata sheet, but no table or narrative as govreport lays them
      // out: a workbook of its own, read as table grids.
      if (labels_found_ == 0 && parts_found_.empty()) return std::nullopt;
      fill_totals(*report_);
      fill_summary(result.summary);
      result.report = std::move(report_);
      if (mismatch) result.report_findings.push_back(std::move(*mismatch));
    }
    for (Pending& p : pending_) {
      Diagnostic d =
          make_diagnostic(p.rule, std::move(p.pointer), std::move(p.zh), std::move(p.en));
      d.file = std::string(file_);
      d.position.place = std::move(p.place);
      d.position.place_order = p.order;
      result.findings.push_back(std::move(d));
    }
    sort_diagnostics(result.findings);
    result.summary.errors = count(result.findings, Severity::Error);
    result.summary.warnings = count(result.findings, Severity::Warning);
    return result;
  }

 private:
  struct Pending {
    std::string_view rule;
    std::string pointer;
    std::string zh;
    std::string en;
    std::string place;
    std::size_t order = 0;
  };

  const Sheet& sheet(std::size_t s) const { return book_.sheets[s]; }

  std::string place(const At& at) const { return cell_place(sheet(at.sheet), at.row, at.column); }

  void add(std::string_view rule, std::string pointer, std::optional<At> at, std::string zh,
           std::string en) {
    Pending p{rule, std::move(pointer), std::move(zh), std::move(en), {}, 0};
    if (at) {
      p.place = place(*at);
      p.order = place_order(at->sheet, at->row, at->column);
    }
    pending_.push_back(std::move(p));
  }

  // Names a sheet in findings, without a cell.
  void add_on_sheet(std::string_view rule, std::string pointer, std::size_t s, std::string zh,
                    std::string en) {
    Pending p{rule,          std::move(pointer), std::move(zh),
              std::move(en), sheet(s).name,      place_order(s, -1, -1)};
    pending_.push_back(std::move(p));
  }

  void record(const std::string& pointer, const At& at) {
    report_->source.add_place(pointer, place(at), place_order(at.sheet, at.row, at.column));
  }

  // The cells of sheet `s` whose text is `text` (compared folded), in order.
  std::vector<At> find(std::size_t s, std::string_view text) const {
    std::vector<At> out;
    const auto [first, last] = index_[s].equal_range(fold(text));
    for (auto it = first; it != last; ++it) out.push_back({s, it->second.first, it->second.second});
    std::sort(out.begin(), out.end(), [](const At& a, const At& b) {
      return std::tie(a.row, a.column) < std::tie(b.row, b.column);
    });
    return out;
  }

  // The sheet named `name`, else the first sheet where `accept` holds.
  template <typename Accept>
  std::optional<std::size_t> sheet_for(std::string_view name, Accept accept) const {
    for (std::size_t s = 0; s < book_.sheets.size(); ++s)
      if (sheet(s).name == name && accept(s)) return s;
    for (std::size_t s = 0; s < book_.sheets.size(); ++s)
      if (accept(s)) return s;
    return std::nullopt;
  }

  const SheetCell* cell(const At& at) const { return sheet(at.sheet).at(at.row, at.column); }

  // The cell right of a label, after the label's merged range.
  At beside(const At& label) const {
    const CellRange* m = sheet(label.sheet).merge_at(label.row, label.column);
    return {label.sheet, label.row, m != nullptr ? m->last_column + 1 : label.column + 1};
  }

  std::string text_at(const At& at) const {
    const SheetCell* c = cell(at);
    return c == nullptr ? std::string() : trimmed(shown_text(*c));
  }

  // --- metadata ---------------------------------------------------------------------------

  std::optional<std::size_t> info_sheet() {
    const auto labelled = [&](std::size_t s, wb::Field field) {
      for (const wb::FieldLabel& f : wb::kFields)
        if (f.field == field) return !find(s, f.zh).empty();
      return false;
    };
    const auto s = sheet_for(wb::kInfoSheet, [&](std::size_t i) {
      return labelled(i, wb::Field::Agency) && labelled(i, wb::Field::Year);
    });
    if (!s) return std::nullopt;
    for (const wb::FieldLabel& f : wb::kFields) {
      const std::vector<At> hits = find(*s, f.zh);
      if (!hits.empty()) field_at_[f.field] = beside(hits.front());
    }
    return s;
  }

  std::optional<At> field(wb::Field f) const {
    auto it = field_at_.find(f);
    return it == field_at_.end() ? std::nullopt : std::optional<At>(it->second);
  }

  // The JSON Pointer that a field fills.
  static std::string pointer(wb::Field f) {
    for (const wb::FieldLabel& l : wb::kFields)
      if (l.field == f) return std::string(l.pointer);
    return {};
  }

  static std::string_view field_label(wb::Field f) {
    for (const wb::FieldLabel& l : wb::kFields)
      if (l.field == f) return l.zh;
    return {};
  }

  int read_year(std::size_t info) {
    if (options_.year != 0) return options_.year;
    const std::optional<At> at = field(wb::Field::Year);
    const SheetCell* c = at ? cell(*at) : nullptr;
    const std::string text = c == nullptr ? std::string() : trimmed(c->value);
    int year = 0;
    if (c != nullptr && c->type == SheetCell::Type::Number) {
      const double v = std::strtod(text.c_str(), nullptr);
      if (v == std::floor(v) && v >= 1 && v <= 9999) year = static_cast<int>(v);
    } else if (c != nullptr && c->type == SheetCell::Type::Text) {
      std::u32string digits = fold(text);
      if (digits.ends_with(U"年")) digits.pop_back();
      if (!digits.empty() && digits.size() <= 4 &&
          std::all_of(digits.begin(), digits.end(),
                      [](char32_t d) { return d >= U'0' && d <= U'9'; }))
        year = std::stoi(encode_utf8(digits));
    }
    if (year != 0) return year;
    const std::string_view label = field_label(wb::Field::Year);
    if (at)
      add("missing-metadata", pointer(wb::Field::Year), at,
          fmt::format("{}“{}”不是年份；请填写报告年度或用 --year 指定", label, text),
          fmt::format("{} \"{}\" is no year; fill it in or give --year", label, text));
    else
      add_on_sheet("missing-metadata", pointer(wb::Field::Year), info,
                   fmt::format("未找到“{}”；请用 --year 指定", label),
                   fmt::format("no \"{}\" found; give it with --year", label));
    return 0;
  }

  void read_metadata(std::size_t info) {
    Report& r = *report_;
    if (const auto at = field(wb::Field::Year)) record(pointer(wb::Field::Year), *at);
    const std::optional<At> agency = field(wb::Field::Agency);
    r.agency = !options_.agency.empty() ? options_.agency
               : agency                 ? tidy(text_at(*agency))
                                        : std::string();
    if (agency) record(pointer(wb::Field::Agency), *agency);
    if (r.agency.empty()) {
      const std::string_view label = field_label(wb::Field::Agency);
      if (agency)
        add("missing-metadata", pointer(wb::Field::Agency), agency,
            fmt::format("{}为空；请填写或用 --agency 指定", label),
            fmt::format("{} is empty; fill it in or give --agency", label));
      else
        add_on_sheet("missing-metadata", pointer(wb::Field::Agency), info,
                     fmt::format("未找到“{}”；请用 --agency 指定", label),
                     fmt::format("no \"{}\" found; give it with --agency", label));
    }
    if (const auto at = field(wb::Field::Kind)) {
      record(pointer(wb::Field::Kind), *at);
      const std::string text = text_at(*at);
      const std::u32string k = fold(text);
      if (k == fold(wb::kGovernment) || k == U"government" || k == fold("人民政府")) {
        r.agency_kind = AgencyKind::Government;
      } else if (k.empty() || k == fold(wb::kDepartment) || k == U"department") {
        r.agency_kind = AgencyKind::Department;
      } else {
        add("wrong-type", pointer(wb::Field::Kind), at,
            fmt::format("{}“{}”应为“{}”或“{}”", field_label(wb::Field::Kind), text, wb::kDepartment,
                        wb::kGovernment),
            fmt::format("{} \"{}\" should be \"{}\" or \"{}\"", field_label(wb::Field::Kind), text,
                        wb::kDepartment, wb::kGovernment));
      }
    }
    if (options_.agency_kind) r.agency_kind = *options_.agency_kind;
    if (const auto at = field(wb::Field::Title)) {
      record(pointer(wb::Field::Title), *at);
      r.title = text_at(*at);
    }
    if (const auto at = field(wb::Field::Published)) {
      record(pointer(wb::Field::Published), *at);
      const SheetCell* c = cell(*at);
      std::optional<std::string> date;
      if (c != nullptr && c->type == SheetCell::Type::Number)
        date = serial_date(std::strtod(c->value.c_str(), nullptr), book_.date1904);
      else if (c != nullptr && c->type == SheetCell::Type::Text)
        date = parse_date(c->value);
      // The report covers a whole year: it cannot come out before the year has ended.
      const std::string earliest = fmt::format("{}-01-01", r.year + 1);
      if (date && *date < earliest) {
        add("wrong-type", pointer(wb::Field::Published), at,
            fmt::format("发布日期 {} 早于报告年度结束：{} 年的报告应在 {} 或之后发布", *date,
                        r.year, earliest),
            fmt::format("published {} is before the report's year ended: a report for {} is "
                        "published on {} or later",
                        *date, r.year, earliest));
      } else if (date) {
        r.published = *date;
      } else if (c != nullptr && !c->empty()) {
        const std::string text = text_at(*at);
        add("wrong-type", pointer(wb::Field::Published), at,
            fmt::format("{}“{}”不是日期；请填写如 2026-01-20", field_label(wb::Field::Published),
                        text),
            fmt::format("{} \"{}\" is no date; write e.g. 2026-01-20",
                        field_label(wb::Field::Published), text));
      }
    }
  }

  // --- narrative --------------------------------------------------------------------------

  void read_text() {
    std::optional<At> heads[3];
    const auto s = sheet_for(wb::kTextSheet, [&](std::size_t i) {
      for (const At& text : find(i, wb::kTextHead)) {
        for (const At& part : find(i, wb::kPartHead)) {
          if (part.row != text.row) continue;
          heads[0] = part;
          heads[2] = text;
          for (const At& title : find(i, wb::kTitleHead))
            if (title.row == text.row) heads[1] = title;
          return true;
        }
      }
      return false;
    });
    if (!s) return;  // the narrative is then empty, which the rules report
    Report& r = *report_;
    const Edition& e = *r.edition;
    // What the rows below a part's heading fill: a narrative part (an index into
    // Edition::narrative), the section of a table, or nothing yet.
    constexpr int kNone = -1, kTables = -2;
    int part = kNone;
    auto part_pointer = [&](int k) {
      return "/" + std::string(e.narrative[static_cast<std::size_t>(k)].key);
    };
    auto in_subsection = [&] {
      return part >= 0 && e.narrative[static_cast<std::size_t>(part)].subsections &&
             !r.narrative[static_cast<std::size_t>(part)].subsections.empty() && subsection_;
    };
    const int column[3] = {heads[0]->column, heads[1] ? heads[1]->column : -1, heads[2]->column};
    for (int row = heads[2]->row + 1; row < sheet(*s).rows; ++row) {
      const At part_at{*s, row, column[0]};
      const At title_at{*s, row, column[1]};
      const At text_cell{*s, row, column[2]};
      const std::string name = tidy(text_at(part_at));
      const std::string title = column[1] >= 0 ? text_at(title_at) : std::string();
      std::string text = text_at(text_cell);
      bool new_subsection = false;
      if (!name.empty()) {
        const int k = part_named(name);
        const HeadingMatch heading = match_heading(name, e);
        if (k >= 0) {
          part = k;
          subsection_ = false;
          record(part_pointer(k), part_at);
          ++parts_found_[std::string(e.narrative[static_cast<std::size_t>(k)].section)];
        } else if (heading.section >= 0) {  // a section of tables
          const Section& sec = e.sections[static_cast<std::size_t>(heading.section)];
          part = kTables;
          if (text == wb::see_sheet(sec.numeral)) text.clear();
        } else if (part >= 0 && e.narrative[static_cast<std::size_t>(part)].subsections &&
                   is_numbering(fold(name))) {
          new_subsection = true;
        } else {
          add("extra-row", "", part_at, fmt::format("“{}”不是报告的一个部分；本行未导入", name),
              fmt::format("\"{}\" is no part of the report; the row is not imported", name));
          continue;
        }
      }
      const bool has_subsections =
          part >= 0 && e.narrative[static_cast<std::size_t>(part)].subsections;
      if (!title.empty() && has_subsections) new_subsection = true;
      if (new_subsection) {
        Narrative& n = r.narrative[static_cast<std::size_t>(part)];
        n.subsections.push_back({title, {}});
        subsection_ = true;
        const std::string base =
            fmt::format("{}/subsections/{}", part_pointer(part), n.subsections.size() - 1);
        record(base, name.empty() ? title_at : part_at);
        if (!title.empty()) record(base + "/title", title_at);
      } else if (!title.empty()) {
        add("extra-row", "", title_at, fmt::format("小标题“{}”只用于有小标题的部分；未导入", title),
            fmt::format("the subsection title \"{}\" belongs to a part with subsections; not "
                        "imported",
                        title));
      }
      if (text.empty()) continue;
      if (part < 0) {
        add("extra-row", "", text_cell,
            part == kNone ? "这段文字不在任何部分之下；未导入"
                          : "表格部分的文字应写在表格所在的工作表；未导入",
            part == kNone ? "this paragraph is under no part; not imported"
                          : "text of a table section belongs on its sheet; not imported");
        continue;
      }
      Narrative& n = r.narrative[static_cast<std::size_t>(part)];
      if (in_subsection()) {
        Subsection& sub = n.subsections.back();
        record(fmt::format("{}/subsections/{}/paragraphs/{}", part_pointer(part),
                           n.subsections.size() - 1, sub.paragraphs.size()),
               text_cell);
        sub.paragraphs.push_back(std::move(text));
        continue;
      }
      record(fmt::format("{}{}/{}", part_pointer(part), has_subsections ? "/paragraphs" : "",
                         n.paragraphs.size()),
             text_cell);
      n.paragraphs.push_back(std::move(text));
    }
  }

  // The narrative part whose heading is `name` ("开头说明", "一、总体情况"), or -1.
  int part_named(std::string_view name) const {
    const Edition& e = *report_->edition;
    const std::u32string folded = fold(name);
    for (std::size_t k = 0; k < e.narrative.size(); ++k)
      if (fold(e.narrative[k].heading_zh) == folded) return static_cast<int>(k);
    const HeadingMatch heading = match_heading(name, e);
    if (heading.section < 0) return -1;
    const std::string_view numeral = e.sections[static_cast<std::size_t>(heading.section)].numeral;
    for (std::size_t k = 0; k < e.narrative.size(); ++k)
      if (e.narrative[k].section == numeral) return static_cast<int>(k);
    return -1;
  }

  // "(一)" … "(十二)" as fold writes them.
  static bool is_numbering(const std::u32string& s) {
    if (s.size() < 3 || s.front() != U'(' || s.back() != U')') return false;
    return std::all_of(s.begin() + 1, s.end() - 1, [](char32_t c) {
      return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
    });
  }

  // --- tables -----------------------------------------------------------------------------

  void read_tables() {
    const Edition& e = *report_->edition;
    std::vector<std::string_view> numerals;
    for (const Table& t : e.tables)
      if (std::find(numerals.begin(), numerals.end(), t.section) == numerals.end())
        numerals.push_back(t.section);
    for (std::string_view numeral : numerals) {
      std::vector<const Table*> tables;
      for (const Table& t : e.tables)
        if (t.section == numeral) tables.push_back(&t);
      const auto s = sheet_for(wb::table_sheet(numeral), [&](std::size_t i) {
        for (const Table* t : tables)
          for (const Row& row : t->rows)
            if (row.role != RowRole::Group && !find(i, label_of(row)).empty()) return true;
        return false;
      });
      for (const Table* t : tables) {
        ++tables_total_;
        rows_total_ += t->data_rows;
        if (!s) {
          add("missing-table", row_pointer(*t, t->rows.front()), std::nullopt,
              fmt::format("未找到{}（在工作簿的各工作表中查找）；其单元格留空", table_name(*t)),
              fmt::format("{} not found (looked in every sheet of the workbook); its cells are "
                          "left blank",
                          table_name_en(*t)));
          continue;
        }
        if (t->layout == TableLayout::Transposed)
          read_transposed(*s, *t);
        else
          read_rows(*s, *t);
      }
      if (s) finish_sheet(*s);
    }
  }

  static std::string table_name(const Table& t) {
    return t.caption.empty() ? "表" + std::string(t.section)
                             : std::string(t.section) + "·" + std::string(t.caption);
  }
  static std::string table_name_en(const Table& t) {
    return t.caption.empty() ? "table " + std::string(t.section)
                             : "table " + std::string(t.section) + " " + std::string(t.caption);
  }
  static std::string row_pointer(const Table& t, const Row& r) {
    std::string path = r.path;
    std::replace(path.begin(), path.end(), '.', '/');
    return "/" + std::string(t.json_key) + "/" + path;
  }

  // The one cell of sheet `s` labelled `text`; reports a label found twice.
  std::optional<At> unique(std::size_t s, std::string_view text, const std::string& pointer,
                           const std::vector<At>& hits) {
    if (hits.size() == 1) return hits.front();
    if (hits.size() > 1) {
      std::string where;
      for (const At& h : hits) where += (where.empty() ? "" : "、") + cell_name(h.row, h.column);
      add("missing-row", pointer, hits.front(),
          fmt::format("“{}”在工作表“{}”中出现 {} 次（{}），无法判断是哪一个；其单元格留空", text,
                      sheet(s).name, hits.size(), where),
          fmt::format("\"{}\" appears {} times in sheet \"{}\" ({}); which one is meant cannot be "
                      "told, so its cells are left blank",
                      text, hits.size(), sheet(s).name, where));
    }
    return std::nullopt;
  }

  void missing_row(std::size_t s, const Table& t, const Row& row) {
    add_on_sheet("missing-row", row_pointer(t, row), s,
                 fmt::format("未找到 {} {}（在工作表“{}”中查找）；其单元格留空", table_name(t),
                             label_of(row), sheet(s).name),
                 fmt::format("{} {} not found (looked in sheet \"{}\"); its cells are left blank",
                             table_name_en(t), label_of(row), sheet(s).name));
  }

  void missing_column(std::size_t s, const Table& t, const Column& c) {
    add_on_sheet(
        "missing-table", row_pointer(t, t.rows.front()), s,
        fmt::format("未找到{}的列“{}”（在工作表“{}”中查找）；该表的单元格留空", table_name(t), c.zh,
                    sheet(s).name),
        fmt::format("column \"{}\" of {} not found (looked in sheet \"{}\"); the table's cells "
                    "are left blank",
                    c.zh, table_name_en(t), sheet(s).name));
  }

  // A table with a label column: each value where its row's label and its column's head meet;
  // the head is the nearest one above the table's first row.
  void read_rows(std::size_t s, const Table& t) {
    std::vector<std::optional<At>> labels(t.rows.size());
    int top = -1;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const Row& row = t.rows[r];
      if (row.role == RowRole::Group) continue;
      const std::string label = label_of(row);
      labels[r] = unique(s, label, row_pointer(t, row), find(s, label));
      if (!labels[r]) {
        if (find(s, label).empty()) missing_row(s, t, row);
        continue;
      }
      ++labels_found_;
      if (top < 0 || labels[r]->row < top) top = labels[r]->row;
    }
    if (top < 0) {
      table_not_found(s, t);
      return;
    }
    std::vector<int> columns;
    for (const Column& c : t.columns) {
      std::optional<At> head;
      for (const At& h : find(s, c.zh))
        if (h.row < top && (!head || h.row > head->row)) head = h;
      if (!head) {
        missing_column(s, t, c);
        return;
      }
      columns.push_back(head->column);
    }
    ++tables_found_;
    tables_seen_.insert(&t);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (!labels[r]) continue;
      record(row_pointer(t, t.rows[r]), *labels[r]);
      ++rows_found_;
      for (std::size_t c = 0; c < t.columns.size(); ++c)
        read_value(t, static_cast<int>(r), static_cast<int>(c), {s, labels[r]->row, columns[c]});
    }
  }

  void table_not_found(std::size_t s, const Table& t) {
    add_on_sheet(
        "missing-table", row_pointer(t, t.rows.front()), s,
        fmt::format("未找到{}（在工作表“{}”中查找）；其单元格留空", table_name(t), sheet(s).name),
        fmt::format("{} not found (looked in sheet \"{}\"); its cells are left blank",
                    table_name_en(t), sheet(s).name));
  }

  // A table printed without labels (四): each row a block of columns under its name, its
  // values in the first row below the heads that holds anything.
  void read_transposed(std::size_t s, const Table& t) {
    const Sheet& sh = sheet(s);
    std::vector<std::optional<At>> names(t.rows.size());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const std::string label = label_of(t.rows[r]);
      names[r] = unique(s, label, row_pointer(t, t.rows[r]), find(s, label));
      if (names[r]) ++labels_found_;
      if (!names[r] && find(s, label).empty()) missing_row(s, t, t.rows[r]);
    }
    bool any = false;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (!names[r]) continue;
      const At name = *names[r];
      int last = sh.columns - 1;
      if (const CellRange* m = sh.merge_at(name.row, name.column)) {
        last = m->last_column;
      } else {
        for (const auto& other : names)
          if (other && other->column > name.column) last = std::min(last, other->column - 1);
      }
      std::vector<At> heads;
      int bottom = name.row;
      for (const Column& c : t.columns) {
        std::optional<At> head;
        for (const At& h : find(s, c.zh))
          if (h.row > name.row && h.column >= name.column && h.column <= last &&
              (!head || h.row < head->row))
            head = h;
        if (!head) {
          missing_column(s, t, c);
          return;
        }
        heads.push_back(*head);
        const CellRange* m = sh.merge_at(head->row, head->column);
        bottom = std::max(bottom, m != nullptr ? m->last_row : head->row);
      }
      int values = bottom + 1;
      for (int row = bottom + 1; row < sh.rows; ++row) {
        bool filled = false;
        for (int c = name.column; c <= last; ++c)
          if (const SheetCell* cell = sh.at(row, c); cell != nullptr && !cell->empty())
            filled = true;
        if (filled) {
          values = row;
          break;
        }
      }
      any = true;
      record(row_pointer(t, t.rows[r]), name);
      ++rows_found_;
      for (std::size_t c = 0; c < t.columns.size(); ++c)
        read_value(t, static_cast<int>(r), static_cast<int>(c), {s, values, heads[c].column});
    }
    if (any) {
      ++tables_found_;
      tables_seen_.insert(&t);
    }
  }

  // Reads one value into its cell, reporting what it cannot read.
  void read_value(const Table& t, int row, int column, const At& at) {
    const int index = t.cell(row, column);
    const CellDef& def = report_->edition->cells[static_cast<std::size_t>(index)];
    const CellKind kind = t.columns[static_cast<std::size_t>(column)].kind;
    Cell& out = report_->cells[static_cast<std::size_t>(index)];
    record(def.pointer, at);
    const SheetCell* c = cell(at);
    const bool total = !total_parts(*report_->edition, index).empty();
    // freexl reads no formula results: a total of an .xls reads as blank.
    const bool unseen = total && !book_.formula_results && (c == nullptr || c->empty());
    if (unseen || (c != nullptr && c->formula && !c->cached)) {
      if (total) {  // computed from its parts, and said so once per sheet
        out = Cell{};
        out.computed = true;
        Uncached& u = uncached_[at.sheet];
        if (u.count++ == 0) u.first = at;
        return;
      }
      add("unreadable-cell", def.pointer, at,
          fmt::format("{}：公式 ={} 没有保存计算结果，留空；请用 Excel、WPS 或 LibreOffice "
                      "打开并保存后再读取",
                      def.name_zh, c->formula_text),
          fmt::format("{}: the formula ={} has no saved result, left blank; open and save the "
                      "workbook in Excel, WPS or LibreOffice",
                      def.name_zh, c->formula_text));
      return;
    }
    if (c == nullptr || c->type == SheetCell::Type::Blank ||
        (c->type == SheetCell::Type::Text && trimmed(c->value).empty())) {
      add("blank-cell", def.pointer, at, fmt::format("{} 为空白；没有请填 0", def.name_zh),
          fmt::format("{} is blank; write 0 if there were none", def.name_zh));
      return;
    }
    const std::string text = trimmed(c->value);
    switch (c->type) {
      case SheetCell::Type::Number:
        return read_number(def, kind, text, at, out);
      case SheetCell::Type::Text: {
        const CellReading reading = read_cell(text, kind, true);
        if (reading.issue == CellReading::Issue::None && reading.unit.empty()) {
          if (reading.cell.is_number() && reading.cell.value < 0 && kind != CellKind::SignedCount)
            return negative(def, text, at);
          out = reading.cell;
          return;
        }
        break;
      }
      case SheetCell::Type::Error:
        add("unreadable-cell", def.pointer, at,
            fmt::format("{} 是错误值 {}，留空", def.name_zh, text),
            fmt::format("{} is the error {}; left blank", def.name_zh, text));
        return;
      default:
        break;
    }
    add("wrong-type", def.pointer, at,
        fmt::format("{} 为“{}”；应为{}、空白或 /（不适用）", def.name_zh, text,
                    kind == CellKind::Amount ? "以万元为单位的金额" : "整数"),
        fmt::format("{} is \"{}\"; it should be {}, blank or / (not applicable)", def.name_zh, text,
                    kind == CellKind::Amount ? "an amount in 万元" : "a whole number"));
  }

  void negative(const CellDef& def, const std::string& text, const At& at) {
    add("negative-value", def.pointer, at,
        fmt::format("{} 为负数 {}；只有“本年增/减”可以为负", def.name_zh, text),
        fmt::format("{} is negative ({}); only 本年增/减 may be", def.name_zh, text));
  }

  // A number as the file writes it: a count must be whole, an amount exact to kAmountPlaces (a
  // spreadsheet's binary rounding, 2154.9699999999998, is taken back to 2154.97; only that
  // rounding, never a digit the amount has beyond the places).
  void read_number(const CellDef& def, CellKind kind, const std::string& text, const At& at,
                   Cell& out) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !std::isfinite(v) || std::abs(v) > kMaxCount) {
      add("wrong-type", def.pointer, at, fmt::format("{} 的数值 {} 超出范围", def.name_zh, text),
          fmt::format("{}: {} is out of range", def.name_zh, text));
      return;
    }
    if (v < 0 && kind != CellKind::SignedCount) return negative(def, shown(v), at);
    if (kind == CellKind::Amount) {
      if (const auto exact = parse_amount(text)) {
        out = Cell::number(*exact);
        return;
      }
      const double scaled = v * static_cast<double>(kAmountScale);
      const double rounded = std::round(scaled);
      if (std::abs(scaled - rounded) <= 1e-12 * std::max(1.0, std::abs(scaled))) {
        out = Cell::number(static_cast<std::int64_t>(rounded));
        return;
      }
      add("wrong-type", def.pointer, at,
          fmt::format("{} 的金额 {} 超过 {} 位小数（万元记到分）", def.name_zh, shown(v),
                      kAmountPlaces),
          fmt::format("{}: amount {} has more than {} decimal places (万元 to the fen)",
                      def.name_zh, shown(v), kAmountPlaces));
      return;
    }
    const double rounded = std::round(v);
    if (std::abs(v - rounded) > 1e-9 * std::max(1.0, std::abs(v))) {
      add("wrong-type", def.pointer, at, fmt::format("{} 为 {}，不是整数", def.name_zh, shown(v)),
          fmt::format("{} is {}, not a whole number", def.name_zh, shown(v)));
      return;
    }
    out = Cell::number(static_cast<std::int64_t>(rounded));
  }

  static std::string shown(double v) { return fmt::format("{:.15g}", v); }

  void finish_sheet(std::size_t s) {
    auto it = uncached_.find(s);
    if (it == uncached_.end()) return;
    const Uncached& u = it->second;
    if (!book_.formula_results) {
      add("uncalculated-formula", "", u.first,
          fmt::format("读取 .xls 文件时读不到公式的结果：此格等 {} 个总计按其各项之和计算；"
                      "要核对总计，请另存为 .xlsx 后再检查",
                      u.count),
          fmt::format("formula results are not read from an .xls file: this and {} more totals "
                      "are computed from their parts; save it as .xlsx to check the totals",
                      u.count - 1));
      return;
    }
    add("uncalculated-formula", "", u.first,
        u.count == 1 ? std::string("此格的总计公式没有保存计算结果（填写后未经 Excel、WPS 或 "
                                   "LibreOffice 保存）；按其各项之和计算")
                     : fmt::format("此格等 {} 个总计公式没有保存计算结果（填写后未经 Excel、WPS "
                                   "或 LibreOffice 保存）；按其各项之和计算",
                                   u.count),
        u.count == 1 ? std::string("this total's formula has no saved result (not saved by "
                                   "Excel, WPS or LibreOffice since it was filled in); computed "
                                   "from its parts")
                     : fmt::format("this and {} more totals' formulas have no saved result (not "
                                   "saved by Excel, WPS or LibreOffice since they were filled "
                                   "in); computed from their parts",
                                   u.count - 1));
  }

  void fill_summary(ImportSummary& s) {
    const Report& r = *report_;
    s.edition = std::string(r.edition->id);
    s.year = r.year;
    s.agency = r.agency;
    s.agency_kind = r.agency_kind;
    s.agency_kind_by = options_.agency_kind ? "--kind" : "file";
    for (const Section& sec : r.edition->sections) {
      const bool tables = std::any_of(r.edition->tables.begin(), r.edition->tables.end(),
                                      [&](const Table& t) { return t.section == sec.numeral; });
      const bool found = tables ? rows_found_by_section(sec.numeral)
                                : parts_found_.contains(std::string(sec.numeral));
      if (found)
        ++s.sections_found;
      else
        s.sections_missing.push_back(std::string(sec.numeral) + "、" + std::string(sec.zh));
    }
    s.tables_found = tables_found_;
    s.tables_total = tables_total_;
    s.rows_found = rows_found_;
    s.rows_total = rows_total_;
    for (const Table& t : r.edition->tables)
      if (!tables_seen_.contains(&t)) s.tables_missing.push_back(table_name(t));
    s.count_cells(r);
  }

  bool rows_found_by_section(std::string_view numeral) const {
    for (const Table& t : report_->edition->tables)
      if (t.section == numeral && tables_seen_.contains(&t)) return true;
    return false;
  }

  struct Uncached {
    At first;
    int count = 0;
  };

  const Workbook& book_;
  std::string_view file_;
  const ImportOptions& options_;
  std::vector<std::multimap<std::u32string, std::pair<int, int>>> index_;
  std::map<wb::Field, At> field_at_;
  std::optional<Report> report_;
  std::vector<Pending> pending_;
  std::map<std::size_t, Uncached> uncached_;
  std::map<std::string, int> parts_found_;  // by the numeral of their section
  bool subsection_ = false;                 // the rows fill the last subsection of the part
  std::set<const Table*> tables_seen_;
  int tables_found_ = 0, tables_total_ = 0, rows_found_ = 0, rows_total_ = 0;
  int labels_found_ = 0;  // row labels found where govreport puts them
};

}  // namespace

std::optional<ImportResult> read_own_workbook(const Workbook& workbook, std::string_view file,
                                              const ImportOptions& options) {
  return OwnReader(workbook, file, options).run();
}

}  // namespace govreport::importer
