// report_submit_bench — a large M1 report submitted over HTTP, end to end.
//
// Starts the real stack in this process: the actor runtime on RocksDB in a
// fresh data directory (sync writes, group commit: the production settings of
// `gridcoord serve`) and the HTTP server on an ephemeral port, with a marketing
// liaison token and (unless --no-registry) an equipment registry holding every
// feeder the rows name, so the reference checks run. Generates a realistic report of --rows rows
// (bench/m1_report.hpp) as JSON and as CSV and PUTs it over one keep-alive
// connection to /v1/reports/marketing/large_customer_demand/{month}, --runs
// times per format after one warm-up request. Each time is from the start of
// sending to the 201 (validated and fsynced) being read. Then it times the
// parts in this process, without HTTP: JSON parse, row validation, the request
// hash, CSV read and conversion, the event payload's encoding, and the durable
// append alone through the runtime's client — so that the end-to-end figure
// can be split into where the time goes.
#include <time.h>

#include <CLI/CLI.hpp>
#include <boost/json/parse.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <future>
#include <random>

#include "actors/runtime.hpp"
#include "bench/m1_report.hpp"
#include "config/settings.hpp"
#include "domain/csv.hpp"
#include "domain/equipment.hpp"
#include "domain/json.hpp"
#include "domain/report.hpp"
#include "domain/report_csv.hpp"
#include "gateways/client/http_client.hpp"
#include "gateways/http_server.hpp"
#include "gateways/request_hash.hpp"

using namespace gridcoord;
using clk = std::chrono::steady_clock;

namespace {

struct bench_options {
  std::size_t rows = 50'000;
  int runs = 10;
  std::string format = "both";
  std::string data_dir;  // "": a fresh directory under the system's temp dir
  std::string month = "2026-10";
  bool parts = true;
  bool registry = true;  // import the feeders first, so the reference checks run
};

// The real stack: runtime on RocksDB behind the HTTP server, and a liaison token.
struct stack {
  std::unique_ptr<actors::runtime> rt;
  std::unique_ptr<gateways::http_server> server;
  std::string token;
};

[[noreturn]] void die(const std::string& what) {
  fmt::print(stderr, "report_submit_bench: {}\n", what);
  std::exit(1);
}

// Imports a registry holding every feeder the generated rows name (F-101 …
// F-999, under one substation and transformer), so that the reference checks
// run as they do in production.
void import_registry(actors::client& api) {
  std::string csv = "id,kind,parent,area_class,region,rating_kva\nS1,substation,,urban,蓝海市,126000\n"
                    "S1/T1,main_transformer,S1,urban,蓝海市,63000\n";
  for (int f = 101; f <= 999; ++f) csv += fmt::format("F-{},feeder,S1/T1,urban,蓝海市,10000\n", f);
  auto draft = domain::read_import_csv(csv);
  if (!draft || !draft->issues.empty()) die("the bench registry does not read");
  std::promise<domain::expected<actors::equipment_receipt>> p;
  api.import_equipment({std::move(*draft), "bench", "", "", ""}, [&](auto r) { p.set_value(std::move(r)); });
  if (auto r = p.get_future().get(); !r) die("cannot import the bench registry: " + r.error().message);
}

// As cmd/gridcoord/serve.cpp maps the default settings.
stack start_stack(const std::string& dir, bool registry) {
  config::settings s;
  actors::runtime_options o;
  o.data_dir = dir;
  o.scheduler_threads = s.actors.scheduler_threads;
  o.group_commit_window = s.storage.group_commit_window;
  o.max_batch_events = s.storage.max_batch_events;
  o.snapshot_every_events = s.storage.snapshot_every_events;
  auto rt = actors::runtime::start(o);
  if (!rt) die("cannot start the runtime: " + rt.error().message);
  stack st{std::move(*rt), nullptr, {}};
  if (registry) import_registry(st.rt->api());
  std::promise<domain::expected<domain::issued_token>> p;
  st.rt->api().create_token({"liaison:marketing", "bench liaison", "bench", "", {}},
                            [&](auto t) { p.set_value(std::move(t)); });
  auto issued = p.get_future().get();
  if (!issued) die("cannot issue a token: " + issued.error().message);
  st.token = issued->token;
  s.server.port = 0;
  s.server.rate_limit_per_second = 0;
  st.server = std::make_unique<gateways::http_server>(s.server, st.rt->api());
  if (auto started = st.server->start(); !started) die("cannot listen: " + started.error().message);
  return st;
}

double ms_since(clk::time_point t0) { return std::chrono::duration<double, std::milli>(clk::now() - t0).count(); }

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1];
}

