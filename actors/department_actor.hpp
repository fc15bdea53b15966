#pragma once
// actors/department_actor.hpp — one department: its book and the events that change it.
//
// As a sender it validates nothing twice (the gateway parsed the rows), gives
// each submission the next version of its report, logs it, and answers once
// the event is durable. Submissions that carry the same idempotency key while
// one is in flight wait for it and share its outcome; afterwards the stored
// record answers them (same body: the first receipt, replayed; another body:
// conflict). As a recipient it keeps its inbox and logs acknowledgements:
// one event per item, however many acknowledgements of it arrive while the
// first is being written (they wait for it and answer what it recorded).
// In a batch it is a participant: batch_prepare checks its operations and
// reserves report versions, batch_commit applies them, batch_abort releases
// the versions.
// [Threading] State is touched only by the actor; the clock is shared, read-only.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <caf/typed_event_based_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "actors/interfaces.hpp"
#include "domain/book.hpp"
#include "domain/clock.hpp"

namespace gridcoord::actors {

struct submission_waiter {
  std::string request_hash;
  caf::typed_response_promise<submit_receipt> promise;
};

// Submissions in flight, by a local id; the first waiter is the writer.
struct pending_submission {
  std::string key;  // idempotency key, "" when none
  std::vector<submission_waiter> waiters;
};

// An operation of a prepared batch, held until the batch commits or aborts.
struct held_operation {
  std::uint32_t position = 0;
  batch_op_kind kind = batch_op_kind::submit_report;
  domain::report_version header;     // submit_report (rows left empty)
  domain::item_acknowledged ack;     // acknowledge
};

// An acknowledgement waiting for the item's first one to become durable.
struct ack_waiter {
  ack_request request;
  caf::typed_response_promise<domain::inbox_item> promise;
};

struct department_state {
  domain::department_book book{domain::department::planning};
  event_log_actor log;
  const domain::clock* clock = nullptr;
  std::map<std::string, std::uint32_t> reserved;          // stream -> highest version handed out
  std::unordered_map<std::uint64_t, pending_submission> pending;
  std::unordered_map<std::string, std::uint64_t> pending_by_key;
  std::uint64_t next_pending = 1;
  std::unordered_map<std::uint64_t, std::vector<held_operation>> held;  // by batch id
  // Items whose acknowledgement is being written (by its own append, or held
  // by a prepared batch), with every request that waits for it; the first
  // waiter's request is the one written.
  std::unordered_map<domain::item_id, std::vector<ack_waiter>> ack_waiters;
  static inline const char* name = "department";

  // The version the next submission to `stream` gets; reserves it.
  std::uint32_t reserve_version(const std::string& stream);
  // The acknowledgement of `item` a prepared batch holds, or nullptr.
  const domain::item_acknowledged* held_ack(domain::item_id item) const;
};

using department_pointer = department_actor::stateful_pointer<department_state>;

// `book` is the department's recovered book (it names the department).
department_actor::behavior_type department(department_pointer self, domain::department_book book,
                                           event_log_actor log, const domain::clock* clock);

}  // namespace gridcoord::actors
