// The equipment registry over HTTP against the fake actor system (which runs
// the domain registry's checks), and reports checked against it.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;

namespace {

const std::string imports = "/v1/equipment/imports";
const headers csv_type{{"Content-Type", "text/csv; charset=utf-8"}};

const std::string tree = R"({"equipment":[
  {"id":"S1","kind":"substation","area_class":"urban","region":"东城区","rating_kva":126000},
  {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000},
  {"id":"F12","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000},
  {"id":"D7","kind":"distribution_transformer","parent":"F12","area_class":"urban","region":"西城区","rating_kva":630}]})";

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2027-03";

std::string m1_body(std::string_view feeder_a, std::string_view feeder_b) {
  return R"({"rows":[{"customer":"A","feeder":")" + std::string(feeder_a) +
         R"(","demand_kw":100,"expected_month":"2027-03","likelihood_pct":80},
         {"customer":"B","feeder":")" + std::string(feeder_b) +
         R"(","demand_kw":-5,"expected_month":"2027-03","likelihood_pct":80}]})";
}

std::string token_for(server_fixture& f, std::string role) {
  auto r = f.request(verb::post, "/v1/tokens", R"({"role":")" + role + R"("})");
  REQUIRE(r.result_int() == 201);
  return "Bearer " + std::string(json_of(r).at("token").as_string());
}

std::vector<std::string> reasons(const response& r) {
  std::vector<std::string> out;
  auto body = json_of(r);
  for (const auto& d : body.at("error").at("details").as_array())
    out.push_back(std::string(d.at("field").as_string()) + ": " + std::string(d.at("reason").as_string()));
  return out;
}

}  // namespace

TEST_CASE("POST /v1/equipment/imports answers 201 with what it added and replaced", "[gateways][equipment]") {
  server_fixture f;
  auto r = f.request(verb::post, imports, tree);
  REQUIRE(r.result_int() == 201);
  auto body = json_of(r).as_object();
  CHECK(body.at("imported") == 4);
  CHECK(body.at("added") == 4);
  CHECK(body.at("replaced") == 0);
  CHECK(body.at("replayed") == false);
  CHECK(body.at("seq").to_number<std::uint64_t>() > 0);
  auto again = f.request(verb::post, imports,
                         R"({"equipment":[{"id":"F12","kind":"feeder","parent":"T1","area_class":"rural","region":"R","rating_kva":1}]})");
  REQUIRE(again.result_int() == 201);
  CHECK(json_of(again).at("replaced") == 1);
  auto one = f.request(verb::get, "/v1/equipment/F12");
  REQUIRE(one.result_int() == 200);
  auto record = json_of(one).as_object();
  CHECK(record.at("version") == 2);
  CHECK(record.at("changed_seq") == json_of(again).at("seq"));
  CHECK(record.at("changed_at") == json_of(again).at("accepted_at"));
  for (auto key : {"version", "changed_seq", "changed_at"}) record.erase(key);
  CHECK(record == json::parse(R"({"id":"F12","kind":"feeder","parent":"T1","area_class":"rural",
                                  "region":"R","rating_kva":1})").as_object());
}

TEST_CASE("an import with bad rows is 422 with every issue, and nothing is imported", "[gateways][equipment]") {
  server_fixture f;
  auto r = f.request(verb::post, imports, R"({"equipment":[
    {"id":"F1","kind":"feeder","parent":"T9","area_class":"urban","region":"R","rating_kva":10},
    {"id":"S1","kind":"substation","area_class":"town","region":"R","rating_kva":0}]})");
  REQUIRE(r.result_int() == 422);
  CHECK(reasons(r) == std::vector<std::string>{"parent: no equipment T9 in the registry or in this import",
                                               "area_class: must be one of urban, rural, remote",
                                               "rating_kva: must be greater than 0"});
  CHECK(f.request(verb::get, "/v1/equipment/S1").result_int() == 404);
  CHECK(f.request(verb::post, imports, R"({"rows":[]})").result_int() == 400);
}

