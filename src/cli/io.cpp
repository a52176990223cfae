#include "cli/io.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>

#include "cli/modules.hpp"
#include "cli/office.hpp"
#include "cli/process.hpp"
#include "govreport/findings_format.hpp"
#include "govreport/import.hpp"
#include "govreport/safe_text.hpp"

namespace govreport::cli {
namespace fs = std::filesystem;

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
    case EBADF:
      return ctx.tr("未打开（已关闭）", "not open (closed)");
    case EPIPE:
      return ctx.tr("管道的读取端已关闭", "broken pipe (the reader has gone)");
    case EFBIG:
      return ctx.tr("超过文件大小上限", "file too large");
    case ENOTDIR:
      return ctx.tr("路径中有一段不是目录", "a part of the path is not a directory");
    default:
      return std::strerror(err);
  }
}

namespace {

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
  if (path == "-") {
    // Standard input can be read once: a command that reads its inputs twice (build checks
    // everything before it renders) gets the same bytes again.
    static std::mutex mutex;
    static std::optional<std::string> bytes;
    std::lock_guard lock(mutex);
    if (!bytes) bytes = read_fd(STDIN_FILENO, "<stdin>", ctx);
    return *bytes;
  }
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

void refuse_repeated_stdin(const std::vector<std::string>& paths, const Context& ctx) {
  if (std::count(paths.begin(), paths.end(), "-") > 1)
    throw Failure(ctx.tr("'-'（标准输入）给了不止一次：标准输入只能读取一次",
                         "'-' (standard input) is given more than once; it can be read only once"));
}

Failure stdout_failure(int err, const Context& ctx) {
  return Failure(fmt::format("{}: {}{}", ctx.tr("标准输出", "standard output"),
                             ctx.tr("无法写入：", "cannot write: "), error_text(err, ctx)));
}

void print_out(std::string_view text, const Context& ctx) {
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
    const int err = errno != 0 ? errno : EIO;
    std::clearerr(stdout);
    throw stdout_failure(err, ctx);
  }
}

InputFiles::InputFiles(const std::vector<std::string>& paths) {
  for (const std::string& p : paths) {
    struct stat st {};
    // Standard input redirected from a file is that file.
    if (p == "-" ? ::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode)
                 : ::stat(p.c_str(), &st) == 0)
      ids_.emplace(st.st_dev, st.st_ino);
  }
}

bool InputFiles::contains(const std::string& path) const {
  struct stat st {};
  return !ids_.empty() && ::stat(path.c_str(), &st) == 0 && ids_.contains({st.st_dev, st.st_ino});
}

namespace {

// Writes all of `content` to `fd`; returns 0 or the errno of the failure.
int write_all(int fd, std::string_view content) {
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

bool same_as_stdout(const struct stat& st) {
  struct stat out {};
  return ::fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == st.st_dev && out.st_ino == st.st_ino;
}

}  // namespace

namespace {

// Refuses an output path that is an input, a directory or anything else that is not a regular
// file; returns whether it is standard output ("-", or a path to the same file as it). Fills
// `st` and `exists`.
bool check_target(const std::string& path, const InputFiles& inputs, const Context& ctx,
                  struct stat& st, bool& exists) {
  if (inputs.contains(path))
    throw Failure(
        fmt::format("{}: {}", path,
                    ctx.tr("是输入文件，拒绝覆盖", "is an input file; refusing to overwrite it")));
  exists = path != "-" && ::stat(path.c_str(), &st) == 0;
  if (path == "-" || (exists && same_as_stdout(st))) return true;  // also /dev/stdout
  if (exists && S_ISDIR(st.st_mode))
    throw Failure(
        fmt::format("{}: {}", path, ctx.tr("是目录，不能写入", "is a directory; not written")));
  if (exists && !S_ISREG(st.st_mode))  // a FIFO without a reader would block for ever
    throw Failure(fmt::format("{}: {}", path,
                              ctx.tr("不是普通文件，不能写入（写到标准输出请用 -o -）",
                                     "is not a regular file; not written (-o - writes to "
                                     "standard output)")));
  return false;
}

}  // namespace

PendingOutput::PendingOutput(const std::string& path, std::string_view content,
                             const InputFiles& inputs, const Context& ctx)
    : path_(path), target_(path) {
  auto fail = [&](int err) {
    return Failure(fmt::format("{}: {}{}", path, ctx.tr("无法写入：", "cannot write: "),
                               error_text(err, ctx)));
  };
  struct stat st {};
  bool exists = false;
  if (check_target(path, inputs, ctx, st, exists)) {
    is_stdout_ = true;
    to_stdout_ = content;
    return;
  }
  // A symbolic link stays a link: the file it points to is replaced.
  struct stat link {};
  if (exists && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    std::error_code ec;
    const fs::path resolved = fs::canonical(path, ec);
    if (!ec) target_ = resolved.string();
  }
  const fs::path target(target_);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string temp = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  int fd = -1;
  temp_ = TempPath::create_file(temp, fd);
  if (!temp_) throw fail(errno);
  int err = write_all(fd, content);
  const mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~process_umask());
  if (err == 0 && ::fchmod(fd, mode) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) throw fail(err);  // temp_ removes the temporary file
}

