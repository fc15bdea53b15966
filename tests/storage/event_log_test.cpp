// Behaviour of every event_store: append, read, read_stream, get, limits,
// close and snapshots, for the memory store and the RocksDB store alike.
#include <catch2/catch.hpp>

#include <latch>

#include "tests/storage/store_fixtures.hpp"

namespace gridcoord::storage::test {
namespace {

std::vector<seq_t> seqs_of(const std::vector<event>& events) {
  std::vector<seq_t> out;
  for (const event& e : events) out.push_back(e.seq);
  return out;
}

}  // namespace

TEMPLATE_TEST_CASE("appended events read back exactly, numbered from 1", "[storage][log]",
                   memory_fixture, rocksdb_fixture) {
  TestType f;
  auto& store = *f.store;
  REQUIRE(store.last_seq() == 0);
  const std::vector<event_draft> first = {draft("a", "{\"n\":1}", -5), draft("b", "{\"n\":2}", 7)};
  const std::vector<event_draft> second = {
      draft("a", std::string("bin\0ary", 7), 1'700'000'000'000'000)};

  const append_result r1 = must_append(store, request_of(first));
  const append_result r2 = must_append(store, request_of(second));

  CHECK((r1.first_seq == 1 && r1.last_seq == 2 && !r1.replayed));
  CHECK((r2.first_seq == 3 && r2.last_seq == 3));
  CHECK(store.last_seq() == 3);
  auto all = store.read(0, 100);
  REQUIRE(all.has_value());
  REQUIRE(all->size() == 3);
  const std::vector<event_draft> drafts = {first[0], first[1], second[0]};
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    const event& e = (*all)[i];
    CHECK(e.seq == i + 1);
    CHECK(event_draft{e.stream, e.type, e.time, e.actor, e.payload} == drafts[i]);
    auto one = store.get(e.seq);
    REQUIRE(one.has_value());
    CHECK(*one == e);
  }
}

TEMPLATE_TEST_CASE("read pages through the log after a given seq", "[storage][log]", memory_fixture,
                   rocksdb_fixture) {
  TestType f;
  std::vector<event_draft> events;
  for (int i = 0; i < 10; ++i) events.push_back(draft("s", std::to_string(i)));
  must_append(*f.store, request_of(events));

  CHECK(seqs_of(*f.store->read(3, 4)) == std::vector<seq_t>{4, 5, 6, 7});
  CHECK(seqs_of(*f.store->read(8, 100)) == std::vector<seq_t>{9, 10});
  CHECK(f.store->read(10, 100)->empty());
  CHECK(f.store->read(0, 0)->empty());
  CHECK(f.store->read(~seq_t{0}, 5)->empty());
}

TEMPLATE_TEST_CASE("read_stream returns only that stream, after `after`, at most `limit`",
                   "[storage][log]", memory_fixture, rocksdb_fixture) {
  TestType f;
  // "a" and "ab" share a prefix: the index must still keep them apart.
  must_append(*f.store, request_of({draft("a", "1"), draft("ab", "2"), draft("a", "3")}));
  must_append(*f.store, request_of({draft("b", "4"), draft("a", "5"), draft("a", "6")}));

  auto a = f.store->read_stream("a", 0, 100);
  REQUIRE(a.has_value());
  CHECK(seqs_of(*a) == std::vector<seq_t>{1, 3, 5, 6});
  for (const event& e : *a) CHECK(e.stream == "a");
  CHECK(seqs_of(*f.store->read_stream("a", 3, 100)) == std::vector<seq_t>{5, 6});
  CHECK(seqs_of(*f.store->read_stream("a", 1, 2)) == std::vector<seq_t>{3, 5});
  CHECK(seqs_of(*f.store->read_stream("ab", 0, 100)) == std::vector<seq_t>{2});
  CHECK(f.store->read_stream("nobody", 0, 100)->empty());
  CHECK(f.store->read_stream("a", 6, 100)->empty());
  CHECK(f.store->read_stream("a", 0, 0)->empty());
}

TEMPLATE_TEST_CASE("get of a seq that was never written is not_found", "[storage][log]",
                   memory_fixture, rocksdb_fixture) {
  TestType f;
  must_append(*f.store, request_of({draft("s", "1")}));
  auto missing = f.store->get(2);
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == errc::not_found);
  CHECK(f.store->get(0).error().code == errc::not_found);
}

TEMPLATE_TEST_CASE("too many events in one append are refused and nothing is written",
                   "[storage][limits]", memory_fixture, rocksdb_fixture) {
  TestType f;
  std::vector<event_draft> events(max_events_per_append + 1, draft("s", "x"));
  auto r = append_and_wait(*f.store, request_of(std::move(events)));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == errc::too_large);
  CHECK(f.store->last_seq() == 0);
  CHECK(f.store->read(0, 10)->empty());
}

