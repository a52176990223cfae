// PDF through poppler: the text boxes of each page are put into lines by their positions, and
// a table row takes in the wrapped lines of its label, so that its numbers follow the label.

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <tuple>

#include "import/document.hpp"
#include "import/normalize.hpp"

namespace govreport::importer {
namespace {

struct Box {
  std::string text;
  double x0, y0, x1, y1;
  bool space_after = false;
  bool value = false;
  double height() const { return y1 - y0; }
  double centre() const { return (y0 + y1) / 2; }
};

struct PhysicalLine {
  std::vector<Box> boxes;  // sorted by x
  double y0 = 0, y1 = 0;
  bool vertical = false;  // a label printed top to bottom
  bool has_value() const {
    return std::any_of(boxes.begin(), boxes.end(), [](const Box& b) { return b.value; });
  }
  double height() const { return y1 - y0; }
};

std::string utf8_of(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Joins the boxes of one vertical label ("三" "、本" "年" …) into one box.
std::vector<Box> join_vertical(std::vector<Box> boxes) {
  std::sort(boxes.begin(), boxes.end(),
            [](const Box& a, const Box& b) { return std::tie(a.x0, a.y0) < std::tie(b.x0, b.y0); });
  std::vector<Box> out;
  for (const Box& b : boxes) {
    if (!out.empty()) {
      Box& last = out.back();
      const double w = std::max(last.x1 - last.x0, b.x1 - b.x0);
      if (std::abs(last.x0 - b.x0) < w / 2 && b.y0 - last.y1 < w * 1.5) {
        last.text += b.text;
        last.y1 = std::max(last.y1, b.y1);
        last.x1 = std::max(last.x1, b.x1);
        continue;
      }
    }
    out.push_back(b);
  }
  return out;
}

std::vector<PhysicalLine> physical_lines(std::vector<Box> boxes) {
  std::sort(boxes.begin(), boxes.end(),
            [](const Box& a, const Box& b) { return a.centre() < b.centre(); });
  std::vector<PhysicalLine> lines;
  for (Box& b : boxes) {
    if (!lines.empty()) {
      PhysicalLine& l = lines.back();
      const double centre = (l.y0 + l.y1) / 2;
      const double tolerance = 0.4 * std::min(b.height(), l.height());
      if (std::abs(b.centre() - centre) <= tolerance) {
        l.y0 = std::min(l.y0, b.y0);
        l.y1 = std::max(l.y1, b.y1);
        l.boxes.push_back(std::move(b));
        continue;
      }
    }
    PhysicalLine l;
    l.y0 = b.y0;
    l.y1 = b.y1;
    l.boxes.push_back(std::move(b));
    lines.push_back(std::move(l));
  }
  for (PhysicalLine& l : lines)
    std::sort(l.boxes.begin(), l.boxes.end(),
              [](const Box& a, const Box& b) { return a.x0 < b.x0; });
  return lines;
}

// A group label printed upright in a tall narrow cell, one to three characters a line, beside
// the rows it groups ("（四" "）无" "法提" "供"): its characters fall on the lines of the row
// labels and between them. A stack is three or more short boxes, each a piece of its own, one
// below the other in one column, left of the text of two lines or more of a table. Its boxes
// are taken out of `boxes` and returned joined, top to bottom, one box per stack.
std::vector<Box> take_stacked_labels(std::vector<Box>& boxes,
                                     const std::vector<PhysicalLine>& lines) {
  struct Short {
    const Box* box;
  };
  std::vector<Short> shorts;
  for (const PhysicalLine& line : lines) {
    const std::vector<Box>& on = line.boxes;
    for (std::size_t k = 0; k < on.size(); ++k) {
      const Box& b = on[k];
      const std::size_t n = decode_utf8(tidy(b.text)).size();
      if (b.value || n == 0 || n > 3 || b.x1 - b.x0 > 3.2 * b.height()) continue;
      // Touching the next box, it is part of a word ("1." before its label).
      if (k + 1 < on.size() && on[k + 1].x0 - b.x1 < 0.3 * b.height()) continue;
      shorts.push_back({&b});
    }
  }
  std::sort(shorts.begin(), shorts.end(),
            [](const Short& a, const Short& b) { return a.box->y0 < b.box->y0; });
  std::vector<std::vector<Short>> stacks;
  for (const Short& s : shorts) {
    const Box& b = *s.box;
    std::vector<Short>* into = nullptr;
    for (std::vector<Short>& stack : stacks) {
      const Box& last = *stack.back().box;
      const double h = std::min(last.height(), b.height());
      const double shared = std::min(last.x1, b.x1) - std::max(last.x0, b.x0);
      const double gap = b.y0 - last.y1;
      if (shared >= 0.5 * std::min(last.x1 - last.x0, b.x1 - b.x0) && gap > -0.2 * h &&
          gap < 0.8 * h)
        into = &stack;
    }
    if (into != nullptr)
      into->push_back(s);
    else
      stacks.push_back({s});
  }
  std::vector<const Box*> taken;
  std::vector<Box> out;
  for (const std::vector<Short>& stack : stacks) {
    if (stack.size() < 3) continue;
    Box joined = *stack.front().box;
    joined.text.clear();
    for (const Short& s : stack) {
      joined.text += tidy(s.box->text);
      joined.x0 = std::min(joined.x0, s.box->x0);
      joined.x1 = std::max(joined.x1, s.box->x1);
      joined.y1 = std::max(joined.y1, s.box->y1);
    }
    // Beside the rows of a table: left of the text of two lines or more, one of them with
    // values, and crossed by no text.
    int beside = 0;
    bool values = false, across = false;
    for (const PhysicalLine& l : lines) {
      if (std::min(l.y1, joined.y1) <= std::max(l.y0, joined.y0)) continue;
      bool right_of = false;
      for (const Box& b : l.boxes) {
        if (b.value) continue;
        if (b.x0 >= joined.x1 - 0.5)
          right_of = true;
        else if (b.x1 > joined.x0 + 0.5 &&
                 std::none_of(stack.begin(), stack.end(),
                              [&](const Short& s) { return s.box == &b; }))
          across = true;
      }
      beside += right_of ? 1 : 0;
      values = values || (right_of && l.has_value());
    }
    if (across || beside < 2 || !values) continue;
    for (const Short& s : stack) taken.push_back(s.box);
    joined.space_after = true;
    out.push_back(std::move(joined));
  }
  if (taken.empty()) return out;
  std::vector<Box> kept;
  for (const PhysicalLine& l : lines)
    for (const Box& b : l.boxes)
      if (std::find(taken.begin(), taken.end(), &b) == taken.end()) kept.push_back(b);
  boxes = std::move(kept);
  return out;
}

double overlap(const PhysicalLine& a, const PhysicalLine& b) {
  const double o = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  const double h = std::min(a.height(), b.height());
  return h <= 0 ? 0 : o / h;
}

// A row of a table: values, all of them to the right of its text. In running text, numbers
// stand between words.
bool is_table_row(const PhysicalLine& line) {
  if (line.vertical) return false;
  double first_value = 1e9, last_text = -1e9;
  for (const Box& b : line.boxes) {
    if (b.value)
      first_value = std::min(first_value, b.x0);
    else
      last_text = std::max(last_text, b.x0);
  }
  return first_value < 1e9 && last_text < first_value;
}

// Pieces of a line: boxes that touch without a space become one piece.
std::vector<Piece> pieces_of(const std::vector<const Box*>& boxes) {
  std::vector<Piece> out;
  const Box* previous = nullptr;
  for (const Box* b : boxes) {
    if (previous != nullptr && !out.empty() && !previous->space_after && !b->value &&
        !previous->value && b->x0 - previous->x1 < 0.3 * b->height() && b->x0 >= previous->x0) {
      out.back().text += b->text;
      out.back().x1 = b->x1;
    } else {
      out.push_back({b->text, b->x0, b->x1});
    }
    previous = b;
  }
  return out;
}

// The text boxes of the lines `members` in the order of the cells they fill: the runs of text on
// each line are stacked into columns where they overlap, columns are read left to right and each
// from top to bottom. A label wrapped in its cell beside a taller group label reads whole.
std::vector<const Box*> cell_order(const std::vector<PhysicalLine>& lines,
                                   std::vector<std::size_t> members) {
  std::sort(members.begin(), members.end(),
            [&](std::size_t a, std::size_t b) { return lines[a].y0 < lines[b].y0; });
  struct Run {
    std::vector<const Box*> boxes;
    double x0, x1;
    int column = -1;
  };
  std::vector<Run> runs;
  // A box that starts where text on another line starts begins a new cell.
  auto aligned = [&](const Box& b, std::size_t own) {
    for (std::size_t m : members) {
      if (m == own) continue;
      for (const Box& o : lines[m].boxes)
        if (!o.value && std::abs(o.x0 - b.x0) < 1.0) return true;
    }
    return false;
  };
  for (std::size_t m : members) {
    const Box* last = nullptr;
    for (const Box& b : lines[m].boxes) {
      if (b.value) continue;
      if (last != nullptr && b.x0 - last->x1 < b.height() && !aligned(b, m)) {
        runs.back().boxes.push_back(&b);
        runs.back().x1 = std::max(runs.back().x1, b.x1);
      } else {
        runs.push_back({{&b}, b.x0, b.x1});
      }
      last = &b;
    }
  }
  // Runs that overlap horizontally share a column.
  std::vector<std::pair<double, double>> columns;
  for (Run& r : runs) {
    for (std::size_t c = 0; c < columns.size() && r.column < 0; ++c)
      if (std::min(r.x1, columns[c].second) > std::max(r.x0, columns[c].first))
        r.column = static_cast<int>(c);
    if (r.column < 0) {
      r.column = static_cast<int>(columns.size());
      columns.emplace_back(r.x0, r.x1);
    } else {
      auto& col = columns[static_cast<std::size_t>(r.column)];
      col = {std::min(col.first, r.x0), std::max(col.second, r.x1)};
    }
  }
  std::stable_sort(runs.begin(), runs.end(), [&](const Run& a, const Run& b) {
    return columns[static_cast<std::size_t>(a.column)].first <
           columns[static_cast<std::size_t>(b.column)].first;
  });
  std::vector<const Box*> out;
  for (const Run& r : runs) out.insert(out.end(), r.boxes.begin(), r.boxes.end());
  return out;
}

// The advance of one Chinese character on the line: box heights are line heights in some PDFs.
double em_of(const PhysicalLine& line) {
  double em = line.boxes.front().height();
  for (const Box& b : line.boxes) {
    const std::size_t n = decode_utf8(b.text).size();
    if (n >= 4 && !b.value) em = std::min(em, (b.x1 - b.x0) / static_cast<double>(n));
  }
  return em;
}

// Poppler's complaints are not shown, but one is kept: a standard CJK font (STSong-Light with
// UniGB-UCS2-H …) that is not embedded is mapped to text by the CMaps of the Debian package
// poppler-data; without them its text is lost. Poppler says "Missing language pack for
// 'Adobe-GB1' mapping". Per thread, as poppler calls back on the thread that reads.
thread_local std::string missing_language_pack;

void note_error(const std::string& message, void*) {
  constexpr std::string_view kMissing = "Missing language pack for '";
  const std::size_t at = message.find(kMissing);
  if (at == std::string::npos || !missing_language_pack.empty()) return;
  const std::size_t from = at + kMissing.size();
  missing_language_pack = message.substr(from, message.find('\'', from) - from);
}

}  // namespace

Document read_pdf(std::string_view bytes, std::optional<Unreadable>& failure) {
  poppler::set_debug_error_function(&note_error, nullptr);
  missing_language_pack.clear();
  Document doc;
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    failure = Message{"PDF 文件过大", "the PDF is too large"};
    return doc;
  }
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    failure = Message{"不是可以读取的 PDF 文件（损坏或格式不对）",
                      "not a readable PDF (damaged or not a PDF)"};
    return doc;
  }
  if (pdf->is_locked()) {
    failure = Message{"PDF 已加密，无法读取", "the PDF is encrypted"};
    return doc;
  }
  const int pages = pdf->pages();
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(pdf->create_page(p));
    if (!page) continue;
    std::vector<Box> flat, upright;
    for (poppler::text_box& tb : page->text_list()) {
      const poppler::rectf r = tb.bbox();
      Box b{utf8_of(tb.text()),  r.x(), r.y(), r.x() + r.width(), r.y() + r.height(),
            tb.has_space_after()};
      if (tidy(b.text).empty()) continue;
      b.value = looks_like_value(b.text);
      (tb.rotation() == 1 || tb.rotation() == 3 ? upright : flat).push_back(std::move(b));
    }
    std::vector<PhysicalLine> lines = physical_lines(flat);
    std::vector<Box> stacked = take_stacked_labels(flat, lines);
    if (!stacked.empty()) lines = physical_lines(std::move(flat));
    std::vector<Box> vertical = join_vertical(std::move(upright));
    vertical.insert(vertical.end(), std::make_move_iterator(stacked.begin()),
                    std::make_move_iterator(stacked.end()));
    for (Box& b : vertical) {
      PhysicalLine l;
      l.y0 = b.y0;
      l.y1 = b.y1;
      l.vertical = true;
      l.boxes.push_back(std::move(b));
      lines.push_back(std::move(l));
    }
    std::sort(lines.begin(), lines.end(),
              [](const PhysicalLine& a, const PhysicalLine& b) { return a.y0 < b.y0; });

