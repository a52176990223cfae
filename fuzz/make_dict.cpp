// Writes the libFuzzer dictionary of a fuzz target: the JSON keys and the printed labels of every
// edition, walked from their declarations and their JSON Schema, and the syntax of the target's
// input (JSON, HTML tags, PDF operators and objects, text table rules).
//
//   fuzz_dict TARGET                 print the dictionary of TARGET (load, import_text, ...)
//   fuzz_dict TARGET --check FILE    exit 1 unless FILE holds exactly that dictionary

#include <utf8proc.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "govreport/edition.hpp"
#include "govreport/report.hpp"
#include "govreport/schema.hpp"
#include "model/workbook.hpp"

namespace {

using govreport::Edition;

// libFuzzer ignores entries longer than this.
constexpr std::size_t kMaxEntry = 64;

class Dictionary {
 public:
  // Adds `bytes` once; `note` is shown in a comment above entries that are not plain ASCII.
  void add(std::string bytes, std::string note = {}) {
    if (bytes.empty() || bytes.size() > kMaxEntry || !seen_.insert(bytes).second) return;
    entries_.push_back({std::move(bytes), std::move(note)});
  }

  // Adds UTF-8 text, cut into pieces of at most kMaxEntry bytes at character boundaries.
  void add_text(std::string_view text) {
    while (!text.empty()) {
      std::size_t n = std::min(text.size(), kMaxEntry);
      while (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
      add(std::string(text.substr(0, n)));
      text.remove_prefix(n);
    }
  }

  std::string str(std::string_view target) const {
    std::string out = "# libFuzzer dictionary of fuzz_" + std::string(target) +
                      ", written by fuzz_dict (fuzz/make_dict.cpp)\n"
                      "# from the edition declarations; do not edit. Rewrite it with\n"
                      "#   build/fuzz/fuzz_dict " +
                      std::string(target) + " > fuzz/dict/" + std::string(target) + ".dict\n";
    for (const auto& [bytes, note] : entries_) {
      bool ascii = true;
      for (char c : bytes) ascii = ascii && c >= 0x20 && c < 0x7F;
      if (!note.empty() || !ascii) out += "# " + (note.empty() ? printable(bytes) : note) + "\n";
      out += '"' + escape(bytes) + "\"\n";
    }
    return out;
  }

 private:
  static std::string escape(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : bytes) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (u >= 0x20 && u < 0x7F) {
        out += c;
      } else {
        out += "\\x";
        out += kHex[u >> 4];
        out += kHex[u & 15];
      }
    }
    return out;
  }
  // The text for a comment: control characters shown as "."
  static std::string printable(std::string_view bytes) {
    std::string out;
    for (char c : bytes) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? '.' : c;
    return out;
  }

  struct Entry {
    std::string bytes;
    std::string note;
  };
  std::vector<Entry> entries_;
  std::set<std::string> seen_;
};

// JSON syntax and values at the edges of what a cell, a year or a date may hold.
// clang-format off
constexpr std::string_view kJsonSyntax[] = {
    "{", "}", "[", "]", ":", ",", "null", "true", "false", "\"/\"", "\"\"", "-1", "-0", "0.5",
    "1e400", "-1e400", "1E2", "9007199254740993", "18446744073709551616", "999999999999999",
    "1000000000000000", "99999999999999.9999", "\"2154.97\"", "\"2154.970000\"", "\"2021-01-31\"",
    "\"0000-00-00\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\"", "\\\"", "\\\\", "\\n", "\\u",
    "\xEF\xBB\xBF", "\r\n",
};
// clang-format on

// Words that the narrative check reads next to numbers.
// clang-format off
constexpr std::string_view kNarrativeWords[] = {
    "申请", "件", "起", "行政复议", "行政诉讼", "均获维持", "均予维持", "全部维持",
    "无败诉", "同比", "其中", "增加", "。", "，", "；",
};
// clang-format on

