// .xlsx workbooks: the package read as in import/ooxml.hpp (libzip, pugixml), then its workbook,
// shared strings and sheets, with their inline strings, numbers, formulas' saved results and
// merged ranges.

#include "import/workbook.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <pugixml.hpp>

#include "import/normalize.hpp"
#include "import/ooxml.hpp"

namespace govreport::importer {
namespace {

// Cells beyond this count are not read (Excel's own limit is far above any report).
constexpr std::size_t kMaxCells = 4'000'000;
constexpr int kMaxRows = 1 << 20;
constexpr int kMaxColumns = 1 << 14;

Unreadable unreadable(std::string_view zh, std::string_view en) {
  return Unreadable{Message{std::string(zh), std::string(en)}};
}

// Decodes the _xHHHH_ escapes of OOXML strings (a carriage return is written _x000D_).
std::string unescape(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_' &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i) + 2,
                    text.begin() + static_cast<std::ptrdiff_t>(i) + 6,
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; })) {
      const auto code = static_cast<char32_t>(std::stoul(text.substr(i + 2, 4), nullptr, 16));
      if (code != 0x0D) out += encode_utf8(std::u32string(1, code));  // CR LF is one line end
      i += 6;
      continue;
    }
    out += text[i];
  }
  return out;
}

// The text of a shared or inline string: its runs, without phonetic guides.
std::string string_text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = local(c.name());
    if (name == "t")
      out += c.text().get();
    else if (name == "r")
      out += string_text(c);
  }
  return unescape(std::move(out));
}

// Parses "AB12" into (11, 27); false when it is no cell name.
bool parse_cell_name(std::string_view name, int& row, int& column) {
  std::size_t i = 0;
  int c = 0, r = 0;
  while (i < name.size() && std::isalpha(static_cast<unsigned char>(name[i])) != 0) {
    c = c * 26 + (std::toupper(static_cast<unsigned char>(name[i])) - 'A' + 1);
    if (c > kMaxColumns) return false;
    ++i;
  }
  if (i == 0 || i == name.size()) return false;
  for (; i < name.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(name[i])) == 0) return false;
    r = r * 10 + (name[i] - '0');
    if (r > kMaxRows) return false;
  }
  if (r == 0) return false;
  row = r - 1;
  column = c - 1;
  return true;
}

bool parse_range(std::string_view ref, CellRange& range) {
  const std::size_t colon = ref.find(':');
  if (colon == std::string_view::npos)
    return parse_cell_name(ref, range.first_row, range.first_column) &&
           parse_cell_name(ref, range.last_row, range.last_column);
  return parse_cell_name(ref.substr(0, colon), range.first_row, range.first_column) &&
         parse_cell_name(ref.substr(colon + 1), range.last_row, range.last_column) &&
         range.first_row <= range.last_row && range.first_column <= range.last_column;
}

class SheetReader {
 public:
  SheetReader(const std::vector<std::string>& strings, std::size_t& cells)
      : strings_(strings), cells_(cells) {}

  bool read(const std::string& xml, Sheet& sheet) {
    pugi::xml_document doc;
    if (!parse(doc, xml)) return false;
    const pugi::xml_node root = child(doc, "worksheet");
    int next_row = 0;
    for (pugi::xml_node row : child(root, "sheetData").children()) {
      if (local(row.name()) != "row") continue;
      int r = next_row;
      if (const pugi::xml_attribute a = attribute(row, "r"); a) {
        const long long v = a.as_llong(0);
        if (v < 1 || v > kMaxRows) return false;
        r = static_cast<int>(v - 1);
      }
      next_row = r + 1;
      int next_column = 0;
      for (pugi::xml_node c : row.children()) {
        if (local(c.name()) != "c") continue;
        int cr = r, cc = next_column;
        if (const pugi::xml_attribute a = attribute(c, "r"); a) {
          if (!parse_cell_name(a.value(), cr, cc)) return false;
        }
        next_column = cc + 1;
        if (cc >= kMaxColumns) return false;
        SheetCell cell = read_cell(c);
        if (cell.empty()) continue;
        if (++cells_ > kMaxCells) return false;
        sheet.rows = std::max(sheet.rows, cr + 1);
        sheet.columns = std::max(sheet.columns, cc + 1);
        sheet.cells[{cr, cc}] = std::move(cell);
      }
    }
    for (pugi::xml_node m : child(root, "mergeCells").children()) {
      if (local(m.name()) != "mergeCell") continue;
      CellRange range;
      if (parse_range(attribute(m, "ref").value(), range)) sheet.merges.push_back(range);
    }
    return true;
  }

