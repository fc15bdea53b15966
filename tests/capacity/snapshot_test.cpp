// The capacity model's snapshot image (domain/capacity/snapshot.cpp): a model
// read back from its image answers every query as the model that wrote it,
// and goes on the same under further updates (so what is rebuilt rather than
// stored — the id table, the region index, the M3 catalogue — is right);
// other settings and damaged bytes are refused, never followed.
#include <cstring>

#include "tests/capacity/support.hpp"

using namespace capacity_test;

namespace {

settings configured() {
  return settings{.minimum_likelihood_pct = 60,
                  .defaults = {load_standard{.kind = equipment_kind::feeder, .planning_limit_pct = 75}}};
}

row uprate(const char* id, double kva, const char* from) {
  return make_row(kind_of("regional_development"), {{"row_type", txt("reinforcement")},
                                                    {"equipment_id", txt(id)},
                                                    {"equipment_class", txt("feeder")},
                                                    {"action", txt("uprate")},
                                                    {"rating_kva", num(kva)},
                                                    {"in_service_month", txt(from)}});
}

// A model that holds something of every member: two regions, M3 of two
// months, M4 of two months (so two measurements per element), M1 and M2 held,
// connections, and rows and children naming equipment not yet imported
// (pending loads, ratings and measurements, orphans).
model rich() {
  model m{configured()};
  m.upsert_equipment({node("S", equipment_kind::substation, "", 40000),
                      node("S/T1", equipment_kind::main_transformer, "S", 20000),
                      node("F1", equipment_kind::feeder, "S/T1", 5000),
                      node("F2", equipment_kind::feeder, "S/T1", 3000, "西城区"),
                      node("D1", equipment_kind::distribution_transformer, "F1", 630),
                      node("D9", equipment_kind::distribution_transformer, "F9", 400)});  // F9 not yet known
  apply(m, "equipment_load_standards", "2026-08", 1, {standard_row("feeder", 80, 100, 1, 70, "2026-01")});
  apply(m, "equipment_load_standards", "2026-09", 1, {standard_row("feeder", 80, 100, 1, 80, "2026-09")});
  apply(m, "load_statistics", "2026-09", 1, {peak("F1", 3000, 60), peak("S/T1", 9000), peak("F9", 100)});
  apply(m, "load_statistics", "2026-10", 1, {peak("F1", 3600, 72), peak("F2", 2900, 97, 3, 2), peak("D1", 500, 79)});
  apply(m, "large_customer_demand", "2026-10", 1,
        {demand("甲公司", "F1", 400, 90, "2026-12"), demand("乙公司", "F2", 300, 50, "2027-01"),
         demand("丙公司", "F9", 200, 80, "2027-02")});
  apply(m, "regional_development", "2026-10", 1, {uprate("F2", 6000, "2027-06"), uprate("F9", 2000, "2027-03")});
  m.add_connection({"NC-1", "D1", ym("2026-11"), 120, std::nullopt});
  m.add_connection({"NC-2", "F2", ym("2027-02"), 250, 0.8});
  m.add_connection({"NC-3", "D9", ym("2027-01"), 80, std::nullopt});
  return m;
}

// Every answer the model gives over the points and months asked.
void same_answers(const model& a, const model& b, const std::vector<const char*>& points) {
  CHECK(a.equipment_count() == b.equipment_count());
  for (const auto* p : points) {
    INFO(p);
    auto ha = a.horizon(p, ym("2026-10"));
    auto hb = b.horizon(p, ym("2026-10"));
    REQUIRE(ha.has_value() == hb.has_value());
    if (ha) CHECK(*ha == *hb);
    CHECK(a.committed(p, ym("2027-06")) == b.committed(p, ym("2027-06")));
  }
  for (const auto* m : {"2026-10", "2027-02", "2027-07"}) {
    INFO(m);
    auto ca = a.constrained({.period = ym(m), .at_least = light::green});
    auto cb = b.constrained({.period = ym(m), .at_least = light::green});
    REQUIRE(ca);
    REQUIRE(cb);
    CHECK(ca->items == cb->items);
    auto heat_a = a.heat_map(ym(m));
    auto heat_b = b.heat_map(ym(m));
    REQUIRE(heat_a);
    REQUIRE(heat_b);
    CHECK(*heat_a == *heat_b);
    CHECK(a.standard(equipment_kind::feeder, ym(m)) == b.standard(equipment_kind::feeder, ym(m)));
  }
}

const std::vector<const char*> points{"S", "S/T1", "F1", "F2", "D1", "D9", "F9", "F10"};

}  // namespace

