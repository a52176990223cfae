// A comparison of two reports as text or JSON.

#include "govreport/diff_format.hpp"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

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

}  // namespace

std::string format_diff_text(const ReportDiff& diff, const Report& older,
                             std::string_view older_name, const Report& newer,
                             std::string_view newer_name, Lang lang) {
  const bool en = lang == Lang::En;
  std::string out = en ? fmt::format("{} → {}: {} cells compared, {} changed\n", older_name,
                                     newer_name, diff.compared, diff.changed.size())
                       : fmt::format("{} → {}：比较了 {} 个单元格，{} 个有变化\n", older_name,
                                     newer_name, diff.compared, diff.changed.size());
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
  return out;
}

std::string format_diff_json(const ReportDiff& diff, std::string_view older_name,
                             std::string_view newer_name) {
  json j = {{"old", older_name}, {"new", newer_name}, {"compared", diff.compared}};
  for (auto [key, list] : {std::pair{"changed", &diff.changed},
                           {"only_old", &diff.only_old},
                           {"only_new", &diff.only_new}}) {
    j[key] = json::array();
    for (const CellChange& c : *list) j[key].push_back(change_json(c));
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace govreport
