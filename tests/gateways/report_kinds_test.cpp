// GET /v1/report-kinds and GET /v1/report-kinds/{kind}: the catalogue as JSON.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/report_kind.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;

TEST_CASE("GET /v1/report-kinds lists every kind in flow order with sender and recipients",
          "[gateways][report_kinds]") {
  server_fixture f;
  auto r = f.request(verb::get, "/v1/report-kinds");
  REQUIRE(r.result_int() == 200);
  auto body = json_of(r);
  const auto& kinds = body.at("kinds").as_array();
  auto catalogue = domain::report_catalogue();
  REQUIRE(kinds.size() == catalogue.size());
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    INFO(catalogue[i].id);
    CHECK(kinds[i].at("id").as_string() == catalogue[i].id);
    CHECK(kinds[i].at("flow").as_string() == catalogue[i].flow);
    CHECK(kinds[i].at("sender").as_string() == domain::to_string(catalogue[i].sender));
    CHECK(kinds[i].at("recipients").as_array().size() == catalogue[i].recipients.size());
    CHECK(kinds[i].at("fields").as_array().size() == catalogue[i].fields.size());
  }
  CHECK(kinds.back().at("recipients") == json::parse(R"(["planning","dispatch","production","marketing"])"));
}

TEST_CASE("GET /v1/report-kinds/{kind} describes fields, bounds, allowed values and rules in words",
          "[gateways][report_kinds]") {
  server_fixture f;
  auto r = f.request(verb::get, "/v1/report-kinds/load_statistics");
  REQUIRE(r.result_int() == 200);
  auto k = json_of(r).as_object();
  CHECK(k.at("flow") == "M4");
  CHECK(k.at("title") == "Monthly heavy-load and overload statistics per equipment");
  CHECK(k.at("sender") == "dispatch");
  CHECK(k.at("recipients") == json::parse(R"(["planning","production"])"));
  CHECK(k.at("key") == json::parse(R"(["equipment_id"])"));
  const auto& fields = k.at("fields").as_array();
  CHECK(fields[0] == json::parse(R"({"name":"equipment_id","label":"设备编号","type":"text","required":true,
                                     "min":null,"max":null,
                                     "positive":false,"allowed":[],"description":"the equipment measured",
                                     "max_chars":64,"multi_line":false,
                                     "references":"equipment","references_when":null})"));
  CHECK(fields[1].at("type") == "choice");
  CHECK(fields[1].at("allowed") ==
        json::parse(R"(["substation","main_transformer","feeder","distribution_transformer"])"));
  CHECK(fields[3].at("name") == "load_rate_pct");
  CHECK(fields[3].at("label") == "负载率（%）");
  CHECK(fields[3].at("min") == 0);
  CHECK(fields[3].at("max") == 1000);
  CHECK(json::parse(r.body()).at("fields").at(3).at("max").is_int64());  // written 1000, not 1E3
  const auto& rules = k.at("rules").as_array();
  REQUIRE(rules.size() == 4);
  CHECK(rules[2] == json::parse(R"({"fields":["hours_above_overload_h","hours_above_heavy_h"],
                                    "description":"hours_above_overload_h is at most hours_above_heavy_h"})"));
  CHECK(rules[3] == json::parse(R"({"fields":["equipment_id"],
                                    "description":"no two rows have the same equipment_id"})"));
}

TEST_CASE("an unknown report kind is 404, and the catalogue needs a token", "[gateways][report_kinds]") {
  server_fixture f;
  auto unknown = f.request(verb::get, "/v1/report-kinds/restricted_areas");
  CHECK(unknown.result_int() == 404);
  CHECK(json_of(unknown).at("error").at("code") == "not_found");
  CHECK(f.request(verb::get, "/v1/report-kinds", "", {{"Authorization", ""}}).result_int() == 401);
  CHECK(f.request(verb::get, "/v1/report-kinds/load_statistics", "", {{"Authorization", ""}}).result_int() == 401);
  CHECK(f.request(verb::put, "/v1/report-kinds/load_statistics", "{}").result_int() == 405);
}
