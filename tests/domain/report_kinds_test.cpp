// The catalogue of report kinds (M1–M5, M7, M8): who sends each to whom, and a
// valid and an invalid fixture per kind, where every rule and bound fails with
// its row, field and reason, all at once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "domain/report.hpp"
#include "domain/report_csv.hpp"
#include "domain/row_rules.hpp"

using namespace gridcoord::domain;
namespace json = boost::json;

namespace {

const month november = *parse_month("2026-11");  // 30 days: 720 hours

const report_kind& kind(std::string_view id) {
  const auto* k = find_report_kind(id);
  REQUIRE(k);
  return *k;
}

expected<std::vector<row>> parse(std::string_view id, std::string_view body) {
  return parse_rows(kind(id), november, json::parse(body));
}

// "row 3 · field · reason" for each issue, in the order reported.
std::vector<std::string> issues(const expected<std::vector<row>>& r) {
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::validation_failed);
  std::vector<std::string> out;
  for (const auto& i : r.error().details)
    out.push_back(fmt::format("row {} · {} · {}", *i.row, i.field, i.reason));
  return out;
}

// The value reported with the issue on `row` and `field`.
std::string value_at(const expected<std::vector<row>>& r, std::size_t row, std::string_view field) {
  for (const auto& i : r.error().details)
    if (i.row == row && i.field == field) return i.value;
  FAIL("no issue on row " << row << " field " << field);
  return {};
}

std::size_t rows_in(const expected<std::vector<row>>& r) {
  INFO((r ? "" : fmt::format("{} issue(s), first: row {} {} {}", r.error().details.size(),
                             r.error().details.empty() ? 0 : r.error().details[0].row.value_or(0),
                             r.error().details.empty() ? "" : r.error().details[0].field,
                             r.error().details.empty() ? "" : r.error().details[0].reason)));
  REQUIRE(r);
  return r->size();
}

}  // namespace

TEST_CASE("the catalogue holds M1-M5, M7 and M8, sent and received as DESIGN.md's table says",
          "[domain][report_kinds]") {
  using enum department;
  struct flow {
    std::string id;
    department from;
    std::vector<department> to;
  };
  const std::map<std::string, flow> table{
      {"M1", {"large_customer_demand", marketing, {planning, dispatch}}},
      {"M2", {"regional_development", planning, {marketing}}},
      {"M3", {"equipment_load_standards", production, {planning, dispatch, marketing}}},
      {"M4", {"load_statistics", dispatch, {planning, production}}},
      {"M5", {"connection_restrictions", marketing, {planning, dispatch}}},
      {"M7", {"power_quality_requirements", marketing, {planning, dispatch}}},
      {"M8", {"service_figures", customer_service, {planning, dispatch, production, marketing}}},
  };
  REQUIRE(report_catalogue().size() == table.size());
  std::string previous;
  for (const auto& k : report_catalogue()) {
    INFO(k.flow);
    REQUIRE(table.contains(k.flow));
    const auto& f = table.at(k.flow);
    CHECK(k.id == f.id);
    CHECK(k.sender == f.from);
    CHECK(k.recipients == f.to);
    CHECK(std::find(k.recipients.begin(), k.recipients.end(), k.sender) == k.recipients.end());
    CHECK(k.flow > previous);  // in flow order
    previous = k.flow;
    CHECK(find_report_kind(k.id) == &k);
  }
  CHECK(find_report_kind("restricted_areas") == nullptr);  // M6 is a publication, not a report
}

TEST_CASE("every kind's rules, key and fields are consistent, and numbers carry their unit",
          "[domain][report_kinds]") {
  // A factor (M3's demand_factor) is a ratio without a unit, and says so by its name.
  const std::vector<std::string> units{"_kw", "_kva", "_mw", "_pct", "_h", "_factor"};
  for (const auto& k : report_catalogue()) {
    INFO(k.id);
    CHECK_FALSE(k.title.empty());
    CHECK_FALSE(k.key.empty());
    std::set<std::string> names;
    for (const auto& f : k.fields) {
      INFO(f.name);
      CHECK(names.insert(f.name).second);
      CHECK(std::all_of(f.name.begin(), f.name.end(), [](char c) { return std::islower(c) || c == '_'; }));
      CHECK_FALSE(f.description.empty());
      CHECK(f.allowed.empty() == (f.type != field_type::choice));
      if (f.type == field_type::number)
        CHECK(std::any_of(units.begin(), units.end(), [&](const std::string& u) { return f.name.ends_with(u); }));
    }
    for (const auto& r : k.rules) {
      CHECK_FALSE(r.description.empty());
      for (const auto& f : r.fields) CHECK(k.field_index(f));
    }
    for (const auto& f : k.key) CHECK(k.field_index(f));
  }
}

