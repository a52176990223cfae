#pragma once
/// \file
/// The register of a region's agencies: who they are, what they have been called, and where
/// they stand in the region's hierarchy.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/report.hpp"

namespace govreport {

/// Holds one agency of a register.
struct RegisteredAgency {
  std::string id;                         ///< stable identity, as reports give it in agency_id
  std::string name;                       ///< the current name
  std::vector<std::string> former_names;  ///< earlier names and other spellings in use
  AgencyKind kind = AgencyKind::Department;
  std::string parent;  ///< id of the agency above it in the region, empty at the top
  int since = 0;       ///< first year it reports, 0: always
  int until = 0;       ///< last year it reports, 0: still
  Position position;   ///< where the entry is in the register file

  /// Says whether the agency is expected to report for `year`.
  bool reports_in(int year) const {
    return (since == 0 || year >= since) && (until == 0 || year <= until);
  }
};

/// Holds the agencies of a region, in the order of the register file.
class AgencyRegister {
 public:
  /// Takes `agencies`, which must be valid (load_register checks them); `file` names the source.
  AgencyRegister(std::string file, std::vector<RegisteredAgency> agencies);

  /// Returns the name of the file the register was read from.
  const std::string& file() const { return file_; }
  /// Returns every agency, in the order of the file.
  const std::vector<RegisteredAgency>& agencies() const { return agencies_; }
  /// Returns the agency with `id`, or nullptr.
  const RegisteredAgency* by_id(std::string_view id) const;
  /// Returns the agency a report is of: the one with `agency_id` when it is given, else the one
  /// that has `agency` as its name or a former name; nullptr when there is none.
  const RegisteredAgency* find(std::string_view agency_id, std::string_view agency) const;
  /// Returns the agencies whose parent is `id`, in the order of the file.
  std::vector<const RegisteredAgency*> children(std::string_view id) const;

 private:
  std::string file_;
  std::vector<RegisteredAgency> agencies_;
  std::unordered_map<std::string, std::size_t> by_id_, by_name_;  // index into agencies_
};

/// Holds what reading a register produced: the register, or the problems that keep it from
/// being used (each at its place in the file).
struct RegisterResult {
  std::optional<AgencyRegister> agencies;
  struct Problem {
    Position position;
    Message message;
  };
  std::vector<Problem> problems;
};

/// Reads a register from `text`, named `file`: JSON, {"agencies": [{"id", "name",
/// "former_names", "kind", "parent", "since", "until"}…]}, or CSV with a header row naming the
/// same columns (former names separated by "|"). CSV is taken when the text does not start
/// with "{". Ids (letters, digits, ".", "_", "-") and names must be unique, parents must exist
/// and form no cycle.
RegisterResult load_register(std::string_view text, std::string_view file);

}  // namespace govreport
