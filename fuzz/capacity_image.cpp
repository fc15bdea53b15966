// fuzz/capacity_image.cpp — the capacity register's snapshot image, damaged.
//
// Input: a patch. A fixed model (a small tree with measurements, standards,
// M1 and M2 loads, connections and rows naming equipment not yet imported)
// is imaged with model::snapshot(); the input's bytes are then taken in
// threes (offset high and low byte, mask) and XORed into the image, and a
// last byte or two, when left over, cut the image to the first one's share
// (of 256) of its length. So every
// input is the real image with some bytes changed, which is what a damaged
// snapshot on disk looks like, and the fuzzer explores the reader's checks
// instead of its header.
// Checks: from_snapshot refuses or accepts without crashing; an accepted model
// answers every query on every point without crashing, and images again into
// bytes that read back (the reader never accepts what the writer cannot write).
#include <string>
#include <vector>

#include "domain/capacity/model.hpp"
#include "domain/report_kind.hpp"
#include "fuzz/fuzz_target.hpp"

namespace {

namespace domain = gridcoord::domain;
namespace cap = gridcoord::domain::capacity;
using gridcoord::fuzz::check;

domain::cell txt(std::string s) { return domain::cell{domain::cell::kind::text, std::move(s), 0}; }
domain::cell num(double x) { return domain::cell{domain::cell::kind::number, {}, x}; }
domain::month ym(const char* s) { return *domain::parse_month(s); }

domain::row make_row(const domain::report_kind& k, std::initializer_list<std::pair<const char*, domain::cell>> cells) {
  domain::row r(k.fields.size());
  for (const auto& [name, value] : cells) r[*k.field_index(name)] = value;
  return r;
}

domain::equipment node(std::string id, domain::equipment_kind k, std::string parent, double rating,
                       std::string region = "东城区") {
  return {std::move(id), k, std::move(parent), domain::area_class::urban, std::move(region), rating};
}

std::string base_image() {
  using domain::equipment_kind;
  cap::model m{cap::settings{}};
  m.upsert_equipment({node("S", equipment_kind::substation, "", 40000),
                      node("T", equipment_kind::main_transformer, "S", 20000),
                      node("F1", equipment_kind::feeder, "T", 5000),
                      node("F2", equipment_kind::feeder, "T", 3000, "西城区"),
                      node("D1", equipment_kind::distribution_transformer, "F1", 630),
                      node("D9", equipment_kind::distribution_transformer, "F9", 400)});
  const auto& m3 = *domain::find_report_kind("equipment_load_standards");
  const auto& m4 = *domain::find_report_kind("load_statistics");
  const auto& m1 = *domain::find_report_kind("large_customer_demand");
  const auto& m2 = *domain::find_report_kind("regional_development");
  (void)m.apply_report(m3, ym("2026-09"), 1,
                       {make_row(m3, {{"equipment_class", txt("feeder")}, {"heavy_load_pct", num(80)},
                                      {"overload_pct", num(100)}, {"duration_h", num(1)},
                                      {"planning_limit_pct", num(75)}, {"effective_from", txt("2026-01")}})});
  for (const char* month : {"2026-09", "2026-10"})
    (void)m.apply_report(m4, ym(month), 1,
                         {make_row(m4, {{"equipment_id", txt("F1")}, {"peak_load_kva", num(3000)},
                                        {"load_rate_pct", num(60)}, {"hours_above_heavy_h", num(0)},
                                        {"hours_above_overload_h", num(0)}}),
                          make_row(m4, {{"equipment_id", txt("F9")}, {"peak_load_kva", num(100)},
                                        {"load_rate_pct", num(10)}, {"hours_above_heavy_h", num(0)},
                                        {"hours_above_overload_h", num(0)}})});
  (void)m.apply_report(m1, ym("2026-10"), 1,
                       {make_row(m1, {{"customer", txt("甲")}, {"feeder", txt("F2")}, {"demand_kva", num(400)},
                                      {"expected_month", txt("2026-12")}, {"likelihood_pct", num(90)}})});
  (void)m.apply_report(m2, ym("2026-10"), 1,
                       {make_row(m2, {{"row_type", txt("reinforcement")}, {"equipment_id", txt("F9")},
                                      {"equipment_class", txt("feeder")}, {"action", txt("uprate")},
                                      {"rating_kva", num(2000)}, {"in_service_month", txt("2027-03")}})});
  m.add_connection({"NC-1", "D1", ym("2026-11"), 120, std::nullopt});
  m.add_connection({"NC-2", "D9", ym("2027-01"), 80, 0.8});
  return m.snapshot();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string image = base_image();
  auto damaged = image;
  std::size_t i = 0;
  for (; i + 2 < size; i += 3)
    damaged[(std::size_t{data[i]} << 8 | data[i + 1]) % damaged.size()] ^= static_cast<char>(data[i + 2]);
  if (i < size) damaged.resize(damaged.size() * data[i] / 256);
  auto m = cap::model::from_snapshot(cap::settings{}, damaged);
  if (!m) return 0;
  for (const char* point : {"S", "T", "F1", "F2", "D1", "D9", "F9"}) {
    (void)m->horizon(point, ym("2026-10"));
    (void)m->committed(point, ym("2027-06"));
    (void)m->precheck({point, 100, ym("2026-12")});
  }
  (void)m->constrained({.period = ym("2026-11"), .at_least = cap::light::green});
  (void)m->heat_map(ym("2026-11"));
  m->upsert_equipment({node("F9", domain::equipment_kind::feeder, "T", 1500)});
  check(cap::model::from_snapshot(cap::settings{}, m->snapshot()).has_value(), "an accepted image images again");
  return 0;
}
