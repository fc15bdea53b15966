// The event log's push to the projections (actors/event_feed.hpp): batches in
// sequence order, one wake-up per empty-to-holding change, waiters run once,
// and a follower that reads the store only for what came before its feed and
// for gaps in it (events stored but never published) — so following the log
// costs the same with 100,000 events of history as with 1,000, and nothing
// committed is skipped.
#include <catch2/catch.hpp>

#include <future>

#include "actors/event_feed.hpp"
#include "storage/memory_store.hpp"
#include "tests/support/scripted_store.hpp"

using namespace gridcoord;
using namespace gridcoord::actors;

namespace {

storage::event event_at(std::uint64_t seq) {
  return {seq, "s/" + std::to_string(seq), "test.event", {}, "tester", "{}", ""};
}

committed_batch batch_of(std::uint64_t first, std::uint64_t last) {
  auto out = std::make_shared<std::vector<storage::event>>();
  for (auto seq = first; seq <= last; ++seq) out->push_back(event_at(seq));
  return out;
}

// Appends `n` events to `store`, in pages of 1,000.
void append_events(storage::event_store& store, std::uint64_t n) {
  for (std::uint64_t done = 0; done < n;) {
    storage::append_request req;
    for (; done < n && req.events.size() < 1000; ++done) req.events.push_back({"s", "test.event", {}, "tester", "{}", ""});
    std::promise<void> written;
    store.append(std::move(req), [&](auto r) {
      REQUIRE(r);
      written.set_value();
    });
    written.get_future().wait();
  }
}

// A store holding `n` events.
std::unique_ptr<storage::event_store> store_with(std::uint64_t n) {
  auto store = storage::make_memory_store();
  append_events(*store, n);
  return store;
}

}  // namespace

TEST_CASE("a feed holds what was published in order and says so once until it is taken", "[actors][feed]") {
  log_publisher log(0);
  int readies = 0;
  auto feed = log.subscribe([&] { ++readies; });
  log.publish(batch_of(1, 2));
  log.publish(batch_of(3, 3));
  CHECK(readies == 1);
  CHECK(feed->waiting_events() == 3);
  auto taken = feed->take();
  REQUIRE(taken.size() == 2);
  CHECK(taken[0]->front().seq == 1);
  CHECK(taken[1]->front().seq == 3);
  CHECK(feed->waiting_events() == 0);
  log.publish(batch_of(4, 4));
  CHECK(readies == 2);
  CHECK(log.last_seq() == 4);
}

TEST_CASE("a feed subscribed later starts after what was published before it", "[actors][feed]") {
  log_publisher log(10);
  log.publish(batch_of(11, 12));
  auto feed = log.subscribe({});
  CHECK(feed->start_seq() == 12);
  CHECK(feed->take().empty());
  log.publish(batch_of(13, 13));
  CHECK(feed->take().at(0)->front().seq == 13);
}

TEST_CASE("a waiter runs once when the log passes its position and not after it is cancelled", "[actors][feed]") {
  log_publisher log(5);
  int now = 0, later = 0, cancelled = 0;
  CHECK(log.when_after(4, [&] { ++now; }) == 0);  // the log holds 5 already
  CHECK(now == 1);
  auto id = log.when_after(5, [&] { ++later; });
  auto gone = log.when_after(5, [&] { ++cancelled; });
  CHECK(id != 0);
  CHECK(log.waiters() == 2);
  log.cancel(gone);
  log.publish(batch_of(6, 6));
  log.publish(batch_of(7, 7));
  CHECK(later == 1);
  CHECK(cancelled == 0);
  CHECK(log.waiters() == 0);
}

TEST_CASE("a follower reads the store for what came before its feed, then only its feed", "[actors][feed]") {
  auto store = store_with(2500);
  log_publisher log(store->last_seq());
  log_follower follower(store.get(), log.subscribe({}));
  log.publish(batch_of(2501, 2502));
  std::vector<std::uint64_t> seen;
  auto applied = follower.catch_up([&](const storage::event& e) { seen.push_back(e.seq); });
  REQUIRE(applied);
  CHECK(*applied == 2502);
  REQUIRE(seen.size() == 2502);
  for (std::size_t i = 0; i < seen.size(); ++i) REQUIRE(seen[i] == i + 1);  // each once, in order
  CHECK(follower.applied_seq() == 2502);
  auto reads = follower.store_reads();
  CHECK(reads == 3);  // pages of 1,000
  log.publish(batch_of(2503, 2503));
  seen.clear();
  CHECK(*follower.catch_up([&](const storage::event& e) { seen.push_back(e.seq); }) == 1);
  CHECK(seen == std::vector<std::uint64_t>{2503});
  CHECK(follower.store_reads() == reads);
}