// Numbers, units, dashes and page numbers as reports print them.
// clang-format off
constexpr std::string_view kImportWords[] = {
    "0", "1", "12", "/", "／", "-", "—", "－", "　", "\xC2\xA0", "万元", "元", "件", "个",
    "条", "单位：万元", "（单位：万元）", "2019", "2020", "2021", "2024", "年", "月", "日",
    "第3页", "-3-", "— 3 —", "。", "，", "、", "：",
};
// clang-format on

// Line ends, table rules and Markdown of text sources; byte-order marks.
// clang-format off
constexpr std::string_view kTextSyntax[] = {
    "\n", "\r\n", "\r", "\f", "\t", "  ", " | ", "|", "| --- |", "| ---: |", "+----+", "+====+",
    "# ", "## ", "### ", "\\|", "\\*", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF",
};
// clang-format on

// The tags and attributes that the HTML reader acts on, and those that it skips.
// clang-format off
constexpr std::string_view kHtmlSyntax[] = {
    "<!DOCTYPE html>", "<html>", "</html>", "<head>", "</head>", "<body>", "</body>",
    "<meta charset=\"utf-8\">", "<meta charset=\"gbk\">", "<meta charset=\"gb2312\">",
    "<meta charset=\"gb18030\">", "<meta charset=\"big5\">", "<meta charset=\"utf-16\">",
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "charset=",
    "<table>", "</table>", "<table border=\"1\">", "<tr>", "</tr>", "<td>", "</td>", "<th>",
    "</th>", "<tbody>", "</tbody>", "<thead>", "<tfoot>", "<caption>", "</caption>", " rowspan=\"",
    " colspan=\"", "<td rowspan=\"2\">", "<td colspan=\"7\">",
    "<td rowspan=\"1000\" colspan=\"1000\">", "rowspan=0", "colspan=-1", "<br>", "<br/>", "<p>",
    "</p>", "<div>", "</div>", "<span>", "</span>", "<h1>", "</h1>", "<h2>", "<h3>", "<h4>", "<h5>",
    "<h6>", "<ul>", "<ol>", "<li>", "<dl>", "<dt>", "<dd>", "<pre>", "</pre>", "<hr>", "<nav>",
    "</nav>", "<main>", "<article>", "<section>", "<header>", "<footer>", "<aside>", "<center>",
    "<font face=\"宋体\">", "<strong>", "<b>", "<a href=\"", "<img src=\"", "<script>", "</script>",
    "<style>", "</style>", "<noscript>", "<template>", "</template>", "<select>", "<option>",
    "<button>", "<iframe>", "<object>", "<textarea>", "<plaintext>", "<xmp>", "<svg>", "<math>",
    "<frameset>", "<![CDATA[", "]]>", "<!--", "-->", "&nbsp;", "&#12288;", "&#x3000;", "&lt;",
    "&gt;", "&amp;", "&#0;", "&#x10FFFF;", "&#xD800;", " style=\"", " class=\"", " id=\"", "\"",
};
// clang-format on