 private:
  SheetCell read_cell(pugi::xml_node c) {
    SheetCell cell;
    const std::string_view type = attribute(c, "t").value();
    const pugi::xml_node f = child(c, "f");
    const pugi::xml_node v = child(c, "v");
    if (f) {
      cell.formula = true;
      cell.formula_text = f.text().get();
    }
    const bool has_value = v && *v.text().get() != '\0';
    if (type == "inlineStr") {
      const pugi::xml_node is = child(c, "is");
      cell.value = string_text(is);
      cell.type = SheetCell::Type::Text;
      if (!is && cell.formula) cell.cached = false;
      if (cell.value.empty() && !cell.formula) cell.type = SheetCell::Type::Blank;
      return cell;
    }
    if (type == "str") {  // a formula's text result, which may be empty
      cell.type = SheetCell::Type::Text;
      cell.value = v ? unescape(v.text().get()) : std::string();
      if (!v) cell.cached = false;
      return cell;
    }
    if (!has_value) {
      if (cell.formula) cell.cached = false;
      return cell;
    }
    const std::string text = v.text().get();
    if (type == "s") {
      const long long index = v.text().as_llong(-1);
      cell.type = SheetCell::Type::Text;
      if (index >= 0 && static_cast<std::size_t>(index) < strings_.size()) {
        cell.value = strings_[static_cast<std::size_t>(index)];
      } else {  // a string the file does not have: shown as an error, never as a value
        cell.type = SheetCell::Type::Error;
        cell.value = "#REF!";
      }
      if (cell.value.empty() && !cell.formula && cell.type == SheetCell::Type::Text)
        cell.type = SheetCell::Type::Blank;
    } else if (type == "b") {
      cell.type = SheetCell::Type::Boolean;
      cell.value = text == "1" ? "TRUE" : "FALSE";
    } else if (type == "e") {
      cell.type = SheetCell::Type::Error;
      cell.value = text;
    } else if (type == "d") {
      cell.type = SheetCell::Type::Text;
      cell.value = text;
    } else {
      cell.type = SheetCell::Type::Number;
      cell.value = text;
    }
    return cell;
  }

  const std::vector<std::string>& strings_;
  std::size_t& cells_;
};

}  // namespace

const SheetCell* Sheet::at(int row, int column) const {
  auto it = cells.find({row, column});
  return it == cells.end() ? nullptr : &it->second;
}

const CellRange* Sheet::merge_at(int row, int column) const {
  for (const CellRange& m : merges)
    if (m.first_row == row && m.first_column == column) return &m;
  return nullptr;
}

std::string cell_name(int row, int column) {
  std::string letters;
  for (int c = column + 1; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row + 1);
}

std::string cell_place(const Sheet& sheet, int row, int column) {
  // Excel quotes a sheet name that is not one word: 'Sheet 1'!A1, with ' written twice.
  const bool plain =
      !sheet.name.empty() && std::all_of(sheet.name.begin(), sheet.name.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 || std::isalnum(b) != 0 || c == '_' || c == '.';
      });
  std::string name = sheet.name;
  if (!plain) {
    std::string quoted = "'";
    for (char c : sheet.name) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    name = quoted + "'";
  }
  return name + "!" + cell_name(row, column);
}

Workbook read_xlsx(std::string_view bytes, std::optional<Unreadable>& failure) {
  Workbook book;
  const Archive zip(bytes);
  if (!zip.open()) {
    failure = unreadable("不是 .xlsx 工作簿（无法作为 zip 压缩包打开）",
                         "not an .xlsx workbook (cannot be opened as a zip archive)");
    return book;
  }
  std::string workbook_part = relationships(zip, "").by_type["officeDocument"];
  if (workbook_part.empty()) workbook_part = "xl/workbook.xml";
  const auto workbook_xml = zip.read(workbook_part);
  pugi::xml_document wdoc;
  if (!workbook_xml || !parse(wdoc, *workbook_xml) || !child(wdoc, "workbook")) {
    failure = unreadable(
        "zip 压缩包中没有工作簿（xl/workbook.xml）：可能是 Word 文档或其他文件",
        "the zip archive holds no workbook (xl/workbook.xml): a Word document or another file?");
    return book;
  }
  const pugi::xml_node wroot = child(wdoc, "workbook");
  if (const pugi::xml_node pr = child(wroot, "workbookPr"); pr)
    book.date1904 = attribute(pr, "date1904").as_bool(false);
  const Relationships rels = relationships(zip, workbook_part);

  std::vector<std::string> strings;
  std::string strings_part = "xl/sharedStrings.xml";
  if (auto it = rels.by_type.find("sharedStrings"); it != rels.by_type.end())
    strings_part = it->second;
  if (const auto xml = zip.read(strings_part)) {
    pugi::xml_document sdoc;
    if (!parse(sdoc, *xml)) {
      failure = unreadable(fmt::format("{} 不是有效的 XML", strings_part),
                           fmt::format("{} is not valid XML", strings_part));
      return book;
    }
    for (pugi::xml_node si : child(sdoc, "sst").children())
      if (local(si.name()) == "si") strings.push_back(string_text(si));
  }

  std::size_t cells = 0;
  SheetReader reader(strings, cells);
  for (pugi::xml_node s : child(wroot, "sheets").children()) {
    if (local(s.name()) != "sheet") continue;
    Sheet sheet;
    sheet.name = attribute(s, "name").value();
    const auto target = rels.by_id.find(attribute(s, "id").value());
    if (target == rels.by_id.end()) continue;  // a chart sheet or a broken link: no cells
    const auto xml = zip.read(target->second);
    if (!xml) continue;
    if (!reader.read(*xml, sheet)) {
      failure = unreadable(
          fmt::format("工作表“{}”无法读取（XML 无效或超出 Excel 的行列范围）", sheet.name),
          fmt::format("sheet \"{}\" cannot be read (invalid XML, or beyond Excel's rows and "
                      "columns)",
                      sheet.name));
      return book;
    }
    book.sheets.push_back(std::move(sheet));
  }
  if (book.sheets.empty()) {
    failure = unreadable("工作簿中没有工作表", "the workbook has no sheets");
    return book;
  }
  book.description = fmt::format("workbook (xlsx, {} sheets)", book.sheets.size());
  return book;
}

}  // namespace govreport::importer
