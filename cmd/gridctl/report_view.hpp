#pragma once
// cmd/gridctl/report_view.hpp — `gridctl report get --table`: the answer of
// GET /v1/reports/{department}/{kind}/{month} shaped for render_for_people.
//
//   Everything as it is, except in each version: `deliveries` become one cell
//   a person reads, "planning ✓ 王芳, dispatch open" (✓ and who acknowledged
//   it — the person when the answer names one, else its "by" — or "open" while
//   not acknowledged); `submitted_by` names the person beside the token id,
//   "张敏 (tk_…)", when the answer has the version's `person`. Anything else
//   is left unchanged.
// [Threading] Pure; safe from any thread.
#include <boost/json/value.hpp>

namespace gridcoord::gridctl {

boost::json::value report_for_people(const boost::json::value& answer);

}  // namespace gridcoord::gridctl
