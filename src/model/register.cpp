#include "govreport/register.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "model/json_tree.hpp"

namespace govreport {
namespace {

using detail::Node;

constexpr std::string_view kColumns[] = {"id",     "name",  "former_names", "kind",
                                         "parent", "since", "until"};

// Collects the entries and the problems of one register file.
class Reader {
 public:
  Reader(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  RegisterResult run() {
    std::string_view body = text_;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    const std::size_t first = body.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && body[first] == '{')
      read_json();
    else
      read_csv();
    if (out_.problems.empty()) validate();
    if (out_.problems.empty()) out_.agencies.emplace(std::string(file_), std::move(entries_));
    return std::move(out_);
  }

 private:
  Position at(std::size_t offset) const { return position_in(text_, offset); }

  void problem(Position where, std::string zh, std::string en) {
    out_.problems.push_back({std::move(where), {std::move(zh), std::move(en)}});
  }

  // The value of one field, as text, whatever the source.
  void set_field(RegisteredAgency& a, std::string_view column, std::string_view value,
                 const Position& where) {
    if (column == "id") {
      a.id = value;
    } else if (column == "name") {
      a.name = value;
    } else if (column == "former_names") {
      for (std::size_t start = 0; start <= value.size();) {
        std::size_t bar = value.find('|', start);
        if (bar == std::string_view::npos) bar = value.size();
        std::string_view one = trim(value.substr(start, bar - start));
        if (!one.empty()) a.former_names.emplace_back(one);
        start = bar + 1;
      }
    } else if (column == "kind") {
      if (value == "department" || value.empty()) {
        a.kind = AgencyKind::Department;
      } else if (value == "government") {
        a.kind = AgencyKind::Government;
      } else {
        problem(where,
                fmt::format("kind 为 \"{}\"：应为 \"department\"（部门）或 \"government\"（政府）",
                            value),
                fmt::format("kind is \"{}\": it is \"department\" or \"government\"", value));
      }
    } else if (column == "parent") {
      a.parent = value;
    } else if (column == "since" || column == "until") {
      int year = 0;
      bool ok = !value.empty() && value.size() == 4;
      for (char c : value) {
        ok = ok && c >= '0' && c <= '9';
        if (ok) year = year * 10 + (c - '0');
      }
      if (value.empty()) return;
      if (!ok || year < kFirstYear) {
        problem(
            where,
            fmt::format("{} 为 \"{}\"：应为 {} 年或之后的四位数年份", column, value, kFirstYear),
            fmt::format("{} is \"{}\": it is a four-digit year, {} or later", column, value,
                        kFirstYear));
        return;
      }
      (column == "since" ? a.since : a.until) = year;
    }
  }

  static std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
      s.remove_suffix(1);
    return s;
  }

  void read_json() {
    detail::Document doc;
    detail::ParseError error;
    if (!detail::parse_json(text_, doc, error)) {
      problem(at(error.offset), fmt::format("不是有效的 JSON：{}", error.detail),
              fmt::format("not valid JSON: {}", error.detail));
      return;
    }
    const Node& root = doc.root();
    const Node* list = nullptr;
    for (const Node* m : doc.children(root)) {
      if (doc.key(*m) == "agencies") {
        list = m;
      } else {
        problem(at(m->key_offset),
                fmt::format("未知字段 \"{}\"：名册只有 \"agencies\"", doc.key(*m)),
                fmt::format("unknown field \"{}\": a register has only \"agencies\"", doc.key(*m)));
      }
    }
    if (list == nullptr || list->kind != Node::Kind::Array) {
      problem(at(list != nullptr ? list->offset : root.offset),
              "缺少 \"agencies\" 数组（每个机关一个对象）",
              "missing the \"agencies\" array (one object per agency)");
      return;
    }
    for (const Node* item : doc.children(*list)) {
      if (item->kind != Node::Kind::Object) {
        problem(at(item->offset), "agencies 的每一项应是一个对象",
                "each item of agencies is an object");
        continue;
      }
      RegisteredAgency a;
      a.position = at(item->offset);
      for (const Node* m : doc.children(*item)) {
        const std::string_view key = doc.key(*m);
        const Position where = at(m->offset);
        if (std::find(std::begin(kColumns), std::end(kColumns), key) == std::end(kColumns)) {
          problem(at(m->key_offset),
                  fmt::format("未知字段 \"{}\"（可用：id、name、former_names、kind、parent、"
                              "since、until）",
                              key),
                  fmt::format("unknown field \"{}\" (known: id, name, former_names, kind, "
                              "parent, since, until)",
                              key));
          continue;
        }
        if (key == "former_names") {
          if (m->kind != Node::Kind::Array) {
            problem(where, "former_names 应是字符串数组", "former_names is an array of strings");
            continue;
          }
          for (const Node* n : doc.children(*m)) {
            if (n->kind != Node::Kind::String || trim(doc.string(*n)).empty())
              problem(at(n->offset), "former_names 的每一项应是非空字符串",
                      "each former name is a non-empty string");
            else
              a.former_names.emplace_back(trim(doc.string(*n)));
          }
        } else if ((key == "since" || key == "until") && m->kind == Node::Kind::Unsigned) {
          set_field(a, key, std::to_string(m->value.unsigned_integer), where);
        } else if (m->kind == Node::Kind::String) {
          set_field(a, key, trim(doc.string(*m)), where);
        } else if (m->kind != Node::Kind::Null || key == "id" || key == "name") {
          problem(
              where,
              fmt::format("{} 应是{}", key, key == "since" || key == "until" ? "年份" : "字符串"),
              fmt::format("{} is a {}", key, key == "since" || key == "until" ? "year" : "string"));
        }
      }
      entries_.push_back(std::move(a));
    }
  }