// PDF objects, content stream operators, the standard CJK fonts and their CMaps.
// clang-format off
constexpr std::string_view kPdfSyntax[] = {
    "%PDF-1.4\n", "%PDF-1.7\n", "%%EOF", " obj", "endobj", "stream\n", "\nendstream", "xref",
    "trailer", "startxref", " 0 R", "<<", ">>", "[", "]", "(", ")", "<", ">",
    "0000000000 65535 f \n", "00000 n \n", "BT", "ET", " Tf", " Tj", " TJ", " '", " \"", " Td",
    " TD", " Tm", " T*", " Tc", " Tw", " Tz", " TL", " Ts", " Tr", " cm", " re", " q", " Q", " w",
    " m", " l", " h", " f", " S", " n", " W", " Do", " gs", "BI", " ID ", "EI", "1 0 0 1 ",
    "0 -1 1 0 ", "/F1 12 Tf", "/Type", "/Catalog", "/Pages", "/Page", "/Kids", "/Count", "/Parent",
    "/MediaBox", "/CropBox", "/Rotate 90", "/Resources", "/Font", "/XObject", "/Contents",
    "/Length", "/Filter", "/FlateDecode", "/ASCIIHexDecode", "/ASCII85Decode", "/LZWDecode",
    "/RunLengthDecode", "/DecodeParms", "/Predictor", "/Columns", "/Subtype", "/Type0", "/Type1",
    "/Type3", "/TrueType", "/CIDFontType0", "/CIDFontType2", "/BaseFont", "/Encoding",
    "/Identity-H", "/Identity-V", "/UniGB-UCS2-H", "/UniGB-UCS2-V", "/UniGB-UTF16-H", "/GBK-EUC-H",
    "/GB-EUC-H", "/GBpc-EUC-H", "/UniCNS-UCS2-H", "/UniJIS-UCS2-H", "/UniKS-UCS2-H",
    "/DescendantFonts", "/CIDSystemInfo", "/Registry", "/Ordering", "/Supplement", "(Adobe)",
    "(GB1)", "(CNS1)", "(Japan1)", "(Korea1)", "(Identity)", "/FontDescriptor", "/FontName",
    "/Flags", "/FontBBox", "/ItalicAngle", "/Ascent", "/Descent", "/CapHeight", "/StemV", "/DW",
    "/W", "/Widths", "/FirstChar", "/LastChar", "/ToUnicode", "/CIDToGIDMap", "/FontFile2",
    "/Differences", "/WinAnsiEncoding", "/MacRomanEncoding", "/Helvetica", "/Times-Roman",
    "/STSong-Light", "/STSongStd-Light", "/AdobeSongStd-Light", "/STHeiti-Regular",
    "/MSungStd-Light", "/MHei-Medium", "/HeiseiMin-W3", "/HYSMyeongJo-Medium",
    "/STSong-Light-UniGB-UCS2-H", "/ObjStm", "/XRef", "/Root", "/Size", "/Prev", "/Info",
    "/Encrypt", "/ID", "/Index", "/N", "/First", "/Annots", "/Outlines", "/Names", "begincmap",
    "endcmap", "begincodespacerange", "endcodespacerange", "beginbfchar", "endbfchar",
    "beginbfrange", "endbfrange", "begincidrange", "endcidrange", "usecmap", "/CMapName",
    "<0000> <FFFF>", "<0030>", "<0031>", "<002F>", "<3000>",
};
// clang-format on

// The parts and XML of an .xlsx archive (zip entries stored without compression show them).
// clang-format off
constexpr std::string_view kXlsxSyntax[] = {
    "PK\x03\x04", "PK\x01\x02", "PK\x05\x06", "[Content_Types].xml", "_rels/.rels",
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml", "<workbook>", "<workbookPr date1904=\"1\"/>", "<sheets>",
    "<sheet name=\"", " r:id=\"", "<Relationship Id=\"", " Target=\"", "officeDocument",
    "sharedStrings", "<sst>", "<si>", "<t>", "</t>", "<r>", "<rPh>", "_x000D_", "<worksheet>",
    "<sheetData>", "<row r=\"", "<c r=\"", " t=\"s\"", " t=\"str\"", " t=\"inlineStr\"",
    " t=\"b\"", " t=\"e\"", " t=\"d\"", "<v>", "</v>", "<f>", "</f>", "<is>", "</c>", "</row>",
    "<mergeCells>", "<mergeCell ref=\"", "A1:C3\"", "XFD1048576", "#REF!", "x:",
};
// clang-format on

