#pragma once
// actors/recovery.hpp — rebuilding the projection (department books, tokens)
// from the log, and keeping a snapshot of it so that a restart replays only
// the log's tail.
//
// One snapshot, named "books", holds the whole projection at one sequence
// number S; recovery loads it and applies the events after S, a page at a
// time, so memory stays bounded by the projection plus one page however long
// the log is. The snapshot_keeper maintains its own copy of the projection
// from the log (never from live actor state, which may run ahead of or behind
// the log), so every snapshot is exactly "the projection after event S".
// [Threading] recover runs before the actors start. snapshot_keeper runs on
//             its own thread; take_snapshot may be called from any one thread.
// [Errors]    An unreadable snapshot or event is errc::internal: the server
//             refuses to start rather than guess.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "domain/error.hpp"
#include "domain/projection.hpp"
#include "storage/event_store.hpp"

namespace gridcoord::actors {

inline constexpr std::size_t replay_page_events = 1000;
inline constexpr std::string_view snapshot_name = "books";

struct recovered_state {
  domain::projection state = domain::projection::empty();
  std::uint64_t snapshot_seq = 0;   // 0: no snapshot was found
  std::uint64_t replayed_events = 0;
  std::uint64_t last_seq = 0;
};

// The projection as of the store's last event: the snapshot plus the log's tail.
[[nodiscard]] domain::expected<recovered_state> recover(const storage::event_store& store);

// Applies the events after sequence number `from` up to the end of the log;
// returns the last sequence number applied.
[[nodiscard]] domain::expected<std::uint64_t> apply_tail(const storage::event_store& store,
                                                         domain::projection& state, std::uint64_t from);

class snapshot_keeper {
 public:
  // `start` is the recovered state; the keeper keeps its own copy.
  snapshot_keeper(storage::event_store& store, recovered_state start, std::uint64_t every_events);
  ~snapshot_keeper();

  // Catches up with the log and writes a snapshot if at least `every_events`
  // events arrived since the last one (or any did and `force`). Returns the
  // sequence number of the snapshot on disk afterwards.
  [[nodiscard]] domain::expected<std::uint64_t> take_snapshot(bool force = false);

  // Runs take_snapshot every `interval` on a thread of its own until stop().
  void run_every(std::chrono::milliseconds interval);
  // Stops the thread (if running) and takes a final snapshot.
  void stop();

 private:
  storage::event_store& store_;
  domain::projection state_;
  std::uint64_t applied_ = 0;
  std::uint64_t snapshot_seq_ = 0;
  std::uint64_t every_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gridcoord::actors
