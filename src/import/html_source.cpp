// HTML pages through gumbo: blocks become lines, tables become grids with rowspan and colspan
// expanded, and the part of the page that holds the report is told from its navigation.

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "govreport/edition.hpp"
#include "govreport/source.hpp"
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

// Slots of the grids of all tables of a page beyond which rowspan and colspan are no longer
// expanded (a real report's tables have a few hundred each).
constexpr std::size_t kMaxGridSlots = 1'000'000;

int span_attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  if (a == nullptr) return 1;
  const int v = std::atoi(a->value);
  return v < 1 ? 1 : std::min(v, 1000);
}

const GumboVector* children_of(const GumboNode* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
    return &node->v.element.children;
  return nullptr;
}

const GumboNode* child(const GumboVector& children, unsigned i) {
  return static_cast<const GumboNode*>(children.data[i]);
}

bool is_table(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_TABLE;
}

bool is_cell(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT &&
         (node->v.element.tag == GUMBO_TAG_TD || node->v.element.tag == GUMBO_TAG_TH);
}

// The tables that hold another table somewhere inside, found bottom-up in one pass without
// recursion: a page may nest elements thousands deep. A table inside a cell that holds one cell
// of text is that cell's text, not a table: govreport prints a group's label as the head of such
// a table, which the browser repeats when the group goes on to a new page.
std::unordered_set<const GumboNode*> tables_with_tables(const GumboNode* root) {
  std::unordered_set<const GumboNode*> out;
  struct Frame {
    const GumboNode* node;
    unsigned next;
    bool has_table;       // a table below it
    bool has_text;        // text below it
    unsigned text_cells;  // cells with text below it, inside the nearest table
  };
  std::vector<Frame> stack{{root, 0, false, false, 0}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector* children = children_of(f.node);
    if (children != nullptr && f.next < children->length) {
      const GumboNode* c = child(*children, f.next++);
      if (c->type == GUMBO_NODE_ELEMENT)
        stack.push_back({c, 0, false, false, 0});
      else if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA)
        f.has_text = true;
      continue;
    }
    const Frame done = f;
    stack.pop_back();
    const bool table = is_table(done.node);
    if (done.has_table && table) out.insert(done.node);
    if (stack.empty()) continue;
    Frame& up = stack.back();
    up.has_text = up.has_text || done.has_text;
    if (table) {
      const bool label = !done.has_table && done.text_cells <= 1;
      up.has_table = up.has_table || !label;
      continue;
    }
    up.has_table = up.has_table || done.has_table;
    up.text_cells += is_cell(done.node) ? (done.has_text ? 1U : 0U) : done.text_cells;
  }
  return out;
}

// The text of a node, blocks inside separated by a space.
void text_of(const GumboNode* root, std::string& out) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack;
  auto enter = [&](const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      out += node->v.text.text;
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || is_skipped(node->v.element.tag)) return;
    if (is_block(node->v.element.tag)) out += ' ';
    stack.push_back({node, 0});
  };
  enter(root);
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& children = f.node->v.element.children;
    if (f.next < children.length) {
      enter(child(children, f.next++));
      continue;
    }
    if (is_block(f.node->v.element.tag)) out += ' ';
    stack.pop_back();
  }
}

// How deep elements may nest before a page is refused unparsed: gumbo takes time quadratic in the
// depth (100,000 nested <div>s: 46 s), and a report page nests a few dozen levels.
constexpr std::size_t kMaxNesting = 1000;
// How many elements a page may have: gumbo spends about 250 bytes on each (10 MB of <br>: 700 MB),
// and a report page has a few thousand.
constexpr std::size_t kMaxElements = 200'000;

