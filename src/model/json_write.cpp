// The canonical JSON form of a report: key order from the edition, each table row on one line,
// so that line numbers name rows.

#include <algorithm>
#include <nlohmann/json.hpp>

#include "model/printed.hpp"
#include "model/shape.hpp"

namespace govreport::detail {
namespace {

using ordered = nlohmann::ordered_json;

ordered cell_json(const Report& report, int index) {
  const CellDef& def = report.edition->cells[static_cast<std::size_t>(index)];
  const Cell& cell = report.cells[static_cast<std::size_t>(index)];
  if (cell.state == Cell::State::Blank) return nullptr;
  if (cell.state == Cell::State::NotApplicable) return "/";
  const CellKind kind = report.edition->tables[static_cast<std::size_t>(def.table)]
                            .columns[static_cast<std::size_t>(def.column)]
                            .kind;
  if (kind != CellKind::Amount) return cell.value;
  const std::string text = format_amount(cell.value);
  if (text.find('.') == std::string::npos) return cell.value / kAmountScale;
  // Up to 15 significant digits survive a double exactly; beyond that, keep the decimal string.
  return text.size() <= 16 ? ordered(std::stod(text)) : ordered(text);
}

ordered shape_json(const Report& report, const Shape& shape) {
  if (shape.cell >= 0) return cell_json(report, shape.cell);
  ordered obj = ordered::object();
  for (const Shape& child : shape.children) obj[child.key] = shape_json(report, child);
  return obj;
}

bool all_scalars(const ordered& value) {
  for (const auto& item : value)
    if (item.is_structured()) return false;
  return true;
}

void dump(std::string& out, const ordered& value, int indent) {
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  auto scalar = [](const ordered& v) {
    return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  if (value.is_object()) {
    if (value.empty()) {
      out += "{}";
      return;
    }
    if (all_scalars(value)) {
      out += "{";
      bool first = true;
      for (const auto& [k, v] : value.items()) {
        out += (first ? "" : ", ") + scalar(k) + ": " + scalar(v);
        first = false;
      }
      out += "}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& [k, v] : value.items()) {
      out += (first ? "" : ",\n") + pad + scalar(k) + ": ";
      dump(out, v, indent + 2);
      first = false;
    }
    out += "\n" + std::string(static_cast<std::size_t>(indent), ' ') + "}";
  } else if (value.is_array()) {
    if (value.empty()) {
      out += "[]";
      return;
    }
    out += "[\n";
    for (std::size_t i = 0; i < value.size(); ++i) {
      out += (i ? ",\n" : "") + pad;
      dump(out, value[i], indent + 2);
    }
    out += "\n" + std::string(static_cast<std::size_t>(indent), ' ') + "]";
  } else {
    out += scalar(value);
  }
}

}  // namespace

std::string write_report_json(const Report& report, bool with_title) {
  ordered doc = ordered::object();
  if (!report.schema.empty()) doc["$schema"] = report.schema;
  doc["year"] = report.year;
  doc["format"] = std::string(report.edition->id);
  doc["agency"] = report.agency;
  if (!report.agency_id.empty()) doc["agency_id"] = report.agency_id;
  doc["agency_kind"] = std::string(agency_kind_key(report.agency_kind));
  if (!report.title.empty() || with_title) doc["title"] = report.display_title();
  if (!report.published.empty()) doc["published"] = report.published;
  // The text and the tables in the order of the sections they belong to.
  const Edition& edition = *report.edition;
  auto narrative = [&](std::string_view section) {
    for (std::size_t i = 0; i < edition.narrative.size(); ++i) {
      const NarrativePart& part = edition.narrative[i];
      if (part.section != section) continue;
      const Narrative& text = report.narrative[i];
      if (!part.subsections) {
        doc[std::string(part.key)] = text.paragraphs;
        continue;
      }
      ordered value = {{"paragraphs", text.paragraphs}, {"subsections", ordered::array()}};
      for (const Subsection& s : text.subsections)
        value["subsections"].push_back({{"title", s.title}, {"paragraphs", s.paragraphs}});
      doc[std::string(part.key)] = value;
    }
  };
  auto tables = [&](std::string_view section) {
    for (const Shape& table : shape_of(edition).children) {
      const bool in_section = std::any_of(
          edition.tables.begin(), edition.tables.end(),
          [&](const Table& t) { return t.json_key == table.key && t.section == section; });
      if (in_section && !doc.contains(table.key)) doc[table.key] = shape_json(report, table);
    }
  };
  narrative({});
  for (const Section& section : edition.sections) {
    narrative(section.numeral);
    tables(section.numeral);
  }
  std::string out;
  dump(out, doc, 0);
  return out + "\n";
}

}  // namespace govreport::detail
