// capacity_bench — the capacity model at a realistic scale, in process.
//
// Builds substations × main transformers × feeders × distribution
// transformers (500 × 2 × 20 × 50 ≈ 1,021,500 equipment by default) in ~50
// regions, one M4 month of peaks for every element and a few thousand
// approved connections, then measures: equipment upserts per second, the
// model's own memory account and the process RSS growth per equipment,
// capacity() latency over random points, one add_connection +
// remove_connection, a constrained() page (one full pass) and heat_map().
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <unistd.h>

#include <jemalloc/jemalloc.h>
#include <vector>

#include "domain/capacity/model.hpp"

using namespace gridcoord::domain;
using namespace gridcoord::domain::capacity;
using clk = std::chrono::steady_clock;

namespace {

const char* const region_names[] = {
    "东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区", "通州区", "顺义区",
    "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区", "浦东新区", "黄浦区", "徐汇区", "长宁区",
    "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区", "金山区", "松江区", "青浦区",
    "奉贤区", "崇明区", "越秀区", "荔湾区", "海珠区", "天河区", "白云区", "黄埔区", "番禺区", "花都区",
    "南沙区", "从化区", "增城区", "福田区", "罗湖区", "南山区", "宝安区", "龙岗区", "盐田区", "龙华区"};

std::size_t rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

double seconds_since(clk::time_point t) { return std::chrono::duration<double>(clk::now() - t).count(); }

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

cell text(std::string s) { return cell{cell::kind::text, std::move(s), 0}; }
cell number(double x) { return cell{cell::kind::number, {}, x}; }

struct shape {
  int substations = 500;
  int transformers = 2;
  int feeders = 20;
  int dts = 50;
};

// Every equipment of the tree in order, parents first; the same for a seed.
template <class F>
void for_each_equipment(const shape& s, unsigned seed, F&& f) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> dt_size(0, 3);
  const double dt_ratings[] = {315, 400, 630, 800};
  for (int a = 0; a < s.substations; ++a) {
    std::string sid = fmt::format("SS{:04d}", a);
    std::string region = region_names[a % 50];
    f(equipment{sid, equipment_kind::substation, "", area_class::urban, region, 100000});
    for (int b = 0; b < s.transformers; ++b) {
      std::string tid = fmt::format("{}/T{}", sid, b + 1);
      f(equipment{tid, equipment_kind::main_transformer, sid, area_class::urban, region, 50000});
      for (int c = 0; c < s.feeders; ++c) {
        std::string fid = fmt::format("{}/F{:02d}", tid, c + 1);
        f(equipment{fid, equipment_kind::feeder, tid, area_class::urban, region, 8000});
        for (int d = 0; d < s.dts; ++d) {
          f(equipment{fmt::format("{}/D{:02d}", fid, d + 1), equipment_kind::distribution_transformer, fid,
                      d % 7 == 0 ? area_class::rural : area_class::urban, region, dt_ratings[dt_size(rng)]});
        }
      }
    }
  }
}

// RSS with the allocator's freed pages given back first.
std::size_t settled_rss() {
  auto purge = fmt::format("arena.{}.purge", MALLCTL_ARENAS_ALL);
  mallctl(purge.c_str(), nullptr, nullptr, nullptr, 0);
  return rss_bytes();
}

}  // namespace

