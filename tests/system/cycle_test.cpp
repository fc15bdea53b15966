// The monthly cycle through the real server binary: started outside the
// source tree it runs on the built-in copy of the shipped 2026 calendar, and
// GET /v1/cycle/{month} shows what was submitted against it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include <boost/json/parse.hpp>

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
