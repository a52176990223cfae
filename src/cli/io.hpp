#pragma once
// File access and shared state of the command line: the only place that reads and writes the
// user's files and folders. Besides it, pdf.cpp gives Chromium a temporary folder, and
// modules.cpp opens the modules loaded on demand.

#include <cstdint>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/check.hpp"
#include "govreport/diagnostic.hpp"
#include "govreport/register.hpp"

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

/// Names an errno value in the chosen language (the common ones; the rest in the system's words).
std::string error_text(int err, const Context& ctx);

/// Reads a whole regular file, or standard input for "-" (read once: a second call returns the
/// same bytes). Throws Failure naming the path.
std::string read_input(const std::string& path, const Context& ctx);

/// Throws Failure when "-" (standard input) is among `paths` more than once.
void refuse_repeated_stdin(const std::vector<std::string>& paths, const Context& ctx);

/// Writes `text` to standard output and flushes it. Every command writes its standard output
/// through here: throws Failure naming standard output when it cannot be written (disk full,
/// closed, a pipe whose reader has gone).
void print_out(std::string_view text, const Context& ctx);

/// Returns the Failure for standard output that could not be written, with errno `err`.
Failure stdout_failure(int err, const Context& ctx);

/// Identifies files by device and inode, whatever their spelling or the links to them.
class InputFiles {
 public:
  InputFiles() = default;
  /// Notes the files at `paths` that exist ("-" and missing ones are skipped).
  InputFiles(const std::vector<std::string>& paths);  // NOLINT: implicit, for call sites' brevity
  /// Returns whether `path` is one of the files noted.
  bool contains(const std::string& path) const;

 private:
  std::set<std::pair<std::uint64_t, std::uint64_t>> ids_;
};

class TempPath;

/// Holds an output written whole to a temporary file beside its path, not yet in place: several
/// outputs are all written first and then all put in place, or none is. Destroyed without
/// commit(), it removes the temporary file. Standard output ("-", or a path to the same file
/// such as /dev/stdout) is kept in memory and written there by commit().
class PendingOutput {
 public:
  /// Writes `content` to a temporary file for `path` (mode: that of the file it replaces, else
  /// 0666 less the umask). Refuses any of `inputs`, a directory and anything else that is not
  /// a regular file (a FIFO would block). Throws Failure.
  PendingOutput(const std::string& path, std::string_view content, const InputFiles& inputs,
                const Context& ctx);
  PendingOutput(PendingOutput&&) noexcept;
  PendingOutput& operator=(PendingOutput&&) noexcept;
  ~PendingOutput();

  /// Puts the output in place (rename). Throws Failure.
  void commit(const Context& ctx);
  /// Returns the path the output goes to.
  const std::string& path() const { return path_; }
  /// Returns whether the output goes to standard output.
  bool is_stdout() const { return is_stdout_; }

 private:
  std::string path_;    // as given, for messages
  std::string target_;  // where the rename goes (through a symbolic link)
  std::unique_ptr<TempPath> temp_;
  std::string to_stdout_;
  bool is_stdout_ = false;
};

/// Writes `content` to `path` through a temporary file and a rename, so that `path` is either
/// untouched or complete (see PendingOutput). Throws Failure.
void write_output(const std::string& path, std::string_view content, const InputFiles& inputs,
                  const Context& ctx);

/// Makes an output directory (and its parents) if it is missing. Unless keep() is called, a
/// directory made here is removed again on leaving if it is still empty.
class OutputDirectory {
 public:
  /// Makes `path`. Throws Failure.
  OutputDirectory(const std::string& path, const Context& ctx);
  ~OutputDirectory();
  OutputDirectory(const OutputDirectory&) = delete;
  OutputDirectory& operator=(const OutputDirectory&) = delete;
  /// Keeps the directory.
  void keep() { made_.clear(); }

 private:
  std::string made_;  // the directory, if it was made here
  std::string top_;   // the highest directory made on the way to it
};

/// Prepares an output file before any long work starts: refuses what PendingOutput would refuse
/// (an input file, a directory, anything else that is not a regular file) and a folder that
/// cannot be written, and makes the folder if it is missing, as --out-dir does (removed again
/// on leaving if still empty, unless keep() is called). "-" or empty: standard output.
class OutputTarget {
 public:
  /// Checks and prepares `path`. Throws Failure.
  OutputTarget(const std::string& path, const InputFiles& inputs, const Context& ctx);
  /// Keeps the folder made for the output.
  void keep() {
    if (folder_) folder_->keep();
  }

 private:
  std::unique_ptr<OutputDirectory> folder_;
};

/// Holds one input path of a command after expand_paths.
struct InputPath {
  std::string path;
  std::string failure;  ///< why it gives nothing to read (a directory without data files)
  bool named = true;    ///< given on the command line, not found in a directory
};

/// Expands directories into the *.json files below them, sorted; files are kept as given, also
/// missing ones (reading them says why). A directory without data files is kept with a
/// failure. A file reached twice (another spelling, a symbolic link: the same device and inode)
/// is kept once, with a note on standard error. A JSON Schema (a file whose "$schema" names a
/// meta-schema, such as the one `init -o` writes beside a data file) is no report: it is left
/// out, with a note when it was named on the command line. Throws Failure when "-" is given
/// twice.
std::vector<InputPath> expand_paths(const std::vector<std::string>& paths, const Context& ctx);

/// Prints findings to standard error in the chosen language.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, const Context& ctx);
/// Returns findings as lines of text in the chosen language.
std::string diagnostics_text(const std::vector<Diagnostic>& diagnostics, const Context& ctx);

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

 private:
  std::string output_, out_dir_, extension_;
  std::set<std::string> taken_;
};

/// Returns whether something exists at `path`.
bool exists(const std::string& path);

/// Reads and checks one data file ("-" for standard input), or imports and checks a published
/// report or workbook (.pdf .html .txt .md .xlsx .xls: see source_kind_for_path). Throws Failure
/// if unreadable.
Analysis analyze(const std::string& path, const Context& ctx);

/// Reads the register of agencies at `path` (load_register). Throws Failure, naming each problem
/// at its place in the file.
AgencyRegister read_register(const std::string& path, const Context& ctx);

/// Reads and checks `path` like analyze; when no report could be read from it, prints the
/// findings and throws Failure, with `consequence` ("nothing added up") after the reason.
Analysis analyze_or_fail(const std::string& path, const Context& ctx,
                         const Message& consequence = {});

}  // namespace govreport::cli
