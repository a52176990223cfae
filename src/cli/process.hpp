#pragma once
// The process around a command: closed standard streams, the umask, and what a signal would
// leave behind (temporary files and directories, child processes).

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>

namespace govreport::cli {

/// Prepares the process before any command runs, while it has one thread: a closed standard
/// input or output is reopened so that using it fails (a file opened later never takes its
/// number) and a closed standard error on /dev/null, the
/// umask is noted, SIGXFSZ is ignored (a write beyond the file size limit fails instead), and
/// SIGINT, SIGTERM and SIGHUP are taken by a thread of their own, which kills every registered
/// child process group and removes every registered temporary path before the process dies of
/// the signal.
void prepare_process();

/// Returns the umask noted by prepare_process() (022 if it was not called).
mode_t process_umask();

/// Holds a temporary file or directory: removed when the holder is destroyed, unless renamed
/// into place first, and removed on SIGINT, SIGTERM or SIGHUP.
class TempPath {
 public:
  /// Creates a file named after `pattern` (ending in XXXXXX, as for mkstemp) and holds it; its
  /// descriptor (close-on-exec) goes to `fd`. Returns nullptr, errno set, when it cannot.
  static std::unique_ptr<TempPath> create_file(std::string pattern, int& fd);
  /// Creates a directory named after `pattern` (as for mkdtemp) and holds it. Returns nullptr,
  /// errno set, when it cannot.
  static std::unique_ptr<TempPath> create_directory(std::string pattern);
  ~TempPath();
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;

  /// Returns the path.
  const std::string& path() const { return path_; }
  /// Renames the file to `target`; a signal sees it either here or there, never both or
  /// neither. Returns 0, or the errno of the rename.
  int rename_to(const std::string& target);

 private:
  TempPath(std::string path, std::uint64_t id) : path_(std::move(path)), id_(id) {}
  std::string path_;
  std::uint64_t id_;
  bool renamed_ = false;
};

/// Holds a child process that leads a process group of its own: the group is killed on
/// SIGINT, SIGTERM or SIGHUP while the holder lives.
class ChildGroup {
 public:
  explicit ChildGroup(pid_t leader);
  ~ChildGroup();
  ChildGroup(const ChildGroup&) = delete;
  ChildGroup& operator=(const ChildGroup&) = delete;

 private:
  pid_t leader_;
};

}  // namespace govreport::cli
