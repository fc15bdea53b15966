#include <catch2/catch.hpp>

#include <signal.h>

#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/system/server_process.hpp"

using namespace gridcoord;
using testing::http_client;
using testing::server_process;

namespace {

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2026-10";
const std::string m1_body = R"({"rows":[
  {"customer":"蓝海钢铁","feeder":"LH-F07","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80}]})";

struct snapshot_of_state {
  std::string events, planning, dispatch, report;
  friend bool operator==(const snapshot_of_state&, const snapshot_of_state&) = default;
};

snapshot_of_state read_all(unsigned short port) {
  http_client c("127.0.0.1", port);
  return {c.request("GET", "/v1/events?after=0&limit=1000").body,
          c.request("GET", "/v1/departments/planning/inbox").body,
          c.request("GET", "/v1/departments/dispatch/inbox").body, c.request("GET", m1_path).body};
}

}  // namespace

TEST_CASE("everything written over HTTP is back after the server is stopped and started",
          "[system][restart]") {
  testing::temp_dir dir;
  auto data = dir.str() + "/data";
  snapshot_of_state before;
  {
    server_process server(GRIDCOORD_SERVER_BINARY, data, dir.str() + "/first.log");
    http_client c("127.0.0.1", server.port());
    REQUIRE(c.request("PUT", m1_path, m1_body).status == 201);
    REQUIRE(c.request("PUT", m1_path, m1_body, {{"Idempotency-Key", "retry-me"}}).status == 201);
    REQUIRE(c.request("POST", "/v1/departments/planning/inbox/1/ack", R"({"by":"li.wei"})").status == 200);
    before = read_all(server.port());
    CHECK(server.stop(SIGTERM) == 0);
    CHECK(server.log().find("stopped cleanly") != std::string::npos);
  }
  server_process again(GRIDCOORD_SERVER_BINARY, data, dir.str() + "/second.log");
  CHECK(read_all(again.port()) == before);
  CHECK(before.events.find("inbox.acknowledged") != std::string::npos);
  CHECK(before.report.find("\"version\":2") != std::string::npos);
  // The idempotency key is remembered across the restart.
  http_client c("127.0.0.1", again.port());
  auto replay = c.request("PUT", m1_path, m1_body, {{"Idempotency-Key", "retry-me"}});
  CHECK(replay.status == 200);
  CHECK(replay.json().at("version") == 2);
}

TEST_CASE("an acknowledged write survives the process being killed", "[system][restart][durability]") {
  testing::temp_dir dir;
  auto data = dir.str() + "/data";
  std::string events;
  {
    server_process server(GRIDCOORD_SERVER_BINARY, data, dir.str() + "/first.log");
    http_client c("127.0.0.1", server.port());
    for (int i = 0; i < 5; ++i) REQUIRE(c.request("PUT", m1_path, m1_body).status == 201);
    events = c.request("GET", "/v1/events?after=0&limit=1000").body;
    CHECK(server.stop(SIGKILL) == 128 + SIGKILL);  // no clean shutdown, no final snapshot
  }
  server_process again(GRIDCOORD_SERVER_BINARY, data, dir.str() + "/second.log");
  http_client c("127.0.0.1", again.port());
  CHECK(c.request("GET", "/v1/events?after=0&limit=1000").body == events);
  auto next = c.request("PUT", m1_path, m1_body);
  REQUIRE(next.status == 201);
  CHECK(next.json().at("version") == 6);
}
