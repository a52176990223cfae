#include "cli/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>

namespace govreport::cli {
namespace {
namespace fs = std::filesystem;

// What a signal must clean up. Never destroyed: the signal thread may use it during exit.
struct Registry {
  std::mutex mutex;
  std::map<std::uint64_t, std::string> paths;
  std::set<pid_t> groups;
  std::uint64_t next = 0;
};

Registry& registry() {
  static Registry* r = new Registry;
  return *r;
}

mode_t noted_umask = 022;

// The signals that end a run from outside, unless the caller ignores them (nohup, a
// background job of a script); they are blocked in every thread but the one that waits for them.
sigset_t ending_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction now {};
    if (::sigaction(sig, nullptr, &now) == 0 && now.sa_handler != SIG_IGN) sigaddset(&set, sig);
  }
  return set;
}

[[noreturn]] void on_signal(sigset_t set) {
  int sig = 0;
  while (sigwait(&set, &sig) != 0) {
  }
  Registry& r = registry();
  // Held until the process is gone, so that no rename or registration happens after this.
  r.mutex.lock();
  for (pid_t g : r.groups) ::kill(-g, SIGKILL);
  for (pid_t g : r.groups) ::waitpid(g, nullptr, 0);  // its files are closed before they go
  for (const auto& [id, path] : r.paths) {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  // Die of the signal, as the shell and the caller expect.
  ::signal(sig, SIG_DFL);
  sigset_t one;
  sigemptyset(&one);
  sigaddset(&one, sig);
  ::pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
  ::raise(sig);
  ::_exit(128 + sig);
}

}  // namespace

void prepare_process() {
  // A closed standard input or output is reopened the wrong way round: reading or writing it
  // then fails with EBADF, as it would have, instead of reaching a file opened later. Messages
  // to a closed standard error are dropped.
  for (int fd = 0; fd <= 2; ++fd)
    if (::fcntl(fd, F_GETFD) < 0 && errno == EBADF)
      ::open("/dev/null", fd == 1 ? O_RDONLY : O_WRONLY);
  noted_umask = ::umask(0);
  ::umask(noted_umask);
  ::signal(SIGXFSZ, SIG_IGN);
  const sigset_t set = ending_signals();
  ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
  try {
    std::thread(on_signal, set).detach();
  } catch (const std::system_error&) {  // no thread: the signals keep their default action
    ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  }
}

mode_t process_umask() { return noted_umask; }

// The file or directory is made and registered under the lock, so that a signal finds it
// registered as soon as it exists.
std::unique_ptr<TempPath> TempPath::create_file(std::string pattern, int& fd) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) return nullptr;
  const std::uint64_t id = r.next++;
  r.paths.emplace(id, pattern);
  return std::unique_ptr<TempPath>(new TempPath(std::move(pattern), id));
}

std::unique_ptr<TempPath> TempPath::create_directory(std::string pattern) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  if (::mkdtemp(pattern.data()) == nullptr) return nullptr;
  const std::uint64_t id = r.next++;
  r.paths.emplace(id, pattern);
  return std::unique_ptr<TempPath>(new TempPath(std::move(pattern), id));
}

TempPath::~TempPath() {
  if (renamed_) return;
  {
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.paths.erase(id_);
  }
  std::error_code ec;
  fs::remove_all(path_, ec);
}

int TempPath::rename_to(const std::string& target) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  if (::rename(path_.c_str(), target.c_str()) != 0) return errno;
  r.paths.erase(id_);
  renamed_ = true;
  return 0;
}

ChildGroup::ChildGroup(pid_t leader) : leader_(leader) {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.groups.insert(leader_);
}

ChildGroup::~ChildGroup() {
  Registry& r = registry();
  std::lock_guard lock(r.mutex);
  r.groups.erase(leader_);
}

}  // namespace govreport::cli
