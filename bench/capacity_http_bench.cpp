// capacity_http_bench — the capacity register over HTTP, end to end.
//
// Starts the real stack in this process, as report_submit_bench does: the
// actor runtime on RocksDB in a fresh data directory (sync writes, group
// commit: the defaults of `gridcoord serve`) and the HTTP server on an
// ephemeral port, with one token per role that takes part (liaison:production
// imports, liaison:dispatch reports, liaison:marketing applies, a planner
// asks). Then, over one keep-alive connection:
//  1. imports the tree of bench/capacity_bench (500 substations × 2 main
//     transformers × 20 feeders × 50 distribution transformers = 1,021,500
//     equipment; --equipment N takes the first N in tree order) as CSV, in
//     imports of whole substations of at most 1,000,000 rows: rows/s from the
//     first byte sent to the last 201;
//  2. PUTs dispatch's M4 load_statistics for last month (by today's UTC
//     date: the runtime runs on the real clock), a peak at 30–85 % of rating
//     for every substation, main transformer and feeder (--all-m4: every
//     distribution transformer too); rows beyond --m4-rows-per-report
//     (1,000,000, a report's limit) go to the month before, and so on (the
//     store refuses an event above 64 MiB, ~380,000 M4 rows: with --all-m4
//     pass 300000);
//  3. the process RSS (/proc/self/statm) per equipment, before and after
//     jemalloc gives freed pages back;
//  4. GET /v1/capacity/{random equipment}?month=<3 months ahead>, --queries
//     times after a warm-up: p50/p90/p99/max from the start of sending to the
//     200 being read; POST /v1/prechecks likewise;
//  5. --approvals applications on points where 50–200 kVA fit (found by an
//     untimed precheck): POST /v1/applications (201), then
//     POST /v1/applications/{id}/approve (200): each durably logged, then
//     applied to the model by the capacity actor before it answers.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <jemalloc/jemalloc.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <random>

#include "actors/runtime.hpp"
#include "bench/support.hpp"
#include "config/settings.hpp"
#include "domain/month.hpp"
#include "gateways/client/http_client.hpp"
#include "gateways/client/url.hpp"
#include "gateways/http_server.hpp"
#include "storage/rocksdb_store.hpp"

using namespace gridcoord;
using clk = std::chrono::steady_clock;
namespace http = gateways::client;

