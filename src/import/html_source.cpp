// HTML pages through gumbo: blocks become lines, tables become grids with rowspan and colspan
// expanded, and the part of the page that holds the report is told from its navigation.

#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "govreport/edition.hpp"
#include "import/document.hpp"
#include "import/normalize.hpp"
#include "import/recognise.hpp"

namespace govreport::importer {
namespace {

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BR:
      return true;
    default:
      return false;
  }
}

bool is_skipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_SELECT ||
         tag == GUMBO_TAG_BUTTON || tag == GUMBO_TAG_IFRAME || tag == GUMBO_TAG_OBJECT;
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Slots of one table's grid beyond which rowspan and colspan are not expanded (a real report's
// tables have a few hundred).
constexpr std::size_t kMaxGridSlots = 1'000'000;

int span_attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  if (a == nullptr) return 1;
  const int v = std::atoi(a->value);
  return v < 1 ? 1 : std::min(v, 1000);
}

bool has_text(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) return true;
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return false;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    if (has_text(static_cast<const GumboNode*>(children.data[i]))) return true;
  return false;
}

// Counts the cells below `node` that hold text, up to two; a nested table counts two.
int text_cells(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return 0;
  int n = 0;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length && n < 2; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = child->v.element.tag;
    if (tag == GUMBO_TAG_TABLE) return 2;
    n += tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH ? (has_text(child) ? 1 : 0) : text_cells(child);
  }
  return n;
}

// A table in a cell that holds one cell of text is that cell's text: govreport prints a group's
// label as the head of such a table, which the browser repeats when the group goes on to a new
// page. Any other table inside a table lays out the page.
bool contains_table(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return false;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    if (child->v.element.tag == GUMBO_TAG_TABLE) {
      if (text_cells(child) > 1) return true;
    } else if (contains_table(child)) {
      return true;
    }
  }
  return false;
}

// The text of a node, blocks inside separated by a space.
void text_of(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  if (is_skipped(node->v.element.tag)) return;
  const bool block = is_block(node->v.element.tag);
  if (block) out += ' ';
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    text_of(static_cast<const GumboNode*>(children.data[i]), out);
  if (block) out += ' ';
}

class Walker {
 public:
  Document doc;
  std::vector<std::vector<const GumboNode*>> owners;  // the element chain of each line

