// The word scanner finds exactly what std::string_view::find finds, word by word.

#include "text/word_scan.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

using govreport::detail::WordScanner;

namespace {

// Every start of `word` in `text`, as a loop of find() would give them.
std::vector<std::size_t> starts_by_find(std::string_view text, std::string_view word) {
  std::vector<std::size_t> out;
  if (word.empty()) return out;
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1))
    out.push_back(at);
  return out;
}

}  // namespace

TEST_CASE("the word scanner finds every occurrence, overlapping ones included", "[text]") {
  const std::vector<std::string_view> words = {"申请", "行政复议", "复议", "。",   "，", ",",
                                               "aa",   "aaa",      "",     "复议", "\n"};
  const WordScanner scanner(words);
  WordScanner::Found found;
  scanner.scan("复议申请aaaa，行政复议。\n,行政复", found);
  REQUIRE(found.starts.size() == words.size());
  CHECK(found.starts[0] == std::vector<std::size_t>{6});
  CHECK(found.starts[1] == std::vector<std::size_t>{19});
  CHECK(found.starts[2] == std::vector<std::size_t>{0, 25});
  CHECK(found.starts[3] == std::vector<std::size_t>{31});
  CHECK(found.starts[4] == std::vector<std::size_t>{16});
  CHECK(found.starts[5] == std::vector<std::size_t>{35});
  CHECK(found.starts[6] == std::vector<std::size_t>{12, 13, 14});
  CHECK(found.starts[7] == std::vector<std::size_t>{12, 13});
  CHECK(found.starts[8].empty());
  CHECK(found.starts[9] == std::vector<std::size_t>{0, 25});
  CHECK(found.starts[10] == std::vector<std::size_t>{34});
  CHECK(found.first(2, 1) == 25);
  CHECK(found.first(2, 26) == std::string_view::npos);
  CHECK(found.last(2, 25) == 25);
  CHECK(found.last(2, 24) == 0);
  CHECK(found.last(0, 5) == std::string_view::npos);
}

TEST_CASE("the word scanner agrees with find on random texts", "[text]") {
  std::mt19937 rng(15);
  // Pieces that share bytes: whole characters, their halves, ASCII.
  const std::vector<std::string> pieces = {"申",   "请", "复", "议", "。", "\xE7",
                                           "\x94", "a",  "b",  "，", ",",  " "};
  auto random_text = [&](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> owned;
    for (int w = 0; w < 6; ++w) owned.push_back(random_text(1 + rng() % 3));
    const std::vector<std::string_view> words(owned.begin(), owned.end());
    const WordScanner scanner(words);
    WordScanner::Found found;
    for (int t = 0; t < 5; ++t) {
      const std::string text = random_text(rng() % 200);
      scanner.scan(text, found);
      for (std::size_t w = 0; w < words.size(); ++w) {
        INFO(text << " / " << words[w]);
        CHECK(found.starts[w] == starts_by_find(text, words[w]));
      }
    }
  }
}