TEMPLATE_TEST_CASE("a payload over the limit is refused and nothing of its append is written",
                   "[storage][limits]", memory_fixture, rocksdb_fixture) {
  TestType f;
  auto r = append_and_wait(
      *f.store,
      request_of({draft("s", "fine"), draft("s", std::string(max_payload_bytes + 1, 'x'))},
                 key_record("k")));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == errc::too_large);
  CHECK(f.store->last_seq() == 0);
  CHECK(f.store->read(0, 10)->empty());
  CHECK(f.store->find_idempotency("k").error().code == errc::not_found);
}

TEMPLATE_TEST_CASE("malformed appends are invalid and write nothing", "[storage][limits]",
                   memory_fixture, rocksdb_fixture) {
  TestType f;
  CHECK(append_and_wait(*f.store, request_of({})).error().code == errc::invalid);
  CHECK(append_and_wait(*f.store, request_of({draft("s", "x")}, key_record(""))).error().code ==
        errc::invalid);
  CHECK(append_and_wait(*f.store, request_of({draft(std::string("a\0b", 3), "x")})).error().code ==
        errc::invalid);
  CHECK(f.store->read_stream(std::string("a\0b", 3), 0, 10).error().code == errc::invalid);
  CHECK(f.store->last_seq() == 0);
}

TEMPLATE_TEST_CASE("appends after close complete with closed; queued ones complete first",
                   "[storage][close]", memory_fixture, rocksdb_fixture) {
  TestType f;
  constexpr int queued = 50;
  std::latch done(queued);
  std::vector<std::optional<expected<append_result>>> results(queued);
  for (int i = 0; i < queued; ++i) {
    f.store->append(request_of({draft("s", std::to_string(i))}), [&, i](expected<append_result> r) {
      results[static_cast<std::size_t>(i)] = std::move(r);
      done.count_down();
    });
  }
  f.store->close();
  f.store->close();  // idempotent
  // Every append queued before close() has completed, successfully, by now.
  for (int i = 0; i < queued; ++i) {
    REQUIRE(results[static_cast<std::size_t>(i)].has_value());
    CHECK(results[static_cast<std::size_t>(i)]->has_value());
  }
  done.wait();
  CHECK(f.store->last_seq() == queued);

  auto late = append_and_wait(*f.store, request_of({draft("s", "late")}));
  REQUIRE_FALSE(late.has_value());
  CHECK(late.error().code == errc::closed);
  CHECK(f.store->last_seq() == queued);
  CHECK(f.store->read(0, 100)->size() == queued);  // reads still work
  CHECK(f.store->put_snapshot(snapshot{"p", 1, "d"}).error().code == errc::closed);
}

TEMPLATE_TEST_CASE("a snapshot reads back, is replaced by the next, and is not_found before",
                   "[storage][snapshot]", memory_fixture, rocksdb_fixture) {
  TestType f;
  auto absent = f.store->get_snapshot("capacity");
  REQUIRE_FALSE(absent.has_value());
  CHECK(absent.error().code == errc::not_found);

  REQUIRE(f.store->put_snapshot(snapshot{"capacity", 10, "{\"v\":1}"}).has_value());
  REQUIRE(f.store->put_snapshot(snapshot{"other", 3, "o"}).has_value());
  auto got = f.store->get_snapshot("capacity");
  REQUIRE(got.has_value());
  CHECK((got->name == "capacity" && got->seq == 10 && got->data == "{\"v\":1}"));

  REQUIRE(f.store->put_snapshot(snapshot{"capacity", 20, std::string("v\0 2", 4)}).has_value());
  got = f.store->get_snapshot("capacity");
  REQUIRE(got.has_value());
  CHECK((got->seq == 20 && got->data == std::string("v\0 2", 4)));
  CHECK(f.store->get_snapshot("other")->seq == 3);
}

}  // namespace gridcoord::storage::test
