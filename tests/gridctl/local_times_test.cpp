// Times in gridctl's --table views (cmd/gridctl/local_times.hpp): which
// strings are times, and every one of them in the zone, at any depth.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "cmd/gridctl/local_times.hpp"

using namespace gridcoord::gridctl;
namespace json = boost::json;

TEST_CASE("an RFC 3339 time is a time; a date, a month or other text is not", "[gridctl][local_times]") {
  CHECK(is_time_text(json::string("2026-12-07T16:00:00.000000Z")));
  CHECK(is_time_text(json::string("2026-12-01T10:50:00+08:00")));
  CHECK_FALSE(is_time_text(json::string("2026-12-07")));
  CHECK_FALSE(is_time_text(json::string("2026-12")));
  CHECK_FALSE(is_time_text(json::string("2026-12-07T16:00 is when it was")));
  CHECK_FALSE(is_time_text(json::value(20261207)));
  CHECK_FALSE(is_time_text(json::value(nullptr)));
}

TEST_CASE("every time of an answer, at any depth, is written in the zone with its offset",
          "[gridctl][local_times]") {
  auto answer = json::parse(R"({"received_at":"2026-12-07T16:00:00.000000Z","month":"2026-12",
      "acknowledged":{"by":"li.wei","at":"2026-12-08T01:02:03.456789Z"},
      "items":[{"at":"2026-12-01T10:50:00+08:00","note":"call back"}],"due_day":"2026-12-07"})");
  CHECK(holds_times(answer));
  CHECK_FALSE(holds_times(json::parse(R"({"month":"2026-12","items":[{"n":1}]})")));
  auto shown = localize_times(answer, view_context{"Asia/Shanghai"});
  CHECK(shown == json::parse(R"json({"received_at":"2026-12-08 00:00 (+08:00)","month":"2026-12",
      "acknowledged":{"by":"li.wei","at":"2026-12-08 09:02 (+08:00)"},
      "items":[{"at":"2026-12-01 10:50 (+08:00)","note":"call back"}],"due_day":"2026-12-07"})json"));
  auto with_seconds = localize_times(answer, view_context{"Europe/Berlin"}, gridcoord::domain::time_detail::seconds);
  CHECK(with_seconds.at("acknowledged").at("at") == "2026-12-08 02:02:03 (+01:00)");
}

TEST_CASE("the event log's --table view keeps the seconds", "[gridctl][local_times]") {
  auto page = json::parse(R"({"events":[{"seq":4,"time":"2026-11-24T14:23:55.978782Z","type":"inbox.acknowledged"}],
      "next_after":4})");
  CHECK(event_log_for_people(page, view_context{"Asia/Shanghai"}).at("events").at(0).at("time") ==
        "2026-11-24 22:23:55 (+08:00)");
}

TEST_CASE("the event log's --table view names the person beside the token id", "[gridctl][local_times]") {
  auto page = json::parse(R"({"events":[
      {"seq":4,"time":"2026-11-24T14:23:55Z","actor":"tk_29ec306878e9b6af","origin":{"role":"liaison:planning","person":"王芳"}},
      {"seq":5,"time":"2026-11-24T14:24:00Z","actor":"tk_be978e1a620395a8","origin":{"role":"admin"}},
      {"seq":6,"time":"2026-11-24T14:25:00Z","actor":"system","origin":null}],"next_after":6})");
  auto events = event_log_for_people(page, view_context{"Asia/Shanghai"}).at("events").as_array();
  CHECK(events.at(0).at("actor") == "王芳 (tk_29ec306878e9b6af)");
  CHECK(events.at(1).at("actor") == "tk_be978e1a620395a8");
  CHECK(events.at(2).at("actor") == "system");
}
