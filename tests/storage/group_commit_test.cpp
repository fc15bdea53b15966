// Group commit: many appends share one durable write; order and the batching
// knobs hold; a failed write is fatal and acknowledges nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <future>
#include <latch>
#include <mutex>
#include <numeric>
#include <thread>

#include "storage/detail/group_commit.hpp"
#include "tests/storage/store_fixtures.hpp"

namespace gridcoord::storage::test {
namespace {

using namespace std::chrono_literals;

detail::idempotency_lookup no_records() {
  return [](std::string_view) { return expected<std::optional<idempotency_record>>{std::nullopt}; };
}

// What a test's batch_writer saw: requests and events per batch.
struct write_log {
  std::mutex mutex;
  std::vector<std::pair<std::size_t, std::size_t>> batches;
  void add(const detail::batch_plan& plan) {
    std::lock_guard lock(mutex);
    batches.emplace_back(plan.writes.size(), plan.events);
  }
};

std::vector<event_draft> drafts(std::size_t n) {
  return std::vector<event_draft>(n, draft("s", "x"));
}

}  // namespace

TEST_CASE("concurrent appends share batches, stay contiguous and keep per-thread order",
          "[storage][group_commit]") {
  constexpr int threads = 64;
  constexpr int per_thread = 200;
  rocksdb_fixture f;
  std::vector<std::vector<seq_t>> seqs(threads, std::vector<seq_t>(per_thread, 0));
  std::latch done(threads * per_thread);
  std::vector<std::thread> appenders;
  for (int t = 0; t < threads; ++t) {
    appenders.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        const std::string payload = std::to_string(t) + "/" + std::to_string(i);
        f.store->append(request_of({draft("t" + std::to_string(t), payload)}),
                        [&, t, i](expected<append_result> r) {
                          if (r)
                            seqs[static_cast<std::size_t>(t)][static_cast<std::size_t>(i)] =
                                r->first_seq;
                          done.count_down();
                        });
      }
    });
  }
  for (auto& a : appenders) a.join();
  done.wait();

  std::vector<seq_t> all;
  for (const auto& mine : seqs) {
    CHECK(std::find(mine.begin(), mine.end(), seq_t{0}) == mine.end());  // all acknowledged
    CHECK(std::is_sorted(mine.begin(), mine.end()));                     // in call order
    all.insert(all.end(), mine.begin(), mine.end());
  }
  std::sort(all.begin(), all.end());
  std::vector<seq_t> expected_seqs(all.size());
  std::iota(expected_seqs.begin(), expected_seqs.end(), seq_t{1});
  CHECK(all == expected_seqs);
  CHECK(f.store->last_seq() == threads * per_thread);

  const commit_stats stats = stats_of(*f.store);
  CHECK(stats.appends == threads * per_thread);
  CHECK(stats.events == threads * per_thread);
  CHECK(stats.batches < stats.appends);
  CHECK(stats.batches > 0);

  auto events = f.store->read(0, threads * per_thread + 1);
  REQUIRE(events.has_value());
  REQUIRE(events->size() == threads * per_thread);
  for (const event& e : *events) {  // each payload landed at the seq its appender was told
    const auto slash = e.payload.find('/');
    const auto t = std::stoul(e.payload.substr(0, slash));
    const auto i = std::stoul(e.payload.substr(slash + 1));
    CHECK(seqs[t][i] == e.seq);
  }
}

TEST_CASE("a batch is cut at max_batch_events without waiting for the window",
          "[storage][group_commit]") {
  write_log log;
  std::latch writing(1), release(1);
  bool first = true;
  detail::group_commit commit(
      {1min, 10, [](const error&) {}}, no_records(),
      [&](const detail::batch_plan& plan) {
        log.add(plan);
        if (std::exchange(first, false)) {
          writing.count_down();
          release.wait();  // hold the writer while more requests queue
        }
        return status{};
      },
      0);
  const auto started = std::chrono::steady_clock::now();
  std::latch done(16);
  std::vector<seq_t> firsts;
  std::mutex firsts_mutex;
  auto record = [&](expected<append_result> r) {  // on the writer thread: no REQUIRE here
    std::lock_guard lock(firsts_mutex);
    firsts.push_back(r ? r->first_seq : 0);
    done.count_down();
  };
  commit.submit(request_of(drafts(10)), record);  // full at once: written without waiting
  writing.wait();
  for (int i = 0; i < 15; ++i) commit.submit(request_of(drafts(1)), record);
  release.count_down();
  commit.close();  // the last 5 form a batch below the limit: close() must not wait the window
  done.wait();

  CHECK(std::chrono::steady_clock::now() - started < 30s);
  using batch = std::pair<std::size_t, std::size_t>;
  CHECK(log.batches == std::vector<batch>{{1, 10}, {10, 10}, {5, 5}});
  CHECK(commit.last_seq() == 25);
  std::vector<seq_t> expected_firsts = {1};
  for (seq_t s = 11; s <= 25; ++s) expected_firsts.push_back(s);
  CHECK(firsts == expected_firsts);  // all succeeded, in submission order
  const commit_stats stats = commit.stats();
  CHECK((stats.batches == 3 && stats.events == 25 && stats.appends == 16));
}

