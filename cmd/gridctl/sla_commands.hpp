#pragma once
// cmd/gridctl/sla_commands.hpp — the commands of the event flows E1–E9
// (docs/sla.md): outages and the outage feed, planned-outage notices,
// complaints, callbacks, analyses, a department's open work, breaches and the
// month's figures; and those of the customer registry and its notifications
// (docs/customers.md). commands() (commands.hpp) puts them in the one table.
//
// Every write takes --idempotency-key, sent as the Idempotency-Key header.
// Item numbers (outage 17, complaint 5) are whole numbers; times are RFC 3339
// with their offset, sent as given. With --table each answer has a view
// (sla_view.hpp, customer_view.hpp).
// [Threading] Built once by commands(); then read-only.
// [Errors]    The builders answer a message for a person (exit code 2): an
//             update that changes nothing, a satisfaction out of 1 to 5, an
//             empty or unreadable file.
#include <vector>

#include "cmd/gridctl/commands.hpp"

namespace gridcoord::gridctl {

std::vector<command> sla_commands();
std::vector<command> customer_commands();

}  // namespace gridcoord::gridctl