bool name_in(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never hold others (void), or whose end tag may be left out because the next
// sibling closes them: neither makes the page deeper however many there are.
bool adds_no_depth(std::string_view name) {
  return name_in(
      name, {"area",     "base",  "basefont", "bgsound", "br",     "col",     "embed",    "frame",
             "hr",       "image", "img",      "input",   "keygen", "link",    "meta",     "param",
             "source",   "track", "wbr",      "p",       "li",     "dt",      "dd",       "tr",
             "td",       "th",    "thead",    "tbody",   "tfoot",  "caption", "colgroup", "option",
             "optgroup", "rb",    "rt",       "rtc",     "rp",     "html",    "head",     "body"});
}

// Where a page has more elements than kMaxElements, or nests them deeper than kMaxNesting.
struct Excess {
  std::size_t offset;  // of the start tag one too many
  bool depth;          // nesting, not number
};

// Finds the first start tag beyond the limits, counting tags as written: a cheap bound on the tree
// gumbo would build, taken before gumbo builds it.
std::optional<Excess> excess(std::string_view html) {
  std::size_t depth = 0, foreign = 0;  // foreign: open <svg> and <math>, where "/>" closes
  std::size_t elements = 0;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      i = html.find("-->", i + 4);
      if (i == std::string_view::npos) break;
      i += 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    std::size_t j = i + (closing ? 2 : 1);
    std::string name;
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) != 0 ||
                               html[j] == '-' || html[j] == ':')) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[j])));
      ++j;
    }
    if (name.empty() || std::isalpha(static_cast<unsigned char>(name[0])) == 0) {
      ++i;  // "<!DOCTYPE", "<?xml", a "<" in text: skipped up to the next "<"
      continue;
    }
    // The end of the tag: the first ">" outside a quoted attribute value.
    char quote = 0;
    for (; j < html.size() && (quote != 0 || html[j] != '>'); ++j) {
      if (quote != 0 && html[j] == quote)
        quote = 0;
      else if (quote == 0 && (html[j] == '"' || html[j] == '\''))
        quote = html[j];
    }
    const bool self_closing = j > 0 && j < html.size() && html[j - 1] == '/';
    const bool is_foreign = name == "svg" || name == "math";
    if (!closing && ++elements > kMaxElements) return Excess{i, false};
    if (closing) {
      if (!adds_no_depth(name) && depth > 0) --depth;
      if (is_foreign && foreign > 0) --foreign;
    } else if (!adds_no_depth(name) && !(self_closing && (foreign > 0 || is_foreign))) {
      if (++depth > kMaxNesting) return Excess{i, true};
      if (is_foreign) ++foreign;
      // Raw text: what looks like tags inside is text.
      if (name_in(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                         "noframes", "noscript", "plaintext"})) {
        std::size_t end = j;
        while ((end = html.find("</", end)) != std::string_view::npos) {
          std::string ahead(html.substr(end + 2, name.size()));
          for (char& c : ahead) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          if (ahead == name) break;
          end += 2;
        }
        j = end == std::string_view::npos ? html.size() : end - 1;
      }
    }
    i = j + 1;
  }
  return std::nullopt;
}

class Walker {
 public:
  Document doc;

  // Reads the page; every element is entered and left in document order, without recursion.
  void walk(const GumboNode* document) {
    nested_ = tables_with_tables(document);
    struct Frame {
      const GumboNode* node;
      unsigned next;
    };
    std::vector<Frame> frames{{document, 0}};
    while (!frames.empty()) {
      Frame& f = frames.back();
      const GumboVector& children = *children_of(f.node);
      if (f.next < children.length) {
        const GumboNode* node = child(children, f.next++);
        if (enter(node)) frames.push_back({node, 0});
        continue;
      }
      leave(f.node);
      frames.pop_back();
    }
  }

  // The innermost element of each line, or nullptr; and where each element begins and ends in
  // document order, so that "inside" is a comparison.
  std::vector<const GumboNode*> owners;
  struct Extent {
    std::size_t begin = 0, end = 0;
  };
  std::unordered_map<const GumboNode*, Extent> extents;

 private:
  // Handles the start of `node`; returns whether its children are to be walked.
  bool enter(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      if (!have_where_ && node->type != GUMBO_NODE_WHITESPACE) {
        where_ = {node->v.text.start_pos.line, node->v.text.start_pos.column, 0};
        have_where_ = true;
      }
      text_ += node->v.text.text;
      return false;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return false;
    const GumboTag tag = node->v.element.tag;
    if (is_skipped(tag)) return false;
    if (tag == GUMBO_TAG_TABLE && !nested_.contains(node)) {
      flush();
      open(node);
      table(node);
      close();
      return false;
    }
    if (is_block(tag)) flush();
    open(node);
    if (is_heading(tag)) heading_ = true;
    return true;
  }

