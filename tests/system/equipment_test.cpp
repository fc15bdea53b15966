// The equipment registry through the real gridcoord binary: the empty-registry
// warning at start, an import over HTTP, its checks on reports, and the
// registry back after the process is killed.
#include <catch2/catch.hpp>

#include <signal.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/system/server_process.hpp"

using namespace gridcoord;
using testing::http_client;
using testing::bootstrap_token;
using testing::server_process;

namespace {

const std::string m1_path = "/v1/reports/marketing/large_customer_demand/2026-10";

std::string m1_naming(const std::string& feeder) {
  return R"({"rows":[{"customer":"蓝海钢铁","feeder":")" + feeder +
         R"(","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80}]})";
}

std::map<std::string, std::string> as(const std::string& token, std::map<std::string, std::string> more = {}) {
  more["Authorization"] = "Bearer " + token;
  return more;
}

std::string example_registry() {
  std::ifstream in(GRIDCOORD_SOURCE_DIR "/docs/examples/equipment.csv", std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the registry turns the report checks on and is back after a kill", "[system][equipment][restart]") {
  testing::temp_dir dir;
  auto data = dir.str() + "/data";
  std::string admin;
  {
    server_process server(GRIDCOORD_SERVER_BINARY, data, dir.str() + "/first.log");
    CHECK(server.log().find("the equipment registry is empty") != std::string::npos);
    admin = bootstrap_token(server);
    http_client c("127.0.0.1", server.port());
    REQUIRE(c.request("PUT", m1_path, m1_naming("NOWHERE-1"), as(admin)).status == 201);  // checks off
    auto imported = c.request("POST", "/v1/equipment/imports", example_registry(),
                              as(admin, {{"Content-Type", "text/csv; charset=utf-8"}, {"Idempotency-Key", "lanhai"}}));
    REQUIRE(imported.status == 201);
    CHECK(imported.json().at("added") == 14);
    CHECK(c.request("PUT", m1_path, m1_naming("NOWHERE-1"), as(admin)).status == 422);
    CHECK(c.request("PUT", m1_path, m1_naming("LH-F07"), as(admin)).status == 201);
    CHECK(server.stop(SIGKILL) == 128 + SIGKILL);  // no final snapshot: the registry comes from the log
  }
  server_process again(GRIDCOORD_SERVER_BINARY, data, dir.str() + "/second.log");
  CHECK(again.log().find("the equipment registry is empty") == std::string::npos);
  http_client c("127.0.0.1", again.port());
  auto t1 = c.request("GET", "/v1/equipment/SS-07%2FT1", "", as(admin));
  REQUIRE(t1.status == 200);
  CHECK(t1.json().at("kind") == "main_transformer");
  CHECK(t1.json().at("region") == "蓝海市东港区");
  auto bad = c.request("PUT", m1_path, m1_naming("F-999"), as(admin));
  REQUIRE(bad.status == 422);
  CHECK(bad.json().at("error").at("details").at(0).at("reason") == "no equipment F-999 in the registry");
  auto replay = c.request("POST", "/v1/equipment/imports", example_registry(),
                          as(admin, {{"Content-Type", "text/csv; charset=utf-8"}, {"Idempotency-Key", "lanhai"}}));
  CHECK(replay.status == 200);
  CHECK(replay.json().at("replayed") == true);
}
