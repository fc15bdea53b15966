#include "storage/detail/batch_plan.hpp"

#include <string>
#include <unordered_map>

#include "storage/detail/encoding.hpp"

namespace gridcoord::storage::detail {
namespace {

// Keys accepted earlier in this batch -> index into batch_plan::writes.
using seen_keys = std::unordered_map<std::string, std::size_t>;

expected<std::optional<idempotency_record>> find_existing(const std::string& key,
                                                          const batch_plan& plan,
                                                          const seen_keys& seen,
                                                          const idempotency_lookup& lookup) {
  if (auto it = seen.find(key); it != seen.end()) return plan.writes[it->second].record;
  return lookup(key);
}

append_result add_write(const append_request& request, batch_plan& plan, seen_keys& seen) {
  planned_write write{&request, 0, request.idempotency};
  const std::size_t n = request.events.size();
  append_result result;
  if (n > 0) {
    write.first_seq = plan.last_seq + 1;
    plan.last_seq += n;
    plan.events += n;
    result.first_seq = write.first_seq;
    result.last_seq = plan.last_seq;
  }
  if (write.record) {
    write.record->first_seq = write.first_seq;
    seen.emplace(write.record->key, plan.writes.size());
  }
  plan.writes.push_back(std::move(write));
  return result;
}

expected<append_result> plan_one(const append_request& request, batch_plan& plan, seen_keys& seen,
                                 const idempotency_lookup& lookup) {
  if (status ok = check_request(request); !ok) return gridcoord::unexpected{ok.error()};
  if (request.idempotency) {
    auto existing = find_existing(request.idempotency->key, plan, seen, lookup);
    if (!existing) return gridcoord::unexpected{existing.error()};
    if (*existing) return append_result{0, 0, true, std::move(*existing)};
  }
  return add_write(request, plan, seen);
}

}  // namespace

status check_request(const append_request& request) {
  if (request.events.empty() && !request.idempotency) {
    return fail(errc::invalid, "an append needs events or an idempotency key");
  }
  if (request.idempotency && request.idempotency->key.empty()) {
    return fail(errc::invalid, "empty idempotency key");
  }
  if (request.events.size() > max_events_per_append) {
    return fail(errc::too_large, std::to_string(request.events.size()) + " events in one append");
  }
  for (const event_draft& e : request.events) {
    if (e.payload.size() > max_payload_bytes) {
      return fail(errc::too_large, std::to_string(e.payload.size()) + " bytes of payload");
    }
    if (!valid_stream_name(e.stream)) return fail(errc::invalid, "stream name contains NUL");
  }
  return {};
}

batch_plan plan_batch(std::span<const append_request* const> requests, seq_t last_seq,
                      const idempotency_lookup& lookup) {
  batch_plan plan;
  plan.last_seq = last_seq;
  plan.writes.reserve(requests.size());
  plan.results.reserve(requests.size());
  seen_keys seen;
  for (const append_request* request : requests) {
    plan.results.push_back(plan_one(*request, plan, seen, lookup));
  }
  return plan;
}

}  // namespace gridcoord::storage::detail
