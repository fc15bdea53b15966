// How M1–M4 feed the capacity model: the standard in force, M4
// classification at its edges, corrected versions, and report replacement.
#include "tests/capacity/support.hpp"

using namespace capacity_test;

namespace {

model feeders() {
  model m{settings{.defaults = {load_standard{.kind = equipment_kind::feeder, .planning_limit_pct = 75,
                                              .demand_factor = 0.9}}}};
  m.upsert_equipment({node("S", equipment_kind::substation, "", 100000),
                      node("T", equipment_kind::main_transformer, "S", 50000),
                      node("F1", equipment_kind::feeder, "T", 1000), node("F2", equipment_kind::feeder, "T", 1000),
                      node("F3", equipment_kind::feeder, "T", 1000)});
  return m;
}

}  // namespace

TEST_CASE("without M3 the configured default is the standard in force", "[capacity][m3]") {
  auto m = feeders();
  CHECK(m.standard(equipment_kind::feeder, ym("2027-01")).planning_limit_pct == 75);
  CHECK(!m.standard(equipment_kind::feeder, ym("2027-01")).source);
  CHECK(m.standard(equipment_kind::substation, ym("2027-01")) == load_standard{.kind = equipment_kind::substation});
  CHECK(cap(m, "F1", "2027-01").path[0].limit_kva == 750);
  // a connection without its own factor takes the default of the point's kind: 100 × 0.9
  m.add_connection({"A", "F1", ym("2027-01"), 100, std::nullopt});
  CHECK(cap(m, "F1", "2027-01").path[0].committed_kva == Approx(90));
}

TEST_CASE("the standard in force is the latest effective_from at or before the month", "[capacity][m3]") {
  auto m = feeders();
  apply(m, "equipment_load_standards", "2026-09", 1,
        {standard_row("feeder", 80, 100, 2, 80, "2026-01"), standard_row("feeder", 85, 110, 2, 70, "2027-01")});
  CHECK(m.standard(equipment_kind::feeder, ym("2026-12")).planning_limit_pct == 80);
  CHECK(m.standard(equipment_kind::feeder, ym("2027-01")).planning_limit_pct == 70);
  CHECK(m.standard(equipment_kind::feeder, ym("2025-12")).planning_limit_pct == 75);  // before both: the default
  CHECK(m.standard(equipment_kind::feeder, ym("2027-01")).demand_factor == 0.9);      // no field: the default's
  CHECK(m.standard(equipment_kind::feeder, ym("2027-01")).source ==
        report_ref{"equipment_load_standards", ym("2026-09"), 1});
  CHECK(cap(m, "F1", "2026-12").path[0].limit_kva == 800);
  CHECK(cap(m, "F1", "2027-01").path[0].limit_kva == 700);
  CHECK(cap(m, "F1", "2027-01").sources == std::vector<report_ref>{{"equipment_load_standards", ym("2026-09"), 1}});
  // a later version of the same month replaces that report's entries
  apply(m, "equipment_load_standards", "2026-09", 2, {standard_row("feeder", 80, 100, 2, 60, "2026-01")});
  CHECK(m.standard(equipment_kind::feeder, ym("2027-01")).planning_limit_pct == 60);
  // an older version is ignored
  apply(m, "equipment_load_standards", "2026-09", 1, {standard_row("feeder", 80, 100, 2, 50, "2026-01")});
  CHECK(m.standard(equipment_kind::feeder, ym("2027-01")).planning_limit_pct == 60);
}

TEST_CASE("an M3 demand_factor field is read when the kind has one", "[capacity][m3]") {
  report_kind with_factor = kind_of("equipment_load_standards");
  if (!with_factor.field_index("demand_factor")) {
    with_factor.fields.push_back({.name = "demand_factor", .type = field_type::number, .max = 1.0, .positive = true});
  }
  auto r = make_row(with_factor, {{"equipment_class", txt("feeder")},
                                  {"heavy_load_pct", num(80)},
                                  {"overload_pct", num(100)},
                                  {"duration_h", num(1)},
                                  {"planning_limit_pct", num(80)},
                                  {"effective_from", txt("2026-01")},
                                  {"demand_factor", num(0.5)}});
  auto m = feeders();
  REQUIRE(m.apply_report(with_factor, ym("2026-09"), 1, {r}));
  CHECK(m.standard(equipment_kind::feeder, ym("2027-01")).demand_factor == 0.5);
  m.add_connection({"A", "F1", ym("2027-01"), 100, std::nullopt});
  CHECK(cap(m, "F1", "2027-01").path[0].committed_kva == 50);
  m.add_connection({"A", "F1", ym("2027-01"), 100, 1.0});  // its own factor wins
  CHECK(cap(m, "F1", "2027-01").path[0].committed_kva == 100);
  r[*with_factor.field_index("demand_factor")] = num(1.5);
  CHECK(!m.apply_report(with_factor, ym("2026-09"), 2, {r}));
  CHECK(m.standard(equipment_kind::feeder, ym("2027-01")).demand_factor == 0.5);  // nothing changed
}

