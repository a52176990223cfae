// Text sources: pdftotext output (default and -layout), text copied from a page, and
// govreport's own text and Markdown. Table rows are pipe-, tab- or space-separated.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "import/document.hpp"
#include "import/normalize.hpp"
#include "text/text.hpp"

namespace govreport::importer {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r' || text[i] == '\f') {
      if (i < text.size() || start < text.size()) lines.push_back(text.substr(start, i - start));
      if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  return lines;
}

bool is_blank(std::string_view s) { return tidy(s).empty(); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A rule of a drawn table: "+----+----+" or a Markdown alignment row "| --- | ---: |".
bool is_rule(std::string_view s) {
  s = trim(s);
  if (s.empty()) return false;
  if (s.front() == '+') return s.find_first_not_of("+-=") == std::string_view::npos;
  // The outer pipes may be left out: "--- | ---: |".
  return s.find_first_not_of("|-: ") == std::string_view::npos &&
         s.find('|') != std::string_view::npos && s.find('-') != std::string_view::npos;
}

std::string unescape_markdown(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() &&
        std::string_view("\\`*_[]<>|#-+=.)!{}()").find(s[i + 1]) != std::string_view::npos) {
      out += s[++i];
      continue;
    }
    out += s[i];
  }
  return out;
}

// Splits "| a | b \| c |" into cells, honouring Markdown's escaped bars.
std::vector<std::string> split_pipes(std::string_view s) {
  std::vector<std::string> cells;
  std::string cell;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      cell += s[i];
      cell += s[++i];
      continue;
    }
    if (s[i] == '|') {
      cells.push_back(cell);
      cell.clear();
      continue;
    }
    cell += s[i];
  }
  cells.push_back(cell);
  if (!cells.empty() && is_blank(cells.front())) cells.erase(cells.begin());
  if (!cells.empty() && is_blank(cells.back())) cells.pop_back();
  return cells;
}

std::size_t width_of(std::string_view s) {
  std::size_t w = 0;
  for (char c : s) w += c == '\t' ? 4 : 0;
  std::string no_tabs;
  for (char c : s) no_tabs += c == '\t' ? ' ' : c;
  return w + detail::display_width(no_tabs);
}

// Splits a line into words at whitespace, each with its display columns.
std::vector<Piece> words(std::string_view s) {
  std::vector<Piece> out;
  std::size_t i = 0;
  double column = 0;
  auto space_at = [&](std::size_t k, std::size_t& len) {
    if (s[k] == ' ' || s[k] == '\t') {
      len = 1;
      return true;
    }
    if (s.substr(k).starts_with("\u3000") || s.substr(k).starts_with("\u00A0")) {
      len = s.substr(k).starts_with("\u3000") ? 3 : 2;
      return true;
    }
    return false;
  };
  while (i < s.size()) {
    std::size_t len = 0;
    if (space_at(i, len)) {
      column += static_cast<double>(s[i] == '\t' ? 4 : (len == 3 ? 2 : 1));
      i += len;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && !space_at(j, len)) ++j;
    const std::string_view word = s.substr(i, j - i);
    const double w = static_cast<double>(detail::display_width(word));
    out.push_back({std::string(word), column, column + w});
    column += w;
    i = j;
  }
  return out;
}

// Whether a line is a row of a pipe table: it has a pipe outside Markdown's escapes, the outer
// ones or not ("| 规章 | 0 |", "规章 | 0 | 0 | 0 |", "行政许可 | 9487", "0 |").
bool is_pipe_row(std::string_view t) {
  if (t.starts_with("|")) return true;
  std::size_t pipes = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\') {
      ++i;
      continue;
    }
    pipes += t[i] == '|' ? 1 : 0;
  }
  return pipes > 0;
}

// A layout-preserving extraction (pdftotext -layout) leaves wide gaps inside lines.
bool has_gap(std::string_view s) {
  s = trim(s);
  return s.find("   ") != std::string_view::npos;
}

}  // namespace

// The lines of a right-aligned block of govreport's Markdown, `<p align="right">A<br>B</p>` (the
// 落款), as plain text; nullopt for any other line.
std::optional<std::vector<std::string>> right_aligned(std::string_view line) {
  constexpr std::string_view kOpen = "<p align=\"right\">", kClose = "</p>";
  const std::string_view t = trim(line);
  if (!t.starts_with(kOpen) || !t.ends_with(kClose)) return std::nullopt;
  std::string_view inner = t.substr(kOpen.size(), t.size() - kOpen.size() - kClose.size());
  std::vector<std::string> out;
  for (std::size_t at; !inner.empty(); inner.remove_prefix(std::min(at + 4, inner.size()))) {
    at = std::min(inner.find("<br>"), inner.size());
    std::string part;
    const std::string_view piece = inner.substr(0, at);
    for (std::size_t i = 0; i < piece.size(); ++i) {
      bool entity = false;
      for (auto [name, c] : {std::pair{"&amp;", '&'},
                             {"&lt;", '<'},
                             {"&gt;", '>'},
                             {"&quot;", '"'},
                             {"&#39;", '\''}})
        if (piece.substr(i).starts_with(name)) {
          part += c;
          i += std::string_view(name).size() - 1;
          entity = true;
          break;
        }
      if (!entity) part += piece[i];
    }
    out.push_back(std::move(part));
  }
  return out;
}

// pdftotext without -layout prints each table cell on a line of its own: a report's tables give
// well over this many lines that are one number, where -layout gives none.
constexpr std::size_t kUnlaidNumbers = 20;

