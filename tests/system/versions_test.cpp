// Versions of a report through the real runtime: the diff between two, who
// has acknowledged which, and the newer version a recipient is told of.
#include <catch2/catch.hpp>

#include "tests/support/http_client.hpp"
#include "tests/system/live_server.hpp"

using namespace gridcoord;
using testing::bearer;

namespace {

const std::string path = "/v1/reports/marketing/large_customer_demand/2026-11";
const std::string v1 =
    R"({"rows":[{"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80},)"
    R"({"customer":"Harbour Hotel","feeder":"LH-F03","demand_kw":450,"expected_month":"2027-02","likelihood_pct":75}]})";
const std::string v2 =
    R"({"rows":[{"customer":"Harbour Hotel","feeder":"LH-F03","demand_kw":500,"expected_month":"2027-02","likelihood_pct":75},)"
    R"({"customer":"蓝海冷链","area":"Harbour","demand_kva":630,"expected_month":"2026-12","likelihood_pct":55}]})";

}  // namespace

TEST_CASE("a diff between two versions lists added, removed and changed rows", "[system][versions]") {
  testing::live_server s;
  auto c = s.client();
  REQUIRE(c.request("PUT", path, v1, bearer(s.admin)).status == 201);
  REQUIRE(c.request("PUT", path, v2, bearer(s.admin)).status == 201);
  auto r = c.request("GET", path + "/diff", "", bearer(s.admin));
  REQUIRE(r.status == 200);
  auto d = r.json();
  CHECK(d.at("from").at("version") == 1);
  CHECK(d.at("to").at("version") == 2);
  CHECK(d.at("unchanged") == 0);
  REQUIRE(d.at("removed").as_array().size() == 1);
  CHECK(d.at("removed").at(0).at("values").at("customer") == "Hengda Steel");
  REQUIRE(d.at("added").as_array().size() == 1);
  CHECK(d.at("added").at(0).at("values").at("customer") == "蓝海冷链");
  REQUIRE(d.at("changed").as_array().size() == 1);
  CHECK(d.at("changed").at(0).at("fields").at(0).at("field") == "demand_kw");
  CHECK(d.at("changed").at(0).at("fields").at(0).at("before") == 450);
  CHECK(d.at("changed").at(0).at("fields").at(0).at("after") == 500);

  CHECK(c.request("GET", path + "/diff?from=1&to=1", "", bearer(s.admin)).status == 400);
  CHECK(c.request("GET", path + "/diff?to=1", "", bearer(s.admin)).status == 404);
  CHECK(c.request("GET", path + "/diff?from=1&to=3", "", bearer(s.admin)).status == 404);
}

TEST_CASE("the sender sees who acknowledged, and a recipient sees that a newer version came", "[system][versions]") {
  testing::live_server s;
  auto c = s.client();
  auto first = c.request("PUT", path, v1, bearer(s.admin));
  REQUIRE(first.status == 201);
  auto item = std::to_string(first.json().at("seq").as_int64());
  auto planner = s.issue("planner");
  REQUIRE(c.request("POST", "/v1/departments/planning/inbox/" + item + "/ack", R"({"by":"li.wei"})",
                    bearer(planner)).status == 200);
  auto second = c.request("PUT", path, v2, bearer(s.admin));
  REQUIRE(second.status == 201);

  auto doc = c.request("GET", path + "?version=1", "", bearer(s.issue("liaison:marketing"))).json();
  const auto& deliveries = doc.at("versions").at(0).at("deliveries");
  CHECK(deliveries.at(0).at("to") == "planning");
  CHECK(deliveries.at(0).at("acknowledged").at("by").as_string().starts_with("li.wei"));
  CHECK(deliveries.at(1).at("to") == "dispatch");
  CHECK(deliveries.at(1).at("acknowledged").is_null());
  CHECK(doc.at("versions").at(1).at("deliveries").at(0).at("acknowledged").is_null());

  auto inbox = c.request("GET", "/v1/departments/planning/inbox", "", bearer(planner)).json();
  const auto& items = inbox.at("items");
  CHECK(items.at(0).at("acknowledged").is_object());
  CHECK(items.at(0).at("newer_version").at("version") == 2);
  CHECK(items.at(0).at("newer_version").at("item") == second.json().at("seq"));
  CHECK(items.at(1).at("newer_version").is_null());
}
