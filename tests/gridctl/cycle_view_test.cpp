// `gridctl cycle MONTH --table`: the status matrix as a person reads it.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "cmd/gridctl/cycle_view.hpp"
#include "cmd/gridctl/health_view.hpp"
#include "cmd/gridctl/render_table.hpp"

using namespace gridcoord::gridctl;
namespace json = boost::json;

namespace {

// As GET /v1/cycle/2026-09 answers it (gateways/cycle_codec.cpp), two departments.
const char* const matrix = R"json({"month":"2026-09","as_of":"2026-10-14T02:00:00.000000Z",
  "time_zone":"Asia/Shanghai","cycle_since":"2026-09-15T00:00:00.000000Z",
  "summary":{"not_yet_due":0,"open":0,"on_time":1,"late":1,"missing":1},
  "departments":[
   {"department":"planning","reports":[{"kind":"regional_development","flow":"M2","status":"late",
     "due_day":"2026-10-13","due_at":"2026-10-13T16:00:00.000000Z",
     "first_submitted_at":"2026-10-14T01:30:00.000000Z","latest_version":1,
     "latest_submitted_at":"2026-10-14T01:30:00.000000Z",
     "reminders":[{"scheduled_at":"2026-10-09T01:00:00.000000Z","sent_at":"2026-10-09T01:00:00.000000Z","seq":41,
                   "working_days_before":3},
                  {"scheduled_at":"2026-10-12T01:00:00.000000Z","sent_at":"2026-10-12T01:00:00.000000Z","seq":47,
                   "working_days_before":1}],
     "late_notice":{"scheduled_at":"2026-10-13T16:00:00.000000Z","sent_at":"2026-10-13T16:00:00.000000Z","seq":52}}]},
   {"department":"dispatch","reports":[
     {"kind":"load_statistics","flow":"M4","status":"on_time","due_day":"2026-10-13",
      "due_at":"2026-10-13T16:00:00.000000Z","first_submitted_at":"2026-10-13T15:59:59.000000Z",
      "latest_version":2,"latest_submitted_at":"2026-10-14T01:00:00.000000Z",
      "reminders":[{"scheduled_at":"2026-10-09T01:00:00.000000Z","sent_at":null,"seq":null,"working_days_before":3}],
      "late_notice":{"scheduled_at":"2026-10-13T16:00:00.000000Z","sent_at":null,"seq":null}},
     {"kind":"extra","flow":"M9","status":"missing","due_day":"2026-10-13",
      "due_at":"2026-10-13T16:00:00.000000Z","first_submitted_at":null,"latest_version":null,
      "latest_submitted_at":null,"reminders":[],
      "late_notice":{"scheduled_at":"2026-10-13T16:00:00.000000Z","sent_at":null,"seq":null}}]}]})json";

}  // namespace

const view_context beijing{"Asia/Shanghai"};

TEST_CASE("cycle --table shows a report a line with its status, reminders and late notice, in local time",
          "[gridctl][render][cycle]") {
  CHECK(render_for_people(cycle_for_people(json::parse(matrix), beijing)) ==
        "month      2026-09\n"
        "as of      2026-10-14 10:00 (+08:00)\n"
        "time zone  Asia/Shanghai\n"
        "summary    1 on_time, 1 late, 1 missing\n"
        "\n"
        "reports (3)\n"
        "department  flow  kind                  status   due         first submitted            version  "
        "reminders  late notice\n"
        "planning    M2    regional_development  late     2026-10-13  2026-10-14 09:30 (+08:00)        1  "
        "2/2 sent   2026-10-14 00:00 (+08:00)\n"
        "dispatch    M4    load_statistics       on_time  2026-10-13  2026-10-13 23:59 (+08:00)        2  "
        "0/1 sent   -\n"
        "dispatch    M9    extra                 missing  2026-10-13  -                                -  "
        "0/0 sent   not sent\n");
}

TEST_CASE("cycle --table writes the times in the zone it is given, with that zone's offset",
          "[gridctl][render][cycle]") {
  auto text = render_for_people(cycle_for_people(json::parse(matrix), view_context{"UTC"}));
  INFO(text);
  CHECK(text.find("as of      2026-10-14 02:00 (+00:00)\n") != std::string::npos);
  CHECK(text.find("2026-10-13 15:59 (+00:00)") != std::string::npos);
  CHECK(text.find("T") == std::string::npos);  // no RFC 3339 left
}

TEST_CASE("cycle --table says when a due day lies in a year without a holiday calendar",
          "[gridctl][render][cycle][calendar]") {
  auto answer = json::parse(matrix);
  answer.get_object()["calendar_warnings"] = json::parse(
      R"([{"year":2027,"message":"no holiday calendar for 2027: only Saturdays and Sundays are days off in it"}])");
  auto text = render_for_people(cycle_for_people(answer, beijing));
  INFO(text);
  CHECK(text.find("\ncalendar   no holiday calendar for 2027: only Saturdays and Sundays are days off in it\n") !=
        std::string::npos);
  CHECK(render_for_people(cycle_for_people(json::parse(matrix), beijing)).find("calendar") == std::string::npos);
}

TEST_CASE("cycle --table leaves an answer without departments as it is", "[gridctl][render][cycle]") {
  auto error = json::parse(R"({"error":{"code":"invalid_request"}})");
  CHECK(cycle_for_people(error, beijing) == error);
}

TEST_CASE("health --table says which of this year and the next the calendar has holidays for",
          "[gridctl][render][calendar]") {
  auto answer = json::parse(R"({"status":"ok","last_seq":3,"version":"0.1.0",
      "calendar":{"covered_years":[2026],"missing_years":[2027]}})");
  CHECK(render_for_people(health_for_people(answer)) ==
        "status    ok\n"
        "last_seq  3\n"
        "version   0.1.0\n"
        "calendar  2026 covered; 2027 missing: only weekends are days off in it, add its holidays "
        "(docs/calendar.md)\n");
  auto complete = json::parse(R"({"status":"ok","calendar":{"covered_years":[2026,2027],"missing_years":[]}})");
  CHECK(health_for_people(complete).at("calendar") == "2026, 2027 covered");
  auto old_server = json::parse(R"({"status":"ok","last_seq":3})");
  CHECK(health_for_people(old_server) == old_server);
}