bool looks_unlaid(std::string_view utf8) {
  std::size_t alone = 0, rows = 0;
  for (std::string_view line : split_lines(utf8)) {
    std::size_t numbers = 0, tokens = 0;
    for (const Piece& w : words(line)) {
      ++tokens;
      if (!w.text.empty() &&
          std::all_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        ++numbers;
    }
    if (line.find('|') != std::string_view::npos || line.find('\t') != std::string_view::npos)
      return false;  // cells marked as such
    if (numbers >= 3) ++rows;
    if (tokens == 1 && numbers == 1) ++alone;
  }
  return alone >= kUnlaidNumbers && rows < 3;
}

Document read_text(std::string_view utf8) {
  const std::vector<std::string_view> raw = split_lines(utf8);
  bool markdown = false;
  std::size_t gapped = 0, nonblank = 0;
  for (std::string_view l : raw) {
    const std::string_view t = trim(l);
    if (t.starts_with("## ") || (is_rule(t) && t.find("---") != std::string_view::npos))
      markdown = true;
    if (is_blank(t) || is_pipe_row(t) || t.starts_with("+")) continue;
    ++nonblank;
    if (has_gap(l)) ++gapped;
  }
  const bool layout = nonblank > 0 && gapped * 10 >= nonblank;

  // The 落款 block of govreport's Markdown is read as its lines.
  std::vector<std::string> expanded;
  std::vector<std::size_t> numbers;  // the source line of each line
  expanded.reserve(raw.size());
  for (std::size_t n = 0; n < raw.size(); ++n) {
    if (markdown)
      if (auto parts = right_aligned(raw[n])) {
        for (std::string& p : *parts) {
          expanded.push_back(std::move(p));
          numbers.push_back(n);
        }
        continue;
      }
    expanded.emplace_back(raw[n]);
    numbers.push_back(n);
  }

  Document doc;
  bool blank = false;
  std::size_t widest_prose = 0;
  // A table printed one cell per line ("规章 |", "0 |", "0 |" …): the row whose label was the
  // last such line, which takes the values and blanks on the lines after it.
  std::size_t open_row = SIZE_MAX;
  for (std::size_t k = 0; k < expanded.size(); ++k) {
    const std::size_t n = numbers[k];
    const std::string_view l = expanded[k];
    if (is_blank(l)) {
      blank = true;
      continue;
    }
    if (is_rule(l) || is_page_number(l)) continue;
    if (const std::string_view t = trim(l); !t.starts_with("|") && is_pipe_row(t)) {
      std::vector<std::string> cells = split_pipes(t);
      if (cells.size() <= 1) {
        std::string cell = cells.empty() ? std::string() : std::string(trim(cells.front()));
        if (markdown) cell = unescape_markdown(cell);
        const bool label = !tidy(cell).empty() && !looks_like_value(cell);
        if (!label && open_row != SIZE_MAX) {
          doc.lines[open_row].pieces.push_back({cell, 0, 0});
          blank = false;
          continue;
        }
        if (!label && tidy(cell).empty()) continue;  // a blank cell before any label
        Line line;
        line.where = {n + 1, 1, 0};
        line.blank_before = blank;
        blank = false;
        line.pieces.push_back({cell, 0, 0});
        line.cells = true;
        line.width = static_cast<double>(width_of(t));
        open_row = label ? doc.lines.size() : SIZE_MAX;
        doc.lines.push_back(std::move(line));
        continue;
      }
    }
    open_row = SIZE_MAX;
    Line line;
    line.where = {n + 1, 1, 0};
    line.blank_before = blank;
    blank = false;
    std::string text(l);
    if (markdown) {
      const std::string_view t = trim(text);
      if (t.starts_with("#")) {
        const std::size_t hashes = t.find_first_not_of('#');
        if (hashes != std::string_view::npos && hashes <= 6 && t[hashes] == ' ') {
          text = std::string(t.substr(hashes + 1));
          line.heading = true;
        }
      }
    }
    const std::string_view t = trim(text);
    if (is_pipe_row(t)) {
      for (const std::string& cell : split_pipes(t))
        line.pieces.push_back(
            {markdown ? unescape_markdown(trim(cell)) : std::string(trim(cell)), 0, 0});
      line.cells = true;
    } else if (t.find('\t') != std::string_view::npos) {
      std::vector<Piece> tabbed;
      std::size_t start = 0;
      for (std::size_t i = 0; i <= t.size(); ++i) {
        if (i == t.size() || t[i] == '\t') {
          tabbed.push_back({std::string(trim(t.substr(start, i - start))), 0, 0});
          start = i + 1;
        }
      }
      const bool values = std::any_of(tabbed.begin(), tabbed.end(),
                                      [](const Piece& p) { return looks_like_value(p.text); });
      if (values && tabbed.size() >= 2) {
        line.pieces = std::move(tabbed);
        line.cells = true;
      }
    }
    if (!line.cells) {
      const std::string body = markdown ? unescape_markdown(text) : text;
      line.pieces = words(body);
      line.positioned = layout;
      if (!line.pieces.empty()) line.indent = line.pieces.front().x0;
      const bool tabular = std::any_of(line.pieces.begin(), line.pieces.end(),
                                       [](const Piece& p) { return looks_like_value(p.text); });
      if (!tabular && !has_gap(body)) widest_prose = std::max(widest_prose, width_of(trim(body)));
    }
    line.width = static_cast<double>(width_of(t));
    if (line.pieces.empty()) continue;
    doc.lines.push_back(std::move(line));
  }
  doc.content_end = doc.lines.size();
  // Paragraphs written on one line each are far wider than a printed page.
  doc.flow = markdown || widest_prose > 160 ? Flow::Blocks : Flow::Wrapped;
  doc.description = markdown ? "Markdown" : layout ? "text (layout)" : "text";
  return doc;
}

}  // namespace govreport::importer
