#include <catch2/catch.hpp>

#include <signal.h>

#include <regex>

#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/system/server_process.hpp"

using namespace gridcoord;
using testing::http_client;
using testing::bootstrap_token;
using testing::server_process;

namespace {

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2026-10";
const std::string m1_body = R"({"rows":[
  {"customer":"蓝海钢铁","feeder":"LH-F07","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80}]})";

std::map<std::string, std::string> as(const std::string& token,
                                      std::map<std::string, std::string> more = {}) {
  more["Authorization"] = "Bearer " + token;
  return more;
}

struct snapshot_of_state {
  std::string events, planning, dispatch, report;
  friend bool operator==(const snapshot_of_state&, const snapshot_of_state&) = default;
};

snapshot_of_state read_all(unsigned short port, const std::string& token) {
  http_client c("127.0.0.1", port);
  return {c.request("GET", "/v1/events?after=0&limit=1000", "", as(token)).body,
          c.request("GET", "/v1/departments/planning/inbox", "", as(token)).body,
          c.request("GET", "/v1/departments/dispatch/inbox", "", as(token)).body,
          c.request("GET", m1_path, "", as(token)).body};
}

}  // namespace

TEST_CASE("everything written over HTTP is back after the server is stopped and started",
          "[system][restart]") {
  testing::temp_dir dir;
  auto data = dir.str() + "/data";
  snapshot_of_state before;
  std::string admin;
  {
    server_process server(GRIDCOORD_SERVER_BINARY, data, dir.str() + "/first.log");
    admin = bootstrap_token(server);
    http_client c("127.0.0.1", server.port());
    auto first = c.request("PUT", m1_path, m1_body, as(admin));
    REQUIRE(first.status == 201);
    REQUIRE(c.request("PUT", m1_path, m1_body, as(admin, {{"Idempotency-Key", "retry-me"}})).status == 201);
    auto item = std::to_string(first.json().at("seq").as_int64());
    REQUIRE(c.request("POST", "/v1/departments/planning/inbox/" + item + "/ack", R"({"by":"li.wei"})",
                      as(admin)).status == 200);
    before = read_all(server.port(), admin);
    CHECK(server.stop(SIGTERM) == 0);
    CHECK(server.log().find("stopped cleanly") != std::string::npos);
  }
  server_process again(GRIDCOORD_SERVER_BINARY, data, dir.str() + "/second.log");
  CHECK(again.log().find("gct_") == std::string::npos);  // the token is shown once, on the first start
  CHECK(read_all(again.port(), admin) == before);  // the token itself survived the restart
  CHECK(before.events.find("inbox.acknowledged") != std::string::npos);
  CHECK(before.report.find("\"version\":2") != std::string::npos);
  // The idempotency key is remembered across the restart.
  http_client c("127.0.0.1", again.port());
  auto replay = c.request("PUT", m1_path, m1_body, as(admin, {{"Idempotency-Key", "retry-me"}}));
  CHECK(replay.status == 200);
  CHECK(replay.json().at("version") == 2);
}

TEST_CASE("an acknowledged write survives the process being killed", "[system][restart][durability]") {
  testing::temp_dir dir;
  auto data = dir.str() + "/data";
  std::string events, admin;
  {
    server_process server(GRIDCOORD_SERVER_BINARY, data, dir.str() + "/first.log");
    admin = bootstrap_token(server);
    http_client c("127.0.0.1", server.port());
    for (int i = 0; i < 5; ++i) REQUIRE(c.request("PUT", m1_path, m1_body, as(admin)).status == 201);
    events = c.request("GET", "/v1/events?after=0&limit=1000", "", as(admin)).body;
    CHECK(server.stop(SIGKILL) == 128 + SIGKILL);  // no clean shutdown, no final snapshot
  }
  server_process again(GRIDCOORD_SERVER_BINARY, data, dir.str() + "/second.log");
  http_client c("127.0.0.1", again.port());
  CHECK(c.request("GET", "/v1/events?after=0&limit=1000", "", as(admin)).body == events);
  auto next = c.request("PUT", m1_path, m1_body, as(admin));
  REQUIRE(next.status == 201);
  CHECK(next.json().at("version") == 6);
}
