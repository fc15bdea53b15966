// equipment_import_bench — a million-row equipment registry imported, in
// process and over HTTP, and what it costs to hold.
//
// Generates a realistic tree as CSV: --substations substations × 2 main
// transformers × 20 feeders × 50 distribution transformers (1,071,500 rows at
// the default 500), Chinese district names as regions, coordinates around
// Beijing. Then measures:
//  (a) the domain path in this process: read_import_csv, check_import and
//      apply_import into an empty registry, each timed, rows/s;
//  (c) the registry's resident bytes per record: the RSS delta of building it
//      (/proc/self/statm) and its own memory_bytes(), and the time to copy it
//      (what the directory does after each import);
//  (b) the real stack: the runtime on RocksDB (sync writes, as `gridcoord
//      serve`) behind the HTTP server, the CSV POSTed to /v1/equipment/imports
//      over one keep-alive connection in parts of at most --rows-per-import
//      rows (each part a valid tree: whole substations), rows/s from the first
//      byte sent to the last 201 read; then the same again (every row
//      unchanged).
#include <time.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <random>

#include "actors/runtime.hpp"
#include "config/settings.hpp"
#include "domain/equipment.hpp"
#include "gateways/client/http_client.hpp"
#include "gateways/http_server.hpp"

using namespace gridcoord;
using clk = std::chrono::steady_clock;

