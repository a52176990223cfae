#include "govreport/render.hpp"

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
