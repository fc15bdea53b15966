#pragma once
// cmd/gridctl/catalogue_view.hpp — `gridctl report kinds --table`: the answer of
// GET /v1/report-kinds[/{kind}] shaped for render_for_people.
//
//   {"kinds":[…]}  -> one line per kind: flow, id, sender, recipients, the
//                     number of fields, title
//   one kind       -> its id, flow, title, sender, recipients and key as
//                     key/value lines, each rule and the values of each choice
//                     field on a line of its own ("rule 1", "category values":
//                     never cut), then its fields as a table (name, Chinese
//                     label, type, required, bounds, description)
//   anything else  -> unchanged
// [Threading] Pure; safe from any thread.
#include <boost/json/value.hpp>

namespace gridcoord::gridctl {

boost::json::value report_kinds_for_people(const boost::json::value& answer);

}  // namespace gridcoord::gridctl