  void leave(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) {
      flush();
      return;
    }
    if (is_block(node->v.element.tag)) flush();
    close();
  }

  void open(const GumboNode* node) {
    stack_.push_back(node);
    extents[node].begin = order_++;
  }

  void close() {
    extents[stack_.back()].end = order_++;
    stack_.pop_back();
  }

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
    const std::u32string in = decode_utf8(raw);
    std::u32string out;
    for (char32_t c : in) {
      if (parts_words(c)) {
        if (!out.empty() && out.back() != U' ') out.push_back(U' ');
      } else {
        out.push_back(c);
      }
    }
    while (!out.empty() && out.back() == U' ') out.pop_back();
    return encode_utf8(out);
  }

  void add(Line line) {
    doc.lines.push_back(std::move(line));
    owners.push_back(stack_.empty() ? nullptr : stack_.back());
  }

  // Expands a table without nested tables into a grid and emits one line per row.
  void table(const GumboNode* node) {
    std::vector<const GumboNode*> rows;
    collect_rows(node, rows);
    // A slot is copied down when a rowspan from a row above fills it.
    std::vector<std::vector<GridSlot>> grid(rows.size());
    std::vector<std::string> texts;
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
        // A hostile page could ask for a thousand by a thousand slots per cell, or widen many rows
        // below with one cell far to the right: past a budget of slots written and added for the
        // whole page, far above any real report, spans are no longer expanded.
        auto cost = [&] {
          std::size_t n = rowspan * colspan;
          for (std::size_t dr = 0; dr < rowspan; ++dr)
            n +=
                grid[r + dr].size() < column + colspan ? column + colspan - grid[r + dr].size() : 0;
          return n;
        };
        if (slots_ + rowspan * colspan > kMaxGridSlots || slots_ + cost() > kMaxGridSlots)
          rowspan = colspan = 1;
        slots_ += cost();
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
      const bool any = append_grid_row(
          grid[r], texts, [](std::size_t) { return std::string(); }, line);
      if (!any) continue;
      std::string joined = line.text();
      line.width = static_cast<double>(joined.size());
      add(std::move(line));
    }
  }

  // The rows of a table: its own, and those of its row groups (which do not nest).
  static void collect_rows(const GumboNode* table, std::vector<const GumboNode*>& rows) {
    const GumboVector& children = table->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* c = child(children, i);
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = c->v.element.tag;
      if (tag == GUMBO_TAG_TR) {
        rows.push_back(c);
      } else if (tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT) {
        const GumboVector& group = c->v.element.children;
        for (unsigned k = 0; k < group.length; ++k) {
          const GumboNode* r = child(group, k);
          if (r->type == GUMBO_NODE_ELEMENT && r->v.element.tag == GUMBO_TAG_TR) rows.push_back(r);
        }
      }
    }
  }

  std::unordered_set<const GumboNode*> nested_;  // tables that hold tables: walked, not gridded
  std::size_t slots_ = 0;                        // grid slots of all tables so far
  std::size_t order_ = 0;
  std::vector<const GumboNode*> stack_;
  std::string text_;
  Where where_;
  bool have_where_ = false;
  bool heading_ = false;
};

// The lines of the report: those inside the innermost element that holds the section headings.
void find_content(Document& doc, const Walker& walker) {
  doc.content_begin = 0;
  doc.content_end = doc.lines.size();
  const Edition& edition = *editions().front();
  std::vector<std::size_t> headings;
  for (std::size_t i = 0; i < doc.lines.size(); ++i)
    if (!doc.lines[i].cells && match_heading(doc.lines[i].text(), edition).section >= 0)
      headings.push_back(i);
  if (headings.size() < 3) return;
  auto inside = [&](const GumboNode* node, const GumboNode* root) {
    if (node == nullptr) return false;
    const auto& n = walker.extents.at(node);
    const auto& r = walker.extents.at(root);
    return r.begin <= n.begin && n.begin <= r.end;
  };
  // The innermost element that holds every heading line: it only ever moves outwards.
  const GumboNode* root = walker.owners[headings.front()];
  for (std::size_t h : headings) {
    while (root != nullptr && !inside(walker.owners[h], root)) {
      root = root->parent;
      if (root != nullptr && root->type == GUMBO_NODE_DOCUMENT) root = nullptr;
    }
  }
  if (root == nullptr) return;
  std::size_t begin = headings.front();
  while (begin > 0 && inside(walker.owners[begin - 1], root)) --begin;
  std::size_t end = headings.back();
  while (end < doc.lines.size() && inside(walker.owners[end], root)) ++end;
  doc.content_begin = begin;
  doc.content_end = end;
}

}  // namespace

Document read_html(std::string_view utf8, std::string_view charset,
                   std::optional<Unreadable>& failure) {
  if (const std::optional<Excess> e = excess(utf8)) {
    const Position p = position_in(utf8, e->offset);
    failure =
        e->depth
            ? Unreadable{Message{fmt::format("HTML 元素嵌套超过 {} 层，不是年度报告页面，未解析",
                                             kMaxNesting),
                                 fmt::format("HTML elements nest more than {} levels deep: not a "
                                             "report page; not parsed",
                                             kMaxNesting)},
                         {p.line, p.column, 0}}
            : Unreadable{Message{fmt::format("HTML 页面的元素超过 {} 个，不是年度报告页面，未解析",
                                             kMaxElements),
                                 fmt::format("the HTML page has more than {} elements: not a "
                                             "report page; not parsed",
                                             kMaxElements)},
                         {p.line, p.column, 0}};
    return {};
  }
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  Walker walker;
  walker.walk(output->document);
  Document doc = std::move(walker.doc);
  find_content(doc, walker);
  doc.flow = Flow::Blocks;
  doc.description = fmt::format("HTML ({})", charset);
  return doc;
}

}  // namespace govreport::importer