PendingOutput::PendingOutput(PendingOutput&&) noexcept = default;
PendingOutput& PendingOutput::operator=(PendingOutput&&) noexcept = default;
PendingOutput::~PendingOutput() = default;

void PendingOutput::commit(const Context& ctx) {
  if (is_stdout_) {
    print_out(to_stdout_, ctx);
    return;
  }
  if (!temp_) return;
  if (const int err = temp_->rename_to(target_); err != 0)
    throw Failure(fmt::format("{}: {}{}", path_, ctx.tr("无法写入：", "cannot write: "),
                              error_text(err, ctx)));
  temp_.reset();
}

void write_output(const std::string& path, std::string_view content, const InputFiles& inputs,
                  const Context& ctx) {
  PendingOutput(path, content, inputs, ctx).commit(ctx);
}

OutputDirectory::OutputDirectory(const std::string& path, const Context& ctx) {
  std::error_code ec;
  // The highest directory that will be made: removed, with those below it, if left empty.
  fs::path top;
  for (fs::path p = path; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    top = p;
    if (p == p.parent_path()) break;
  }
  fs::create_directories(path, ec);
  if (ec)
    throw Failure(fmt::format("{}: {}{}", path,
                              ctx.tr("无法创建目录：", "cannot create directory: "),
                              error_text(ec.value(), ctx)));
  if (!top.empty()) {
    made_ = path;
    top_ = top.string();
  }
}

OutputDirectory::~OutputDirectory() {
  if (made_.empty()) return;
  std::error_code ec;
  for (fs::path p = made_; fs::remove(p, ec) && !ec; p = p.parent_path())  // only when empty
    if (p == top_ || p == p.parent_path()) break;
}

OutputTarget::OutputTarget(const std::string& path, const InputFiles& inputs, const Context& ctx) {
  if (path.empty()) return;
  struct stat st {};
  bool exists = false;
  if (check_target(path, inputs, ctx, st, exists)) return;
  std::error_code ec;
  // The temporary file goes beside the file that is replaced, through a symbolic link.
  const fs::path resolved = exists ? fs::canonical(path, ec) : fs::path(path);
  const fs::path folder = ec ? fs::path(path).parent_path() : resolved.parent_path();
  if (!folder.empty() && !fs::exists(folder, ec))
    folder_ = std::make_unique<OutputDirectory>(folder.string(), ctx);
  const std::string dir = folder.empty() ? "." : folder.string();
  const int err = !fs::is_directory(dir, ec)         ? ENOTDIR
                  : ::access(dir.c_str(), W_OK) != 0 ? errno
                                                     : 0;
  if (err != 0)
    throw Failure(fmt::format("{}: {}{}", path, ctx.tr("无法写入：", "cannot write: "),
                              error_text(err, ctx)));
}

