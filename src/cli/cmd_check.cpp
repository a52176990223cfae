// govreport check [PATH...]: every consistency rule, every finding at its line and column, over
// any number of files on all cores, in a stable order.

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "cli/commands.hpp"
#include "govreport/findings_format.hpp"
#include "govreport/years.hpp"

namespace govreport::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  bool strict = false;
  unsigned jobs = 0;
};

struct FileResult {
  std::vector<Diagnostic> diagnostics;
  std::optional<YearFacts> facts;
  std::string failure;  // why the file could not be read
};

// Checks files on worker threads and hands the results back in input order. Workers run at most
// `window` files ahead of the consumer, so memory stays flat however many files there are.
class Pipeline {
 public:
  Pipeline(const std::vector<std::string>& files, unsigned jobs, const Context& ctx)
      : files_(files), ctx_(ctx), window_(std::max<std::size_t>(4 * jobs, 8)) {
    for (unsigned i = 0; i < jobs; ++i) workers_.emplace_back([this] { work(); });
  }
  ~Pipeline() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  // Returns the result for file `i`, waiting for it; call with i = 0, 1, 2, … in order.
  FileResult take(std::size_t i) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return i - base_ < ready_.size() && ready_[i - base_]; });
    FileResult r = std::move(*ready_.front());
    ready_.pop_front();
    ++base_;
    changed_.notify_all();
    return r;
  }

 private:
  void work() {
    while (true) {
      std::size_t i;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || next_ >= files_.size() || next_ < base_ + window_; });
        if (stop_ || next_ >= files_.size()) return;
        i = next_++;
      }
      FileResult r = check_one(files_[i]);
      std::lock_guard lock(mutex_);
      if (ready_.size() <= i - base_) ready_.resize(i - base_ + 1);
      ready_[i - base_] = std::move(r);
      changed_.notify_all();
    }
  }

  FileResult check_one(const std::string& file) const {
    FileResult r;
    try {
      Analysis a = analyze(file, ctx_);
      r.diagnostics = std::move(a.diagnostics);
      if (a.report) r.facts = year_facts(*a.report, file == "-" ? "<stdin>" : file);
    } catch (const Failure& e) {
      r.failure = e.what();
    }
    return r;
  }

  const std::vector<std::string>& files_;
  const Context& ctx_;
  const std::size_t window_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::optional<FileResult>> ready_;  // results for files base_, base_ + 1, …
  std::size_t base_ = 0, next_ = 0;
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

// Shows "checked 120/5000" on a terminal, at most ten times a second, for runs that take a while.
class Progress {
 public:
  Progress(std::size_t total, const Context& ctx)
      : total_(total), ctx_(ctx), enabled_(!ctx.quiet && isatty(STDERR_FILENO) && total > 1),
        start_(std::chrono::steady_clock::now()) {}
  void update(std::size_t done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    shown_ = true;
    fmt::print(stderr, "\r{} {}/{}", ctx_.tr("已检查", "checked"), done, total_);
  }
  void clear() {
    if (shown_) fmt::print(stderr, "\r\033[K");
    shown_ = false;
  }

 private:
  std::size_t total_;
  const Context& ctx_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

int run_check(const CheckOptions& opts, const Context& ctx) {
  const std::vector<std::string> files =
      expand_paths(opts.paths.empty() ? std::vector<std::string>{"data"} : opts.paths, ctx);
  const unsigned jobs = std::max(1u, std::min<unsigned>(opts.jobs ? opts.jobs : std::thread::hardware_concurrency(),
                                                        static_cast<unsigned>(std::max<std::size_t>(files.size(), 1))));
  auto writer = findings_format(opts.format)->make({ctx.lang, opts.strict});
  CheckSummary summary{files.size(), 0, 0};
  std::size_t unreadable = 0;
  std::vector<YearFacts> facts;
  auto emit = [&](std::string_view name, const std::vector<Diagnostic>& found) {
    summary.errors += count(found, Severity::Error);
    summary.warnings += count(found, Severity::Warning);
    fmt::print("{}", writer->file(name, found));
  };

  fmt::print("{}", writer->begin());
  {
    Pipeline pipeline(files, jobs, ctx);
    Progress progress(files.size(), ctx);
    for (std::size_t i = 0; i < files.size(); ++i) {
      FileResult r = pipeline.take(i);
      progress.update(i + 1);
      if (!r.failure.empty()) {
        progress.clear();
        fmt::print(stderr, "govreport: {}\n", r.failure);
        ++unreadable;
        continue;
      }
      if (!r.diagnostics.empty()) progress.clear();
      emit(files[i] == "-" ? "<stdin>" : files[i], r.diagnostics);
      if (r.facts) facts.push_back(std::move(*r.facts));
    }
    progress.clear();
  }
  // Consecutive years of one agency: findings point into the later file, after the per-file ones.
  std::vector<Diagnostic> across = check_years(facts);
  for (std::size_t i = 0; i < across.size();) {
    std::size_t j = i;
    std::vector<Diagnostic> group;
    while (j < across.size() && across[j].file == across[i].file) group.push_back(std::move(across[j++]));
    emit(group.front().file, group);
    i = j;
  }
  fmt::print("{}", writer->end(summary));
  std::fflush(stdout);
  if (!ctx.quiet) {
    fmt::print(stderr, "{}\n",
               ctx.tr(fmt::format("检查了 {} 个文件：{} 个错误，{} 个警告", files.size(), summary.errors, summary.warnings),
                      fmt::format("checked {} file{}: {} error{}, {} warning{}", files.size(),
                                  files.size() == 1 ? "" : "s", summary.errors, summary.errors == 1 ? "" : "s",
                                  summary.warnings, summary.warnings == 1 ? "" : "s")));
  }
  if (unreadable > 0) return 2;
  return summary.errors > 0 || (opts.strict && summary.warnings > 0) ? 1 : 0;
}

}  // namespace

void setup_check(CLI::App& sub, Context& ctx, int& exit_code) {
  auto opts = std::make_shared<CheckOptions>();
  std::vector<std::string> names;
  std::string formats_help;
  for (const FindingsFormat& f : findings_formats()) {
    names.emplace_back(f.name);
    formats_help += fmt::format("\n  {:<8} {}", f.name, f.description);
  }
  sub.add_option("PATH", opts->paths,
                 "Data files or directories (searched recursively for *.json); '-' reads standard "
                 "input. Default: data/");
  sub.add_option("--format", opts->format, "How findings are printed: text (default), json, sarif, github, junit")
      ->check(CLI::IsMember(names));
  sub.add_flag("--strict", opts->strict, "Exit 1 on warnings too");
  sub.add_option("-j,--jobs", opts->jobs, "Files checked at once (default: the number of cores)")
      ->check(CLI::Range(1u, 1024u));
  sub.footer(fmt::format(R"(
Formats:{}

Findings are printed by file, then position, whatever -j is. Reports of the same agency for
consecutive years are also checked against each other (carry-over, in-force, item-continuity);
those findings point at the later file and follow the per-file ones. A summary goes to stderr,
and progress too when stderr is a terminal and the run takes more than a second.

Examples:
  govreport check                          every *.json under data/
  govreport check data/2020.json --lang en
  govreport check reports/ --strict -j 8
  govreport check reports/ --format github annotations for a GitHub Actions job
  govreport check reports/ --format sarif > findings.sarif)",
                         formats_help));
  sub.callback([opts, &ctx, &exit_code] { exit_code = run_check(*opts, ctx); });
}

}  // namespace govreport::cli
