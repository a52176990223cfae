#pragma once
// A file that libxlsxwriter can write by name and that is read back afterwards.

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace govreport::detail {

// A file that libxlsxwriter can open by name and that is read back afterwards: an anonymous
// memory file, or where /proc is not mounted a temporary file removed at once.
class ScratchFile {
 public:
  ScratchFile() {
    fd_ = ::memfd_create("govreport.xlsx", MFD_CLOEXEC);
    if (fd_ >= 0) {
      path_ = "/proc/self/fd/" + std::to_string(fd_);
      if (::access(path_.c_str(), W_OK) == 0) return;
      ::close(fd_);
    }
    std::error_code ec;
    path_ = (std::filesystem::temp_directory_path(ec) / "govreport-xlsx-XXXXXX").string();
    fd_ = ::mkstemp(path_.data());
    if (fd_ < 0)
      throw std::runtime_error(
          fmt::format("xlsx: cannot create a temporary file: {}", std::strerror(errno)));
    temporary_ = true;
  }
  ~ScratchFile() {
    ::close(fd_);
    if (temporary_) ::unlink(path_.c_str());
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& path() const { return path_; }

  std::string read() const {
    std::string bytes;
    char buffer[1 << 16];
    for (off_t at = 0;;) {
      const ssize_t n = ::pread(fd_, buffer, sizeof buffer, at);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0)
        throw std::runtime_error(
            fmt::format("xlsx: cannot read the workbook back: {}", std::strerror(errno)));
      if (n == 0) break;
      bytes.append(buffer, static_cast<std::size_t>(n));
      at += n;
    }
    return bytes;
  }

 private:
  int fd_ = -1;
  std::string path_;
  bool temporary_ = false;
};

}  // namespace govreport::detail
