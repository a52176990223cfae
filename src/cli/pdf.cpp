#include "cli/pdf.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;

namespace govreport::cli {
namespace {
namespace fs = std::filesystem;

constexpr auto kTimeout = std::chrono::seconds(120);

// A fresh private directory for the page, Chromium's profile and the PDF; removed on leaving.
class TempDir {
 public:
  explicit TempDir(const Context& ctx) {
    std::string pattern = (fs::temp_directory_path() / "govreport-pdf-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw Failure(
          fmt::format("{}: {}{}", pattern,
                      ctx.tr("无法创建临时目录：", "cannot create a temporary directory: "),
                      std::strerror(errno)));
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string file_url(const fs::path& path) {
  std::string url = "file://";
  for (unsigned char c : path.string()) {
    if (std::isalnum(c) || std::strchr("/-._~", c) != nullptr) {
      url += static_cast<char>(c);
    } else {
      url += fmt::format("%{:02X}", c);
    }
  }
  return url;
}

// The last lines Chromium wrote, to explain a failure.
std::string tail(std::string_view log) {
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

// Runs `argv` with its output in `log`, in a process group of its own; kills the group after
// kTimeout. Returns the exit status, or -1 on timeout.
int run_chromium(const std::vector<std::string>& args, const fs::path& log, const Context& ctx) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  std::vector<std::string> copies = args;
  for (std::string& a : copies) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int err = ::posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (err != 0)
    throw Failure(
        fmt::format("{}: {}{}", args[0], ctx.tr("无法运行：", "cannot run: "), std::strerror(err)));
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);  // the browser and the helpers it started, all in its group
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string chromium_path() {
  const char* chosen = std::getenv("GOVREPORT_CHROMIUM");
  return chosen != nullptr && *chosen != '\0' ? chosen : "/usr/bin/chromium";
}

std::string print_pdf(std::string_view html, const Context& ctx) {
  const std::string chromium = chromium_path();
  if (::access(chromium.c_str(), X_OK) != 0)
    throw Failure(fmt::format(
        "{}: {}", chromium,
        ctx.tr("找不到 Chromium。生成 PDF 需要 Debian 软件包 chromium（sudo apt-get install "
               "chromium），"
               "也可以先生成 HTML（-f html）再用浏览器打印",
               "Chromium not found. PDF output needs the Debian package chromium (sudo apt-get "
               "install chromium); or build HTML (-f html) and print it from a browser")));
  const TempDir dir(ctx);
  const fs::path page = dir.path() / "report.html";
  const fs::path pdf = dir.path() / "report.pdf";
  const fs::path log = dir.path() / "chromium.log";
  std::ofstream(page, std::ios::binary) << html;
  fs::create_directory(dir.path() / "profile");
  const std::vector<std::string> args = {
      chromium,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--user-data-dir=" + (dir.path() / "profile").string(),
      "--no-pdf-header-footer",
      "--print-to-pdf=" + pdf.string(),
      file_url(page),
  };
  const int status = run_chromium(args, log, ctx);
  std::string bytes = status == 0 ? slurp(pdf) : std::string();
  if (status == 0 && bytes.starts_with("%PDF-")) return bytes;
  const std::string why = status < 0 ? ctx.tr("超时（2 分钟）", "timed out after two minutes")
                                     : ctx.tr(fmt::format("退出状态 {}", status),
                                              fmt::format("exit status {}", status));
  const std::string last_words = tail(slurp(log));
  throw Failure(fmt::format(
      "{}: {}{}", chromium,
      ctx.tr(fmt::format("没有生成 PDF（{}）", why), fmt::format("printed no PDF ({})", why)),
      last_words.empty() ? "" : "\n" + last_words));
}

}  // namespace govreport::cli