  // RFC 4180: fields separated by commas, quoted with " when they hold commas, quotes or line
  // breaks ("" is a quote inside).
  void read_csv() {
    std::string_view body = text_;
    std::size_t i = body.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::vector<std::string> header;
    std::vector<std::size_t> header_offsets;
    bool first_row = true;
    while (i < body.size()) {
      const std::size_t row_start = i;
      std::vector<std::string> fields;
      std::vector<std::size_t> offsets;
      bool row_done = false;
      while (!row_done) {
        std::string field;
        offsets.push_back(i);
        if (i < body.size() && body[i] == '"') {
          ++i;
          while (true) {
            if (i >= body.size()) {
              problem(at(offsets.back()), "引号没有闭合", "a quote is not closed");
              return;
            }
            if (body[i] == '"') {
              if (i + 1 < body.size() && body[i + 1] == '"') {
                field += '"';
                i += 2;
                continue;
              }
              ++i;
              break;
            }
            field += body[i++];
          }
        }
        while (i < body.size() && body[i] != ',' && body[i] != '\n') field += body[i++];
        fields.emplace_back(trim(field));
        if (i < body.size() && body[i] == ',') {
          ++i;
        } else {
          if (i < body.size()) ++i;  // the line end
          row_done = true;
        }
      }
      if (fields.size() == 1 && fields[0].empty()) continue;  // an empty line
      if (first_row) {
        first_row = false;
        header = fields;
        header_offsets = offsets;
        for (std::size_t k = 0; k < header.size(); ++k)
          if (std::find(std::begin(kColumns), std::end(kColumns), header[k]) == std::end(kColumns))
            problem(at(header_offsets[k]),
                    fmt::format("第一行的列名 \"{}\" 不认识（可用：id、name、former_names、kind、"
                                "parent、since、until）",
                                header[k]),
                    fmt::format("the first row names an unknown column \"{}\" (known: id, name, "
                                "former_names, kind, parent, since, until)",
                                header[k]));
        for (std::string_view needed : {"id", "name"})
          if (std::find(header.begin(), header.end(), needed) == header.end())
            problem(at(row_start), fmt::format("第一行应是列名，且包括 {}", needed),
                    fmt::format("the first row names the columns, {} among them", needed));
        if (!out_.problems.empty()) return;
        continue;
      }
      if (fields.size() != header.size()) {
        problem(
            at(row_start),
            fmt::format("这一行有 {} 列，第一行有 {} 列", fields.size(), header.size()),
            fmt::format("this row has {} fields, the first row {}", fields.size(), header.size()));
        continue;
      }
      RegisteredAgency a;
      a.position = at(row_start);
      for (std::size_t k = 0; k < fields.size(); ++k)
        set_field(a, header[k], fields[k], at(offsets[k]));
      entries_.push_back(std::move(a));
    }
    if (first_row) problem(at(0), "名册是空的", "the register is empty");
  }

