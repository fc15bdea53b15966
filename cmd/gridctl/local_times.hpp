#pragma once
// cmd/gridctl/local_times.hpp — times in gridctl's --table views, as people
// read them.
//
// Every time a --table view shows is written by domain/local_time.hpp in one
// zone with its offset: "2026-12-08 00:00 (+08:00)". The zone is --zone,
// $GRIDCOORD_ZONE or the config file's `zone`, else the server's (GET /v1/me,
// asked once a run and only when an answer holds a time; execute.hpp).
// A view writes the times it knows, with seconds where they matter (the event
// log; the clocks of steps shorter than an hour); then localize_times writes
// every other string of the answer that is an RFC 3339 time, to the minute.
// JSON output (no --table) is the server's, unchanged: RFC 3339 UTC.
// [Threading] Pure; safe from any thread.
#include <string>

#include <boost/json/value.hpp>

#include "domain/clock.hpp"
#include "domain/local_time.hpp"

namespace gridcoord::gridctl {

// What a --table view needs besides the answer.
struct view_context {
  std::string zone = "UTC";  // an IANA zone name
};

// Whether `v` is a string holding an RFC 3339 time ("2026-12-07T16:00:00.000000Z",
// "2026-12-01T03:50:00+08:00"); a date alone ("2026-12-07") is not.
bool is_time_text(const boost::json::value& v);

// Whether any string in `v`, at any depth, is a time.
bool holds_times(const boost::json::value& v);

// `*v` in the view's zone when it is a time; null for a missing value; any
// other value unchanged.
boost::json::value time_for_people(const boost::json::value* v, const view_context& vc,
                                   domain::time_detail detail = domain::time_detail::minutes);

// `v` with every string that is a time, at any depth, in the view's zone.
boost::json::value localize_times(boost::json::value v, const view_context& vc,
                                  domain::time_detail detail = domain::time_detail::minutes);

// `gridctl events` and `audit` --table: the event log's times with seconds,
// and each event's actor with its person, "张敏 (tk_…)", when its origin names one.
boost::json::value event_log_for_people(const boost::json::value& answer, const view_context& vc);

}  // namespace gridcoord::gridctl
