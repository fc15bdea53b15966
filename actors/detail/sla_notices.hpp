#pragma once
// actors/detail/sla_notices.hpp — the customer notifications of an outage
// (flow E3): who is told, and the text each is told, written from the
// message templates (domain/sla/messages.hpp) when the step is decided and
// logged with it, so a replay sends and shows the same words even after the
// templates change.
// [Threading] Pure over the context.
// [Errors]    None: a customer whose connection point is not below the
//             outage's equipment (the registry changed) is told of the
//             outage's first equipment.
#include <string>
#include <vector>

#include "actors/detail/sla_commands.hpp"

namespace gridcoord::actors::detail {

// The values customer `to` is told about outage `o`: its name, the outage's
// equipment above its connection point (id, kind, region), the start, ETR,
// cause and restoration as `o` has them.
domain::sla::message_values message_values_of(const sla_context& c, const domain::sla::outage& o,
                                              const domain::sla::customer& to);

// One notification to each customer of `to`, of `kind`, about outage `o` (as
// it will stand after the step), from cause `cause` ("outage/<id>"; ETR
// updates "outage/<id>/etr-<n>"), each to the customer's first contact.
std::vector<storage::event_draft> outage_notices(const sla_context& c, const sla_writer& w,
                                                 const domain::sla::outage& o,
                                                 const std::vector<const domain::sla::customer*>& to,
                                                 domain::sla::notification_kind kind, const std::string& cause);

}  // namespace gridcoord::actors::detail
