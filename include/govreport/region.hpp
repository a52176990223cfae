#pragma once
/// \file
/// A region added up level by level along the hierarchy of its register of agencies.

#include <optional>
#include <string>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/register.hpp"
#include "govreport/report.hpp"

namespace govreport {

/// Holds one report to add up, placed at its agency of the register.
struct RegionMember {
  const RegisteredAgency* agency = nullptr;
  std::string file;
  const Report* report = nullptr;
};

/// Holds the sum of one agency that has agencies below it: its own report, if any, plus for each
/// agency directly below it that agency's sum (when it has agencies below it) or report.
struct NodeSum {
  const RegisteredAgency* node = nullptr;
  Report sum;                      ///< of the node's name, narrative empty
  std::size_t reports = 0;         ///< reports added in, at every level
  std::vector<std::string> parts;  ///< what was added directly: files, and "id（汇总）"
};

/// Holds a region added up: the sums, each after the sums below it, or why it could not be.
struct RegionRollup {
  std::vector<NodeSum> sums;
  /// The agencies expected to report for the year (RegisteredAgency::reports_in) that have no
  /// report among the members, in the order of the register.
  std::vector<const RegisteredAgency*> missing;
  /// The agencies with agencies below them that have no report at any level, so no sum, in the
  /// order of the register.
  std::vector<const RegisteredAgency*> empty;
  std::optional<Message> refused;  ///< as Summer::add refuses a member
};

/// Adds up `members` level by level along the hierarchy of `agencies`, for `year`. Each agency
/// has at most one member (the caller refuses two).
RegionRollup roll_up(const AgencyRegister& agencies, const std::vector<RegionMember>& members,
                     int year);

}  // namespace govreport
