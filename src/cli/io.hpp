#pragma once
// File access and shared state of the command line: the only place that reads and writes the
// user's files and folders. Besides it, pdf.cpp gives Chromium a temporary folder, and
// importer.cpp opens the importer module.

#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/check.hpp"
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

/// Plans where each input's output goes: to `output` (empty or "-": standard output), or with
/// `out_dir`, to DIR/STEM`extension` for each input. Two inputs never write one file.
class OutputPlan {
 public:
  OutputPlan(std::string output, std::string out_dir, std::string extension)
      : output_(std::move(output)),
        out_dir_(std::move(out_dir)),
        extension_(std::move(extension)) {}

  /// Returns the output path of `input`. Throws Failure, saying `clash`, when another input
  /// already goes there.
  std::string path_for(const std::string& input, const Message& clash, const Context& ctx);
  /// Creates the output directory, if there is one, with its parents. Throws Failure.
  void make_directory(const Context& ctx) const;

 private:
  std::string output_, out_dir_, extension_;
  std::set<std::string> taken_;
};

/// Returns whether something exists at `path`.
bool exists(const std::string& path);

/// Reads and checks one data file ("-" for standard input), or imports and checks a published
/// report (.pdf .html .txt .md: see source_kind_for_path). Throws Failure if unreadable.
Analysis analyze(const std::string& path, const Context& ctx);

/// Reads and checks `path` like analyze; when no report could be read from it, prints the
/// findings and throws Failure, with `consequence` ("nothing added up") after the reason.
Analysis analyze_or_fail(const std::string& path, const Context& ctx,
                         const Message& consequence = {});

}  // namespace govreport::cli
