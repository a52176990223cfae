#include "cli/office.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>

#include "cli/program.hpp"

namespace govreport::cli {
namespace fs = std::filesystem;

std::string soffice_path() {
  const char* chosen = std::getenv("GOVREPORT_SOFFICE");
  if (chosen != nullptr && *chosen != '\0')
    return ::access(chosen, X_OK) == 0 ? std::string(chosen) : std::string();
  const char* path = std::getenv("PATH");
  const std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  for (std::string_view name : {"soffice", "libreoffice"}) {
    for (std::size_t start = 0; start <= dirs.size();) {
      std::size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      const std::string dir = dirs.substr(start, end - start);
      std::string candidate = (fs::path(dir.empty() ? "." : dir) / name).string();
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
      start = end + 1;
    }
  }
  return {};
}

void convert_old_document(SourceKind& kind, std::string& bytes, const std::string& name,
                          const Context& ctx) {
  if (kind != SourceKind::Doc) return;
  const std::string soffice = soffice_path();
  if (soffice.empty())
    throw Failure(fmt::format(
        "{}: {}", name,
        ctx.tr("旧版 Word 97–2003 文档（.doc）需要 LibreOffice 转换，但没有找到 LibreOffice。"
               "请安装 Debian 软件包 libreoffice-writer（sudo apt-get install "
               "libreoffice-writer），或在 Word、WPS 中将它另存为 .docx 后再读取",
               "an old Word 97–2003 document (.doc) is converted by LibreOffice, which is not "
               "installed. Install the Debian package libreoffice-writer (sudo apt-get install "
               "libreoffice-writer), or save the document as .docx in Word or WPS and read that")));
  const ScratchDirectory dir("doc", ctx);
  const fs::path input = dir.path() / "report.doc";
  const fs::path log = dir.path() / "soffice.log";
  {
    std::ofstream out(input, std::ios::binary);
    out << bytes;
    out.close();
    if (!out || ::mkdir((dir.path() / "profile").c_str(), 0700) != 0 ||
        ::mkdir((dir.path() / "out").c_str(), 0700) != 0 ||
        ::mkdir((dir.path() / "tmp").c_str(), 0700) != 0)
      throw Failure(fmt::format("{}: {}{}", dir.path().string(),
                                ctx.tr("无法写入：", "cannot write: "), error_text(errno, ctx)));
  }
  // A profile of its own, so that a LibreOffice the user has open is neither used nor disturbed.
  const std::vector<std::string> args = {
      soffice,        "-env:UserInstallation=" + file_url(dir.path() / "profile"),
      "--headless",   "--norestore",
      "--convert-to", "docx:MS Word 2007 XML",
      "--outdir",     (dir.path() / "out").string(),
      input.string(),
  };
  const int status = run_program(args, log, dir.path() / "tmp", std::chrono::seconds(120), ctx);
  std::string converted = status == 0 ? slurp(dir.path() / "out" / "report.docx") : std::string();
  if (status == 0 && converted.starts_with("PK")) {
    bytes = std::move(converted);
    kind = SourceKind::Docx;
    return;
  }
  const std::string why = status < 0 ? ctx.tr("超时（2 分钟）", "timed out after two minutes")
                          : status == 0 ? ctx.tr("没有写出 .docx", "wrote no .docx")
                                        : ctx.tr(fmt::format("退出状态 {}", status),
                                                 fmt::format("exit status {}", status));
  const std::string last_words = last_lines(slurp(log));
  throw Failure(fmt::format(
      "{}: {}{}", name,
      ctx.tr(fmt::format("LibreOffice（{}）无法把它转换为 .docx（{}）；请在 Word 或 WPS 中另存为 "
                         ".docx",
                         soffice, why),
             fmt::format("LibreOffice ({}) could not convert it to .docx ({}); save it as .docx "
                         "in Word or WPS",
                         soffice, why)),
      last_words.empty() ? "" : "\n" + last_words));
}

}  // namespace govreport::cli
