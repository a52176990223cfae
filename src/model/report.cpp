#include "govreport/report.hpp"

#include <fmt/format.h>

#include <charconv>
#include <limits>
#include <stdexcept>

#include "model/printed.hpp"

namespace govreport {

static_assert(kAmountScale == 1'000'000 && kAmountPlaces == 6, "kAmountPlaces names the scale");
static_assert(kMaxScaledAmount == 999'999'999'999 * kAmountScale + (kAmountScale - 1),
              "parse_amount's 12 whole digits are the largest amount");

std::string Report::display_title() const {
  if (!title.empty()) return title;
  return agency + std::to_string(year) + "年政府信息公开工作年度报告";
}

const Cell& Report::at(std::string_view pointer) const {
  const int index = edition->cell_index(pointer);
  if (index < 0) throw std::out_of_range("no cell at " + std::string(pointer));
  return cells[static_cast<std::size_t>(index)];
}

Cell& Report::at(std::string_view pointer) {
  return const_cast<Cell&>(static_cast<const Report&>(*this).at(pointer));
}

const Narrative& Report::part(std::string_view key) const {
  const int index = edition->narrative_index(key);
  if (index < 0) throw std::out_of_range("no narrative part " + std::string(key));
  return narrative[static_cast<std::size_t>(index)];
}

Narrative& Report::part(std::string_view key) {
  return const_cast<Narrative&>(static_cast<const Report&>(*this).part(key));
}

void for_each_text(
    const Report& report, bool titles,
    const std::function<void(std::string_view text, const std::string& pointer)>& each) {
  auto all = [&](const std::vector<std::string>& paragraphs, const std::string& pointer) {
    for (std::size_t i = 0; i < paragraphs.size(); ++i)
      each(paragraphs[i], pointer + "/" + std::to_string(i));
  };
  for (std::size_t k = 0; k < report.narrative.size(); ++k) {
    const NarrativePart& part = report.edition->narrative[k];
    const Narrative& text = report.narrative[k];
    const std::string pointer = "/" + std::string(part.key);
    if (!part.subsections) {
      all(text.paragraphs, pointer);
      continue;
    }
    all(text.paragraphs, pointer + "/paragraphs");
    for (std::size_t s = 0; s < text.subsections.size(); ++s) {
      const std::string subsection = pointer + "/subsections/" + std::to_string(s);
      if (titles) each(text.subsections[s].title, subsection + "/title");
      all(text.subsections[s].paragraphs, subsection + "/paragraphs");
    }
  }
}

Report make_report(const Edition& edition, int year) {
  Report report;
  report.edition = &edition;
  report.year = year;
  report.narrative.resize(edition.narrative.size());
  report.cells.resize(edition.cells.size());
  return report;
}

std::string format_amount(std::int64_t scaled) {
  const bool negative = scaled < 0;
  const std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-(scaled + 1)) + 1 : static_cast<std::uint64_t>(scaled);
  std::string out = std::to_string(magnitude / kAmountScale);
  std::uint64_t fraction = magnitude % kAmountScale;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, kAmountPlaces - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return negative ? "-" + out : out;
}

std::optional<std::int64_t> parse_amount(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  // Zeros after the last decimal place change nothing: "2154.97000000" is exact.
  constexpr std::size_t places = kAmountPlaces;
  while (fraction.size() > places && fraction.back() == '0') fraction.remove_suffix(1);
  // 12 whole digits stay within kMaxScaledAmount.
  if (whole.empty() || whole.size() > 12 || fraction.size() > places) return std::nullopt;
  if (dot != std::string_view::npos && fraction.empty()) return std::nullopt;
  for (char c : whole)
    if (c < '0' || c > '9') return std::nullopt;
  for (char c : fraction)
    if (c < '0' || c > '9') return std::nullopt;
  std::int64_t value = 0;
  std::from_chars(whole.data(), whole.data() + whole.size(), value);
  std::int64_t frac = 0;
  if (!fraction.empty()) std::from_chars(fraction.data(), fraction.data() + fraction.size(), frac);
  for (std::size_t i = fraction.size(); i < places; ++i) frac *= 10;
  return value * kAmountScale + frac;
}

std::string format_cell(const Cell& cell, CellKind kind) {
  switch (cell.state) {
    case Cell::State::Blank:
      return "";
    case Cell::State::NotApplicable:
      return "/";
    case Cell::State::Number:
      break;
  }
  if (kind == CellKind::Amount) return format_amount(cell.value);
  if (kind == CellKind::SignedCount && cell.value > 0) return "+" + std::to_string(cell.value);
  return std::to_string(cell.value);
}

std::string detail::cell_text(const Report& report, const Table& table, int row, int column) {
  const Column& col = table.columns[static_cast<std::size_t>(column)];
  const Cell& cell = report.cells[static_cast<std::size_t>(table.cell(row, column))];
  std::string text = format_cell(cell, col.kind);
  // The 2019 edition prints no unit for 采购总金额; the data holds 万元, so the value carries it.
  if (col.kind == CellKind::Amount && cell.is_number() &&
      col.zh.find("万元") == std::string_view::npos)
    text += "万元";
  return text;
}

std::string_view agency_kind_key(AgencyKind kind) {
  return kind == AgencyKind::Government ? "government" : "department";
}

std::string publication_deadline(AgencyKind kind, int year) {
  return fmt::format("{:04}-{}", year + 1, kind == AgencyKind::Government ? "03-31" : "01-31");
}

std::string_view government_name_ending(std::string_view agency) {
  for (std::string_view ending : kGovernmentNameEndings)
    if (agency.ends_with(ending)) return ending;
  return {};
}

}  // namespace govreport
