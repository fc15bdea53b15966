// The --table views of the SLA and customer commands (cmd/gridctl/sla_view.hpp,
// customer_view.hpp) over fixed answers in the shapes the routes answer.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "cmd/gridctl/customer_view.hpp"
#include "cmd/gridctl/render_table.hpp"
#include "cmd/gridctl/sla_view.hpp"

using namespace gridcoord::gridctl;
namespace json = boost::json;

namespace {

// GET /v1/work/production at 02:30Z: one step with 80 min left, one 5 min overdue; one open analysis.
const char* const open_work = R"json({"department":"production","as_of":"2026-12-01T02:30:00Z",
  "steps":[
   {"item":"outage/18","step":"restoration","flow":"E5","round":1,"department":"production",
    "started":"2026-12-01T01:50:00Z","due":"2026-12-01T05:50:00Z","limit":"4 h","remaining_seconds":-300,
    "overdue":true,"elapsed_percent":102,"warnings":[50,75]},
   {"item":"outage/17","step":"crew_arrival","flow":"E5","round":1,"department":"production",
    "started":"2026-12-01T02:05:00Z","due":"2026-12-01T10:50:00+08:00","limit":"45 min","remaining_seconds":4800.4,
    "overdue":false,"elapsed_percent":55,"warnings":[50]},
   {"item":"complaint/5","step":"handling","flow":"E7","round":2,"department":"production",
    "started":"2026-11-30T02:00:00Z","due":"2026-12-07T16:00:00Z","limit":"5 working days",
    "remaining_seconds":566999,"overdue":false,"elapsed_percent":4,"warnings":[]}],
  "analyses":[{"item":"analysis/3","kind":"analysis","id":3,"about":"outage/12","step":"restoration",
    "department":"production","opened_at":"2026-11-28T09:00:00Z","state":"open","clocks":[]}]})json";

const char* const outage = R"json({"item":"outage/17","kind":"outage","id":17,"source":"dispatcher",
  "equipment":["F-101","DT-2231"],"area_class":"urban","started_at":"2026-12-01T02:05:00Z",
  "reported_at":"2026-12-01T02:07:00Z","description":"feeder tripped","reported_by":"chen.jie",
  "cause":null,"etr":null,"notices":3,"notices_pending":1,"notices_failed":0,"state":"open",
  "clocks":[
   {"step":"preliminary_notice","flow":"E1","round":1,"department":"dispatch","started":"2026-12-01T02:05:00Z",
    "due":"2026-12-01T02:10:00Z","limit":"5 min","completed":"2026-12-01T02:07:00Z","status":"met","warnings":[50]},
   {"step":"crew_arrival","flow":"E5","round":1,"department":"production","started":"2026-12-01T02:05:00Z",
    "due":"2026-12-01T02:50:00Z","limit":"45 min","completed":null,"status":"open","warnings":[]}]})json";

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.starts_with(line + "\n");
}

const view_context beijing{"Asia/Shanghai"};

}  // namespace

TEST_CASE("remaining time reads in words, rounded down to the minute, overdue as such", "[gridctl][sla][view]") {
  CHECK(remaining_text(4800) == "1 h 20 min left");
  CHECK(remaining_text(4859.9) == "1 h 20 min left");
  CHECK(remaining_text(2700) == "45 min left");
  CHECK(remaining_text(3600) == "1 h left");
  CHECK(remaining_text(30) == "under 1 min left");
  CHECK(remaining_text(0) == "due now");
  CHECK(remaining_text(-300) == "overdue by 5 min");
  CHECK(remaining_text(-59) == "overdue by under 1 min");
  CHECK(remaining_text(-7500) == "overdue by 2 h 5 min");
  CHECK(remaining_text(187200) == "2 d 4 h left");
  CHECK(remaining_text(86400 + 59) == "1 d left");
}

TEST_CASE("open work is a table of steps with the time left in words, then the open analyses",
          "[gridctl][sla][view]") {
  auto text = render_for_people(work_for_people(json::parse(open_work), beijing));
  INFO(text);
  CHECK(has_line(text, "department  production"));
  CHECK(has_line(text, "as of       2026-12-01 10:30 (+08:00)"));
  CHECK(has_line(text, "steps (3)"));
  CHECK(has_line(text, "item         step                    due                           remaining         "
                       "elapsed  warnings sent"));
  CHECK(has_line(text, "outage/18    restoration (E5)        2026-12-01 13:50 (+08:00)     overdue by 5 min  "
                       "102 %    50 %, 75 %"));
  // A 45-minute limit: its due time to the second.
  CHECK(has_line(text, "outage/17    crew_arrival (E5)       2026-12-01 10:50:00 (+08:00)  1 h 20 min left   "
                       "55 %     50 %"));
  // Working days end at local midnight: Beijing's, not UTC's 16:00.
  CHECK(has_line(text, "complaint/5  handling (E7, round 2)  2026-12-08 00:00 (+08:00)     6 d 13 h left     "
                       "4 %      none"));
  CHECK(has_line(text, "open analyses (1)"));
  CHECK(has_line(text, "item        about      step         opened"));
  CHECK(has_line(text, "analysis/3  outage/12  restoration  2026-11-28 17:00 (+08:00)"));
  CHECK(text.find("calendar") == std::string::npos);
}

