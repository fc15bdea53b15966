// Durability across restarts: what was acknowledged is back after reopening,
// and a damaged log is refused rather than silently truncated.
#include <catch2/catch.hpp>

#include <filesystem>

#include "storage/detail/encoding.hpp"
#include "tests/storage/raw_rocksdb.hpp"
#include "tests/storage/store_fixtures.hpp"

namespace gridcoord::storage::test {
namespace {

// Writes `count` events of about `payload_size` bytes, `per_append` at a time.
void write_events(event_store& store, int count, int per_append, std::size_t payload_size = 16) {
  for (int first = 1; first <= count; first += per_append) {
    std::vector<event_draft> events;
    for (int n = first; n < first + per_append && n <= count; ++n) {
      std::string payload = "{\"n\":" + std::to_string(n) + "}";
      payload.resize(std::max(payload.size(), payload_size), ' ');
      events.push_back(draft("stream/" + std::to_string(n % 3), payload, n));
    }
    must_append(store, request_of(std::move(events)));
  }
}

error open_error(const std::string& path) {
  auto opened = open_rocksdb_store(test_options(path));
  REQUIRE_FALSE(opened.has_value());
  return opened.error();
}

}  // namespace

TEST_CASE("a reopened store has every event, its last seq and its idempotency records",
          "[storage][reopen]") {
  rocksdb_fixture f;
  write_events(*f.store, 30, 7);
  must_append(*f.store, request_of({draft("keyed", "k")}, key_record("key-1", "h", "r")));
  REQUIRE(f.store->put_snapshot(snapshot{"p", 31, "state"}).has_value());
  auto before = f.store->read(0, 1000);
  REQUIRE(before.has_value());

  f.reopen();

  CHECK(f.store->last_seq() == 31);
  auto after = f.store->read(0, 1000);
  REQUIRE(after.has_value());
  CHECK(*after == *before);
  CHECK(f.store->read_stream("stream/1", 0, 1000)->size() == 10);
  CHECK(*f.store->find_idempotency("key-1") == idempotency_record{"key-1", "h", "r", 31});
  CHECK(f.store->get_snapshot("p")->data == "state");
  CHECK(must_append(*f.store, request_of({draft("keyed", "again")}, key_record("key-1"))).replayed);
  CHECK(must_append(*f.store, request_of({draft("s", "next")})).first_seq == 32);
}

TEST_CASE("replay from a snapshot reads exactly the tail, page by page", "[storage][snapshot]") {
  rocksdb_fixture f;
  write_events(*f.store, 1000, 100);
  REQUIRE(f.store->put_snapshot(snapshot{"capacity", 600, "{\"through\":600}"}).has_value());

  f.reopen();

  auto snap = f.store->get_snapshot("capacity");
  REQUIRE(snap.has_value());
  CHECK(snap->data == "{\"through\":600}");
  seq_t next = snap->seq + 1;
  std::size_t pages = 0;
  for (seq_t after = snap->seq;;) {
    auto page = f.store->read(after, 100);
    REQUIRE(page.has_value());
    if (page->empty()) break;
    CHECK(page->size() <= 100);
    ++pages;
    for (const event& e : *page) {
      REQUIRE(e.seq == next);
      CHECK(e.payload.starts_with("{\"n\":" + std::to_string(e.seq) + "}"));
      ++next;
    }
    after = page->back().seq;
  }
  CHECK(next == 1001);
  CHECK(pages == 4);
}

TEST_CASE("a store with an unknown format version refuses to open with corruption",
          "[storage][corruption]") {
  gridcoord::testing::temp_dir dir;
  must_append(*must_open(test_options(dir.str())), request_of({draft("s", "x")}));
  REQUIRE(put_raw(dir.str(), rocksdb::kDefaultColumnFamilyName,
                  std::string(detail::format_version_key), "99"));

  const error e = open_error(dir.str());
  CHECK(e.code == errc::corruption);
  CHECK_THAT(e.message, Catch::Contains("99"));
}

TEST_CASE("an event log without a format version refuses to open with corruption",
          "[storage][corruption]") {
  gridcoord::testing::temp_dir dir;
  REQUIRE(
      put_raw(dir.str(), "events", detail::encode_seq(1), detail::encode_event(draft("s", "x"))));
  CHECK(open_error(dir.str()).code == errc::corruption);
}

TEST_CASE("a damaged write-ahead log refuses to open with corruption", "[storage][corruption]") {
  gridcoord::testing::temp_dir dir;
  {
    auto store = must_open(test_options(dir.str()));
    write_events(*store, 200, 1, 512);
  }  // closed with every event in the WAL only
  REQUIRE(damage_files(dir.path(), ".log") >= 1);

  CHECK(open_error(dir.str()).code == errc::corruption);
}

TEST_CASE("a torn last record in the write-ahead log loses only that unacknowledged write",
          "[storage][corruption]") {
  gridcoord::testing::temp_dir dir;
  {
    auto store = must_open(test_options(dir.str()));
    write_events(*store, 20, 1, 512);
  }
  // A crash in the middle of the last write leaves a short file (simulated
  // here by cutting the log inside its last record).
  int torn = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    if (entry.path().extension() != ".log") continue;
    const auto size = std::filesystem::file_size(entry.path());
    if (size < 100) continue;
    std::filesystem::resize_file(entry.path(), size - 100);
    ++torn;
  }
  REQUIRE(torn == 1);

