#pragma once
// storage/event_store.hpp — the append-only event log that every department's
// state is derived from.
//
// [Owns]      Events (global sequence number, stream, type, time, actor, payload),
//             the stream index, idempotency records and projection snapshots.
// [Threading] Every member is safe to call from any thread. `append` is
//             asynchronous: it queues the request and returns at once; the
//             completion runs later on the store's writer thread (never inside
//             `append` for the RocksDB store, except the errc::closed answer
//             after close(); the memory store runs every completion inline).
//             Completions must be short and must not call back into `append`
//             synchronously waiting for a result.
// [Durability] A completion reporting success means every event of that request
//             is on stable storage (one fsynced write shared by the whole group
//             commit batch). Requests are applied in the order `append` was called.
// [Errors]    Reads return `expected`; see storage/error.hpp. A stored record
//             that cannot be decoded reads as errc::corruption. A failed durable
//             write is fatal: the store calls its fatal handler (by default it
//             logs and terminates the process) and never acknowledges the batch.
// [Limits]    One request holds at most `max_events_per_append` events and an
//             event payload at most `max_payload_bytes`; larger ones complete with
//             error::too_large and write nothing. Stream names must not
//             contain '\0'.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/error.hpp"

namespace gridcoord::storage {

using seq_t = std::uint64_t;  // 1, 2, 3, ...; 0 means "before the first event".
using time_point = std::chrono::sys_time<std::chrono::microseconds>;

inline constexpr std::size_t max_events_per_append = 100'000;
inline constexpr std::size_t max_payload_bytes = 64u << 20;

// An event as the caller proposes it: the store assigns the sequence number.
struct event_draft {
  std::string stream;   // e.g. "report/marketing/large_customer_demand/2026-10"
  std::string type;     // e.g. "report.submitted"
  time_point time{};    // when it happened, from the caller's clock
  std::string actor;    // who caused it (token id, department, "system")
  std::string payload;  // UTF-8 JSON text; opaque to the store
  std::string origin;   // where the request came from, for the audit trail (JSON text; may be "")
  friend bool operator==(const event_draft&, const event_draft&) = default;
};

// A stored event.
struct event {
  seq_t seq = 0;
  std::string stream;
  std::string type;
  time_point time{};
  std::string actor;
  std::string payload;
  std::string origin;
  friend bool operator==(const event&, const event&) = default;
};

// Recorded with the events of an append when the request carried an
// idempotency key; `result` is what the caller will answer to a replay.
struct idempotency_record {
  std::string key;
  std::string request_hash;  // digest of the request body, chosen by the caller
  std::string result;        // opaque to the store
  seq_t first_seq = 0;       // filled in by the store
  friend bool operator==(const idempotency_record&, const idempotency_record&) = default;
};

struct append_request {
  std::vector<event_draft> events;
  std::optional<idempotency_record> idempotency;
};

// What an append produced.
//  - `replayed == false`: the events were written as [first_seq, last_seq].
//  - `replayed == true`: a record with the same key already existed (stored
//    earlier or earlier in the same batch); nothing was written and `existing`
//    holds that record. The caller compares request hashes to tell a replay
//    (same) from a conflict (different).
struct append_result {
  seq_t first_seq = 0;
  seq_t last_seq = 0;
  bool replayed = false;
  std::optional<idempotency_record> existing;
};

using append_callback = std::function<void(expected<append_result>)>;

// A snapshot of one projection, covering every event up to and including `seq`.
struct snapshot {
  std::string name;
  seq_t seq = 0;
  std::string data;
};

class event_store {
 public:
  virtual ~event_store() = default;

  // Queues `request`; `done` runs once, after the events are durable or with
  // the error that kept them from being written: errc::too_large, errc::closed,
  // errc::invalid (no events and no key, an empty key, a stream name with
  // '\0'), errc::io (the store failed an earlier write). A request with only an
  // idempotency key stores its record and completes with first_seq = last_seq = 0.
  virtual void append(append_request request, append_callback done) = 0;

  // Up to `limit` events with seq > `after`, in sequence order.
  [[nodiscard]] virtual expected<std::vector<event>> read(seq_t after, std::size_t limit) const = 0;

  // Up to `limit` events of `stream` with seq > `after`, in sequence order.
  [[nodiscard]] virtual expected<std::vector<event>> read_stream(std::string_view stream,
                                                                 seq_t after,
                                                                 std::size_t limit) const = 0;

  // The event with this sequence number; error::not_found when there is none.
  [[nodiscard]] virtual expected<event> get(seq_t seq) const = 0;

  // The highest durable sequence number (0 for an empty log).
  [[nodiscard]] virtual seq_t last_seq() const = 0;

  // The idempotency record stored under `key`; error::not_found when none.
  [[nodiscard]] virtual expected<idempotency_record> find_idempotency(std::string_view key) const = 0;

  // Stores a projection snapshot durably, replacing the previous one of that
  // name. errc::closed after close(); a failure is returned, not fatal (a
  // snapshot can be taken again from the log).
  [[nodiscard]] virtual status put_snapshot(const snapshot& snap) = 0;

  // The latest snapshot of that name; error::not_found when none was taken.
  [[nodiscard]] virtual expected<snapshot> get_snapshot(std::string_view name) const = 0;

  // Completes every queued append, then refuses new ones with error::closed.
  // Idempotent; the destructor calls it.
  virtual void close() = 0;
};

}  // namespace gridcoord::storage
