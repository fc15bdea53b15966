// The formulas of domain/capacity/types.hpp on a hand-computed network, as
// reinforcements (M2), customer demand (M1) and approvals arrive.
#include <algorithm>

#include "tests/capacity/support.hpp"

using namespace capacity_test;

namespace {

// Defaults everywhere: planning limit 80 %, heavy 80 %, overload 100 %, factor 1.
//   S1 (10000 kVA, peak 7000)                        limit 8000, headroom 1000
//   ├─ T1 (5000, peak 3000)                          limit 4000, headroom 1000
//   │  ├─ F1 (3000, peak 2000)                       limit 2400, headroom  400
//   │  │  ├─ D1 (500, peak 300)                      limit  400, headroom  100
//   │  │  └─ D2 (500, peak 100)                      limit  400, headroom  300
//   │  └─ F2 (3000, peak 1000)                       limit 2400, headroom 1400
//   └─ T2 (5000, peak 2000)                          limit 4000, headroom 2000
model network() {
  model m{settings{}};
  using k = equipment_kind;
  m.upsert_equipment({node("D1", k::distribution_transformer, "F1", 500),  // a child before its parent
                      node("S1", k::substation, "", 10000), node("T1", k::main_transformer, "S1", 5000),
                      node("F1", k::feeder, "T1", 3000), node("D2", k::distribution_transformer, "F1", 500),
                      node("F2", k::feeder, "T1", 3000), node("T2", k::main_transformer, "S1", 5000, "西城区")});
  apply(m, "load_statistics", "2026-10", 1,
        {peak("S1", 7000, 70), peak("T1", 3000, 60), peak("F1", 2000, 66.7), peak("D1", 300, 60),
         peak("D2", 100, 20), peak("F2", 1000, 33.3), peak("T2", 2000, 40)});
  return m;
}

row reinforcement(const char* id, double kva, const char* from) {
  return make_row(kind_of("regional_development"), {{"row_type", txt("reinforcement")},
                                                    {"equipment_id", txt(id)},
                                                    {"action", txt("uprate")},
                                                    {"rating_kva", num(kva)},
                                                    {"in_service_month", txt(from)}});
}

row project(const char* name, const char* feeder, double mw, const char* from) {
  return make_row(kind_of("regional_development"), {{"row_type", txt("project")},
                                                    {"area", txt("开发区")},
                                                    {"feeder", txt(feeder)},
                                                    {"project", txt(name)},
                                                    {"load_mw", num(mw)},
                                                    {"expected_month", txt(from)}});
}

row customer(const char* name, const char* feeder, double kw, double likelihood, const char* from) {
  return make_row(kind_of("large_customer_demand"), {{"customer", txt(name)},
                                                     {"feeder", txt(feeder)},
                                                     {"demand_kw", num(kw)},
                                                     {"expected_month", txt(from)},
                                                     {"likelihood_pct", num(likelihood)}});
}

}  // namespace

TEST_CASE("capacity query names the binding element nearest the point", "[capacity]") {
  auto m = network();
  auto d1 = cap(m, "D1", "2027-03");
  CHECK(d1.available_kva == 100);  // min(D1 100, F1 400, T1 1000, S1 1000)
  CHECK(d1.binding == "D1");
  CHECK(d1.status == light::green);
  CHECK(d1.reason.empty());
  REQUIRE(d1.path.size() == 4);
  CHECK(d1.path[0].id == "D1");
  CHECK(d1.path[3].id == "S1");
  CHECK(d1.path[1].limit_kva == 2400);
  CHECK(d1.path[1].headroom_kva == 400);
  CHECK(d1.path[3].projected_load_rate_pct == 70);
  CHECK(d1.as_of == ym("2026-10"));
  CHECK(d1.sources == std::vector<report_ref>{{"load_statistics", ym("2026-10"), 1}});
  // T1 and S1 both have 1000: the nearer one binds
  CHECK(cap(m, "T1", "2027-03").binding == "T1");
  CHECK(cap(m, "F1", "2027-03").available_kva == 400);
  CHECK(!m.capacity("nowhere", ym("2027-03")));
  CHECK(m.capacity("nowhere", ym("2027-03")).error().code == errc::not_found);
}