TEST_CASE("a request larger than max_batch_events is written alone, never split",
          "[storage][group_commit]") {
  write_log log;
  detail::group_commit commit(
      {1min, 4, [](const error&) {}}, no_records(),
      [&](const detail::batch_plan& plan) {
        log.add(plan);
        return status{};
      },
      0);
  std::promise<expected<append_result>> big;
  commit.submit(request_of(drafts(9)),
                [&](expected<append_result> r) { big.set_value(std::move(r)); });
  auto r = big.get_future().get();
  REQUIRE(r.has_value());
  CHECK((r->first_seq == 1 && r->last_seq == 9));
  commit.close();
  CHECK(log.batches == std::vector<std::pair<std::size_t, std::size_t>>{{1, 9}});
}

TEST_CASE("a failed durable write calls on_fatal and acknowledges nothing",
          "[storage][group_commit][fatal]") {
  std::mutex mutex;
  std::vector<error> fatal_errors;
  int writes = 0;
  detail::group_commit commit(
      {0us, 100,
       [&](const error& e) {
         std::lock_guard lock(mutex);
         fatal_errors.push_back(e);
       }},
      no_records(),
      [&](const detail::batch_plan&) {
        ++writes;
        return status{fail(errc::io, "fsync: input/output error")};
      },
      0);
  constexpr int appends = 20;
  std::latch done(appends);
  std::vector<std::optional<expected<append_result>>> results(appends);
  for (int i = 0; i < appends; ++i) {
    commit.submit(request_of(drafts(1)), [&, i](expected<append_result> r) {
      results[static_cast<std::size_t>(i)] = std::move(r);
      done.count_down();
    });
  }
  done.wait();
  commit.close();  // joins the writer: its writes are visible below

  CHECK(writes == 1);  // the first failure stops all further writes
  REQUIRE(fatal_errors.size() == 1);
  CHECK(fatal_errors[0].code == errc::io);
  CHECK(fatal_errors[0].message == "fsync: input/output error");
  for (const auto& r : results) {
    REQUIRE(r.has_value());
    REQUIRE_FALSE(r->has_value());
    CHECK(r->error().code == errc::io);
  }
  CHECK(commit.failed());
  CHECK(commit.last_seq() == 0);
  CHECK(commit.stats().batches == 0);
}

TEST_CASE("after a failed write every later append completes with io",
          "[storage][group_commit][fatal]") {
  bool fail_next = true;
  int fatal_calls = 0;
  detail::group_commit commit(
      {0us, 100, [&](const error&) { ++fatal_calls; }}, no_records(),
      [&](const detail::batch_plan&) {
        if (fail_next) return status{fail(errc::io, "write: input/output error")};
        return status{};
      },
      0);
  auto submit_and_wait = [&] {
    std::promise<expected<append_result>> p;
    commit.submit(request_of(drafts(1)),
                  [&](expected<append_result> r) { p.set_value(std::move(r)); });
    return p.get_future().get();
  };
  CHECK(submit_and_wait().error().code == errc::io);
  fail_next = false;  // the device recovers, but the store must not
  CHECK(submit_and_wait().error().code == errc::io);
  CHECK(submit_and_wait().error().code == errc::io);
  commit.close();
  CHECK(fatal_calls == 1);
  CHECK(commit.last_seq() == 0);
}