TEST_CASE("rules are described in words", "[domain][report_kinds]") {
  const auto& m2 = kind("regional_development");
  CHECK(m2.rules[0].description ==
        "a project row (row_type project) gives area, project, load_mw and expected_month, may give feeder, "
        "and leaves out equipment_id, action, rating_kva, in_service_month and equipment_class; "
        "a reinforcement row (row_type reinforcement) gives equipment_id, action, rating_kva and "
        "in_service_month, may give equipment_class, and leaves out area, project, load_mw, expected_month "
        "and feeder");
  CHECK(key_description(kind("load_statistics")) == "no two rows have the same equipment_id");
  CHECK(key_description(kind("equipment_load_standards")) ==
        "no two rows have the same equipment_class and effective_from");
  CHECK(kind("equipment_load_standards").rules[0].description == "overload_pct is greater than heavy_load_pct");
}

TEST_CASE("M1 repeats of one customer's demand on one feeder and month are caught",
          "[domain][report_kinds][m1][duplicates]") {
  auto r = parse("large_customer_demand", R"({"rows":[
    {"customer":"A","feeder":"F-1","demand_kw":5,"expected_month":"2027-01","likelihood_pct":50},
    {"customer":"A","area":"F-1","demand_kw":5,"expected_month":"2027-01","likelihood_pct":50},
    {"customer":"A","feeder":"F-1","demand_kva":7,"expected_month":"2027-01","likelihood_pct":20}]})");
  CHECK(issues(r) == std::vector<std::string>{
                         "row 3 ·  · repeats row 1: no two rows have the same customer, feeder, area and "
                         "expected_month"});
  CHECK(value_at(r, 3, "") == "customer=A, feeder=F-1, expected_month=2027-01");
}

TEST_CASE("M2 takes project loads and planned reinforcements", "[domain][report_kinds][m2]") {
  CHECK(rows_in(parse("regional_development", R"({"rows":[
    {"row_type":"project","area":"Harbour New Town","project":"Metro Line 4 depot","load_mw":12.5,
      "expected_month":"2027-06"},
    {"row_type":"project","area":"Harbour New Town","feeder":"F-204","project":"数据中心一期","load_mw":8,
      "expected_month":"2026-11"},
    {"row_type":"reinforcement","equipment_id":"SS-07/T3","equipment_class":"main_transformer",
      "action":"new","rating_kva":50000,"in_service_month":"2027-05"},
    {"row_type":"reinforcement","equipment_id":"F-101","action":"uprate","rating_kva":12000,
      "in_service_month":"2036-11"}]})")) == 4);
}

TEST_CASE("M2 rows give the fields of their row_type and no other", "[domain][report_kinds][m2]") {
  auto r = parse("regional_development", R"({"rows":[
    {"row_type":"project","area":"A","project":"P","expected_month":"2027-01","equipment_id":"T-1"},
    {"row_type":"reinforcement","equipment_id":"T-2","action":"new","rating_kva":100,
      "in_service_month":"2026-10"},
    {"row_type":"upgrade","area":"A"},
    {"row_type":"reinforcement","equipment_id":"T-3","action":"replace","rating_kva":0,
      "in_service_month":"2027-02"},
    {"row_type":"project","area":"A","project":"P","load_mw":1,"expected_month":"2036-12"},
    {"row_type":"project","area":"A","project":"P","load_mw":2,"expected_month":"2027-01"},
    {"row_type":"reinforcement","equipment_id":"T-4","action":"uprate","rating_kva":630,
      "in_service_month":"2027-01","area":"B","load_mw":3}]})");
  CHECK(issues(r) == std::vector<std::string>{
                         "row 1 · load_mw · is required in a project row",
                         "row 1 · equipment_id · is not part of a project row",
                         "row 2 · equipment_class · is required when action is new",
                         "row 2 · in_service_month · is before the report month 2026-11",
                         "row 3 · row_type · must be one of project, reinforcement",
                         "row 4 · action · must be one of new, uprate",
                         "row 4 · rating_kva · must be greater than 0",
                         "row 5 · expected_month · is more than 120 months after the report month 2026-11",
                         "row 6 ·  · repeats row 5: no two rows have the same row_type, area, project, "
                         "equipment_id and in_service_month",
                         "row 7 · area · is not part of a reinforcement row",
                         "row 7 · load_mw · is not part of a reinforcement row",
                     });
  CHECK(value_at(r, 1, "equipment_id") == "T-1");
  CHECK(value_at(r, 7, "load_mw") == "3");
  CHECK(value_at(r, 6, "") == "row_type=project, area=A, project=P");
}

