#include <catch2/catch.hpp>

#include "actors/runtime.hpp"
#include "tests/actors/support/runtime_fixture.hpp"
#include "tests/support/await.hpp"
#include "tests/support/m1.hpp"

using namespace gridcoord;
using namespace std::chrono_literals;
using domain::department;
using testing::await;

namespace {

std::unique_ptr<actors::runtime> start_runtime() {
  actors::runtime_options o;
  o.scheduler_threads = 2;
  o.snapshot_check_interval = 0ms;
  return std::move(*actors::runtime::start(o));
}

actors::report_submission keyed(std::string key, std::string hash) {
  auto s = testing::m1_submission();
  s.idempotency_key = std::move(key);
  s.request_hash = std::move(hash);
  return s;
}

domain::expected<actors::submit_receipt> submit(actors::runtime& rt, actors::report_submission s) {
  return await<actors::submit_receipt>([&](auto done) { rt.api().submit_report(std::move(s), done); });
}

}  // namespace

TEST_CASE("a retried submission with the same key and body is applied once", "[actors][idempotency]") {
  auto rt = start_runtime();
  auto first = submit(*rt, keyed("k-1", "hash-a"));
  auto second = submit(*rt, keyed("k-1", "hash-a"));
  REQUIRE(first);
  REQUIRE(second);
  CHECK_FALSE(first->replayed);
  CHECK(second->replayed);
  CHECK(second->version == first->version);
  CHECK(second->seq == first->seq);
  CHECK(second->accepted_at == first->accepted_at);
  auto events = await<std::vector<actors::event_view>>([&](auto done) { rt->api().events(0, 100, done); });
  CHECK(events->size() == 1);  // the replay wrote nothing
  auto inbox = testing::whole_inbox(rt->api(), department::planning);
  CHECK(inbox->size() == 1);
}

TEST_CASE("the same key with a different body is a conflict", "[actors][idempotency]") {
  auto rt = start_runtime();
  REQUIRE(submit(*rt, keyed("k-2", "hash-a")));
  auto other = submit(*rt, keyed("k-2", "hash-b"));
  REQUIRE_FALSE(other);
  CHECK(other.error().code == domain::errc::conflict);
}

TEST_CASE("concurrent submissions with one key write one version", "[actors][idempotency]") {
  auto rt = start_runtime();
  constexpr int n = 20;
  std::vector<std::future<domain::expected<actors::submit_receipt>>> answers;
  for (int i = 0; i < n; ++i) {
    auto p = std::make_shared<std::promise<domain::expected<actors::submit_receipt>>>();
    answers.push_back(p->get_future());
    rt->api().submit_report(keyed("k-3", "hash-a"), [p](auto r) { p->set_value(std::move(r)); });
  }
  int fresh = 0;
  for (auto& a : answers) {
    auto r = a.get();
    REQUIRE(r);
    CHECK(r->version == 1);
    if (!r->replayed) ++fresh;
  }
  CHECK(fresh == 1);
  auto events = await<std::vector<actors::event_view>>([&](auto done) { rt->api().events(0, 100, done); });
  CHECK(events->size() == 1);
}

TEST_CASE("different keys give different versions", "[actors][idempotency]") {
  auto rt = start_runtime();
  auto a = submit(*rt, keyed("k-4", "h"));
  auto b = submit(*rt, keyed("k-5", "h"));
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->version == 1);
  CHECK(b->version == 2);
}
