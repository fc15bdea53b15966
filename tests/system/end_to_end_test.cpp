#include <catch2/catch.hpp>

#include <set>

#include "tests/system/live_server.hpp"

using namespace gridcoord;
using namespace std::chrono_literals;
namespace json = boost::json;

using testing::bearer;
using testing::live_server;

namespace {

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2026-10";
const std::string m1_body = R"({"rows":[
  {"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80},
  {"customer":"蓝海冷链","area":"Harbour","demand_kva":630,"expected_month":"2026-12","likelihood_pct":55}]})";

}  // namespace

TEST_CASE("an M1 report submitted over HTTP reaches planning and dispatch, and is acknowledged",
          "[system][http]") {
  live_server s;
  auto c = s.client();
  auto marketing = s.issue("liaison:marketing");
  auto planning = s.issue("liaison:planning");
  auto put = c.request("PUT", m1_path, m1_body, bearer(marketing));
  REQUIRE(put.status == 201);
  auto receipt = put.json().as_object();
  CHECK(receipt.at("version").as_int64() == 1);
  CHECK(receipt.at("recipients") == json::parse(R"(["planning","dispatch"])"));
  auto item = receipt.at("seq").as_int64();

  for (std::string d : {"planning", "dispatch"}) {
    auto inbox = c.request("GET", "/v1/departments/" + d + "/inbox", "", bearer(s.admin));
    REQUIRE(inbox.status == 200);
    auto items = inbox.json().at("items").as_array();
    REQUIRE(items.size() == 1);
    CHECK(items[0].at("item").as_int64() == item);
    CHECK(items[0].at("from") == "marketing");
    CHECK(items[0].at("acknowledged").is_null());
  }

  auto ack = c.request("POST", "/v1/departments/planning/inbox/" + std::to_string(item) + "/ack",
                       R"({"by":"li.wei"})", bearer(planning));
  REQUIRE(ack.status == 200);
  CHECK(ack.json().at("acknowledged").at("by").as_string().starts_with("li.wei (tk_"));

  auto report = c.request("GET", m1_path, "", bearer(planning));
  REQUIRE(report.status == 200);
  CHECK(report.body.find("1250.5") != std::string::npos);
  CHECK(report.body.find("蓝海冷链") != std::string::npos);
  CHECK(report.json().at("rows").as_array().size() == 2);

  auto events = c.request("GET", "/v1/events?after=0&limit=10", "", bearer(s.admin));
  REQUIRE(events.status == 200);
  auto list = events.json().at("events").as_array();
  REQUIRE(list.size() == 5);  // three tokens issued, the report, the acknowledgement
  CHECK(list[3].at("type") == "report.submitted");
  CHECK(list[4].at("type") == "inbox.acknowledged");
  // The audit trail names the token that wrote each event, never a secret.
  CHECK(list[3].at("actor").as_string().starts_with("tk_"));
  CHECK(events.body.find(marketing) == std::string::npos);
}

TEST_CASE("a retried PUT with the same Idempotency-Key is applied once; another body conflicts",
          "[system][http][idempotency]") {
  live_server s;
  auto c = s.client();
  auto first = c.request("PUT", m1_path, m1_body, bearer(s.admin, {{"Idempotency-Key", "k-42"}}));
  auto again = c.request("PUT", m1_path, m1_body, bearer(s.admin, {{"Idempotency-Key", "k-42"}}));
  REQUIRE(first.status == 201);
  REQUIRE(again.status == 200);
  CHECK(again.json().at("replayed") == true);
  CHECK(again.json().at("version") == first.json().at("version"));
  auto other = c.request("PUT", m1_path,
                         R"({"rows":[{"customer":"X","feeder":"F-1","demand_kw":1,"expected_month":"2027-01","likelihood_pct":1}]})",
                         bearer(s.admin, {{"Idempotency-Key", "k-42"}}));
  CHECK(other.status == 409);
  CHECK(other.json().at("error").at("code") == "conflict");
  auto events = c.request("GET", "/v1/events?after=1", "", bearer(s.admin));  // after the admin token
  CHECK(events.json().at("events").as_array().size() == 1);
}

TEST_CASE("a rejected report stores nothing and names every bad row", "[system][http][validation]") {
  live_server s;
  auto c = s.client();
  auto bad = c.request("PUT", m1_path, R"({"rows":[
    {"customer":"A","feeder":"F-1","demand_kw":-5,"expected_month":"2027-01","likelihood_pct":50},
    {"customer":"B","feeder":"F-1","demand_kw":5,"expected_month":"2025-01","likelihood_pct":50},
    {"feeder":"F-1","area":"X","demand_kw":5,"expected_month":"2027-01","likelihood_pct":500}]})",
                       bearer(s.admin));
  REQUIRE(bad.status == 422);
  auto details = bad.json().at("error").at("details").as_array();
  std::set<std::int64_t> rows;
  for (const auto& d : details) rows.insert(d.at("row").as_int64());
  CHECK(rows == std::set<std::int64_t>{1, 2, 3});
  CHECK(details.size() >= 5);
  CHECK(c.request("GET", "/v1/events?after=1", "", bearer(s.admin)).json().at("events").as_array().empty());
  CHECK(c.request("GET", m1_path, "", bearer(s.admin)).status == 404);
}
