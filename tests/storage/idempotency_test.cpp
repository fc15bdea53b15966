// Idempotency keys: a retried request is applied once.
#include <catch2/catch.hpp>

#include <chrono>

#include "tests/storage/store_fixtures.hpp"

namespace gridcoord::storage::test {

TEMPLATE_TEST_CASE("a replayed idempotency key writes nothing and returns the stored record",
                   "[storage][idempotency]", memory_fixture, rocksdb_fixture) {
  TestType f;
  const append_result first = must_append(
      *f.store,
      request_of({draft("s", "1"), draft("s", "2")}, key_record("k1", "hash-a", "res-a")));
  CHECK((first.first_seq == 1 && first.last_seq == 2 && !first.replayed && !first.existing));

  // Same key, different body: the store reports the record; the caller decides.
  const append_result again =
      must_append(*f.store, request_of({draft("s", "other")}, key_record("k1", "hash-b", "res-b")));
  CHECK(again.replayed);
  REQUIRE(again.existing.has_value());
  CHECK(*again.existing == idempotency_record{"k1", "hash-a", "res-a", 1});
  CHECK(f.store->last_seq() == 2);
  CHECK(f.store->read(0, 10)->size() == 2);

  auto stored = f.store->find_idempotency("k1");
  REQUIRE(stored.has_value());
  CHECK(*stored == idempotency_record{"k1", "hash-a", "res-a", 1});
  CHECK(f.store->find_idempotency("k2").error().code == errc::not_found);
}

TEMPLATE_TEST_CASE("a key-only append stores its record without events", "[storage][idempotency]",
                   memory_fixture, rocksdb_fixture) {
  TestType f;
  const append_result r = must_append(*f.store, request_of({}, key_record("only-key")));
  CHECK((r.first_seq == 0 && r.last_seq == 0 && !r.replayed));
  CHECK(f.store->last_seq() == 0);
  CHECK(f.store->find_idempotency("only-key")->first_seq == 0);
  CHECK(must_append(*f.store, request_of({}, key_record("only-key"))).replayed);
}

TEST_CASE("two requests with the same key in one batch: only the first writes",
          "[storage][idempotency][group_commit]") {
  gridcoord::testing::temp_dir dir;
  rocksdb_options options = test_options(dir.str());
  // A window far longer than the test: the batch closes because it is full
  // (two events), which puts both requests in the same batch.
  options.group_commit_window = std::chrono::minutes(1);
  options.max_batch_events = 2;
  auto store = must_open(options);
  const auto started = std::chrono::steady_clock::now();

  std::promise<expected<append_result>> first_done, second_done;
  store->append(request_of({draft("s", "first")}, key_record("k", "h-first")),
                [&](expected<append_result> r) { first_done.set_value(std::move(r)); });
  store->append(request_of({draft("s", "second")}, key_record("k", "h-second")),
                [&](expected<append_result> r) { second_done.set_value(std::move(r)); });
  auto first = first_done.get_future().get();
  auto second = second_done.get_future().get();

  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
  REQUIRE((first.has_value() && second.has_value()));
  CHECK((first->first_seq == 1 && !first->replayed));
  CHECK(second->replayed);
  REQUIRE(second->existing.has_value());
  CHECK(*second->existing == idempotency_record{"k", "h-first", "{\"ok\":true}", 1});
  CHECK(store->last_seq() == 1);
  CHECK(store->read(0, 10)->size() == 1);
  CHECK(stats_of(*store).batches == 1);
  CHECK(stats_of(*store).appends == 2);
}

}  // namespace gridcoord::storage::test
