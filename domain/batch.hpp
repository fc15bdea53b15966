#pragma once
// domain/batch.hpp — how a batch that cannot be applied is reported.
//
// A batch (POST /v1/batch) is applied whole or not at all, so when operations
// fail the caller gets one error naming every failing operation at once: each
// detail's `row` is the operation's 1-based position in the batch, its field
// the bad field inside the operation ("rows[3].demand_kw", "role", ""), and its
// rule and reason the operation's own. An operation that failed without details
// gets one detail with its message and the rule not_permitted (forbidden),
// not_found, or else operation_failed.
// [Limits] max_batch_operations operations per batch.
#include <cstddef>
#include <vector>

#include "domain/error.hpp"

namespace gridcoord::domain {

inline constexpr std::size_t max_batch_operations = 1000;

struct operation_failure {
  std::size_t position = 0;  // 0-based place in the batch
  error failure;
};

// REQUIRES: !failures.empty(), in position order. The code is that of the
// first failure; the message counts them and says nothing was written.
error combine_failures(const std::vector<operation_failure>& failures, std::size_t operations);

}  // namespace gridcoord::domain
