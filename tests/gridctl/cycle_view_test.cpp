// `gridctl cycle MONTH --table`: the status matrix as a person reads it.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "cmd/gridctl/cycle_view.hpp"
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

TEST_CASE("cycle --table shows a report a line with its status, reminders and late notice",
          "[gridctl][render][cycle]") {
  CHECK(render_for_people(cycle_for_people(json::parse(matrix))) ==
        "month      2026-09\n"
        "as of      2026-10-14 02:00:00Z\n"
        "time zone  Asia/Shanghai\n"
        "summary    1 on_time, 1 late, 1 missing\n"
        "\n"
        "reports (3)\n"
        "department  flow  kind                  status   due         first submitted       version  reminders  "
        "late notice\n"
        "planning    M2    regional_development  late     2026-10-13  2026-10-14 01:30:00Z        1  2/2 sent   "
        "2026-10-13 16:00:00Z\n"
        "dispatch    M4    load_statistics       on_time  2026-10-13  2026-10-13 15:59:59Z        2  0/1 sent   -\n"
        "dispatch    M9    extra                 missing  2026-10-13  -                           -  0/0 sent   "
        "not sent\n");
}

TEST_CASE("cycle --table leaves an answer without departments as it is", "[gridctl][render][cycle]") {
  auto error = json::parse(R"({"error":{"code":"invalid_request"}})");
  CHECK(cycle_for_people(error) == error);
}
