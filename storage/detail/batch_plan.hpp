#pragma once
// storage/detail/batch_plan.hpp — what one group-commit batch will write.
//
// The decision logic every store shares: check each request against the
// limits, resolve its idempotency key (stored earlier, or earlier in the same
// batch) and assign sequence numbers in request order. It writes nothing.
// [Threading] Not synchronised: the caller owns the inputs (the writer thread,
//             or the memory store under its mutex).
// [Errors]    Per request, in `results`: errc::too_large beyond the limits of
//             event_store.hpp; errc::invalid for a request with neither events
//             nor key, an empty key, or a stream name containing '\0'; a failed
//             lookup's own error. Other requests of the batch are unaffected.
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "storage/event_store.hpp"

namespace gridcoord::storage::detail {

// One accepted request: its events become [first_seq, first_seq + size).
struct planned_write {
  const append_request* request = nullptr;
  seq_t first_seq = 0;                       // 0 when the request has no events
  std::optional<idempotency_record> record;  // to store, with first_seq filled in
};

struct batch_plan {
  std::vector<planned_write> writes;             // accepted requests, in seq order
  std::vector<expected<append_result>> results;  // one per request, in request order
  seq_t last_seq = 0;                            // the highest seq once written
  std::size_t events = 0;                        // events the batch writes
};

// The stored idempotency record under `key`, or nullopt when there is none.
using idempotency_lookup =
    std::function<expected<std::optional<idempotency_record>>(std::string_view key)>;

// errc::too_large or errc::invalid for a request that can never be written.
[[nodiscard]] status check_request(const append_request& request);

// Plans `requests` (in queue order) on top of a log whose last seq is `last_seq`.
[[nodiscard]] batch_plan plan_batch(std::span<const append_request* const> requests, seq_t last_seq,
                                    const idempotency_lookup& lookup);

}  // namespace gridcoord::storage::detail
