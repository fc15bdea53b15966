// The SLA routes over HTTP against the real actors: an outage from report to
// restoration (with the callback it opens), a complaint from registration to
// its escalation, the outage feed with a repeated line, a customer import read
// back, and a role that may not write.
#include <catch2/catch.hpp>

#include "tests/system/live_server.hpp"

using namespace gridcoord;
using testing::bearer;

namespace {

const char* tree = R"({"equipment":[
  {"id":"S1","kind":"substation","area_class":"urban","region":"东城区","rating_kva":126000},
  {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000},
  {"id":"F1","kind":"feeder","parent":"T1","area_class":"rural","region":"东城区","rating_kva":10000},
  {"id":"F2","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000}]})";

std::string at_offset(std::chrono::minutes ago) {
  return domain::format_rfc3339(std::chrono::time_point_cast<std::chrono::microseconds>(
      std::chrono::system_clock::now() - ago));
}

// The clock of `step` among an item's clocks.
boost::json::value clock_of(const boost::json::value& item, std::string_view step) {
  for (const auto& c : item.at("clocks").as_array())
    if (c.at("step").as_string() == step) return c;
  FAIL("no clock " << step);
  return {};
}

}  // namespace

TEST_CASE("an outage is reported, updated, reached by a crew and restored over HTTP, and owes a callback",
          "[system][sla]") {
  testing::live_server s;
  auto c = s.client();
  auto dispatch_token = s.issue("dispatcher");
  auto dispatcher = bearer(dispatch_token);
  auto crew = bearer(s.issue("liaison:production"));
  REQUIRE(c.request("POST", "/v1/equipment/imports", tree, bearer(s.admin)).status == 201);

  auto started = at_offset(std::chrono::minutes{30});
  auto report = R"({"equipment":["F1"],"started_at":")" + started + R"(","description":"feeder tripped"})";
  auto keyed = bearer(dispatch_token, {{"Idempotency-Key", "o-1"}});
  auto reported = c.request("POST", "/v1/outages", report, keyed);
  REQUIRE(reported.status == 201);
  auto again = c.request("POST", "/v1/outages", report, keyed);
  CHECK(again.status == 200);
  CHECK(again.json().at("repeated") == true);
  CHECK(again.json().at("id") == 1);
  CHECK(reported.headers["Location"] == "/v1/outages/1");
  auto o = reported.json();
  CHECK(o.at("item") == "outage/1");
  CHECK(o.at("area_class") == "rural");
  CHECK(o.at("state") == "open");
  // Reported 30 minutes after the start: later than E1's 5 minutes.
  CHECK(clock_of(o, "preliminary_notice").at("status") == "breached");
  CHECK(clock_of(o, "preliminary_notice").at("limit") == "5 min");
  CHECK(clock_of(o, "crew_arrival").at("limit") == "90 min");
  CHECK(clock_of(o, "crew_arrival").at("status") == "open");

  auto updated = c.request("POST", "/v1/outages/1/updates", R"({"cause":"tree on the line","equipment_added":["F2"]})",
                           dispatcher);
  REQUIRE(updated.status == 200);
  CHECK(updated.json().at("cause") == "tree on the line");
  CHECK(updated.json().at("equipment") == boost::json::parse(R"(["F1","F2"])"));
  auto unknown = c.request("POST", "/v1/outages/1/updates", R"({"equipment_added":["F9"]})", dispatcher);
  CHECK(unknown.status == 422);
  CHECK(unknown.json().at("error").at("details").at(0).at("field") == "equipment_added[0]");

  auto arrived = c.request("POST", "/v1/outages/1/crew-arrived", R"({"at":")" + at_offset(std::chrono::minutes{10}) + R"("})", crew);
  REQUIRE(arrived.status == 200);
  CHECK(arrived.json().at("crew_arrived_at").is_string());
  CHECK(clock_of(arrived.json(), "crew_arrival").at("status") == "met");
  auto restored = c.request("POST", "/v1/outages/1/restored", "", crew);
  REQUIRE(restored.status == 200);
  CHECK(restored.json().at("state") == "restored");
  CHECK(restored.json().at("callback") == "callback/1");
  CHECK(c.request("POST", "/v1/outages/1/restored", "", crew).json().at("repeated") == true);

  auto callback = c.request("GET", "/v1/callbacks/1", "", dispatcher);
  REQUIRE(callback.status == 200);
  CHECK(callback.json().at("cause") == "outage/1");
  CHECK(callback.json().at("state") == "open");
  auto open = c.request("GET", "/v1/outages?open=true", "", dispatcher);
  CHECK(open.json().at("items").as_array().empty());
  auto work = c.request("GET", "/v1/work/customer_service", "", dispatcher);
  REQUIRE(work.status == 200);
  bool callback_step = false;
  auto steps = work.json().at("steps");
  for (const auto& step : steps.as_array())
    if (step.at("item") == "callback/1" && step.at("flow") == "E9") callback_step = step.at("remaining_seconds").as_int64() > 0;
  CHECK(callback_step);
}

TEST_CASE("a complaint is registered, forwarded, acknowledged, answered and escalated by a dissatisfied callback",
          "[system][sla]") {
  testing::live_server s;
  auto c = s.client();
  auto agent = bearer(s.issue("cs_agent"));
  auto planning = bearer(s.issue("liaison:planning"));

  auto registered = c.request("POST", "/v1/complaints",
                              R"({"category":"supply_capacity","customer_name":"蓝海化工","contact":"+8613800000000",
                                  "text":"the new line cannot take our load"})",
                              agent);
  REQUIRE(registered.status == 201);
  CHECK(registered.json().at("state") == "registered");
  CHECK(registered.json().at("owner") == "customer_service");
  REQUIRE(c.request("POST", "/v1/complaints/1/forward", "{}", agent).status == 200);
  auto early = c.request("POST", "/v1/work/production/complaints/1/acknowledge", "{}", bearer(s.admin));
  CHECK(early.status == 409);
  CHECK(c.request("POST", "/v1/work/production/complaints/1/acknowledge", "{}", planning).status == 403);
  auto ack = c.request("POST", "/v1/work/planning/complaints/1/acknowledge", "{}", planning);
  REQUIRE(ack.status == 200);
  CHECK(ack.json().at("owner") == "planning");
  auto result = c.request("POST", "/v1/work/planning/complaints/1/result",
                          R"({"result":"a second feeder is planned for 2027-03"})", planning);
  REQUIRE(result.status == 200);
  CHECK(result.json().at("state") == "resolved");
  CHECK(result.json().at("callbacks") == boost::json::parse(R"(["callback/1"])"));

  auto attempt = c.request("POST", "/v1/callbacks/1/attempts",
                           R"({"outcome":"reached","satisfaction":2,"satisfied":false,"note":"too late for us"})",
                           agent);
  REQUIRE(attempt.status == 200);
  CHECK(attempt.json().at("state") == "done");
  auto complaint = c.request("GET", "/v1/complaints/1", "", planning).json();
  CHECK(complaint.at("state") == "escalated");
  CHECK(complaint.at("round") == 2);
  CHECK(complaint.at("responsible") == "planning");
  bool round_two = false;
  for (const auto& k : complaint.at("clocks").as_array())
    if (k.at("step") == "handling" && k.at("round") == 2) round_two = k.at("status") == "open";
  CHECK(round_two);
  auto figures = c.request("GET", "/v1/sla/figures", "", planning);
  REQUIRE(figures.status == 200);
  CHECK(figures.json().at("callbacks").at(0).at("satisfied") == 0);
}