int main(int argc, char** argv) {
  shape s;
  int connections = 5000;
  int queries = 100'000;
  int churn = 20'000;
  unsigned seed = 42;
  CLI::App app{"the capacity model at scale: upserts, memory, queries, full passes"};
  app.add_option("--substations", s.substations, "substations");
  app.add_option("--transformers", s.transformers, "main transformers per substation");
  app.add_option("--feeders", s.feeders, "feeders per main transformer");
  app.add_option("--dts", s.dts, "distribution transformers per feeder");
  app.add_option("--connections", connections, "approved connections before the queries");
  app.add_option("--queries", queries, "capacity() queries over random points");
  app.add_option("--churn", churn, "add_connection + remove_connection pairs timed");
  app.add_option("--seed", seed, "random seed");
  CLI11_PARSE(app, argc, argv);

  std::mt19937 rng(seed);
  // A sample of points for the queries, drawn before the baseline.
  std::vector<std::string> ids;
  std::size_t n = 0;
  std::bernoulli_distribution sampled(0.1);
  for_each_equipment(s, seed, [&](const equipment& e) {
    ++n;
    if (sampled(rng)) ids.push_back(e.id);
  });

  std::size_t rss_before = settled_rss();
  model m{settings{}};
  double upsert_s = 0;
  std::vector<equipment> batch;
  auto flush = [&] {
    auto t0 = clk::now();
    m.upsert_equipment(batch);
    upsert_s += seconds_since(t0);
    batch.clear();
  };
  for_each_equipment(s, seed, [&](equipment e) {
    batch.push_back(std::move(e));
    if (batch.size() == max_import_rows / 10) flush();
  });
  flush();
  batch.shrink_to_fit();

  // One M4 month: every element at 30–85 % of its rating.
  const report_kind* m4 = find_report_kind("load_statistics");
  std::vector<row> peaks;
  peaks.reserve(n);
  std::uniform_real_distribution<double> loading(30, 85);
  for_each_equipment(s, seed, [&](const equipment& e) {
    double pct = loading(rng);
    row r(m4->fields.size());
    r[*m4->field_index("equipment_id")] = text(e.id);
    r[*m4->field_index("peak_load_kva")] = number(e.rating_kva * pct / 100);
    r[*m4->field_index("load_rate_pct")] = number(pct);
    r[*m4->field_index("hours_above_heavy_h")] = number(pct > 80 ? 3 : 0);
    r[*m4->field_index("hours_above_overload_h")] = number(0);
    peaks.push_back(std::move(r));
  });
  auto t = clk::now();
  auto applied = m.apply_report(*m4, *parse_month("2026-10"), 1, peaks);
  double m4_s = seconds_since(t);
  if (!applied) fmt::print(stderr, "M4: {}\n", applied.error().message);
  peaks.clear();
  peaks.shrink_to_fit();

  std::uniform_int_distribution<std::size_t> any(0, ids.size() - 1);
  std::uniform_int_distribution<int> month_ahead(1, 12);
  std::uniform_real_distribution<double> kva(50, 400);
  month base = *parse_month("2026-10");
  for (int c = 0; c < connections; ++c) {
    m.add_connection({fmt::format("APP-{:06d}", c), ids[any(rng)], base + std::chrono::months{month_ahead(rng)},
                      kva(rng), std::nullopt});
  }
  std::size_t rss_after = settled_rss();

  month asked = *parse_month("2027-03");
  std::vector<double> query_us;
  query_us.reserve(static_cast<std::size_t>(queries));
  for (int q = 0; q < queries; ++q) {
    const auto& point = ids[any(rng)];
    auto q0 = clk::now();
    auto c = m.capacity(point, asked);
    query_us.push_back(std::chrono::duration<double, std::micro>(clk::now() - q0).count());
    if (!c) fmt::print(stderr, "capacity: {}\n", c.error().message);
  }
  std::vector<double> churn_us;
  churn_us.reserve(static_cast<std::size_t>(churn));
  for (int c = 0; c < churn; ++c) {
    connection x{"CHURN", ids[any(rng)], base + std::chrono::months{month_ahead(rng)}, kva(rng), 0.8};
    auto c0 = clk::now();
    m.add_connection(x);
    m.remove_connection("CHURN");
    churn_us.push_back(std::chrono::duration<double, std::micro>(clk::now() - c0).count());
  }
  t = clk::now();
  auto page = m.constrained({.period = asked});
  double constrained_s = seconds_since(t);
  t = clk::now();
  auto heat = m.heat_map(asked);
  double heat_s = seconds_since(t);

  t = clk::now();
  auto image = m.snapshot();
  double image_s = seconds_since(t);
  t = clk::now();
  auto restored = model::from_snapshot(m.config(), image);
  double restore_s = seconds_since(t);
  if (!restored) fmt::print(stderr, "snapshot: {}\n", restored.error().message);

  auto per = [&](double bytes) { return bytes / static_cast<double>(m.equipment_count()); };
  fmt::print("capacity model: {} equipment ({} × {} × {} × {}), {} connections\n", m.equipment_count(),
             s.substations, s.transformers, s.feeders, s.dts, connections);
  fmt::print("  upsert            {:>12.0f} rows/s  ({:.2f} s)\n", static_cast<double>(n) / upsert_s, upsert_s);
  fmt::print("  M4 apply          {:>12.0f} rows/s  ({:.2f} s)\n", static_cast<double>(n) / m4_s, m4_s);
  fmt::print("  memory_bytes()    {:>12.1f} B/equipment ({:.1f} MB)\n", per(static_cast<double>(m.memory_bytes())),
             static_cast<double>(m.memory_bytes()) / 1e6);
  fmt::print("  RSS delta         {:>12.1f} B/equipment ({:.1f} MB; inputs freed, jemalloc purged)\n",
             per(static_cast<double>(rss_after) - static_cast<double>(rss_before)),
             (static_cast<double>(rss_after) - static_cast<double>(rss_before)) / 1e6);
  fmt::print("  capacity()        p50 {:.2f} µs  p99 {:.2f} µs  ({} queries)\n", percentile(query_us, 0.5),
             percentile(query_us, 0.99), queries);
  fmt::print("  add+remove conn.  p50 {:.2f} µs  p99 {:.2f} µs  ({} pairs)\n", percentile(churn_us, 0.5),
             percentile(churn_us, 0.99), churn);
  fmt::print("  constrained()     {:>8.1f} ms  ({} items on the first page, end={})\n", constrained_s * 1e3,
             page ? page->items.size() : 0, page ? page->end : true);
  fmt::print("  heat_map()        {:>8.1f} ms  ({} regions)\n", heat_s * 1e3, heat ? heat->size() : 0);
  fmt::print("  snapshot image    {:>8.1f} ms  ({:.1f} MB, {:.0f} B/equipment); read back in {:.1f} ms\n", image_s * 1e3,
             static_cast<double>(image.size()) / 1e6, per(static_cast<double>(image.size())), restore_s * 1e3);
  return 0;
}
