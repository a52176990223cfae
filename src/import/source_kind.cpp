// The kinds of published sources and workbooks, told by name, by file extension or by the
// content.

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "govreport/import.hpp"

namespace govreport {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A zip archive is a workbook when it holds xl/workbook.xml, else taken for a Word document (whose
// reader says so when it is none).
SourceKind zip_kind(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  SourceKind kind = SourceKind::Docx;
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) {
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive == nullptr) {
      zip_source_free(source);
    } else {
      if (zip_name_locate(archive, "word/document.xml", ZIP_FL_NOCASE) < 0 &&
          zip_name_locate(archive, "xl/workbook.xml", ZIP_FL_NOCASE) >= 0)
        kind = SourceKind::Xlsx;
      zip_discard(archive);
    }
  }
  zip_error_fini(&error);
  return kind;
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
