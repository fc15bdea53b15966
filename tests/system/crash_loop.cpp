// tests/system/crash_loop — kills the real server with SIGKILL at random
// moments while concurrent writers submit reports with Idempotency-Keys,
// restarts it, and checks that every acknowledged write is there exactly once.
//
//   crash_loop --binary build/gridcoord [--cycles 3] [--writers 4] [--seed N]
//              [--min-ms 50] [--max-ms 600] [--keep DIR]
//
// Each writer submits one-row M1 reports to its own month, each under a key of
// its own and with a body naming the key. A request cut off by the kill is "in
// doubt": the writer sends it again, same key and body, first thing after the
// restart (the client's duty the API documents). At the end, on a last start,
// every key is sent once more: each must be a replay (200) of the version it
// was acknowledged with, and each writer's month must hold exactly versions
// 1..N for its N keys — a lost write would come back 201, a doubled one would
// leave a version no key owns. Exit 0 when all holds, 1 with the first
// differences otherwise, 2 on bad arguments or a server that does not start.
// ctest runs 3 cycles; docs/reliability.md has a 200-cycle run and how to rerun it.
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "tests/support/http_client.hpp"
#include "tests/system/server_process.hpp"

using gridcoord::testing::http_client;
using gridcoord::testing::server_process;

namespace {

struct options {
  std::string binary;
  int cycles = 3;
  int writers = 4;
  unsigned seed = 0;
  int min_ms = 50;
  int max_ms = 600;
  std::string keep;
};

// One key's write: what the server acknowledged, if anything yet.
struct write_record {
  std::string key;
  int writer = 0;
  std::optional<std::int64_t> version;  // from the 201 (or a 200 replay)
};

std::string month_of(int writer) { return fmt::format("2025-{:02}", writer + 1); }

std::string path_of(int writer) {
  return "/v1/reports/marketing/large_customer_demand/" + month_of(writer);
}

std::string body_of(const std::string& key) {
  return R"({"rows":[{"customer":")" + key +
         R"(","feeder":"LH-F07","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80}]})";
}

std::map<std::string, std::string> headers(const std::string& token, const std::string& key) {
  return {{"Authorization", "Bearer " + token}, {"Idempotency-Key", key}};
}

class run_state {
 public:
  explicit run_state(int writers) : pending_(static_cast<std::size_t>(writers)) {}

  // The writer's next write: its write in doubt if any, else a new key.
  write_record& next(int writer) {
    std::lock_guard lock(mutex_);
    auto& doubt = pending_[static_cast<std::size_t>(writer)];
    if (doubt) return records_[*doubt];
    auto key = fmt::format("w{}-{}", writer, ++issued_[writer]);
    records_.push_back({key, writer, std::nullopt});
    doubt = records_.size() - 1;
    return records_.back();
  }
  void acknowledged(int writer, std::int64_t version) {
    std::lock_guard lock(mutex_);
    auto& doubt = pending_[static_cast<std::size_t>(writer)];
    records_[*doubt].version = version;
    doubt.reset();
  }
  std::size_t acknowledged_count() const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& r : records_) n += r.version ? 1 : 0;
    return n;
  }
  std::size_t in_doubt() const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& p : pending_) n += p ? 1 : 0;
    return n;
  }
  // Stable after the writers have stopped.
  std::deque<write_record>& records() { return records_; }

 private:
  mutable std::mutex mutex_;
  std::deque<write_record> records_;  // stable references
  std::vector<std::optional<std::size_t>> pending_;
  std::map<int, int> issued_;
};

// Writes until the connection fails (the kill) or `stop` is set. A failure
// other than the connection's (a 4xx/5xx) is a finding: returned as text.
std::optional<std::string> write_until_cut(unsigned short port, const std::string& token, int writer,
                                           run_state& state, const std::atomic<bool>& stop) {
  std::optional<http_client> client;
  while (!stop.load()) {
    auto& record = state.next(writer);
    gridcoord::testing::http_reply reply;
    try {
      if (!client) client.emplace("127.0.0.1", port);
      reply = client->request("PUT", path_of(writer), body_of(record.key), headers(token, record.key));
    } catch (const std::exception&) {
      return std::nullopt;  // cut off: the write stays in doubt
    }
    if (reply.status == 201 || reply.status == 200) {
      auto version = reply.json().at("version").to_number<std::int64_t>();
      if (record.version && *record.version != version)
        return fmt::format("{} was acknowledged as version {} and replayed as {}", record.key, *record.version,
                           version);
      state.acknowledged(writer, version);
      continue;
    }
    return fmt::format("{} answered {}: {}", record.key, reply.status, reply.body);
  }
  return std::nullopt;
}

std::string write_config(const std::string& dir) {
  auto path = dir + "/crash_loop.toml";
  std::ofstream out(path);
  out << "[server]\nrate_limit_per_second = 0\n[storage]\nsnapshot_every_events = 200\n";
  return path;
}

