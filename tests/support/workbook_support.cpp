#include "workbook_support.hpp"

#include <zip.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>

namespace govreport::test {

// The parts of a zip archive, in order.
std::vector<std::pair<std::string, std::string>> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  std::vector<std::pair<std::string, std::string>> parts;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) == 0);
    std::string content(static_cast<std::size_t>(stat.size), '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file != nullptr);
    REQUIRE(zip_fread(file, content.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
    parts.emplace_back(stat.name, std::move(content));
  }
  zip_discard(archive);
  zip_error_fini(&error);
  return parts;
}

std::string zipped(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  zip_source_keep(buffer);
  for (const auto& [name, content] : parts) {
    zip_source_t* s = zip_source_buffer(archive, content.data(), content.size(), 0);
    REQUIRE(zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
  zip_stat_t stat;
  zip_stat_init(&stat);
  REQUIRE(zip_source_stat(buffer, &stat) == 0);
  REQUIRE(zip_source_open(buffer) == 0);
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  REQUIRE(zip_source_read(buffer, bytes.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

std::string part(const std::string& bytes, const std::string& name) {
  for (auto& [n, content] : unzip(bytes))
    if (n == name) return content;
  FAIL("no part " << name);
  return {};
}

// The workbook with part `name` changed by `edit`.
std::string edited(const std::string& bytes, const std::string& name,
                   const std::function<std::string(std::string)>& edit) {
  auto parts = unzip(bytes);
  bool found = false;
  for (auto& [n, content] : parts)
    if (n == name) {
      content = edit(content);
      found = true;
    }
  REQUIRE(found);
  return zipped(parts);
}

// Sets the saved value of cell `name` in a sheet's XML.
std::string with_value(std::string xml, const std::string& name, const std::string& value) {
  const std::size_t at = xml.find("<c r=\"" + name + "\"");
  REQUIRE(at != std::string::npos);
  const std::size_t open = xml.find("<v>", at);
  const std::size_t close = xml.find("</v>", open);
  REQUIRE(close < xml.find("</c>", at));
  return xml.replace(open + 3, close - open - 3, value);
}

importer::Workbook read_workbook(const std::string& bytes) {
  std::optional<importer::Unreadable> failure;
  importer::Workbook book = importer::read_xlsx(bytes, failure);
  INFO((failure ? failure->message.en : std::string()));
  REQUIRE(!failure);
  return book;
}

// Every cell and merged range of every sheet, one per line: `B5 2020`, `C6 "text"`,
// `J6 =SUM(D6:I6) → 4447`.
std::string dump(const importer::Workbook& book) {
  std::string out;
  for (const importer::Sheet& sheet : book.sheets) {
    out += "== " + sheet.name + "\n";
    for (const auto& [at, cell] : sheet.cells) {
      out += importer::cell_name(at.first, at.second) + " ";
      if (cell.formula) out += "=" + cell.formula_text + " → ";
      out += cell.type == importer::SheetCell::Type::Text ? "\"" + cell.value + "\"" : cell.value;
      out += "\n";
    }
    std::vector<std::string> merges;
    for (const auto& m : sheet.merges)
      merges.push_back(importer::cell_name(m.first_row, m.first_column) + ":" +
                       importer::cell_name(m.last_row, m.last_column));
    std::sort(merges.begin(), merges.end());
    for (const std::string& m : merges) out += "merge " + m + "\n";
  }
  return out;
}

}  // namespace govreport::test
