// GET /v1/cycle/{month}: the status matrix as JSON, the month checked, access.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/cycle.hpp"
#include "tests/domain/support/national_day.hpp"
#include "tests/gateways/support/test_client.hpp"

using namespace gridcoord;
using namespace gridcoord::testing;
using http::verb;
namespace json = boost::json;

namespace {

// September 2026 as of 10-14 10:00 local: M4 on time, M2 late, the rest
// missing; the first reminders sent.
domain::cycle_matrix september_matrix() {
  auto rc = national_day_2026();
  domain::cycle_book book;
  domain::cycle_notice reminder{domain::notice_type::reminder, domain::department::planning, "regional_development",
                                "M2", september_2026, at("2026-10-09T01:00:00Z"), at("2026-10-13T16:00:00Z"), 3};
  REQUIRE(book.apply_event(domain::reminder_type, 41, at("2026-10-09T01:00:00Z"), domain::encode(reminder)));
  std::vector<domain::submission_summary> subs{
      {domain::department::dispatch, "load_statistics", september_2026, at("2026-10-13T15:59:59Z"), 2,
       at("2026-10-14T01:00:00Z")},
      {domain::department::planning, "regional_development", september_2026, at("2026-10-14T01:30:00Z"), 1,
       at("2026-10-14T01:30:00Z")}};
  return domain::build_cycle_matrix(rc, book, at("2026-09-15T00:00:00Z"), september_2026, subs,
                                    at("2026-10-14T02:00:00Z"));
}

}  // namespace

TEST_CASE("GET /v1/cycle/{month} answers every department's kinds with status, due dates and notices",
          "[gateways][cycle]") {
  server_fixture f;
  f.fake.set_cycle(september_matrix());
  auto r = f.request(verb::get, "/v1/cycle/2026-09");
  REQUIRE(r.result_int() == 200);
  CHECK(f.fake.last_cycle_month() == september_2026);
  auto body = json_of(r).as_object();
  CHECK(body.at("month") == "2026-09");
  CHECK(body.at("time_zone") == "Asia/Shanghai");
  CHECK(body.at("as_of") == "2026-10-14T02:00:00.000000Z");
  CHECK(body.at("summary") == json::parse(R"({"not_yet_due":0,"open":0,"on_time":1,"late":1,"missing":5})"));
  const auto& departments = body.at("departments").as_array();
  REQUIRE(departments.size() == 5);
  CHECK(departments[0].at("department") == "planning");
  const auto& m2 = departments[0].at("reports").as_array().at(0).as_object();
  CHECK(m2.at("kind") == "regional_development");
  CHECK(m2.at("flow") == "M2");
  CHECK(m2.at("status") == "late");
  CHECK(m2.at("due_day") == "2026-10-13");
  CHECK(m2.at("due_at") == "2026-10-13T16:00:00.000000Z");
  CHECK(m2.at("first_submitted_at") == "2026-10-14T01:30:00.000000Z");
  CHECK(m2.at("latest_version") == 1);
  const auto& reminders = m2.at("reminders").as_array();
  REQUIRE(reminders.size() == 2);
  CHECK(reminders[0] == json::parse(R"({"scheduled_at":"2026-10-09T01:00:00.000000Z",
      "sent_at":"2026-10-09T01:00:00.000000Z","seq":41,"working_days_before":3})"));
  CHECK(reminders[1].at("sent_at").is_null());
  CHECK(m2.at("late_notice") == json::parse(R"({"scheduled_at":"2026-10-13T16:00:00.000000Z",
      "sent_at":null,"seq":null})"));
  const auto& marketing = departments[3].at("reports").as_array();
  CHECK(departments[3].at("department") == "marketing");
  CHECK(marketing.size() == 3);  // M1, M5, M7
  CHECK(marketing[0].at("status") == "missing");
  CHECK(marketing[0].at("first_submitted_at").is_null());
  CHECK(marketing[0].at("latest_version").is_null());
  CHECK_FALSE(body.contains("calendar_warnings"));  // 2026 has its holidays
}

TEST_CASE("GET /v1/cycle/{month} flags a year without a holiday calendar", "[gateways][cycle][calendar]") {
  server_fixture f;
  const domain::month december{std::chrono::year{2026}, std::chrono::December};
  f.fake.set_cycle(domain::build_cycle_matrix(national_day_2026(), {}, at("2026-09-15T00:00:00Z"), december, {},
                                              at("2026-12-07T00:25:00Z")));
  auto r = f.request(verb::get, "/v1/cycle/2026-12");
  REQUIRE(r.result_int() == 200);
  auto body = json_of(r).as_object();
  CHECK(body.at("departments").at(0).at("reports").at(0).at("due_day") == "2027-01-07");
  REQUIRE(body.contains("calendar_warnings"));
  const auto& warnings = body.at("calendar_warnings").as_array();
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].at("year") == 2027);
  CHECK(warnings[0].at("message").as_string().starts_with("no holiday calendar for 2027"));
}

TEST_CASE("GET /v1/cycle/{month} refuses a malformed month and anonymous callers", "[gateways][cycle]") {
  server_fixture f;
  auto bad = f.request(verb::get, "/v1/cycle/2026-9");
  CHECK(bad.result_int() == 400);
  CHECK(json_of(bad).at("error").at("message").as_string().find("YYYY-MM") != json::string::npos);
  CHECK_FALSE(f.fake.last_cycle_month());
  CHECK(f.request(verb::get, "/v1/cycle/2026-09", "", {{"Authorization", ""}}).result_int() == 401);
}