  void walk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      if (!have_where_ && node->type != GUMBO_NODE_WHITESPACE) {
        where_ = {node->v.text.start_pos.line, node->v.text.start_pos.column, 0};
        have_where_ = true;
      }
      text_ += node->v.text.text;
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE &&
        node->type != GUMBO_NODE_DOCUMENT)
      return;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      for (unsigned i = 0; i < node->v.document.children.length; ++i)
        walk(static_cast<const GumboNode*>(node->v.document.children.data[i]));
      flush();
      return;
    }
    const GumboTag tag = node->v.element.tag;
    if (is_skipped(tag)) return;
    if (tag == GUMBO_TAG_TABLE && !contains_table(node)) {
      flush();
      stack_.push_back(node);
      table(node);
      stack_.pop_back();
      return;
    }
    const bool block = is_block(tag);
    if (block) flush();
    stack_.push_back(node);
    if (is_heading(tag)) heading_ = true;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i)
      walk(static_cast<const GumboNode*>(children.data[i]));
    if (block) flush();
    stack_.pop_back();
  }

 private:
  void flush() {
    const std::string text = tidy(text_);
    if (!text.empty()) {
      Line line;
      line.where = where_;
      line.heading = heading_;
      // Words, so that values written as separate words in a paragraph can be read.
      std::size_t start = 0;
      const std::string spaced = spaced_words(text_);
      for (std::size_t i = 0; i <= spaced.size(); ++i) {
        if (i == spaced.size() || spaced[i] == ' ') {
          if (i > start) line.pieces.push_back({spaced.substr(start, i - start), 0, 0});
          start = i + 1;
        }
      }
      line.width = static_cast<double>(text.size());
      add(std::move(line));
    }
    text_.clear();
    heading_ = false;
    have_where_ = false;
  }

  // Whitespace-separated words of raw text (every kind of space counts).
  static std::string spaced_words(const std::string& raw) {
    const std::u32string in = decode(raw);
    std::u32string out;
    for (char32_t c : in) {
      const bool space = c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 ||
                         c == 0x3000 || c == 0x200B || (c >= 0x2000 && c <= 0x200A);
      if (space) {
        if (!out.empty() && out.back() != U' ') out.push_back(U' ');
      } else {
        out.push_back(c);
      }
    }
    while (!out.empty() && out.back() == U' ') out.pop_back();
    return encode(out);
  }

  void add(Line line) {
    doc.lines.push_back(std::move(line));
    owners.push_back(stack_);
  }

  // Expands a table without nested tables into a grid and emits one line per row.
  void table(const GumboNode* node) {
    std::vector<const GumboNode*> rows;
    collect_rows(node, rows);
    struct Slot {
      int origin = -1;
      bool copied_down = false;  // filled by a rowspan from a row above
    };
    std::vector<std::vector<Slot>> grid(rows.size());
    std::vector<std::string> texts;
    std::size_t slots = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const GumboVector& cells = rows[r]->v.element.children;
      std::size_t column = 0;
      for (unsigned i = 0; i < cells.length; ++i) {
        const auto* cell = static_cast<const GumboNode*>(cells.data[i]);
        if (cell->type != GUMBO_NODE_ELEMENT ||
            (cell->v.element.tag != GUMBO_TAG_TD && cell->v.element.tag != GUMBO_TAG_TH))
          continue;
        while (column < grid[r].size() && grid[r][column].origin >= 0) ++column;
        const int id = static_cast<int>(texts.size());
        std::string raw;
        text_of(cell, raw);
        texts.push_back(tidy(raw));
        auto rowspan =
            std::min(static_cast<std::size_t>(span_attribute(cell, "rowspan")), rows.size() - r);
        auto colspan = static_cast<std::size_t>(span_attribute(cell, "colspan"));
        // A hostile page could ask for a thousand by a thousand slots per cell: past a budget far
        // above any real report, spans are no longer expanded.
        if (slots + rowspan * colspan > kMaxGridSlots) rowspan = colspan = 1;
        slots += rowspan * colspan;
        for (std::size_t dr = 0; dr < rowspan && r + dr < rows.size(); ++dr) {
          auto& row = grid[r + dr];
          if (row.size() < column + colspan) row.resize(column + colspan);
          for (std::size_t dc = 0; dc < colspan; ++dc) row[column + dc] = {id, dr > 0};
        }
        column += colspan;
      }
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
      Line line;
      line.cells = true;
      line.positioned = true;
      line.where = {rows[r]->v.element.start_pos.line, rows[r]->v.element.start_pos.column, 0};
      int last = -1;
      bool last_emitted = false;  // whether cell `last` gave a piece of this line
      for (std::size_t c = 0; c < grid[r].size(); ++c) {
        const Slot& slot = grid[r][c];
        if (slot.origin < 0) {
          line.pieces.push_back({"", static_cast<double>(c), static_cast<double>(c + 1)});
          last = -1;
          continue;
        }
        if (slot.origin == last) {  // the same cell spanning columns
          if (last_emitted) line.pieces.back().x1 = static_cast<double>(c + 1);
          continue;
        }
        last = slot.origin;
        const std::string& text = texts[static_cast<std::size_t>(slot.origin)];
        // A label spanning rows heads each of them; a value or blank spanning rows belongs to
        // its first row only.
        last_emitted = !(slot.copied_down && (text.empty() || looks_like_value(text)));
        if (!last_emitted) continue;
        line.pieces.push_back({text, static_cast<double>(c), static_cast<double>(c + 1)});
      }
      bool any = false;
      for (const Piece& p : line.pieces) any = any || !p.text.empty();
      if (!any) continue;
      std::string joined = line.text();
      line.width = static_cast<double>(joined.size());
      add(std::move(line));
    }
  }

  static void collect_rows(const GumboNode* node, std::vector<const GumboNode*>& rows) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      if (child->v.element.tag == GUMBO_TAG_TR)
        rows.push_back(child);
      else if (child->v.element.tag == GUMBO_TAG_TBODY || child->v.element.tag == GUMBO_TAG_THEAD ||
               child->v.element.tag == GUMBO_TAG_TFOOT)
        collect_rows(child, rows);
    }
  }

  std::vector<const GumboNode*> stack_;
  std::string text_;
  Where where_;
  bool have_where_ = false;
  bool heading_ = false;
};

// The lines of the report: those inside the innermost element that holds the section headings.
void find_content(Document& doc, const std::vector<std::vector<const GumboNode*>>& owners) {
  doc.content_begin = 0;
  doc.content_end = doc.lines.size();
  const Edition& edition = *editions().front();
  std::vector<std::size_t> headings;
  for (std::size_t i = 0; i < doc.lines.size(); ++i)
    if (!doc.lines[i].cells && match_heading(doc.lines[i].text(), edition).section >= 0)
      headings.push_back(i);
  if (headings.size() < 3) return;
  std::vector<const GumboNode*> common = owners[headings.front()];
  for (std::size_t h : headings) {
    const auto& chain = owners[h];
    std::size_t n = 0;
    while (n < common.size() && n < chain.size() && common[n] == chain[n]) ++n;
    common.resize(n);
  }
  if (common.empty()) return;
  const GumboNode* root = common.back();
  auto inside = [&](std::size_t i) {
    return std::find(owners[i].begin(), owners[i].end(), root) != owners[i].end();
  };
  std::size_t begin = headings.front();
  while (begin > 0 && inside(begin - 1)) --begin;
  std::size_t end = headings.back();
  while (end < doc.lines.size() && inside(end)) ++end;
  doc.content_begin = begin;
  doc.content_end = end;
}

}  // namespace

Document read_html(std::string_view utf8, std::string charset) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  Walker walker;
  walker.walk(output->document);
  Document doc = std::move(walker.doc);
  find_content(doc, walker.owners);
  doc.flow = Flow::Blocks;
  doc.description = "HTML (" + charset + ")";
  return doc;
}

}  // namespace govreport::importer