  void validate() {
    if (entries_.empty()) problem(at(0), "名册中没有机关", "the register lists no agency");
    std::map<std::string, const RegisteredAgency*> ids, names;
    for (const RegisteredAgency& a : entries_) {
      if (a.id.empty()) problem(a.position, "缺少 id", "the id is missing");
      if (!a.id.empty() && !valid_id(a.id))
        problem(a.position,
                fmt::format("id \"{}\" 只能由字母、数字和 . _ - 组成，且以字母或数字开头", a.id),
                fmt::format("the id \"{}\" is made of letters, digits, '.', '_' and '-', and "
                            "starts with a letter or digit",
                            a.id));
      if (a.name.empty()) problem(a.position, "缺少 name（机关名称）", "the name is missing");
      if (a.since != 0 && a.until != 0 && a.since > a.until)
        problem(a.position, fmt::format("since {} 晚于 until {}", a.since, a.until),
                fmt::format("since {} is after until {}", a.since, a.until));
      if (!a.id.empty() && !ids.emplace(a.id, &a).second)
        problem(a.position, fmt::format("id \"{}\" 出现了两次", a.id),
                fmt::format("the id \"{}\" is given twice", a.id));
      std::set<std::string> own;
      for (const std::string* n : all_names(a)) {
        if (!own.insert(*n).second) continue;
        const auto [it, fresh] = names.emplace(*n, &a);
        if (!fresh)
          problem(a.position,
                  fmt::format("名称“{}”也属于 {}：一个名称只能指一个机关", *n, it->second->id),
                  fmt::format("the name \"{}\" also belongs to {}: a name names one agency", *n,
                              it->second->id));
      }
    }
    for (const RegisteredAgency& a : entries_) {
      if (a.parent.empty()) continue;
      if (!ids.contains(a.parent)) {
        problem(a.position, fmt::format("parent \"{}\" 不在名册中", a.parent),
                fmt::format("the parent \"{}\" is not in the register", a.parent));
        continue;
      }
      // Up the hierarchy: coming back to `a` is a cycle. An agency below a cycle is not on it;
      // the cycle is reported at each of its own agencies.
      std::string path = a.id;
      const RegisteredAgency* up = &a;
      for (std::size_t steps = 0; up != nullptr && !up->parent.empty(); ++steps) {
        if (steps > entries_.size()) break;
        const auto it = ids.find(up->parent);
        up = it == ids.end() ? nullptr : it->second;
        if (up == nullptr) break;
        path += " → " + up->id;
        if (up == &a) {
          problem(a.position, fmt::format("{} 的上级关系成环：{}", a.id, path),
                  fmt::format("the parents of {} form a cycle: {}", a.id, path));
          break;
        }
      }
    }
  }

  // An id names summary files (ID.json): no path separators, no leading dot.
  static bool valid_id(std::string_view id) {
    auto alnum = [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    };
    if (id.empty() || id.size() > 100 || !alnum(id.front())) return false;
    return std::all_of(id.begin(), id.end(),
                       [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
  }

  static std::vector<const std::string*> all_names(const RegisteredAgency& a) {
    std::vector<const std::string*> out{&a.name};
    for (const std::string& n : a.former_names) out.push_back(&n);
    return out;
  }

  std::string_view text_;
  std::string_view file_;
  std::vector<RegisteredAgency> entries_;
  RegisterResult out_;
};

}  // namespace

AgencyRegister::AgencyRegister(std::string file, std::vector<RegisteredAgency> agencies)
    : file_(std::move(file)), agencies_(std::move(agencies)) {
  for (std::size_t i = 0; i < agencies_.size(); ++i) {
    by_id_.emplace(agencies_[i].id, i);
    by_name_.emplace(agencies_[i].name, i);
    for (const std::string& n : agencies_[i].former_names) by_name_.emplace(n, i);
  }
}

const RegisteredAgency* AgencyRegister::by_id(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &agencies_[it->second];
}

const RegisteredAgency* AgencyRegister::find(std::string_view agency_id,
                                             std::string_view agency) const {
  if (!agency_id.empty()) return by_id(agency_id);
  const auto it = by_name_.find(std::string(agency));
  return it == by_name_.end() ? nullptr : &agencies_[it->second];
}

std::vector<const RegisteredAgency*> AgencyRegister::children(std::string_view id) const {
  std::vector<const RegisteredAgency*> out;
  for (const RegisteredAgency& a : agencies_)
    if (a.parent == id) out.push_back(&a);
  return out;
}

RegisterResult load_register(std::string_view text, std::string_view file) {
  return Reader(text, file).run();
}

}  // namespace govreport