int run(const options& o) {
  namespace fs = std::filesystem;
  auto dir = o.keep.empty() ? fs::temp_directory_path() / fmt::format("crash_loop_{}", ::getpid()) : fs::path(o.keep);
  fs::create_directories(dir);
  auto data = (dir / "data").string();
  auto config = write_config(dir.string());
  std::mt19937 rng(o.seed);
  std::uniform_int_distribution<int> delay(o.min_ms, o.max_ms);
  run_state state(o.writers);
  std::string token;
  std::vector<std::string> findings;
  auto start = [&](int cycle) {
    return server_process(o.binary, data, (dir / fmt::format("server-{}.log", cycle)).string(),
                          {"--config", config});
  };

  for (int cycle = 1; cycle <= o.cycles && findings.empty(); ++cycle) {
    auto server = start(cycle);
    if (token.empty()) token = gridcoord::testing::bootstrap_token(server);
    std::atomic<bool> stop{false};
    std::vector<std::optional<std::string>> results(static_cast<std::size_t>(o.writers));
    std::vector<std::thread> writers;
    for (int w = 0; w < o.writers; ++w)
      writers.emplace_back([&, w] {
        results[static_cast<std::size_t>(w)] = write_until_cut(server.port(), token, w, state, stop);
      });
    int after = delay(rng);
    std::this_thread::sleep_for(std::chrono::milliseconds(after));  // the random moment of the kill
    int code = server.stop(SIGKILL);
    stop = true;
    for (auto& t : writers) t.join();
    for (auto& r : results)
      if (r) findings.push_back(*r);
    std::printf("cycle %d/%d: killed after %d ms (exit %d); %zu writes acknowledged so far, %zu in doubt\n", cycle,
                o.cycles, after, code, state.acknowledged_count(), state.in_doubt());
    std::fflush(stdout);
  }

  if (findings.empty()) {
    // The last start: every key once more, in doubt or not.
    auto server = start(o.cycles + 1);
    http_client client("127.0.0.1", server.port());
    std::map<int, std::vector<std::int64_t>> versions;
    for (auto& record : state.records()) {
      auto reply = client.request("PUT", path_of(record.writer), body_of(record.key), headers(token, record.key));
      if (reply.status != 200 && reply.status != 201) {
        findings.push_back(fmt::format("{} answered {} at the end: {}", record.key, reply.status, reply.body));
        continue;
      }
      auto version = reply.json().at("version").to_number<std::int64_t>();
      if (record.version && reply.status != 200)
        findings.push_back(fmt::format("{} was acknowledged as version {} but is gone: written anew as {}",
                                       record.key, *record.version, version));
      else if (record.version && *record.version != version)
        findings.push_back(fmt::format("{} was acknowledged as version {} but replays as {}", record.key,
                                       *record.version, version));
      versions[record.writer].push_back(version);
    }
    for (auto& [writer, list] : versions) {
      std::sort(list.begin(), list.end());
      for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i] != static_cast<std::int64_t>(i + 1)) {
          findings.push_back(fmt::format("{}: the keys hold versions {}..{} with a gap or a double at {}",
                                         month_of(writer), list.front(), list.back(), i + 1));
          break;
        }
      auto latest = client.request("GET", path_of(writer), "", {{"Authorization", "Bearer " + token}});
      auto stored = latest.status == 200 ? latest.json().at("version").to_number<std::int64_t>() : -1;
      if (stored != static_cast<std::int64_t>(list.size()))
        findings.push_back(fmt::format("{}: {} keys but the report is at version {}", month_of(writer), list.size(),
                                       stored));
    }
    server.stop(SIGTERM);
  }

  std::printf("%d cycles, %d writers, seed %u: %zu writes, every one acknowledged once: %s\n", o.cycles, o.writers,
              o.seed, state.records().size(), findings.empty() ? "yes" : "NO");
  for (const auto& f : findings) std::printf("  %s\n", f.c_str());
  if (o.keep.empty() && findings.empty()) fs::remove_all(dir);
  else std::printf("data and server logs kept in %s\n", dir.c_str());
  return findings.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  o.seed = std::random_device{}();
  CLI::App app{"kill -9 the server under concurrent idempotent writers; check every acknowledged write"};
  app.add_option("--binary", o.binary, "the gridcoord server binary")->required()->check(CLI::ExistingFile);
  app.add_option("--cycles", o.cycles, "kills and restarts")->check(CLI::Range(1, 100000));
  app.add_option("--writers", o.writers, "concurrent writers (1-12)")->check(CLI::Range(1, 12));
  app.add_option("--seed", o.seed, "seed of the kill moments (printed, to rerun a failure)");
  app.add_option("--min-ms", o.min_ms, "earliest kill after a start, ms")->check(CLI::Range(0, 60000));
  app.add_option("--max-ms", o.max_ms, "latest kill after a start, ms")->check(CLI::Range(1, 60000));
  app.add_option("--keep", o.keep, "keep the data and logs in this directory");
  CLI11_PARSE(app, argc, argv);
  if (o.min_ms > o.max_ms) {
    std::fprintf(stderr, "--min-ms must not be above --max-ms\n");
    return 2;
  }
  try {
    return run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "crash_loop: %s\n", e.what());
    return 2;
  }
}
