// The narrative of two reports compared part by part, paragraph by paragraph, and what makes two
// reports hard to compare.

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "check/check_internal.hpp"
#include "govreport/rollup.hpp"
#include "govreport/similarity.hpp"

namespace govreport {

std::vector<std::pair<int, int>> align_paragraphs(const std::vector<std::string>& older,
                                                  const std::vector<std::string>& newer) {
  const std::size_t n = older.size();
  const std::size_t m = newer.size();
  std::vector<TextProfile> a, b;
  a.reserve(n);
  b.reserve(m);
  for (const std::string& t : older) a.push_back(text_profile(t));
  for (const std::string& t : newer) b.push_back(text_profile(t));
  std::vector<double> alike(n * m);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < m; ++j) alike[i * m + j] = similarity(a[i], b[j]);
  // best[i][j]: the largest sum of similarities of pairs of older[i..] and newer[j..].
  const std::size_t w = m + 1;
  std::vector<double> best((n + 1) * w, 0.0);
  auto pair_here = [&](std::size_t i, std::size_t j) {
    const double s = alike[i * m + j];
    return s >= kParagraphMatch ? s + best[(i + 1) * w + j + 1]
                                : -std::numeric_limits<double>::infinity();
  };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      best[i * w + j] = std::max({best[(i + 1) * w + j], best[i * w + j + 1], pair_here(i, j)});
  std::vector<std::pair<int, int>> out;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && pair_here(i, j) == best[i * w + j]) {
      out.emplace_back(static_cast<int>(i++), static_cast<int>(j++));
    } else if (i < n && (j == m || best[(i + 1) * w + j] == best[i * w + j])) {
      out.emplace_back(static_cast<int>(i++), -1);
    } else {
      out.emplace_back(-1, static_cast<int>(j++));
    }
  }
  return out;
}

namespace detail {

std::string part_text(const Narrative& part) {
  std::string text;
  auto line = [&](const std::string& s) {
    if (!text.empty()) text += '\n';
    text += s;
  };
  for (const std::string& p : part.paragraphs) line(p);
  for (const Subsection& sub : part.subsections) {
    line(sub.title);
    for (const std::string& p : sub.paragraphs) line(p);
  }
  return text;
}

namespace {

// The paragraphs (and subsection titles) of the part `key` of `report`, with their pointers.
void part_paragraphs(const Report& report, std::string_view key, std::vector<std::string>& texts,
                     std::vector<std::string>& pointers) {
  const std::string prefix = "/" + std::string(key) + "/";
  for_each_text(report, true, [&](std::string_view text, const std::string& pointer) {
    if (!pointer.starts_with(prefix)) return;
    texts.emplace_back(text);
    pointers.push_back(pointer);
  });
}

}  // namespace

void diff_narrative(const Report& older, const Report& newer, ReportDiff& diff) {
  for (std::size_t k = 0; k < newer.edition->narrative.size() && k < newer.narrative.size(); ++k) {
    const NarrativePart& part = newer.edition->narrative[k];
    PartDiff d;
    d.key = part.key;
    d.heading_zh = part.heading_zh;
    d.heading_en = part.heading_en;
    std::vector<std::string> old_texts, old_pointers, new_texts, new_pointers;
    const int o = older.edition->narrative_index(part.key);
    if (o >= 0 && static_cast<std::size_t>(o) < older.narrative.size()) {
      part_paragraphs(older, part.key, old_texts, old_pointers);
      d.similarity = similarity(part_text(older.narrative[static_cast<std::size_t>(o)]),
                                part_text(newer.narrative[k]));
    }
    part_paragraphs(newer, part.key, new_texts, new_pointers);
    d.old_paragraphs = old_texts.size();
    d.new_paragraphs = new_texts.size();
    for (const auto& [i, j] : align_paragraphs(old_texts, new_texts)) {
      ParagraphPair p;
      if (i >= 0) {
        p.old_pointer = old_pointers[static_cast<std::size_t>(i)];
        p.old_text = old_texts[static_cast<std::size_t>(i)];
      }
      if (j >= 0) {
        p.new_pointer = new_pointers[static_cast<std::size_t>(j)];
        p.new_text = new_texts[static_cast<std::size_t>(j)];
      }
      if (i >= 0 && j >= 0) p.similarity = similarity(p.old_text, p.new_text);
      d.paragraphs.push_back(std::move(p));
    }
    diff.narrative.push_back(std::move(d));
  }
}

void diff_warnings(const Report& older, const Report& newer, ReportDiff& diff) {
  const bool by_id = !older.agency_id.empty() && !newer.agency_id.empty();
  if (by_id ? older.agency_id != newer.agency_id : older.agency != newer.agency) {
    const std::string a =
        by_id ? fmt::format("{}（{}）", older.agency, older.agency_id) : std::string(older.agency);
    const std::string b =
        by_id ? fmt::format("{}（{}）", newer.agency, newer.agency_id) : std::string(newer.agency);
    diff.warnings.push_back(
        by_id ? Message{fmt::format("两份报告的机关不同：{} 与 {}", a, b),
                        fmt::format("the reports are of different agencies: {} and {}", a, b)}
              : Message{fmt::format("两份报告的机关名称不同：{} 与 {}（同一机关改名？可用 "
                                    "agency_id 标明）",
                                    a, b),
                        fmt::format("the reports name different agencies: {} and {} (one agency "
                                    "renamed? agency_id says so)",
                                    a, b)});
  }
  if (older.edition != newer.edition)
    diff.warnings.push_back(
        {fmt::format("两份报告的格式版本不同（{} 版与 {} 版）：只有一版有的单元格不作比较",
                     older.edition->id, newer.edition->id),
         fmt::format("the reports are of different editions ({} and {}): cells only one of "
                     "them has are not compared",
                     older.edition->id, newer.edition->id)});
  if (newer.year != older.year + 1)
    diff.warnings.push_back(
        newer.year == older.year
            ? Message{fmt::format("两份报告是同一年度（{} 年）的", newer.year),
                      fmt::format("both reports are for {}", newer.year)}
            : Message{fmt::format("两份报告不是相邻年度：{} 年与 {} 年", older.year, newer.year),
                      fmt::format("the reports are not of consecutive years: {} and {}", older.year,
                                  newer.year)});
}

}  // namespace detail
}  // namespace govreport