TEST_CASE("open work says when a deadline in working days lies in a year without holidays",
          "[gridctl][sla][view][calendar]") {
  auto answer = json::parse(open_work);
  answer.get_object()["calendar_warnings"] =
      json::parse(R"([{"year":2027,"message":"no holiday calendar for 2027: only weekends are days off"}])");
  auto text = render_for_people(work_for_people(answer, beijing));
  INFO(text);
  CHECK(has_line(text, "calendar    no holiday calendar for 2027: only weekends are days off"));
}

TEST_CASE("an item shows its fields as lines and its clocks as a table", "[gridctl][sla][view]") {
  auto view = item_for_people(json::parse(outage), beijing);
  REQUIRE(view.is_object());
  CHECK_FALSE(view.get_object().contains("kind"));
  CHECK_FALSE(view.get_object().contains("id"));
  auto text = render_for_people(localize_times(view, beijing));
  INFO(text);
  CHECK(text.starts_with("item             outage/17\n"));
  CHECK(has_line(text, "equipment        F-101, DT-2231"));
  CHECK(has_line(text, "started_at       2026-12-01 10:05 (+08:00)"));
  CHECK(has_line(text, "cause            -"));
  CHECK(has_line(text, "notices_pending  1"));
  CHECK(has_line(text, "clocks (2)"));
  // Limits under an hour: their times to the second.
  CHECK(has_line(text, "step                     department  started                       due                    "
                       "       limit   completed                     status  warnings"));
  CHECK(has_line(text, "preliminary_notice (E1)  dispatch    2026-12-01 10:05:00 (+08:00)  2026-12-01 10:10:00 "
                       "(+08:00)  5 min   2026-12-01 10:07:00 (+08:00)  met     50 %"));
  CHECK(has_line(text, "crew_arrival (E5)        production  2026-12-01 10:05:00 (+08:00)  2026-12-01 10:50:00 "
                       "(+08:00)  45 min  -                             open    none"));
}

TEST_CASE("a repeated write says it changed nothing", "[gridctl][sla][view]") {
  auto answer = json::parse(outage);
  answer.get_object()["repeated"] = true;
  auto text = render_for_people(item_for_people(answer, beijing));
  CHECK(text.find("repeated         yes: this was already recorded, nothing changed\n") != std::string::npos);
  CHECK(item_for_people(json::parse(R"({"error":"x"})"), beijing) == json::parse(R"({"error":"x"})"));
}

TEST_CASE("a list of items is one line each with the next open step and its due time", "[gridctl][sla][view]") {
  auto answer = json::parse(std::string(R"({"items":[)") + outage + R"(,
      {"item":"callback/9","kind":"callback","id":9,"cause":"outage/16","department":"dispatch","customer":"C-7",
       "opened_at":"2026-11-30T08:00:00Z","attempts":[{"at":"2026-11-30T09:00:00Z","outcome":"no_answer","note":"",
       "by":"li.na"}],"state":"open","clocks":[{"step":"callback","flow":"E9","round":1,"department":"customer_service",
       "started":"2026-11-30T08:00:00Z","due":"2026-12-02T16:00:00Z","limit":"2 working days","status":"open",
       "warnings":[]}]}],"next_after":9,"end":true})");
  auto view = items_for_people(answer, beijing);
  const auto& lines = view.at("items").get_array();
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == json::parse(R"json({"item":"outage/17","state":"open","equipment":["F-101","DT-2231"],
      "area_class":"urban","started_at":"2026-12-01T02:05:00Z","cause":null,"etr":null,"restored_at":null,
      "next step":"crew_arrival (E5)","due":"2026-12-01 10:50:00 (+08:00)"})json"));
  CHECK(lines[1] == json::parse(R"json({"item":"callback/9","state":"open","cause":"outage/16","department":"dispatch",
      "customer":"C-7","attempts":1,"satisfied":null,"next step":"callback (E9)","due":"2026-12-03 00:00 (+08:00)"})json"));
  CHECK_FALSE(view.get_object().contains("calendar"));
  CHECK(view.at("next_after") == 9);
  auto text = render_for_people(view);
  CHECK(text.find("items (2)") != std::string::npos);
}

