// durable_append_bench — durable appends through the full actor path.
//
// N writers each run a closed loop: submit a one-row M1 report through the
// client facade (coordinator -> marketing actor -> event-log actor -> group
// commit -> fsync), wait for the acknowledgement, submit the next. Each
// acknowledged submission is one durable event. Reports events/s and the
// p50/p99 acknowledgement latency for each N. The event store alone is
// measured in the same run (same closed loop, no actors) to show what each
// layer costs (`--layer` runs only one). `--history N` first writes about N
// events of realistic history (bench/history.hpp) through the actors — and N
// plain events into the store alone — and then measures every writer count on
// that store: an operation whose cost grows with history shows as a lower rate.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>
#include <vector>

#include "actors/runtime.hpp"
#include "bench/history.hpp"
#include "storage/rocksdb_store.hpp"

using namespace gridcoord;
using clk = std::chrono::steady_clock;

namespace {

struct recorder {
  std::mutex mutex;
  std::condition_variable done;
  std::vector<std::vector<double>> latencies_us;  // per writer
  std::atomic<bool> stop{false};
  int running = 0;
};

domain::row one_row() {
  using domain::cell;
  return {cell{cell::kind::text, "Bench Customer", 0}, cell{cell::kind::text, "F-1", 0}, cell{},
          cell{cell::kind::number, {}, 100}, cell{}, cell{cell::kind::text, "2027-01", 0},
          cell{cell::kind::number, {}, 50}};
}

// One writer's closed loop through the actor system.
void actor_loop(actors::client& api, recorder& rec, int writer) {
  actors::report_submission sub{domain::department::marketing, "large_customer_demand",
                                *domain::parse_month("2026-10"), {one_row()}, "bench", {}, {}};
  auto started = clk::now();
  api.submit_report(std::move(sub), [&api, &rec, writer, started](auto receipt) {
    if (!receipt) fmt::print(stderr, "error: {}\n", receipt.error().message);
    rec.latencies_us[writer].push_back(
        std::chrono::duration<double, std::micro>(clk::now() - started).count());
    if (!rec.stop) return actor_loop(api, rec, writer);
    std::lock_guard lock(rec.mutex);
    if (--rec.running == 0) rec.done.notify_all();
  });
}

// One writer's closed loop on the store alone.
void store_loop(storage::event_store& store, recorder& rec, int writer) {
  storage::append_request req;
  req.events.push_back({"bench/" + std::to_string(writer), "bench.event", {}, "bench",
                        R"({"customer":"Bench Customer","demand_kw":100})"});
  auto started = clk::now();
  store.append(std::move(req), [&store, &rec, writer, started](auto r) {
    if (!r) fmt::print(stderr, "error: {}\n", r.error().message);
    rec.latencies_us[writer].push_back(
        std::chrono::duration<double, std::micro>(clk::now() - started).count());
    if (!rec.stop) return store_loop(store, rec, writer);
    std::lock_guard lock(rec.mutex);
    if (--rec.running == 0) rec.done.notify_all();
  });
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

template <class Loop>
void measure(int writers, double seconds, Loop loop, std::pair<std::uint64_t, std::uint64_t> before,
             auto figures) {
  recorder rec;
  rec.latencies_us.resize(static_cast<std::size_t>(writers));
  rec.running = writers;
  auto t0 = clk::now();
  for (int w = 0; w < writers; ++w) loop(rec, w);
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  rec.stop = true;
  std::unique_lock lock(rec.mutex);
  rec.done.wait(lock, [&] { return rec.running == 0; });
  double elapsed = std::chrono::duration<double>(clk::now() - t0).count();
  std::vector<double> all;
  for (auto& l : rec.latencies_us) all.insert(all.end(), l.begin(), l.end());
  auto after = figures();
  double batches = static_cast<double>(after.first - before.first);
  fmt::print("| {:>7} | {:>9} | {:>10.0f} | {:>8.0f} | {:>8.0f} | {:>10.1f} |\n", writers, all.size(),
             static_cast<double>(all.size()) / elapsed, percentile(all, 0.50), percentile(all, 0.99),
             batches > 0 ? static_cast<double>(after.second - before.second) / batches : 0.0);
}

void print_head(const std::string& layer) {
  fmt::print("\n{}\n\n", layer == "store" ? "the event store alone" : "through the actors");
  fmt::print("| writers | events    | events/s   | p50 us   | p99 us   | events/fsync |\n");
  fmt::print("|--------:|----------:|-----------:|---------:|---------:|-------------:|\n");
}

// `history` plain events appended to the store in requests of 1,000.
void fill_store(storage::event_store& store, std::uint64_t history) {
  for (std::uint64_t done = 0; done < history;) {
    storage::append_request req;
    for (; done < history && req.events.size() < 1000; ++done)
      req.events.push_back({"history/" + std::to_string(done % 1000), "bench.event", {}, "bench",
                            R"({"customer":"Bench Customer","demand_kw":100})"});
    std::promise<void> written;
    store.append(std::move(req), [&](auto) { written.set_value(); });
    written.get_future().wait();
  }
}

void run_store(const std::vector<int>& writer_counts, double seconds, const std::string& dir, unsigned window_us,
               std::uint64_t history) {
  std::filesystem::remove_all(dir);
  storage::rocksdb_options o;
  o.path = dir;
  o.group_commit_window = std::chrono::microseconds{window_us};
  auto store = std::move(*storage::open_rocksdb_store(o));
  fill_store(*store, history);
  auto figures = [&] {
    auto s = storage::stats_of(*store);
    return std::pair{s.batches, s.events};
  };
  print_head("store");
  for (int writers : writer_counts)
    measure(writers, seconds, [&](recorder& r, int w) { store_loop(*store, r, w); }, figures(), figures);
  store.reset();
  std::filesystem::remove_all(dir);
}

void run_actors(const std::vector<int>& writer_counts, double seconds, const std::string& dir, unsigned window_us,
                unsigned threads, std::uint64_t history) {
  std::filesystem::remove_all(dir);
  actors::runtime_options o;
  o.data_dir = dir;
  o.group_commit_window = std::chrono::microseconds{window_us};
  o.snapshot_check_interval = std::chrono::milliseconds{0};
  o.scheduler_threads = threads;
  o.min_free_bytes = 0;
  o.sla_max_sleep = std::chrono::milliseconds{0};
  auto rt = std::move(*actors::runtime::start(o));
  if (history > 0) {
    auto loaded = bench::load_history(rt->api(), history, 64, [](std::uint64_t n) {
      fmt::print(stderr, "\rhistory: {} events", n);
    });
    if (!loaded) {
      fmt::print(stderr, "\nwriting the history failed: {}\n", loaded.error().message);
      std::exit(1);
    }
    fmt::print("history: {} rounds ({} requests), {} events in the log, written in {:.0f} s\n", loaded->rounds,
               loaded->requests, rt->log_figures().events, loaded->seconds);
  }
  auto figures = [&] {
    auto f = rt->log_figures();
    return std::pair{f.batches, f.events};
  };
  print_head("actors");
  for (int writers : writer_counts)
    measure(writers, seconds, [&](recorder& r, int w) { actor_loop(rt->api(), r, w); }, figures(), figures);
  rt.reset();
  std::filesystem::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"durable appends through the actor path and the store alone"};
  std::vector<int> writer_counts{1, 8, 64};
  double seconds = 5;
  std::string dir = "/tmp/gridcoord-bench";
  std::string layer = "both";
  unsigned window_us = 200;
  unsigned threads = 0;
  std::uint64_t history = 0;
  app.add_option("--writers", writer_counts, "concurrent writers, one run each")->delimiter(',');
  app.add_option("--seconds", seconds, "length of each run");
  app.add_option("--data-dir", dir, "store directory (wiped first)");
  app.add_option("--layer", layer, "actors, store or both")->check(CLI::IsMember({"actors", "store", "both"}));
  app.add_option("--window-us", window_us, "group-commit window in microseconds");
  app.add_option("--scheduler-threads", threads, "CAF scheduler threads (0: one per core)");
  app.add_option("--history", history, "events of history written before measuring (default 0)");
  CLI11_PARSE(app, argc, argv);

  fmt::print("group-commit window {} us, {} s per run, store in {}, history {} events\n", window_us, seconds, dir,
             history);
  if (layer != "actors") run_store(writer_counts, seconds, dir, window_us, history);
  if (layer != "store") run_actors(writer_counts, seconds, dir, window_us, threads, history);
}