TEST_CASE("M3 takes effective-dated standards per equipment class", "[domain][report_kinds][m3]") {
  CHECK(rows_in(parse("equipment_load_standards", R"({"rows":[
    {"equipment_class":"main_transformer","heavy_load_pct":80,"overload_pct":100,"duration_h":2,
      "planning_limit_pct":80,"effective_from":"2024-01"},
    {"equipment_class":"main_transformer","heavy_load_pct":75,"overload_pct":100,"duration_h":1,
      "planning_limit_pct":75,"effective_from":"2027-11"},
    {"equipment_class":"feeder","heavy_load_pct":70,"overload_pct":100,"duration_h":1,
      "planning_limit_pct":100,"effective_from":"2026-11"},
    {"equipment_class":"distribution_transformer","heavy_load_pct":80,"overload_pct":120,"duration_h":0.5,
      "planning_limit_pct":80,"effective_from":"2026-01"},
    {"equipment_class":"substation","heavy_load_pct":80,"overload_pct":100,"duration_h":2,
      "planning_limit_pct":80,"effective_from":"2026-01"}]})")) == 5);
}

TEST_CASE("M3 thresholds are ordered and bounded", "[domain][report_kinds][m3]") {
  auto r = parse("equipment_load_standards", R"({"rows":[
    {"equipment_class":"feeder","heavy_load_pct":80,"overload_pct":75,"duration_h":1,"planning_limit_pct":70,
      "effective_from":"2026-01"},
    {"equipment_class":"substation","heavy_load_pct":80,"overload_pct":100,"duration_h":0,
      "planning_limit_pct":110,"effective_from":"2026-01"},
    {"equipment_class":"main_transformer","heavy_load_pct":70,"overload_pct":90,"duration_h":2,
      "planning_limit_pct":95,"effective_from":"2026-01"},
    {"equipment_class":"distribution_transformer","heavy_load_pct":250,"overload_pct":300.5,"duration_h":745,
      "planning_limit_pct":80,"effective_from":"2027-12"},
    {"equipment_class":"cable","heavy_load_pct":80,"overload_pct":100,"duration_h":1,"planning_limit_pct":80,
      "effective_from":"2026-13"},
    {"equipment_class":"feeder","heavy_load_pct":60,"overload_pct":90,"duration_h":1,"planning_limit_pct":60,
      "effective_from":"2026-01"}]})");
  CHECK(issues(r) == std::vector<std::string>{
                         "row 1 · overload_pct · must be greater than heavy_load_pct (80)",
                         "row 2 · duration_h · must be greater than 0",
                         "row 2 · planning_limit_pct · must be at most 100",
                         "row 3 · planning_limit_pct · must be at most overload_pct (90)",
                         "row 4 · heavy_load_pct · must be at most 200",
                         "row 4 · overload_pct · must be at most 300",
                         "row 4 · duration_h · must be at most 744",
                         "row 4 · effective_from · is more than 12 months after the report month 2026-11",
                         "row 5 · equipment_class · must be one of substation, main_transformer, feeder, "
                         "distribution_transformer",
                         "row 5 · effective_from · must be a month written YYYY-MM",
                         "row 6 ·  · repeats row 1: no two rows have the same equipment_class and "
                         "effective_from",
                     });
  CHECK(value_at(r, 1, "overload_pct") == "75");
  CHECK(value_at(r, 6, "") == "equipment_class=feeder, effective_from=2026-01");
}

