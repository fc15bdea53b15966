#pragma once
// actors/error.hpp — domain::error <-> caf::error, and storage errors.
//
// Actors answer failures as caf::error in category "gridcoord" whose context
// holds the whole domain::error (message and every validation issue), so the
// caller gets back exactly what the handler said. CAF's own errors (a request
// timeout, a dead actor) become errc::unavailable.
#include <caf/error.hpp>

#include "domain/error.hpp"
#include "storage/error.hpp"

namespace gridcoord::actors {

caf::error to_caf(domain::error e);
caf::error to_caf(domain::errc code, std::string message);
domain::error to_domain(const caf::error& e);

// errc::conflict: Idempotency-Key `key` was first used for another request.
caf::error idempotency_conflict(std::string_view key);

// What a client is told about a storage failure.
domain::error to_domain(const storage::error& e);

}  // namespace gridcoord::actors
