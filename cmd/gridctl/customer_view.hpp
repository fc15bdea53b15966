#pragma once
// cmd/gridctl/customer_view.hpp — the --table views of the customer commands:
// the answers of GET /v1/customers, GET /v1/customers/{id} and
// GET /v1/notifications shaped for render_for_people.
//
//   {"customers":[…]}     -> one line per customer: id, name, tier,
//                            connection_point, contacts ("sms +8613800000000,
//                            email duty@hospital.cn"), version, changed_seq;
//                            the cursor fields as they are
//   one customer          -> its fields as key/value lines (contacts as
//                            above), then what each notification told it, in
//                            full: a line per message, its id as the key and
//                            its text as the value (key/value lines are never
//                            cut); then the notifications as a table
//   {"notifications":[…]} -> "pending", the texts as above, then the table
// The notifications table: message_id, customer_id (the list only), kind,
// channel, state, attempts, segments ("2"; "3, too long" when over the
// limit; "-" for a channel other than sms), last_error, next_at, ended_at,
// enqueued_at, the times in the view's zone (local_times.hpp: "2026-12-07
// 08:26 (+08:00)"). Anything not of the expected shape is left unchanged.
// [Threading] Pure; safe from any thread.
#include <boost/json/value.hpp>

#include "cmd/gridctl/local_times.hpp"

namespace gridcoord::gridctl {

boost::json::value customers_for_people(const boost::json::value& answer);
boost::json::value customer_for_people(const boost::json::value& answer, const view_context& vc);
boost::json::value notifications_for_people(const boost::json::value& answer, const view_context& vc);

}  // namespace gridcoord::gridctl
