// The on-disk encoding (docs/storage.md): round trips, ordering, and
// corruption on anything it cannot read.
#include <catch2/catch.hpp>

#include "storage/detail/encoding.hpp"
#include "tests/storage/store_fixtures.hpp"

namespace gridcoord::storage::test {

TEST_CASE("event keys sort in sequence order", "[storage][encoding]") {
  CHECK(detail::encode_seq(255) < detail::encode_seq(256));
  CHECK(detail::encode_seq(1) < detail::encode_seq(1ull << 40));
  CHECK(detail::encode_seq(0x0102030405060708ull) ==
        std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8));
  CHECK(*detail::decode_seq(detail::encode_seq(123456789)) == 123456789);
  CHECK(detail::decode_seq("short").error().code == errc::corruption);
}

TEST_CASE("a stream's index keys sort by seq and stay below the next stream's",
          "[storage][encoding]") {
  CHECK(detail::stream_key("a", 2) < detail::stream_key("a", 300));
  CHECK(detail::stream_key("a", ~seq_t{0}) < detail::stream_upper_bound("a"));
  CHECK(detail::stream_upper_bound("a") < detail::stream_key("ab", 1));
  CHECK(detail::stream_upper_bound("a") <= detail::stream_key("a\x01", 1));
  CHECK(*detail::decode_stream_key("a", detail::stream_key("a", 77)) == 77);
  CHECK(detail::decode_stream_key("a", detail::stream_key("ab", 77)).error().code ==
        errc::corruption);
}

TEST_CASE("events, idempotency records and snapshots survive their encoding",
          "[storage][encoding]") {
  const event_draft d = draft("report/m1", std::string("{\"x\":\"\0\xff\"}", 10), -42);
  auto e = detail::decode_event(9, detail::encode_event(d));
  REQUIRE(e.has_value());
  CHECK(*e == event{9, d.stream, d.type, d.time, d.actor, d.payload});

  const idempotency_record rec{"key", "hash", std::string(300, 'r'), 17};
  CHECK(*detail::decode_idempotency("key", detail::encode_idempotency(rec)) == rec);

  const snapshot snap{"cap", 5, std::string(100'000, 's')};
  auto back = detail::decode_snapshot("cap", detail::encode_snapshot(snap));
  REQUIRE(back.has_value());
  CHECK((back->name == "cap" && back->seq == 5 && back->data == snap.data));
}

TEST_CASE("truncated, extended or mistagged values decode as corruption", "[storage][encoding]") {
  const std::string good = detail::encode_event(draft("s", "payload"));
  for (std::size_t cut = 0; cut < good.size(); ++cut) {
    CHECK(detail::decode_event(1, good.substr(0, cut)).error().code == errc::corruption);
  }
  CHECK(detail::decode_event(1, good + "x").error().code == errc::corruption);
  CHECK(detail::decode_event(1, detail::encode_snapshot(snapshot{"s", 1, "d"})).error().code ==
        errc::corruption);
  CHECK(detail::decode_idempotency("k", good).error().code == errc::corruption);
  CHECK(detail::decode_snapshot("s", good).error().code == errc::corruption);
}

}  // namespace gridcoord::storage::test
