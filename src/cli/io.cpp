#include "cli/io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "cli/importer.hpp"
#include "govreport/import.hpp"

namespace govreport::cli {
namespace fs = std::filesystem;

namespace {

// Names the common failures in the chosen language; the rest in the system's words.
std::string error_text(int err, const Context& ctx) {
  switch (err) {
    case ENOENT:
      return ctx.tr("文件或目录不存在", "no such file or directory");
    case EACCES:
    case EPERM:
      return ctx.tr("没有权限", "permission denied");
    case ENOSPC:
      return ctx.tr("磁盘空间不足", "no space left on device");
    case EISDIR:
      return ctx.tr("是目录", "is a directory");
    case EROFS:
      return ctx.tr("文件系统只读", "read-only file system");
    case EIO:
      return ctx.tr("输入/输出错误", "input/output error");
    default:
      return std::strerror(err);
  }
}

// Reads everything from `fd`, refusing more than kMaxInputBytes.
std::string read_fd(int fd, const std::string& name, const Context& ctx) {
  std::string data;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Failure(fmt::format("{}: {}{}", name, ctx.tr("读取失败：", "cannot read: "),
                                error_text(errno, ctx)));
    }
    data.append(buffer, static_cast<std::size_t>(n));
    if (data.size() > kMaxInputBytes)
      throw Failure(fmt::format(
          "{}: {}", name,
          ctx.tr(fmt::format("文件超过 {} MiB 的上限，拒绝读取", kMaxInputBytes >> 20),
                 fmt::format("larger than the limit of {} MiB; not read", kMaxInputBytes >> 20))));
  }
  return data;
}

}  // namespace

std::string read_input(const std::string& path, const Context& ctx) {
  if (path == "-") return read_fd(STDIN_FILENO, "<stdin>", ctx);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw Failure(fmt::format("{}: {}{}", path, ctx.tr("无法打开：", "cannot open: "),
                              error_text(errno, ctx)));
  if (!S_ISREG(st.st_mode))
    throw Failure(fmt::format("{}: {}", path,
                              S_ISDIR(st.st_mode)
                                  ? ctx.tr("是目录，不是文件", "is a directory, not a file")
                                  : ctx.tr("不是普通文件", "is not a regular file")));
  if (static_cast<std::size_t>(st.st_size) > kMaxInputBytes)
    throw Failure(fmt::format(
        "{}: {}", path,
        ctx.tr(fmt::format("文件超过 {} MiB 的上限，拒绝读取", kMaxInputBytes >> 20),
               fmt::format("larger than the limit of {} MiB; not read", kMaxInputBytes >> 20))));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw Failure(fmt::format("{}: {}{}", path, ctx.tr("无法打开：", "cannot open: "),
                              error_text(errno, ctx)));
  try {
    std::string data = read_fd(fd, path, ctx);
    ::close(fd);
    return data;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

InputFiles::InputFiles(const std::vector<std::string>& paths) {
  for (const std::string& p : paths) {
    struct stat st {};
    if (p != "-" && ::stat(p.c_str(), &st) == 0) ids_.emplace(st.st_dev, st.st_ino);
  }
}

bool InputFiles::contains(const std::string& path) const {
  struct stat st {};
  return !ids_.empty() && ::stat(path.c_str(), &st) == 0 && ids_.contains({st.st_dev, st.st_ino});
}

void write_output(const std::string& path, std::string_view content, const InputFiles& inputs,
                  const Context& ctx) {
  if (inputs.contains(path))
    throw Failure(
        fmt::format("{}: {}", path,
                    ctx.tr("是输入文件，拒绝覆盖", "is an input file; refusing to overwrite it")));
  auto fail = [&](int err) {
    return Failure(fmt::format("{}: {}{}", path, ctx.tr("无法写入：", "cannot write: "),
                               error_text(err, ctx)));
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    // A device or pipe (/dev/stdout, a FIFO) cannot be replaced by a rename: write to it directly.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw fail(errno);
    for (std::size_t done = 0; done < content.size();) {
      const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
      if (n < 0) {
        const int err = errno;
        ::close(fd);
        throw fail(err);
      }
      done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) throw fail(errno);
    return;
  }
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw fail(errno);
  int err = 0;
  for (std::size_t done = 0; done < content.size() && err == 0;) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno != EINTR) err = errno;
    } else {
      done += static_cast<std::size_t>(n);
    }
  }
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::fchmodat(AT_FDCWD, temp.c_str(), 0644, 0) != 0) err = errno;
  if (err == 0 && ::rename(temp.c_str(), path.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(temp.c_str());
    throw fail(err);
  }
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const Context& ctx) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && !fs::exists(p, ec))
      throw Failure(
          fmt::format("{}: {}", p, ctx.tr("没有这个文件或目录", "no such file or directory")));
    if (p == "-" || !fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it =
             fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".json")
        found.push_back(it->path().string());
    }
    if (ec)
      throw Failure(
          fmt::format("{}: {}{}", p, ctx.tr("无法列出目录：", "cannot list: "), ec.message()));
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

void print_diagnostics(std::FILE* out, const std::vector<Diagnostic>& diagnostics,
                       const Context& ctx) {
  for (const Diagnostic& d : diagnostics) fmt::print(out, "{}\n", format_diagnostic(d, ctx.lang));
}

std::string OutputPlan::path_for(const std::string& input, const Message& clash,
                                 const Context& ctx) {
  if (out_dir_.empty()) return output_;
  const std::string stem = input == "-" ? "stdin" : fs::path(input).stem().string();
  std::string path = (fs::path(out_dir_) / (stem + extension_)).string();
  if (!taken_.insert(path).second) throw Failure(fmt::format("{}: {}", path, clash.in(ctx.lang)));
  return path;
}

void OutputPlan::make_directory(const Context& ctx) const {
  if (out_dir_.empty()) return;
  std::error_code ec;
  fs::create_directories(out_dir_, ec);
  if (ec)
    throw Failure(fmt::format("{}: {}{}", out_dir_,
                              ctx.tr("无法创建目录：", "cannot create directory: "), ec.message()));
}

bool exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

Analysis analyze(const std::string& path, const Context& ctx) {
  const std::string name = path == "-" ? "<stdin>" : path;
  const std::string bytes = read_input(path, ctx);
  // A published report (PDF, HTML, text) is read by the importer, then checked like data.
  if (const auto kind = path == "-" ? std::nullopt : source_kind_for_path(path)) {
    ImportResult imported = importer(ctx).import_report(bytes, *kind, name, {});
    if (imported.unreadable && !imported.findings.empty())
      throw Failure(format_diagnostic(imported.findings.front(), ctx.lang));
    return govreport::analyze(std::move(imported.report), std::move(imported.findings), name);
  }
  return analyze_json(bytes, name);
}

Analysis analyze_or_fail(const std::string& path, const Context& ctx, const Message& consequence) {
  Analysis a = analyze(path, ctx);
  if (!a.report) {
    print_diagnostics(stderr, a.diagnostics, ctx);
    throw Failure(fmt::format("{}: {}{}", path,
                              ctx.tr("无法读取为年度报告数据", "cannot be read as report data"),
                              consequence.in(ctx.lang)));
  }
  return a;
}

}  // namespace govreport::cli