TEST_CASE("the outage feed creates once and answers a repeated event as a duplicate; customers are imported as CSV",
          "[system][sla]") {
  testing::live_server s;
  auto c = s.client();
  auto admin = bearer(s.admin);
  REQUIRE(c.request("POST", "/v1/equipment/imports", tree, admin).status == 201);
  auto started = at_offset(std::chrono::minutes{5});
  auto line = R"({"event_id":"oms-77","type":"outage.started","outage_ref":"OMS-9","equipment":["F2"],"at":")" +
              started + R"("})";
  auto feed = c.request("POST", "/v1/outage-feed", "[" + line + R"(,{"event_id":"oms-78"},)" + line + "]",
                        bearer(s.issue("dispatcher")));
  REQUIRE(feed.status == 200);
  auto j = feed.json();
  CHECK(j.at("created") == 1);
  CHECK(j.at("duplicate") == 1);
  CHECK(j.at("rejected") == 1);
  CHECK(j.at("results").at(2) == boost::json::parse(R"({"line":3,"status":"duplicate","item":"outage/1"})"));
  auto o = c.request("GET", "/v1/outages/1", "", admin).json();
  CHECK(o.at("source") == "feed");
  CHECK(o.at("source_ref") == "OMS-9");

  auto csv = std::map<std::string, std::string>{{"Authorization", "Bearer " + s.issue("cs_agent")},
                                                {"Content-Type", "text/csv; charset=utf-8"}};
  auto imported = c.request("POST", "/v1/customers",
                            "id,name,tier,connection_point,contacts\n"
                            "C-1,蓝海化工,important,F1,sms:+8613800000000\n"
                            "C-2,Harbour Ice Rink,large,F2,email:ops@harbour.example\n",
                            csv);
  REQUIRE(imported.status == 201);
  CHECK(imported.json().at("added") == 2);
  auto one = c.request("GET", "/v1/customers/C-2", "", bearer(s.issue("dispatcher")));
  REQUIRE(one.status == 200);
  CHECK(one.json().at("name") == "Harbour Ice Rink");
  CHECK(one.json().at("notifications").as_array().empty());
  auto page = c.request("GET", "/v1/customers?connection_point=F1", "", admin);
  CHECK(page.json().at("customers").as_array().size() == 1);
}

TEST_CASE("a role the matrix does not allow is refused with 403 before anything is written", "[system][sla][auth]") {
  testing::live_server s;
  auto c = s.client();
  auto reader = bearer(s.issue("reader"));
  auto marketing = bearer(s.issue("liaison:marketing"));
  CHECK(c.request("POST", "/v1/outages", R"({"equipment":["F1"]})", reader).status == 403);
  CHECK(c.request("POST", "/v1/complaints", R"({"category":"outage","customer_name":"A","text":"t"})", marketing)
            .status == 403);
  CHECK(c.request("GET", "/v1/customers", "", marketing).status == 403);
  CHECK(c.request("GET", "/v1/complaints", "", marketing).status == 200);
  CHECK(c.request("GET", "/v1/complaints", "", bearer(s.admin)).json().at("items").as_array().empty());
}
