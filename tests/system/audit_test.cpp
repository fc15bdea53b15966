// The audit trail: every write records who, with what role, from where and
// under which request id; queries filter by time, actor and entity.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "tests/system/live_server.hpp"

using namespace gridcoord;
using testing::bearer;
using testing::m1_body;
using testing::m1_path;

TEST_CASE("every write records its token, the person, role, address and request id", "[system][audit]") {
  testing::live_server s;
  auto c = s.client();
  auto issued = c.request("POST", "/v1/tokens", R"({"role":"liaison:marketing","description":"张敏"})",
                          bearer(s.admin));
  REQUIRE(issued.status == 201);
  auto marketing = std::string(issued.json().at("token").as_string());
  auto marketing_id = std::string(issued.json().at("id").as_string());
  auto put = c.request("PUT", m1_path, m1_body, bearer(marketing));
  REQUIRE(put.status == 201);

  auto trail = c.request("GET", "/v1/audit?actor=" + marketing_id, "", bearer(s.admin));
  REQUIRE(trail.status == 200);
  auto events = trail.json().at("events").as_array();
  REQUIRE(events.size() == 1);
  const auto& e = events[0];
  CHECK(e.at("seq") == put.json().at("seq"));
  CHECK(e.at("type") == "report.submitted");
  CHECK(e.at("actor") == marketing_id.c_str());
  CHECK(e.at("origin").at("role") == "liaison:marketing");
  CHECK(e.at("origin").at("person") == "张敏");
  CHECK(e.at("origin").at("remote") == "127.0.0.1");
  CHECK(e.at("origin").at("request_id").as_string() == put.headers.at("X-Request-Id").c_str());
  CHECK(trail.json().at("end") == true);

  // The token was issued by the admin, and that is on the trail too.
  auto tokens = c.request("GET", "/v1/audit?entity=tokens", "", bearer(s.admin));
  auto token_events = tokens.json().at("events").as_array();
  REQUIRE(token_events.size() == 2);  // the test's admin (no origin: not over HTTP), the liaison's
  CHECK(token_events[0].at("origin").is_null());
  CHECK(token_events[1].at("origin").at("role") == "admin");
}

TEST_CASE("audit queries filter by entity prefix and time range, and page on", "[system][audit]") {
  testing::live_server s;
  auto c = s.client();
  for (int i = 0; i < 3; ++i) REQUIRE(c.request("PUT", m1_path, m1_body, bearer(s.admin)).status == 201);
  auto reports = c.request("GET", "/v1/audit?entity=report/marketing/&limit=2", "", bearer(s.admin));
  REQUIRE(reports.status == 200);
  REQUIRE(reports.json().at("events").as_array().size() == 2);
  CHECK(reports.json().at("end") == false);
  auto next = reports.json().at("next_after").as_int64();
  auto rest = c.request("GET", "/v1/audit?entity=report/marketing/&after=" + std::to_string(next), "",
                        bearer(s.admin));
  CHECK(rest.json().at("events").as_array().size() == 1);
  CHECK(rest.json().at("end") == true);

  auto future = c.request("GET", "/v1/audit?from=2999-01-01T00:00:00Z", "", bearer(s.admin));
  CHECK(future.json().at("events").as_array().empty());
  auto past = c.request("GET", "/v1/audit?to=2000-01-01T00:00:00%2B08:00", "", bearer(s.admin));
  CHECK(past.json().at("events").as_array().empty());
  auto all = c.request("GET", "/v1/audit?from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z", "",
                       bearer(s.admin));
  CHECK(all.json().at("events").as_array().size() == 4);  // the admin token and three reports

  CHECK(c.request("GET", "/v1/audit?from=yesterday", "", bearer(s.admin)).status == 400);
  auto liaison = s.issue("liaison:marketing");
  CHECK(c.request("GET", "/v1/audit", "", bearer(liaison)).status == 403);
}

TEST_CASE("a report's versions and acknowledgements name the person beside the token id", "[system][audit][person]") {
  testing::live_server s;
  auto c = s.client();
  auto token = [&](const char* role, const char* person) {
    auto issued = c.request("POST", "/v1/tokens",
                            fmt::format(R"({{"role":"{}","description":"{}"}})", role, person), bearer(s.admin));
    REQUIRE(issued.status == 201);
    return std::pair{std::string(issued.json().at("token").as_string()),
                     std::string(issued.json().at("id").as_string())};
  };
  auto [marketing, marketing_id] = token("liaison:marketing", "张敏");
  auto [planning, planning_id] = token("liaison:planning", "王芳");
  auto put = c.request("PUT", m1_path, m1_body, bearer(marketing));
  REQUIRE(put.status == 201);
  auto item = put.json().at("seq").as_int64();
  auto ack = c.request("POST", fmt::format("/v1/departments/planning/inbox/{}/ack", item), "", bearer(planning));
  REQUIRE(ack.status == 200);
  CHECK(ack.json().at("acknowledged").at("by") == planning_id.c_str());
  CHECK(ack.json().at("acknowledged").at("person") == "王芳");

  auto report = c.request("GET", m1_path, "", bearer(s.admin));
  REQUIRE(report.status == 200);
  auto body = report.json();
  const auto& doc = body.as_object();
  CHECK(doc.at("submitted_by") == marketing_id.c_str());
  CHECK(doc.at("person") == "张敏");
  const auto& version = doc.at("versions").at(0).as_object();
  CHECK(version.at("submitted_by") == marketing_id.c_str());
  CHECK(version.at("person") == "张敏");
  CHECK(version.at("deliveries").at(0).at("acknowledged").at("person") == "王芳");
}
