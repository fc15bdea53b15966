#pragma once
// cmd/gridctl/cycle_view.hpp — `gridctl cycle MONTH --table`: the answer of
// GET /v1/cycle/{month} shaped for render_for_people.
//
//   month, as_of, time_zone and the summary as key/value lines, and a
//   "calendar" line when a due day or reminder lies in a year without a
//   holiday calendar (the answer's calendar_warnings); then one line per
//   report: department, flow, kind, status, due day, first submission, latest
//   version, reminders ("1/2 sent"), late notice (when it was logged, "not
//   sent", or "-" while it is not due). Times in the context's zone, to the
//   minute ("2026-10-14 09:30 (+08:00)"). Anything else is left unchanged.
// [Threading] Pure; safe from any thread.
#include <boost/json/value.hpp>

#include "cmd/gridctl/local_times.hpp"

namespace gridcoord::gridctl {

boost::json::value cycle_for_people(const boost::json::value& answer, const view_context& vc);

}  // namespace gridcoord::gridctl
