#include "govreport/region.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "govreport/rollup.hpp"

namespace govreport {
namespace {

class Roller {
 public:
  Roller(const AgencyRegister& agencies, const std::vector<RegionMember>& members, int year)
      : agencies_(agencies), year_(year) {
    for (const RegionMember& m : members) by_id_.emplace(m.agency->id, &m);
  }

  RegionRollup run() {
    for (const RegisteredAgency& a : agencies_.agencies()) {
      if (!a.parent.empty()) continue;  // a top of the hierarchy
      sum_of(a);
      if (out_.refused) break;
    }
    for (const RegisteredAgency& a : agencies_.agencies()) {
      if (a.reports_in(year_) && !by_id_.contains(a.id)) out_.missing.push_back(&a);
      if (std::find(empty_.begin(), empty_.end(), &a) != empty_.end()) out_.empty.push_back(&a);
    }
    return std::move(out_);
  }

 private:
  // Returns the index of the node's sum in out_.sums, or nullopt when it has nothing below it
  // or nothing was reported.
  std::optional<std::size_t> sum_of(const RegisteredAgency& node) {
    const std::vector<const RegisteredAgency*> below = agencies_.children(node.id);
    if (below.empty()) return std::nullopt;
    Summer summer;
    NodeSum result;
    result.node = &node;
    auto add = [&](const Report& report, const std::string& name, std::size_t reports) {
      if (out_.refused) return;
      if (auto refused = summer.add(report, name)) {
        out_.refused = std::move(refused);
        return;
      }
      result.parts.push_back(name);
      result.reports += reports;
    };
    if (const RegionMember* own = member(node.id)) add(*own->report, own->file, 1);
    for (const RegisteredAgency* a : below) {
      if (const std::optional<std::size_t> s = sum_of(*a)) {
        const NodeSum& part = out_.sums[*s];
        add(part.sum, fmt::format("{}（汇总）", a->id), part.reports);
      } else if (const RegionMember* m = member(a->id)) {
        add(*m->report, m->file, 1);
      }
      if (out_.refused) return std::nullopt;
    }
    if (summer.size() == 0) {
      empty_.push_back(&node);
      return std::nullopt;
    }
    result.sum = summer.result(node.name);
    out_.sums.push_back(std::move(result));
    return out_.sums.size() - 1;
  }

  const RegionMember* member(const std::string& id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
  }

  const AgencyRegister& agencies_;
  int year_;
  std::map<std::string, const RegionMember*> by_id_;
  RegionRollup out_;
  std::vector<const RegisteredAgency*> empty_;  // in the order they were met
};

}  // namespace

RegionRollup roll_up(const AgencyRegister& agencies, const std::vector<RegionMember>& members,
                     int year) {
  return Roller(agencies, members, year).run();
}

}  // namespace govreport
