#pragma once
// storage/rocksdb_store.hpp — the production event_store, on RocksDB.
//
// [Layout]    Column families: "events" (seq -> event), "streams" (stream index),
//             "idempotency" (key -> record), "projections" (name -> snapshot);
//             the encoding is described in docs/storage.md.
// [Durability] One writer thread gathers queued appends for at most
//             `group_commit_window` or `max_batch_events` events, writes them as
//             one WriteBatch with WriteOptions::sync = `sync`, then runs their
//             completions. Sequence numbers follow the order of `append` calls.
// [Threading] Reads go straight to RocksDB and run concurrently with the
//             writer; last_seq() moves only after a batch's write has returned.
// [Errors]    open() refuses a damaged log or an unknown format version
//             (errc::corruption) rather than truncating it; a torn last record
//             of the write-ahead log (a write never acknowledged) is dropped.
//             A batch that would leave less than min_free_bytes free on the
//             disk is refused with errc::no_space before it is written (and
//             so is a snapshot). A write refused because the disk is full fails its batch with
//             errc::no_space (nothing of it stored or acknowledged) and the
//             store goes on: reads work, and each later batch first resumes
//             RocksDB (refused again with no_space while the disk is still
//             full), so writes go through as soon as space returns. Any other
//             failed write calls `on_fatal` and never acknowledges.
#include <array>
#include <chrono>
#include <cstdint>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "storage/event_store.hpp"

namespace gridcoord::storage {

struct rocksdb_options {
  std::string path;                                        // directory; created if missing
  std::chrono::microseconds group_commit_window{200};      // longest wait to grow a batch
  std::size_t max_batch_events = 4096;                     // write a batch at this many events
  bool sync = true;                                        // fsync every batch (never off in production)
  // Free bytes the filesystem holding `path` must keep: a batch (or snapshot)
  // that would leave less is refused with errc::no_space before RocksDB sees
  // it. RocksDB meeting a full disk mid-write is not safe to go on from (the
  // Debian build asserts), so the store stops short of it. 0 = no check.
  std::uint64_t min_free_bytes = 0;
  // Called on the writer thread when a durable write fails; must not return
  // normally in production. Defaults to: log at critical level, std::abort().
  // If it returns (tests), the batch completes with errc::io and so does every
  // later append.
  std::function<void(const error&)> on_fatal;
};

// Upper bounds of the batch-size histogram, in events: 1, 2, 4, …, 4096.
inline constexpr std::size_t batch_size_bounds = 13;
constexpr std::uint64_t batch_size_bound(std::size_t i) { return std::uint64_t{1} << i; }

// The bucket of a batch of `events`: the first i with events <= batch_size_bound(i),
// else batch_size_bounds (above every bound). 0 events counts as 1.
constexpr std::size_t batch_size_bucket(std::uint64_t events) {
  std::size_t i = 0;
  while (i < batch_size_bounds && events > batch_size_bound(i)) ++i;
  return i;
}

// Group commit figures since open, for metrics and benchmarks.
struct commit_stats {
  std::uint64_t batches = 0;  // durable writes (one fsync each when `sync`)
  std::uint64_t events = 0;   // events written
  std::uint64_t appends = 0;  // requests the writer handled, refused and replayed included
  // Durable writes by their size in events, each bucket counting only its own
  // range (not cumulative); the last is above 4096. Sums to `batches`.
  std::array<std::uint64_t, batch_size_bounds + 1> batch_sizes{};
};

class rocksdb_store;

// Opens (creating if needed) the store at options.path.
[[nodiscard]] expected<std::unique_ptr<event_store>> open_rocksdb_store(rocksdb_options options);

// The group-commit figures of a store opened by open_rocksdb_store; zeros for others.
commit_stats stats_of(const event_store& store);

}  // namespace gridcoord::storage
