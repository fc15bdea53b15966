#pragma once
// actors/notification_actor.hpp — delivers the customer notifications of the
// outbox (domain/sla/outbox.hpp) through the sink (actors/notification_port.hpp).
//
// The outbox is a projection of the log, followed through the actor's feed
// (actors/event_feed.hpp): when the feed holds notification events, on a kick
// (the SLA actor enqueued notifications), a wake-up or a check, the actor
// takes what the feed holds, then hands every message that is due and not in
// flight to the sink, at most max_in_flight at once. Each attempt's end is logged: a
// delivery, a failure with its next attempt (retry_policy: exponential
// backoff with jitter), or a dead letter after max_attempts or a permanent
// refusal. Outcomes are gathered and logged in one append at a time, so a
// storm of deliveries costs few durable writes. Until an outcome is logged
// its message is not sent again; after a crash it is pending again and is
// sent again with the same message id (the receiver drops the duplicate).
// With no sink (no endpoint configured) messages stay pending.
// [Threading] State is touched only by the actor; the sink calls back on its
//             own threads by sending outbox_outcome.
// [Errors]    A failed append of outcomes is logged; the messages stay pending
//             and are tried again at the next wake-up.
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <caf/typed_event_based_actor.hpp>

#include "actors/event_feed.hpp"
#include "actors/projection_snapshot.hpp"
#include "actors/interfaces.hpp"
#include "actors/notification_port.hpp"
#include "domain/clock.hpp"
#include "domain/sla/outbox.hpp"

namespace gridcoord::actors {

struct notification_actor_options {
  notification_options delivery;
  std::shared_ptr<notification_sink> sink;      // nullptr: nothing is sent
  std::chrono::milliseconds max_sleep{60'000};  // 0: only kicks and checks (tests)
  projection_snapshots snapshots;               // of the outbox, "gridcoord.notifications/1"
};

struct notification_state {
  notification_actor_options options;
  domain::sla::outbox outbox;
  log_follower follower;
  std::uint64_t snapshot_seq = 0;                  // the event the last snapshot (loaded or taken) covers
  std::set<std::string> in_flight;                 // handed to the sink, no outcome yet
  std::vector<storage::event_draft> outcomes;      // to log
  std::set<std::string> outcome_ids;               // their message ids (not sent again until logged)
  bool flushing = false;
  std::vector<caf::typed_response_promise<std::size_t>> checks;
  std::size_t ended_since_check = 0;
  event_log_actor log;
  const domain::clock* clock = nullptr;
  std::uint64_t wake_generation = 0;
  static inline const char* name = "notification";
};

using notification_pointer = notification_actor::stateful_pointer<notification_state>;

// `log` takes the outcomes; the actor follows the log through a feed of
// `publisher`, reading what came before the feed from `store`.
notification_actor::behavior_type notification(notification_pointer self, notification_actor_options options,
                                               event_log_actor log, const domain::clock* clock,
                                               const storage::event_store* store,
                                               std::shared_ptr<log_publisher> publisher);

}  // namespace gridcoord::actors
