#pragma once
// actors/event_log_actor.hpp — the owner of the event store.
//
// Appends go to the store's group-commit writer; the reply is sent when the
// writer reports the append durable. The writer thread queues each completion
// (append_completions) and tells the actor with one commit_done whenever the
// queue was empty, so a group commit of many appends costs the actor one
// message, and promises are only touched on its own thread. The actor then
// publishes the events of every completed append, as one batch in sequence
// order, to the log_publisher (actors/event_feed.hpp), and only then answers
// them: the projections find every acknowledged write in their feeds without
// reading the log.
//
// Reads (event pages, single events, audit scans) are delegated to a reader
// actor on a thread of its own, which reads the store directly (its reads are
// thread-safe), so a long scan never delays a commit's answer. Reads are
// bounded by max_read_events (and, when a read asks, by its max_bytes).
// Idempotency lookups, one point read on the write path, stay here.
// [Threading] The store and the publisher must outlive the actor.
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include <caf/typed_event_based_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "actors/event_feed.hpp"
#include "actors/interfaces.hpp"
#include "storage/event_store.hpp"

namespace gridcoord::actors {

inline constexpr std::uint64_t max_read_events = 1000;

// The reads the event log hands to its reader.
using log_reader_actor = caf::typed_actor<
    caf::replies_to<read_events>::with<std::vector<storage::event>>,
    caf::replies_to<get_event>::with<storage::event>,
    caf::replies_to<audit_query>::with<audit_page>>;

struct pending_append {
  caf::typed_response_promise<storage::append_result> promise;
  std::vector<storage::event_draft> events;  // published once durable
};

// Completions handed from the store's writer thread to the actor.
class append_completions {
 public:
  using completion = std::pair<std::uint64_t, storage::expected<storage::append_result>>;
  // Queues one; true when the queue was empty (the actor must be told).
  bool push(std::uint64_t ticket, storage::expected<storage::append_result> result) {
    std::lock_guard lock(mutex_);
    queue_.emplace_back(ticket, std::move(result));
    return queue_.size() == 1;
  }
  // Everything queued, in the order the writer finished it.
  std::vector<completion> take() {
    std::lock_guard lock(mutex_);
    return std::exchange(queue_, {});
  }

 private:
  std::mutex mutex_;
  std::vector<completion> queue_;
};

struct event_log_state {
  storage::event_store* store = nullptr;
  std::shared_ptr<append_completions> completed = std::make_shared<append_completions>();
  std::shared_ptr<log_publisher> publisher;
  log_reader_actor reader;
  std::uint64_t next_ticket = 1;
  // Appends handed to the store and not yet reported durable, by ticket.
  std::unordered_map<std::uint64_t, pending_append> pending;
  static inline const char* name = "event_log";
};

log_reader_actor::behavior_type log_reader(log_reader_actor::pointer self, const storage::event_store* store);

event_log_actor::behavior_type event_log(event_log_actor::stateful_pointer<event_log_state> self,
                                         storage::event_store* store, std::shared_ptr<log_publisher> publisher);

}  // namespace gridcoord::actors
