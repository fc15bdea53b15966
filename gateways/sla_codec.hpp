#pragma once
// gateways/sla_codec.hpp — the JSON of the SLA actor's answers (outages,
// planned-outage notices, complaints, callbacks, analyses, open work,
// breaches, figures, the outage feed's results, customers and their
// notifications): boost::json::value_from(x) for every answer type below;
// docs/api.md shows each.
//
// Times RFC 3339 UTC, months YYYY-MM, departments and enums by name, items
// as "outage/17". A field marked "?" in docs/api.md is left out when it has
// no value (an outage not restored has no restored_at). An item that a write
// answers again without a change (a repeat, or the same Idempotency-Key) has
// "repeated": true. Serialize with domain::to_text so numbers print as
// people write them.
// [Threading] Pure; safe from any thread.
// [Errors]    None: every answer has a JSON form.
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "actors/sla_requests.hpp"
#include "domain/sla/disclosure.hpp"

namespace gridcoord::domain::sla {

// {"step","flow","round","department","started","due","limit","completed"?,
//  "status":"open"|"met"|"breached","warnings":[50,75]}: status breached when
// the breach was logged or the step ended after its due instant.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const work_clock& c);
// {"customers":[customer_to_json…],"next_after","end"}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const customer_page& p);
// {"message_id","customer_id","channel","kind","cause","text","language",
//  "segments","too_long","state","attempts","last_error"?,"next_at"?,
//  "ended_at"?,"enqueued_at"}: text as the customer was sent it.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const message_status& m);

}  // namespace gridcoord::domain::sla

namespace gridcoord::actors {

// {"item","kind","id", <the kind's fields>, "clocks":[work_clock…]}, plus
// "calendar_warnings" (gateways/codecs.hpp) when a deadline in working days
// lies in a year without holidays, and "repeated": true when the write
// changed nothing.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const sla_item& i);
// {"items":[sla_item…],"next_after","end"}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const item_list& l);
// The same as `who` may see them: a complaint's or a callback's personal
// fields removed and named in "redacted" for a caller without personal data
// (domain/sla/disclosure.hpp). Every route that answers items uses these.
boost::json::value item_json(const sla_item& i, domain::sla::disclosure who);
boost::json::value item_list_json(const item_list& l, domain::sla::disclosure who);
// {"department","as_of","calendar_warnings"?,"steps":[…],"analyses":[sla_item…],
// "notices":[…]}; department null for every department's work. Each step: the clock's item, step, flow, round,
// department, started, due, limit, warnings, and "remaining_seconds"
// (negative when overdue), "overdue", "elapsed_percent".
boost::json::value open_work_json(const open_work& w, std::optional<domain::department> department);
// {"breaches":[{"item","step","flow","round","department","started","due"}]}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const breach_list& b);
// {"breaches":[{"month","department","breaches"}],"callbacks":[{"month",
//  "department","opened","completed","rate","attempts","satisfied",
//  "mean_satisfaction"}]}; rate = completed / opened, from 0 to 1.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const sla_figures& f);
// {"results":[{"line","status","item"?,"error"?}],"created","updated","duplicate","rejected"}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const feed_results& r);
// {"imported","added","replaced","unchanged","seq","replayed"}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const customer_import_receipt& r);
// domain::sla::customer_to_json plus "notifications":[message_status…], oldest first.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const customer_view& v);
// {"notifications":[message_status…],"pending"}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const notification_list& l);

}  // namespace gridcoord::actors