TEST_CASE("M4 takes one row of statistics per equipment", "[domain][report_kinds][m4]") {
  CHECK(rows_in(parse("load_statistics", R"({"rows":[
    {"equipment_id":"SS-07/T1","equipment_class":"main_transformer","peak_load_kva":41250.5,
      "load_rate_pct":82.5,"hours_above_heavy_h":36,"hours_above_overload_h":0},
    {"equipment_id":"F-101","peak_load_kva":9800,"load_rate_pct":122.5,"hours_above_heavy_h":720,
      "hours_above_overload_h":720},
    {"equipment_id":"DT-2231","peak_load_kva":0,"load_rate_pct":0,"hours_above_heavy_h":0,
      "hours_above_overload_h":0}]})")) == 3);
}

TEST_CASE("M4 hours stay within the month and overload hours within heavy-load hours",
          "[domain][report_kinds][m4]") {
  auto r = parse("load_statistics", R"({"rows":[
    {"equipment_id":"T-1","peak_load_kva":100,"load_rate_pct":90,"hours_above_heavy_h":730,
      "hours_above_overload_h":2},
    {"equipment_id":"T-2","peak_load_kva":100,"load_rate_pct":90,"hours_above_heavy_h":3,
      "hours_above_overload_h":5},
    {"equipment_id":"T-3","peak_load_kva":-1,"load_rate_pct":"high","hours_above_heavy_h":0,
      "hours_above_overload_h":0},
    {"peak_load_kva":100,"load_rate_pct":1001,"hours_above_heavy_h":0,"hours_above_overload_h":-0.5},
    {"equipment_id":"T-2","equipment_class":"transformer","peak_load_kva":1,"load_rate_pct":1,
      "hours_above_heavy_h":0,"hours_above_overload_h":0},
    {"equipment_id":"T-2","peak_load_kva":1,"load_rate_pct":1,"hours_above_heavy_h":0,
      "hours_above_overload_h":721}]})");
  CHECK(issues(r) == std::vector<std::string>{
                         "row 1 · hours_above_heavy_h · must be at most 720, the hours in 2026-11",
                         "row 2 · hours_above_overload_h · must be at most hours_above_heavy_h (3)",
                         "row 3 · peak_load_kva · must be at least 0",
                         "row 3 · load_rate_pct · must be a number",
                         "row 4 · equipment_id · is required",
                         "row 4 · load_rate_pct · must be at most 1000",
                         "row 4 · hours_above_overload_h · must be at least 0",
                         "row 5 · equipment_class · must be one of substation, main_transformer, feeder, "
                         "distribution_transformer",
                         "row 5 · equipment_id · repeats row 2: no two rows have the same equipment_id",
                         "row 6 · hours_above_overload_h · must be at most 720, the hours in 2026-11",
                         "row 6 · equipment_id · repeats row 2: no two rows have the same equipment_id",
                     });
  CHECK(value_at(r, 3, "load_rate_pct") == "high");
  CHECK(value_at(r, 5, "equipment_id") == "T-2");
}

TEST_CASE("M4's bound on hours follows the length of the report month", "[domain][report_kinds][m4]") {
  auto body = json::parse(R"({"rows":[{"equipment_id":"T-1","peak_load_kva":1,"load_rate_pct":1,
                                        "hours_above_heavy_h":744,"hours_above_overload_h":0}]})");
  CHECK(parse_rows(kind("load_statistics"), *parse_month("2026-12"), body));
  auto february = parse_rows(kind("load_statistics"), *parse_month("2028-02"), body);  // a leap year: 29 days
  REQUIRE_FALSE(february);
  CHECK(february.error().details[0].reason == "must be at most 696, the hours in 2028-02");
}

TEST_CASE("M5 takes refused and delayed applications", "[domain][report_kinds][m5]") {
  CHECK(rows_in(parse("connection_restrictions", R"({"rows":[
    {"application_id":"XA-2026-0412","customer":"Hengda Steel","feeder":"F-101","requested_kva":4000,
      "outcome":"refused","limiting_equipment_id":"SS-07/T1","reason":"T1 above 80 % planning limit"},
    {"application_id":"XA-2026-0418","customer":"蓝海冷链","area":"Harbour","requested_kva":630,
      "outcome":"delayed","limiting_equipment_id":"F-204","reason":"feeder at 95 %",
      "expected_relief_month":"2027-05"}]})")) == 2);
}