TEST_CASE("the binding constraint moves as approvals and reinforcements arrive", "[capacity]") {
  auto m = network();
  // A1: 250 kVA × 0.8 = 200 counted at D2 from 2027-01
  m.add_connection({"A1", "D2", ym("2027-01"), 250, 0.8});
  CHECK(cap(m, "F1", "2026-12").available_kva == 400);  // not yet energized
  auto f1 = cap(m, "F1", "2027-01");
  CHECK(f1.available_kva == 200);  // F1 2400 − 2000 − 200
  CHECK(f1.binding == "F1");
  CHECK(cap(m, "D2", "2027-01").available_kva == 100);  // D2 400 − 100 − 200
  CHECK(cap(m, "D1", "2027-01").available_kva == 100);  // D1 itself, untouched by A1
  CHECK(cap(m, "T2", "2027-01").available_kva == 800);  // S1 1000 − 200 binds T2's path
  CHECK(cap(m, "T2", "2027-01").binding == "S1");

  // M2 v1: F1 uprated to 4000 kVA from 2027-02 → limit 3200, headroom 3200 − 2200 = 1000
  apply(m, "regional_development", "2026-11", 1, {reinforcement("F1", 4000, "2027-02")});
  CHECK(cap(m, "F1", "2027-01").available_kva == 200);
  auto after = cap(m, "F1", "2027-02");
  CHECK(after.path[0].rating_kva == 4000);
  CHECK(after.available_kva == 800);  // T1 4000 − 3000 − 200 and S1 8000 − 7000 − 200 tie
  CHECK(after.binding == "T1");
  CHECK(std::find(after.sources.begin(), after.sources.end(),
                  report_ref{"regional_development", ym("2026-11"), 1}) != after.sources.end());

  // M2 v2 replaces v1: the same reinforcement and the Park project, 0.45 MW / 0.9 = 500 kVA at F2 from 2027-02
  apply(m, "regional_development", "2026-11", 2,
        {reinforcement("F1", 4000, "2027-02"), project("Park", "F2", 0.45, "2027-02")});
  auto f1_feb = cap(m, "F1", "2027-02");
  CHECK(f1_feb.available_kva == Approx(300));  // T1 4000 − 3000 − 200 − 500
  CHECK(f1_feb.binding == "T1");
  CHECK(cap(m, "F2", "2027-02").path[0].headroom_kva == Approx(900));  // 2400 − 1000 − 500

  // M1: 360 kW / 0.9 = 400 kVA at F2 from 2027-03, likelihood 60 ≥ 50
  apply(m, "large_customer_demand", "2026-11", 1, {customer("Steel", "F2", 360, 60, "2027-03")});
  auto d1 = cap(m, "D1", "2027-03");
  CHECK(d1.available_kva == Approx(-100));  // T1 and S1: −100; T1 is nearer
  CHECK(d1.binding == "T1");
  CHECK(d1.status == light::red);
  CHECK(d1.reason == "T1 has -100 kVA of headroom in 2027-03, at or below the 0 kVA minimum");
  CHECK(cap(m, "D1", "2027-02").available_kva == 100);  // D1 again
  CHECK(cap(m, "D1", "2027-02").status == light::green);

  // withdrawing A1 gives its 200 kVA back on D2, F1, T1, S1
  m.remove_connection("A1");
  CHECK(cap(m, "D1", "2027-03").available_kva == Approx(100));  // D1 100; T1 100 too, D1 nearer
  CHECK(cap(m, "D1", "2027-03").binding == "D1");
  CHECK(cap(m, "D1", "2027-03").status == light::green);
  m.remove_connection("A1");  // unknown now: nothing
}