TEST_CASE("an import may be a CSV file; a CSV syntax error is 400 naming the line", "[gateways][equipment][csv]") {
  server_fixture f;
  std::string csv = "id,kind,parent,area_class,region,rating_kva\r\nS1,substation,,urban,东城区,\"126,000\"\r\n"
                    "T1,main_transformer,S1,rural,东城区,63000\r\n";
  auto r = f.request(verb::post, imports, csv, csv_type);
  REQUIRE(r.result_int() == 201);
  CHECK(json_of(r).at("added") == 2);
  auto t1 = json_of(f.request(verb::get, "/v1/equipment/T1"));
  CHECK(t1.at("region") == "东城区");
  CHECK(t1.at("area_class") == "rural");
  auto bad = f.request(verb::post, imports, "id,kind\n\"S2,substation\n", csv_type);
  REQUIRE(bad.result_int() == 400);
  CHECK(std::string(json_of(bad).at("error").at("message").as_string()).find("line") != std::string::npos);
}

TEST_CASE("an import repeated with its Idempotency-Key answers the first receipt", "[gateways][equipment]") {
  server_fixture f;
  headers key{{"Idempotency-Key", "eq-1"}};
  auto first = f.request(verb::post, imports, tree, key);
  REQUIRE(first.result_int() == 201);
  auto again = f.request(verb::post, imports, tree, key);
  REQUIRE(again.result_int() == 200);
  CHECK(json_of(again).at("replayed") == true);
  CHECK(json_of(again).at("seq") == json_of(first).at("seq"));
  auto other = f.request(verb::post, imports, R"({"equipment":[{"id":"S9","kind":"substation","area_class":"urban","region":"R","rating_kva":1}]})", key);
  CHECK(other.result_int() == 409);
}

TEST_CASE("GET /v1/equipment filters and pages by id", "[gateways][equipment]") {
  server_fixture f;
  REQUIRE(f.request(verb::post, imports, tree).result_int() == 201);
  auto page = json_of(f.request(verb::get, "/v1/equipment?limit=3"));
  REQUIRE(page.at("equipment").as_array().size() == 3);
  CHECK(page.at("end") == false);
  CHECK(page.at("next_after") == "S1");
  auto rest = json_of(f.request(verb::get, "/v1/equipment?limit=3&after=S1"));
  REQUIRE(rest.at("equipment").as_array().size() == 1);
  CHECK(rest.at("equipment").at(0).at("id") == "T1");
  CHECK(rest.at("end") == true);
  auto feeders = json_of(f.request(verb::get, "/v1/equipment?kind=feeder&parent=T1"));
  REQUIRE(feeders.at("equipment").as_array().size() == 1);
  CHECK(feeders.at("equipment").at(0).at("id") == "F12");
  auto west = json_of(f.request(verb::get, "/v1/equipment?region=%E8%A5%BF%E5%9F%8E%E5%8C%BA"));
  REQUIRE(west.at("equipment").as_array().size() == 1);
  CHECK(west.at("equipment").at(0).at("id") == "D7");
  CHECK(f.request(verb::get, "/v1/equipment?kind=pole").result_int() == 400);
  CHECK(f.request(verb::get, "/v1/equipment/NOPE").result_int() == 404);
}

TEST_CASE("importing is for admin and liaison:production; reading for every role", "[gateways][equipment][auth]") {
  server_fixture f;
  auto production = token_for(f, "liaison:production");
  auto marketing = token_for(f, "liaison:marketing");
  auto reader = token_for(f, "reader");
  CHECK(f.request(verb::post, imports, tree, {{"Authorization", production}}).result_int() == 201);
  CHECK(f.request(verb::post, imports, tree, {{"Authorization", marketing}}).result_int() == 403);
  CHECK(f.request(verb::post, imports, tree, {{"Authorization", reader}}).result_int() == 403);
  CHECK(f.request(verb::get, "/v1/equipment", "", {{"Authorization", marketing}}).result_int() == 200);
  CHECK(f.request(verb::get, "/v1/equipment/F12", "", {{"Authorization", reader}}).result_int() == 200);
  CHECK(f.request(verb::get, "/v1/equipment", "", {{"Authorization", ""}}).result_int() == 401);
}

TEST_CASE("with an empty registry a report naming any feeder is accepted", "[gateways][equipment][references]") {
  server_fixture f;
  auto r = f.request(verb::put, m1_path, R"({"rows":[{"customer":"A","feeder":"F99","demand_kw":100,
                                          "expected_month":"2027-03","likelihood_pct":80}]})");
  CHECK(r.result_int() == 201);
}

