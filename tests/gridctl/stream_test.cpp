// gridctl stream, in-process, against the real actor runtime behind the real
// HTTP server; a cutting proxy drops the connection at a chosen event.
#include <catch2/catch.hpp>

#include <regex>

#include <fmt/format.h>

#include "tests/gridctl/support/cutting_proxy.hpp"
#include "tests/gridctl/support/gridctl_runner.hpp"
#include "tests/system/live_server.hpp"
#include "cmd/gridctl/stream.hpp"

using namespace gridcoord;
using testing::gridctl_runner;
using testing::lines_of;
namespace json = boost::json;

namespace {

struct fixture {
  testing::live_server server;

  fixture(int reports) {
    auto c = server.client();
    for (int m = 1; m <= reports; ++m) {
      auto path = fmt::format("/v1/reports/marketing/large_customer_demand/2026-{:02}", m);
      REQUIRE(c.request("PUT", path, testing::m1_body, testing::bearer(server.admin)).status == 201);
    }
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(server.server->port()); }
  gridctl_runner admin(const std::string& url) {
    return gridctl_runner{{{"GRIDCOORD_URL", url}, {"GRIDCOORD_TOKEN", server.admin}}};
  }

  // Every event in the log, as GET /v1/events has them.
  json::array log() {
    auto r = server.client().request("GET", "/v1/events?limit=1000", "", testing::bearer(server.admin));
    REQUIRE(r.status == 200);
    return r.json().at("events").as_array();
  }
};

json::array parsed_lines(const std::string& out) {
  json::array events;
  for (const auto& line : lines_of(out)) events.push_back(json::parse(line));
  return events;
}

json::array tail_of(const json::array& all, std::size_t from) { return json::array(all.begin() + from, all.end()); }

}  // namespace

TEST_CASE("gridctl stream prints the logged events from --after in order, one JSON object a line, "
          "and --limit ends it", "[gridctl][live][stream]") {
  fixture f(4);
  auto log = f.log();
  REQUIRE(log.size() >= 5);  // the admin token and four reports
  auto admin = f.admin(f.url());

  auto all = admin({"stream", "--limit", std::to_string(log.size())});
  INFO(all.err);
  REQUIRE(all.code == 0);
  CHECK(parsed_lines(all.out) == log);
  CHECK(all.err.empty());

  auto tail = admin({"stream", "--after", "2", "--limit", "2"});
  REQUIRE(tail.code == 0);
  CHECK(parsed_lines(tail.out) == json::array{log[2], log[3]});

  auto table = admin({"stream", "--after", "1", "--limit", "1", "--table"});
  REQUIRE(table.code == 0);
  auto lines = lines_of(table.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].starts_with("     2  "));
  CHECK(std::regex_search(lines[0], std::regex(R"(^     2  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(\+08:00\)  )")));  // the server's zone
  CHECK(lines[0].find("report.submitted") != std::string::npos);
  CHECK(lines[0].find("report/marketing/large_customer_demand/2026-01") != std::string::npos);
}

TEST_CASE("gridctl stream resumes a dropped connection from Last-Event-ID without duplicates or gaps",
          "[gridctl][live][stream]") {
  fixture f(6);
  auto log = f.log();
  testing::cutting_proxy proxy(f.server.server->port(), 4);  // frames 1..3 whole, frame 4 cut
  auto admin = f.admin(proxy.url());
  auto r = admin({"stream", "--limit", std::to_string(log.size())});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(parsed_lines(r.out) == log);

  auto requests = proxy.requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].find("Last-Event-ID") == std::string::npos);
  CHECK(requests[1].find("Last-Event-ID: 3\r\n") != std::string::npos);
  CHECK(admin.waits == std::vector<std::chrono::milliseconds>{gridctl::backoff_start});
  CHECK(r.err.find("reconnecting in 0.5 s (try 1 of 5), resuming after 3") != std::string::npos);
}

TEST_CASE("gridctl stream gives up after bounded reconnections with exit code 7", "[gridctl][live][stream]") {
  fixture f(2);
  testing::cutting_proxy proxy(f.server.server->port(), 2, true);  // then every connection is refused
  auto admin = f.admin(proxy.url());
  auto r = admin({"stream", "--limit", "100"});
  CHECK(r.code == 7);
  CHECK(lines_of(r.out).size() == 1);  // event 1 came through before the cut
  REQUIRE(admin.waits.size() == gridctl::max_stream_retries);
  CHECK(admin.waits.front() == gridctl::backoff_start);
  CHECK(admin.waits.back() == gridctl::backoff_max);  // 0.5, 1, 2, 4, 8 s
  CHECK(r.err.find("gave up after 5 reconnections") != std::string::npos);
}

TEST_CASE("gridctl stream --until-idle exits 0 once the log has been quiet that long", "[gridctl][live][stream]") {
  fixture f(2);
  auto admin = f.admin(f.url());
  auto r = admin({"stream", "--after", "1", "--until-idle", "1"});  // long enough for a loaded machine
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(parsed_lines(r.out) == tail_of(f.log(), 1));
  CHECK(admin({"stream", "--follow", "--until-idle", "1"}).code == 2);
  CHECK(admin({"stream", "--limit", "0"}).code == 2);
  CHECK(admin({"stream", "--until-idle", "soon"}).code == 2);
}

TEST_CASE("gridctl stream without a token, or with a role that may not read events, exits 3",
          "[gridctl][live][stream]") {
  fixture f(1);
  gridctl_runner anonymous{{{"GRIDCOORD_URL", f.url()}}};
  auto none = anonymous({"stream", "--limit", "1"});
  CHECK(none.code == 3);
  CHECK(none.err.find("unauthorized (401)") != std::string::npos);
  gridctl_runner marketing{{{"GRIDCOORD_URL", f.url()}, {"GRIDCOORD_TOKEN", f.server.issue("liaison:marketing")}}};
  auto denied = marketing({"stream", "--limit", "1"});
  CHECK(denied.code == 3);
  CHECK(denied.err.find("(403)") != std::string::npos);
  CHECK(marketing({"--url", "http://127.0.0.1:1", "stream"}).code == 7);
}
