#pragma once
// Office Open XML packages (.docx, .xlsx): the zip archive opened in memory with libzip, its
// parts parsed with pugixml, names compared without their namespace prefix.

#include <zip.h>

#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace govreport::importer {

/// Parts larger than this once unpacked are not read (a real document's are a few MiB at most).
inline constexpr zip_uint64_t kMaxPartBytes = 256u << 20;

/// Holds a zip archive read from memory; the bytes must outlive it.
class Archive {
 public:
  explicit Archive(std::string_view bytes);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  /// Returns whether the bytes are a zip archive.
  bool open() const { return archive_ != nullptr; }
  /// Returns the bytes of part `name` (a case-insensitive match if no exact one), or nullopt when
  /// it is missing, cannot be unpacked, or is larger than kMaxPartBytes.
  std::optional<std::string> read(const std::string& name) const;

 private:
  zip_t* archive_ = nullptr;
};

/// Parses `xml` into `doc`, keeping whitespace-only text (a space in a run is text); returns
/// false when it is not well-formed XML.
bool parse(pugi::xml_document& doc, const std::string& xml);

/// Returns the element or attribute name without its namespace prefix ("w:tbl" → "tbl").
std::string_view local(const char* name);
/// Returns the first child element named `name` (without prefix), or an empty node.
pugi::xml_node child(pugi::xml_node node, std::string_view name);
/// Returns the attribute named `name` (without prefix), or an empty attribute.
pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name);

/// Returns the directory part of a path inside the archive, with its slash ("word/").
std::string directory(std::string_view path);
/// Resolves a relationship's target against the directory of the part that names it.
std::string resolve(std::string_view base_dir, std::string_view target);

/// Holds the targets of a part's relationships, by id, and the first target of each type.
struct Relationships {
  std::map<std::string, std::string> by_id;
  std::map<std::string, std::string> by_type;  ///< by the type's last segment ("styles")
};
/// Reads the relationships of `part` ("" for the package's own, _rels/.rels).
Relationships relationships(const Archive& zip, const std::string& part);

}  // namespace govreport::importer
