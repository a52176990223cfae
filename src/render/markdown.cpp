// The Markdown format: GitHub-flavoured, one table per official table.

#include "govreport/references.hpp"
#include "govreport/render.hpp"
#include "govreport/safe_text.hpp"
#include "render/common.hpp"

namespace govreport {
namespace {

// Escapes what one line of text has that Markdown would read as markup.
std::string escape_line(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  // A line that starts like a list item, a rule, a setext underline or a fence would stop being
  // text.
  const auto space_at = [&](std::size_t i) {
    return i >= out.size() || out[i] == ' ' || out[i] == '\t';
  };
  if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=') &&
      (space_at(1) || out.find_first_not_of(std::string{out[0], ' ', '\t'}) == std::string::npos))
    out.insert(0, "\\");
  if (out.starts_with("~~~")) out.insert(0, "\\");
  std::size_t digits = 0;
  while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
  if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')') &&
      space_at(digits + 1))
    out.insert(digits, "\\");
  return out;
}

// Escapes text so that it prints as written, as one paragraph (or one table cell): each line of
// it is escaped where it starts, and neither indentation nor an empty line can start a block.
std::string escape(std::string_view raw) {
  const std::string text = publishable(raw);
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line = std::string_view(text).substr(start, end - start);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty() || start == 0) {
      if (!out.empty()) out += '\n';
      out += escape_line(line);
    }
    start = end + 1;
  }
  return out;
}

void paragraphs(std::string& out, const Report& report, const std::vector<std::string>& items) {
  for (const std::string& p : items) out += escape(expand_references(report, p)) + "\n\n";
}

std::string table_markdown(const Report& report, const Table& table) {
  std::string out;
  if (!table.caption.empty()) out += "### " + escape(table.caption) + "\n\n";
  if (!table.note.empty()) out += escape(table.note) + "\n\n";
  out += "| " + escape(table.row_head) + " |";
  std::string align = "| --- |";
  for (const Column& c : table.columns) {
    out += " " +
           escape(c.group_zh.empty() ? std::string(c.zh)
                                     : std::string(c.group_zh) + "·" + std::string(c.zh)) +
           " |";
    align += " ---: |";
  }
  out += "\n" + align + "\n";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    out += "| " + escape(detail::row_label(row)) + " |";
    for (std::size_t c = 0; c < table.columns.size(); ++c)
      out +=
          " " +
          (row.role == RowRole::Group ? std::string()
                                      : escape(detail::cell_text(report, table, static_cast<int>(r),
                                                                 static_cast<int>(c)))) +
          " |";
    out += "\n";
  }
  return out + "\n";
}

}  // namespace

std::string render_markdown(const Report& report) {
  std::string out = "# " + escape(report.display_title()) + "\n\n";
  paragraphs(out, report, detail::section_paragraphs(report, {}));
  for (const Section& section : report.edition->sections) {
    out += "## " + std::string(section.numeral) + "、" + escape(section.zh) + "\n\n";
    paragraphs(out, report, detail::section_paragraphs(report, section.numeral));
    for (const Table& table : report.edition->tables)
      if (table.section == section.numeral) out += table_markdown(report, table);
  }
  while (out.ends_with("\n\n")) out.pop_back();
  if (const auto s = detail::signature(report)) {
    // An HTML block: Markdown has no right alignment, and its text is not Markdown.
    out += "\n<p align=\"right\">" + detail::markup_escape(s->agency);
    if (!s->date.empty()) out += "<br>" + detail::markup_escape(s->date);
    out += "</p>\n";
  }
  return out;
}

}  // namespace govreport
