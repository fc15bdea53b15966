#pragma once
// actors/detail/receipt_codec.hpp — what an idempotency record keeps, so that a
// replayed request answers as the first one did.
//
// A receipt is stored before its events are written, so it holds no sequence
// numbers: decoding takes them from the record (idempotency_record::first_seq,
// filled in by the store) — a single report is that one event; each batch
// operation keeps its event's offset within the batch. Token secrets are never
// stored: a replayed create_token answers its record with an empty secret.
// [Errors] decode_* answers errc::internal for a record that is not such a
//          receipt (a key reused by another kind of request is told apart by
//          its request hash before decoding).
#include <cstdint>
#include <string>
#include <vector>

#include "actors/client.hpp"
#include "domain/error.hpp"
#include "storage/event_store.hpp"

namespace gridcoord::actors::detail {

std::string encode_receipt(const submit_receipt& r);
[[nodiscard]] domain::expected<submit_receipt> decode_receipt(const storage::idempotency_record& rec);

// An equipment import: its summary and time; the seq is the record's first_seq.
std::string encode_receipt(const equipment_receipt& r);
[[nodiscard]] domain::expected<equipment_receipt> decode_equipment_receipt(const storage::idempotency_record& rec);

inline constexpr std::int64_t no_event = -1;

// `offsets[i]` is the index of operation i's event among the batch's events,
// or no_event.
std::string encode_batch_receipt(const batch_receipt& r, const std::vector<std::int64_t>& offsets);
[[nodiscard]] domain::expected<batch_receipt> decode_batch_receipt(const storage::idempotency_record& rec);

}  // namespace gridcoord::actors::detail