// This thread's CPU time in ms: less disturbed than wall time by other work on the machine.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct timings {
  std::vector<double> ms;      // wall time
  std::vector<double> cpu_ms;  // the calling thread's CPU time
};

// --runs timings of `f`.
timings time_runs(int runs, const std::function<void()>& f) {
  timings t;
  for (int i = 0; i < runs; ++i) {
    auto t0 = clk::now();
    double c0 = thread_cpu_ms();
    f();
    t.cpu_ms.push_back(thread_cpu_ms() - c0);
    t.ms.push_back(ms_since(t0));
  }
  return t;
}

// The CPU column is of the calling thread only: meaningless ("-") when the work runs elsewhere.
void print_line(std::string_view what, const timings& t, std::size_t rows, std::size_t bytes, bool cpu = true) {
  double p50 = percentile(t.ms, 0.5);
  auto cpu_text = cpu ? fmt::format("{:.1f}", percentile(t.cpu_ms, 0.5)) : std::string("-");
  fmt::print("| {:<26} | {:>9.1f} | {:>9.1f} | {:>9.1f} | {:>11} | {:>11.0f} | {:>10} |\n", what, p50,
             percentile(t.ms, 0.9), *std::max_element(t.ms.begin(), t.ms.end()), cpu_text,
             static_cast<double>(rows) / (p50 / 1000), bytes);
}

void print_head(std::string_view first) {
  fmt::print("\n| {:<26} | {:>9} | {:>9} | {:>9} | {:>11} | {:>11} | {:>10} |\n", first, "p50 ms", "p90 ms",
             "max ms", "cpu p50 ms", "rows/s", "bytes");
  fmt::print("|{:-<28}|{:->11}|{:->11}|{:->11}|{:->13}|{:->13}|{:->12}|\n", "", ":", ":", ":", ":", ":", ":");
}

// PUTs `body` once over the keep-alive connection; the time to the 201, in ms.
double put_once(gateways::client::http_client& http, const std::string& path, const std::string& token,
                const std::string& body, const std::string& content_type) {
  gateways::client::http_request req{"PUT", path, body, {{"Authorization", "Bearer " + token}}, content_type};
  auto t0 = clk::now();
  auto res = http.send(req);
  double ms = ms_since(t0);
  if (!res) die("transport error: " + res.error().message);
  if (res->status != 201) die(fmt::format("expected 201, got {}: {}", res->status, res->body.substr(0, 600)));
  return ms;
}