  auto store = must_open(test_options(dir.str()));
  CHECK(store->last_seq() == 19);
  CHECK(store->read(0, 100)->size() == 19);
}

TEST_CASE("a damaged table file is reported as corruption, not skipped", "[storage][corruption]") {
  gridcoord::testing::temp_dir dir;
  {
    auto store = must_open(test_options(dir.str()));
    write_events(*store, 400, 50, 1024);
  }
  must_open(test_options(dir.str())).reset();  // recovery flushes the WAL into table files
  REQUIRE(damage_files(dir.path(), ".sst") >= 1);

  auto reopened = open_rocksdb_store(test_options(dir.str()));
  if (!reopened) {
    CHECK(reopened.error().code == errc::corruption);
  } else {
    auto all = (*reopened)->read(0, 1000);
    REQUIRE_FALSE(all.has_value());
    CHECK(all.error().code == errc::corruption);
  }
}

TEST_CASE("an event value that does not decode reads as corruption", "[storage][corruption]") {
  rocksdb_fixture f;
  write_events(*f.store, 3, 3);
  f.store.reset();
  REQUIRE(put_raw(f.dir.str(), "events", detail::encode_seq(2), "\x01garbage"));
  f.store = must_open(test_options(f.dir.str()));

  CHECK(f.store->get(2).error().code == errc::corruption);
  CHECK(f.store->read(0, 10).error().code == errc::corruption);
  CHECK(f.store->read_stream("stream/2", 0, 10).error().code == errc::corruption);
  CHECK(f.store->get(3).has_value());
}

TEST_CASE("a format 1 store opens, reads its events with no origin, and takes new ones with one",
          "[storage][format]") {
  gridcoord::testing::temp_dir dir;
  // A format-1 event is today's encoding with tag 0x01 and without the origin
  // field (an empty origin is its last byte, a zero length).
  auto v2 = detail::encode_event(draft("s", R"({"old":true})"));
  REQUIRE(v2.back() == '\0');
  std::string v1 = std::string(1, detail::event_tag) + v2.substr(1, v2.size() - 2);
  REQUIRE(put_raw(dir.str(), rocksdb::kDefaultColumnFamilyName, std::string(detail::format_version_key), "1"));
  REQUIRE(put_raw(dir.str(), "events", detail::encode_seq(1), v1));
  REQUIRE(put_raw(dir.str(), "streams", detail::stream_key("s", 1), ""));
  {
    auto store = must_open(test_options(dir.str()));
    REQUIRE(store->last_seq() == 1);
    auto old = store->get(1);
    REQUIRE(old);
    CHECK(old->payload == R"({"old":true})");
    CHECK(old->origin.empty());
    auto fresh = draft("s", R"({"new":true})");
    fresh.origin = R"({"remote":"10.1.2.3"})";
    must_append(*store, request_of({fresh}));
  }
  auto store = must_open(test_options(dir.str()));
  auto both = store->read_stream("s", 0, 10);
  REQUIRE(both);
  REQUIRE(both->size() == 2);
  CHECK((*both)[1].origin == R"({"remote":"10.1.2.3"})");
}

}  // namespace gridcoord::storage::test
