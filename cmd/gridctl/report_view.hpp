#pragma once
// cmd/gridctl/report_view.hpp — `gridctl report get --table`: the answer of
// GET /v1/reports/{department}/{kind}/{month} shaped for render_for_people.
//
//   Everything as it is, except each version's `deliveries`, which become one
//   cell a person reads: "planning ✓ li.wei, dispatch open" (✓ and who
//   acknowledged it, or "open" while not acknowledged). Anything else is left
//   unchanged.
// [Threading] Pure; safe from any thread.
#include <boost/json/value.hpp>

namespace gridcoord::gridctl {

boost::json::value report_for_people(const boost::json::value& answer);

}  // namespace gridcoord::gridctl
