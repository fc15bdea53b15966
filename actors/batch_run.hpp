#pragma once
// actors/batch_run.hpp — how the coordinator runs a batch (POST /v1/batch).
//
//   1. Routing: each report is sent by the department that sends its kind.
//   2. With an idempotency key, a stored receipt answers (same body: replay;
//      another body: conflict) and nothing runs.
//   3. Prepare: every participant (the departments whose reports or inbox the
//      batch changes, the security actor for tokens) gets its operations, in
//      batch order, in one batch_prepare; all are asked at once.
//   4. When all have answered: if any operation failed, every participant is
//      told batch_abort and the caller gets every failure at once
//      (domain/batch.hpp). Otherwise the events of all operations go to the log
//      as one append request — one atomic, fsynced write — with the batch's
//      idempotency record; then batch_commit to every participant, deliveries
//      to the recipients of each report, and the receipt.
//   A failed append aborts the batch: nothing was written, nothing applied.
// [Threading] Runs inside the coordinator; every step is a message reply.
// [Errors]    As client::run_batch (actors/client.hpp).
#include <caf/typed_event_based_actor.hpp>

#include "actors/coordinator_actor.hpp"

namespace gridcoord::actors {

caf::result<batch_receipt> run_batch(coordinator_pointer self, batch_submission& batch);

}  // namespace gridcoord::actors