TEST_CASE("M5 findings name the limiting equipment, and delays their expected relief",
          "[domain][report_kinds][m5]") {
  auto r = parse("connection_restrictions", R"({"rows":[
    {"application_id":"A-1","customer":"C","feeder":"F-1","requested_kva":100,"outcome":"delayed",
      "limiting_equipment_id":"T-1","reason":"r"},
    {"application_id":"A-2","customer":"C","feeder":"F-1","requested_kva":100,"outcome":"pending",
      "limiting_equipment_id":"T-1","reason":"r"},
    {"application_id":"A-3","customer":"C","feeder":"F-1","area":"North","requested_kva":100,
      "outcome":"refused","limiting_equipment_id":"T-1","reason":"r"},
    {"application_id":"A-4","customer":"C","feeder":"F-1","requested_kva":0,"outcome":"refused","reason":""},
    {"application_id":"A-5","customer":"C","area":"North","requested_kva":100,"outcome":"delayed",
      "limiting_equipment_id":"T-1","reason":"r","expected_relief_month":"2026-09"},
    {"application_id":"A-1","customer":"D","feeder":"F-2","requested_kva":50,"outcome":"refused",
      "limiting_equipment_id":"T-2","reason":"r"}]})");
  CHECK(issues(r) == std::vector<std::string>{
                         "row 1 · expected_relief_month · is required when outcome is delayed",
                         "row 2 · outcome · must be one of refused, delayed",
                         "row 3 · area · give exactly one of feeder and area",
                         "row 4 · requested_kva · must be greater than 0",
                         "row 4 · limiting_equipment_id · is required",
                         "row 4 · reason · must not be empty",
                         "row 5 · expected_relief_month · is before the report month 2026-11",
                         "row 6 · application_id · repeats row 1: no two rows have the same application_id",
                     });
  CHECK(value_at(r, 3, "area") == "North");
}

TEST_CASE("M7 takes customers' power-quality requirements", "[domain][report_kinds][m7]") {
  CHECK(rows_in(parse("power_quality_requirements", R"({"rows":[
    {"customer":"Xinyuan Semiconductor","feeder":"F-310","requirement":"voltage_sag",
      "detail":"process lines trip on sags","threshold":"no sag below 70 % longer than 20 ms",
      "application_id":"XA-2026-0377"},
    {"customer":"Xinyuan Semiconductor","feeder":"F-310","requirement":"reliability",
      "detail":"dual supply from two substations"},
    {"customer":"City Hospital No. 2","feeder":"F-118","requirement":"harmonics",
      "detail":"imaging equipment","threshold":"THD ≤ 3 %"}]})")) == 3);
}

TEST_CASE("M7 requirements come from a fixed list, once per customer and feeder", "[domain][report_kinds][m7]") {
  auto r = parse("power_quality_requirements", R"({"rows":[
    {"customer":"C","feeder":"F-1","requirement":"noise","detail":"d"},
    {"customer":"C","feeder":42,"requirement":"flicker"},
    {"customer":"C","feeder":"F-1","requirement":"harmonics","detail":"d"},
    {"customer":"C","feeder":"F-1","requirement":"harmonics","detail":"other words","threshold":""}]})");
  CHECK(issues(r) == std::vector<std::string>{
                         "row 1 · requirement · must be one of voltage_sag, harmonics, reliability, flicker, "
                         "other",
                         "row 2 · feeder · must be a string",
                         "row 2 · detail · is required",
                         "row 4 · threshold · must not be empty",
                         "row 4 ·  · repeats row 3: no two rows have the same customer, feeder and requirement",
                     });
  CHECK(value_at(r, 4, "") == "customer=C, feeder=F-1, requirement=harmonics");
}

TEST_CASE("M8 takes one row of figures per category", "[domain][report_kinds][m8]") {
  CHECK(rows_in(parse("service_figures", R"({"rows":[
    {"category":"outage","complaints":42,"callbacks_due":310,"callbacks_done":308,"satisfaction_pct":96.4},
    {"category":"power_quality","complaints":7,"callbacks_due":7,"callbacks_done":7,"satisfaction_pct":85.7},
    {"category":"billing","complaints":0,"callbacks_due":0,"callbacks_done":0},
    {"category":"new_connection","complaints":3.0,"callbacks_due":55,"callbacks_done":55,
      "satisfaction_pct":100}]})")) == 4);
}

