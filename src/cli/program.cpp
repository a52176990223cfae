#include "cli/program.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/process.hpp"

extern char** environ;

namespace govreport::cli {
namespace fs = std::filesystem;

ScratchDirectory::ScratchDirectory(std::string_view name, const Context& ctx) {
  const char* env = std::getenv("TMPDIR");
  const bool from_env = env != nullptr && *env != '\0';
  const std::string root = from_env ? env : "/tmp";
  temp_ = TempPath::create_directory(
      (fs::path(root) / fmt::format("govreport-{}-XXXXXX", name)).string());
  if (!temp_)
    throw Failure(
        fmt::format("{}: {}{}", root,
                    from_env ? ctx.tr("无法在环境变量 TMPDIR 指定的目录中创建临时目录：",
                                      "cannot make a temporary directory in TMPDIR: ")
                             : ctx.tr("无法创建临时目录：", "cannot make a temporary directory: "),
                    error_text(errno, ctx)));
}

ScratchDirectory::~ScratchDirectory() = default;

fs::path ScratchDirectory::path() const { return temp_->path(); }

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string last_lines(std::string_view log) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < log.size();) {
    const std::size_t end = std::min(log.find('\n', start), log.size());
    if (end > start) lines.push_back(log.substr(start, end - start));
    start = end + 1;
  }
  std::string out;
  for (std::size_t i = lines.size() > 6 ? lines.size() - 6 : 0; i < lines.size(); ++i)
    out += std::string(out.empty() ? "" : "\n") + std::string(lines[i]);
  return out;
}

int run_program(const std::vector<std::string>& args, const fs::path& log, const fs::path& temp,
                std::chrono::seconds timeout, const Context& ctx) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  std::vector<std::string> copies = args;
  for (std::string& a : copies) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> environment;
  for (char** e = environ; *e != nullptr; ++e)
    if (!std::string_view(*e).starts_with("TMPDIR=")) environment.emplace_back(*e);
  environment.push_back("TMPDIR=" + temp.string());
  std::vector<char*> envp;
  envp.reserve(environment.size() + 1);
  for (std::string& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);
  const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (log_fd < 0)
    throw Failure(fmt::format("{}: {}{}", log.string(), ctx.tr("无法写入：", "cannot write: "),
                              error_text(errno, ctx)));
  int ready[2];  // closed on exec; a byte on it is the errno of a failed exec
  if (::pipe2(ready, O_CLOEXEC) != 0) {
    const int err = errno;
    ::close(log_fd);
    throw Failure(fmt::format("{}: {}{}", args[0], ctx.tr("无法运行：", "cannot run: "),
                              error_text(err, ctx)));
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    // Only async-signal-safe calls until exec.
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);  // govreport is already gone
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::signal(SIGXFSZ, SIG_DFL);
    const int null = ::open("/dev/null", O_RDONLY);
    if (null < 0 || ::dup2(null, STDIN_FILENO) < 0 || ::dup2(log_fd, STDOUT_FILENO) < 0 ||
        ::dup2(log_fd, STDERR_FILENO) < 0)
      ::_exit(127);
    ::execve(argv[0], argv.data(), envp.data());
    const int err = errno;
    const unsigned char byte = static_cast<unsigned char>(err);
    [[maybe_unused]] const ssize_t n = ::write(ready[1], &byte, 1);
    ::_exit(127);
  }
  const int fork_err = errno;
  ::close(log_fd);
  ::close(ready[1]);
  if (pid < 0) {
    ::close(ready[0]);
    throw Failure(fmt::format("{}: {}{}", args[0], ctx.tr("无法运行：", "cannot run: "),
                              error_text(fork_err, ctx)));
  }
  ::setpgid(pid, pid);  // also here, so that the group exists before it is killed
  const ChildGroup group(pid);
  unsigned char exec_err = 0;
  ssize_t got;
  while ((got = ::read(ready[0], &exec_err, 1)) < 0 && errno == EINTR) {
  }
  ::close(ready[0]);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);  // the program and the helpers it started, all in its group
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (got == 1)
    throw Failure(fmt::format("{}: {}{}", args[0], ctx.tr("无法运行：", "cannot run: "),
                              error_text(exec_err, ctx)));
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string file_url(const std::filesystem::path& path) {
  std::string url = "file://";
  for (unsigned char c : path.string()) {
    if (std::isalnum(c) != 0 || std::strchr("/-._~", c) != nullptr) {
      url += static_cast<char>(c);
    } else {
      url += fmt::format("%{:02X}", c);
    }
  }
  return url;
}

}  // namespace govreport::cli
