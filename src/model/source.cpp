#include "govreport/source.hpp"

#include <algorithm>
#include <cstring>

#include "text/utf8.hpp"

namespace govreport {
namespace {

using detail::code_points;
using detail::is_continuation;

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

// Bytes per block of the line index: a position costs at most this many bytes of counting.
constexpr std::size_t kBlock = 256;

bool is_line_end(std::string_view text, std::size_t i) {
  return text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
}

// Eight bytes at a time: the code points that start in `word`, and whether it may end a line.
constexpr std::uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
bool has_byte(std::uint64_t word, std::uint64_t byte) {
  const std::uint64_t x = word ^ (byte * kOnes);
  return ((x - kOnes) & ~x & kHigh) != 0;
}
bool may_end_line(std::uint64_t word) { return has_byte(word, '\n') || has_byte(word, '\r'); }
std::uint32_t starts_in(std::uint64_t word) {
  const std::uint64_t continuation = word & ~(word << 1) & kHigh;
  return 8 - static_cast<std::uint32_t>(((continuation >> 7) * kOnes) >> 56);
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : first_(text.starts_with("\xEF\xBB\xBF") ? 3 : 0) {
  blocks_.reserve(text.size() / kBlock + 1);
  std::uint32_t lines = 0, code_points = 0;
  auto start = static_cast<std::uint32_t>(first_);
  auto line_ends = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      if (text[i] != '\n' && text[i] != '\r') continue;  // most bytes: one test
      if (is_line_end(text, i)) {
        ++lines;
        start = static_cast<std::uint32_t>(i + 1);
      }
    }
  };
  // Eight bytes at a time: continuation bytes (10xxxxxx) counted, line ends looked for only in a
  // word that holds a \n or \r.
  for (std::size_t from = 0; from <= text.size(); from += kBlock) {
    blocks_.push_back({lines, start, code_points});
    const std::size_t end = std::min(from + kBlock, text.size());
    std::size_t i = from;
    for (; i + 8 <= end; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      code_points += starts_in(word);
      if (may_end_line(word)) line_ends(i, i + 8);
    }
    for (std::size_t j = i; j < end; ++j) code_points += is_continuation(text[j]) ? 0 : 1;
    line_ends(i, end);
  }
}

Position LineIndex::position(std::string_view text, std::size_t offset) const {
  offset = std::min(offset, text.size());
  if (offset < first_) return {1, 1};  // inside the byte-order mark
  const Block& block = blocks_[offset / kBlock];
  const std::size_t from = offset / kBlock * kBlock;
  std::size_t lines = block.lines, start = std::max<std::size_t>(block.start, first_);
  for (std::size_t i = from; i < offset; ++i) {
    if (is_line_end(text, i)) {
      ++lines;
      start = i + 1;
    }
  }
  // Code points from the line's start: counted from there if it is in this block, else from the
  // index of the block that holds it.
  std::size_t column;
  if (start >= from) {
    column = code_points(text.substr(start, offset - start));
  } else {
    const Block& home = blocks_[start / kBlock];
    const std::size_t before_start =
        home.code_points + code_points(text.substr(start / kBlock * kBlock, start % kBlock));
    column = block.code_points + code_points(text.substr(from, offset - from)) - before_start;
  }
  return {lines + 1, column + 1};
}

Position position_in(std::string_view text, std::size_t offset) {
  return LineIndex(text).position(text, offset);
}

void SourceMap::set_text(std::string text) {
  text_ = std::move(text);
  lines_.reset();
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
  if (!lines_) lines_.emplace(text_);
  return lines_->position(text_, offset);
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
  const std::size_t offset = offset_near(pointer);
  return offset == std::string_view::npos ? Position{} : position(offset);
}

std::size_t SourceMap::offset_near(std::string_view pointer) const {
  while (true) {
    if (const std::size_t offset = offset_of(pointer); offset != std::string_view::npos)
      return offset;
    if (pointer.empty()) return std::string_view::npos;
    pointer = pointer.substr(0, pointer.rfind('/'));
  }
}

std::vector<Position> SourceMap::positions_of(const std::vector<std::string_view>& pointers) const {
  std::vector<Position> out;
  out.reserve(pointers.size());
  if (!places_.empty() || offsets_.empty() || lines_) {
    for (std::string_view p : pointers) out.push_back(position_of(p));
    return out;
  }
  std::vector<std::pair<std::size_t, std::size_t>> wanted;  // offset, index in `pointers`
  for (std::size_t i = 0; i < pointers.size(); ++i) {
    out.emplace_back();
    if (const std::size_t offset = offset_near(pointers[i]); offset != std::string_view::npos)
      wanted.emplace_back(std::min(offset, text_.size()), i);
  }
  std::sort(wanted.begin(), wanted.end());
  // Lines ended and code points since the last line end, counted up to each offset in turn. In
  // a text whose lines all end in LF (most), memchr finds the line ends and only the code points
  // of the line that holds an offset are counted.
  const std::string_view text = text_;
  const std::size_t first = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const bool lf_only = text.find('\r') == std::string_view::npos;
  std::size_t at = first, line_start = first, lines = 0, column = 0;
  auto step = [&](std::size_t i) {
    if (is_line_end(text, i)) {
      ++lines;
      column = 0;
    } else if (!detail::is_continuation(text[i])) {
      ++column;
    }
  };
  for (const auto& [offset, index] : wanted) {
    if (offset < first) {
      out[index] = {1, 1};
      continue;
    }
    if (lf_only) {
      while (const void* end = std::memchr(text.data() + at, '\n', offset - at)) {
        ++lines;
        at = line_start = static_cast<std::size_t>(static_cast<const char*>(end) - text.data()) + 1;
      }
      at = offset;
      column = code_points(text.substr(line_start, offset - line_start));
    } else {
      for (; at + 8 <= offset; at += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + at, 8);
        if (may_end_line(word)) {
          for (std::size_t i = at; i < at + 8; ++i) step(i);
        } else {
          column += starts_in(word);
        }
      }
      for (; at < offset; ++at) step(at);
    }
    out[index] = {lines + 1, column + 1};
  }
  return out;
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