TEST_CASE("M8 counts are whole, callbacks done at most those due, satisfaction measured on callbacks",
          "[domain][report_kinds][m8]") {
  auto r = parse("service_figures", R"({"rows":[
    {"category":"outage","complaints":1,"callbacks_due":10,"callbacks_done":12,"satisfaction_pct":90},
    {"category":"billing","complaints":2.5,"callbacks_due":-1,"callbacks_done":0},
    {"category":"power_quality","complaints":1,"callbacks_due":5,"callbacks_done":5},
    {"category":"supply_capacity","complaints":1,"callbacks_due":1,"callbacks_done":0,"satisfaction_pct":90},
    {"category":"other","complaints":1,"callbacks_due":1,"callbacks_done":1,"satisfaction_pct":101},
    {"category":"outage","complaints":1,"callbacks_due":1,"callbacks_done":1,"satisfaction_pct":100},
    {"category":"Outage","complaints":1,"callbacks_due":1,"callbacks_done":1,"satisfaction_pct":100}]})");
  CHECK(issues(r) == std::vector<std::string>{
                         "row 1 · callbacks_done · must be at most callbacks_due (10)",
                         "row 2 · complaints · must be a whole number",
                         "row 2 · callbacks_due · must be at least 0",
                         "row 3 · satisfaction_pct · is required when callbacks_done is above 0",
                         "row 4 · satisfaction_pct · is measured on callbacks: leave it out when "
                         "callbacks_done is 0",
                         "row 5 · satisfaction_pct · must be at most 100",
                         "row 6 · category · repeats row 1: no two rows have the same category",
                         "row 7 · category · must be one of outage, power_quality, supply_capacity, "
                         "new_connection, billing, other",
                     });
  CHECK(value_at(r, 2, "complaints") == "2.5");
  CHECK(value_at(r, 4, "satisfaction_pct") == "90");
}

TEST_CASE("issues of every kind come all at once, in row order, and nothing is kept",
          "[domain][report_kinds][validation]") {
  for (const auto& k : report_catalogue()) {
    INFO(k.id);
    auto r = parse_rows(k, november, json::parse(R"({"rows":[{},{"unknown":1},{}]})"));
    REQUIRE_FALSE(r);
    auto required = std::count_if(k.fields.begin(), k.fields.end(), [](const field_spec& f) { return f.required; });
    CHECK(r.error().details.size() >= 3 * static_cast<std::size_t>(required) + 1);
    CHECK(std::is_sorted(r.error().details.begin(), r.error().details.end(),
                         [](const issue& a, const issue& b) { return *a.row < *b.row; }));
    auto count = r.error().details.size();
    CHECK(r.error().message.starts_with(fmt::format("{} problem(s) in the {} report", count, k.id)));
  }
}

TEST_CASE("every field of every kind has a Chinese label that names it alone, with or without its unit",
          "[domain][report_kinds][labels]") {
  for (const auto& k : report_catalogue()) {
    std::map<std::string, std::string> heading_of;  // heading -> field
    for (const auto& f : k.fields) {
      INFO(k.id << "." << f.name << " " << f.label);
      REQUIRE_FALSE(f.label.empty());
      std::vector<std::string> headings{f.label};
      if (auto open = f.label.find("（"); open != std::string::npos) {
        CHECK(f.label.ends_with("）"));
        headings.push_back(f.label.substr(0, open));
      }
      for (const auto& h : headings) {
        CHECK(heading_of.emplace(h, f.name).second);  // no other field of the kind has it
        auto named = field_for_heading(k, h);
        REQUIRE(named);
        CHECK(k.fields[*named].name == f.name);
      }
    }
  }
}

TEST_CASE("only fields counted in percent take 80% as 80, and demand_factor as 0.8", "[domain][report_kinds]") {
  for (const auto& k : report_catalogue())
    for (const auto& f : k.fields) {
      INFO(k.id << "." << f.name);
      auto expected = f.name.ends_with("_pct")       ? percent_sign::points
                      : f.name == "demand_factor" ? percent_sign::fraction
                                                  : percent_sign::refused;
      CHECK(f.percent == expected);
    }
}
