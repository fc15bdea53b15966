// stream_latency_bench — from a write's 201 to its event on open SSE streams.
//
// Starts the real stack in this process (the runtime on RocksDB with the
// defaults of `gridcoord serve`, the HTTP server on an ephemeral port), opens
// --streams GET /v1/stream connections (each on its own thread, as a
// dashboard or gridctl stream would), and then PUTs one-row M1 reports, one
// at a time, --rate a second for --seconds. For every report it records when
// the 201 was read, and for every stream when the frame with that report's
// seq arrived: the latency is the second minus the first (negative when a
// stream had the event before the writer had read its answer). Prints
// p50/p99/max over all streams and reports, and how many frames were missed.
// `--history N` first writes about N events of history (bench/history.hpp).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include <boost/json.hpp>

#include "actors/runtime.hpp"
#include "bench/history.hpp"
#include "bench/support.hpp"
#include "config/settings.hpp"
#include "gateways/client/http_client.hpp"
#include "gateways/client/url.hpp"
#include "gateways/http_server.hpp"

using namespace gridcoord;
using clk = std::chrono::steady_clock;
namespace http = gateways::client;

namespace {

[[noreturn]] void die(const std::string& what) {
  fmt::print(stderr, "stream_latency_bench: {}\n", what);
  std::exit(1);
}

std::string token(actors::client& api, const std::string& role) {
  auto issued = bench::issue_token(api, role);
  if (!issued) die("cannot issue a token: " + issued.error().message);
  return *issued;
}

// One stream's arrival times by seq.
struct arrivals {
  std::mutex mutex;
  std::map<std::uint64_t, clk::time_point> at;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"stream_latency_bench: from a 201 to the event on open SSE streams"};
  int streams = 100, rate = 20;
  double seconds = 10;
  std::uint64_t history = 0;
  std::string dir = fmt::format("/tmp/stream-bench-{}", ::getpid());
  app.add_option("--streams", streams, "open GET /v1/stream connections (default 100)");
  app.add_option("--rate", rate, "reports a second (default 20)");
  app.add_option("--seconds", seconds, "how long reports are written (default 10)");
  app.add_option("--history", history, "events of history written first (default 0)");
  app.add_option("--data-dir", dir, "the store's directory (wiped first)");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::warn);
  std::filesystem::remove_all(dir);

  config::settings s;
  actors::runtime_options o;
  o.data_dir = dir;
  o.scheduler_threads = s.actors.scheduler_threads;
  o.group_commit_window = s.storage.group_commit_window;
  o.snapshot_every_events = s.storage.snapshot_every_events;
  auto rt = actors::runtime::start(o);
  if (!rt) die("cannot start the runtime: " + rt.error().message);
  auto& api = (*rt)->api();
  if (history > 0) {
    auto loaded = bench::load_history(api, history, 64, [](std::uint64_t n) { fmt::print(stderr, "\rhistory: {} ", n); });
    fmt::print(stderr, "\n");
    if (!loaded) die("writing the history failed: " + loaded.error().message);
  }
  auto reader = token(api, "reader");
  auto marketing = token(api, "liaison:marketing");
  s.server.port = 0;
  s.server.rate_limit_per_second = 0;
  gateways::http_server server(s.server, api);
  if (auto started = server.start(); !started) die("cannot listen: " + started.error().message);
  auto where = http::parse_url(fmt::format("http://127.0.0.1:{}", server.port()));
  if (!where) die(where.error());

  // The streams, each from the log's end.
  auto now_at = bench::wait_for<actors::health_report>([&](auto done) { api.health(done); });
  if (!now_at) die(now_at.error().message);
  auto from = fmt::format("/v1/stream?after={}", now_at->last_seq);
  std::vector<std::unique_ptr<arrivals>> seen;
  std::vector<std::thread> threads;
  std::atomic<int> open{0};
  std::atomic<bool> stop{false};
  for (int i = 0; i < streams; ++i) seen.push_back(std::make_unique<arrivals>());
  for (int i = 0; i < streams; ++i)
    threads.emplace_back([&, i] {
      http::http_client c(*where);
      http::http_request req{"GET", from, "", {{"Authorization", "Bearer " + reader}}, ""};
      std::string pending;
      auto r = c.stream(
          req, [&](const http::http_response&) { return ++open, http::stream_step::more; },
          [&, i](std::string_view bytes) {
            auto now = clk::now();
            pending.append(bytes);
            for (auto nl = pending.find('\n'); nl != std::string::npos; nl = pending.find('\n')) {
              auto line = pending.substr(0, nl);
              pending.erase(0, nl + 1);
              if (line.rfind("id: ", 0) == 0) {
                std::lock_guard lock(seen[static_cast<std::size_t>(i)]->mutex);
                seen[static_cast<std::size_t>(i)]->at.emplace(std::stoull(line.substr(4)), now);
              }
            }
            return stop ? http::stream_step::stop : http::stream_step::more;
          },
          std::chrono::seconds{30});
      if (!r) fmt::print(stderr, "a stream failed: {}\n", r.error().message);
    });
  while (open < streams) std::this_thread::sleep_for(std::chrono::milliseconds{10});

  // The writer.
  http::http_client writer(*where);
  std::map<std::uint64_t, clk::time_point> answered;
  auto interval = std::chrono::duration<double>(1.0 / rate);
  auto t0 = clk::now();
  int total = static_cast<int>(seconds * rate);
  for (int n = 0; n < total; ++n) {
    std::this_thread::sleep_until(t0 + std::chrono::duration_cast<clk::duration>(interval * n));
    auto body = R"({"rows":[{"customer":"流测客户","feeder":"F-1","demand_kw":100,"expected_month":"2028-01","likelihood_pct":50}]})";
    http::http_request req{"PUT", fmt::format("/v1/reports/marketing/large_customer_demand/2027-{:02d}", 1 + n % 12),
                           body, {{"Authorization", "Bearer " + marketing}}, "application/json"};
    auto res = writer.send(req);
    auto now = clk::now();
    if (!res || res->status != 201) die(fmt::format("a PUT failed: {}", res ? res->body : res.error().message));
    auto seq = boost::json::parse(res->body).at("seq").to_number<std::uint64_t>();
    answered.emplace(seq, now);
  }
  std::this_thread::sleep_for(std::chrono::seconds{1});  // the last frames
  stop = true;
  // Each stream stops at its next bytes: one more report wakes them all.
  http::http_request req{"PUT", "/v1/reports/marketing/large_customer_demand/2027-12",
                         R"({"rows":[{"customer":"流测客户","feeder":"F-1","demand_kw":1,"expected_month":"2028-01","likelihood_pct":50}]})",
                         {{"Authorization", "Bearer " + marketing}}, "application/json"};
  (void)writer.send(req);
  for (auto& t : threads) t.join();

  std::vector<double> ms;
  std::size_t missed = 0;
  for (const auto& a : seen)
    for (const auto& [seq, at] : answered) {
      auto it = a->at.find(seq);
      if (it == a->at.end()) {
        ++missed;
        continue;
      }
      ms.push_back(std::chrono::duration<double, std::milli>(it->second - at).count());
    }
  fmt::print("{} streams, {} reports at {}/s{}: {} frames, {} missed\n", streams, answered.size(), rate,
             history > 0 ? fmt::format(" after {} events of history", history) : "", ms.size(), missed);
  fmt::print("201 -> event on a stream: p50 {:.2f} ms, p99 {:.2f} ms, max {:.2f} ms\n", bench::percentile(ms, 0.5),
             bench::percentile(ms, 0.99), bench::percentile(ms, 1.0));
  server.stop();
  (*rt)->stop();
  std::filesystem::remove_all(dir);
  return missed == 0 ? 0 : 1;
}