    // A table row takes in the lines of text that overlap it: a label wrapped around its
    // numbers. Each text line goes to the row it overlaps most.
    std::vector<int> owner(lines.size(), -1);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].vertical || lines[i].has_value()) continue;
      double best = 0.3;
      for (std::size_t j = 0; j < lines.size(); ++j) {
        if (j == i || !is_table_row(lines[j])) continue;
        const double o = overlap(lines[i], lines[j]);
        if (o >= best) {
          best = o;
          owner[i] = static_cast<int>(j);
        }
      }
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (owner[i] >= 0) continue;
      std::vector<std::size_t> members = {i};
      for (std::size_t j = 0; j < lines.size(); ++j)
        if (owner[j] == static_cast<int>(i)) members.push_back(j);
      std::vector<const Box*> boxes;
      if (members.size() > 1) {
        // Text first, cell by cell as a reader takes a table row, then the values left to right.
        boxes = cell_order(lines, members);
        for (const Box& b : lines[i].boxes)
          if (b.value) boxes.push_back(&b);
      } else {
        for (const Box& b : lines[i].boxes) boxes.push_back(&b);
      }
      Line line;
      line.pieces = pieces_of(boxes);
      if (line.pieces.empty() || is_page_number(line.text())) continue;
      line.positioned = true;
      line.exact = true;
      line.where = {0, 0, p + 1};
      double left = lines[i].boxes.front().x0, right = lines[i].boxes.back().x1;
      for (const Box& b : lines[i].boxes) {
        left = std::min(left, b.x0);
        right = std::max(right, b.x1);
      }
      line.indent = left;
      line.width = right - left;
      line.em = em_of(lines[i]);
      doc.lines.push_back(std::move(line));
    }
  }
  if (!missing_language_pack.empty()) {
    // Whatever else was read, the text in that font is missing: nothing is guessed.
    failure = Message{
        "PDF 使用未嵌入的标准中文字体（字符集 " + missing_language_pack +
            "），无法映射为文字：需要 Debian 软件包 poppler-data（sudo apt-get install "
            "poppler-data）",
        "the PDF uses a standard CJK font that is not embedded (character collection " +
            missing_language_pack +
            ") and cannot be mapped to text: it needs the Debian package poppler-data (sudo "
            "apt-get install poppler-data)"};
    return Document{};
  }
  if (doc.lines.empty()) {
    failure = Message{"PDF 中没有文字（可能是扫描件，需要先做文字识别）",
                      "the PDF has no text (probably a scan; it needs OCR first)"};
    return doc;
  }
  doc.content_end = doc.lines.size();
  doc.flow = Flow::Wrapped;
  doc.description = "PDF, " + std::to_string(pages) + (pages == 1 ? " page" : " pages");
  return doc;
}

}  // namespace govreport::importer
