#include "cli/pdf.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
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

#include "cli/program.hpp"

namespace govreport::cli {
namespace fs = std::filesystem;

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
  const ScratchDirectory dir("pdf", ctx);
  const fs::path page = dir.path() / "report.html";
  const fs::path pdf = dir.path() / "report.pdf";
  const fs::path log = dir.path() / "chromium.log";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    out.close();
    if (!out || ::mkdir((dir.path() / "profile").c_str(), 0700) != 0 ||
        ::mkdir((dir.path() / "tmp").c_str(), 0700) != 0)
      throw Failure(fmt::format("{}: {}{}", dir.path().string(),
                                ctx.tr("无法写入：", "cannot write: "), error_text(errno, ctx)));
  }
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
  const int status = run_program(args, log, dir.path() / "tmp", std::chrono::seconds(120), ctx);
  std::string bytes = status == 0 ? slurp(pdf) : std::string();
  if (status == 0 && bytes.starts_with("%PDF-")) return bytes;
  const std::string why = status < 0 ? ctx.tr("超时（2 分钟）", "timed out after two minutes")
                                     : ctx.tr(fmt::format("退出状态 {}", status),
                                              fmt::format("exit status {}", status));
  const std::string last_words = last_lines(slurp(log));
  throw Failure(fmt::format(
      "{}: {}{}", chromium,
      ctx.tr(fmt::format("没有生成 PDF（{}）", why), fmt::format("printed no PDF ({})", why)),
      last_words.empty() ? "" : "\n" + last_words));
}

}  // namespace govreport::cli
