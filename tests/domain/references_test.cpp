#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include "domain/references.hpp"
#include "domain/report_csv.hpp"

using namespace gridcoord::domain;
namespace json = boost::json;

namespace {

const month oct = *parse_month("2026-10");

equipment_registry grid() {
  auto draft = read_import_json(json::parse(R"({"equipment":[
    {"id":"S1","kind":"substation","area_class":"urban","region":"R","rating_kva":126000},
    {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"R","rating_kva":63000},
    {"id":"F12","kind":"feeder","parent":"T1","area_class":"urban","region":"R","rating_kva":10000},
    {"id":"D7","kind":"distribution_transformer","parent":"F12","area_class":"urban","region":"R","rating_kva":630}]})"));
  REQUIRE(draft);
  equipment_registry reg;
  auto rows = reg.check_import(*draft);
  REQUIRE(rows);
  reg.apply_import(*rows);
  return reg;
}

const report_kind& kind(std::string_view id) { return *find_report_kind(id); }

}  // namespace

TEST_CASE("the catalogue marks the fields that name equipment", "[domain][references]") {
  auto ref = [](std::string_view k, std::string_view f) {
    const auto& rk = kind(k);
    return rk.fields[*rk.field_index(f)].references;
  };
  CHECK(ref("large_customer_demand", "feeder") == reference::feeder);
  CHECK(ref("regional_development", "feeder") == reference::feeder);
  CHECK(ref("regional_development", "equipment_id") == reference::equipment);
  CHECK(ref("load_statistics", "equipment_id") == reference::equipment);
  CHECK(ref("connection_restrictions", "feeder") == reference::feeder);
  CHECK(ref("connection_restrictions", "limiting_equipment_id") == reference::equipment);
  CHECK(ref("power_quality_requirements", "feeder") == reference::feeder);
  CHECK(ref("large_customer_demand", "customer") == reference::none);
}

TEST_CASE("unknown equipment and a non-feeder are reported with the rows' own issues", "[domain][references]") {
  auto body = json::parse(R"({"rows":[
    {"customer":"A","feeder":"F12","demand_kw":100,"expected_month":"2026-12","likelihood_pct":50},
    {"customer":"B","feeder":"F99","demand_kw":100,"expected_month":"2026-12","likelihood_pct":50},
    {"customer":"C","feeder":"D7","demand_kw":-1,"expected_month":"2026-12","likelihood_pct":50}]})");
  auto r = parse_checked_rows(kind("large_customer_demand"), oct, body, grid());
  REQUIRE_FALSE(r);
  const auto& d = r.error().details;
  REQUIRE(d.size() == 3);
  CHECK(d[0] == issue{rule::unknown_equipment, 2, "feeder", "F99", "no equipment F99 in the registry"});
  CHECK(d[1].row == 3);
  CHECK(d[1].field == "demand_kw");
  CHECK(d[2] == issue{rule::wrong_equipment_kind, 3, "feeder", "D7", "D7 is a distribution_transformer, not a feeder"});
  CHECK(r.error().message == "3 problem(s) in the large_customer_demand report; nothing was stored");
}

TEST_CASE("an empty registry turns the reference checks off", "[domain][references]") {
  auto body = json::parse(R"({"rows":[
    {"customer":"B","feeder":"F99","demand_kw":100,"expected_month":"2026-12","likelihood_pct":50}]})");
  CHECK(parse_checked_rows(kind("large_customer_demand"), oct, body, equipment_registry{}));
  CHECK_FALSE(parse_checked_rows(kind("large_customer_demand"), oct, body, grid()));
}

TEST_CASE("an uprate names registered equipment; new equipment need not exist yet", "[domain][references]") {
  auto body = json::parse(R"({"rows":[
    {"row_type":"reinforcement","equipment_id":"T1","action":"uprate","rating_kva":80000,"in_service_month":"2027-03"},
    {"row_type":"reinforcement","equipment_id":"T9","action":"new","equipment_class":"main_transformer","rating_kva":50000,"in_service_month":"2027-06"},
    {"row_type":"reinforcement","equipment_id":"T8","action":"uprate","rating_kva":80000,"in_service_month":"2027-03"}]})");
  auto issues = check_references(kind("regional_development"), body, grid());
  REQUIRE(issues.size() == 1);
  CHECK(issues[0] == issue{rule::unknown_equipment, 3, "equipment_id", "T8", "no equipment T8 in the registry"});
}

TEST_CASE("a CSV report is checked the same way", "[domain][references][csv]") {
  auto body = csv_to_json(kind("load_statistics"),
                          "equipment_id,peak_load_kva,load_rate_pct,hours_above_heavy_h,hours_above_overload_h\n"
                          "T1,50000,79,10,0\nT7,1,1,0,0\n");
  REQUIRE(body);
  auto r = parse_checked_rows(kind("load_statistics"), oct, body->body, grid());
  REQUIRE_FALSE(r);
  auto e = r.error();
  place_csv_issues(*body, e);
  REQUIRE(e.details.size() == 1);
  CHECK(e.details[0] == issue{rule::unknown_equipment, 2, "equipment_id", "T7", "no equipment T7 in the registry", 3});
}

TEST_CASE("an M4 equipment_class, when given, is the registered kind", "[domain][references]") {
  auto body = csv_to_json(kind("load_statistics"),
                          "equipment_id,equipment_class,peak_load_kva,load_rate_pct,hours_above_heavy_h,hours_above_overload_h\n"
                          "T1,main_transformer,50000,79,10,0\nT1,feeder,50000,79,10,0\nF12,,1,1,0,0\n");
  REQUIRE(body);
  auto issues = check_references(kind("load_statistics"), body->body, grid());
  REQUIRE(issues.size() == 1);
  CHECK(issues[0] == issue{rule::wrong_equipment_kind, 2, "equipment_class", "feeder",
                           "T1 is registered as a main_transformer, not a feeder"});
}

TEST_CASE("an M2 reinforcement of action new names equipment not yet registered", "[domain][references]") {
  auto body = json::parse(R"({"rows":[
    {"row_type":"reinforcement","equipment_id":"T1","action":"new","equipment_class":"main_transformer","rating_kva":80000,"in_service_month":"2027-03"},
    {"row_type":"reinforcement","equipment_id":"T9","action":"new","equipment_class":"main_transformer","rating_kva":50000,"in_service_month":"2027-06"},
    {"row_type":"reinforcement","equipment_id":"T1","action":"uprate","equipment_class":"feeder","rating_kva":80000,"in_service_month":"2027-03"}]})");
  auto issues = check_references(kind("regional_development"), body, grid());
  REQUIRE(issues.size() == 2);
  CHECK(issues[0] ==
        issue{rule::already_registered, 1, "equipment_id", "T1", "T1 is already registered: use action uprate"});
  CHECK(issues[1] == issue{rule::wrong_equipment_kind, 3, "equipment_class", "feeder",
                           "T1 is registered as a main_transformer, not a feeder"});
  CHECK(check_references(kind("regional_development"), body, equipment_registry{}).empty());
}