TEST_CASE("a model read from its snapshot answers as the model that wrote it, and goes on the same",
          "[capacity][snapshot]") {
  auto original = rich();
  auto image = original.snapshot();
  auto restored = model::from_snapshot(configured(), image);
  INFO((restored ? std::string() : restored.error().message));
  REQUIRE(restored);
  same_answers(original, *restored, points);
  CHECK(restored->snapshot().size() == image.size());  // nothing lost (maps may iterate in another order)

  // The same updates on both: F9 arrives (adopting D9, its pending loads,
  // rating and measurement), a new region, new M3 and M4 versions, a new M1,
  // a connection withdrawn and one added.
  for (auto* m : {&original, &*restored}) {
    m->upsert_equipment({node("F9", equipment_kind::feeder, "S/T1", 1500, "朝阳区"),
                         node("F10", equipment_kind::feeder, "S/T1", 900, "朝阳区")});
    apply(*m, "equipment_load_standards", "2026-09", 2, {standard_row("feeder", 80, 100, 1, 85, "2026-09")});
    apply(*m, "load_statistics", "2026-10", 2, {peak("F1", 3700, 74), peak("F10", 800, 99, 4, 3)});
    apply(*m, "large_customer_demand", "2026-11", 1, {demand("丁公司", "F10", 150, 100, "2026-12")});
    m->remove_connection("NC-2");
    m->add_connection({"NC-4", "F9", ym("2027-03"), 500, std::nullopt});
  }
  same_answers(original, *restored, points);
}

TEST_CASE("an empty model round-trips", "[capacity][snapshot]") {
  model m{settings{}};
  auto restored = model::from_snapshot(settings{}, m.snapshot());
  REQUIRE(restored);
  CHECK(restored->equipment_count() == 0);
  restored->upsert_equipment({node("F1", equipment_kind::feeder, "", 1000)});
  CHECK(cap(*restored, "F1", "2026-10").path[0].rating_kva == 1000);
}

TEST_CASE("a snapshot built with other capacity settings is refused, so the model is rebuilt from the log",
          "[capacity][snapshot]") {
  auto image = rich().snapshot();
  auto other = configured();
  other.minimum_likelihood_pct = 40;  // M1 rows at 50 % would count now
  auto r = model::from_snapshot(other, image);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::conflict);
  auto horizon = configured();
  horizon.horizon_months = 36;
  CHECK_FALSE(model::from_snapshot(horizon, image));
}

TEST_CASE("damaged snapshot bytes are refused, never followed", "[capacity][snapshot]") {
  auto image = rich().snapshot();
  // Cut anywhere: too short.
  for (std::size_t n = 0; n < image.size(); n += 7) {
    auto r = model::from_snapshot(configured(), std::string_view(image).substr(0, n));
    INFO(n);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::internal);
  }
  // Run on.
  CHECK_FALSE(model::from_snapshot(configured(), image + "x"));
  // Another format or machine.
  auto other = image;
  other[0] ^= 1;
  CHECK_FALSE(model::from_snapshot(configured(), other));
  // A measurement of a month no M4 version is known for (found by the
  // capacity_image fuzz target: a query then threw from the versions' map).
  // The last 2026-09 in the image is F9's pending measurement.
  {
    auto damaged = image;
    const std::int32_t september = 2026 * 12 + 9 - 1, january = 2025 * 12;
    auto at = damaged.rfind(std::string_view(reinterpret_cast<const char*>(&september), sizeof september));
    REQUIRE(at != std::string::npos);
    std::memcpy(damaged.data() + at, &january, sizeof january);
    auto r = model::from_snapshot(configured(), damaged);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == errc::internal);
  }
  // Every 32-bit word made an index far out of range, in turn: each is
  // refused or, where the word was not an index, read as some other model —
  // never a crash or a hang (the sanitizer build runs this too).
  std::size_t refused = 0;
  for (std::size_t at = 16; at + 4 <= image.size(); at += 4) {
    auto damaged = image;
    std::uint32_t far = 0x7fff'fff0u;
    std::memcpy(damaged.data() + at, &far, sizeof far);
    auto r = model::from_snapshot(configured(), damaged);
    if (!r) ++refused;
    else (void)r->capacity("F1", ym("2026-10"));
  }
  CHECK(refused > 0);
}
