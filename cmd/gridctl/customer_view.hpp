#pragma once
// cmd/gridctl/customer_view.hpp — `gridctl customers list --table`: the answer
// of GET /v1/customers shaped for render_for_people.
//
//   {"customers":[…]} -> one line per customer: id, name, tier,
//                        connection_point, contacts ("sms +8613800000000,
//                        email duty@hospital.cn"), version, changed_seq; the
//                        cursor fields as they are
// Anything else is left unchanged. (`customer get` and `notifications` need
// no view: their lists are flat and render_for_people shows them as tables.)
// [Threading] Pure; safe from any thread.
#include <boost/json/value.hpp>

namespace gridcoord::gridctl {

boost::json::value customers_for_people(const boost::json::value& answer);

}  // namespace gridcoord::gridctl
