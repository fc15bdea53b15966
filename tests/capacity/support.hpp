#pragma once
// tests/capacity/support.hpp — rows of a report kind by field name, and small
// trees, for the capacity tests.
#include <initializer_list>
#include <string>
#include <utility>

#include <catch2/catch.hpp>

#include "domain/capacity/model.hpp"
#include "domain/report_kind.hpp"

namespace capacity_test {

using namespace gridcoord::domain;
using namespace gridcoord::domain::capacity;

inline cell txt(std::string s) { return cell{cell::kind::text, std::move(s), 0}; }
inline cell num(double x) { return cell{cell::kind::number, {}, x}; }
inline month ym(const char* s) { return *parse_month(s); }

inline const report_kind& kind_of(const char* id) {
  const report_kind* k = find_report_kind(id);
  REQUIRE(k);
  return *k;
}

// A row of `k` with the named cells set, the others empty.
inline row make_row(const report_kind& k, std::initializer_list<std::pair<const char*, cell>> cells) {
  row r(k.fields.size());
  for (const auto& [name, value] : cells) {
    auto i = k.field_index(name);
    REQUIRE(i);
    r[*i] = value;
  }
  return r;
}

inline equipment node(std::string id, equipment_kind k, std::string parent, double rating,
                      std::string region = "东城区") {
  return equipment{.id = std::move(id), .kind = k, .parent = std::move(parent), .area = area_class::urban,
                   .region = std::move(region), .rating_kva = rating};
}

inline row peak(const char* id, double kva, double rate = 50, double heavy_h = 0, double over_h = 0) {
  return make_row(kind_of("load_statistics"), {{"equipment_id", txt(id)},
                                               {"peak_load_kva", num(kva)},
                                               {"load_rate_pct", num(rate)},
                                               {"hours_above_heavy_h", num(heavy_h)},
                                               {"hours_above_overload_h", num(over_h)}});
}

// An M3 row: the standard of `cls` from month `from`.
inline row standard_row(const char* cls, double heavy, double over, double hours, double planning, const char* from) {
  return make_row(kind_of("equipment_load_standards"), {{"equipment_class", txt(cls)},
                                                        {"heavy_load_pct", num(heavy)},
                                                        {"overload_pct", num(over)},
                                                        {"duration_h", num(hours)},
                                                        {"planning_limit_pct", num(planning)},
                                                        {"effective_from", txt(from)}});
}

// An M1 row in kVA.
inline row demand(const char* name, const char* feeder, double kva, double likelihood, const char* from) {
  return make_row(kind_of("large_customer_demand"), {{"customer", txt(name)},
                                                     {"feeder", txt(feeder)},
                                                     {"demand_kva", num(kva)},
                                                     {"expected_month", txt(from)},
                                                     {"likelihood_pct", num(likelihood)}});
}

inline void apply(model& m, const char* kind, const char* period, std::uint32_t version, const std::vector<row>& rows) {
  auto ok = m.apply_report(kind_of(kind), ym(period), version, rows);
  INFO((ok ? std::string() : ok.error().message));
  REQUIRE(ok);
}

inline point_capacity cap(const model& m, const char* point, const char* period) {
  auto c = m.capacity(point, ym(period));
  REQUIRE(c);
  return *c;
}

}  // namespace capacity_test
