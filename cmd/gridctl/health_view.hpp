#pragma once
// cmd/gridctl/health_view.hpp — `gridctl health --table`: the answer of
// GET /v1/health shaped for render_for_people.
//
//   status, last_seq and version as they are; the calendar's coverage of this
//   year and the next as one line: "2026 covered; 2027 missing: only weekends
//   are days off in it". Anything else is left unchanged.
// [Threading] Pure; safe from any thread.
#include <boost/json/value.hpp>

namespace gridcoord::gridctl {

boost::json::value health_for_people(const boost::json::value& answer);

}  // namespace gridcoord::gridctl
