#include "govreport/source.hpp"

#include <algorithm>

namespace govreport {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(c); }));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Returns how many UTF-8 bytes the escape at `raw` decodes to, and how many raw bytes it spans.
std::pair<std::size_t, std::size_t> escape_size(std::string_view raw) {
  if (raw.size() < 2) return {1, raw.size()};
  if (raw[1] != 'u' || raw.size() < 6) return {1, 2};
  unsigned code = 0;
  for (std::size_t i = 2; i < 6; ++i)
    code = code * 16 + static_cast<unsigned>(std::max(0, hex_value(raw[i])));
  if (code >= 0xD800 && code < 0xDC00 && raw.size() >= 12 && raw[6] == '\\' && raw[7] == 'u')
    return {4, 12};
  return {code < 0x80 ? 1u : code < 0x800 ? 2u : 3u, 6};
}

// A byte-order mark is not a column of line 1.
std::size_t line_start(std::string_view text, std::size_t start) {
  return start == 0 && text.starts_with("\xEF\xBB\xBF") ? 3 : start;
}

}  // namespace

Position position_in(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line =
      static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t start = std::min(
      offset,
      line_start(text, before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1));
  return {line, code_points(before.substr(start)) + 1};
}

void SourceMap::set_text(std::string text) {
  text_ = std::move(text);
  line_starts_.clear();
}

void SourceMap::add(std::string pointer, std::size_t offset) {
  offsets_.emplace(std::move(pointer), offset);
}

void SourceMap::index_cells(const std::unordered_map<std::string_view, int>& index,
                            std::size_t count) {
  cell_index_ = &index;
  cell_offsets_.assign(count, std::string_view::npos);
}

std::size_t SourceMap::offset_of(std::string_view pointer) const {
  if (cell_index_ != nullptr) {
    if (auto it = cell_index_->find(pointer); it != cell_index_->end())
      return cell_offsets_[static_cast<std::size_t>(it->second)];
  }
  auto it = offsets_.find(std::string(pointer));
  return it == offsets_.end() ? std::string_view::npos : it->second;
}

Position SourceMap::position(std::size_t offset) const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  const std::size_t start = std::min(offset, line_start(text_, *(it - 1)));
  return {line, code_points(std::string_view(text_).substr(start, offset - start)) + 1};
}

void SourceMap::add_place(std::string pointer, std::string place) {
  const std::size_t order = places_.size() + 1;
  add_place(std::move(pointer), std::move(place), order);
}

void SourceMap::add_place(std::string pointer, std::string place, std::size_t order) {
  places_.emplace(std::move(pointer), std::make_pair(std::move(place), order));
}

Position SourceMap::position_of(std::string_view pointer) const {
  if (!places_.empty()) {
    for (std::string_view p = pointer;; p = p.substr(0, p.rfind('/'))) {
      if (auto it = places_.find(std::string(p)); it != places_.end())
        return {0, 0, it->second.first, it->second.second};
      if (p.empty()) break;
    }
  }
  if (offsets_.empty()) return {};
  while (true) {
    if (const std::size_t offset = offset_of(pointer); offset != std::string_view::npos)
      return position(offset);
    if (pointer.empty()) return {};
    pointer = pointer.substr(0, pointer.rfind('/'));
  }
}

Position SourceMap::position_in_string(std::string_view pointer, std::size_t index) const {
  const std::size_t start = offset_of(pointer);
  if (start == std::string_view::npos || start >= text_.size() || text_[start] != '"')
    return position_of(pointer);
  const std::string_view raw = std::string_view(text_).substr(start + 1);
  std::size_t decoded = 0, i = 0;
  while (decoded < index && i < raw.size() && raw[i] != '"') {
    if (raw[i] == '\\') {
      auto [bytes, span] = escape_size(raw.substr(i));
      decoded += bytes;
      i += span;
    } else {
      ++decoded;
      ++i;
    }
  }
  return position(start + 1 + i);
}

}  // namespace govreport
