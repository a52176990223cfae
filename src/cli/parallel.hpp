#pragma once
// Runs work on many files on all cores and hands the results back in input order.

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/io.hpp"

namespace govreport::cli {

/// Returns the number of workers for `jobs` (0: the number of cores) and `tasks` tasks.
inline unsigned worker_count(unsigned jobs, std::size_t tasks) {
  const unsigned wanted = jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(wanted, tasks)));
}

/// Calls `work(i)` for i in [0, n) on `jobs` threads and `consume(i, result)` on the calling
/// thread in order 0, 1, 2, …. Workers run at most a few tasks ahead of the consumer, so memory
/// stays flat however many tasks there are. One job runs on the calling thread: a thread of its
/// own (and the memory arena it would get) costs more than checking a small file. `work` must not
/// throw.
template <class Result>
void for_each_ordered(std::size_t n, unsigned jobs, const std::function<Result(std::size_t)>& work,
                      const std::function<void(std::size_t, Result&&)>& consume) {
  if (jobs <= 1) {
    for (std::size_t i = 0; i < n; ++i) consume(i, work(i));
    return;
  }
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::optional<Result>> ready;  // results for tasks base, base + 1, …
  std::size_t base = 0, next = 0;
  bool stop = false;
  const std::size_t window = std::max<std::size_t>(std::size_t{4} * jobs, 8);
  auto worker = [&] {
    while (true) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next >= n || next < base + window; });
        if (stop || next >= n) return;
        i = next++;
      }
      Result r = work(i);
      std::lock_guard lock(mutex);
      if (ready.size() <= i - base) ready.resize(i - base + 1);
      ready[i - base] = std::move(r);
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  auto finish = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    for (std::thread& t : threads) t.join();
  };
  try {
    for (std::size_t i = 0; i < n; ++i) {
      Result r;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return !ready.empty() && ready.front().has_value(); });
        r = std::move(*ready.front());
        ready.pop_front();
        ++base;
      }
      changed.notify_all();
      consume(i, std::move(r));
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

// Shows "checked 120/5000" on a terminal, at most ten times a second, for runs that take a while.
class Progress {
 public:
  Progress(std::size_t total, std::string verb, const Context& ctx)
      : total_(total),
        verb_(std::move(verb)),
        enabled_(!ctx.quiet && isatty(STDERR_FILENO) && total > 1),
        start_(std::chrono::steady_clock::now()) {}
  void update(std::size_t done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(100))
      return;
    last_ = now;
    shown_ = true;
    fmt::print(stderr, "\r{} {}/{}", verb_, done, total_);
  }
  void clear() {
    if (shown_) fmt::print(stderr, "\r\033[K");
    shown_ = false;
  }

 private:
  std::size_t total_;
  std::string verb_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace govreport::cli
