// The text format: the six sections in order, tables drawn in ASCII with CJK-aware widths.

#include <numeric>

#include "govreport/references.hpp"
#include "govreport/render.hpp"
#include "govreport/safe_text.hpp"
#include "render/common.hpp"

namespace govreport {
namespace {

using detail::display_width;

std::string pad(const std::string& s, std::size_t width, bool right) {
  const std::size_t w = display_width(s);
  const std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + s : s + fill;
}

class TextTable {
 public:
  TextTable(const Report& report, const Table& table) : report_(report), table_(table) {}

  std::string render() {
    const std::size_t n = table_.columns.size();
    widths_.assign(n + 1, 0);
    widths_[0] = display_width(table_.row_head);
    std::vector<std::vector<std::string>> body;
    for (std::size_t r = 0; r < table_.rows.size(); ++r) {
      const Row& row = table_.rows[r];
      std::vector<std::string> line(n + 1);
      line[0] = std::string(static_cast<std::size_t>(row.depth) * 2, ' ') + detail::row_label(row);
      if (row.role != RowRole::Group)
        for (std::size_t c = 0; c < n; ++c)
          line[c + 1] =
              detail::cell_text(report_, table_, static_cast<int>(r), static_cast<int>(c));
      for (std::size_t i = 0; i <= n; ++i)
        widths_[i] = std::max(widths_[i], display_width(line[i]));
      body.push_back(std::move(line));
    }
    for (std::size_t c = 0; c < n; ++c)
      widths_[c + 1] = std::max(widths_[c + 1], display_width(table_.columns[c].zh));
    widen_for_groups();

    std::string out = rule();
    if (has_groups()) out += group_line();
    std::vector<std::string> head(n + 1);
    head[0] = has_groups() ? "" : std::string(table_.row_head);
    for (std::size_t c = 0; c < n; ++c) head[c + 1] = std::string(table_.columns[c].zh);
    out += line(head, false) + rule();
    for (const auto& row : body) out += line(row, true);
    return out + rule();
  }

 private:
  bool has_groups() const {
    for (const Column& c : table_.columns)
      if (!c.group_zh.empty()) return true;
    return false;
  }

  // Runs of consecutive columns under one group head: [first, last).
  std::vector<std::pair<std::size_t, std::size_t>> runs() const {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t c = 0; c < table_.columns.size();) {
      std::size_t e = c + 1;
      while (e < table_.columns.size() && !table_.columns[c].group_zh.empty() &&
             table_.columns[e].group_zh == table_.columns[c].group_zh)
        ++e;
      out.emplace_back(c, e);
      c = e;
    }
    return out;
  }

  std::size_t span_width(std::size_t first, std::size_t last) const {
    std::size_t w = 0;
    for (std::size_t c = first; c < last; ++c) w += widths_[c + 1];
    return w + 3 * (last - first - 1);
  }

  void widen_for_groups() {
    for (auto [first, last] : runs()) {
      const std::size_t need = display_width(table_.columns[first].group_zh);
      const std::size_t have = span_width(first, last);
      if (need > have) widths_[last] += need - have;
    }
  }

  std::string group_line() const {
    std::string out = "| " + pad(std::string(table_.row_head), widths_[0], false) + " |";
    for (auto [first, last] : runs())
      out += " " +
             pad(std::string(table_.columns[first].group_zh), span_width(first, last), false) +
             " |";
    return out + "\n";
  }

  std::string rule() const {
    std::string out = "+";
    for (std::size_t w : widths_) out += std::string(w + 2, '-') + "+";
    return out + "\n";
  }

  std::string line(const std::vector<std::string>& cells, bool numbers_right) const {
    std::string out = "|";
    for (std::size_t i = 0; i < cells.size(); ++i)
      out += " " + pad(cells[i], widths_[i], numbers_right && i > 0) + " |";
    return out + "\n";
  }

  const Report& report_;
  const Table& table_;
  std::vector<std::size_t> widths_;
};

void paragraphs(std::string& out, const Report& report, const std::vector<std::string>& items) {
  for (const std::string& p : items)
    out += "　　" + publishable(expand_references(report, p)) + "\n\n";
}

}  // namespace

std::string render_text(const Report& report) {
  std::string out = publishable(report.display_title()) + "\n\n";
  paragraphs(out, report, detail::section_paragraphs(report, {}));
  for (const Section& section : report.edition->sections) {
    out += std::string(section.numeral) + "、" + std::string(section.zh) + "\n\n";
    paragraphs(out, report, detail::section_paragraphs(report, section.numeral));
    for (const Table& table : report.edition->tables) {
      if (table.section != section.numeral) continue;
      if (!table.caption.empty()) out += std::string(table.caption) + "\n";
      if (!table.note.empty()) out += std::string(table.note) + "\n";
      out += TextTable(report, table).render() + "\n";
    }
  }
  while (out.ends_with("\n\n")) out.pop_back();
  if (const auto s = detail::signature(report)) {
    // Right-aligned on a line of 28 characters, the line of GB/T 9704, after an empty line.
    constexpr std::size_t kLine = 56;
    auto at = [](const std::string& text, double start) {
      return std::string(start > 0 ? static_cast<std::size_t>(start) : 0, ' ') + text + "\n";
    };
    const double agency = kLine - (s->agency_indent + s->agency_width) * 2;
    out += "\n" + at(s->agency, agency);
    if (!s->date.empty())
      out += at(s->date, s->date_under_agency
                             ? agency + 4
                             : static_cast<double>(kLine - 4 - display_width(s->date)));
  }
  return out;
}

}  // namespace govreport
