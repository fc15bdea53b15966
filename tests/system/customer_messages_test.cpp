// What a key customer is told, through the real server binary: an outage
// reported over HTTP sends an SMS written from the shipped Chinese template in
// Beijing time to a local receiver, and the text the receiver got is the one
// GET /v1/customers/{id} and `gridctl customer get ID --table` show.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "domain/clock.hpp"
#include "tests/gridctl/support/gridctl_runner.hpp"

#include "tests/gateways/support/http_receiver.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/system/server_process.hpp"

using namespace gridcoord;
using testing::bootstrap_token;
using testing::http_client;
using testing::http_receiver;
using testing::server_process;
namespace json = boost::json;

namespace {

const char* tree = R"({"equipment":[
  {"id":"SS-07","kind":"substation","area_class":"urban","region":"蓝海市临港镇","rating_kva":126000},
  {"id":"SS-07/T2","kind":"main_transformer","parent":"SS-07","area_class":"urban","region":"蓝海市临港镇","rating_kva":50000},
  {"id":"F-222","kind":"feeder","parent":"SS-07/T2","area_class":"rural","region":"蓝海市临港镇","rating_kva":8000},
  {"id":"D-2231","kind":"distribution_transformer","parent":"F-222","area_class":"rural","region":"蓝海市临港镇","rating_kva":630}]})";

// The issue's outage started at 08:25:51 Beijing time (00:25:51Z, the same
// calendar day in both zones): the latest such moment that is not in the
// future, as the server refuses an outage that starts later than now.
std::chrono::sys_seconds outage_start() {
  auto now = std::chrono::system_clock::now();
  auto start = std::chrono::floor<std::chrono::days>(now) + std::chrono::minutes{25} + std::chrono::seconds{51};
  if (start > now) start -= std::chrono::days{1};
  return start;
}

// That start as the Chinese template writes it, computed apart from the
// server's code: Beijing is UTC+8 all year, so its date is the UTC date.
std::string beijing_wall_clock(std::chrono::sys_seconds start) {
  std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(start)};
  return fmt::format("{}月{}日 08:25", static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
}

bool has_line(const std::string& text, const std::string& line) {
  for (const auto& l : testing::lines_of(text))
    if (l == line) return true;
  return false;
}

}  // namespace

TEST_CASE("a key customer's SMS is the Chinese template in Beijing time, as the receiver got it and the API shows",
          "[system][sla][messages]") {
  http_receiver receiver(std::vector<unsigned>{200});
  testing::temp_dir dir;
  auto settings = dir.str() + "/gridcoord.toml";
  std::ofstream(settings) << "[notifications]\nendpoint = \"" << receiver.url("/sms") << "\"\n";
  server_process server(GRIDCOORD_SERVER_BINARY, dir.str() + "/data", dir.str() + "/server.log",
                        {"--config", settings});
  auto admin = std::map<std::string, std::string>{{"Authorization", "Bearer " + bootstrap_token(server)}};
  http_client c{"127.0.0.1", server.port()};
  REQUIRE(c.request("POST", "/v1/equipment/imports", tree, admin).status == 201);
  auto csv = admin;
  csv["Content-Type"] = "text/csv; charset=utf-8";
  REQUIRE(c.request("POST", "/v1/customers",
                    "id,name,tier,connection_point,contacts\nC-1,蓝海化工,important,D-2231,sms:+8613800000000\n", csv)
              .status == 201);

  auto start = outage_start();
  auto reported = c.request(
      "POST", "/v1/outages",
      fmt::format(R"({{"equipment":["F-222"],"started_at":"{}"}})", domain::format_rfc3339(start)), admin);
  REQUIRE(reported.status == 201);
  REQUIRE(receiver.wait_for_requests(1, std::chrono::seconds{30}));
  auto got = json::parse(receiver.requests().at(0).body()).as_object();
  const std::string told = "【蓝海供电】尊敬的蓝海化工：受蓝海市临港镇F-222线路故障影响，您单位自" +
                           beijing_wall_clock(start) + "起停电，预计另行通知的时间恢复供电。如有疑问请致电95598。";
  INFO(told);
  CHECK(got.at("text").as_string() == std::string_view(told));
  CHECK(got.at("language") == "zh-CN");
  CHECK(got.at("segments") == 2);
  CHECK(got.at("too_long") == false);
  CHECK(got.at("address") == "+8613800000000");

  auto customer = c.request("GET", "/v1/customers/C-1", "", admin);
  REQUIRE(customer.status == 200);
  auto shown = customer.json().at("notifications").at(0);
  CHECK(shown.at("text").as_string() == std::string_view(told));
  CHECK(shown.at("segments") == 2);
  auto message_id = std::string(shown.at("message_id").as_string());

  // What customer service reads: the text in full under its message id, its SMS
  // segments, its times in Beijing time.
  testing::gridctl_runner gridctl({{"GRIDCOORD_URL", fmt::format("http://127.0.0.1:{}", server.port())},
                                   {"GRIDCOORD_TOKEN", bootstrap_token(server)}});
  auto table = gridctl({"customer", "get", "C-1", "--table"});
  INFO(table.out << table.err);
  REQUIRE(table.code == 0);
  CHECK(has_line(table.out, message_id + "  " + told));
  std::string state_line;
  for (const auto& l : testing::lines_of(table.out))
    if (l.starts_with(message_id + "  outage_notice")) state_line = l;
  CHECK(state_line.starts_with(message_id + "  outage_notice  sms      delivered         1  2"));
  CHECK(state_line.ends_with(" (+08:00)"));  // when it was decided and sent, in the server's zone
  CHECK(server.log().find("messages: customers are written to in zh-CN") != std::string::npos);
}