namespace {

struct bench_options {
  std::size_t equipment = 1'021'500;
  int queries = 20'000;
  int prechecks = 20'000;
  int approvals = 200;
  bool all_m4 = false;
  std::size_t m4_rows_per_report = 1'000'000;
  unsigned seed = 42;
  std::string data_dir;  // "": a fresh directory under the system's temp dir
};

constexpr std::size_t max_rows = 1'000'000;  // of one import and of one report (docs/equipment.md, reports.md)

[[noreturn]] void die(const std::string& what) {
  fmt::print(stderr, "capacity_http_bench: {}\n", what);
  std::exit(1);
}

// --- the tree: the i-th equipment in tree order, parents first ------------------

constexpr std::size_t dts = 50, per_feeder = 1 + dts, feeders = 20, per_mt = 1 + feeders * per_feeder,
                      mts = 2, per_substation = 1 + mts * per_mt;  // 2,043

constexpr std::array<const char*, 50> regions{
    "东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区", "通州区", "顺义区",
    "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区", "浦东新区", "黄浦区", "徐汇区", "长宁区",
    "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区", "金山区", "松江区", "青浦区",
    "奉贤区", "崇明区", "越秀区", "荔湾区", "海珠区", "天河区", "白云区", "黄埔区", "番禺区", "花都区",
    "南沙区", "从化区", "增城区", "福田区", "罗湖区", "南山区", "宝安区", "龙岗区", "盐田区", "龙华区"};

struct node {
  std::string id, parent;
  std::string_view kind;
  double rating_kva = 0;
  bool rural = false;
  std::size_t substation = 0;
};

// A fixed pseudo-random number in [0, 1) for equipment i (splitmix64).
double unit(std::size_t i, std::uint64_t salt) {
  std::uint64_t z = i * 0x9e3779b97f4a7c15ULL + salt;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return static_cast<double>((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
}

node node_of(std::size_t i) {
  std::size_t sub = i / per_substation, r = i % per_substation;
  std::string ss = fmt::format("SS{:04d}", sub);
  if (r == 0) return {ss, "", "substation", 100000, false, sub};
  std::size_t t = (r - 1) / per_mt, in_mt = (r - 1) % per_mt;
  std::string mt = fmt::format("{}/T{}", ss, t + 1);
  if (in_mt == 0) return {mt, ss, "main_transformer", 50000, false, sub};
  std::size_t f = (in_mt - 1) / per_feeder, d = (in_mt - 1) % per_feeder;
  std::string fe = fmt::format("{}/F{:02d}", mt, f + 1);
  if (d == 0) return {fe, mt, "feeder", 8000, false, sub};
  constexpr std::array<double, 4> ratings{315, 400, 630, 800};
  return {fmt::format("{}/D{:02d}", fe, d), fe, "distribution_transformer",
          ratings[static_cast<std::size_t>(unit(i, 1) * 4)], d % 7 == 1, sub};
}

// The import CSV in parts of whole substations, each at most max_rows rows.
std::vector<std::string> equipment_csv(std::size_t n) {
  const std::string header = "id,kind,parent,area_class,region,rating_kva\n";
  std::vector<std::string> parts{header};
  std::size_t in_part = 0;
  for (std::size_t i = 0; i < n; ++i) {
    auto e = node_of(i);
    if (e.kind == "substation" && in_part + per_substation > max_rows && in_part > 0) {
      parts.push_back(header);
      in_part = 0;
    }
    fmt::format_to(std::back_inserter(parts.back()), "{},{},{},{},{},{}\n", e.id, e.kind, e.parent,
                   e.rural ? "rural" : "urban", regions[e.substation % regions.size()], e.rating_kva);
    ++in_part;
  }
  return parts;
}

// M4 rows (CSV, without header) for every measured equipment, in tree order
// with the upper levels first, cut into reports of at most `per_report` rows.
std::vector<std::string> m4_csv(std::size_t n, bool all, std::size_t per_report, std::size_t& rows) {
  const std::string header =
      "equipment_id,equipment_class,peak_load_kva,load_rate_pct,hours_above_heavy_h,hours_above_overload_h\n";
  std::vector<std::string> parts{header};
  rows = 0;
  auto add = [&](std::size_t i, const node& e) {
    if (rows > 0 && rows % per_report == 0) parts.push_back(header);
    double pct = std::round((30 + 55 * unit(i, 2)) * 10) / 10;
    fmt::format_to(std::back_inserter(parts.back()), "{},{},{:.1f},{},{},0\n", e.id, e.kind,
                   e.rating_kva * pct / 100, pct, pct > 80 ? 3 : 0);
    ++rows;
  };
  for (std::size_t i = 0; i < n; ++i)
    if (auto e = node_of(i); e.kind != "distribution_transformer") add(i, e);
  if (all)
    for (std::size_t i = 0; i < n; ++i)
      if (auto e = node_of(i); e.kind == "distribution_transformer") add(i, e);
  return parts;
}

// --- the stack ------------------------------------------------------------------

struct stack {
  std::unique_ptr<actors::runtime> rt;
  std::unique_ptr<gateways::http_server> server;
  std::string production, dispatch, marketing, planner;  // tokens
};

std::string token(actors::client& api, const std::string& role) {
  auto issued = bench::issue_token(api, role);
  if (!issued) die("cannot issue a token: " + issued.error().message);
  return *issued;
}

// As cmd/gridcoord/serve.cpp maps the default settings.
actors::runtime_options runtime_options(const std::string& dir) {
  config::settings s;
  actors::runtime_options o;
  o.data_dir = dir;
  o.scheduler_threads = s.actors.scheduler_threads;
  o.group_commit_window = s.storage.group_commit_window;
  o.max_batch_events = s.storage.max_batch_events;
  o.snapshot_every_events = s.storage.snapshot_every_events;
  return o;
}

// The runtime and the HTTP server, bodies up to 256 MiB.
stack start_stack(const std::string& dir) {
  config::settings s;
  auto rt = actors::runtime::start(runtime_options(dir));
  if (!rt) die("cannot start the runtime: " + rt.error().message);
  stack st{std::move(*rt), nullptr, {}, {}, {}, {}};
  st.production = token(st.rt->api(), "liaison:production");
  st.dispatch = token(st.rt->api(), "liaison:dispatch");
  st.marketing = token(st.rt->api(), "liaison:marketing");
  st.planner = token(st.rt->api(), "planner");
  s.server.port = 0;
  s.server.rate_limit_per_second = 0;
  s.server.max_body_bytes = std::size_t{256} << 20;
  st.server = std::make_unique<gateways::http_server>(s.server, st.rt->api());
  if (auto started = st.server->start(); !started) die("cannot listen: " + started.error().message);
  return st;
}

// --- measuring ------------------------------------------------------------------

double us_since(clk::time_point t0) { return std::chrono::duration<double, std::micro>(clk::now() - t0).count(); }

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1];
}

std::size_t rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

std::size_t purged_rss() {
  auto purge = fmt::format("arena.{}.purge", MALLCTL_ARENAS_ALL);
  mallctl(purge.c_str(), nullptr, nullptr, nullptr, 0);
  return rss_bytes();
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return fmt::format("{} {} {}", one, five, fifteen);
}

// Sends `req` with `token`; dies unless the answer has status `expect`. The time in µs.
double send(http::http_client& c, http::http_request req, const std::string& token, unsigned expect,
            std::string* body = nullptr) {
  req.headers.emplace_back("Authorization", "Bearer " + token);
  auto t0 = clk::now();
  auto res = c.send(req);
  double us = us_since(t0);
  if (!res) die(fmt::format("{} {}: transport error: {}", req.method, req.target, res.error().message));
  if (res->status != expect)
    die(fmt::format("{} {}: expected {}, got {}: {}", req.method, req.target, expect, res->status,
                    res->body.substr(0, 600)));
  if (body) *body = std::move(res->body);
  return us;
}

struct latency {
  std::string what;
  std::vector<double> us;
};

void print_latencies(const std::vector<latency>& all) {
  fmt::print("\n| {:<40} | {:>7} | {:>9} | {:>9} | {:>9} | {:>9} |\n", "request (one keep-alive connection)", "n",
             "p50 µs", "p90 µs", "p99 µs", "max µs");
  fmt::print("|{:-<42}|{:->9}|{:->11}|{:->11}|{:->11}|{:->11}|\n", "", ":", ":", ":", ":", ":");
  for (const auto& l : all)
    fmt::print("| {:<40} | {:>7} | {:>9.0f} | {:>9.0f} | {:>9.0f} | {:>9.0f} |\n", l.what, l.us.size(),
               percentile(l.us, 0.5), percentile(l.us, 0.9), percentile(l.us, 0.99),
               *std::max_element(l.us.begin(), l.us.end()));
}

domain::month utc_month_now() {
  std::chrono::year_month_day d{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return {d.year(), d.month()};
}

// --- the steps --------------------------------------------------------------------

void import_tree(http::http_client& c, const stack& st, std::size_t n) {
  auto parts = equipment_csv(n);
  std::size_t bytes = 0;
  for (const auto& p : parts) bytes += p.size();
  auto t0 = clk::now();
  for (const auto& body : parts)
    send(c, {"POST", "/v1/equipment/imports", body, {}, "text/csv; charset=utf-8"}, st.production, 201);
  double s = us_since(t0) / 1e6;
  fmt::print("equipment import: {} rows in {} import(s), {} bytes of CSV: {:.2f} s, {:.0f} rows/s end to end\n", n,
             parts.size(), bytes, s, static_cast<double>(n) / s);
}

void submit_m4(http::http_client& c, const stack& st, const bench_options& o, domain::month last) {
  std::size_t rows = 0;
  auto parts = m4_csv(o.equipment, o.all_m4, o.m4_rows_per_report, rows);
  auto t0 = clk::now();
  for (std::size_t k = 0; k < parts.size(); ++k) {
    auto period = domain::to_string(last - std::chrono::months{k});
    send(c, {"PUT", "/v1/reports/dispatch/load_statistics/" + period, parts[k], {}, "text/csv; charset=utf-8"},
         st.dispatch, 201);
  }
  double s = us_since(t0) / 1e6;
  fmt::print("M4 load_statistics: {} rows in {} report(s) from {} back: {:.0f} ms, {:.0f} rows/s end to end\n", rows,
             parts.size(), domain::to_string(last), s * 1e3, static_cast<double>(rows) / s);
}

std::string point_path(std::size_t i, const std::string& month) {
  return fmt::format("/v1/capacity/{}?month={}", http::encode_component(node_of(i).id), month);
}

std::string precheck_body(const std::string& point, double kva, const std::string& month) {
  return fmt::format(R"({{"point":"{}","load_kva":{},"month":"{}"}})", point, kva, month);
}

latency capacity_queries(http::http_client& c, const stack& st, const bench_options& o, const std::string& month,
                         std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> any(0, o.equipment - 1);
  for (int w = 0; w < 500; ++w) send(c, {"GET", point_path(any(rng), month), "", {}}, st.planner, 200);
  latency l{"GET /v1/capacity/{id}?month=", {}};
  l.us.reserve(static_cast<std::size_t>(o.queries));
  for (int q = 0; q < o.queries; ++q) l.us.push_back(send(c, {"GET", point_path(any(rng), month), "", {}}, st.planner, 200));
  return l;
}

// The same question through the runtime's client facade, without HTTP: what the actors cost.
latency direct_queries(const stack& st, const bench_options& o, domain::month month, std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> any(0, o.equipment - 1);
  latency l{"  the same through the client, no HTTP", {}};
  for (int q = 0; q < o.queries; ++q) {
    std::promise<domain::expected<std::vector<domain::capacity::point_capacity>>> p;
    auto t0 = clk::now();
    st.rt->api().capacity(node_of(any(rng)).id, month, false, [&](auto r) { p.set_value(std::move(r)); });
    auto r = p.get_future().get();
    l.us.push_back(us_since(t0));
    if (!r) die("capacity through the client: " + r.error().message);
  }
  return l;
}

latency precheck_queries(http::http_client& c, const stack& st, const bench_options& o, const std::string& month,
                         std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> any(0, o.equipment - 1);
  std::uniform_int_distribution<int> kva(20, 2000);
  auto request = [&] {
    return http::http_request{"POST", "/v1/prechecks", precheck_body(node_of(any(rng)).id, kva(rng), month), {}};
  };
  for (int w = 0; w < 500; ++w) send(c, request(), st.planner, 200);
  latency l{"POST /v1/prechecks", {}};
  l.us.reserve(static_cast<std::size_t>(o.prechecks));
  for (int q = 0; q < o.prechecks; ++q) l.us.push_back(send(c, request(), st.planner, 200));
  return l;
}

std::vector<latency> approvals(http::http_client& c, const stack& st, const bench_options& o,
                               const std::string& month, std::mt19937_64& rng) {
  std::uniform_int_distribution<std::size_t> any(0, o.equipment - 1);
  std::uniform_int_distribution<int> kva(50, 200);
  latency submit{"POST /v1/applications (201)", {}}, approve{"POST /v1/applications/{id}/approve", {}},
      both{"submit + approve", {}};
  int misses = 0;
  for (int a = 0; a < o.approvals; ++a) {
    std::string point, answer;
    int load = 0;
    do {  // a point where the load fits, untimed
      point = node_of(any(rng)).id;
      load = kva(rng);
      send(c, {"POST", "/v1/prechecks", precheck_body(point, load, month), {}}, st.marketing, 200, &answer);
      misses += answer.find(R"("fits":true)") == std::string::npos;
    } while (answer.find(R"("fits":true)") == std::string::npos);
    auto id = fmt::format("NC-BENCH-{:04d}", a);
    auto body = fmt::format(R"({{"id":"{}","customer":"蓝海冷链有限公司","point":"{}","requested_kva":{},"month":"{}"}})",
                            id, point, load, month);
    double s = send(c, {"POST", "/v1/applications", body, {}}, st.marketing, 201);
    double p = send(c, {"POST", "/v1/applications/" + id + "/approve", "", {}}, st.marketing, 200);
    submit.us.push_back(s);
    approve.us.push_back(p);
    both.us.push_back(s + p);
  }
  fmt::print("applications: {} approved ({} drawn points where the load did not fit were skipped)\n", o.approvals,
             misses);
  return {submit, approve, both};
}

std::string fresh_dir(const std::string& asked) {
  namespace fs = std::filesystem;
  fs::path dir = asked;
  if (dir.empty()) dir = fs::temp_directory_path() / fmt::format("gridcoord-capbench-{}", getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

void run(const stack& st, const bench_options& o) {
  auto now = utc_month_now();
  auto last = now - std::chrono::months{1};
  auto asked = domain::to_string(now + std::chrono::months{3});
  http::http_client c({"127.0.0.1", st.server->port()}, {std::chrono::milliseconds{600'000}});
  fmt::print("load average at start: {}\n", load_average());
  auto rss0 = purged_rss();
  import_tree(c, st, o.equipment);
  submit_m4(c, st, o, last);
  // One query, so the capacity actor has caught up on everything before the RSS is read.
  send(c, {"GET", point_path(0, asked), "", {}}, st.planner, 200);
  auto rss1 = rss_bytes();
  auto rss1_purged = purged_rss();
  auto per = [&](std::size_t b) { return static_cast<double>(b) / static_cast<double>(o.equipment); };
  fmt::print("process RSS after loading: {:.1f} MB = {:.0f} B/equipment ({:.0f} B/equipment after jemalloc purge); "
             "growth since the empty start {:.0f} B/equipment (purged: {:.0f})\n",
             static_cast<double>(rss1) / 1e6, per(rss1), per(rss1_purged), per(rss1 - rss0),
             per(rss1_purged - rss0));
  std::mt19937_64 rng(o.seed);
  std::vector<latency> all;
  fmt::print("queries for {} (3 months ahead of {}), load average before: {}\n", asked, domain::to_string(now),
             load_average());
  all.push_back(capacity_queries(c, st, o, asked, rng));
  all.push_back(direct_queries(st, o, now + std::chrono::months{3}, rng));
  all.push_back(precheck_queries(c, st, o, asked, rng));
  for (auto& l : approvals(c, st, o, asked, rng)) all.push_back(std::move(l));
  print_latencies(all);
  fmt::print("\nload average at the end: {}\n", load_average());
}

}  // namespace

// After the clean stop (which snapshots the register): the time to start and
// to the first capacity answer, with the capacity snapshot, then with it made
// unreadable, so that the register reads the whole log (the import's event
// decoded again, every M4).
void restarts(const std::string& dir) {
  auto point = node_of(0).id;
  auto asked = utc_month_now() + std::chrono::months{3};
  auto once = [&](const char* what) {
    auto began = clk::now();
    auto rt = actors::runtime::start(runtime_options(dir));
    if (!rt) die("cannot restart: " + rt.error().message);
    auto started = std::chrono::duration<double>(clk::now() - began).count();
    auto answer = bench::wait_for<std::vector<domain::capacity::point_capacity>>(
        [&](auto done) { (*rt)->api().capacity(point, asked, false, done); });
    if (!answer) die("no capacity answer after the restart: " + answer.error().message);
    fmt::print("restart {}: runtime::start {:.2f} s, first capacity answer {:.2f} s\n", what, started,
               std::chrono::duration<double>(clk::now() - began).count());
    (*rt)->stop();
  };
  once("with the capacity snapshot");
  {
    storage::rocksdb_options so;
    so.path = dir;
    auto store = storage::open_rocksdb_store(std::move(so));
    if (!store) die("cannot open the store: " + store.error().message);
    if (!(*store)->put_snapshot({"capacity", (*store)->last_seq(), "none\n"})) die("cannot replace the snapshot");
    (*store)->close();
  }
  once("without it (the whole log read)");
}

int main(int argc, char** argv) {
  CLI::App app{"the capacity register over HTTP: import, M4, capacity queries, prechecks, approvals"};
  bench_options o;
  app.add_option("--equipment", o.equipment, "equipment in the tree (the first N of 1,021,500 in tree order)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000'000}));
  app.add_option("--queries", o.queries, "timed GET /v1/capacity requests")->check(CLI::PositiveNumber);
  app.add_option("--prechecks", o.prechecks, "timed POST /v1/prechecks requests")->check(CLI::PositiveNumber);
  app.add_option("--approvals", o.approvals, "applications submitted and approved")->check(CLI::PositiveNumber);
  app.add_flag("--all-m4", o.all_m4, "an M4 peak for every distribution transformer too");
  app.add_option("--m4-rows-per-report", o.m4_rows_per_report, "M4 rows per report; the rest go to earlier months")
      ->check(CLI::Range(std::size_t{1}, max_rows));
  app.add_option("--seed", o.seed, "random seed of the query points");
  app.add_option("--data-dir", o.data_dir, "store directory (wiped first, removed after)");
  bool verbose = false;
  app.add_flag("--verbose", verbose, "log what the server does meanwhile (snapshots taken and loaded, with their times)");
  CLI11_PARSE(app, argc, argv);
  // No access line per request; with --verbose the snapshots' lines, from the actors.
  spdlog::set_level(verbose ? spdlog::level::info : spdlog::level::warn);
  auto dir = fresh_dir(o.data_dir);
  fmt::print("capacity_http_bench: {} equipment, store in {} (RocksDB, sync writes)\n", o.equipment, dir);
  {
    auto st = start_stack(dir);
    run(st, o);
    st.server->stop();
    st.rt->stop();
  }
  restarts(dir);
  std::filesystem::remove_all(dir);
}
