#include "govreport/findings_format.hpp"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

#include "govreport/edition.hpp"
#include "govreport/safe_text.hpp"
#include "govreport/version.hpp"
#include "text/text.hpp"

namespace govreport {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// A number where the value is one, so that scripts can compute with it.
json value_json(const std::string& v) {
  if (v.empty()) return nullptr;
  std::size_t i = v[0] == '-' ? 1 : 0;
  if (i == v.size() || v.size() > 18) return v;
  for (std::size_t k = i; k < v.size(); ++k)
    if (v[k] < '0' || v[k] > '9') return v;
  return std::stoll(v);
}

std::string_view severity_name(Severity s) { return s == Severity::Error ? "error" : "warning"; }

// The summary as JSON, for the json and sarif formats.
json summary_json(const CheckSummary& s, Lang lang) {
  json rules = json::array();
  for (const RuleCount& r : s.rules())
    rules.push_back({{"rule", r.rule},
                     {"severity", severity_name(r.severity)},
                     {"findings", r.findings},
                     {"files", r.files}});
  json out = {{"files", s.files},
              {"errors", s.errors},
              {"warnings", s.warnings},
              {"files_with_errors", s.files_with_errors},
              {"files_with_warnings", s.files_with_warnings},
              {"rules", rules}};
  if (s.unreadable > 0) out["unreadable"] = s.unreadable;
  if (!s.year_pairs.empty()) {
    json pairs = json::array();
    for (const YearPairing::Pair& p : s.year_pairs)
      pairs.push_back({{"earlier", printable(p.earlier)},
                       {"later", printable(p.later)},
                       {"agency", printable(p.agency)},
                       {"year", p.year}});
    out["year_pairs"] = pairs;
  }
  if (!s.unpaired.empty()) {
    json unpaired = json::array();
    for (const YearPairing::Unpaired& u : s.unpaired)
      unpaired.push_back({{"file", printable(u.file)},
                          {"agency", printable(u.agency)},
                          {"year", u.year},
                          {"why", u.why.in(lang)}});
    out["unpaired"] = unpaired;
  }
  return out;
}

// The display name of the cell at `pointer` ("三（一）予以公开·自然人"), from whichever edition
// has it (a pointer names the same cell in every edition that has it), or empty.
std::string_view cell_name(std::string_view pointer) {
  for (const Edition* e : editions())
    if (const int i = e->cell_index(pointer); i >= 0)
      return e->cells[static_cast<std::size_t>(i)].name_zh;
  return {};
}

// Splits a cell's name into its row and its column at the last "·".
std::pair<std::string_view, std::string_view> row_and_column(std::string_view name) {
  const std::size_t dot = name.rfind("·");
  if (dot == std::string_view::npos) return {name, name};
  return {name.substr(0, dot), name.substr(dot + std::string_view("·").size())};
}

// Joins names for a message, the first `most` of them, then "等 N 个" for the rest.
std::string join_names(const std::vector<std::string_view>& names, Lang lang, std::size_t most) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < most; ++i)
    out += std::string(i == 0 ? "" : lang == Lang::En ? ", " : "、") + std::string(names[i]);
  if (names.size() > most)
    out += lang == Lang::En ? fmt::format(" and {} more", names.size() - most)
                            : fmt::format(" 等 {} 个", names.size());
  return out;
}

// The year pairs compared and the reports left unpaired, for the summary on standard error: at
// most kListed of each (json and sarif list them all).
std::string format_pairing(const CheckSummary& s, Lang lang) {
  constexpr std::size_t kListed = 20;
  const bool en = lang == Lang::En;
  std::string out;
  auto more = [&](std::size_t n) {
    if (n > kListed)
      out += en ? fmt::format("  … and {} more (--format json lists them all)\n", n - kListed)
                : fmt::format("  …… 等 {} 个（--format json 列出全部）\n", n);
  };
  if (!s.year_pairs.empty()) {
    const std::size_t n = s.year_pairs.size();
    out += en ? fmt::format("compared {} pair{} of consecutive years:\n", n, n == 1 ? "" : "s")
              : fmt::format("比较了 {} 对相邻年度的报告：\n", n);
    for (std::size_t i = 0; i < n && i < kListed; ++i) {
      const YearPairing::Pair& p = s.year_pairs[i];
      out += fmt::format("  {} → {}{}\n", printable(p.earlier), printable(p.later),
                         en ? " (" + printable(p.agency) + ")" : "（" + printable(p.agency) + "）");
    }
    more(n);
  }
  if (!s.unpaired.empty()) {
    const std::size_t n = s.unpaired.size();
    out +=
        en ? fmt::format("not paired with a neighbouring year: {} report{}\n", n, n == 1 ? "" : "s")
           : fmt::format("未能与相邻年度配对的报告 {} 个：\n", n);
    for (std::size_t i = 0; i < n && i < kListed; ++i) {
      const YearPairing::Unpaired& u = s.unpaired[i];
      out += en ? fmt::format("  {} ({}, {}): {}\n", printable(u.file), printable(u.agency), u.year,
                              u.why.en)
                : fmt::format("  {}（{}，{} 年）：{}\n", printable(u.file), printable(u.agency),
                              u.year, u.why.zh);
    }
    more(n);
  }
  return out;
}

