#include "cli/modules.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <vector>

namespace govreport::cli {
namespace {
namespace fs = std::filesystem;

// A module loaded on demand, and what the messages about it say.
struct ModuleFile {
  const char* file;                       // its file name
  const char* entry;                      // the function it exports
  std::string_view zh, en;                // its name in messages
  std::string_view needed_zh, needed_en;  // what needs it
};

// Where a module may be: beside the program (the build tree), in the library folder relative to
// the program (a relocated install), and in the library folder it was installed in.
std::vector<std::string> candidates(const char* file) {
  std::vector<std::string> out;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    out.push_back((self.parent_path() / file).string());
    out.push_back((self.parent_path().parent_path() / GOVREPORT_LIBDIR / "govreport" / file)
                      .lexically_normal()
                      .string());
  }
  const std::string installed = (fs::path(GOVREPORT_FULL_LIBDIR) / "govreport" / file).string();
  if (std::find(out.begin(), out.end(), installed) == out.end()) out.push_back(installed);
  return out;
}

// Opens the module and returns its entry points, checked to be of this program's build.
template <typename Module>
const Module* open_module(const ModuleFile& m, int version, const Context& ctx) {
  std::string looked;
  for (const std::string& path : candidates(m.file)) {
    std::error_code ec;
    looked += (looked.empty() ? "" : ctx.tr("、", ", ")) + path;
    if (!fs::exists(path, ec)) continue;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr)
      throw Failure(fmt::format(
          "{}: {}{}", path,
          ctx.tr(fmt::format("无法加载{}：", m.zh), fmt::format("cannot load the {}: ", m.en)),
          ::dlerror()));
    using Entry = const Module* (*)();
    const auto entry = reinterpret_cast<Entry>(::dlsym(handle, m.entry));
    const Module* module = entry != nullptr ? entry() : nullptr;
    if (module == nullptr || module->version != version || module->release != GOVREPORT_VERSION)
      throw Failure(fmt::format(
          "{}: {}", path,
          ctx.tr(fmt::format("{}与本程序（{}）的版本不符", m.zh, GOVREPORT_VERSION),
                 fmt::format("the {} does not match this program ({})", m.en, GOVREPORT_VERSION))));
    return module;
  }
  throw Failure(
      ctx.tr(fmt::format("找不到{} {}（查找了 {}）；{}需要它", m.zh, m.file, looked, m.needed_zh),
             fmt::format("the {} {} is not found (looked for {}); {} needs it", m.en, m.file,
                         looked, m.needed_en)));
}

// Returns the module, opened once.
template <typename Module>
const Module& loaded(const ModuleFile& m, int version, const Context& ctx) {
  static std::mutex mutex;
  static const Module* module = nullptr;
  std::lock_guard lock(mutex);
  if (module == nullptr) module = open_module<Module>(m, version, ctx);
  return *module;
}

}  // namespace

const importer::Module& importer(const Context& ctx) {
  static constexpr ModuleFile kImporter{
      importer::kModuleFile, importer::kModuleEntry,      "导入模块",
      "importer module",     "读取 PDF、HTML 和文本报告", "reading PDF, HTML and text reports"};
  return loaded<importer::Module>(kImporter, importer::kModuleVersion, ctx);
}

const writer::Module& writer(const Context& ctx) {
  static constexpr ModuleFile kWriter{writer::kModuleFile,
                                      writer::kModuleEntry,
                                      "写出模块",
                                      "writer module",
                                      "写出 Word 文档（.docx）和工作簿（.xlsx）",
                                      "writing Word documents (.docx) and workbooks (.xlsx)"};
  return loaded<writer::Module>(kWriter, writer::kModuleVersion, ctx);
}

}  // namespace govreport::cli
