// outage_storm_bench — an outage storm: --outages outages reported within
// --seconds, each on its own distribution transformer with
// --customers-per-outage registered customers below it (10,000 × 20 =
// 200,000 at the defaults), against the real stack: the runtime on RocksDB
// (sync writes, as `gridcoord serve`) and the notification gateway POSTing to
// a receiver on 127.0.0.1 in this process that answers 200 to everything.
//
// Measures (docs/benchmarks.md, "Outage storm"):
//  - report → notifications enqueued: the time from client::sla(report_outage)
//    to its answer, which comes once the outage and all its notices are
//    durable in one append (p50, p99, max);
//  - the time from the first report until the receiver has every notice
//    (distinct message ids), and the deliveries per second;
//  - the event log's durable writes and events.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <mutex>
#include <set>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "actors/runtime.hpp"
#include "bench/support.hpp"
#include "domain/equipment.hpp"
#include "domain/sla/customers.hpp"
#include "gateways/notification_target.hpp"

using namespace gridcoord;
using clk = std::chrono::steady_clock;
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

struct bench_options {
  std::size_t outages = 10'000;
  std::size_t customers_per_outage = 20;
  double seconds = 60;
  std::size_t connections = 16;
  std::string data_dir;
  std::uint64_t snapshot_every = 10'000;
};

[[noreturn]] void die(const std::string& what) {
  fmt::print(stderr, "outage_storm_bench: {}\n", what);
  std::exit(1);
}

// Answers 200 to every request on keep-alive connections; counts the distinct
// message ids it was sent.
class receiver {
 public:
  receiver() : acceptor_(io_, {net::ip::make_address("127.0.0.1"), 0}) {
    accept();
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
  }
  ~receiver() {
    io_.stop();
    for (auto& t : threads_) t.join();
  }
  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  std::size_t distinct() {
    std::lock_guard lock(mutex_);
    return ids_.size();
  }
  std::size_t posts() const { return posts_; }

 private:
  void accept() {
    acceptor_.async_accept([this](beast::error_code ec, net::ip::tcp::socket s) {
      if (!ec) std::thread([this, s = std::move(s)]() mutable { serve(std::move(s)); }).detach();
      accept();
    });
  }
  void serve(net::ip::tcp::socket s) {
    beast::flat_buffer buffer;
    beast::error_code ec;
    for (;;) {
      http::request<http::string_body> req;
      http::read(s, buffer, req, ec);
      if (ec) return;
      ++posts_;
      {
        std::lock_guard lock(mutex_);
        ids_.insert(std::string(req["X-Gridcoord-Message-Id"]));
      }
      http::response<http::string_body> res{http::status::ok, req.version()};
      res.set(http::field::content_type, "application/json");
      res.body() = R"({"ok":true})";
      res.keep_alive(true);
      res.prepare_payload();
      http::write(s, res, ec);
      if (ec) return;
    }
  }

  net::io_context io_;
  net::ip::tcp::acceptor acceptor_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::set<std::string> ids_;
  std::atomic<std::size_t> posts_{0};
};

// Substations × 2 main transformers × 10 feeders × 50 distribution
// transformers, as many as there are outages.
std::string tree_csv(std::size_t transformers) {
  std::string csv = "id,kind,parent,area_class,region,rating_kva\n";
  std::size_t made = 0;
  for (std::size_t s = 0; made < transformers; ++s) {
    auto sub = fmt::format("S{}", s);
    csv += fmt::format("{},substation,,urban,东城区,126000\n", sub);
    for (int t = 0; t < 2 && made < transformers; ++t) {
      auto mt = fmt::format("{}/T{}", sub, t);
      csv += fmt::format("{},main_transformer,{},urban,东城区,63000\n", mt, sub);
      for (int f = 0; f < 10 && made < transformers; ++f) {
        auto feeder = fmt::format("{}/F{}", mt, f);
        csv += fmt::format("{},feeder,{},urban,东城区,10000\n", feeder, mt);
        for (int d = 0; d < 50 && made < transformers; ++d, ++made)
          csv += fmt::format("DT{},distribution_transformer,{},urban,东城区,630\n", made, feeder);
      }
    }
  }
  return csv;
}

using bench::percentile;
using bench::wait_for;

}  // namespace

