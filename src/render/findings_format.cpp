#include "govreport/findings_format.hpp"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

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

class TextWriter : public FindingsWriter {
 public:
  explicit TextWriter(const FindingsOptions& o) : lang_(o.lang) {}
  std::string file(std::string_view, const std::vector<Diagnostic>& findings) override {
    std::string out;
    for (const Diagnostic& d : findings) out += format_diagnostic(d, lang_) + "\n";
    return out;
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
    json summary = {{"files", s.files}, {"errors", s.errors}, {"warnings", s.warnings}};
    std::string out = std::string(first_ ? "" : "\n") + "],\n";
    if (!unreadable_.empty()) {
      summary["unreadable"] = s.unreadable;
      out += "\"unreadable\": [";
      for (std::size_t i = 0; i < unreadable_.size(); ++i)
        out += std::string(i == 0 ? "\n  " : ",\n  ") + dump(unreadable_[i]);
      out += "\n],\n";
    }
    return out + "\"summary\": " + dump(summary) + "}\n";
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
  std::string end(const CheckSummary&) override {
    if (notifications_.empty()) return "\n]}]}\n";
    json invocation = {{"executionSuccessful", false},
                       {"toolExecutionNotifications", notifications_}};
    return "\n], \"invocations\": [" + dump(invocation) + "]}]}\n";
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

class JunitWriter : public FindingsWriter {
 public:
  explicit JunitWriter(const FindingsOptions& o) : options_(o) {}
  std::string file(std::string_view name, const std::vector<Diagnostic>& findings) override {
    const std::size_t errors = count(findings, Severity::Error);
    const std::size_t warnings = count(findings, Severity::Warning);
    std::string lines;
    for (const Diagnostic& d : findings) lines += format_diagnostic(d, options_.lang) + "\n";
    std::string c = fmt::format("    <testcase classname=\"govreport.check\" name=\"{}\">",
                                detail::markup_escape(printable(name)));
    if (errors > 0 || (options_.strict && warnings > 0)) {
      ++failures_;
      c += fmt::format(
          "\n      <failure type=\"{}\" message=\"{} errors, {} warnings\">{}</failure>\n    ",
          errors > 0 ? "error" : "warning", errors, warnings, detail::markup_escape(lines));
    } else if (warnings > 0) {
      c += fmt::format("\n      <system-out>{}</system-out>\n    ", detail::markup_escape(lines));
    }
    cases_ += c + "</testcase>\n";
    ++tests_;
    return {};
  }
  std::string unreadable(std::string_view name, std::string_view message) override {
    cases_ += fmt::format(
        "    <testcase classname=\"govreport.check\" name=\"{}\">\n"
        "      <error type=\"unreadable\" message=\"{}\"/>\n    </testcase>\n",
        detail::markup_escape(name), detail::markup_escape(message));
    ++tests_;
    ++errors_;
    return {};
  }
  std::string end(const CheckSummary&) override {
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"govreport check\" tests=\"{0}\" failures=\"{1}\" errors=\"{3}\">\n"
        "  <testsuite name=\"govreport check\" tests=\"{0}\" failures=\"{1}\" errors=\"{3}\" "
        "skipped=\"0\">\n"
        "{2}  </testsuite>\n</testsuites>\n",
        tests_, failures_, cases_, errors_);
  }

 private:
  FindingsOptions options_;
  std::string cases_;  // one short element per file: the counts must come first
  std::size_t tests_ = 0, failures_ = 0, errors_ = 0;
};

template <class W>
std::unique_ptr<FindingsWriter> make(const FindingsOptions& o) {
  return std::make_unique<W>(o);
}

constexpr std::array kFormats = {
    FindingsFormat{"text", "file:line:col: severity: message [rule-id], one per line",
                   &make<TextWriter>},
    FindingsFormat{"json", "one JSON document: findings and a summary", &make<JsonWriter>},
    FindingsFormat{"sarif", "SARIF 2.1.0, with the rule catalogue", &make<SarifWriter>},
    FindingsFormat{"github", "GitHub Actions workflow commands (annotations)", &make<GithubWriter>},
    FindingsFormat{"junit", "JUnit XML, one test case per file", &make<JunitWriter>},
};

}  // namespace

std::span<const FindingsFormat> findings_formats() { return kFormats; }

const FindingsFormat* findings_format(std::string_view name) {
  for (const FindingsFormat& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace govreport
