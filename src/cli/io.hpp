#pragma once
// File access and shared state of the command line: the only place that touches the file system.

#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"

namespace govreport::cli {

/// Thrown when a command cannot do its job (unreadable input, unwritable output): exit code 2.
struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Options every command shares.
struct Context {
  Lang lang = Lang::Zh;
  bool quiet = false;

  /// Picks the message in the chosen language.
  std::string tr(std::string_view zh, std::string_view en) const {
    return std::string(lang == Lang::En ? en : zh);
  }
};

/// Largest input accepted, in bytes.
inline constexpr std::size_t kMaxInputBytes = 64u << 20;

/// Reads a whole regular file, or standard input for "-". Throws Failure naming the path.
std::string read_input(const std::string& path, const Context& ctx);

/// Identifies the input files of a command (by device and inode), so outputs never replace them.
class InputFiles {
 public:
  InputFiles() = default;
  /// Notes the files at `paths` that exist ("-" and missing ones are skipped).
  InputFiles(const std::vector<std::string>& paths);  // NOLINT: implicit, for call sites' brevity
  /// Returns whether `path` is one of the inputs.
  bool contains(const std::string& path) const;

 private:
  std::set<std::pair<std::uint64_t, std::uint64_t>> ids_;
};

/// Writes `content` to `path` through a temporary file and a rename, so that `path` is either
/// untouched or complete. Refuses to write over any of `inputs`. Throws Failure.
void write_output(const std::string& path, std::string_view content, const InputFiles& inputs,
                  const Context& ctx);

/// Expands directories into the *.json files below them, sorted; files are kept as given.
/// Throws Failure for a path that does not exist.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const Context& ctx);

/// Prints findings to `out` in the chosen language.
void print_diagnostics(std::FILE* out, const std::vector<Diagnostic>& diagnostics,
                       const Context& ctx);

}  // namespace govreport::cli

#include <optional>

#include "govreport/report.hpp"

namespace govreport::cli {

/// Holds a data file loaded and checked.
struct Analysis {
  std::optional<Report> report;
  std::vector<Diagnostic> diagnostics;  ///< sorted by position
  bool has_errors() const { return count(diagnostics, Severity::Error) > 0; }
};

/// Reads, loads and checks one data file ("-" for standard input), or imports and checks a
/// published report (.pdf .html .txt .md .xlsx .xls: see source_kind_for_path). Throws Failure if
/// unreadable.
Analysis analyze(const std::string& path, const Context& ctx);

}  // namespace govreport::cli