TEST_CASE("close flushes a waiting batch at once and then refuses appends",
          "[storage][group_commit][close]") {
  gridcoord::testing::temp_dir dir;
  rocksdb_options options = test_options(dir.str());
  options.group_commit_window = std::chrono::minutes(1);
  options.max_batch_events = 1'000'000;
  auto store = must_open(options);
  const auto started = std::chrono::steady_clock::now();
  std::atomic<int> succeeded{0};
  for (int i = 0; i < 100; ++i) {
    store->append(request_of({draft("s", std::to_string(i))}),
                  [&](expected<append_result> r) { succeeded += r.has_value() ? 1 : 0; });
  }
  store->close();
  CHECK(succeeded == 100);
  CHECK(std::chrono::steady_clock::now() - started < 30s);
  CHECK(stats_of(*store).batches == 1);
  CHECK(store->last_seq() == 100);
  CHECK(append_and_wait(*store, request_of({draft("s", "late")})).error().code == errc::closed);
}

TEST_CASE("a batch size lands in the first bucket whose bound is not below it", "[storage][group_commit]") {
  CHECK(batch_size_bucket(0) == 0);
  CHECK(batch_size_bucket(1) == 0);
  CHECK(batch_size_bucket(2) == 1);
  CHECK(batch_size_bucket(3) == 2);
  CHECK(batch_size_bucket(64) == 6);
  CHECK(batch_size_bucket(65) == 7);
  CHECK(batch_size_bucket(4096) == 12);
  CHECK(batch_size_bucket(4097) == batch_size_bounds);  // above every bound
  CHECK(batch_size_bound(batch_size_bounds - 1) == 4096);
}

TEST_CASE("group commit counts each durable write in the bucket of its size in events",
          "[storage][group_commit][metrics]") {
  detail::group_commit commit({0us, 10'000, [](const error&) {}}, no_records(),
                              [](const detail::batch_plan&) { return status{}; }, 0);
  // One request at a time, each acknowledged before the next: one batch each.
  for (std::size_t n : {1, 2, 3, 4, 5, 4096, 4097}) {
    std::promise<expected<append_result>> written;
    commit.submit(request_of(drafts(n)), [&](expected<append_result> r) { written.set_value(std::move(r)); });
    REQUIRE(written.get_future().get().has_value());
  }
  commit.close();
  const commit_stats stats = commit.stats();
  std::array<std::uint64_t, batch_size_bounds + 1> expected_sizes{};
  expected_sizes[0] = 1;   // 1
  expected_sizes[1] = 1;   // 2
  expected_sizes[2] = 2;   // 3 and 4
  expected_sizes[3] = 1;   // 5
  expected_sizes[12] = 1;  // 4096
  expected_sizes[13] = 1;  // 4097: above 4096
  CHECK(stats.batch_sizes == expected_sizes);
  CHECK(stats.batches == 7);
  CHECK(stats.events == 1 + 2 + 3 + 4 + 5 + 4096 + 4097);
}

TEST_CASE("stats_of a store that is not a RocksDB store is all zeros", "[storage][group_commit]") {
  auto store = make_memory_store();
  must_append(*store, request_of({draft("s", "1")}));
  const commit_stats stats = stats_of(*store);
  CHECK((stats.batches == 0 && stats.events == 0 && stats.appends == 0));
  CHECK(stats.batch_sizes == decltype(stats.batch_sizes){});
}

TEST_CASE("a write refused for lack of space fails alone and later writes go through",
          "[storage][group_commit][no_space]") {
  bool full = true;
  int fatal_calls = 0;
  detail::group_commit commit(
      {0us, 100, [&](const error&) { ++fatal_calls; }}, no_records(),
      [&](const detail::batch_plan&) {
        if (full) return status{fail(errc::no_space, "No space left on device")};
        return status{};
      },
      0);
  auto submit_and_wait = [&] {
    std::promise<expected<append_result>> p;
    commit.submit(request_of(drafts(2)), [&](expected<append_result> r) { p.set_value(std::move(r)); });
    return p.get_future().get();
  };
  auto refused = submit_and_wait();
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == errc::no_space);
  CHECK(submit_and_wait().error().code == errc::no_space);
  CHECK(commit.last_seq() == 0);  // nothing of the refused batches counts
  full = false;                   // an operator freed space
  auto written = submit_and_wait();
  REQUIRE(written);
  CHECK(written->first_seq == 1);  // the refused batches' seqs are used again: no gap
  CHECK(commit.last_seq() == 2);
  CHECK_FALSE(commit.failed());
  commit.close();
  CHECK(fatal_calls == 0);
}

}  // namespace gridcoord::storage::test