std::vector<InputPath> expand_paths(const std::vector<std::string>& paths, const Context& ctx) {
  refuse_repeated_stdin(paths, ctx);
  std::vector<InputPath> out;
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::string> seen;
  auto add = [&](const std::string& file) {
    struct stat st {};
    if (file != "-" && ::stat(file.c_str(), &st) == 0) {
      const auto [it, fresh] = seen.try_emplace({st.st_dev, st.st_ino}, file);
      if (!fresh) {
        if (!ctx.quiet && file == it->second)
          fmt::print(stderr, "{}\n",
                     ctx.tr(fmt::format("注意：{} 给了两次，只读取一次", file),
                            fmt::format("note: {} is given twice; read once", file)));
        else if (!ctx.quiet)
          fmt::print(
              stderr, "{}\n",
              ctx.tr(fmt::format("注意：{} 与 {} 是同一个文件，只读取一次", file, it->second),
                     fmt::format("note: {} is the same file as {}; read once", file, it->second)));
        return;
      }
    }
    out.push_back({file, {}});
  };
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-" || !fs::is_directory(p, ec)) {
      add(p);  // a missing file is reported when it is read, like any unreadable one
      continue;
    }
    std::vector<std::string> found;
    for (auto it =
             fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".json")
        found.push_back(it->path().string());
    }
    if (ec) {
      out.push_back({p, fmt::format("{}: {}{}", p, ctx.tr("无法列出目录：", "cannot list: "),
                                    error_text(ec.value(), ctx))});
      continue;
    }
    if (found.empty()) {
      out.push_back({p, fmt::format("{}: {}", p,
                                    ctx.tr("目录中没有数据文件（*.json）",
                                           "no data files (*.json) in this directory"))});
      continue;
    }
    std::sort(found.begin(), found.end());
    for (const std::string& f : found) {
      add(f);
      if (!out.empty() && out.back().path == f) out.back().named = false;
    }
  }
  return out;
}

std::string diagnostics_text(const std::vector<Diagnostic>& diagnostics, const Context& ctx) {
  return format_findings_text(diagnostics, ctx.lang);
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, const Context& ctx) {
  const std::string text = diagnostics_text(diagnostics, ctx);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

std::string OutputPlan::path_for(const std::string& input, const Message& clash,
                                 const Context& ctx) {
  if (out_dir_.empty()) return output_;
  const std::string stem = input == "-" ? "stdin" : fs::path(input).stem().string();
  std::string path = (fs::path(out_dir_) / (stem + extension_)).string();
  if (!taken_.insert(path).second) throw Failure(fmt::format("{}: {}", path, clash.in(ctx.lang)));
  return path;
}

bool exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

Analysis analyze(const std::string& path, const Context& ctx) {
  const std::string name = path == "-" ? "<stdin>" : path;
  std::string bytes = read_input(path, ctx);
  // A published report (PDF, HTML, text, Word) is read by the importer, then checked like data;
  // the cells it prints blank are findings, as null is in a data file.
  if (auto kind = path == "-" ? std::nullopt : source_kind_for_path(path)) {
    convert_old_document(*kind, bytes, name, ctx);
    ImportResult imported = importer(ctx).import_report(bytes, *kind, name, {});
    if (imported.unreadable && !imported.findings.empty())
      throw Failure(format_diagnostic(imported.findings.front(), ctx.lang));
    imported.findings.insert(imported.findings.end(),
                             std::make_move_iterator(imported.blank_cells.begin()),
                             std::make_move_iterator(imported.blank_cells.end()));
    imported.findings.insert(imported.findings.end(),
                             std::make_move_iterator(imported.report_findings.begin()),
                             std::make_move_iterator(imported.report_findings.end()));
    return govreport::analyze(std::move(imported.report), std::move(imported.findings), name);
  }
  return analyze_json(bytes, name);
}

AgencyRegister read_register(const std::string& path, const Context& ctx) {
  const std::string text = read_input(path, ctx);
  RegisterResult r = load_register(text, path);
  if (r.agencies) return std::move(*r.agencies);
  for (const RegisterResult::Problem& p : r.problems)
    fmt::print(stderr, "{}:{}:{}: {}\n", printable(path), p.position.line, p.position.column,
               printable(p.message.in(ctx.lang)));
  throw Failure(fmt::format("{}: {}", printable(path),
                            ctx.tr("机关名册有误，未使用", "the register has errors; not used")));
}

Analysis analyze_or_fail(const std::string& path, const Context& ctx, const Message& consequence) {
  Analysis a = analyze(path, ctx);
  if (a.json_schema)
    throw Failure(
        fmt::format("{}: {}{}", path,
                    ctx.tr("是 JSON Schema，不是报告数据", "is a JSON Schema, not report data"),
                    consequence.in(ctx.lang)));
  if (!a.report) {
    print_diagnostics(a.diagnostics, ctx);
    throw Failure(fmt::format("{}: {}{}", path,
                              ctx.tr("无法读取为年度报告数据", "cannot be read as report data"),
                              consequence.in(ctx.lang)));
  }
  return a;
}

}  // namespace govreport::cli
