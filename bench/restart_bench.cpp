// restart_bench — how long a restart takes with history in the log.
//
// 1. A child process writes about --history events of realistic history
//    (bench/history.hpp) and stops cleanly: the stop takes the snapshots of
//    the department books, tokens, registry and cycle ("books"), of the SLA
//    work ("sla") and of the notification outbox ("notifications").
// 2. A second child starts on that store, writes about --tail events more and
//    ends with _exit(0), as after kill -9: no snapshot covers the tail.
// 3. This process starts on the store and measures: runtime::start (after it
//    the server answers /v1/health), the books' replay rate, and the time
//    until the SLA actor and the capacity actor answer their first request
//    (each catches up with the log first: the SLA actor from its snapshot,
//    the capacity actor, which has none yet, from the log's start).
//
// The children are forked before this process starts any thread.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>

#include "actors/runtime.hpp"
#include "bench/history.hpp"
#include "bench/support.hpp"

using namespace gridcoord;
using clk = std::chrono::steady_clock;

namespace {

actors::runtime_options options_for(const std::string& dir) {
  actors::runtime_options o;
  o.data_dir = dir;
  o.snapshot_every_events = UINT64_MAX;  // no snapshot but those a clean stop takes
  o.snapshot_check_interval = std::chrono::milliseconds{0};
  o.sla_max_sleep = std::chrono::milliseconds{0};
  o.cycle_max_sleep = std::chrono::milliseconds{0};
  o.outbox_max_sleep = std::chrono::milliseconds{0};
  return o;
}

// Runs `work` in a child process and waits for it; exits on its failure.
template <class F>
void in_child(const char* what, F work) {
  auto pid = ::fork();
  if (pid == 0) {
    work();  // ends the child itself
    std::_Exit(1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fmt::print(stderr, "restart_bench: {} failed\n", what);
    std::exit(1);
  }
}

void write_history(actors::runtime& rt, std::uint64_t events) {
  auto r = bench::load_history(rt.api(), events, 64, [](std::uint64_t n) { fmt::print(stderr, "\rwritten: {} events ", n); });
  fmt::print(stderr, "\n");
  if (!r) {
    fmt::print(stderr, "writing the history failed: {}\n", r.error().message);
    std::_Exit(1);
  }
}

double seconds_since(clk::time_point t) { return std::chrono::duration<double>(clk::now() - t).count(); }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"restart_bench: a restart with history in the log"};
  std::uint64_t history = 100'000, tail = 10'000;
  std::string dir = "/tmp/gridcoord-restart-bench";
  bool keep = false;
  app.add_option("--history", history, "events written and snapshotted before the restart (default 100000)");
  app.add_option("--tail", tail, "events written after the snapshot, then a crash (default 10000)");
  app.add_option("--data-dir", dir, "the store's directory (wiped first unless --reuse)");
  app.add_flag("--reuse", keep, "measure a restart of an existing --data-dir as it is");
  bool verbose = false;
  app.add_flag("--verbose", verbose, "log what the start does (snapshots loaded, replays) with timestamps");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(verbose ? spdlog::level::info : spdlog::level::warn);

  if (!keep) {
    std::filesystem::remove_all(dir);
    in_child("writing the history", [&] {
      auto rt = actors::runtime::start(options_for(dir));
      if (!rt) std::_Exit(1);
      write_history(**rt, history);
      (*rt)->stop();  // the snapshot
      std::_Exit(0);
    });
    in_child("writing the tail", [&] {
      auto rt = actors::runtime::start(options_for(dir));
      if (!rt) std::_Exit(1);
      if (tail > 0) write_history(**rt, tail);
      std::_Exit(0);  // as kill -9: no snapshot of the tail
    });
  }

  auto t0 = clk::now();
  auto rt = actors::runtime::start(options_for(dir));
  if (!rt) {
    fmt::print(stderr, "restart_bench: {}\n", rt.error().message);
    return 1;
  }
  auto started = seconds_since(t0);
  const auto& s = (*rt)->startup();
  auto& api = (*rt)->api();
  auto sla = bench::wait_for<actors::sla_answer>([&](auto done) { api.sla(actors::list_open_work{}, done); });
  auto sla_at = seconds_since(t0);
  auto heat = bench::wait_for<std::vector<domain::capacity::region_heat>>(
      [&](auto done) { api.heat_map(domain::month{std::chrono::year{2026}, std::chrono::month{12}}, done); });
  auto heat_at = seconds_since(t0);
  fmt::print("log: {} events; snapshot at {}; {} events replayed into the books\n", s.last_seq, s.snapshot_seq,
             s.replayed_events);
  fmt::print("runtime::start (then /v1/health answers): {:.2f} s ({:.0f} events/s replayed)\n", started,
             static_cast<double>(s.replayed_events) / std::max(started, 1e-9));
  fmt::print("first SLA answer: {:.2f} s after the start began{}\n", sla_at, sla ? "" : " (an error)");
  fmt::print("first capacity answer: {:.2f} s after the start began{}\n", heat_at, heat ? "" : " (an error)");
  rt->reset();  // stopped, and the store closed: RocksDB's own threads are done with the directory
  std::error_code ec;
  if (!keep) std::filesystem::remove_all(dir, ec);
}
