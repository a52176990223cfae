#include "text/word_scan.hpp"

#include <algorithm>
#include <bit>
#include <utility>

namespace govreport::detail {

namespace {
constexpr std::uint32_t kNone = UINT32_MAX;
// Set in a transition whose target state ends a word, so that the scan looks up words only there.
constexpr std::uint32_t kEndsWord = 0x80000000;
}  // namespace

WordScanner::WordScanner(std::span<const std::string_view> words) {
  std::uint32_t used = 1;
  for (std::string_view w : words)
    for (char ch : w) {
      auto& c = class_of_[static_cast<unsigned char>(ch)];
      if (c == 0) c = static_cast<std::uint16_t>(used++);
    }
  classes_ = std::bit_ceil(used);
  shift_ = static_cast<std::uint32_t>(std::countr_zero(classes_));

  // The trie of the words; a missing edge is kNone. Its room is reserved for the most states the
  // words can make, so that the table is never copied as it grows: the pages beyond the states
  // made are never touched. (For the narrative's words the table is hundreds of kilobytes, and
  // copying it, and then copying it into next_, was most of the memory a small check touched.)
  std::size_t most_states = 1;
  for (std::string_view w : words) most_states += w.size();
  std::vector<std::uint32_t> go;
  go.reserve(most_states << shift_);
  go.resize(classes_, kNone);
  std::vector<std::vector<std::uint32_t>> ends(1);
  for (std::size_t i = 0; i < words.size(); ++i) {
    sizes_.push_back(words[i].size());
    if (words[i].empty()) continue;
    std::uint32_t s = 0;
    for (char ch : words[i]) {
      const std::size_t edge =
          (std::size_t{s} << shift_) | class_of_[static_cast<unsigned char>(ch)];
      if (go[edge] == kNone) {
        go[edge] = static_cast<std::uint32_t>(ends.size());
        ends.emplace_back();
        go.resize(go.size() + classes_, kNone);
      }
      s = go[edge];
    }
    ends[s].push_back(static_cast<std::uint32_t>(i));
  }

  // Breadth first: each state's failure link is the longest proper suffix that is a state, and
  // a missing edge goes where the failure link's edge goes. A state's words include its link's.
  const std::size_t states = ends.size();
  std::vector<std::uint32_t> fail(states, 0), order{0};
  std::vector<std::vector<std::uint32_t>> outputs(states);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::uint32_t s = order[k];
    outputs[s] = ends[s];
    if (s != 0)
      outputs[s].insert(outputs[s].end(), outputs[fail[s]].begin(), outputs[fail[s]].end());
    for (std::uint32_t c = 0; c < classes_; ++c) {
      std::uint32_t& edge = go[(std::size_t{s} << shift_) | c];
      const std::uint32_t via_fail = s == 0 ? 0 : go[(std::size_t{fail[s]} << shift_) | c];
      if (edge == kNone) {
        edge = via_fail;
      } else {
        fail[edge] = via_fail;
        order.push_back(edge);
      }
    }
  }
  for (std::uint32_t& e : go) e = (e << shift_) | (outputs[e].empty() ? 0 : kEndsWord);
  next_ = std::move(go);
  out_begin_.reserve(states + 1);
  for (const auto& words_here : outputs) {
    out_begin_.push_back(static_cast<std::uint32_t>(out_.size()));
    out_.insert(out_.end(), words_here.begin(), words_here.end());
  }
  out_begin_.push_back(static_cast<std::uint32_t>(out_.size()));
}

void WordScanner::scan(std::string_view text, Found& found) const {
  found.starts.resize(sizes_.size());
  for (auto& starts : found.starts) starts.clear();
  const std::uint32_t* next = next_.data();
  const std::uint32_t* out_begin = out_begin_.data();
  std::uint32_t s = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    s = next[(s & ~kEndsWord) | class_of_[static_cast<unsigned char>(text[i])]];
    if ((s & kEndsWord) == 0) continue;
    const std::uint32_t state = (s & ~kEndsWord) >> shift_;
    for (std::uint32_t k = out_begin[state]; k != out_begin[state + 1]; ++k) {
      const std::uint32_t w = out_[k];
      found.starts[w].push_back(i + 1 - sizes_[w]);
    }
  }
}

std::size_t WordScanner::Found::first(std::size_t word, std::size_t from) const {
  const auto& s = starts[word];
  const auto it = std::lower_bound(s.begin(), s.end(), from);
  return it == s.end() ? std::string_view::npos : *it;
}

std::size_t WordScanner::Found::last(std::size_t word, std::size_t at) const {
  const auto& s = starts[word];
  const auto it = std::upper_bound(s.begin(), s.end(), at);
  return it == s.begin() ? std::string_view::npos : *(it - 1);
}

}  // namespace govreport::detail
