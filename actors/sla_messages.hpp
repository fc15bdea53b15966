#pragma once
// actors/sla_messages.hpp — the messages of the SLA actor
// (actors/sla_actor.hpp) and the notification actor
// (actors/notification_actor.hpp); the requests the client facade carries
// are in actors/sla_requests.hpp.
//
// Both actors run in the gateway's process, so their messages never cross a
// node: they are local-only (CAF_ALLOW_UNSAFE_MESSAGE_TYPE), as the capacity
// actor's are. Give them inspectors before moving either to a node of its own.
#include <cstdint>
#include <string>
#include <vector>

#include <caf/allowed_unsafe_message_type.hpp>

#include "actors/notification_port.hpp"
#include "actors/sla_requests.hpp"
#include "domain/sla/events.hpp"

namespace gridcoord::actors {

// One request of the client facade.
struct sla_call {
  sla_request request;
};

// Log every warning and breach due now (runtime::check_sla; tests drive the
// clock with it). Answers what it logged.
struct sla_check {};

// Internal: the SLA clock's wake-up.
struct sla_wake {
  std::uint64_t generation = 0;
};

// The log holds new notification events: catch up and send what is due.
struct outbox_kick {};

// Send every notification due now and wait until each has an outcome logged
// (runtime::check_outbox; tests). Answers how many attempts ended.
struct outbox_check {};

// Internal: the outbox clock's wake-up.
struct outbox_wake {
  std::uint64_t generation = 0;
};

// Internal: the sink reporting one attempt's end.
struct outbox_outcome {
  std::string message_id;
  delivery_outcome outcome;
};

}  // namespace gridcoord::actors

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::sla_call)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::sla_answer)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::sla_check)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::sla_wake)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::outbox_kick)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::outbox_check)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::outbox_wake)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::outbox_outcome)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<gridcoord::domain::sla::clock_signal>)