TEST_CASE("feed results show the totals on one line and each input line's status, item and error",
          "[gridctl][sla][view][feed]") {
  auto answer = json::parse(R"({"results":[
      {"line":1,"status":"created","item":{"item":"outage/17","kind":"outage","id":17,"clocks":[]}},
      {"line":2,"status":"duplicate","item":{"item":"outage/17","kind":"outage","id":17,"clocks":[]}},
      {"line":3,"status":"rejected","error":{"code":"validation_failed","message":"type must be outage.started, outage.updated, crew.arrived or power.restored"}},
      {"line":4,"status":"rejected","error":"not JSON"}],
      "created":1,"updated":0,"duplicate":1,"rejected":2})");
  auto text = render_for_people(feed_for_people(answer));
  INFO(text);
  CHECK(text.starts_with("totals  1 created, 0 updated, 1 duplicate, 2 rejected\n"));
  CHECK(has_line(text, "results (4)"));
  CHECK(has_line(text, "line  status     item       error"));
  CHECK(has_line(text, "   1  created    outage/17  -"));
  CHECK(has_line(text, "   2  duplicate  outage/17  -"));
  CHECK(text.find("   3  rejected   -          validation_failed: type must be outage.started, outage.upda…") !=
        std::string::npos);
  CHECK(has_line(text, "   4  rejected   -          not JSON"));
}

TEST_CASE("breaches are a table with the step and its flow; figures keep two decimals", "[gridctl][sla][view]") {
  auto breaches = json::parse(R"({"breaches":[{"item":"outage/18","step":"restoration","flow":"E5","round":1,
      "department":"production","started":"2026-12-01T01:50:00Z","due":"2026-12-01T05:50:00Z"}]})");
  auto text = render_for_people(breaches_for_people(breaches, beijing));
  INFO(text);
  CHECK(text == "item       step              department  started                    due\n"
                "outage/18  restoration (E5)  production  2026-12-01 09:50 (+08:00)  2026-12-01 13:50 (+08:00)\n");
  auto figures = figures_for_people(json::parse(R"({"breaches":[{"month":"2026-11","department":"production",
      "breaches":2}],"callbacks":[{"month":"2026-11","department":"dispatch","opened":3,"completed":2,
      "rate":0.6666666666666666,"attempts":4,"satisfied":1,"mean_satisfaction":3.3333333333333335}]})"));
  CHECK(figures.at("callbacks").at(0).at("rate") == "66.7 %");
  CHECK(figures.at("callbacks").at(0).at("mean_satisfaction") == 3.33);
  CHECK(figures.at("callbacks").at(0).at("opened") == 3);
  auto shown = render_for_people(figures);
  CHECK(shown.find("breaches (1)") != std::string::npos);
  CHECK(shown.find("callbacks (1)") != std::string::npos);
}

TEST_CASE("customers list shows each customer's contacts in one cell", "[gridctl][customers][view]") {
  auto answer = json::parse(R"({"customers":[{"id":"C-7","name":"蓝海医院","tier":"important",
      "connection_point":"DT-2231","contacts":[{"channel":"sms","address":"+8613800000000"},
      {"channel":"email","address":"duty@hospital.cn"}],"version":2,"changed_seq":41}],"next_after":"C-7","end":true})");
  auto text = render_for_people(customers_for_people(answer));
  INFO(text);
  CHECK(has_line(text, "next_after  C-7"));
  CHECK(has_line(text, "id   name      tier       connection_point  contacts                                    "
                       "version  changed_seq"));
  CHECK(has_line(text, "C-7  蓝海医院  important  DT-2231           sms +8613800000000, email duty@hospital.cn  "
                       "      2           41"));
  CHECK(customers_for_people(json::parse("[]")) == json::parse("[]"));
}

TEST_CASE("an item and a list of items say when a deadline in working days lies in a year without holidays",
          "[gridctl][sla][view][calendar]") {
  const char* const warning = R"([{"year":2027,"message":"no holiday calendar for 2027: weekends only"}])";
  auto one = json::parse(outage);
  one.get_object()["calendar_warnings"] = json::parse(warning);
  auto view = item_for_people(one, beijing);
  CHECK(view.at("calendar") == "no holiday calendar for 2027: weekends only");
  CHECK_FALSE(view.get_object().contains("calendar_warnings"));  // not a table of its own

  auto list = json::parse(std::string(R"({"items":[)") + outage + "," + outage + R"(],"next_after":17,"end":true})");
  for (auto& i : list.at("items").as_array()) i.as_object()["calendar_warnings"] = json::parse(warning);
  auto lines = items_for_people(list, beijing);
  CHECK(lines.at("calendar") == "no holiday calendar for 2027: weekends only");  // once for the list
}

TEST_CASE("sla-figures --table shows the callback rate as a percentage", "[gridctl][sla][view]") {
  auto figures = figures_for_people(json::parse(R"({"breaches":[],"callbacks":[{"month":"2026-11",
      "department":"dispatch","opened":2,"completed":2,"rate":1,"attempts":2,"satisfied":2,"mean_satisfaction":5}]})"));
  auto text = render_for_people(figures);
  INFO(text);
  CHECK(text.find("  100 %  ") != std::string::npos);
}
