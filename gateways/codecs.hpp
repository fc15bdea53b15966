#pragma once
// gateways/codecs.hpp — the JSON form of every type the API answers with; one
// codec per type, used as boost::json::value_from(x).
//
// Conventions (DESIGN.md): snake_case fields, times RFC 3339 UTC
// (domain::format_rfc3339), months "YYYY-MM", departments by name. Stored
// payloads (JSON text) are parsed and embedded as JSON, not as strings.
// Serialize with domain::to_text so numbers print as people write them.
//
// Boost.JSON 1.81 finds tag_invoke by argument-dependent lookup only, so these
// overloads are declared in the namespaces of the types they encode; they are
// defined in gateways/codecs.cpp and belong to the gateway.
// [Threading] Pure; safe from any thread.
// [Errors]    report_document: a payload that is not a JSON object yields only
//             the fields outside it (callers validate it first with
//             domain::decode_report_header). event_view: a payload that is not
//             JSON is embedded as a string.
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "actors/client.hpp"
#include "domain/book.hpp"
#include "domain/calendar_coverage.hpp"
#include "domain/cycle.hpp"
#include "domain/token_book.hpp"
#include "domain/error.hpp"
#include "domain/report_kind.hpp"
#include "domain/sla/disclosure.hpp"

namespace gridcoord::domain {

// The monthly cycle's matrix: {"month","as_of","time_zone","cycle_since",
// "summary":{status: count},"departments":[{"department","reports":[{"kind",
// "flow","status","due_day","due_at","first_submitted_at","latest_version",
// "latest_submitted_at","reminders":[…],"late_notice":{…}}]}]}, absent times
// null (gateways/cycle_codec.cpp); "calendar_warnings" (below) when a due day
// or reminder lies in a year without a holiday calendar.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const cycle_matrix& m);

// Puts "calendar_warnings":[{"year":2027,"message":"no holiday calendar for
// 2027: …"}] into `o` when `years` is not empty: the years whose working days
// an answer counted without their holidays (domain/calendar_coverage.hpp).
void put_calendar_warnings(boost::json::object& o, const year_list& years);
// {"covered_years":[2026],"missing_years":[2027]}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const calendar_coverage& c);

// {"row":3,"field":"demand_kw","value":"-5","reason":"…","rule":"below_minimum"}; "row"
// left out when absent; "rule" the code of domain/validation_rule.hpp.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const issue& i);
// {"code":"validation_failed","message":"…","details":[issue…]} (the envelope's inside).
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const error& e);
// {"version","seq","submitted_at","submitted_by","row_count",
//  "deliveries":[{"to","acknowledged":{"by","at"}|null}]}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const version_entry& v);
// {"item","from","kind","month","version","received_at","acknowledged":{"by","at"}|null,
//  "newer_version":{"version","item","received_at"}|null}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const inbox_item& i);
// {"id","role","description","created_at","created_by","revoked_at"|null,"expires_at"|null,
//  "revoked_by"?}; never the hash
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const token_record& t);
// the record's fields plus "token", the secret shown once
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const issued_token& t);
// {"name","type","required","min","max","positive","allowed","description",
//  "references","references_when"}; min and max null when unbounded, allowed []
// unless the type is choice; references "equipment" or "feeder" for a field
// checked against the equipment registry (else null), references_when
// {"field","value"} when only such rows are checked (else null).
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const field_spec& f);
// {"id","kind","parent"?,"area_class","region","rating_kva","latitude"?,"longitude"?,
//  "version","changed_seq","changed_at"} (domain::record_to_json).
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const equipment& e);
// {"equipment":[equipment…],"next_after","end"}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const equipment_page& p);
// {"id","flow","title","sender","recipients","key","fields":[field_spec…],
//  "rules":[{"fields":[…],"description"}…]}; the key's "no duplicate rows" rule last.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const report_kind& k);

}  // namespace gridcoord::domain

namespace gridcoord::actors {

// {"stream","version","seq","recipients","accepted_at","replayed"}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const submit_receipt& r);
// {"department","kind","month","version","seq","submitted_at","submitted_by",
//  "recipients","row_count","rows","versions"} from the stored payload.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const report_document& d);
// {"seq","stream","type","time","actor","origin","payload":{…}}: the event as
// `who` may see it, its payload redacted (domain/sla/disclosure.hpp: never a
// token's secret hash; customers' personal data only with_personal_data).
// Every view of an event is made here: /v1/events, /v1/audit, /v1/stream.
boost::json::value event_json(const event_view& e, domain::sla::disclosure who);
// {"events":[event_json…],"next_after":N,"end":bool}
boost::json::value audit_json(const audit_page& p, domain::sla::disclosure who);
// event_json and audit_json for a caller without personal data.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const event_view& e);
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const audit_page& p);
// {"seq","imported","added","replaced","unchanged","accepted_at","replayed"}.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const equipment_receipt& r);
// {"id","versions":[{"version","seq","at","by","record":equipment}…]}, version 1 first.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const equipment_history& h);
// {"status":"ok"|"unavailable","last_seq","version","calendar":calendar_coverage}:
// a year without holidays is reported, not unavailable.
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const health_report& h);

}  // namespace gridcoord::actors
