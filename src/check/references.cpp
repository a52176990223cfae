// {{path}} references in the narrative: found, expanded to the printed cell, and checked.

#include "govreport/references.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "model/printed.hpp"
#include "text/edit_distance.hpp"
#include "text/utf8.hpp"

namespace govreport {
namespace {

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";

bool path_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::string dotted(std::string_view pointer) {
  std::string path(pointer.substr(1));
  std::replace(path.begin(), path.end(), '/', '.');
  return path;
}

// The cell path a writer most likely meant: a cell of the row they named (its total if it has
// one), else the nearest path by edit distance when it is near enough.
std::string suggestion(const Edition& edition, std::string_view path) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(3, path.size() / 3) + 1;
  bool best_is_total = false;
  for (const CellDef& cell : edition.cells) {
    const std::string candidate = dotted(cell.pointer);
    if (!path.empty() && candidate.starts_with(std::string(path) + ".")) {
      const Table& table = edition.tables[static_cast<std::size_t>(cell.table)];
      const bool total =
          table.columns[static_cast<std::size_t>(cell.column)].key == table.total_column;
      if (best_distance > 0 || (total && !best_is_total)) {
        best = candidate;
        best_is_total = total;
      }
      best_distance = 0;
      continue;
    }
    if (best_distance == 0) continue;
    const std::size_t d = detail::edit_distance(path, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace

std::vector<Reference> find_references(std::string_view text) {
  std::vector<Reference> found;
  for (std::size_t at = text.find(kOpen); at != std::string_view::npos; at = text.find(kOpen, at)) {
    const std::size_t close = text.find(kClose, at + kOpen.size());
    // A second "{{" before the "}}" means this one was never closed.
    const std::size_t next = text.find(kOpen, at + kOpen.size());
    if (close == std::string_view::npos || (next != std::string_view::npos && next < close)) {
      const std::size_t end = next == std::string_view::npos ? text.size() : next;
      found.push_back({at, end,
                       std::string(trim(text.substr(at + kOpen.size(), end - at - kOpen.size()))),
                       false});
      at = end;
      continue;
    }
    found.push_back({at, close + kClose.size(),
                     std::string(trim(text.substr(at + kOpen.size(), close - at - kOpen.size()))),
                     true});
    at = close + kClose.size();
  }
  return found;
}

int reference_cell(const Edition& edition, std::string_view path) {
  if (path.empty() || path.front() == '.' || path.back() == '.' ||
      !std::all_of(path.begin(), path.end(), path_char))
    return -1;
  std::string pointer = "/" + std::string(path);
  std::replace(pointer.begin(), pointer.end(), '.', '/');
  return edition.cell_index(pointer);
}

std::string expand_references(const Report& report, std::string_view text) {
  std::string out;
  std::size_t done = 0;
  for (const Reference& ref : find_references(text)) {
    const int index = ref.closed ? reference_cell(*report.edition, ref.path) : -1;
    if (index < 0) continue;
    const CellDef& cell = report.edition->cells[static_cast<std::size_t>(index)];
    out.append(text.substr(done, ref.begin - done));
    out += detail::cell_text(report, report.edition->tables[static_cast<std::size_t>(cell.table)],
                             cell.row, cell.column);
    done = ref.end;
  }
  out.append(text.substr(done));
  return out;
}

void check_references(const Report& report, Findings& findings) {
  for_each_text(report, true, [&](std::string_view text, const std::string& pointer) {
    for (const Reference& ref : find_references(text)) {
      if (ref.closed && reference_cell(*report.edition, ref.path) >= 0) continue;
      // An unclosed reference runs to the next "{{" or the paragraph's end: show its start.
      const std::string written =
          detail::shorten_chars(text.substr(ref.begin, ref.end - ref.begin), 40);
      const Position position = report.source.position_in_string(pointer, ref.begin);
      if (!ref.closed) {
        Diagnostic& d = findings.add("bad-reference", pointer,
                                     {fmt::format("引用 {} 缺少结尾的 }}}}", written),
                                      fmt::format("the reference {} has no closing }}}}", written)},
                                     position);
        d.actual = written;
        continue;
      }
      const std::string near = suggestion(*report.edition, ref.path);
      const std::string edition(report.edition->id);
      Diagnostic& d = findings.add(
          "bad-reference", pointer,
          {fmt::format("引用 {} 不是 {} 版表格中的单元格{}", written, edition,
                       near.empty() ? "" : fmt::format("（是否想写 {{{{{}}}}}？）", near)),
           fmt::format("the reference {} names no cell of the {} edition's tables{}", written,
                       edition,
                       near.empty() ? "" : fmt::format(" (did you mean {{{{{}}}}}?)", near))},
          position);
      d.expected = near;
      d.actual = written;
    }
  });
}

}  // namespace govreport
