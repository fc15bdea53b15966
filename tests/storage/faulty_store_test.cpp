// faulty_store: injected failures for the error paths of the store's users.
#include <catch2/catch.hpp>

#include "tests/storage/store_fixtures.hpp"

namespace gridcoord::storage::test {

TEST_CASE("a faulty store fails every append after the first N", "[storage][faulty]") {
  fault_plan plan;
  plan.fail_appends_after = 2;
  plan.code = errc::no_space;
  auto store = make_faulty_store(make_memory_store(), plan);

  CHECK(append_and_wait(*store, request_of({draft("s", "1")})).has_value());
  CHECK(append_and_wait(*store, request_of({draft("s", "2")})).has_value());
  for (int i = 0; i < 3; ++i) {
    auto r = append_and_wait(*store, request_of({draft("s", "more")}));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == errc::no_space);
  }
  CHECK(store->last_seq() == 2);
  CHECK(store->read(0, 10)->size() == 2);
}

TEST_CASE("a faulty store that never fails behaves like its inner store", "[storage][faulty]") {
  fault_plan plan;
  auto store = make_faulty_store(make_memory_store(), plan);
  for (int i = 0; i < 5; ++i)
    CHECK(append_and_wait(*store, request_of({draft("s", "x")})).has_value());
  CHECK(store->last_seq() == 5);
}

TEST_CASE("a faulty store fails reads while told to", "[storage][faulty]") {
  fault_plan plan;
  plan.code = errc::busy;
  auto store = make_faulty_store(make_memory_store(), plan);
  must_append(*store, request_of({draft("s", "1")}, key_record("k")));
  REQUIRE(store->put_snapshot(snapshot{"p", 1, "d"}).has_value());

  plan.fail_reads = true;
  CHECK(store->read(0, 10).error().code == errc::busy);
  CHECK(store->read_stream("s", 0, 10).error().code == errc::busy);
  CHECK(store->get(1).error().code == errc::busy);
  CHECK(store->find_idempotency("k").error().code == errc::busy);
  CHECK(store->get_snapshot("p").error().code == errc::busy);
  CHECK(store->last_seq() == 1);

  plan.fail_reads = false;
  CHECK(store->read(0, 10)->size() == 1);
  CHECK(store->get(1).has_value());
}

}  // namespace gridcoord::storage::test
