// Seeded random trees and loads: the model's answers against a naive
// recomputation from the same inputs, and what an update may and may not change.
#include <map>
#include <random>

#include "tests/capacity/support.hpp"

using namespace capacity_test;

namespace {

struct naive_load {
  std::string point;
  month from;
  double counted;
};

// The inputs, kept plainly, and the formulas computed from them directly.
struct world {
  std::vector<equipment> tree;
  std::map<std::string, double> peak;  // measured in 2026-10
  std::map<std::string, std::pair<month, double>> uprate;
  std::map<std::string, naive_load> loads;

  const equipment& at(const std::string& id) const {
    for (const auto& e : tree) if (e.id == id) return e;
    FAIL("no " << id);
    return tree.front();
  }
  std::vector<std::string> path(std::string id) const {
    std::vector<std::string> out;
    for (; !id.empty(); id = at(id).parent) out.push_back(id);
    return out;
  }
  double headroom(const std::string& e, month m) const {
    double rating = at(e).rating_kva;
    if (auto it = uprate.find(e); it != uprate.end() && it->second.first <= m) rating = it->second.second;
    double projected = peak.count(e) ? peak.at(e) : 0;
    for (const auto& [id, l] : loads) {
      auto p = path(l.point);
      if (l.from <= m && std::find(p.begin(), p.end(), e) != p.end()) projected += l.counted;
    }
    return rating * 0.8 - projected;
  }
};

world random_world(std::mt19937& rng) {
  world w;
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto real = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  int substations = pick(1, 2);
  for (int s = 0; s < substations; ++s) {
    std::string sid = "S" + std::to_string(s);
    w.tree.push_back(node(sid, equipment_kind::substation, "", real(20000, 40000)));
    for (int t = 0; t < pick(1, 2); ++t) {
      std::string tid = sid + "/T" + std::to_string(t);
      w.tree.push_back(node(tid, equipment_kind::main_transformer, sid, real(8000, 20000)));
      for (int f = 0; f < pick(1, 3); ++f) {
        std::string fid = tid + "/F" + std::to_string(f);
        w.tree.push_back(node(fid, equipment_kind::feeder, tid, real(2000, 6000)));
        for (int d = 0; d < pick(0, 3); ++d) {
          std::string did = fid + "/D" + std::to_string(d);
          w.tree.push_back(node(did, equipment_kind::distribution_transformer, fid, real(200, 1000)));
        }
      }
    }
  }
  for (const auto& e : w.tree) {
    if (pick(0, 3) != 0) w.peak[e.id] = real(0, e.rating_kva * 0.7);
    if (pick(0, 9) == 0) w.uprate[e.id] = {ym("2026-11") + std::chrono::months{pick(0, 12)}, e.rating_kva * 1.5};
  }
  return w;
}

model build(const world& w) {
  model m{settings{}};
  m.upsert_equipment(w.tree);
  std::vector<row> peaks, m2;
  for (const auto& [id, kva] : w.peak) peaks.push_back(peak(id.c_str(), kva, 10));
  for (const auto& [id, r] : w.uprate) {
    m2.push_back(make_row(kind_of("regional_development"), {{"row_type", txt("reinforcement")},
                                                            {"equipment_id", txt(id)},
                                                            {"action", txt("uprate")},
                                                            {"rating_kva", num(r.second)},
                                                            {"in_service_month", txt(to_string(r.first))}}));
  }
  apply(m, "load_statistics", "2026-10", 1, peaks);
  apply(m, "regional_development", "2026-10", 1, m2);
  return m;
}

// Every element's answer in every month 2026-11 … 2027-12.
std::vector<point_capacity> everything(const model& m, const world& w) {
  std::vector<point_capacity> out;
  for (const auto& e : w.tree) {
    auto h = m.horizon(e.id, ym("2026-11"));
    REQUIRE(h);
    out.insert(out.end(), h->begin(), h->end());
  }
  return out;
}

connection random_connection(std::mt19937& rng, const world& w, int n) {
  const auto& e = w.tree[std::uniform_int_distribution<std::size_t>(0, w.tree.size() - 1)(rng)];
  std::optional<double> factor;
  if (rng() % 2) factor = std::uniform_real_distribution<double>(0.3, 1)(rng);
  return {"A" + std::to_string(n), e.id, ym("2026-11") + std::chrono::months{static_cast<int>(rng() % 14)},
          std::uniform_real_distribution<double>(10, 3000)(rng), factor};
}

}  // namespace

TEST_CASE("available capacity is the least headroom on the path, computed naively", "[capacity][property]") {
  for (std::uint32_t seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed);
    auto w = random_world(rng);
    auto m = build(w);
    for (int n = 0; n < 8; ++n) {
      auto c = random_connection(rng, w, n);
      m.add_connection(c);
      w.loads[c.application] = {c.point, c.from, c.load_kva * c.demand_factor.value_or(1)};
    }
    auto page = m.constrained({.period = ym("2027-06"), .at_least = std::nullopt, .limit = 1000});
    REQUIRE(page);
    REQUIRE(page->items.size() == w.tree.size());
    for (const auto& item : page->items) {
      INFO("seed " << seed << " point " << item.point);
      for (month mo : {ym("2026-11"), ym("2027-06"), ym("2027-12")}) {
        auto path = w.path(item.point);
        std::string binding;
        double least = 0;
        for (const auto& e : path) {
          double h = w.headroom(e, mo);
          if (binding.empty() || h < least) binding = e, least = h;
        }
        auto got = cap(m, item.point.c_str(), to_string(mo).c_str());
        CHECK(got.available_kva == Approx(least).margin(1e-6));
        CHECK(got.binding == binding);
        if (mo == ym("2027-06")) {  // the full pass agrees with the point query
          CHECK(item.available_kva == got.available_kva);
          CHECK(item.binding == got.binding);
          CHECK(item.status == got.status);
          CHECK(item.reason == got.reason);
        }
      }
    }
  }
}

TEST_CASE("a connection changes exactly its path from its month, and withdrawing it restores every answer",
          "[capacity][property]") {
  for (std::uint32_t seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed * 7919);
    auto w = random_world(rng);
    auto m = build(w);
    for (int n = 0; n < 5; ++n) m.add_connection(random_connection(rng, w, n));
    auto before = everything(m, w);
    auto c = random_connection(rng, w, 99);
    // a precheck (accepted or refused) changes nothing
    REQUIRE(m.precheck({c.point, c.load_kva, c.from, c.demand_factor}));
    REQUIRE(everything(m, w) == before);
    m.add_connection(c);
    auto after = everything(m, w);
    double counted = c.load_kva * c.demand_factor.value_or(1);
    auto on_path = w.path(c.point);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
      INFO("seed " << seed << " " << before[i].point << " " << to_string(before[i].period));
      for (std::size_t k = 0; k < before[i].path.size(); ++k) {
        const auto& b = before[i].path[k];
        const auto& a = after[i].path[k];
        bool touched = std::find(on_path.begin(), on_path.end(), b.id) != on_path.end() && before[i].period >= c.from;
        CHECK(b.headroom_kva - a.headroom_kva == Approx(touched ? counted : 0).margin(1e-6));
      }
    }
    m.remove_connection(c.application);
    CHECK(everything(m, w) == before);
  }
}
