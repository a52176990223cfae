#pragma once
/// \file
/// Formats for the findings of a check run: text, json, sarif, github, junit.

#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/years.hpp"

namespace govreport {

/// Counts the findings of one rule in a check run.
struct RuleCount {
  std::string_view rule;
  Severity severity = Severity::Error;
  std::size_t findings = 0;
  std::size_t files = 0;  ///< files with at least one finding of the rule
};

/// Counts what a check run found.
struct CheckSummary {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t unreadable = 0;  ///< files that could not be read or checked at all
  std::size_t files_with_errors = 0;
  std::size_t files_with_warnings = 0;
  std::vector<YearPairing::Pair> year_pairs;    ///< the reports compared across years
  std::vector<YearPairing::Unpaired> unpaired;  ///< those that could not be paired

  /// Counts the findings about `file`; a file may come more than once (its own findings, then
  /// those across years) and is counted once.
  void add(std::string_view file, const std::vector<Diagnostic>& findings);
  /// Returns the rules that found something, in the order of the catalogue.
  std::vector<RuleCount> rules() const;

 private:
  std::set<std::string, std::less<>> error_files_, warning_files_;
  std::map<std::string_view, std::pair<std::size_t, std::set<std::string, std::less<>>>> by_rule_;
};

/// Formats the summary of a check run for standard error: the counts of files and findings,
/// and, over more than one file, a table of the rules that found something, then the year pairs
/// compared and the reports left unpaired. Ends in a newline.
std::string format_check_summary(const CheckSummary& summary, Lang lang);

/// Formats findings one per line, GNU style (format_diagnostic), except that several blank
/// cells of one row, and then of one column, are given one line at the first of them.
std::string format_findings_text(const std::vector<Diagnostic>& findings, Lang lang);

/// Settings that change how findings are written.
struct FindingsOptions {
  Lang lang = Lang::Zh;
  bool strict = false;  ///< warnings fail too (JUnit failures)
};

/// Writes findings as a stream: begin, then each file's findings in order, then the end.
class FindingsWriter {
 public:
  virtual ~FindingsWriter() = default;
  /// Returns what goes before the first file.
  virtual std::string begin() { return {}; }
  /// Returns the text for one checked file and its findings (sorted, possibly none).
  virtual std::string file(std::string_view name, const std::vector<Diagnostic>& findings) = 0;
  /// Returns the text for a file that could not be read at all; `message` says why. Every
  /// format reports it (text leaves it to the caller's standard error).
  virtual std::string unreadable(std::string_view name, std::string_view message) = 0;
  /// Returns what goes after the last file.
  virtual std::string end(const CheckSummary&) { return {}; }
};

/// Describes one findings format.
struct FindingsFormat {
  std::string_view name;
  std::string_view description_zh;
  std::string_view description_en;
  std::unique_ptr<FindingsWriter> (*make)(const FindingsOptions&);
};

/// Returns every findings format; the first, text, is the default.
std::span<const FindingsFormat> findings_formats();
/// Returns the findings format named `name`, or nullptr.
const FindingsFormat* findings_format(std::string_view name);

}  // namespace govreport