class TextWriter : public FindingsWriter {
 public:
  explicit TextWriter(const FindingsOptions& o) : lang_(o.lang) {}
  std::string file(std::string_view, const std::vector<Diagnostic>& findings) override {
    return format_findings_text(findings, lang_);
  }
  std::string unreadable(std::string_view, std::string_view) override { return {}; }

 private:
  Lang lang_;
};

class JsonWriter : public FindingsWriter {
 public:
  explicit JsonWriter(const FindingsOptions& o) : lang_(o.lang) {}
  std::string begin() override { return "{\"findings\": ["; }
  std::string file(std::string_view, const std::vector<Diagnostic>& findings) override {
    std::string out;
    for (const Diagnostic& d : findings) {
      json record = {{"rule", d.rule},
                     {"severity", severity_name(d.severity)},
                     {"file", printable(d.file)},
                     {"line", d.position.line},
                     {"column", d.position.column},
                     {"pointer", d.pointer},
                     {"message", printable(d.message(lang_))},
                     {"expected", value_json(d.expected)},
                     {"actual", value_json(d.actual)}};
      if (!d.position.place.empty()) record["place"] = d.position.place;
      if (!d.follows.empty()) record["follows"] = d.follows;
      out += std::string(first_ ? "\n  " : ",\n  ") + dump(record);
      first_ = false;
    }
    return out;
  }
  std::string unreadable(std::string_view name, std::string_view message) override {
    unreadable_.push_back({{"file", name}, {"message", message}});
    return {};
  }
  std::string end(const CheckSummary& s) override {
    std::string out = std::string(first_ ? "" : "\n") + "],\n";
    if (!unreadable_.empty()) {
      out += "\"unreadable\": [";
      for (std::size_t i = 0; i < unreadable_.size(); ++i)
        out += std::string(i == 0 ? "\n  " : ",\n  ") + dump(unreadable_[i]);
      out += "\n],\n";
    }
    return out + "\"summary\": " + dump(summary_json(s, lang_)) + "}\n";
  }

 private:
  Lang lang_;
  bool first_ = true;
  std::vector<json> unreadable_;
};

// Percent-encodes a path into a relative URI reference, as SARIF requires.
std::string uri(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) ||
        std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

