#pragma once
// tests/storage/store_fixtures.hpp — the stores under test and small helpers.
//
// Behavioural tests are TEMPLATE_TEST_CASEs over memory_fixture and
// rocksdb_fixture, so both stores are held to the same semantics.
#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/memory_store.hpp"
#include "storage/rocksdb_store.hpp"
#include "tests/support/temp_dir.hpp"

namespace gridcoord::storage::test {

inline event_draft draft(std::string stream, std::string payload, std::int64_t micros = 1'000) {
  return event_draft{std::move(stream), "test.happened",
                     time_point(std::chrono::microseconds(micros)), "tester", std::move(payload)};
}

inline append_request request_of(std::vector<event_draft> events,
                                 std::optional<idempotency_record> key = std::nullopt) {
  return append_request{std::move(events), std::move(key)};
}

inline idempotency_record key_record(std::string key, std::string hash = "h1",
                                     std::string result = "{\"ok\":true}") {
  return idempotency_record{std::move(key), std::move(hash), std::move(result), 0};
}

// Appends and waits for the completion (a future: no sleeping).
inline expected<append_result> append_and_wait(event_store& store, append_request request) {
  std::promise<expected<append_result>> done;
  auto result = done.get_future();
  store.append(std::move(request),
               [&done](expected<append_result> r) { done.set_value(std::move(r)); });
  return result.get();
}

// The result of a successful append; fails the test otherwise.
inline append_result must_append(event_store& store, append_request request) {
  auto r = append_and_wait(store, std::move(request));
  INFO((r ? std::string() : r.error().message));
  REQUIRE(r.has_value());
  return *r;
}

inline rocksdb_options test_options(const std::string& path) {
  rocksdb_options o;
  o.path = path;
  return o;
}

inline std::unique_ptr<event_store> must_open(rocksdb_options options) {
  auto opened = open_rocksdb_store(std::move(options));
  INFO((opened ? std::string() : opened.error().message));
  REQUIRE(opened.has_value());
  return std::move(*opened);
}

struct memory_fixture {
  static constexpr bool durable = false;
  std::unique_ptr<event_store> store = make_memory_store();
};

struct rocksdb_fixture {
  static constexpr bool durable = true;
  gridcoord::testing::temp_dir dir;
  std::unique_ptr<event_store> store = must_open(test_options(dir.str()));

  // Destroys the store (closing the database) and opens the same directory.
  void reopen(rocksdb_options options) {
    store.reset();
    options.path = dir.str();
    store = must_open(std::move(options));
  }
  void reopen() { reopen(rocksdb_options{}); }
};

}  // namespace gridcoord::storage::test