TEST_CASE("precheck answers fit, what is committed on the binding element, and relief", "[capacity]") {
  auto m = network();
  m.add_connection({"A1", "D2", ym("2027-01"), 250, 0.8});
  apply(m, "regional_development", "2026-11", 1,
        {reinforcement("F1", 4000, "2027-02"), project("Park", "F2", 0.45, "2027-02")});
  // 250 kVA at F1 in 2027-01: 200 available (F1) → no; 2027-02: 300 available (T1) → relief
  auto r = m.precheck({"F1", 250, ym("2027-01"), std::nullopt});
  REQUIRE(r);
  CHECK(!r->fits);
  CHECK(r->counted_kva == 250);
  CHECK(r->demand_factor == 1);
  CHECK(r->capacity.binding == "F1");
  CHECK(r->relief == ym("2027-02"));
  CHECK(r->reason == "250 kVA counted is more than the 200 kVA available at F1 in 2027-01; F1 is the binding "
                     "constraint");
  REQUIRE(r->committed_on_binding.size() == 1);
  CHECK(r->committed_on_binding[0] ==
        committed_load{load_source::connection, "A1", "D2", ym("2027-01"), 250, 0.8});
  // with a factor of 0.5, 125 counted fits
  auto half = m.precheck({"F1", 250, ym("2027-01"), 0.5});
  REQUIRE(half);
  CHECK(half->fits);
  CHECK(half->counted_kva == 125);
  CHECK(half->reason.empty());
  CHECK(!half->relief);
  // a precheck reserves nothing
  CHECK(cap(m, "F1", "2027-01").available_kva == 200);
  CHECK(m.committed("T1", ym("2027-02")).size() == 2);  // A1, then Park
  CHECK(m.committed("T1", ym("2027-02"))[1].ref == "Park");
  CHECK(!m.precheck({"nowhere", 1, ym("2027-01"), std::nullopt}));
}

TEST_CASE("re-parenting moves the loads of the subtree to the new path", "[capacity]") {
  auto m = network();
  m.add_connection({"A2", "D1", ym("2027-01"), 100, std::nullopt});
  CHECK(cap(m, "F1", "2027-01").path[0].committed_kva == 100);
  CHECK(cap(m, "F2", "2027-01").path[0].committed_kva == 0);
  m.upsert_equipment({node("D1", equipment_kind::distribution_transformer, "F2", 500)});
  CHECK(cap(m, "F1", "2027-01").path[0].committed_kva == 0);
  CHECK(cap(m, "F2", "2027-01").path[0].committed_kva == 100);
  CHECK(cap(m, "T1", "2027-01").path[0].committed_kva == 100);
  CHECK(cap(m, "D1", "2027-01").path[1].id == "F2");
  // a whole feeder moves to T2 with D1 under it
  m.upsert_equipment({node("F2", equipment_kind::feeder, "T2", 3000)});
  CHECK(cap(m, "T1", "2027-01").path[0].committed_kva == 0);
  CHECK(cap(m, "T2", "2027-01").path[0].committed_kva == 100);
  CHECK(cap(m, "S1", "2027-01").path[0].committed_kva == 100);
}

TEST_CASE("a connection at equipment not yet in the tree counts once it arrives", "[capacity]") {
  auto m = network();
  m.add_connection({"A3", "D9", ym("2027-01"), 100, std::nullopt});
  CHECK(!m.capacity("D9", ym("2027-01")));
  CHECK(cap(m, "F1", "2027-01").path[0].committed_kva == 0);
  m.upsert_equipment({node("D9", equipment_kind::distribution_transformer, "F1", 200)});
  CHECK(cap(m, "F1", "2027-01").path[0].committed_kva == 100);
  CHECK(cap(m, "D9", "2027-01").available_kva == 60);  // 160 − 0 − 100: never measured
  CHECK(!cap(m, "D9", "2027-01").path[0].measured_month);
  CHECK(m.equipment_count() == 8);
}

TEST_CASE("status: amber above the heavy-load threshold, red when overloaded in M4", "[capacity]") {
  auto m = network();
  m.add_connection({"A4", "T2", ym("2027-01"), 1200, std::nullopt});
  // S1: 7000 + 1200 = 8200 of 10000 = 82 % > 80 %; headroom 8000 − 8200 = −200 → red first
  CHECK(cap(m, "T2", "2027-01").status == light::red);
  m.add_connection({"A4", "T2", ym("2027-01"), 900, std::nullopt});  // replaces: 7900 → 79 %
  CHECK(cap(m, "T2", "2027-01").status == light::green);
  m.add_connection({"A4", "T2", ym("2027-01"), 950, std::nullopt});  // 7950 of 8000: 79.5 %
  m.add_connection({"A5", "F2", ym("2027-01"), 30, std::nullopt});   // S1 7980: 79.8 %
  CHECK(cap(m, "T2", "2027-01").status == light::green);
  m.add_connection({"A5", "F2", ym("2027-01"), 50, std::nullopt});   // S1 8000: 80 % is not above
  CHECK(cap(m, "T2", "2027-01").status == light::red);               // but headroom 0 ≤ 0 minimum
  m.remove_connection("A5");
  model amber{settings{.minimum_available_kva = -5000}};
  amber.upsert_equipment({node("S", equipment_kind::substation, "", 1000)});
  amber.add_connection({"X", "S", ym("2027-01"), 842, std::nullopt});
  auto s = cap(amber, "S", "2027-03");
  CHECK(s.status == light::amber);
  CHECK(s.reason == "S is projected at 84.2 % of its rating in 2027-03, above its 80 % heavy-load threshold");
  apply(amber, "load_statistics", "2026-10", 1, {peak("S", 1010, 101, 20, 3)});
  auto red = cap(amber, "S", "2027-03");
  CHECK(red.status == light::red);
  CHECK(red.reason == "S was overloaded in 2026-10 (M4)");
  CHECK(red.path[0].latest_class == load_class::overload);
}