// A zip archive's signatures and the parts of a .docx, and the WordprocessingML the reader acts on
// (in a part stored without compression).
// clang-format off
constexpr std::string_view kDocxSyntax[] = {
    "PK\x03\x04", "PK\x01\x02", "PK\x05\x06", "[Content_Types].xml", "_rels/.rels",
    "word/document.xml", "word/_rels/document.xml.rels", "word/numbering.xml", "word/styles.xml",
    "officeDocument", "numbering", "styles", "Target=\"", "Type=\"", "TargetMode=\"External\"",
    "<w:document>", "<w:body>", "</w:body>", "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>",
    "</w:t>", "<w:tab/>", "<w:br/>", "<w:cr/>", "<w:noBreakHyphen/>", "<w:softHyphen/>",
    "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:tcPr>", "<w:trPr>",
    "<w:gridSpan w:val=\"", "<w:vMerge/>", "<w:vMerge w:val=\"restart\"/>", "<w:hMerge/>",
    "<w:gridBefore w:val=\"", "<w:del>", "</w:del>", "<w:ins>", "</w:ins>", "<w:delText>",
    "<w:moveFrom>", "<w:moveTo>", "<w:cellDel/>", "<w:fldChar w:fldCharType=\"begin\"/>",
    "<w:fldChar w:fldCharType=\"separate\"/>", "<w:fldChar w:fldCharType=\"end\"/>",
    "<w:instrText>", "<w:fldSimple w:instr=\"", "<w:sdt>", "<w:sdtContent>", "<w:vanish/>",
    "<w:numPr>", "<w:ilvl w:val=\"", "<w:numId w:val=\"", "<w:abstractNum w:abstractNumId=\"",
    "<w:num w:numId=\"", "<w:lvl w:ilvl=\"", "<w:numFmt w:val=\"chineseCounting\"/>",
    "<w:lvlText w:val=\"%1、\"/>", "<w:start w:val=\"", "\xC2\xAD",
};
// clang-format on

// The words of the official format as printed: headings, captions, row and column labels.
std::vector<std::string> printed_labels() {
  std::vector<std::string> out;
  for (const Edition* e : govreport::editions()) {
    for (const govreport::Section& s : e->sections) {
      out.push_back(std::string(s.numeral) + "、" + std::string(s.zh));
      out.emplace_back(s.zh);
    }
    for (const govreport::Table& t : e->tables) {
      for (std::string_view v : {t.caption, t.row_head, t.note}) out.emplace_back(v);
      for (const govreport::Row& r : t.rows) {
        out.push_back(std::string(r.numbering) + std::string(r.zh));
        for (std::string_view v : {r.numbering, r.zh, r.head_zh}) out.emplace_back(v);
      }
      for (const govreport::Column& c : t.columns)
        for (std::string_view v : {c.zh, c.group_zh}) out.emplace_back(v);
    }
    govreport::Report r = govreport::make_report(*e, e->first_year);
    r.agency = "某某区人民政府";
    out.push_back(r.display_title());
    out.push_back(r.display_title().substr(r.agency.size() + 4));  // "年政府信息公开工作年度报告"
  }
  return out;
}

// Every key, `const` and `enum` value in the JSON Schemas of the editions.
void schema_words(const nlohmann::json& node, std::vector<std::string>& keys,
                  std::vector<std::string>& values) {
  if (node.is_object()) {
    if (auto p = node.find("properties"); p != node.end() && p->is_object())
      for (const auto& [k, v] : p->items()) keys.push_back(k);
    if (auto c = node.find("const"); c != node.end()) values.push_back(c->dump());
    if (auto e = node.find("enum"); e != node.end() && e->is_array())
      for (const auto& v : *e) values.push_back(v.dump());
  }
  if (node.is_structured())
    for (const auto& v : node) schema_words(v, keys, values);
}

