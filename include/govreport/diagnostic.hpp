#pragma once
/// \file
/// Findings about a report, and the catalogue of rules that produce them.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/source.hpp"

namespace govreport {

/// Says whether a finding fails the check.
enum class Severity { Error, Warning };

/// Selects the language of messages.
enum class Lang { Zh, En };

/// Holds a text in both languages of messages.
struct Message {
  std::string zh;
  std::string en;

  /// Returns the text in `lang`.
  const std::string& in(Lang lang) const { return lang == Lang::En ? en : zh; }
};

/// Describes one rule of the catalogue.
struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view zh;  ///< one-line description
  std::string_view en;
};

/// Returns every rule, in a stable order.
std::span<const RuleInfo> rules();
/// Returns the rule with `id`; throws std::logic_error for an unknown id.
const RuleInfo& rule(std::string_view id);

/// Holds one finding about the data, with where it is and both numbers.
struct Diagnostic {
  std::string_view rule;  ///< rule id, from rules()
  Severity severity = Severity::Error;
  std::string file;
  Position position;
  std::string pointer;  ///< JSON Pointer of the offending value
  std::string message_zh;
  std::string message_en;
  std::string expected;  ///< may be empty
  std::string actual;    ///< may be empty
  /// The pointer of the finding this one follows from (its root cause, a cell that also breaks
  /// other rules); empty for a finding that follows from none.
  std::string follows;
  /// Says that other findings follow from this one (they name its pointer in `follows`).
  bool root_cause = false;

  const std::string& message(Lang lang) const { return lang == Lang::En ? message_en : message_zh; }
};

/// Builds a finding of rule `id` with its severity from the catalogue.
Diagnostic make_diagnostic(std::string_view id, std::string pointer, std::string zh,
                           std::string en);

/// Collects the findings about one file: each gets the rule's severity, the file's name and its
/// place in the file. The loader, the checker, the rules across years, the roll-up and the
/// importer all collect their findings with it.
class Findings {
 public:
  /// Starts a collection about `file`; `source`, when given, places findings by JSON Pointer.
  explicit Findings(std::string file, const SourceMap* source = nullptr)
      : file_(std::move(file)), source_(source) {}

  /// Adds a finding of rule `id` about the value at `pointer`, placed where `source` has it.
  Diagnostic& add(std::string_view id, std::string pointer, Message message);
  /// Adds a finding of rule `id` about the value at `pointer`, at `position`.
  Diagnostic& add(std::string_view id, std::string pointer, Message message, Position position);

  /// Returns the findings collected so far, in the order they were added.
  std::vector<Diagnostic>& list() { return list_; }
  /// Returns the name of the file the findings are about.
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  const SourceMap* source_;
  std::vector<Diagnostic> list_;
};

/// Formats a finding GNU style: "file:line:col: error: message [rule-id]", or "file:place: …"
/// for a source without lines.
std::string format_diagnostic(const Diagnostic& d, Lang lang);

/// Orders findings by file, then position (or document order of their places), then rule; a
/// finding that follows from another (`follows`) comes right after it.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

/// Counts the findings of `severity`.
std::size_t count(const std::vector<Diagnostic>& diagnostics, Severity severity);

}  // namespace govreport
