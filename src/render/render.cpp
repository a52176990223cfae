#include "govreport/render.hpp"

#include <algorithm>
#include <array>

#include "govreport/safe_text.hpp"
#include "render/common.hpp"

namespace govreport {
namespace {

constexpr std::array kFormats = {
    Format{"text", ".txt", "plain text, tables aligned for a terminal", &render_text},
    Format{"markdown", ".md", "GitHub-flavoured Markdown", &render_markdown},
    Format{"json", ".json", "canonical JSON data, totals filled in", &render_json},
    Format{"html", ".html", "one self-contained web page, official table layout, A4 print styles",
           &render_html},
    Format{"docx", ".docx", "Word document, official table layout", &render_docx, true},
    Format{"xlsx", ".xlsx", "Excel/WPS workbook to fill in: official tables, live totals",
           &render_xlsx, true},
};

}  // namespace

std::span<const Format> formats() { return kFormats; }

const Format* format_by_name(std::string_view name) {
  for (const Format& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

const Format* format_for_path(std::string_view path) {
  for (const Format& f : kFormats)
    if (path.size() > f.extension.size() && path.ends_with(f.extension)) return &f;
  return nullptr;
}

namespace detail {

std::string chinese_numeral(int n) {
  static constexpr std::array<std::string_view, 10> kDigits = {"",   "一", "二", "三", "四",
                                                               "五", "六", "七", "八", "九"};
  if (n < 10) return std::string(kDigits[static_cast<std::size_t>(n)]);
  std::string out = n >= 20 ? std::string(kDigits[static_cast<std::size_t>(n / 10)]) : "";
  return out + "十" + std::string(kDigits[static_cast<std::size_t>(n % 10)]);
}

std::optional<Signature> signature(const Report& report) {
  if (report.agency.empty()) return std::nullopt;
  Signature s;
  // One line each, fit to publish: a line end would part the 落款 (and end Markdown's block).
  s.agency = publishable(report.agency);
  std::replace_if(
      s.agency.begin(), s.agency.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  if (report.published.size() == 10)  // YYYY-MM-DD, checked by the loader
    s.date = report.published.substr(0, 4) + "年" +
             std::to_string(std::stoi(report.published.substr(5, 2))) + "月" +
             std::to_string(std::stoi(report.published.substr(8, 2))) + "日";
  s.agency_width = static_cast<double>(display_width(s.agency)) / 2;
  // The date's width, with the quarter of a character that Word and LibreOffice put between
  // Chinese and digits.
  double date = static_cast<double>(display_width(s.date)) / 2;
  for (std::size_t i = 1; i < s.date.size(); ++i) {
    const auto a = static_cast<unsigned char>(s.date[i - 1]),
               b = static_cast<unsigned char>(s.date[i]);
    if ((a < 0x80) != (b < 0x80) && (b < 0x80 || (b & 0xC0) != 0x80)) date += 0.25;
  }
  if (!s.date.empty() && date > s.agency_width - 2) {
    s.date_under_agency = false;
    s.agency_indent = 2 + date + 2 - s.agency_width;
  }
  return s;
}

std::string subsection_lead(const Subsection& subsection, std::size_t index) {
  std::string lead = "（" + chinese_numeral(static_cast<int>(index) + 1) + "）" + subsection.title;
  for (std::string_view end : {"。", "：", "！", "？", "；"})
    if (subsection.title.ends_with(end)) return lead;
  return subsection.title.empty() ? lead : lead + "。";
}

std::vector<std::string> section_paragraphs(const Report& report, std::string_view numeral) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < report.narrative.size(); ++k) {
    if (report.edition->narrative[k].section != numeral) continue;
    const Narrative& text = report.narrative[k];
    out.insert(out.end(), text.paragraphs.begin(), text.paragraphs.end());
    for (std::size_t i = 0; i < text.subsections.size(); ++i) {
      const Subsection& s = text.subsections[i];
      const std::string lead = subsection_lead(s, i);
      if (s.paragraphs.empty()) {
        out.push_back(lead);
        continue;
      }
      out.push_back(lead + s.paragraphs.front());
      out.insert(out.end(), s.paragraphs.begin() + 1, s.paragraphs.end());
    }
  }
  return out;
}

std::string row_label(const Row& row) {
  std::string label = row.head_zh.empty() ? "" : std::string(row.head_zh) + "·";
  return label + std::string(row.numbering) + std::string(row.zh);
}

}  // namespace detail
}  // namespace govreport
