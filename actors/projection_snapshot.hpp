#pragma once
// actors/projection_snapshot.hpp — snapshots of the projections an actor
// keeps for itself (the SLA work, the notification outbox, the capacity
// register), so that a start replays only the log's tail after them.
//
// The actor that keeps a projection takes its snapshot itself, when its state
// is exactly "the log up to event S" (caught up, no write of its own applied
// ahead of its append): it copies what the snapshot holds (a pause of a copy,
// not of an encoding) and hands the copy to the snapshot_writer, whose thread
// encodes it and stores it durably; the actor goes on at once (the capacity
// register hands its binary image, made as fast as a copy). A snapshot is an
// envelope {"format": F, "state": …}, or for a binary one the format's line
// and the bytes; the format names the projection and its version
// ("gridcoord.sla/1", "gridcoord.capacity/1"). At start the actor
// loads it: none, another format, or a state its decoder refuses is logged
// and ignored, and the actor replays the whole log as it would without one.
//
// Cadence: a snapshot is due when at least `every_events` events were applied
// since the last one *and* at least as many as the projection holds items, so
// that encoding costs at most about one item per event applied however large
// the projection grows, and a restart replays at most max(every_events, items)
// events of tail. Encoding an item costs far more than applying an event,
// though (a notification: about 20 µs against 2), so the writer also keeps
// snapshots to a share of its thread: after a snapshot that took t (at least
// `free_below`), the next of that name waits until cooldown × t has passed,
// and none is taken while one of the name is still queued or being written.
// During an outage storm the notification outbox holds 100,000 pending
// messages; without that budget their snapshots took a core of the two.
// [Threading] snapshot_writer::write from any thread; its store writes run on
//             its own thread, one at a time, in the order given (a newer
//             snapshot of a name replaces one of that name still queued).
// [Errors]    A failed store write is logged and the snapshot dropped: the
//             next one is taken at the next cadence (the log keeps everything).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include <boost/json/value.hpp>

#include "storage/event_store.hpp"

namespace gridcoord::actors {

// How much of the writer's thread snapshots may take.
struct snapshot_budget {
  double cooldown = 4;                          // the next waits cooldown × the last one's time: ≤ 1/5 of the thread
  std::chrono::milliseconds free_below{50};     // a snapshot quicker than this imposes no wait
  std::function<std::chrono::steady_clock::time_point()> now;  // nullptr: steady_clock (tests pass their own)
};

class snapshot_writer {
 public:
  explicit snapshot_writer(storage::event_store& store, snapshot_budget budget = {});
  ~snapshot_writer();  // stop()
  snapshot_writer(const snapshot_writer&) = delete;
  snapshot_writer& operator=(const snapshot_writer&) = delete;

  // Queues the snapshot `name` of the projection up to event `seq`; `encode`
  // makes its text on the writer's thread.
  void write(std::string name, std::uint64_t seq, std::function<std::string()> encode);
  void write(std::string name, std::uint64_t seq, std::string data);
  // Whether a snapshot of `name` may be taken now, by the budget: none of
  // that name queued or being written, and the last one's cooldown over.
  // An actor asks before it copies its state.
  [[nodiscard]] bool ready(std::string_view name);
  // Writes what is queued, then stops; later writes are dropped.
  void stop();
  // The sequence number of the last snapshot of `name` stored by this
  // writer; 0 when none yet. Waits for what is queued when `flush`.
  [[nodiscard]] std::uint64_t written_seq(std::string_view name, bool flush = false);

 private:
  void run();
  std::chrono::steady_clock::time_point now() const;

  storage::event_store& store_;
  snapshot_budget budget_;
  std::mutex mutex_;
  std::condition_variable wake_, idle_;
  struct pending {
    std::uint64_t seq = 0;
    std::function<std::string()> encode;
  };
  std::map<std::string, pending, std::less<>> queued_;
  std::map<std::string, std::uint64_t, std::less<>> written_;
  std::map<std::string, std::chrono::steady_clock::time_point, std::less<>> not_before_;
  std::string writing_;  // the name being encoded and stored; "" when none
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

[[nodiscard]] bool snapshot_due(std::uint64_t events_since, std::uint64_t every_events, std::size_t items) noexcept;

// How an actor keeping a projection snapshots it.
struct projection_snapshots {
  std::shared_ptr<snapshot_writer> writer;  // nullptr: no snapshots (tests of replay)
  std::uint64_t every_events = 10'000;

  // Whether the snapshot `name` is to be taken now: at a stop whenever there
  // is a writer; otherwise when the cadence says so (snapshot_due, `since`
  // events or rows applied since the last) and the writer's budget allows.
  [[nodiscard]] bool due(std::string_view name, std::uint64_t since, std::size_t items, bool stopping) const {
    if (!writer) return false;
    return stopping || (snapshot_due(since, every_events, items) && writer->ready(name));
  }
};


struct loaded_snapshot {
  std::uint64_t seq = 0;
  boost::json::value state;
};

// The state of the stored snapshot `name` when its format is `format`;
// nullopt (logged, unless there is none) otherwise.
[[nodiscard]] std::optional<loaded_snapshot> load_snapshot(const storage::event_store& store, std::string_view name,
                                                           std::string_view format);

// The envelope's text for `state`.
[[nodiscard]] std::string snapshot_text(std::string_view format, boost::json::value state);

// A binary snapshot (the capacity model's image): the format's name, a
// newline, then the bytes. load_snapshot_bytes answers them when the stored
// snapshot `name` is of `format`; nullopt (logged, unless there is none) otherwise.
[[nodiscard]] std::string snapshot_bytes(std::string_view format, std::string_view bytes);
struct loaded_bytes {
  std::uint64_t seq = 0;
  std::string bytes;
};
[[nodiscard]] std::optional<loaded_bytes> load_snapshot_bytes(const storage::event_store& store, std::string_view name,
                                                              std::string_view format);

}  // namespace gridcoord::actors
