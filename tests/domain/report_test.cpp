#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/json.hpp"
#include "domain/report.hpp"

using namespace gridcoord::domain;
namespace json = boost::json;

namespace {

const report_kind& m1() { return *find_report_kind("large_customer_demand"); }
const month october = *parse_month("2026-10");

expected<std::vector<row>> parse(const char* body) { return parse_rows(m1(), october, json::parse(body)); }

std::vector<std::pair<std::size_t, std::string>> where(const error& e) {
  std::vector<std::pair<std::size_t, std::string>> out;
  for (const auto& i : e.details) out.emplace_back(i.row.value_or(0), i.field);
  return out;
}

std::vector<rule> rules_of(const error& e) {
  std::vector<rule> out;
  for (const auto& i : e.details) out.push_back(i.rule);
  return out;
}

}  // namespace

TEST_CASE("M1 is sent by marketing to planning and dispatch", "[domain][report]") {
  CHECK(m1().flow == "M1");
  CHECK(m1().sender == department::marketing);
  CHECK(m1().recipients == std::vector{department::planning, department::dispatch});
}

TEST_CASE("a valid M1 report parses into rows in schema order", "[domain][report]") {
  auto rows = parse(R"({"rows":[
    {"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80},
    {"customer":"蓝海冷链","area":"Harbour","demand_kva":630,"expected_month":"2026-10","likelihood_pct":0}]})");
  REQUIRE(rows);
  REQUIRE(rows->size() == 2);
  const auto& r = (*rows)[0];
  CHECK(r[*m1().field_index("customer")].text == "Hengda Steel");
  CHECK(r[*m1().field_index("demand_kw")].number == 1250.5);
  CHECK(r[*m1().field_index("area")].k == cell::kind::empty);
  CHECK((*rows)[1][*m1().field_index("customer")].text == "蓝海冷链");
}

TEST_CASE("every bad row and field is reported at once, each with its rule", "[domain][report][validation]") {
  auto rows = parse(R"({"rows":[
    {"customer":"A","feeder":"F-1","demand_kw":-5,"expected_month":"2027-01","likelihood_pct":50},
    {"customer":"B","feeder":"F-1","demand_kw":5,"expected_month":"2026-09","likelihood_pct":50},
    {"feeder":"F-1","area":"X","demand_kw":5,"expected_month":"2027-1","likelihood_pct":101},
    {"customer":"D","feeder":"F-1","demand_kw":"lots","expected_month":"2027-01","likelihood_pct":5,"colour":"red"},
    {"customer":"E","demand_kw":5,"demand_kva":6,"expected_month":"2027-01","likelihood_pct":5}]})");
  REQUIRE_FALSE(rows);
  CHECK(rows.error().code == errc::validation_failed);
  // Regression: the count was read after the issues were moved away ("0 problem(s)").
  CHECK(rows.error().message == "10 problem(s) in the large_customer_demand report; nothing was stored");
  using p = std::pair<std::size_t, std::string>;
  CHECK(where(rows.error()) == std::vector<p>{
                                   {1, "demand_kw"},
                                   {2, "expected_month"},
                                   {3, "customer"},
                                   {3, "expected_month"},
                                   {3, "likelihood_pct"},
                                   {3, "area"},
                                   {4, "colour"},
                                   {4, "demand_kw"},
                                   {5, "feeder"},
                                   {5, "demand_kva"},
                               });
  CHECK(rows.error().details[0].value == "-5");
  CHECK(rows.error().details[0].reason == "must be greater than 0");
  CHECK(rules_of(rows.error()) == std::vector<rule>{
                                      rule::below_minimum,       // demand_kw -5
                                      rule::month_out_of_range,  // before the report month
                                      rule::required,            // no customer
                                      rule::not_a_month,         // "2027-1"
                                      rule::above_maximum,       // likelihood 101
                                      rule::exactly_one_of,      // feeder and area
                                      rule::unknown_field,       // colour
                                      rule::not_a_number,        // "lots"
                                      rule::exactly_one_of,      // neither feeder nor area
                                      rule::exactly_one_of,      // demand_kw and demand_kva
                                  });
}

TEST_CASE("a cross-field rule is skipped when one of its fields is already wrong",
          "[domain][report][validation]") {
  // demand_kw is not a number: one issue for it, none for "exactly one of kW and kVA".
  auto rows = parse(R"({"rows":[{"customer":"A","feeder":"F-1","demand_kw":"x","expected_month":"2027-01","likelihood_pct":5}]})");
  REQUIRE_FALSE(rows);
  CHECK(rows.error().details.size() == 1);
}

TEST_CASE("a body without a rows array is an invalid request", "[domain][report][validation]") {
  CHECK(parse(R"([1,2])").error().code == errc::invalid_request);
  CHECK(parse(R"({"row":[]})").error().code == errc::invalid_request);
  CHECK(parse(R"({"rows":{}})").error().code == errc::invalid_request);
  auto not_object = parse(R"({"rows":[7]})");
  CHECK(not_object.error().code == errc::validation_failed);
}

TEST_CASE("a report version survives encode and decode of its header", "[domain][report]") {
  auto rows = parse(R"({"rows":[{"customer":"A","feeder":"F-1","demand_kw":1250.5,"expected_month":"2027-01","likelihood_pct":5}]})");
  report_version v{department::marketing, "large_customer_demand", october, 3,
                   {department::planning, department::dispatch}, "zhang.min", 1, *rows};
  auto text = encode(v);
  CHECK(text.find("\"demand_kw\":1250.5") != std::string::npos);
  auto back = decode_report_header(text);
  REQUIRE(back);
  CHECK(back->version == 3);
  CHECK(back->period == october);
  CHECK(back->recipients == v.recipients);
  CHECK(back->row_count == 1);
  CHECK(back->rows.empty());
  CHECK_FALSE(decode_report_header("{\"sender\":\"nobody\"}"));
}

TEST_CASE("an encoded version holds its rows exactly as rows_to_json writes them", "[domain][report]") {
  auto rows = parse(R"({"rows":[
    {"customer":"蓝海冷链 \"北\"","area":"Harbour","demand_kva":630,"expected_month":"2026-12","likelihood_pct":55},
    {"customer":"A","feeder":"F-1","demand_kw":1250.5,"expected_month":"2027-01","likelihood_pct":5}]})");
  REQUIRE(rows);
  report_version v{department::marketing, "large_customer_demand", october, 1, {department::planning},
                   "zhang.min", 2, *rows};
  auto text = encode(v);
  CHECK(text.substr(text.find(",\"rows\":") + 8) == to_text(rows_to_json(m1(), *rows)) + "}");
}
