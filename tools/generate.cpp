// govreport-generate: writes N synthetic reports of both editions, deterministic for a seed, for
// benchmarks and scale tests. Agencies get consecutive years whose carry-over, 现行有效 and
// 上一年项目数量 agree; a share of the files gets one cell of table 四 broken, and
// manifest.tsv lists each broken file with the pointer and line of the changed cell. With
// --narrative, every report carries the narrative of a real report instead of a few sentences, its
// numbers changed to agree with the generated tables: real-sized files for benchmarks.
//
//   govreport-generate --count 1000 --seed 1 --errors 0.01 --out DIR [--narrative data/2020.json]

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <random>

#include "govreport/check.hpp"
#include "govreport/load.hpp"
#include "govreport/render.hpp"
#include "govreport/template.hpp"

namespace {

using govreport::Cell;
using govreport::Report;

class Generator {
 public:
  explicit Generator(unsigned seed, const Report* narrative = nullptr)
      : rng_(seed), narrative_(narrative) {}

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  // Fills the report for `year`, continuing `previous` (the same agency's report for year − 1).
  // With a narrative source, draws again until its claims hold ("均无败诉" needs no 纠正).
  Report make(int year, const std::string& agency, const Report* previous) {
    for (int attempt = 0;; ++attempt) {
      Report r = draw(year, agency, previous);
      if (narrative_ == nullptr || (adopt_narrative(r) || attempt == 50)) return r;
    }
  }

