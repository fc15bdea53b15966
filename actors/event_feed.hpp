#pragma once
// actors/event_feed.hpp — committed events pushed from the event log to the
// projections that follow it, so that no actor re-reads the log to learn of a
// write (its own or another actor's).
//
// The event-log actor publishes each append's events once they are durable
// and *before* it answers the append. Whoever learns of a write through its
// answer (the writer, the client it answered, anyone that client tells) therefore
// finds the write's events in every feed already: a projection that takes what
// its feed holds before answering reflects every acknowledged write.
//
//   log_publisher  — made by the runtime before the event log starts, knows
//                    the log's last sequence number then; hands every published
//                    batch to each feed subscribed to it and wakes the waiters
//                    of `when_after` (the SSE streams).
//   event_feed     — one subscriber's queue of batches, in sequence order. Its
//                    `ready` callback runs when the queue goes from empty to
//                    holding events (the owner posts itself a message there).
//   log_follower   — a projection's position in the log: catches up from the
//                    store once (the events before its feed began), then takes
//                    from its feed; an event at or below the position is skipped,
//                    and events the log holds but the feed never carried (a gap
//                    in the sequence numbers: an append reported failed although
//                    written) are read from the store before those after them.
//
// Batches are shared (one copy of the events however many feeds hold them).
// [Threading] publish runs on the event-log actor; take, when_after and cancel
//             from any thread; a feed's `ready` and a waiter's callback run on
//             the publisher's thread and must only post work elsewhere.
// [Errors]    log_follower::catch_up answers the store's read error (the
//             position stays at the last event applied); `apply` deals with an
//             event it cannot apply itself (the projections log it and go on,
//             as their replay always has).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "domain/error.hpp"
#include "storage/event_store.hpp"

namespace gridcoord::actors {

using committed_batch = std::shared_ptr<const std::vector<storage::event>>;

class event_feed {
 public:
  // `start_seq`: the log's last sequence number when the feed was made; every
  // later event will be published to it.
  event_feed(std::uint64_t start_seq, std::function<void()> ready);

  void publish(const committed_batch& batch);
  // Everything published since the last take, oldest first.
  [[nodiscard]] std::vector<committed_batch> take();
  [[nodiscard]] std::uint64_t start_seq() const noexcept { return start_seq_; }
  // Events published and not yet taken (what a lagging subscriber holds).
  [[nodiscard]] std::size_t waiting_events() const;

 private:
  const std::uint64_t start_seq_;
  std::function<void()> ready_;
  mutable std::mutex mutex_;
  std::vector<committed_batch> queue_;
  std::size_t waiting_ = 0;
};

class log_publisher {
 public:
  explicit log_publisher(std::uint64_t last_seq);

  // A feed of every event published from now on. `ready` as for event_feed.
  [[nodiscard]] std::shared_ptr<event_feed> subscribe(std::function<void()> ready);

  // Calls `then` once, as soon as the log holds an event after `after` (at
  // once, on the caller's thread, when it already does). Answers an id for
  // cancel; 0 when `then` already ran.
  std::uint64_t when_after(std::uint64_t after, std::function<void()> then);
  // Forgets a waiter that has not run yet (a closed stream).
  void cancel(std::uint64_t id);

  void publish(committed_batch batch);
  [[nodiscard]] std::uint64_t last_seq() const;
  [[nodiscard]] std::size_t waiters() const;

 private:
  struct waiter {
    std::uint64_t after;
    std::function<void()> then;
  };
  mutable std::mutex mutex_;
  std::uint64_t last_seq_;
  std::vector<std::shared_ptr<event_feed>> feeds_;
  std::uint64_t next_waiter_ = 1;
  std::map<std::uint64_t, waiter> waiters_;
};

// How a projection follows the log: its position, its feed and, for the
// events that came before the feed began, the store.
class log_follower {
 public:
  using apply_fn = std::function<void(const storage::event&)>;

  log_follower() = default;
  log_follower(const storage::event_store* store, std::shared_ptr<event_feed> feed, std::uint64_t applied = 0);

  // Applies every event after the position that the log holds and the feed
  // has delivered, in sequence order, and moves the position past each.
  // Answers how many were applied.
  [[nodiscard]] domain::expected<std::uint64_t> catch_up(const apply_fn& apply);

  // Starts again after event `from` (0: the log's first event): the next
  // catch_up reads the store up to its current end, then goes on with the
  // feed (a projection rebuilding itself, from its snapshot at `from`, after
  // a write it had applied ahead failed).
  void rewind(std::uint64_t from = 0);

  [[nodiscard]] std::uint64_t applied_seq() const noexcept { return applied_; }
  // Visits of the store while catching up (1 page each), for tests.
  [[nodiscard]] std::uint64_t store_reads() const noexcept { return store_reads_; }

 private:
  const storage::event_store* store_ = nullptr;
  std::shared_ptr<event_feed> feed_;
  std::uint64_t applied_ = 0;
  std::uint64_t store_until_ = 0;  // read the store up to here (at least the feed's start)
  std::uint64_t store_reads_ = 0;
};

}  // namespace gridcoord::actors