TEST_CASE("M4 classification at the threshold edges", "[capacity][m4]") {
  load_standard s{.heavy_load_pct = 80, .overload_pct = 100, .duration_h = 2};
  CHECK(classify(100, 5, 5, s) == load_class::heavy);      // exactly at overload is not above it
  CHECK(classify(100.5, 5, 2, s) == load_class::overload);  // hours exactly the duration count
  CHECK(classify(100.5, 5, 1.9, s) == load_class::heavy);
  CHECK(classify(80, 5, 0, s) == load_class::normal);
  CHECK(classify(80.1, 2, 0, s) == load_class::heavy);
  CHECK(classify(80.1, 1.9, 0, s) == load_class::normal);

  auto m = feeders();
  apply(m, "equipment_load_standards", "2026-09", 1, {standard_row("feeder", 80.3, 100.7, 2.5, 80, "2026-01")});
  apply(m, "load_statistics", "2026-10", 1,
        {peak("F1", 803, 80.3, 10, 0), peak("F2", 1007, 100.7, 10, 10), peak("F3", 1008, 100.8, 10, 2.5)});
  CHECK(cap(m, "F1", "2027-01").path[0].latest_class == load_class::normal);  // 80.3 is not above 80.3
  CHECK(cap(m, "F2", "2027-01").path[0].latest_class == load_class::heavy);   // 100.7 is not above 100.7
  CHECK(cap(m, "F3", "2027-01").path[0].latest_class == load_class::overload);
  CHECK(cap(m, "F3", "2027-01").status == light::red);
  CHECK(cap(m, "F3", "2027-01").sources ==
        std::vector<report_ref>{{"equipment_load_standards", ym("2026-09"), 1}, {"load_statistics", ym("2026-10"), 1}});
  // the standard in force in the M4 month classifies: a stricter one from 2026-11 does not apply to 2026-10
  apply(m, "equipment_load_standards", "2026-10", 1, {standard_row("feeder", 50, 60, 1, 50, "2026-11")});
  CHECK(cap(m, "F1", "2027-01").path[0].latest_class == load_class::normal);
  CHECK(cap(m, "F1", "2027-01").path[0].planning_limit_pct == 50);
}

TEST_CASE("the latest M4 month counts; a corrected version replaces that month's rows", "[capacity][m4]") {
  auto m = feeders();
  apply(m, "load_statistics", "2026-10", 1, {peak("F1", 500), peak("F2", 400)});
  apply(m, "load_statistics", "2026-11", 1, {peak("F1", 600), peak("F2", 450)});
  m.add_connection({"A", "F1", ym("2026-11"), 100, 1.0});  // in November's measurement already
  m.add_connection({"B", "F1", ym("2026-12"), 50, 1.0});
  auto f1 = cap(m, "F1", "2027-01");
  CHECK(f1.path[0].measured_peak_kva == 600);
  CHECK(f1.path[0].committed_kva == 50);  // only B is after 2026-11
  CHECK(f1.as_of == ym("2026-11"));
  CHECK(cap(m, "F1", "2026-10").path[0].measured_peak_kva == 500);  // a month before the latest
  CHECK(cap(m, "F1", "2026-10").path[0].committed_kva == 0);
  // November v2 no longer measures F1: October's peak and both connections count
  apply(m, "load_statistics", "2026-11", 2, {peak("F2", 460)});
  f1 = cap(m, "F1", "2027-01");
  CHECK(f1.path[0].measured_peak_kva == 500);
  CHECK(f1.path[0].measured_month == ym("2026-10"));
  CHECK(f1.path[0].committed_kva == 150);
  CHECK(cap(m, "F2", "2027-01").path[0].measured_peak_kva == 460);
  CHECK(cap(m, "F2", "2027-01").sources == std::vector<report_ref>{{"load_statistics", ym("2026-11"), 2}});
  apply(m, "load_statistics", "2026-11", 1, {peak("F1", 999)});  // older version: ignored
  CHECK(cap(m, "F1", "2027-01").path[0].measured_peak_kva == 500);
  // a measurement of equipment not yet in the tree waits for it
  apply(m, "load_statistics", "2026-12", 1, {peak("F9", 321)});
  m.upsert_equipment({node("F9", equipment_kind::feeder, "T", 1000)});
  CHECK(cap(m, "F9", "2027-01").path[0].measured_peak_kva == 321);
}

