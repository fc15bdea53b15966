#pragma once
// storage/detail/encoding.hpp — the byte layout of keys and values on disk.
//
// The layout is documented in docs/storage.md; change both together, and bump
// `format_version` for any change an older build could not read.
// [Threading] Pure functions; safe from any thread.
// [Errors]    Decoders return errc::corruption for bytes they cannot read
//             (wrong length, unknown tag, truncated field, trailing bytes).
// [Limits]    A stream name must not contain '\0' (it ends the stream part of
//             a stream index key); see valid_stream_name().
#include <string>
#include <string_view>

#include "storage/event_store.hpp"

namespace gridcoord::storage::detail {

// The meta record, in the default column family.
inline constexpr std::string_view format_version_key = "format_version";
// "2" added the event's origin (tag event_v2_tag); a format "1" store is read
// as it is and its version raised to "2" when opened (docs/storage.md).
inline constexpr std::string_view format_version = "2";
inline constexpr std::string_view previous_format_version = "1";

// First byte of each value kind; a value with another first byte is corrupt.
inline constexpr char event_tag = '\x01';
inline constexpr char idempotency_tag = '\x02';
inline constexpr char snapshot_tag = '\x03';
inline constexpr char event_v2_tag = '\x04';  // event with origin; event_tag is format 1's

// "events" key: the sequence number as 8 bytes, big-endian, so that byte order
// is sequence order.
[[nodiscard]] std::string encode_seq(seq_t seq);
[[nodiscard]] expected<seq_t> decode_seq(std::string_view key);

[[nodiscard]] bool valid_stream_name(std::string_view stream) noexcept;

// "streams" key: stream + '\0' + big-endian seq; the value is empty.
[[nodiscard]] std::string stream_key(std::string_view stream, seq_t seq);
// The smallest key greater than every key of `stream` (stream + '\1').
[[nodiscard]] std::string stream_upper_bound(std::string_view stream);
// The seq at the end of a stream index key of `stream`.
[[nodiscard]] expected<seq_t> decode_stream_key(std::string_view stream, std::string_view key);

// "events" value: written as event_v2_tag; format 1's event_tag read with an empty origin.
[[nodiscard]] std::string encode_event(const event_draft& draft);
[[nodiscard]] expected<event> decode_event(seq_t seq, std::string_view value);

// "idempotency" value (the key is the record's key).
[[nodiscard]] std::string encode_idempotency(const idempotency_record& record);
[[nodiscard]] expected<idempotency_record> decode_idempotency(std::string_view key,
                                                              std::string_view value);

// "projections" value (the key is the snapshot's name).
[[nodiscard]] std::string encode_snapshot(const snapshot& snap);
[[nodiscard]] expected<snapshot> decode_snapshot(std::string_view name, std::string_view value);

}  // namespace gridcoord::storage::detail
