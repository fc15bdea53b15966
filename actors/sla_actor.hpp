#pragma once
// actors/sla_actor.hpp — outages, planned-outage notices, complaints,
// callbacks, analyses and the customer registry, with the clocks of flows
// E1–E9 (DESIGN.md, "Event flows"; docs/sla.md).
//
// The actor keeps the work book (domain/sla/work.hpp), the customer
// registry, the equipment registry and an outbox view as a projection of the
// event log: it follows the log through its feed (actors/event_feed.hpp),
// taking what the feed holds before answering anything, so an answer reflects
// every acknowledged write (energized applications come from the capacity
// actor, deliveries from the notification actor) without reading the log.
// A write is checked and turned into events by actors/detail/sla_commands,
// with the deadlines planned from the time limits in force; appended in one
// durable write (with its customer notifications, their text written from the
// message templates in the calendar's zone: the transactional outbox); taken
// from the feed, which holds it by the time the append is answered; answered.
// After a write that enqueued notifications it kicks the notification actor.
//
// Writes share group commits: a write is applied to the state *ahead* of its
// append, which the actor does not wait for, so the next request is decided
// on the state including every write in flight; the write's events come back
// through the feed in append order and are skipped there (applied_ahead). If
// such an append fails, the state is rebuilt from the log (which never held
// it) before the failure is answered. A write with an idempotency key is
// looked up first: a key still being written makes the request wait for that
// write's answer, a logged key answers what it recorded (or 409 for another
// body), so a keyed write that is applied ahead is always new. A customer
// import and the clock's check wait for their append as before.
//
// Snapshots (actors/projection_snapshot.hpp): when the actor has caught up
// with no write of its own in flight and a snapshot is due, it encodes the
// work book, customers, equipment, outbox view and energized applications as
// "gridcoord.sla/1" and hands them to the snapshot writer. A start loads the
// latest and replays only the log after it (the whole log when there is none
// it can read).
//
// The clock: a check logs every warning and breach due (work_book::due_signals),
// with an analysis record for each breached repair step and the callbacks owed
// for energized connections, in one append. The actor checks when it starts
// (so what came due while the process was down fires at once, and, the book
// being rebuilt from the log, only once) and then at the next signal instant,
// sleeping at most `max_sleep`; with max_sleep 0 it checks only when asked
// (sla_check: tests drive a manual clock).
// [Threading] State is touched only by the actor; the catalogue and calendar
//             are shared, read-only.
// [Errors]    Requests answer the commands' errors; a failed check is logged
//             and retried at the next wake-up.
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <caf/typed_event_based_actor.hpp>

#include "actors/event_feed.hpp"
#include "actors/interfaces.hpp"
#include "actors/projection_snapshot.hpp"
#include "domain/clock.hpp"
#include "domain/equipment.hpp"
#include "domain/reporting_calendar.hpp"
#include "domain/sla/customers.hpp"
#include "domain/sla/limits.hpp"
#include "domain/sla/messages.hpp"
#include "domain/sla/outbox.hpp"
#include "domain/sla/work.hpp"

namespace gridcoord::actors {

struct sla_options {
  std::shared_ptr<const domain::sla::catalogue> limits;
  std::shared_ptr<const domain::reporting_calendar> calendar;  // and the zone of the customers' messages
  std::chrono::milliseconds max_sleep{60'000};  // 0: check only when asked
  std::shared_ptr<const domain::sla::message_catalogue> messages;  // the customers' message templates
  projection_snapshots snapshots;
};

struct sla_state {
  sla_options options;
  domain::sla::work_book book;
  domain::sla::customer_registry customers;
  domain::equipment_registry equipment;
  domain::sla::outbox outbox;  // a view of the deliveries, for customer and notification reads
  std::vector<std::pair<std::string, domain::time_point>> energized;  // applications owed a callback
  log_follower follower;
  std::uint64_t snapshot_seq = 0;  // the event the last snapshot (loaded or taken) covers
  // Events of writes applied ahead of their append (see sla_actor.cpp), in
  // append order: skipped when the feed brings them back.
  std::deque<storage::event_draft> applied_ahead;
  // Writes with an idempotency key still being written, by "sla:<key>": the
  // later requests with the same key, answered when it is durable.
  struct key_waiter {
    std::string request_hash;
    std::function<void(domain::expected<sla_answer>)> done;
  };
  std::map<std::string, std::vector<key_waiter>> keys_in_flight;
  const storage::event_store* store = nullptr;  // idempotency lookups: point reads
  event_log_actor log;
  notification_actor notifier;
  const domain::clock* clock = nullptr;
  std::uint64_t wake_generation = 0;
  static inline const char* name = "sla";
};

using sla_pointer = sla_actor::stateful_pointer<sla_state>;

// `log` takes the appends; the actor follows the log through a feed of
// `publisher`, reading what came before the feed from `store`.
sla_actor::behavior_type sla(sla_pointer self, sla_options options, event_log_actor log,
                             notification_actor notifier, const domain::clock* clock,
                             const storage::event_store* store, std::shared_ptr<log_publisher> publisher);

}  // namespace gridcoord::actors