 private:
  Report draw(int year, const std::string& agency, const Report* previous) {
    Report r = *govreport::make_template(
        year, agency,
        pick(0, 3) == 0 ? govreport::AgencyKind::Government : govreport::AgencyKind::Department);
    const govreport::Edition& e = *r.edition;
    auto set = [&](const std::string& pointer, std::int64_t v) { r.at(pointer) = Cell::number(v); };
    auto get = [](const Report& rep, const std::string& pointer) { return rep.at(pointer).value; };

    // 二
    for (const govreport::Table& t : e.tables) {
      if (t.json_key != "proactive") continue;
      for (const govreport::Row& row : t.rows) {
        const std::string base = "/proactive/" + row.path + "/";
        for (const govreport::Column& c : t.columns) set(base + std::string(c.key), pick(0, 40));
        if (t.column_index("in_force") >= 0) {
          const std::int64_t before =
              previous && previous->edition == &e ? get(*previous, base + "in_force") : pick(0, 60);
          const std::int64_t issued = pick(0, 10),
                             repealed =
                                 pick(0, static_cast<int>(std::min<std::int64_t>(before, 5)));
          set(base + "issued", issued);
          set(base + "repealed", repealed);
          set(base + "in_force", before + issued - repealed);
        }
        if (t.column_index("previous") >= 0) {
          const std::int64_t before =
              previous && previous->edition == &e
                  ? get(*previous, base + "previous") + get(*previous, base + "change")
                  : pick(0, 30);
          set(base + "previous", before);
          set(base + "change", pick(-static_cast<int>(std::min<std::int64_t>(before, 3)), 3));
        }
        if (t.column_index("amount") >= 0)
          set(base + "amount",
              pick(0, 9'999'999) * (govreport::kAmountScale / 10'000));  // to 0.0001 万元
      }
    }
    // 三: result rows and 四 first, then 一 so that 一 + 二 = 三（七） + 四 in every column.
    const govreport::Table& apps = *e.table("applications");
    const int total_col = apps.column_index("total");
    std::vector<std::int64_t> results(apps.columns.size(), 0);
    for (std::size_t ri = 0; ri < apps.rows.size(); ++ri) {
      const govreport::Row& row = apps.rows[ri];
      if (row.role != govreport::RowRole::Data || row.depth == 0) continue;
      for (std::size_t c = 0; c < apps.columns.size(); ++c) {
        if (static_cast<int>(c) == total_col) continue;
        const std::int64_t v = c == 0 ? pick(0, 30) : pick(0, 4) == 0 ? pick(0, 3) : 0;
        r.cells[static_cast<std::size_t>(apps.cell(static_cast<int>(ri), static_cast<int>(c)))] =
            Cell::number(v);
        results[c] += v;
      }
    }
    for (std::size_t c = 0; c < apps.columns.size(); ++c) {
      if (static_cast<int>(c) == total_col) continue;
      const std::string key(apps.columns[c].key);
      const std::int64_t carried_over =
          previous ? get(*previous, "/applications/carried_forward/" + key) : pick(0, 3);
      const std::int64_t carried_forward = pick(0, 3);
      set("/applications/carried_over/" + key, carried_over);
      set("/applications/carried_forward/" + key, carried_forward);
      std::int64_t received = results[c] + carried_forward - carried_over;
      if (received < 0) {  // more carried over than handled: handle the rest as 予以公开
        set("/applications/results/granted/" + key,
            get(r, "/applications/results/granted/" + key) - received);
        received = 0;
      }
      set("/applications/received/" + key, received);
    }
    for (std::size_t i = 0; i < r.cells.size(); ++i)
      if (e.cells[i].optional) r.cells[i].computed = true;
    for (const char* block : {"review", "litigation_direct", "litigation_after_review"}) {
      for (const char* col : {"upheld", "corrected", "other", "pending"})
        set(fmt::format("/reviews/{}/{}", block, col), pick(0, 2) == 0 ? pick(0, 5) : 0);
      r.at(fmt::format("/reviews/{}/total", block)).computed = true;
    }
    govreport::fill_totals(r);
    for (Cell& c : r.cells) c.computed = false;

    r.part("preamble").paragraphs = {
        fmt::format("根据《中华人民共和国政府信息公开条例》规定，编制本报告。本报告数据统计期限为{}"
                    "年1月1日至{}年12月31日。",
                    year, year)};
    r.part("overview").paragraphs = {
        fmt::format("{}年，{}认真贯彻落实政府信息公开条例，全面推进政务公开。", year, agency)};
    r.part("overview").subsections = {
        {"主动公开政府信息情况", {"通过政府网站主动公开各类政府信息。"}},
        {"依申请公开情况",
         {fmt::format("全年共收到政府信息公开申请{}件，均在法定期限内答复。",
                      get(r, "/applications/received/total"))}}};
    r.part("problems").paragraphs = {"政府信息公开工作还存在一些不足，下一步将持续改进。"};
    r.part("other_matters").paragraphs = {"本年度未收取信息处理费。"};
    r.published = fmt::format("{}-01-{:02}", year + 1, pick(10, 28));
    return r;
  }

  // Gives `r` the source's narrative, each number that a narrative-number finding names (N件,
  // N起 after its keyword) changed to the table's value; false if findings remain.
  bool adopt_narrative(Report& r) const {
    r.narrative = narrative_->narrative;
    for (int round = 0; round < 4; ++round) {
      bool clean = true;
      for (const govreport::Diagnostic& d : govreport::check_report(r, "")) {
        if (d.rule != "narrative-number") continue;
        clean = false;
        std::string* text = paragraph(r, d.pointer);
        if (text == nullptr || !replace_count(*text, d.actual, d.expected)) return false;
      }
      if (clean) return true;
    }
    return false;
  }

  // Returns the paragraph at `pointer` ("/overview/subsections/1/paragraphs/0").
  static std::string* paragraph(Report& r, const std::string& pointer) {
    for (std::size_t k = 0; k < r.narrative.size(); ++k) {
      const std::string part = "/" + std::string(r.edition->narrative[k].key);
      govreport::Narrative& text = r.narrative[k];
      auto at = [&](std::vector<std::string>& paragraphs, const std::string& base) -> std::string* {
        for (std::size_t i = 0; i < paragraphs.size(); ++i)
          if (pointer == fmt::format("{}/{}", base, i)) return &paragraphs[i];
        return nullptr;
      };
      if (std::string* p = at(text.paragraphs, part)) return p;
      if (std::string* p = at(text.paragraphs, part + "/paragraphs")) return p;
      for (std::size_t s = 0; s < text.subsections.size(); ++s)
        if (std::string* p = at(text.subsections[s].paragraphs,
                                fmt::format("{}/subsections/{}/paragraphs", part, s)))
          return p;
    }
    return nullptr;
  }

  // Replaces the first number `from` followed by 件 or 起 in `text` with `to`.
  static bool replace_count(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1)) {
      const std::size_t end = at + from.size();
      const bool digit_before = at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9';
      const std::string_view rest = std::string_view(text).substr(end);
      if (digit_before || !(rest.starts_with("件") || rest.starts_with("起"))) continue;
      text.replace(at, from.size(), to);
      return true;
    }
    return false;
  }

