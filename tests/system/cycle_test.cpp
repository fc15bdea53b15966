// The monthly cycle through the real server binary: started outside the
// source tree it runs on the built-in copy of the shipped 2026 calendar, and
// GET /v1/cycle/{month} shows what was submitted against it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string_view>
#include <vector>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/system/server_process.hpp"

using namespace gridcoord;
using testing::http_client;
using testing::bootstrap_token;
using testing::server_process;
namespace json = boost::json;

namespace {

const json::object& report_of(const json::value& matrix, std::string_view department, std::string_view kind) {
  for (const auto& d : matrix.at("departments").as_array()) {
    if (d.at("department").as_string() != department) continue;
    for (const auto& r : d.at("reports").as_array())
      if (r.at("kind").as_string() == kind) return r.as_object();
  }
  FAIL("no " << kind << " of " << department << " in the matrix");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("the server's cycle runs on the shipped calendar and shows submissions", "[system][cycle]") {
  testing::temp_dir dir;
  server_process server(GRIDCOORD_SERVER_BINARY, dir.str() + "/data", dir.str() + "/server.log");
  auto auth = std::map<std::string, std::string>{{"Authorization", "Bearer " + bootstrap_token(server)}};
  if (!std::filesystem::exists("config/calendars/cn-2026.toml"))  // ctest runs in the build tree
    CHECK(server.log().find("config/calendars/cn-2026.toml is not in") != std::string::npos);
  http_client c("127.0.0.1", server.port());

  auto put = c.request("PUT", "/v1/reports/marketing/large_customer_demand/2026-09", R"({"rows":[
      {"customer":"蓝海钢铁","feeder":"LH-F07","demand_kw":1250.5,"expected_month":"2027-03","likelihood_pct":80}]})",
                       auth);
  REQUIRE(put.status == 201);

  auto r = c.request("GET", "/v1/cycle/2026-09", "", auth);
  REQUIRE(r.status == 200);
  auto m = json::parse(r.body);
  CHECK(m.at("time_zone") == "Asia/Shanghai");
  // Working day 5 after September: 10-08, 10-09, 10-10 (make-up Saturday),
  // 10-12, 10-13 under the State Council's arrangement (Monday to Friday
  // would give 10-07).
  const auto& m4 = report_of(m, "dispatch", "load_statistics");
  CHECK(m4.at("due_day") == "2026-10-13");
  CHECK(m4.at("status") == "missing");
  CHECK(m4.at("first_submitted_at").is_null());
  const auto& m1 = report_of(m, "marketing", "large_customer_demand");
  CHECK(m1.at("status") == "late");  // submitted now, long after 2026-10-13
  CHECK(m1.at("latest_version") == 1);
  CHECK_FALSE(m1.at("first_submitted_at").is_null());
  // The cycle started with this server: no notice of September was ever due in it.
  CHECK(m1.at("late_notice").at("sent_at").is_null());
  std::size_t kinds = 0;
  for (const auto& d : m.at("departments").as_array()) kinds += d.at("reports").as_array().size();
  CHECK(kinds == 7);

  CHECK(c.request("GET", "/v1/cycle/2026-13", "", auth).status == 400);
  CHECK(c.request("GET", "/v1/cycle/2026-09").status == 401);
}

TEST_CASE("a year without a holiday calendar is flagged in the cycle, in the health report and in the metrics",
          "[system][cycle][calendar]") {
  testing::temp_dir dir;
  server_process server(GRIDCOORD_SERVER_BINARY, dir.str() + "/data", dir.str() + "/server.log");
  auto auth = std::map<std::string, std::string>{{"Authorization", "Bearer " + bootstrap_token(server)}};
  http_client c("127.0.0.1", server.port());

  // The shipped calendar has 2026's holidays only: December's reports are due in January 2027.
  auto december = json::parse(c.request("GET", "/v1/cycle/2026-12", "", auth).body);
  CHECK(report_of(december, "dispatch", "load_statistics").at("due_day") == "2027-01-07");
  REQUIRE(december.as_object().contains("calendar_warnings"));
  CHECK(december.at("calendar_warnings").at(0).at("year") == 2027);
  CHECK(december.at("calendar_warnings").at(0).at("message").as_string().starts_with("no holiday calendar for 2027"));
  auto september = json::parse(c.request("GET", "/v1/cycle/2026-09", "", auth).body);
  CHECK_FALSE(september.as_object().contains("calendar_warnings"));

  // Health and metrics look at this year and the next, whatever today is: covered only when 2026.
  auto health = c.request("GET", "/v1/health");
  REQUIRE(health.status == 200);
  auto calendar = json::parse(health.body).at("calendar");
  std::vector<std::int64_t> years;
  for (auto key : {"covered_years", "missing_years"})
    for (const auto& y : calendar.at(key).as_array()) {
      CHECK((y.as_int64() == 2026) == (std::string_view(key) == "covered_years"));
      years.push_back(y.as_int64());
    }
  std::sort(years.begin(), years.end());
  REQUIRE(years.size() == 2);
  CHECK(years[1] == years[0] + 1);
  auto metrics = c.request("GET", "/metrics").body;
  for (auto y : years)
    CHECK(metrics.find(fmt::format("gridcoord_calendar_year_covered{{year=\"{}\"}} {}\n", y, y == 2026 ? 1 : 0)) !=
          std::string::npos);
}
