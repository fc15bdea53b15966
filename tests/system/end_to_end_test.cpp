#include <catch2/catch.hpp>

#include <set>

#include "actors/runtime.hpp"
#include "gateways/http_server.hpp"
#include "tests/support/http_client.hpp"

using namespace gridcoord;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

struct live_server {
  std::unique_ptr<actors::runtime> rt;
  std::unique_ptr<gateways::http_server> server;
  live_server() {
    actors::runtime_options o;
    o.scheduler_threads = 2;
    o.snapshot_check_interval = 0ms;
    rt = std::move(*actors::runtime::start(o));
    config::server_settings s;
    s.port = 0;
    server = std::make_unique<gateways::http_server>(s, rt->api());
    REQUIRE(server->start());
  }
  testing::http_client client() { return {"127.0.0.1", server->port()}; }
};

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2026-10";
const std::string m1_body = R"({"rows":[
  {"customer":"Hengda Steel","feeder":"F-101","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80},
  {"customer":"蓝海冷链","area":"Harbour","demand_kva":630,"expected_month":"2026-12","likelihood_pct":55}]})";

}  // namespace

TEST_CASE("an M1 report submitted over HTTP reaches planning and dispatch, and is acknowledged",
          "[system][http]") {
  live_server s;
  auto c = s.client();
  auto put = c.request("PUT", m1_path, m1_body, {{"X-Gridcoord-Actor", "zhang.min"}});
  REQUIRE(put.status == 201);
  auto receipt = put.json().as_object();
  CHECK(receipt.at("version").as_int64() == 1);
  CHECK(receipt.at("recipients") == json::parse(R"(["planning","dispatch"])"));
  auto item = receipt.at("seq").as_int64();

  for (std::string d : {"planning", "dispatch"}) {
    auto inbox = c.request("GET", "/v1/departments/" + d + "/inbox");
    REQUIRE(inbox.status == 200);
    auto items = inbox.json().at("items").as_array();
    REQUIRE(items.size() == 1);
    CHECK(items[0].at("item").as_int64() == item);
    CHECK(items[0].at("from") == "marketing");
    CHECK(items[0].at("acknowledged").is_null());
  }

  auto ack = c.request("POST", "/v1/departments/planning/inbox/" + std::to_string(item) + "/ack",
                       R"({"by":"li.wei"})");
  REQUIRE(ack.status == 200);
  CHECK(ack.json().at("acknowledged").at("by") == "li.wei");

  auto report = c.request("GET", m1_path);
  REQUIRE(report.status == 200);
  CHECK(report.body.find("1250.5") != std::string::npos);
  CHECK(report.body.find("蓝海冷链") != std::string::npos);
  CHECK(report.json().at("rows").as_array().size() == 2);

  auto events = c.request("GET", "/v1/events?after=0&limit=10");
  REQUIRE(events.status == 200);
  auto list = events.json().at("events").as_array();
  REQUIRE(list.size() == 2);
  CHECK(list[0].at("type") == "report.submitted");
  CHECK(list[1].at("type") == "inbox.acknowledged");
}

TEST_CASE("a retried PUT with the same Idempotency-Key is applied once; another body conflicts",
          "[system][http][idempotency]") {
  live_server s;
  auto c = s.client();
  auto first = c.request("PUT", m1_path, m1_body, {{"Idempotency-Key", "k-42"}});
  auto again = c.request("PUT", m1_path, m1_body, {{"Idempotency-Key", "k-42"}});
  REQUIRE(first.status == 201);
  REQUIRE(again.status == 200);
  CHECK(again.json().at("replayed") == true);
  CHECK(again.json().at("version") == first.json().at("version"));
  auto other = c.request("PUT", m1_path,
                         R"({"rows":[{"customer":"X","feeder":"F-1","demand_kw":1,"expected_month":"2027-01","likelihood_pct":1}]})",
                         {{"Idempotency-Key", "k-42"}});
  CHECK(other.status == 409);
  CHECK(other.json().at("error").at("code") == "conflict");
  auto events = c.request("GET", "/v1/events");
  CHECK(events.json().at("events").as_array().size() == 1);
}

TEST_CASE("a rejected report stores nothing and names every bad row", "[system][http][validation]") {
  live_server s;
  auto c = s.client();
  auto bad = c.request("PUT", m1_path, R"({"rows":[
    {"customer":"A","feeder":"F-1","demand_kw":-5,"expected_month":"2027-01","likelihood_pct":50},
    {"customer":"B","feeder":"F-1","demand_kw":5,"expected_month":"2025-01","likelihood_pct":50},
    {"feeder":"F-1","area":"X","demand_kw":5,"expected_month":"2027-01","likelihood_pct":500}]})");
  REQUIRE(bad.status == 422);
  auto details = bad.json().at("error").at("details").as_array();
  std::set<std::int64_t> rows;
  for (const auto& d : details) rows.insert(d.at("row").as_int64());
  CHECK(rows == std::set<std::int64_t>{1, 2, 3});
  CHECK(details.size() >= 5);
  CHECK(c.request("GET", "/v1/events").json().at("events").as_array().empty());
  CHECK(c.request("GET", m1_path).status == 404);
}
