#include "model/shape.hpp"

#include <map>
#include <mutex>

namespace govreport::detail {
namespace {

Shape build(const Edition& edition) {
  Shape root;
  for (std::size_t i = 0; i < edition.cells.size(); ++i) {
    const std::string& pointer = edition.cells[i].pointer;
    Shape* node = &root;
    for (std::size_t start = 1; start <= pointer.size();) {
      std::size_t end = pointer.find('/', start);
      if (end == std::string::npos) end = pointer.size();
      const std::string key = pointer.substr(start, end - start);
      Shape* next = nullptr;
      for (Shape& c : node->children)
        if (c.key == key) next = &c;
      if (next == nullptr) {
        node->children.push_back(Shape{key, {}, -1, false});
        next = &node->children.back();
      }
      node = next;
      start = end + 1;
    }
    node->cell = static_cast<int>(i);
    node->optional = edition.cells[i].optional;
  }
  // An object is optional when everything in it is.
  auto mark = [](auto& self, Shape& s) -> bool {
    if (s.cell >= 0) return s.optional;
    bool all = true;
    for (Shape& c : s.children) all = self(self, c) && all;
    return s.optional = all;
  };
  for (Shape& c : root.children) mark(mark, c);
  return root;
}

}  // namespace

const Shape& shape_of(const Edition& edition) {
  static std::mutex mutex;
  static std::map<const Edition*, Shape> cache;
  std::lock_guard lock(mutex);
  auto it = cache.find(&edition);
  if (it == cache.end()) it = cache.emplace(&edition, build(edition)).first;
  return it->second;
}

}  // namespace govreport::detail