void end_to_end(const stack& st, const bench_options& o, const std::string& json, const std::string& csv) {
  gateways::client::http_client http({"127.0.0.1", st.server->port()}, {std::chrono::milliseconds{120'000}});
  auto path = "/v1/reports/marketing/large_customer_demand/" + o.month;
  print_head(fmt::format("HTTP PUT, {} rows", o.rows));
  for (std::string_view format : {"json", "csv"}) {
    if (o.format != "both" && o.format != format) continue;
    const auto& body = format == "json" ? json : csv;
    auto type = format == "json" ? "application/json" : "text/csv; charset=utf-8";
    put_once(http, path, st.token, body, type);  // warm-up
    auto t = time_runs(o.runs, [&] { put_once(http, path, st.token, body, type); });
    print_line(format == "json" ? "JSON -> 201" : "CSV -> 201", t, o.rows, body.size(), false);
  }
}

// The durable append alone: the rows, already validated, through the client.
void submit_direct(actors::client& api, const bench_options& o, const std::vector<domain::row>& rows) {
  actors::report_submission sub{domain::department::marketing, "large_customer_demand",
                                *domain::parse_month(o.month), rows, "bench", {}, "bench-hash", {}};
  std::promise<domain::expected<actors::submit_receipt>> p;
  api.submit_report(std::move(sub), [&](auto r) { p.set_value(std::move(r)); });
  auto r = p.get_future().get();
  if (!r) die("append failed: " + r.error().message);
}

template <class T>
T checked(domain::expected<T> e, std::string_view what) {
  if (!e) die(fmt::format("{}: {}", what, e.error().message));
  return std::move(*e);
}

void parts(const stack& st, const bench_options& o, const std::string& json, const std::string& csv) {
  const auto& kind = *domain::find_report_kind("large_customer_demand");
  auto period = *domain::parse_month(o.month);
  auto path = "/v1/reports/marketing/large_customer_demand/" + o.month;
  auto value = boost::json::parse(json);
  auto rows = checked(domain::parse_rows(kind, period, value), "validation");
  domain::report_version version{domain::department::marketing, kind.id, period, 1, kind.recipients,
                                 "bench", rows.size(), rows};
  auto n = o.rows;
  print_head("in process, no HTTP");
  print_line("JSON parse (Boost.JSON)", time_runs(o.runs, [&] { (void)boost::json::parse(json); }), n, json.size());
  print_line("JSON rows validated", time_runs(o.runs, [&] { (void)domain::parse_rows(kind, period, value); }), n, 0);
  print_line("JSON request hash", time_runs(o.runs, [&] {
    (void)gateways::request_hash("PUT", path, domain::to_text(value)); }), n, 0);
  print_line("CSV read (read_csv)", time_runs(o.runs, [&] { (void)domain::read_csv(csv); }), n, csv.size());
  print_line("CSV to JSON value", time_runs(o.runs, [&] { (void)domain::csv_to_json(kind, csv); }), n, 0);
  print_line("CSV rows validated (all)", time_runs(o.runs, [&] { (void)domain::parse_csv_rows(kind, period, csv); }),
             n, 0);
  print_line("CSV request hash", time_runs(o.runs, [&] { (void)gateways::request_hash("PUT text/csv", path, csv); }),
             n, 0);
  std::size_t payload = domain::encode(version).size();
  print_line("event payload encoded", time_runs(o.runs, [&] { (void)domain::encode(version); }), n, payload);
  print_line("durable append (client)", time_runs(o.runs, [&] { submit_direct(st.rt->api(), o, rows); }), n, payload,
             false);
}

std::string fresh_dir(const std::string& asked) {
  namespace fs = std::filesystem;
  fs::path dir = asked;
  if (dir.empty()) dir = fs::temp_directory_path() / fmt::format("gridcoord-bench-{}", std::random_device{}());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"a large M1 report submitted over HTTP: validated and durably stored"};
  bench_options o;
  app.add_option("--rows", o.rows, "rows in the report");
  app.add_option("--runs", o.runs, "timed requests per format (after one warm-up)")->check(CLI::PositiveNumber);
  app.add_option("--format", o.format, "json, csv or both")->check(CLI::IsMember({"json", "csv", "both"}));
  app.add_option("--data-dir", o.data_dir, "store directory (wiped first, removed after)");
  app.add_option("--month", o.month, "the report month, YYYY-MM")->check([](const std::string& m) {
    return domain::parse_month(m) ? std::string{} : std::string{"not a month YYYY-MM"};
  });
  app.add_flag("!--no-parts", o.parts, "skip the in-process measurements of the parts");
  app.add_flag("!--no-registry", o.registry,
               "no equipment registry: the reports' feeders are then not checked against one");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::warn);  // no access line per request

  auto dir = fresh_dir(o.data_dir);
  auto rows = bench::make_m1_rows(o.rows, *domain::parse_month(o.month));
  auto json = bench::m1_json(rows);
  auto csv = bench::m1_csv(rows);
  fmt::print("{} rows, JSON body {} bytes, CSV body {} bytes; store in {}\n", o.rows, json.size(), csv.size(), dir);
  {
    auto st = start_stack(dir, o.registry);
    end_to_end(st, o, json, csv);
    if (o.parts) parts(st, o, json, csv);
    st.server->stop();
    st.rt->stop();
  }
  std::filesystem::remove_all(dir);
}
