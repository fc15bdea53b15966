#pragma once
// storage/detail/group_commit.hpp — the queue and writer thread behind a
// durable event_store: many appends, one write, then all their completions.
//
// Independent of RocksDB: the store hands in how to look up an idempotency
// key and how to write a planned batch durably.
// [Threading] submit() and close() are safe from any thread. Lookups, writes
//             and completions run on the one writer thread, in queue order.
//             close() called from a completion does not wait for the writer.
//             REQUIRES: the group_commit is not destroyed from a completion.
// [Batching]  The writer takes every queued request (at least one, then up to
//             `max_batch_events` events), and while below that count keeps
//             gathering until `window` has passed since it took the first. It
//             does not wait when the count is reached or when closing. A request
//             is never split; one larger than the limit forms a batch alone.
// [Errors]    A write refused for lack of space (errc::no_space) fails its
//             batch alone with errc::no_space, acknowledging nothing; later
//             batches are written as usual (they succeed once the writer can
//             write again). Any other failed write calls `on_fatal`. If that
//             returns (tests only), the batch completes with errc::io, nothing
//             of it is acknowledged, and every later append completes with errc::io.
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/detail/batch_plan.hpp"
#include "storage/event_store.hpp"
#include "storage/rocksdb_store.hpp"

namespace gridcoord::storage::detail {

struct group_commit_config {
  std::chrono::microseconds window{200};
  std::size_t max_batch_events = 4096;
  std::function<void(const error&)> on_fatal;  // REQUIRES: set
};

// Writes every planned_write of the batch in one durable write.
using batch_writer = std::function<status(const batch_plan& plan)>;

class group_commit {
 public:
  // Starts the writer thread; the log's current last sequence number is `last_seq`.
  group_commit(group_commit_config config, idempotency_lookup lookup, batch_writer write,
               seq_t last_seq);
  ~group_commit();  // close()
  group_commit(const group_commit&) = delete;
  group_commit& operator=(const group_commit&) = delete;

  // Queues the request; after close(), completes it at once with errc::closed.
  void submit(append_request request, append_callback done);

  // Completes every queued request, then stops the writer. Idempotent.
  void close();

  seq_t last_seq() const noexcept { return last_seq_.load(std::memory_order_acquire); }
  bool failed() const noexcept { return failed_.load(std::memory_order_acquire); }
  commit_stats stats() const noexcept;

 private:
  struct pending {
    append_request request;
    append_callback done;
  };

  void run();
  std::vector<pending> gather();
  // Moves queued requests into `batch` while they fit; true once it is full.
  bool take_queued(std::vector<pending>& batch, std::size_t& events);
  void commit(std::vector<pending>& batch);
  void fatal(std::vector<pending>& batch, const error& cause);
  static void complete_all(std::vector<pending>& batch, const error& why);

  const group_commit_config config_;
  const idempotency_lookup lookup_;
  const batch_writer write_;

  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<pending> queue_;  // guarded by mutex_
  bool closing_ = false;       // guarded by mutex_
  // The writer is woken only when it waits for a first request or when a
  // batch fills up, not for every append during the window (guarded by mutex_).
  bool idle_ = false;
  std::size_t queued_events_ = 0;
  std::size_t batch_events_ = 0;

  std::mutex close_mutex_;  // serialises joining the writer
  std::thread::id writer_id_;
  std::atomic<seq_t> last_seq_;
  std::atomic<bool> failed_{false};
  std::atomic<std::uint64_t> batches_{0};
  std::atomic<std::uint64_t> events_{0};
  std::atomic<std::uint64_t> appends_{0};
  std::array<std::atomic<std::uint64_t>, batch_size_bounds + 1> batch_sizes_{};  // commit_stats::batch_sizes
  std::thread writer_;  // last: starts after everything it uses
};

}  // namespace gridcoord::storage::detail