TEST_CASE("a constrained point carries its cause and the element it is about, as data", "[capacity]") {
  auto m = network();
  m.add_connection({"A1", "D1", ym("2027-01"), 150, std::nullopt});  // D1: headroom −50 → red
  apply(m, "load_statistics", "2026-11", 1, {peak("T1", 3050, 101, 20, 3)});  // T1 overloaded, headroom 950
  auto page = m.constrained({.period = ym("2027-01"), .at_least = std::nullopt});
  REQUIRE(page);
  auto item = [&](std::string_view id) {
    auto it = std::find_if(page->items.begin(), page->items.end(), [&](const auto& p) { return p.point == id; });
    REQUIRE(it != page->items.end());
    return *it;
  };
  auto d1 = item("D1");  // the headroom comes first, even under an overloaded T1
  CHECK(d1.cause == limit_cause::no_headroom);
  CHECK(d1.cause_element == "D1");
  CHECK(d1.cause_kind == equipment_kind::distribution_transformer);
  auto d2 = item("D2");
  CHECK(d2.status == light::red);
  CHECK(d2.cause == limit_cause::overloaded);
  CHECK(d2.cause_element == "T1");
  CHECK(d2.cause_kind == equipment_kind::main_transformer);
  CHECK(d2.binding == "F1");  // the least headroom (F1: 2400 − 2000 − 150) is another matter
  auto t2 = item("T2");
  CHECK(t2.status == light::green);
  CHECK(t2.cause == limit_cause::none);
  CHECK(t2.cause_element.empty());
  CHECK(parse_limit_cause("overloaded") == limit_cause::overloaded);
  CHECK(to_string(limit_cause::no_headroom) == "no_headroom");
  CHECK(!parse_limit_cause("full"));
}

TEST_CASE("constrained lists amber and red points by id, and heat_map counts every point", "[capacity]") {
  auto m = network();
  m.add_connection({"A1", "D1", ym("2027-01"), 150, std::nullopt});  // D1: 400 − 300 − 150 = −50 → red
  apply(m, "regional_development", "2026-11", 1, {reinforcement("D1", 800, "2027-04")});  // limit 640 → 190
  auto page = m.constrained({.period = ym("2027-01")});
  REQUIRE(page);
  REQUIRE(page->items.size() == 1);
  CHECK(page->items[0].point == "D1");
  CHECK(page->items[0].status == light::red);
  CHECK(page->items[0].available_kva == -50);
  CHECK(page->items[0].reason == "D1 has -50 kVA of headroom in 2027-01, at or below the 0 kVA minimum");
  CHECK(page->items[0].relief == ym("2027-04"));
  CHECK(page->end);
  CHECK(page->as_of == ym("2026-10"));
  auto all = m.constrained({.period = ym("2027-01"), .at_least = std::nullopt, .limit = 3});
  REQUIRE(all);
  CHECK(all->items.size() == 3);
  CHECK(all->items[0].point == "D1");
  CHECK(all->items[2].point == "F1");
  CHECK(!all->end);
  auto rest = m.constrained({.period = ym("2027-01"), .at_least = std::nullopt, .after = all->next_after});
  REQUIRE(rest);
  CHECK(rest->items.size() == 4);  // F2 S1 T1 T2
  CHECK(rest->end);
  auto heat = m.heat_map(ym("2027-01"));
  REQUIRE(heat);
  REQUIRE(heat->size() == 2);
  CHECK(heat->at(0).region == "东城区");
  CHECK(heat->at(0).red == 1);
  CHECK(heat->at(0).green == 5);
  CHECK(heat->at(0).least_available_point == "D1");
  CHECK(heat->at(1) == region_heat{"西城区", 1, 0, 0, 850, "T2"});  // S1 1000 − 150 binds
}
