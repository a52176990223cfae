#pragma once
// Finds every occurrence of a set of words in one pass over a text: an Aho–Corasick automaton
// over bytes, compiled to a table (one load per byte of text). The occurrences are those that
// std::string_view::find would find for each word, overlapping ones included, at any byte.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace govreport::detail {

class WordScanner {
 public:
  /// The words to find; an empty word is never found. Equal words are found under each index.
  explicit WordScanner(std::span<const std::string_view> words);

  /// The start of every occurrence of every word in a text, by word, in increasing order.
  struct Found {
    std::vector<std::vector<std::size_t>> starts;  // by word index

    /// Returns the first start of word `word` at or after `from`, or npos.
    std::size_t first(std::size_t word, std::size_t from) const;
    /// Returns the last start of word `word` at or before `at`, or npos.
    std::size_t last(std::size_t word, std::size_t at) const;
  };

  /// Fills `found` with the occurrences in `text` (its vectors reused).
  void scan(std::string_view text, Found& found) const;

  /// Returns the number of words.
  std::size_t size() const { return sizes_.size(); }
  /// Returns the size of word `word`.
  std::size_t size(std::size_t word) const { return sizes_[word]; }

 private:
  std::uint32_t classes_ = 1;             // byte classes (0: bytes in no word), a power of two
  std::uint32_t shift_ = 0;               // log2 of classes_
  std::uint16_t class_of_[256] = {};      // the class of each byte
  std::vector<std::uint32_t> next_;       // [state * classes_ + class] → state
  std::vector<std::uint32_t> out_begin_;  // [state] → range of out_ (one past the last state too)
  std::vector<std::uint32_t> out_;        // the words that end at a state
  std::vector<std::size_t> sizes_;        // of each word
};

}  // namespace govreport::detail
