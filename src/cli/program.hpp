#pragma once
// Running another program (Chromium, LibreOffice) in a private scratch directory, with a time
// limit, killed with govreport on a signal.

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/io.hpp"

namespace govreport::cli {

class TempPath;

/// Holds a fresh private directory under $TMPDIR, else /tmp, named govreport-`name`-XXXXXX;
/// removed with what it holds on leaving and on a signal.
class ScratchDirectory {
 public:
  /// Makes the directory. Throws Failure.
  ScratchDirectory(std::string_view name, const Context& ctx);
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  /// Returns its path.
  std::filesystem::path path() const;

 private:
  std::unique_ptr<TempPath> temp_;
};

/// Runs `args` (args[0] a path) with its output in `log` and TMPDIR set to `temp`, in a process
/// group of its own that is killed when govreport is (a signal kills the group; if govreport
/// dies outright, the kernel kills the program), and after `timeout`. Returns the exit status,
/// or -1 on timeout. Throws Failure when it cannot be started.
int run_program(const std::vector<std::string>& args, const std::filesystem::path& log,
                const std::filesystem::path& temp, std::chrono::seconds timeout,
                const Context& ctx);

/// Returns the contents of a file, or "" when it cannot be read.
std::string slurp(const std::filesystem::path& path);
/// Returns the last six lines of a program's log, to explain a failure.
std::string last_lines(std::string_view log);
/// Returns the file:// URL of `path`, each byte other than letters, digits and "/-._~" escaped.
std::string file_url(const std::filesystem::path& path);

}  // namespace govreport::cli