void add_json(Dictionary& d) {
  std::vector<std::string> keys, values;
  for (const Edition* e : govreport::editions()) {
    schema_words(nlohmann::json::parse(govreport::json_schema(*e)), keys, values);
    values.push_back(std::to_string(e->first_year));
    if (e->last_year != 0) values.push_back(std::to_string(e->last_year));
  }
  for (const std::string& k : keys) d.add('"' + k + "\":");
  for (const std::string& v : values) d.add(v);
  for (std::string_view v : kJsonSyntax) d.add(std::string(v));
  for (std::string_view v : kNarrativeWords) d.add(std::string(v));
  for (const std::string& label : printed_labels()) d.add_text(label);
}

void add_labels(Dictionary& d) {
  for (const std::string& label : printed_labels()) d.add_text(label);
  for (std::string_view v : kImportWords) d.add(std::string(v));
}

// A label in a content stream of a font with the CMap UniGB-UCS2-H: a hex string of UCS-2 codes.
std::string ucs2_hex(std::u32string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "<";
  for (char32_t c : text)
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(c >> shift) & 15];
  return out + ">";
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  utf8proc_int32_t c = 0;
  for (utf8proc_ssize_t n; left > 0 && (n = utf8proc_iterate(p, left, &c)) > 0; p += n, left -= n)
    out += static_cast<char32_t>(c);
  return out;
}

void add_pdf(Dictionary& d) {
  for (std::string_view v : kPdfSyntax) d.add(std::string(v));
  for (const std::string& label : printed_labels()) {
    const std::u32string text = decode(label);
    // At most 15 characters a hex string, so that the entry fits; the comment shows them.
    std::size_t byte = 0;
    for (std::size_t i = 0; i < text.size(); i += 15) {
      const std::u32string_view part = std::u32string_view(text).substr(i, 15);
      std::size_t end = byte;
      for (std::size_t k = 0; k < part.size(); ++k)
        end += part[k] < 0x80 ? 1 : part[k] < 0x800 ? 2 : part[k] < 0x10000 ? 3 : 4;
      d.add(ucs2_hex(part), label.substr(byte, end - byte));
      byte = end;
    }
  }
}

bool build(std::string_view target, Dictionary& d) {
  if (target == "load" || target == "render_import") {
    add_json(d);
  } else if (target == "import_text") {
    add_labels(d);
    for (std::string_view v : kTextSyntax) d.add(std::string(v));
  } else if (target == "import_html") {
    for (std::string_view v : kHtmlSyntax) d.add(std::string(v));
    add_labels(d);
  } else if (target == "import_pdf") {
    add_pdf(d);
  } else if (target == "import_docx") {
    for (std::string_view v : kDocxSyntax) d.add(std::string(v));
    add_labels(d);
  } else if (target == "import_xlsx") {
    for (std::string_view v : kXlsxSyntax) d.add(std::string(v));
    add_labels(d);
    namespace wb = govreport::detail::workbook;
    for (std::string_view v : {wb::kInfoSheet, wb::kTextSheet, wb::kPartHead, wb::kTitleHead,
                               wb::kTextHead, wb::kDepartment, wb::kGovernment})
      d.add(std::string(v));
    for (const wb::FieldLabel& f : wb::kFields) d.add(std::string(f.zh));
    for (const govreport::Section& s : govreport::editions().back()->sections)
      d.add(wb::table_sheet(s.numeral));
  } else {
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  Dictionary d;
  if ((args.size() != 1 && !(args.size() == 3 && args[1] == "--check")) || !build(args[0], d)) {
    std::fprintf(stderr,
                 "usage: fuzz_dict load|import_text|import_html|import_pdf|import_docx|import_xlsx|"
                 "render_import [--check FILE]\n");
    return 2;
  }
  const std::string text = d.str(args[0]);
  if (args.size() == 1) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  std::ifstream in{std::string(args[2]), std::ios::binary};
  const std::string committed((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
  if (committed == text) return 0;
  std::fprintf(stderr,
               "%s is not the dictionary that the editions give; rewrite it with\n  %s %s > %s\n",
               std::string(args[2]).c_str(), argv[0], std::string(args[0]).c_str(),
               std::string(args[2]).c_str());
  return 1;
}
