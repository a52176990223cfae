#include "cli/importer.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <filesystem>
#include <mutex>
#include <vector>

namespace govreport::cli {
namespace {
namespace fs = std::filesystem;

// Where the module may be: beside the program (the build tree), in the library folder relative
// to the program (a relocated install), and in the library folder it was installed in.
std::vector<std::string> candidates() {
  std::vector<std::string> out;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    out.push_back((self.parent_path() / importer::kModuleFile).string());
    out.push_back(
        (self.parent_path().parent_path() / GOVREPORT_LIBDIR / "govreport" / importer::kModuleFile)
            .lexically_normal()
            .string());
  }
  const std::string installed =
      (fs::path(GOVREPORT_FULL_LIBDIR) / "govreport" / importer::kModuleFile).string();
  if (std::find(out.begin(), out.end(), installed) == out.end()) out.push_back(installed);
  return out;
}

const importer::Module* open_module(const Context& ctx) {
  std::string looked;
  for (const std::string& path : candidates()) {
    std::error_code ec;
    looked += (looked.empty() ? "" : ctx.tr("、", ", ")) + path;
    if (!fs::exists(path, ec)) continue;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr)
      throw Failure(fmt::format("{}: {}{}", path,
                                ctx.tr("无法加载导入模块：", "cannot load the importer module: "),
                                ::dlerror()));
    using Entry = const importer::Module* (*)();
    const auto entry = reinterpret_cast<Entry>(::dlsym(handle, importer::kModuleEntry));
    const importer::Module* module = entry != nullptr ? entry() : nullptr;
    if (module == nullptr || module->version != importer::kModuleVersion ||
        module->release != GOVREPORT_VERSION)
      throw Failure(
          fmt::format("{}: {}", path,
                      ctx.tr(fmt::format("导入模块与本程序（{}）的版本不符", GOVREPORT_VERSION),
                             fmt::format("the importer module does not match this program ({})",
                                         GOVREPORT_VERSION))));
    return module;
  }
  throw Failure(ctx.tr(
      fmt::format("找不到导入模块 {}（查找了 {}）；读取 PDF、HTML 和文本报告需要它",
                  importer::kModuleFile, looked),
      fmt::format("the importer module {} is not found (looked for {}); reading PDF, HTML and "
                  "text reports needs it",
                  importer::kModuleFile, looked)));
}

}  // namespace

const importer::Module& importer(const Context& ctx) {
  static std::mutex mutex;
  static const importer::Module* module = nullptr;
  std::lock_guard lock(mutex);
  if (module == nullptr) module = open_module(ctx);
  return *module;
}

}  // namespace govreport::cli
