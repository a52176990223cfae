// The kinds of published sources, told by name, by file extension or by the first bytes.

#include <algorithm>
#include <cctype>

#include "govreport/import.hpp"

namespace govreport {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<SourceKind> source_kind_by_name(std::string_view name) {
  if (name == "pdf") return SourceKind::Pdf;
  if (name == "html") return SourceKind::Html;
  if (name == "text") return SourceKind::Text;
  if (name == "docx") return SourceKind::Docx;
  if (name == "doc") return SourceKind::Doc;
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
  return std::nullopt;
}

SourceKind sniff_source_kind(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096));
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return SourceKind::Pdf;
  if (head.starts_with("PK\x03\x04")) return SourceKind::Docx;
  if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return SourceKind::Doc;
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
    case SourceKind::Text:
      break;
  }
  return "text";
}

}  // namespace govreport