  std::mt19937 rng_;
  const Report* narrative_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Writes synthetic govreport data files for benchmarks and scale tests",
               "govreport-generate");
  int count = 1000;
  unsigned seed = 1;
  double errors = 0.01;
  std::string out, narrative;
  app.add_option("--count", count, "Number of files")->check(CLI::Range(1, 10'000'000));
  app.add_option("--seed", seed, "Seed of the pseudo-random values");
  app.add_option("--errors", errors, "Share of files with one broken cell")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--out", out, "Directory to write into (created)")->required();
  app.add_option("--narrative", narrative,
                 "A data file whose narrative every report carries, its numbers made to agree")
      ->check(CLI::ExistingFile);
  CLI11_PARSE(app, argc, argv);

  namespace fs = std::filesystem;
  std::optional<Report> source;
  if (!narrative.empty()) {
    std::ifstream in(narrative, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    source = govreport::load_report(text, narrative).report;
    if (!source) {
      fmt::print(stderr, "{}: not a data file\n", narrative);
      return 2;
    }
  }
  fs::create_directories(out);
  Generator gen(seed, source ? &*source : nullptr);
  std::mt19937 error_rng(seed + 1);
  std::ofstream manifest(fs::path(out) / "manifest.tsv");
  const int years_per_agency = 4;  // 2019–2022: both editions and the change between them
  int broken = 0;
  for (int i = 0; i < count;) {
    const std::string agency = fmt::format("测试县第{}局", i / years_per_agency + 1);
    std::optional<Report> previous;
    for (int y = 0; y < years_per_agency && i < count; ++y, ++i) {
      Report r = gen.make(2019 + y, agency, previous ? &*previous : nullptr);
      previous = r;
      const std::string name = fmt::format("r{:06}-{}.json", i, r.year);
      std::string json = govreport::write_data_file(r);
      const bool corrupt = std::uniform_real_distribution<double>(0, 1)(error_rng) < errors;
      if (corrupt) {
        // One cell of table 四 is raised by one: its block no longer adds up (review-total), and
        // no other rule reads it, so the one finding is exactly at the broken cell.
        static constexpr const char* kBlocks[] = {"review", "litigation_direct",
                                                  "litigation_after_review"};
        static constexpr const char* kColumns[] = {"upheld", "corrected", "other", "pending"};
        const std::string pointer =
            fmt::format("/reviews/{}/{}", kBlocks[gen.pick(0, 2)], kColumns[gen.pick(0, 3)]);
        Report changed = r;
        changed.at(pointer).value += 1;
        json = govreport::write_data_file(changed);
        const auto loaded = govreport::load_report(json, name);
        manifest << name << '\t' << pointer << '\t'
                 << loaded.report->source.position_of(pointer).line << '\n';
        ++broken;
      }
      std::ofstream(fs::path(out) / name, std::ios::binary) << json;
    }
  }
  fmt::print(stderr, "wrote {} files to {} ({} with a broken cell, listed in manifest.tsv)\n",
             count, out, broken);
  return 0;
}
