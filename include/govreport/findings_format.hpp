#pragma once
/// \file
/// Formats for the findings of a check run: text, json, sarif, github, junit.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"

namespace govreport {

/// Counts what a check run found.
struct CheckSummary {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t unreadable = 0;  ///< files that could not be read or checked at all
};

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
  std::string_view description;
  std::unique_ptr<FindingsWriter> (*make)(const FindingsOptions&);
};

/// Returns every findings format; the first, text, is the default.
std::span<const FindingsFormat> findings_formats();
/// Returns the findings format named `name`, or nullptr.
const FindingsFormat* findings_format(std::string_view name);

}  // namespace govreport
