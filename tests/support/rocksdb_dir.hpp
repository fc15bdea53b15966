#pragma once
// tests/support/rocksdb_dir.hpp — the RocksDB event store in a test's
// directory, opened while no runtime holds it (to read or doctor a snapshot
// between two starts).
#include <memory>

#include <catch2/catch.hpp>

#include "storage/rocksdb_store.hpp"
#include "tests/support/temp_dir.hpp"

namespace gridcoord::testing {

inline std::unique_ptr<storage::event_store> open_store(const temp_dir& dir) {
  storage::rocksdb_options o;
  o.path = dir.path().string();
  auto store = storage::open_rocksdb_store(std::move(o));
  REQUIRE(store);
  return std::move(*store);
}

}  // namespace gridcoord::testing
