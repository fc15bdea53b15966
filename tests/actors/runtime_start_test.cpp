// runtime::start when a step after the actors were spawned fails: it answers
// the error promptly and stops what it had started (issue 14, item 10).
#include <catch2/catch.hpp>

#include <future>

#include "actors/runtime.hpp"
#include "tests/actors/support/runtime_fixture.hpp"
#include "tests/support/scripted_store.hpp"

using namespace gridcoord;

TEST_CASE("a start that fails after spawning its actors reports the error and stops them",
          "[actors][runtime][start]") {
  domain::manual_clock clock{testing::t0};
  std::shared_ptr<const std::atomic<bool>> store_closed;
  actors::runtime_options o;
  o.clock = &clock;
  o.scheduler_threads = 2;
  o.snapshot_check_interval = std::chrono::milliseconds{0};
  o.cycle_max_sleep = std::chrono::milliseconds{0};
  o.make_store = [&store_closed] {
    auto s = std::make_unique<testing::scripted_store>();
    s->fail_reads_from(2);  // recovery reads the (empty) log once; the next read fails
    store_closed = s->closed_flag();
    return std::unique_ptr<storage::event_store>(std::move(s));
  };
  auto started = std::async(std::launch::async, [&] { return actors::runtime::start(o); });
  // A start that hangs instead of answering fails here (and the suite's timeout ends it).
  REQUIRE(started.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  auto rt = started.get();
  REQUIRE_FALSE(rt);
  CHECK(rt.error().code == domain::errc::internal);
  CHECK_THAT(rt.error().message, Catch::Contains("scripted read failure"));
  REQUIRE(store_closed);
  CHECK(*store_closed);
}