TEST_CASE("a follower that resumes from a snapshot skips what it has applied", "[actors][feed]") {
  auto store = store_with(10);
  log_publisher log(store->last_seq());
  log_follower follower(store.get(), log.subscribe({}), 7);
  std::vector<std::uint64_t> seen;
  REQUIRE(follower.catch_up([&](const storage::event& e) { seen.push_back(e.seq); }));
  CHECK(seen == std::vector<std::uint64_t>{8, 9, 10});
}

TEST_CASE("keeping up with the log costs the same with 100,000 events of history as with 1,000", "[actors][feed][history]") {
  // The deterministic stand-in for a timed test: what one write costs a
  // projection that follows the log is counted in store reads and events
  // visited, at two sizes of history.
  auto visits_per_write = [](std::uint64_t history) {
    auto store = store_with(history);
    log_publisher log(store->last_seq());
    log_follower follower(store.get(), log.subscribe({}));
    REQUIRE(follower.catch_up([](const storage::event&) {}));  // the start
    auto reads = follower.store_reads();
    std::uint64_t visited = 0;
    for (std::uint64_t i = 1; i <= 100; ++i) {
      log.publish(batch_of(history + i, history + i));
      auto applied = follower.catch_up([&](const storage::event&) { ++visited; });
      REQUIRE(applied);
    }
    return std::pair{follower.store_reads() - reads, visited};
  };
  auto small = visits_per_write(1000);
  auto large = visits_per_write(100'000);
  CHECK(small == std::pair<std::uint64_t, std::uint64_t>{0, 100});
  CHECK(large == small);
}

TEST_CASE("a follower that lags loses nothing: 10,000 batches taken at once arrive in order", "[actors][feed]") {
  log_publisher log(0);
  log_follower follower(nullptr, log.subscribe({}));
  for (std::uint64_t seq = 1; seq <= 10'000; ++seq) log.publish(batch_of(seq, seq));
  std::uint64_t expected = 1;
  bool in_order = true;
  REQUIRE(follower.catch_up([&](const storage::event& e) { in_order = in_order && e.seq == expected++; }));
  CHECK(in_order);
  CHECK(follower.applied_seq() == 10'000);
}

TEST_CASE("events the log holds but the feed never carried are read from the store before those after them, and a "
          "failed read loses nothing taken",
          "[actors][feed][crash]") {
  // Committed and not pushed: an append whose events were written although
  // its completion said it failed (as a failed fsync can leave them), or a
  // process that wrote and died before it published. The next start reads the
  // store anyway; a running follower sees the gap in sequence numbers.
  testing::scripted_store store(store_with(3));
  log_publisher log(store.last_seq());
  log_follower follower(&store, log.subscribe({}));
  std::vector<std::uint64_t> seen;
  auto record = [&](const storage::event& e) { seen.push_back(e.seq); };
  REQUIRE(follower.catch_up(record));  // 1 to 3, from the store (one read)
  append_events(store, 4);             // events 4 to 7 written ...
  log.publish(batch_of(6, 7));         // ... 4 and 5 never published
  store.fail_reads_from(2);            // the gap's read fails: 6 and 7 are taken from the feed by then
  CHECK_FALSE(follower.catch_up(record));
  CHECK(follower.applied_seq() == 3);
  store.fail_reads_from(0);
  auto applied = follower.catch_up(record);
  REQUIRE(applied);
  CHECK(seen == std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7});
  CHECK(follower.applied_seq() == 7);
  log.publish(batch_of(8, 8));     // (what the test's store does not hold: the feed alone)
  seen.clear();
  auto reads = follower.store_reads();
  REQUIRE(follower.catch_up(record));
  CHECK(seen == std::vector<std::uint64_t>{8});
  CHECK(follower.store_reads() == reads);  // no gap: the store is not read
}
