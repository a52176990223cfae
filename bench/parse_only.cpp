// govreport-parse-only: reads and parses each file with nlohmann/json (a DOM) and nothing else:
// the baseline that govreport check is measured against.
//
//   govreport-parse-only FILE-OR-DIR...

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    if (fs::is_directory(argv[i])) {
      for (const auto& e : fs::recursive_directory_iterator(argv[i]))
        if (e.path().extension() == ".json") files.push_back(e.path());
    } else {
      files.emplace_back(argv[i]);
    }
  }
  std::size_t bytes = 0, values = 0;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    bytes += text.size();
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    values += j.size();
  }
  std::cout << files.size() << " files, " << bytes << " bytes, " << values << " top-level values\n";
  return 0;
}
