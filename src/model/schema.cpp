#include "govreport/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "model/shape.hpp"

namespace govreport {
namespace {

using json = nlohmann::ordered_json;

json cell_schema(const Edition& e, const detail::Shape& shape) {
  const CellDef& def = e.cells[static_cast<std::size_t>(shape.cell)];
  const Column& col =
      e.tables[static_cast<std::size_t>(def.table)].columns[static_cast<std::size_t>(def.column)];
  const char* ref = col.kind == CellKind::Amount        ? "#/$defs/amount"
                    : col.kind == CellKind::SignedCount ? "#/$defs/signed_count"
                                                        : "#/$defs/count";
  std::string description = def.name_zh;
  if (def.optional) description += "（合计，可省略，省略时自动计算）";
  return {{"$ref", ref}, {"title", std::string(col.zh)}, {"description", description}};
}

// Titles for the objects above the cells: the row label where the object is a row or group.
std::string object_title(const Edition& e, const std::string& pointer) {
  for (const Table& t : e.tables) {
    for (const Row& r : t.rows) {
      std::string p = "/" + std::string(t.json_key) + "/" + r.path;
      for (char& c : p)
        if (c == '.') c = '/';
      if (p == pointer) return std::string(r.numbering) + std::string(r.zh);
    }
  }
  for (const Section& s : e.sections)
    if ("/" + std::string(s.json_key) == pointer)
      return std::string(s.numeral) + "、" + std::string(s.zh);
  return {};
}

json object_schema(const Edition& e, const detail::Shape& shape, const std::string& pointer) {
  if (shape.cell >= 0) return cell_schema(e, shape);
  json properties = json::object();
  json required = json::array();
  for (const detail::Shape& child : shape.children) {
    properties[child.key] = object_schema(e, child, pointer + "/" + child.key);
    if (!child.optional) required.push_back(child.key);
  }
  json out = {{"type", "object"}};
  if (const std::string title = object_title(e, pointer); !title.empty()) out["title"] = title;
  out["properties"] = properties;
  out["required"] = required;
  out["additionalProperties"] = false;
  return out;
}

json paragraphs(std::string_view title, std::string_view description) {
  return {{"title", title},
          {"description", description},
          {"type", "array"},
          {"items", {{"type", "string"}}}};
}

}  // namespace

std::string schema_file_name(const Edition& edition) {
  return fmt::format("govreport-{}.schema.json", edition.id);
}

std::string json_schema(const Edition& e) {
  json year = {{"title", "报告年度"}, {"type", "integer"}, {"minimum", e.first_year}};
  year["maximum"] = e.last_year != 0 ? e.last_year : kLastYear;
  json properties = {
      {"$schema", {{"type", "string"}, {"description", "本文件所用的 JSON Schema"}}},
      {"year", year},
      {"format",
       {{"title", "格式版本"},
        {"description", std::string(e.document)},
        {"const", std::string(e.id)}}},
      {"agency",
       {{"title", "行政机关名称"}, {"type", "string"}, {"minLength", 1}, {"pattern", "\\S"}}},
      {"agency_id",
       {{"title", "机关标识"},
        {"description", "机关名册（--register）中的 id：跨年度按它配对，机关改名也不受影响"},
        {"type", "string"},
        {"pattern", "^[0-9A-Za-z][0-9A-Za-z._-]*$"}}},
      {"agency_kind",
       {{"title", "机关类型"},
        {"description", "department：部门（1月31日前公布）；government：政府（3月31日前公布）"},
        {"enum", {"department", "government"}}}},
      {"title",
       {{"title", "报告标题"},
        {"description", "省略时为：{机关名称}{年度}年政府信息公开工作年度报告"},
        {"type", "string"}}},
      {"published",
       {{"title", "发布日期"}, {"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}},
  };
  json required = {"year", "agency"};
  // The text and the tables in the order of the sections they belong to.
  auto narrative = [&](std::string_view section) {
    for (const NarrativePart& part : e.narrative) {
      if (part.section != section) continue;
      if (!part.subsections) {
        properties[std::string(part.key)] = paragraphs(
            part.heading_zh, section.empty() ? "正文之前的段落，每段一个字符串" : "每段一个字符串");
        continue;
      }
      properties[std::string(part.key)] = {
          {"title", part.heading_zh},
          {"type", "object"},
          {"properties",
           {{"paragraphs", paragraphs("段落", "小标题之前的段落")},
            {"subsections",
             {{"title", "小标题"},
              {"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties",
                 {{"title",
                   {{"title", "小标题（不含编号，如“主动公开政府信息方面”）"}, {"type", "string"}}},
                  {"paragraphs", paragraphs("段落", "每段一个字符串")}}},
                {"required", {"title"}},
                {"additionalProperties", false}}}}}}},
          {"additionalProperties", false}};
    }
  };
  auto tables = [&](std::string_view section) {
    for (const detail::Shape& table : detail::shape_of(e).children) {
      const bool in_section = std::any_of(e.tables.begin(), e.tables.end(), [&](const Table& t) {
        return t.json_key == table.key && t.section == section;
      });
      if (!in_section || properties.contains(table.key)) continue;
      properties[table.key] = object_schema(e, table, "/" + table.key);
      required.push_back(table.key);
    }
  };
  narrative({});
  for (const Section& section : e.sections) {
    narrative(section.numeral);
    tables(section.numeral);
  }
  json schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"title", fmt::format("政府信息公开工作年度报告数据（{} 版格式，{}）", e.id, e.document)},
      {"description",
       "govreport 数据文件。单元格：整数、null（空白，检查时报错）或 \"/\"（不适用）。"},
      {"type", "object"},
      {"properties", properties},
      {"required", required},
      {"additionalProperties", false},
      {"$defs",
       {{"count",
         {{"description", "数量：非负整数、null（空白）或 \"/\"（不适用）"},
          {"anyOf",
           {{{"type", "integer"}, {"minimum", 0}}, {{"type", "null"}}, {{"const", "/"}}}}}},
        {"signed_count",
         {{"description", "增减数：整数（减少用负数）、null（空白）或 \"/\""},
          {"anyOf", {{{"type", "integer"}}, {{"type", "null"}}, {{"const", "/"}}}}}},
        {"amount",
         {{"description",
           "金额（万元）：数字或 \"123.45\" 形式的字符串，最多 6 位小数；null（空白）或 \"/\""},
          {"anyOf",
           {{{"type", "number"}, {"minimum", 0}},
            {{"type", "string"}, {"pattern", "^[0-9]+(\\.[0-9]{1,6}0*)?$"}},
            {{"type", "null"}},
            {{"const", "/"}}}}}}}},
  };
  return schema.dump(2, ' ', false) + "\n";
}

bool declares_json_schema(std::string_view text) {
  constexpr std::string_view key = "\"$schema\"";
  for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    if (at > 0 && text[at - 1] == '\\') continue;  // inside a string
    std::size_t i = at + key.size();
    auto skip_space = [&] {
      while (i < text.size() &&
             (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        ++i;
    };
    skip_space();
    if (i >= text.size() || text[i] != ':') continue;
    ++i;
    skip_space();
    const std::string_view value = text.substr(i);
    return value.starts_with("\"https://json-schema.org/") ||
           value.starts_with("\"http://json-schema.org/");
  }
  return false;
}

}  // namespace govreport
