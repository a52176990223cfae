// govreport-parse-simdjson: reads and parses each file with simdjson (its DOM, every value
// visited) and nothing else: the practical limit for any checker of JSON files.
//
//   govreport-parse-simdjson FILE-OR-DIR...

#include <simdjson.h>

#include <filesystem>
#include <iostream>
#include <vector>

namespace {

// Counts the values of an element, visiting each one, as a checker must.
std::size_t count(simdjson::dom::element e) {
  std::size_t n = 1;
  if (e.is_array()) {
    for (simdjson::dom::element child : e.get_array()) n += count(child);
  } else if (e.is_object()) {
    for (simdjson::dom::key_value_pair member : e.get_object()) n += count(member.value);
  }
  return n;
}

}  // namespace

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
  simdjson::dom::parser parser;
  std::size_t bytes = 0, values = 0, failed = 0;
  for (const fs::path& f : files) {
    simdjson::dom::element root;
    if (parser.load(f.string()).get(root) != simdjson::SUCCESS) {
      ++failed;
      continue;
    }
    bytes += fs::file_size(f);
    values += count(root);
  }
  std::cout << files.size() << " files, " << bytes << " bytes, " << values << " values, " << failed
            << " not parsed\n";
  return 0;
}