TEST_CASE("the latest M1 version replaces the older loads; likelihood at the minimum counts", "[capacity][m1]") {
  auto m = feeders();
  apply(m, "large_customer_demand", "2026-10", 1,
        {demand("Steel", "F1", 200, 50, "2027-01"), demand("Mill", "F2", 300, 49.9, "2027-01")});
  CHECK(m.committed("F1", ym("2027-01")).size() == 1);
  CHECK(m.committed("F2", ym("2027-01")).empty());  // 49.9 < 50
  CHECK(cap(m, "F1", "2027-01").path[0].committed_kva == Approx(180));  // 200 × 0.9
  CHECK(cap(m, "F1", "2027-01").sources == std::vector<report_ref>{{"large_customer_demand", ym("2026-10"), 1}});
  // v2 drops Steel and brings Mill at 80 %
  apply(m, "large_customer_demand", "2026-10", 2, {demand("Mill", "F2", 300, 80, "2027-01")});
  CHECK(m.committed("F1", ym("2027-01")).empty());
  CHECK(m.committed("T", ym("2027-01")).size() == 1);
  CHECK(m.committed("T", ym("2027-01"))[0] ==
        committed_load{load_source::large_customer, "Mill", "F2", ym("2027-01"), 300, 0.9});
  // an older month is ignored; a newer month replaces
  apply(m, "large_customer_demand", "2026-09", 5, {demand("Old", "F3", 300, 80, "2027-01")});
  CHECK(m.committed("F3", ym("2027-01")).empty());
  apply(m, "large_customer_demand", "2026-11", 1, {demand("Gone", "F9", 300, 80, "2027-01")});
  CHECK(m.committed("T", ym("2027-01")).empty());  // F9 is not in the tree yet
  m.upsert_equipment({node("F9", equipment_kind::feeder, "T", 1000)});
  CHECK(m.committed("T", ym("2027-01")).size() == 1);
  // rows with only an area are not placed
  auto area_only = make_row(kind_of("large_customer_demand"), {{"customer", txt("Area")},
                                                               {"area", txt("开发区")},
                                                               {"demand_kw", num(90)},
                                                               {"expected_month", txt("2027-01")},
                                                               {"likelihood_pct", num(90)}});
  apply(m, "large_customer_demand", "2026-12", 1, {area_only});
  CHECK(m.committed("T", ym("2027-01")).empty());
}

TEST_CASE("an M2 reinforcement raises the limit from its month; new equipment counts once in the tree", "[capacity][m2]") {
  auto m = feeders();
  auto uprate = [](const char* id, const char* action, double kva, const char* from) {
    return make_row(kind_of("regional_development"), {{"row_type", txt("reinforcement")},
                                                      {"equipment_id", txt(id)},
                                                      {"equipment_class", txt("feeder")},
                                                      {"action", txt(action)},
                                                      {"rating_kva", num(kva)},
                                                      {"in_service_month", txt(from)}});
  };
  apply(m, "regional_development", "2026-10", 1, {uprate("F1", "uprate", 2000, "2027-03"), uprate("F7", "new", 4000, "2027-05")});
  CHECK(cap(m, "F1", "2027-02").path[0].limit_kva == 750);
  CHECK(cap(m, "F1", "2027-03").path[0].limit_kva == 1500);
  m.upsert_equipment({node("F7", equipment_kind::feeder, "T", 3000)});
  CHECK(cap(m, "F7", "2027-04").path[0].rating_kva == 3000);  // its registered rating before
  CHECK(cap(m, "F7", "2027-05").path[0].rating_kva == 4000);
  // the next M2 without the rows: back to the registered ratings
  apply(m, "regional_development", "2026-11", 1, {});
  CHECK(cap(m, "F1", "2027-03").path[0].limit_kva == 750);
  CHECK(cap(m, "F7", "2027-05").path[0].rating_kva == 3000);
}

TEST_CASE("rows that do not fit the kind answer internal; other kinds are ignored", "[capacity]") {
  auto m = feeders();
  auto bad = m.apply_report(kind_of("load_statistics"), ym("2026-10"), 1, {row(2)});
  REQUIRE(!bad);
  CHECK(bad.error().code == errc::internal);
  auto missing = peak("F1", 1);
  missing[*kind_of("load_statistics").field_index("peak_load_kva")] = cell{};
  CHECK(!m.apply_report(kind_of("load_statistics"), ym("2026-10"), 1, {missing}));
  CHECK(m.apply_report(kind_of("service_figures"), ym("2026-10"), 1, {row(1)}));
}
