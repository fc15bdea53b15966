// gridctl --table writes times in one zone with its offset: --zone,
// $GRIDCOORD_ZONE or the config file's `zone`, else the server's from
// GET /v1/me, asked once a run and only when the answer holds a time. Against
// a server of canned answers that records every request.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/gridctl/support/canned_server.hpp"
#include "tests/gridctl/support/gridctl_runner.hpp"

using namespace gridcoord;
using testing::canned_server;
using testing::gridctl_runner;
using requests = std::vector<std::string>;

namespace {

const std::string inbox = R"({"department":"planning","items":[{"item":3,"from":"marketing",
  "kind":"large_customer_demand","month":"2026-09","version":1,"received_at":"2026-12-07T16:00:00.000000Z",
  "acknowledged":{"by":"li.wei","at":"2026-12-08T01:02:03.000000Z"}}],"next_after":3,"end":true})";
const std::string me = R"({"token_id":"tk_1","role":"admin","description":"test","time_zone":"Asia/Shanghai"})";
const std::string health = R"({"status":"ok","last_seq":3,"version":"0.1.0"})";
const std::string inbox_target = "/v1/departments/planning/inbox";

gridctl_runner runner_for(const canned_server& server) {
  return gridctl_runner{{{"GRIDCOORD_URL", server.url()}, {"GRIDCOORD_TOKEN", "t"}}};
}

}  // namespace

TEST_CASE("a --table view asks the server's zone once and writes every time in it, with its offset",
          "[gridctl][zone]") {
  canned_server server({{inbox_target, {200, inbox}}, {"/v1/me", {200, me}}});
  auto run = runner_for(server);
  auto r = run({"inbox", "planning", "--table"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("2026-12-08 00:00 (+08:00)") != std::string::npos);  // midnight in Beijing, not 16:00Z
  CHECK(r.out.find("at=2026-12-08 09:02 (+08:00)") != std::string::npos);  // nested in a cell too
  CHECK(r.out.find("T16:00") == std::string::npos);
  CHECK(server.requests() == requests{"GET " + inbox_target, "GET /v1/me"});
}

TEST_CASE("the zone is not asked for an answer without times, nor without --table", "[gridctl][zone]") {
  canned_server server({{inbox_target, {200, inbox}}, {"/v1/me", {200, me}}, {"/v1/health", {200, health}}});
  auto run = runner_for(server);
  CHECK(run({"health", "--table"}).code == 0);
  auto json = run({"inbox", "planning"});
  REQUIRE(json.code == 0);
  CHECK(json.json().at("items").at(0).at("received_at") == "2026-12-07T16:00:00.000000Z");  // the server's JSON
  CHECK(server.requests() == requests{"GET /v1/health", "GET " + inbox_target});
}

TEST_CASE("a zone from --zone, $GRIDCOORD_ZONE or the config file is used without asking the server",
          "[gridctl][zone]") {
  canned_server server({{inbox_target, {200, inbox}}, {"/v1/me", {200, me}}});
  auto run = runner_for(server);
  auto utc = run({"inbox", "planning", "--table", "--zone", "UTC"});
  REQUIRE(utc.code == 0);
  CHECK(utc.out.find("2026-12-07 16:00 (+00:00)") != std::string::npos);
  run.env["GRIDCOORD_ZONE"] = "Europe/Berlin";
  auto berlin = run({"inbox", "planning", "--table"});
  REQUIRE(berlin.code == 0);
  CHECK(berlin.out.find("2026-12-07 17:00 (+01:00)") != std::string::npos);
  CHECK(server.requests() == requests{"GET " + inbox_target, "GET " + inbox_target});
}

TEST_CASE("an unknown zone is a usage error before anything is sent", "[gridctl][zone]") {
  canned_server server({{inbox_target, {200, inbox}}});
  auto run = runner_for(server);
  auto r = run({"inbox", "planning", "--table", "--zone", "Mars/Olympus"});
  CHECK(r.code == 2);
  CHECK(r.err.find("unknown time zone \"Mars/Olympus\" (from --zone)") != std::string::npos);
  CHECK(server.requests().empty());
}

TEST_CASE("a server that does not say its zone: times in UTC, and a warning that names --zone", "[gridctl][zone]") {
  canned_server server({{inbox_target, {200, inbox}}});  // no GET /v1/me: 404
  auto run = runner_for(server);
  auto r = run({"inbox", "planning", "--table"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("2026-12-07 16:00 (+00:00)") != std::string::npos);
  CHECK(r.err == "gridctl: warning: times are shown in UTC: GET /v1/me answered 404; --zone or $GRIDCOORD_ZONE "
                 "sets the zone\n");
}

TEST_CASE("a table of every page (--all) asks the zone once", "[gridctl][zone]") {
  auto event = [](int seq) {
    return R"({"seq":)" + std::to_string(seq) + R"(,"stream":"tokens","type":"token.created",)" +
           R"("time":"2026-11-24T14:23:5)" + std::to_string(seq) + R"(.500000Z","actor":"bootstrap","payload":{}})";
  };
  canned_server server({{"/v1/events?after=0&limit=1", {200, R"({"events":[)" + event(1) + R"(],"next_after":1})"}},
                        {"/v1/events?after=1&limit=1", {200, R"({"events":[)" + event(2) + R"(],"next_after":2})"}},
                        {"/v1/events?after=2&limit=1", {200, R"({"events":[],"next_after":2})"}},
                        {"/v1/me", {200, me}}});
  auto run = runner_for(server);
  auto r = run({"events", "--all", "--limit", "1", "--table"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("2026-11-24 22:23:51 (+08:00)") != std::string::npos);  // the event log: to the second
  CHECK(r.out.find("2026-11-24 22:23:52 (+08:00)") != std::string::npos);
  auto asked = server.requests();
  CHECK(std::count(asked.begin(), asked.end(), "GET /v1/me") == 1);
  CHECK(asked.back() == "GET /v1/me");
}
