// fuzz/storage_record.cpp — the event store's records, as read back from disk.
//
// Input: a first byte choosing what the rest is, then its bytes, as RocksDB
// hands them to storage/detail/encoding.hpp (docs/storage.md):
//   0 an "events" value (decode_event; format 1 and 2)   1 an "events" key (decode_seq)
//   2 an "idempotency" value (decode_idempotency)         3 a "projections" value (decode_snapshot)
//   4 a "streams" key of stream "outage/17" (decode_stream_key)
// (the byte taken modulo 5). A damaged record must be errc::corruption, never
// a crash. Checks: what decodes encodes back to a record that decodes to the
// same value (keys: to the same bytes).
#include <string>
#include <string_view>

#include "fuzz/fuzz_target.hpp"
#include "storage/detail/encoding.hpp"

namespace {

namespace storage = gridcoord::storage;
namespace detail = gridcoord::storage::detail;
using gridcoord::fuzz::check;

void event_value(std::string_view value) {
  auto e = detail::decode_event(42, value);
  if (!e) return;
  storage::event_draft draft{e->stream, e->type, e->time, e->actor, e->payload, e->origin};
  auto again = detail::decode_event(42, detail::encode_event(draft));
  check(again && *again == *e, "an event does not read back as it was encoded");
}

void idempotency_value(std::string_view value) {
  auto r = detail::decode_idempotency("key-1", value);
  if (!r) return;
  auto again = detail::decode_idempotency("key-1", detail::encode_idempotency(*r));
  check(again && *again == *r, "an idempotency record does not read back as it was encoded");
}

void snapshot_value(std::string_view value) {
  auto s = detail::decode_snapshot("projection", value);
  if (!s) return;
  auto again = detail::decode_snapshot("projection", detail::encode_snapshot(*s));
  check(again && again->name == s->name && again->seq == s->seq && again->data == s->data,
        "a snapshot does not read back as it was encoded");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto bytes = gridcoord::fuzz::as_text(data + 1, size - 1);
  switch (data[0] % 5) {
    case 0:
      event_value(bytes);
      break;
    case 1:
      if (auto seq = detail::decode_seq(bytes)) check(detail::encode_seq(*seq) == bytes, "a seq key is not canonical");
      break;
    case 2:
      idempotency_value(bytes);
      break;
    case 3:
      snapshot_value(bytes);
      break;
    default:
      if (auto seq = detail::decode_stream_key("outage/17", bytes))
        check(detail::stream_key("outage/17", *seq) == bytes, "a stream key is not canonical");
      break;
  }
  return 0;
}
