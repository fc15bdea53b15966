#pragma once
// storage/memory_store.hpp — in-memory stand-ins for event_store, for tests.
//
// memory_store keeps everything in RAM and completes each append inline, on
// the caller's thread. faulty_store wraps another store and fails chosen
// operations, to drive error paths in tests.
// [Threading] Both are safe to call from any thread (one mutex).
// [Errors]    Both follow event_store's semantics (limits, idempotency, closed).
//             A faulty_store's injected failures complete inline with
//             `plan.code`; fail_reads fails read, read_stream, get,
//             find_idempotency and get_snapshot; writes of snapshots pass through.
#include <atomic>
#include <memory>

#include "storage/event_store.hpp"

namespace gridcoord::storage {

[[nodiscard]] std::unique_ptr<event_store> make_memory_store();

// Which operations a faulty_store fails, and with what.
struct fault_plan {
  // Appends passed to the inner store before failures start; -1 never fails.
  std::atomic<int> fail_appends_after{-1};
  std::atomic<bool> fail_reads{false};
  errc code = errc::io;
};

// `plan` must outlive the returned store.
[[nodiscard]] std::unique_ptr<event_store> make_faulty_store(std::unique_ptr<event_store> inner,
                                                             fault_plan& plan);

}  // namespace gridcoord::storage
