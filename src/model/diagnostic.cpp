#include "govreport/diagnostic.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <tuple>

#include "govreport/safe_text.hpp"

namespace govreport {
namespace {

constexpr auto E = Severity::Error;
constexpr auto W = Severity::Warning;

constexpr std::array kRules = {
    RuleInfo{"json-syntax", E, "不是有效的 JSON 或 UTF-8 文本", "not valid JSON or not UTF-8"},
    RuleInfo{"unknown-field", E, "数据中有格式未定义的字段（多半是拼写错误）",
             "a field the format does not define (usually a typo)"},
    RuleInfo{"duplicate-field", E, "同一对象中字段重复出现", "a field appears twice in one object"},
    RuleInfo{"missing-field", E, "缺少必填字段或单元格", "a required field or cell is missing"},
    RuleInfo{"wrong-type", E, "值的类型不对（单元格只能是整数、null 或 \"/\"）",
             "a value has the wrong type (cells are integers, null or \"/\")"},
    RuleInfo{"negative-value", E, "数量为负数（只有“本年增/减”可以为负）",
             "a count is negative (only 本年增/减 may be)"},
    RuleInfo{"blank-cell", E, "单元格空白：应填 0 或数字，空白不等于 0",
             "a blank cell: fill in 0 or a number, blank is not 0"},
    RuleInfo{"unsupported-year", E, "年份早于 2019 年，没有全国统一的表格格式",
             "a year before 2019, which has no national table format"},
    RuleInfo{"format-mismatch", E, "format 与年份对应的格式版本不一致",
             "format disagrees with the edition of the year"},
    RuleInfo{"row-total", E, "表三：一行的总计不等于六类申请人之和",
             "table 三: a row's 总计 is not the sum of its six applicant columns"},
    RuleInfo{"results-total", E, "表三：（七）总计不等于各项办理结果之和（逐列）",
             "table 三: （七）总计 is not the sum of the result rows, per column"},
    RuleInfo{"balance", E, "表三：第一项加第二项之和不等于第三项加第四项之和（逐列）",
             "table 三: 一 + 二 is not 三（七） + 四, per column"},
    RuleInfo{"review-total", E, "表四：结果维持、结果纠正、其他结果、尚未审结之和不等于总计",
             "table 四: 维持 + 纠正 + 其他 + 尚未审结 is not 总计, per block"},
    RuleInfo{"item-count", E, "表二（2019 版）：上一年项目数量加本年增/减小于 0",
             "table 二 (2019 edition): 上一年项目数量 + 本年增/减 is below 0"},
    RuleInfo{"narrative-number", W, "正文中的数字与表格不一致",
             "a number in the narrative contradicts the tables"},
    RuleInfo{"bad-reference", E, "正文中的 {{…}} 引用不是表格中的单元格（或缺少结尾的 }}）",
             "a {{…}} reference in the narrative names no table cell (or is not closed)"},
    RuleInfo{"empty-section", W, "必备的正文部分为空或没有实际内容（如只写“无”“暂无问题”）",
             "a required narrative section is empty or says nothing (just 无, 暂无问题)"},
    RuleInfo{"slash-count", W, "表三、表四的单元格填了“/”：这两张表只计件数，没有的应填 0",
             "a cell of table 三 or 四 is \"/\": these tables count cases, write 0 for none"},
    RuleInfo{"deadline", W, "发布日期晚于法定期限（部门 1月31日，政府 3月31日）",
             "published after the legal deadline (departments 31 Jan, governments 31 Mar)"},
    RuleInfo{"carry-over", E, "二、上年结转不等于上一年报告的四、结转下年度继续办理",
             "二、上年结转 differs from last year's 四、结转下年度继续办理"},
    RuleInfo{"in-force", W, "现行有效件数不等于上年现行有效件数加本年制发减本年废止",
             "现行有效 is not last year's 现行有效 + 制发 − 废止"},
    RuleInfo{"item-continuity", W, "2019 版：上一年项目数量不等于上年的上一年项目数量加本年增/减",
             "2019 edition: 上一年项目数量 is not last year's 上一年项目数量 + 本年增/减"},
    RuleInfo{"rollup", E, "汇总报告不等于各成员报告之和",
             "a summary report is not the sum of its members"},
    RuleInfo{"copied-narrative", W, "叙述部分与同一机关上一年报告的几乎相同（照搬上年内容）",
             "a narrative part is nearly the same as the same agency's report of the year before"},
    RuleInfo{"missing-report", W, "名册中的机关没有当年的报告",
             "an agency of the register has no report for the year"},
    // import: what reading a published report could not find or found different from the format
    RuleInfo{"unreadable-source", E,
             "导入：来源无法读取（不是 PDF/HTML/文本、已加密、无文字层或编码不明）",
             "import: the source cannot be read (not PDF/HTML/text, encrypted, no text layer, "
             "unknown encoding)"},
    RuleInfo{"charset-mismatch", W,
             "导入：网页声明的编码与内容不符（内容是有效的 UTF-8），按 UTF-8 读取",
             "import: the page's declared charset is wrong (its bytes are valid UTF-8); read as "
             "UTF-8"},
    RuleInfo{"missing-metadata", E,
             "导入：标题中找不到年份或机关名称（可用 --year、--agency 指定）",
             "import: the title gives no year or agency (give them with --year, --agency)"},
    RuleInfo{"missing-section", W, "导入：找不到六个部分之一的标题",
             "import: the heading of one of the six sections is not found"},
    RuleInfo{"missing-table", E, "导入：找不到一张表格，其单元格留空",
             "import: a table is not found; its cells are left blank"},
    RuleInfo{"missing-row", E, "导入：表格中找不到一行，其单元格留空",
             "import: a row of a table is not found; its cells are left blank"},
    RuleInfo{"label-variant", W,
             "导入：标题或行名与格式规定的写法不同（错字、旧版写法、括号说明），按位置和编号认出",
             "import: a heading or row label differs from the format (misprint, old edition, "
             "note), recognised by place and numbering"},
    RuleInfo{"extra-row", W, "导入：格式没有的行（地方增设、旧版的行或重复的行），未导入",
             "import: a row the format does not have (local addition, old edition, printed twice); "
             "not imported"},
    RuleInfo{"merged-row", W, "导入：格式分开的几行印作一行（或反之），数值记入对应的行，其余留空",
             "import: rows the format splits are printed as one (or the reverse); values kept "
             "where they belong, the rest blank"},
    RuleInfo{"split-by-hand", E,
             "导入：2021 版报告印了 2019 版的一行（六）其他处理，需手工拆分为 1.、2.、3. 各行",
             "import: a 2021 report prints the 2019 edition's one row （六）其他处理; its split "
             "into 1., 2., 3. must be given by hand"},
    RuleInfo{"cell-count", E, "导入：一行的数值个数与列数不符，无法判断各属哪一列，整行留空",
             "import: a row has a different number of values than columns; left blank rather than "
             "guessed"},
    RuleInfo{"row-order", E,
             "导入：来源中的行名和数值不是按行排列的（如不带 -layout 的 "
             "pdftotext），无法判断数值属于哪一行，留空",
             "import: labels and values of the source do not run row by row (e.g. pdftotext "
             "without -layout); left blank"},
    RuleInfo{"unreadable-cell", E, "导入：单元格不是数字、空白或“/”，留空",
             "import: a cell is not a number, blank or \"/\"; left blank"},
    RuleInfo{"cell-unit", W, "导入：单元格中写了单位，已换算（如 251000元 → 25.1 万元）",
             "import: a cell carries a unit, converted (e.g. 251000元 → 25.1 万元)"},
    RuleInfo{
        "amount-unit", E, "导入：金额没有单位而格式也未规定（元还是万元？），留空",
        "import: an amount without a unit where the format prints none (元 or 万元?); left blank"},
    RuleInfo{"uncalculated-formula", W,
             "工作簿：总计公式没有保存计算结果（填写后未经 Excel、WPS 或 LibreOffice 保存），"
             "按各项之和计算",
             "workbook: a total's formula has no saved result (not saved by Excel, WPS or "
             "LibreOffice since it was filled in); computed from its parts"},
};

}  // namespace

std::span<const RuleInfo> rules() { return kRules; }

const RuleInfo& rule(std::string_view id) {
  for (const RuleInfo& r : kRules)
    if (r.id == id) return r;
  throw std::logic_error("unknown rule id " + std::string(id));
}

Diagnostic make_diagnostic(std::string_view id, std::string pointer, std::string zh,
                           std::string en) {
  const RuleInfo& info = rule(id);
  Diagnostic d;
  d.rule = info.id;
  d.severity = info.severity;
  d.pointer = std::move(pointer);
  d.message_zh = std::move(zh);
  d.message_en = std::move(en);
  return d;
}

Diagnostic& Findings::add(std::string_view id, std::string pointer, Message message) {
  Position position = source_ != nullptr ? source_->position_of(pointer) : Position{};
  return add(id, std::move(pointer), std::move(message), std::move(position));
}

Diagnostic& Findings::add(std::string_view id, std::string pointer, Message message,
                          Position position) {
  Diagnostic d =
      make_diagnostic(id, std::move(pointer), std::move(message.zh), std::move(message.en));
  d.file = file_;
  d.position = std::move(position);
  list_.push_back(std::move(d));
  return list_.back();
}

std::string format_diagnostic(const Diagnostic& d, Lang lang) {
  std::string out = printable(d.file);
  if (d.position.line > 0)
    out += ":" + std::to_string(d.position.line) + ":" + std::to_string(d.position.column);
  else if (!d.position.place.empty())
    out += ":" + d.position.place;
  const bool en = lang == Lang::En;
  out += d.severity == Severity::Error ? (en ? ": error: " : ": 错误: ")
                                       : (en ? ": warning: " : ": 警告: ");
  out += printable(d.message(lang));  // a key with a line break must not forge a second finding
  out += " [" + std::string(d.rule) + "]";
  return out;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.position.line, a.position.column, a.position.place_order,
                        a.rule) <
               std::tie(b.file, b.position.line, b.position.column, b.position.place_order, b.rule);
      });
  // Each root cause, then what follows from it.
  auto root_of = [&](const Diagnostic& d) -> std::size_t {
    if (d.follows.empty()) return diagnostics.size();
    for (std::size_t i = 0; i < diagnostics.size(); ++i)
      if (diagnostics[i].root_cause && diagnostics[i].file == d.file &&
          diagnostics[i].pointer == d.follows)
        return i;
    return diagnostics.size();
  };
  std::vector<std::size_t> roots(diagnostics.size());
  bool any = false;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    roots[i] = root_of(diagnostics[i]);
    any = any || roots[i] < diagnostics.size();
  }
  if (!any) return;
  std::vector<Diagnostic> ordered;
  ordered.reserve(diagnostics.size());
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (roots[i] < diagnostics.size()) continue;
    ordered.push_back(std::move(diagnostics[i]));
    for (std::size_t j = 0; j < diagnostics.size(); ++j)
      if (roots[j] == i) ordered.push_back(std::move(diagnostics[j]));
  }
  diagnostics = std::move(ordered);
}

std::size_t count(const std::vector<Diagnostic>& diagnostics, Severity severity) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace govreport
