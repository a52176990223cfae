// The kinds of published sources and workbooks, told by name, by file extension or by the
// content.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

#include "govreport/import.hpp"

namespace govreport {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The little-endian number of `size` bytes at `at`.
std::uint64_t little_endian(std::string_view bytes, std::size_t at, int size) {
  std::uint64_t value = 0;
  for (int i = size - 1; i >= 0; --i)
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  return value;
}

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && lower(a) == lower(b);
}

// Reads the central directory that the end record at `end` points to (through the ZIP64 end
// record when its fields are full) and calls `name` with each entry's name. Returns false when
// the end record points at no whole central directory.
template <typename Visit>
bool central_directory(std::string_view bytes, std::size_t end, Visit name) {
  std::uint64_t count = little_endian(bytes, end + 10, 2), size = little_endian(bytes, end + 12, 4),
                offset = little_endian(bytes, end + 16, 4);
  if (count == 0xFFFF || size == 0xFFFFFFFF || offset == 0xFFFFFFFF) {
    if (end < 20 || bytes.substr(end - 20, 4) != "PK\x06\x07") return false;
    const std::uint64_t at = little_endian(bytes, end - 20 + 8, 8);
    if (at > bytes.size() || bytes.size() - at < 56 || bytes.substr(at, 4) != "PK\x06\x06")
      return false;
    count = little_endian(bytes, at + 32, 8);
    size = little_endian(bytes, at + 40, 8);
    offset = little_endian(bytes, at + 48, 8);
  }
  if (offset > bytes.size() || size > bytes.size() - offset) return false;
  std::size_t at = offset;
  const std::size_t stop = offset + size;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (stop - at < 46 || bytes.substr(at, 4) != "PK\x01\x02") return false;
    const std::size_t length = little_endian(bytes, at + 28, 2),
                      rest = little_endian(bytes, at + 30, 2) + little_endian(bytes, at + 32, 2);
    if (stop - at - 46 < length + rest) return false;
    name(bytes.substr(at + 46, length));
    at += 46 + length + rest;
  }
  return true;
}

// A zip archive is a workbook when it holds xl/workbook.xml (in any case) and no
// word/document.xml, else taken for a Word document (whose reader says so when it is none; so is
// an archive whose central directory cannot be read). The central directory is found from the end
// record, within the last 64 KiB and 22 bytes: the names are all that is read.
SourceKind zip_kind(std::string_view bytes) {
  if (bytes.size() < 22) return SourceKind::Docx;
  const std::size_t lowest = bytes.size() > 22 + 0xFFFF ? bytes.size() - 22 - 0xFFFF : 0;
  for (std::size_t end = bytes.size() - 22 + 1; end-- > lowest;) {
    if (bytes.substr(end, 4) != "PK\x05\x06") continue;
    bool word = false, workbook = false;
    const bool read = central_directory(bytes, end, [&](std::string_view name) {
      word = word || same_name(name, "word/document.xml");
      workbook = workbook || same_name(name, "xl/workbook.xml");
    });
    if (read) return !word && workbook ? SourceKind::Xlsx : SourceKind::Docx;
  }
  return SourceKind::Docx;
}

// An OLE2 compound file is a workbook when its directory names a "Workbook" (BIFF8) or "Book"
// (BIFF5) stream and no "WordDocument" one, else taken for a Word document. The directory's
// entries are 128 bytes each, in sectors of 512 or 4096 bytes after the 512-byte header, each
// beginning with its name in UTF-16LE.
SourceKind compound_file_kind(std::string_view bytes) {
  auto name = [](std::string_view ascii) {
    std::string utf16;
    for (char c : ascii) {
      utf16 += c;
      utf16 += '\0';
    }
    return utf16 + std::string(2, '\0');
  };
  const std::string word = name("WordDocument"), workbook = name("Workbook"), book = name("Book");
  bool is_workbook = false;
  for (std::size_t at = 512; at + 128 <= bytes.size(); at += 128) {
    const std::string_view entry = bytes.substr(at, 128);
    if (entry.starts_with(word)) return SourceKind::Doc;
    if (entry.starts_with(workbook) || entry.starts_with(book)) is_workbook = true;
  }
  return is_workbook ? SourceKind::Xls : SourceKind::Doc;
}

}  // namespace

std::optional<SourceKind> source_kind_by_name(std::string_view name) {
  if (name == "pdf") return SourceKind::Pdf;
  if (name == "html") return SourceKind::Html;
  if (name == "text") return SourceKind::Text;
  if (name == "docx") return SourceKind::Docx;
  if (name == "doc") return SourceKind::Doc;
  if (name == "xlsx") return SourceKind::Xlsx;
  if (name == "xls") return SourceKind::Xls;
  return std::nullopt;
}

std::optional<SourceKind> source_kind_for_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return std::nullopt;
  const std::string ext = lower(path.substr(dot + 1));
  if (ext == "pdf") return SourceKind::Pdf;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return SourceKind::Html;
  if (ext == "txt" || ext == "text" || ext == "md" || ext == "markdown") return SourceKind::Text;
  if (ext == "docx" || ext == "docm") return SourceKind::Docx;
  if (ext == "doc") return SourceKind::Doc;
  if (ext == "xlsx" || ext == "xlsm") return SourceKind::Xlsx;
  if (ext == "xls") return SourceKind::Xls;
  return std::nullopt;
}

SourceKind sniff_source_kind(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096));
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return SourceKind::Pdf;
  if (head.starts_with("PK\x03\x04")) return zip_kind(bytes);
  if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return compound_file_kind(bytes);
  const std::string low = lower(head);
  std::size_t i = low.starts_with("\xef\xbb\xbf") ? 3 : 0;
  while (i < low.size() && std::isspace(static_cast<unsigned char>(low[i])) != 0) ++i;
  if (i < low.size() && low[i] == '<') {
    for (std::string_view tag :
         {"<html", "<!doctype html", "<body", "<table", "<p", "<div", "<meta", "<head"})
      if (low.find(tag) != std::string::npos) return SourceKind::Html;
  }
  return SourceKind::Text;
}

std::string_view source_kind_name(SourceKind kind) {
  switch (kind) {
    case SourceKind::Pdf:
      return "pdf";
    case SourceKind::Html:
      return "html";
    case SourceKind::Docx:
      return "docx";
    case SourceKind::Doc:
      return "doc";
    case SourceKind::Xlsx:
      return "xlsx";
    case SourceKind::Xls:
      return "xls";
    case SourceKind::Text:
      break;
  }
  return "text";
}

}  // namespace govreport
