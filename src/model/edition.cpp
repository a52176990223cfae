#include "govreport/edition.hpp"

#include <stdexcept>

namespace govreport {

int Table::column_index(std::string_view key) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].key == key) return static_cast<int>(i);
  return -1;
}

int Table::row_index(std::string_view row_path) const {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].path == row_path) return static_cast<int>(i);
  return -1;
}

const Table* Edition::table(std::string_view table_id) const {
  for (const Table& t : tables)
    if (t.id == table_id) return &t;
  return nullptr;
}

int Edition::cell_index(std::string_view pointer) const {
  auto it = cell_by_pointer.find(pointer);
  return it == cell_by_pointer.end() ? -1 : it->second;
}

const Section& Edition::section(std::string_view numeral) const {
  for (const Section& s : sections)
    if (s.numeral == numeral) return s;
  throw std::logic_error("no such section");
}

int Edition::narrative_index(std::string_view key) const {
  for (std::size_t i = 0; i < narrative.size(); ++i)
    if (narrative[i].key == key) return static_cast<int>(i);
  return -1;
}

const Edition* edition_by_id(std::string_view id) {
  for (const Edition* e : editions())
    if (e->id == id) return e;
  return nullptr;
}

const Edition* edition_for_year(int year) {
  if (year > kLastYear) return nullptr;
  for (const Edition* e : editions())
    if (year >= e->first_year && (e->last_year == 0 || year <= e->last_year)) return e;
  return nullptr;
}

}  // namespace govreport