int main(int argc, char** argv) {
  bench_options o;
  CLI::App app{"outage_storm_bench: outages reported in a burst, their customer notices delivered"};
  app.add_option("--outages", o.outages, "outages, each on its own distribution transformer (default 10000)");
  app.add_option("--customers-per-outage", o.customers_per_outage, "registered customers below each (default 20)");
  app.add_option("--seconds", o.seconds, "the outages are reported evenly within this many seconds (default 60)");
  app.add_option("--connections", o.connections, "connections of the notification gateway (default 16)");
  app.add_option("--data-dir", o.data_dir, "the store's directory (default: a fresh one under /tmp, removed)");
  app.add_option("--snapshot-every", o.snapshot_every,
                 "events between projection snapshots, as runtime_options::snapshot_every_events (default 10000)");
  bool verbose = false;
  app.add_flag("--verbose", verbose, "log what the server does meanwhile (snapshots taken, with their times)");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(verbose ? spdlog::level::info : spdlog::level::warn);
  bool temporary = o.data_dir.empty();
  if (temporary) o.data_dir = fmt::format("/tmp/outage-storm-{}", ::getpid());
  std::filesystem::remove_all(o.data_dir);

  receiver rx;
  auto target = gateways::notification_target::make(
      {fmt::format("http://127.0.0.1:{}/notify", rx.port()), o.connections, std::chrono::seconds{10}, ""});
  if (!target) die(target.error().message);
  actors::runtime_options ro;
  ro.data_dir = o.data_dir;
  ro.notification_target = std::move(*target);
  ro.snapshot_every_events = o.snapshot_every;
  ro.notifications.max_in_flight = 4 * o.connections;
  auto rt = actors::runtime::start(std::move(ro));
  if (!rt) die(rt.error().message);
  auto& api = (*rt)->api();

  auto t_setup = clk::now();
  auto draft = domain::read_import_csv(tree_csv(o.outages));
  if (!draft) die(draft.error().message);
  if (auto r = wait_for<actors::equipment_receipt>(
          [&](auto done) { api.import_equipment({std::move(*draft), "bench", "", "", ""}, done); });
      !r)
    die(r.error().message);
  std::vector<domain::sla::customer> customers;
  for (std::size_t d = 0; d < o.outages; ++d)
    for (std::size_t c = 0; c < o.customers_per_outage; ++c)
      customers.push_back({fmt::format("C{}-{}", d, c), fmt::format("客户 {}-{}", d, c),
                           domain::sla::customer_tier::important, {{"sms", "+8613800000000"}},
                           fmt::format("DT{}", d), 0, 0});
  auto total = customers.size();
  if (auto r = wait_for<actors::sla_answer>(
          [&](auto done) { api.sla(actors::import_customers{{"bench", "", "", ""}, std::move(customers)}, done); });
      !r)
    die(r.error().message);
  fmt::print("set up {} distribution transformers and {} customers in {:.1f} s\n", o.outages, total,
             std::chrono::duration<double>(clk::now() - t_setup).count());

  // The storm: one report every seconds / outages, each answered when durable.
  std::vector<double> latency_ms(o.outages);
  std::atomic<std::size_t> answered{0}, failed{0};
  std::promise<void> all_answered;
  auto interval = std::chrono::duration<double>(o.seconds / static_cast<double>(o.outages));
  auto start = clk::now();
  auto before = (*rt)->log_figures();
  for (std::size_t i = 0; i < o.outages; ++i) {
    std::this_thread::sleep_until(start + std::chrono::duration_cast<clk::duration>(interval * static_cast<double>(i)));
    auto sent = clk::now();
    api.sla(actors::report_outage{{"bench", "", "", ""}, {fmt::format("DT{}", i)}, std::nullopt, "storm"},
            [&, i, sent](domain::expected<actors::sla_answer> r) {
              latency_ms[i] = std::chrono::duration<double, std::milli>(clk::now() - sent).count();
              if (!r) ++failed;
              if (++answered == o.outages) all_answered.set_value();
            });
  }
  all_answered.get_future().wait();
  auto reported = clk::now();
  while (rx.distinct() < total && clk::now() - start < std::chrono::minutes{10})
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  auto delivered = clk::now();
  auto after = (*rt)->log_figures();

  auto secs = [&](clk::time_point t) { return std::chrono::duration<double>(t - start).count(); };
  fmt::print("reports: {} ({} failed), the last answered {:.1f} s after the first was sent\n", o.outages,
             failed.load(), secs(reported));
  fmt::print("report -> notices enqueued (durable): p50 {:.1f} ms, p99 {:.1f} ms, max {:.1f} ms\n",
             percentile(latency_ms, 0.5), percentile(latency_ms, 0.99), percentile(latency_ms, 1.0));
  fmt::print("notices: {} of {} delivered (distinct ids; {} POSTs) {:.1f} s after the first report, {:.0f}/s\n",
             rx.distinct(), total, rx.posts(), secs(delivered),
             static_cast<double>(rx.distinct()) / std::max(1e-9, secs(delivered)));
  fmt::print("event log: {} durable writes, {} events during the storm\n", after.batches - before.batches,
             after.events - before.events);
  rt->reset();  // stopped, and the store closed: RocksDB's own threads are done with the directory
  std::error_code ec;
  if (temporary) std::filesystem::remove_all(o.data_dir, ec);
  return rx.distinct() == total && failed == 0 ? 0 : 1;
}