namespace {

struct bench_options {
  int substations = 500;
  std::size_t rows_per_import = 250'000;
  bool http = true;
  std::string data_dir;
};

constexpr std::array<const char*, 16> districts{"东城区", "西城区", "朝阳区", "丰台区", "石景山区", "海淀区",
                                                "门头沟区", "房山区", "通州区", "顺义区", "昌平区", "大兴区",
                                                "怀柔区", "平谷区", "密云区", "延庆区"};
constexpr std::array<const char*, 3> areas{"urban", "rural", "remote"};

[[noreturn]] void die(const std::string& what) {
  fmt::print(stderr, "equipment_import_bench: {}\n", what);
  std::exit(1);
}

double ms_since(clk::time_point t0) { return std::chrono::duration<double, std::milli>(clk::now() - t0).count(); }

// This thread's CPU time in ms: on a shared machine, wall time counts the waits for a core too.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

std::size_t rss_bytes() {
  std::ifstream in("/proc/self/statm");
  std::size_t size = 0, resident = 0;
  in >> size >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

// CSV parts of whole substations, each at most `rows_per_part` rows (one part
// when 0); the header on each.
std::vector<std::string> make_csv(int substations, std::size_t rows_per_part, std::size_t& rows) {
  const std::size_t per_substation = 1 + 2 * (1 + 20 * (1 + 50));
  const std::string header = "id,kind,parent,area_class,region,rating_kva,latitude,longitude\n";
  std::vector<std::string> parts{header};
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> jitter(-0.02, 0.02);
  rows = 0;
  std::size_t in_part = 0;
  for (int s = 0; s < substations; ++s) {
    if (rows_per_part > 0 && in_part + per_substation > rows_per_part && in_part > 0) {
      parts.push_back(header);
      in_part = 0;
    }
    auto& out = parts.back();
    const char* region = districts[static_cast<std::size_t>(s) % districts.size()];
    const char* area = areas[static_cast<std::size_t>(s) % 7 == 0 ? 2 : static_cast<std::size_t>(s) % 3 == 0 ? 1 : 0];
    double lat = 39.4 + 1.2 * (s % 25) / 25.0, lon = 115.7 + 1.6 * (s / 25) / 20.0;
    auto sub = fmt::format("SS{:04}", s);
    fmt::format_to(std::back_inserter(out), "{},substation,,{},{},126000,{:.6f},{:.6f}\n", sub, area, region, lat, lon);
    for (int t = 1; t <= 2; ++t) {
      auto tr = fmt::format("{}-T{}", sub, t);
      fmt::format_to(std::back_inserter(out), "{},main_transformer,{},{},{},63000,{:.6f},{:.6f}\n", tr, sub, area,
                     region, lat, lon);
      for (int f = 1; f <= 20; ++f) {
        auto fe = fmt::format("{}-F{:02}", tr, f);
        fmt::format_to(std::back_inserter(out), "{},feeder,{},{},{},10000,{:.6f},{:.6f}\n", fe, tr, area, region,
                       lat + jitter(rng), lon + jitter(rng));
        for (int d = 1; d <= 50; ++d)
          fmt::format_to(std::back_inserter(out), "{}-D{:02},distribution_transformer,{},{},{},{},{:.6f},{:.6f}\n",
                         fe, d, fe, area, region, d % 3 == 0 ? 400 : 630, lat + jitter(rng), lon + jitter(rng));
      }
    }
    rows += per_substation;
    in_part += per_substation;
  }
  return parts;
}

template <class T>
T checked(domain::expected<T> e, std::string_view what) {
  if (!e) die(fmt::format("{}: {}", what, e.error().message));
  return std::move(*e);
}

void rate(std::string_view what, double ms, std::size_t rows, double cpu = -1) {
  fmt::print("| {:<34} | {:>9.0f} | {:>11.0f} | {:>9} | {:>11} |\n", what, ms, static_cast<double>(rows) / (ms / 1000),
             cpu < 0 ? std::string("-") : fmt::format("{:.0f}", cpu),
             cpu < 0 ? std::string("-") : fmt::format("{:.0f}", static_cast<double>(rows) / (cpu / 1000)));
}

void in_process(const std::vector<std::string>& parts, std::size_t rows) {
  std::size_t bytes = 0;
  for (const auto& p : parts) bytes += p.size();
  fmt::print("\n(a) in process, {} rows in {} import(s), CSV {} bytes (wall ms and rows/s; CPU ms of this thread, rows per CPU second)\n\n| {:<34} | {:>9} | {:>11} | {:>9} | {:>11} |\n"
             "|{:-<36}|{:->11}|{:->13}|{:->11}|{:->13}|\n",
             rows, parts.size(), bytes, "step", "ms", "rows/s", "cpu ms", "rows/cpu s", "", ":", ":", ":", ":");
  domain::equipment_registry reg;
  std::vector<domain::equipment> records;
  double read_ms = 0, check_ms = 0, apply_ms = 0, read_cpu = 0, check_cpu = 0, apply_cpu = 0;
  std::size_t applied_rss = 0;
  std::uint64_t seq = 1;
  for (const auto& csv : parts) {
    auto t0 = clk::now();
    auto c0 = cpu_ms();
    auto draft = checked(domain::read_import_csv(csv), "read");
    read_ms += ms_since(t0);
    read_cpu += cpu_ms() - c0;
    if (!draft.issues.empty()) die("row issue: " + draft.issues.front().reason);
    auto t1 = clk::now();
    auto c1 = cpu_ms();
    auto part = checked(reg.check_import(draft), "check");
    check_ms += ms_since(t1);
    check_cpu += cpu_ms() - c1;
    draft = {};
    auto rss1 = rss_bytes();
    auto t2 = clk::now();
    auto c2 = cpu_ms();
    reg.apply_import(part, seq++, {});
    apply_ms += ms_since(t2);
    apply_cpu += cpu_ms() - c2;
    applied_rss += rss_bytes() - rss1;
    records.insert(records.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  auto rss1 = std::size_t{0}, rss2 = applied_rss;
  rate("read_import_csv", read_ms, rows, read_cpu);
  rate("check_import", check_ms, rows, check_cpu);
  rate("apply_import (empty registry)", apply_ms, rows, apply_cpu);
  rate("all three", read_ms + check_ms + apply_ms, rows, read_cpu + check_cpu + apply_cpu);
  auto t3 = clk::now();
  auto again = reg.summarize(records);
  double summarize_ms = ms_since(t3);
  rate("summarize (every row known)", summarize_ms, rows);
  auto t4 = clk::now();
  auto c4 = cpu_ms();
  auto copy = reg;
  double copy_ms = ms_since(t4);
  rate("registry copy (the directory's)", copy_ms, rows, cpu_ms() - c4);
  auto payload = domain::encode_import(std::span(records).first(domain::import_rows_per_event));
  auto t5 = clk::now();
  (void)domain::find_in_import(payload, records[domain::import_rows_per_event - 1].id);
  double find_ms = ms_since(t5);
  rate("find_in_import (last of one event)", find_ms, domain::import_rows_per_event);
  fmt::print("\n(c) memory: {} records; RSS +{} bytes while applying = {:.1f} B/record; memory_bytes() {} = "
             "{:.1f} B/record ({:.1f} B/record in a copy); {} unchanged on a repeat; one event of {} rows is {} bytes\n",
             reg.size(), rss2 - rss1, static_cast<double>(rss2 - rss1) / static_cast<double>(reg.size()),
             reg.memory_bytes(), static_cast<double>(reg.memory_bytes()) / static_cast<double>(reg.size()),
             static_cast<double>(copy.memory_bytes()) / static_cast<double>(copy.size()), again.unchanged,
             domain::import_rows_per_event, payload.size());
}

struct stack {
  std::unique_ptr<actors::runtime> rt;
  std::unique_ptr<gateways::http_server> server;
  std::string token;
};

stack start_stack(const std::string& dir, std::size_t body_bytes) {
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
  std::promise<domain::expected<domain::issued_token>> p;
  st.rt->api().create_token({"liaison:production", "bench importer", "bench", "", {}},
                            [&](auto t) { p.set_value(std::move(t)); });
  st.token = checked(p.get_future().get(), "token").token;
  s.server.port = 0;
  s.server.rate_limit_per_second = 0;
  s.server.max_body_bytes = std::max(s.server.max_body_bytes, body_bytes);
  st.server = std::make_unique<gateways::http_server>(s.server, st.rt->api());
  if (auto started = st.server->start(); !started) die("cannot listen: " + started.error().message);
  return st;
}

double post_all(gateways::client::http_client& http, const stack& st, const std::vector<std::string>& parts,
                std::string_view expect) {
  auto t0 = clk::now();
  for (const auto& body : parts) {
    gateways::client::http_request req{"POST", "/v1/equipment/imports", body,
                                       {{"Authorization", "Bearer " + st.token}}, "text/csv; charset=utf-8"};
    auto res = http.send(req);
    if (!res) die("transport error: " + res.error().message);
    if (res->status != 201) die(fmt::format("expected 201, got {}: {}", res->status, res->body.substr(0, 600)));
    if (res->body.find(expect) == std::string::npos) die("unexpected receipt: " + res->body);
  }
  return ms_since(t0);
}

void over_http(const bench_options& o, const std::vector<std::string>& parts, std::size_t rows) {
  namespace fs = std::filesystem;
  fs::path dir = o.data_dir.empty() ? fs::temp_directory_path() / fmt::format("gridcoord-eqbench-{}", getpid())
                                    : fs::path(o.data_dir);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::size_t largest = 0;
  for (const auto& p : parts) largest = std::max(largest, p.size());
  {
    auto st = start_stack(dir.string(), largest + 1024);
    gateways::client::http_client http({"127.0.0.1", st.server->port()}, {std::chrono::milliseconds{600'000}});
    fmt::print("\n(b) over HTTP: {} rows in {} import(s) (largest body {} bytes), RocksDB sync writes\n\n"
               "| {:<34} | {:>9} | {:>11} | {:>9} | {:>11} |\n|{:-<36}|{:->11}|{:->13}|{:->11}|{:->13}|\n",
               rows, parts.size(), largest, "step", "ms", "rows/s", "cpu ms", "rows/cpu s", "", ":", ":", ":", ":");
    auto rss0 = rss_bytes();
    rate("POST imports -> 201 (all new)", post_all(http, st, parts, R"("replaced":0,"unchanged":0)"), rows);
    auto rss1 = rss_bytes();
    rate("POST imports -> 201 (all unchanged)", post_all(http, st, parts, R"("added":0,"replaced":0)"), rows);
    fmt::print("\nserver RSS after the first pass: +{} bytes ({:.0f} B/record, everything: the registry, "
               "its directory copy, RocksDB's memtables, allocator caches)\n",
               rss1 - rss0, static_cast<double>(rss1 - rss0) / static_cast<double>(rows));
    st.server->stop();
    st.rt->stop();
  }
  fs::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"a million-row equipment registry: import speed and memory"};
  bench_options o;
  app.add_option("--substations", o.substations, "substations (2,143 rows each)")->check(CLI::PositiveNumber);
  app.add_option("--rows-per-import", o.rows_per_import, "at most this many rows per HTTP import (whole substations)");
  app.add_flag("!--no-http", o.http, "only the in-process measurements");
  app.add_option("--data-dir", o.data_dir, "store directory (wiped first, removed after)");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::warn);
  std::size_t rows = 0;
  auto whole = make_csv(o.substations, domain::max_import_rows, rows);
  in_process(whole, rows);
  whole.clear();
  if (!o.http) return 0;
  auto parts = make_csv(o.substations, std::min(o.rows_per_import, domain::max_import_rows), rows);
  over_http(o, parts, rows);
}
