#pragma once
/// \file
/// Rules across years: the same agency's reports for consecutive years must agree.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/diagnostic.hpp"
#include "govreport/register.hpp"
#include "govreport/report.hpp"
#include "govreport/similarity.hpp"

namespace govreport {

/// Holds the little that the cross-year rules need from one report, so that thousands of files
/// can be compared without keeping their reports.
struct YearFacts {
  std::string file;
  std::string agency;
  std::string agency_id;
  int year = 0;
  const Edition* edition = nullptr;
  /// One cell, kept small: thousands of reports' facts stay in memory during a check.
  struct Fact {
    std::uint16_t cell = 0;  ///< index into edition->cells
    Cell::State state = Cell::State::Blank;
    std::int64_t value = 0;
    std::uint32_t line = 0, column = 0;

    bool is_number() const { return state == Cell::State::Number; }
    Position position() const { return {line, column}; }
  };
  std::vector<Fact> facts;
  /// A narrative part that a cross-year rule compares, as its profile.
  struct Text {
    std::string_view part;  ///< NarrativePart::key
    TextProfile profile;
    std::uint32_t line = 0, column = 0;
  };
  std::vector<Text> texts;

  /// Returns the fact at `pointer`, or nullptr.
  const Fact* find(std::string_view pointer) const;
  /// Returns the text of the narrative part `part`, or nullptr.
  const Text* text(std::string_view part) const;
};

/// Extracts the facts of `report`, loaded from `file`.
YearFacts year_facts(const Report& report, std::string_view file);

/// Applies the cross-year rules of `later`'s edition (carry-over, in-force, item-continuity,
/// copied-narrative) to two reports of one agency, `later` being for the year after `earlier`.
/// Findings point at `later`'s cells or narrative parts and name `earlier`'s file.
std::vector<Diagnostic> check_consecutive(const YearFacts& earlier, const YearFacts& later);

/// Finds every pair of consecutive years of the same agency in `all` and checks it. Findings are
/// sorted. When one agency has two files for one year, that year is not compared.
std::vector<Diagnostic> check_years(const std::vector<YearFacts>& all);

/// Holds how the reports of a run were paired across years, and what the pairs found.
struct YearPairing {
  /// Two reports of one agency for consecutive years, compared.
  struct Pair {
    std::string earlier, later;  ///< files
    std::string agency;          ///< the later report's agency
    int year = 0;                ///< the later year
  };
  /// A report that could have been compared with a neighbouring year of the run but was not.
  struct Unpaired {
    std::string file, agency;
    int year = 0;
    Message why;
  };
  std::vector<Pair> pairs;           ///< by the later file
  std::vector<Unpaired> unpaired;    ///< by file
  std::vector<Diagnostic> findings;  ///< sorted
};

/// Pairs the reports of `all` by agency and checks each pair of consecutive years. An agency is
/// known by its entry in `agencies` when given (found by agency_id, else by its name or a former
/// name), else by its agency_id, else by its name. A report is listed as unpaired when the run
/// has reports of the year before or after it but none that could be compared with it.
YearPairing pair_years(const std::vector<YearFacts>& all, const AgencyRegister* agencies);

/// Finds, for each year of `all`, the agencies of `agencies` expected to report that year that
/// have no report in `all` (missing-report, at the entry of the register).
std::vector<Diagnostic> missing_reports(const std::vector<YearFacts>& all,
                                        const AgencyRegister& agencies);

}  // namespace govreport