class SarifWriter : public FindingsWriter {
 public:
  explicit SarifWriter(const FindingsOptions& o) : lang_(o.lang) {}
  std::string begin() override {
    json driver_rules = json::array();
    for (const RuleInfo& r : rules()) {
      driver_rules.push_back(
          {{"id", r.id},
           {"shortDescription", {{"text", lang_ == Lang::En ? r.en : r.zh}}},
           {"fullDescription", {{"text", std::string(r.zh) + " / " + std::string(r.en)}}},
           {"defaultConfiguration", {{"level", severity_name(r.severity)}}}});
    }
    json driver = {{"name", "govreport"},
                   {"version", version()},
                   {"semanticVersion", version()},
                   {"rules", driver_rules}};
    return "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": "
           "\"2.1.0\", "
           "\"runs\": [{\"tool\": {\"driver\": " +
           dump(driver) + "}, \"columnKind\": \"unicodeCodePoints\", \"results\": [";
  }
  std::string file(std::string_view, const std::vector<Diagnostic>& findings) override {
    std::string out;
    for (const Diagnostic& d : findings) {
      std::size_t index = 0;
      for (; index < rules().size(); ++index)
        if (rules()[index].id == d.rule) break;
      json physical = {{"artifactLocation", {{"uri", uri(d.file)}}}};
      if (d.position.line > 0)
        physical["region"] = {{"startLine", d.position.line}, {"startColumn", d.position.column}};
      json location = {{"physicalLocation", physical}};
      // A workbook cell or a Word table cell has no line: name it as a logical location.
      if (!d.position.place.empty())
        location["logicalLocations"] =
            json::array({{{"fullyQualifiedName", d.position.place}, {"kind", "element"}}});
      json result = {{"ruleId", d.rule},
                     {"ruleIndex", index},
                     {"level", severity_name(d.severity)},
                     {"message", {{"text", printable(d.message(lang_))}}},
                     {"locations", json::array({location})},
                     {"properties",
                      {{"pointer", d.pointer},
                       {"expected", value_json(d.expected)},
                       {"actual", value_json(d.actual)}}}};
      out += std::string(first_ ? "\n" : ",\n") + dump(result);
      first_ = false;
    }
    return out;
  }
  std::string unreadable(std::string_view name, std::string_view message) override {
    notifications_.push_back(
        {{"level", "error"},
         {"message", {{"text", message}}},
         {"locations",
          json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", uri(name)}}}}}}})}});
    return {};
  }
  std::string end(const CheckSummary& s) override {
    // The counts of the run go into the run's property bag.
    const std::string properties =
        ", \"properties\": " + dump(json{{"summary", summary_json(s, lang_)}});
    if (notifications_.empty()) return "\n]" + properties + "}]}\n";
    json invocation = {{"executionSuccessful", false},
                       {"toolExecutionNotifications", notifications_}};
    return "\n], \"invocations\": [" + dump(invocation) + "]" + properties + "}]}\n";
  }

 private:
  Lang lang_;
  bool first_ = true;
  std::vector<json> notifications_;
};

// GitHub workflow commands: data escapes %, CR, LF; properties also ':' and ','.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

class GithubWriter : public FindingsWriter {
 public:
  explicit GithubWriter(const FindingsOptions& o) : lang_(o.lang) {}
  std::string file(std::string_view, const std::vector<Diagnostic>& findings) override {
    std::string out;
    for (const Diagnostic& d : findings) {
      out += fmt::format("::{} file={}", severity_name(d.severity),
                         escape_property(printable(d.file)));
      if (d.position.line > 0)
        out += fmt::format(",line={},col={}", d.position.line, d.position.column);
      const std::string where = d.position.line == 0 && !d.position.place.empty()
                                    ? printable(d.position.place) + ": "
                                    : "";
      out += fmt::format(",title={}::{}{}\n", escape_property(d.rule), escape_data(where),
                         escape_data(printable(d.message(lang_))));
    }
    return out;
  }
  std::string unreadable(std::string_view name, std::string_view message) override {
    return fmt::format("::error file={},title=unreadable::{}\n", escape_property(name),
                       escape_data(message));
  }

 private:
  Lang lang_;
};

// One test case per file: findings that come later for a file already seen (those across
// years) join its case. The cases are written at the end, after their counts.
class JunitWriter : public FindingsWriter {
 public:
  explicit JunitWriter(const FindingsOptions& o) : options_(o) {}
  std::string file(std::string_view name, const std::vector<Diagnostic>& findings) override {
    Case& c = case_of(name);
    c.errors += count(findings, Severity::Error);
    c.warnings += count(findings, Severity::Warning);
    for (const Diagnostic& d : findings) c.lines += format_diagnostic(d, options_.lang) + "\n";
    return {};
  }
  std::string unreadable(std::string_view name, std::string_view message) override {
    case_of(name).unreadable = message;
    return {};
  }
  std::string end(const CheckSummary&) override {
    std::size_t failures = 0, errors = 0;
    std::string cases;
    for (const Case& c : cases_) {
      cases += fmt::format("    <testcase classname=\"govreport.check\" name=\"{}\">",
                           detail::markup_escape(printable(c.name)));
      if (!c.unreadable.empty()) {
        ++errors;
        cases += fmt::format("\n      <error type=\"unreadable\" message=\"{}\"/>\n    ",
                             detail::markup_escape(c.unreadable));
      } else if (c.errors > 0 || (options_.strict && c.warnings > 0)) {
        ++failures;
        cases += fmt::format(
            "\n      <failure type=\"{}\" message=\"{} errors, {} warnings\">{}</failure>\n    ",
            c.errors > 0 ? "error" : "warning", c.errors, c.warnings,
            detail::markup_escape(c.lines));
      } else if (c.warnings > 0) {
        cases += fmt::format("\n      <system-out>{}</system-out>\n    ",
                             detail::markup_escape(c.lines));
      }
      cases += "</testcase>\n";
    }
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"govreport check\" tests=\"{0}\" failures=\"{1}\" errors=\"{3}\">\n"
        "  <testsuite name=\"govreport check\" tests=\"{0}\" failures=\"{1}\" errors=\"{3}\" "
        "skipped=\"0\">\n"
        "{2}  </testsuite>\n</testsuites>\n",
        cases_.size(), failures, cases, errors);
  }

 private:
  struct Case {
    std::string name;
    std::string lines;  // the findings as text
    std::size_t errors = 0, warnings = 0;
    std::string unreadable;  // why the file could not be read
  };
  Case& case_of(std::string_view name) {
    const auto [it, fresh] = index_.try_emplace(std::string(name), cases_.size());
    if (fresh) cases_.push_back({std::string(name), {}, 0, 0, {}});
    return cases_[it->second];
  }
  FindingsOptions options_;
  std::vector<Case> cases_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

template <class W>
std::unique_ptr<FindingsWriter> make(const FindingsOptions& o) {
  return std::make_unique<W>(o);
}

constexpr std::array kFormats = {
    FindingsFormat{"text", "文件:行:列: 严重程度: 说明 [规则编号]，每个问题一行",
                   "file:line:col: severity: message [rule-id], one per line", &make<TextWriter>},
    FindingsFormat{"json", "一个 JSON 文档：问题和汇总",
                   "one JSON document: findings and a summary", &make<JsonWriter>},
    FindingsFormat{"sarif", "SARIF 2.1.0，附规则目录", "SARIF 2.1.0, with the rule catalogue",
                   &make<SarifWriter>},
    FindingsFormat{"github", "GitHub Actions 工作流命令（注释）",
                   "GitHub Actions workflow commands (annotations)", &make<GithubWriter>},
    FindingsFormat{"junit", "JUnit XML，每个文件一个测试用例", "JUnit XML, one test case per file",
                   &make<JunitWriter>},
};

}  // namespace

void CheckSummary::add(std::string_view file, const std::vector<Diagnostic>& findings) {
  for (const Diagnostic& d : findings) {
    const bool error = d.severity == Severity::Error;
    ++(error ? errors : warnings);
    std::set<std::string, std::less<>>& files_of = error ? error_files_ : warning_files_;
    if (!files_of.contains(file)) {
      files_of.emplace(file);
      ++(error ? files_with_errors : files_with_warnings);
    }
    auto& [n, rule_files] = by_rule_[d.rule];
    ++n;
    if (!rule_files.contains(file)) rule_files.emplace(file);
  }
}

std::vector<RuleCount> CheckSummary::rules() const {
  std::vector<RuleCount> out;
  for (const RuleInfo& r : govreport::rules())
    if (auto it = by_rule_.find(r.id); it != by_rule_.end())
      out.push_back({r.id, r.severity, it->second.first, it->second.second.size()});
  return out;
}

std::string format_check_summary(const CheckSummary& s, Lang lang) {
  const bool en = lang == Lang::En;
  auto plural = [](std::size_t n) { return n == 1 ? "" : "s"; };
  std::string out =
      en ? fmt::format("checked {} file{}: {} error{}, {} warning{}", s.files, plural(s.files),
                       s.errors, plural(s.errors), s.warnings, plural(s.warnings))
         : fmt::format("检查了 {} 个文件：{} 个错误，{} 个警告", s.files, s.errors, s.warnings);
  if (s.unreadable > 0)
    out += en ? fmt::format(", {} unreadable", s.unreadable)
              : fmt::format("，{} 个无法读取", s.unreadable);
  const std::vector<RuleCount> rules = s.rules();
  if (s.files <= 1 || rules.empty()) return out + "\n" + format_pairing(s, lang);
  out += en ? fmt::format(" ({} file{} with errors, {} with warnings)\n", s.files_with_errors,
                          plural(s.files_with_errors), s.files_with_warnings)
            : fmt::format("（{} 个文件有错误，{} 个文件有警告）\n", s.files_with_errors,
                          s.files_with_warnings);
  std::size_t width = 4;
  for (const RuleCount& r : rules) width = std::max(width, r.rule.size());
  auto pad = [](std::string_view text, std::size_t to) {
    const std::size_t w = detail::display_width(text);
    return std::string(text) + std::string(to > w ? to - w : 0, ' ');
  };
  auto right = [](std::string_view text, std::size_t to) {
    const std::size_t w = detail::display_width(text);
    return std::string(to > w ? to - w : 0, ' ') + std::string(text);
  };
  out += "  " + pad(en ? "rule" : "规则", width) + "  " + pad(en ? "severity" : "级别", 8) +
         right(en ? "findings" : "个数", 10) + right(en ? "files" : "文件数", 10) + "\n";
  for (const RuleCount& r : rules) {
    const std::string_view severity =
        r.severity == Severity::Error ? (en ? "error" : "错误") : (en ? "warning" : "警告");
    out += "  " + pad(r.rule, width) + "  " + pad(severity, 8) +
           right(std::to_string(r.findings), 10) + right(std::to_string(r.files), 10) + "\n";
  }
  return out + format_pairing(s, lang);
}

std::string format_findings_text(const std::vector<Diagnostic>& findings, Lang lang) {
  // Each blank cell's row and column, for those of known cells.
  struct Blank {
    std::size_t index;
    std::string_view row, column;  // names
    std::string row_key, column_key;
  };
  std::vector<Blank> blanks;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Diagnostic& d = findings[i];
    if (d.rule != "blank-cell") continue;
    const std::string_view name = cell_name(d.pointer);
    const std::size_t slash = d.pointer.rfind('/');
    if (name.empty() || slash == std::string::npos || slash == 0) continue;
    const auto [row, column] = row_and_column(name);
    const std::string table = d.pointer.substr(0, d.pointer.find('/', 1));
    blanks.push_back({i, row, column, d.file + d.pointer.substr(0, slash),
                      d.file + table + "/" + d.pointer.substr(slash + 1)});
  }
  // A group is printed at its first finding; the others of the group are left out.
  std::vector<std::string> grouped(findings.size());
  std::vector<bool> skip(findings.size(), false);
  std::vector<bool> taken(blanks.size(), false);
  auto group_by = [&](auto key_of, auto message_of) {
    std::map<std::string, std::vector<std::size_t>> groups;  // key → indices into blanks
    for (std::size_t b = 0; b < blanks.size(); ++b)
      if (!taken[b]) groups[key_of(blanks[b])].push_back(b);
    for (const auto& [key, members] : groups) {
      if (members.size() < 2) continue;
      Diagnostic d = findings[blanks[members.front()].index];
      const Message m = message_of(members);
      d.message_zh = m.zh;
      d.message_en = m.en;
      grouped[blanks[members.front()].index] = format_diagnostic(d, lang);
      for (std::size_t b : members) {
        taken[b] = true;
        if (b != members.front()) skip[blanks[b].index] = true;
      }
    }
  };
  group_by([](const Blank& b) { return b.row_key; },
           [&](const std::vector<std::size_t>& members) {
             std::vector<std::string_view> columns;
             columns.reserve(members.size());
             for (std::size_t b : members) columns.push_back(blanks[b].column);
             const std::string_view row = blanks[members.front()].row;
             return Message{fmt::format("{} 有 {} 个单元格为空白（{}）；没有请填 0", row,
                                        members.size(), join_names(columns, Lang::Zh, 8)),
                            fmt::format("{}: {} cells are blank ({}); write 0 where there were "
                                        "none",
                                        row, members.size(), join_names(columns, Lang::En, 8))};
           });
  group_by([](const Blank& b) { return b.column_key; },
           [&](const std::vector<std::size_t>& members) {
             std::vector<std::string_view> rows;
             rows.reserve(members.size());
             for (std::size_t b : members) rows.push_back(blanks[b].row);
             const std::string_view column = blanks[members.front()].column;
             return Message{fmt::format("“{}”一列有 {} 个单元格为空白（{}）；没有请填 0", column,
                                        members.size(), join_names(rows, Lang::Zh, 4)),
                            fmt::format("column {}: {} cells are blank ({}); write 0 where there "
                                        "were none",
                                        column, members.size(), join_names(rows, Lang::En, 4))};
           });
  std::string out;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (skip[i]) continue;
    out += (grouped[i].empty() ? format_diagnostic(findings[i], lang) : grouped[i]) + "\n";
  }
  return out;
}

std::span<const FindingsFormat> findings_formats() { return kFormats; }

const FindingsFormat* findings_format(std::string_view name) {
  for (const FindingsFormat& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace govreport
