// Office Open XML packages: parts read from the zip archive in memory, relationships resolved.

#include "import/ooxml.hpp"

#include <vector>

namespace govreport::importer {

Archive::Archive(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) {
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive_ == nullptr) zip_source_free(source);
  }
  zip_error_fini(&error);
}

Archive::~Archive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

std::optional<std::string> Archive::read(const std::string& name) const {
  if (archive_ == nullptr) return std::nullopt;
  zip_int64_t index = zip_name_locate(archive_, name.c_str(), 0);
  if (index < 0) index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) return std::nullopt;
  std::string out;
  char buffer[1 << 16];
  bool ok = true;
  while (true) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) ok = false;
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > kMaxPartBytes) {
      ok = false;
      break;
    }
  }
  zip_fclose(file);
  if (!ok) return std::nullopt;
  return out;
}

bool parse(pugi::xml_document& doc, const std::string& xml) {
  return doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
}

std::string_view local(const char* name) {
  std::string_view n(name);
  const std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c : node.children())
    if (c.type() == pugi::node_element && local(c.name()) == name) return c;
  return {};
}

pugi::xml_attribute attribute(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_attribute a : node.attributes())
    if (local(a.name()) == name) return a;
  return {};
}

std::string directory(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

std::string resolve(std::string_view base_dir, std::string_view target) {
  std::string path = target.starts_with("/") ? std::string(target.substr(1))
                                             : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  for (std::size_t start = 0; start <= path.size();) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

Relationships relationships(const Archive& zip, const std::string& part) {
  Relationships out;
  const std::string dir = directory(part);
  const std::string name = part.substr(dir.size());
  const auto xml = zip.read(dir + "_rels/" + name + ".rels");
  pugi::xml_document doc;
  if (!xml || !parse(doc, *xml)) return out;
  for (pugi::xml_node r : child(doc, "Relationships").children()) {
    if (local(r.name()) != "Relationship") continue;
    // An external target (a hyperlink's address) is no part of the package.
    if (std::string_view(attribute(r, "TargetMode").value()) == "External") continue;
    const std::string target = resolve(dir, attribute(r, "Target").value());
    const std::string type = attribute(r, "Type").value();
    out.by_id.emplace(attribute(r, "Id").value(), target);
    out.by_type.emplace(type.substr(type.rfind('/') + 1), target);
  }
  return out;
}

}  // namespace govreport::importer
