// A comparison of two reports as text or JSON.

#include "govreport/diff_format.hpp"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "govreport/safe_text.hpp"
#include "text/utf8.hpp"

namespace govreport {
namespace {

using json = nlohmann::ordered_json;

std::string difference_text(const CellChange& c) {
  if (!c.difference) return "";
  if (c.amount) return (*c.difference > 0 ? "+" : "") + format_amount(*c.difference);
  return (*c.difference > 0 ? "+" : "") + std::to_string(*c.difference);
}

json change_json(const CellChange& c) {
  json j = {{"pointer", c.pointer}, {"name", c.name}};
  j["old"] = c.old_value.empty() ? json(nullptr) : json(c.old_value);
  j["new"] = c.new_value.empty() ? json(nullptr) : json(c.new_value);
  j["difference"] = c.difference ? json(difference_text(c)) : json(nullptr);
  j["ratio"] = c.ratio ? json(std::round(*c.ratio * 10000) / 10000) : json(nullptr);
  return j;
}

// A similarity in per cent, rounded down (as copied-narrative prints it).
int percent(double similarity) { return static_cast<int>(std::floor(similarity * 100 + 1e-9)); }

// The start of a paragraph, to recognise it by.
std::string excerpt(const std::string& text) { return detail::shorten_chars(printable(text), 24); }

std::string narrative_text(const ReportDiff& diff, bool en) {
  if (diff.narrative.empty()) return "";
  std::string out = en ? "narrative, part by part (similarity; paragraphs aligned, the same "
                         "ones not listed):\n"
                       : "叙述逐部分对照（相似度；逐段对齐，相同的段落不列出）：\n";
  for (const PartDiff& part : diff.narrative) {
    out += en ? fmt::format("  {}: {}% ({} → {} paragraphs)\n", part.heading_en,
                            percent(part.similarity), part.old_paragraphs, part.new_paragraphs)
              : fmt::format("  {}：{}%（{} 段 → {} 段）\n", part.heading_zh,
                            percent(part.similarity), part.old_paragraphs, part.new_paragraphs);
    for (const ParagraphPair& p : part.paragraphs) {
      const bool both = !p.old_pointer.empty() && !p.new_pointer.empty();
      if (both && p.similarity == 1.0) continue;  // the same paragraph: not listed
      if (both)
        out += fmt::format("    {} ↔ {}{}{}%\n", p.old_pointer, p.new_pointer, en ? ": " : "：",
                           percent(p.similarity));
      else if (!p.old_pointer.empty())
        out += fmt::format("    {} {}「{}」\n", en ? "dropped" : "删去", p.old_pointer,
                           excerpt(p.old_text));
      else
        out += fmt::format("    {} {}「{}」\n", en ? "added" : "新增", p.new_pointer,
                           excerpt(p.new_text));
    }
  }
  return out;
}

// The rates of the two reports, and their change in percentage points where both are known.
std::string rates_text(const ReportDiff& diff, bool en) {
  std::string out = en ? "rates (old → new):\n" : "比率（旧 → 新）：\n";
  for (const RateName& name : rate_names()) {
    const Rate& old_rate = diff.old_rates.*name.member;
    const Rate& new_rate = diff.new_rates.*name.member;
    auto shown = [](const Rate& r) { return r.empty() ? std::string("—") : r.percent() + "%"; };
    std::string line = fmt::format("  {}{}{} → {}", en ? name.en : name.zh, en ? ": " : "：",
                                   shown(old_rate), shown(new_rate));
    if (!old_rate.empty() && !new_rate.empty()) {
      const double points = (*new_rate.value() - *old_rate.value()) * 100;
      const std::string change = fmt::format("{:+.2f}", std::round(points * 100) / 100 + 0.0);
      line += en ? fmt::format(" ({} points)", change) : fmt::format("（{} 个百分点）", change);
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string format_diff_text(const ReportDiff& diff, const Report& older,
                             std::string_view older_name, const Report& newer,
                             std::string_view newer_name, Lang lang) {
  const bool en = lang == Lang::En;
  std::string out;
  for (const Message& w : diff.warnings)
    out += (en ? "warning: " : "警告：") + printable(w.in(lang)) + "\n";
  out += en ? fmt::format("{} → {}: {} cells compared, {} changed\n", older_name, newer_name,
                          diff.compared, diff.changed.size())
            : fmt::format("{} → {}：比较了 {} 个单元格，{} 个有变化\n", older_name, newer_name,
                          diff.compared, diff.changed.size());
  const std::string_view blank = en ? "blank" : "空白";
  for (const CellChange& c : diff.changed) {
    std::string line = fmt::format("{}: {} → {}", c.name,
                                   c.old_value.empty() ? blank : std::string_view(c.old_value),
                                   c.new_value.empty() ? blank : std::string_view(c.new_value));
    if (c.difference)
      line += fmt::format(" ({}", difference_text(c)) +
              (c.ratio ? fmt::format(", ×{:.2f})", *c.ratio) : ")");
    out += "  " + line + "\n";
  }
  auto incomparable = [&](const std::vector<CellChange>& list, const Report& r) {
    if (list.empty()) return;
    out +=
        en ? fmt::format("not comparable (only in the {} edition, {} cells):\n", r.edition->id,
                         list.size())
           : fmt::format("不可比（只有 {} 版格式有，{} 个单元格）：\n", r.edition->id, list.size());
    for (const CellChange& c : list) out += "  " + c.name + "\n";
  };
  incomparable(diff.only_old, older);
  incomparable(diff.only_new, newer);
  out += rates_text(diff, en);
  out += narrative_text(diff, en);
  return out;
}

std::string format_diff_json(const ReportDiff& diff, std::string_view older_name,
                             std::string_view newer_name, Lang lang) {
  json j = {{"old", older_name}, {"new", newer_name}, {"compared", diff.compared}};
  j["warnings"] = json::array();
  for (const Message& w : diff.warnings) j["warnings"].push_back(w.in(lang));
  for (auto [key, list] : {std::pair{"changed", &diff.changed},
                           {"only_old", &diff.only_old},
                           {"only_new", &diff.only_new}}) {
    j[key] = json::array();
    for (const CellChange& c : *list) j[key].push_back(change_json(c));
  }
  j["rates"] = json::array();
  for (const RateName& name : rate_names()) {
    auto value = [](const Rate& r) { return r.empty() ? json(nullptr) : json(r.percent()); };
    j["rates"].push_back({{"rate", name.key},
                          {"old", value(diff.old_rates.*name.member)},
                          {"new", value(diff.new_rates.*name.member)}});
  }
  j["narrative"] = json::array();
  for (const PartDiff& part : diff.narrative) {
    json pj = {{"part", part.key},
               {"heading", lang == Lang::En ? part.heading_en : part.heading_zh},
               {"similarity", std::round(part.similarity * 10000) / 10000},
               {"old_paragraphs", part.old_paragraphs},
               {"new_paragraphs", part.new_paragraphs},
               {"paragraphs", json::array()}};
    for (const ParagraphPair& p : part.paragraphs)
      pj["paragraphs"].push_back(
          {{"old", p.old_pointer.empty() ? json(nullptr) : json(p.old_pointer)},
           {"new", p.new_pointer.empty() ? json(nullptr) : json(p.new_pointer)},
           {"similarity", std::round(p.similarity * 10000) / 10000}});
    j["narrative"].push_back(std::move(pj));
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace govreport
