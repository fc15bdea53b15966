#pragma once
// domain/sla/disclosure.hpp — what a caller may see of stored data: the one
// table of the fields that hold customers' personal data, per event type and
// per work item kind, and the rule that a token's secret hash is never shown.
//
// Every view of an event (GET /v1/events, GET /v1/audit, GET /v1/stream) and
// of a work item (the SLA reads, and the items the SLA writes answer) goes
// through redact_event or redact_item. Personal data is shown only to a
// caller whose role may read customers (domain/auth.hpp, read_customers):
//   event complaint.registered        customer_name, contact, text
//   event callback.opened             customer
//   event callback.attempted          note
//   event outage.customers_notified   note
//   event notification.enqueued       address, text (it names the customer)
//   event customer.imported           customers[].name, customers[].contacts
//   item  complaint                   customer_name, contact, text
//   item  callback                    customer, attempts[].note
// For any other caller these fields are removed, and the object gets
// "redacted": the fields removed, as named above ("attempts[].note"), in the
// table's order; an object that had none of them is left as it is (no
// "redacted"). Whoever the caller, a "token.created" payload loses its
// "secret_hash" (without a "redacted" entry: it is never part of a view).
// [Threading] Pure functions.
// [Errors]    None: a payload that is not a JSON object, or a field of
//             another shape than the table's, is left as it is.
#include <cstdint>
#include <string_view>

#include <boost/json/value.hpp>

#include "domain/auth.hpp"

namespace gridcoord::domain::sla {

enum class disclosure : std::uint8_t { without_personal_data, with_personal_data };

// with_personal_data when `viewer` may read customers.
disclosure disclosure_for(const role& viewer);

// Removes from `payload`, the payload of an event of `type`, what `who` may not see.
void redact_event(std::string_view type, boost::json::value& payload, disclosure who);

// Removes from `item`, the JSON of a work item of `kind` ("complaint",
// "callback", ...; gateways/sla_codec.hpp), what `who` may not see.
void redact_item(std::string_view kind, boost::json::object& item, disclosure who);

}  // namespace gridcoord::domain::sla