TEST_CASE("a report naming unknown equipment or a non-feeder is 422 with the rows' other issues",
          "[gateways][equipment][references]") {
  server_fixture f;
  REQUIRE(f.request(verb::post, imports, tree).result_int() == 201);
  auto r = f.request(verb::put, m1_path, m1_body("F99", "D7"));
  REQUIRE(r.result_int() == 422);
  CHECK(reasons(r) == std::vector<std::string>{"feeder: no equipment F99 in the registry",
                                               "demand_kw: must be greater than 0",
                                               "feeder: D7 is a distribution_transformer, not a feeder"});
  auto rows = json_of(r).at("error").at("details").as_array();
  CHECK(rows[0].at("row") == 1);
  CHECK(rows[0].at("value") == "F99");
  CHECK(rows[2].at("row") == 2);
  CHECK(f.fake.submissions().empty());
  std::string csv = "customer,feeder,demand_kw,expected_month,likelihood_pct\nA,F12,100,2027-03,80\nB,F77,100,2027-03,80\n";
  auto c = f.request(verb::put, m1_path, csv, csv_type);
  REQUIRE(c.result_int() == 422);
  CHECK(reasons(c) == std::vector<std::string>{"feeder: no equipment F77 in the registry"});
  auto good = f.request(verb::put, m1_path, R"({"rows":[{"customer":"A","feeder":"F12","demand_kw":100,
                                             "expected_month":"2027-03","likelihood_pct":80}]})");
  CHECK(good.result_int() == 201);
}

TEST_CASE("a batch's reports are checked against the registry too", "[gateways][equipment][references][batch]") {
  server_fixture f;
  REQUIRE(f.request(verb::post, imports, tree).result_int() == 201);
  auto op = [](std::string_view feeder) {
    return R"({"method":"PUT","path":"/v1/reports/marketing/large_customer_demand/2027-03","body":{"rows":[{"customer":"A","feeder":")" +
           std::string(feeder) + R"(","demand_kw":100,"expected_month":"2027-03","likelihood_pct":80}]}})";
  };
  auto r = f.request(verb::post, "/v1/batch", R"({"operations":[)" + op("F12") + "," + op("F99") + "]}");
  REQUIRE(r.result_int() == 422);
  auto details = json_of(r).at("error").at("details").as_array();
  REQUIRE(details.size() == 1);
  CHECK(details[0].at("row") == 2);  // the second operation
  CHECK(details[0].at("value") == "F99");
  CHECK(details[0].at("reason") == "no equipment F99 in the registry");
  CHECK(f.fake.batches().empty());
}

TEST_CASE("GET /v1/report-kinds shows which fields reference the registry", "[gateways][equipment][report_kinds]") {
  server_fixture f;
  auto k = json_of(f.request(verb::get, "/v1/report-kinds/regional_development"));
  for (const auto& field : k.at("fields").as_array()) {
    auto name = field.at("name").as_string();
    INFO(name);
    if (name == "feeder") {
      CHECK(field.at("references") == "feeder");
      CHECK(field.at("references_when").is_null());
    } else if (name == "equipment_id") {
      CHECK(field.at("references") == "equipment");
      CHECK(field.at("references_when") == json::parse(R"({"field":"action","value":"uprate"})"));
    } else {
      CHECK(field.at("references").is_null());
    }
  }
}

TEST_CASE("GET /v1/equipment/{id}/history answers each version; a repeat is unchanged", "[gateways][equipment][history]") {
  server_fixture f;
  REQUIRE(f.request(verb::post, imports, tree).result_int() == 201);
  auto same = f.request(verb::post, imports, tree);
  REQUIRE(same.result_int() == 201);
  CHECK(json_of(same).at("unchanged") == 4);
  CHECK(json_of(same).at("replaced") == 0);
  auto moved = f.request(verb::post, imports, R"({"equipment":[
    {"id":"F12","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000,"latitude":39.9042,"longitude":116.4074}]})");
  REQUIRE(moved.result_int() == 201);
  auto one = json_of(f.request(verb::get, "/v1/equipment/F12"));
  CHECK(one.at("version") == 2);
  CHECK(one.at("latitude") == 39.9042);
  CHECK(one.at("longitude") == 116.4074);
  CHECK(one.at("changed_seq") == json_of(moved).at("seq"));
  auto h = f.request(verb::get, "/v1/equipment/F12/history");
  REQUIRE(h.result_int() == 200);
  auto versions = json_of(h).at("versions").as_array();
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].at("version") == 1);
  CHECK_FALSE(versions[0].at("record").as_object().contains("latitude"));
  CHECK(versions[1].at("record") == one);
  CHECK(f.request(verb::get, "/v1/equipment/F99/history").result_int() == 404);
}
