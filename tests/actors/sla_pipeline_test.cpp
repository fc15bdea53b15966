// The SLA actor decides a write while earlier ones are still being written
// (issue 15, item 2): writes without an idempotency key are applied ahead of
// their append, so writes that arrive together share a group commit; their
// events come back through the feed and are not applied twice; a failed
// append rebuilds the state from the log, so nothing of it remains.
#include <catch2/catch.hpp>

#include <future>

#include "tests/actors/support/sla_fixture.hpp"
#include "tests/support/scripted_store.hpp"

using namespace gridcoord;
using namespace gridcoord::testing::sla_fixture;
using testing::await;
using testing::t0;

namespace {

struct pipeline {
  domain::manual_clock clock{t0};
  testing::scripted_store* store = nullptr;  // owned by the runtime
  std::unique_ptr<actors::runtime> rt;

  pipeline() {
    auto o = options(&clock, nullptr);
    o.make_store = [this] {
      auto s = std::make_unique<testing::scripted_store>();
      store = s.get();
      return std::unique_ptr<storage::event_store>(std::move(s));
    };
    rt = std::move(*actors::runtime::start(o));
    load_network(rt->api());
  }
};

std::vector<std::string> outage_items(actors::client& api) {
  auto list = ask(api, actors::list_items{"outage", false, 0, 100});
  REQUIRE(list);
  std::vector<std::string> out;
  for (const auto& i : std::get<actors::item_list>(*list).items) out.push_back(i.item);
  return out;
}

}  // namespace

TEST_CASE("outage reports without a key are decided while the earlier ones are still being written",
          "[actors][sla][pipeline]") {
  pipeline p;
  p.store->hold();
  std::vector<std::promise<domain::expected<actors::sla_answer>>> promises(3);
  for (auto& pr : promises)
    p.rt->api().sla(actors::report_outage{writer(), {"D1"}, t0, "pipeline"},
                    [&pr](domain::expected<actors::sla_answer> a) { pr.set_value(std::move(a)); });
  // All three appends are in flight at once: none waited for the one before it.
  REQUIRE(p.store->wait_until_held(3));
  CHECK(p.store->held() == 3);
  p.store->release();
  std::vector<std::string> items;
  for (auto& pr : promises) items.push_back(item_of(pr.get_future().get()).item);
  CHECK(items == std::vector<std::string>{"outage/1", "outage/2", "outage/3"});
  // Each once: the feed brought the three back and they were not applied again.
  CHECK(outage_items(p.rt->api()) == items);
  auto first = item_of(ask(p.rt->api(), actors::get_item{"outage", 1}));
  CHECK(std::get<domain::sla::outage>(first.record).notices == 1);  // C-1, the one customer at or below D1
}

TEST_CASE("a failed append of a write applied ahead leaves nothing of it, and later writes go on",
          "[actors][sla][pipeline]") {
  pipeline p;
  p.store->hold();
  std::promise<domain::expected<actors::sla_answer>> failed;
  p.rt->api().sla(actors::report_outage{writer(), {"D1"}, t0, "lost"},
                  [&failed](domain::expected<actors::sla_answer> a) { failed.set_value(std::move(a)); });
  REQUIRE(p.store->wait_until_held(1));
  p.store->fail_held(storage::errc::no_space);
  auto answer = failed.get_future().get();
  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == domain::errc::unavailable);
  CHECK(outage_items(p.rt->api()).empty());  // rebuilt from the log, which never held it
  auto next = item_of(ask(p.rt->api(), actors::report_outage{writer(), {"D1"}, t0, "next"}));
  CHECK(next.item == "outage/1");
  CHECK(outage_items(p.rt->api()) == std::vector<std::string>{"outage/1"});
}

TEST_CASE("keyed outage reports are in flight together, and a repeat of a key in flight answers the first",
          "[actors][sla][pipeline][idempotency]") {
  pipeline p;
  auto keyed = [](std::string key, std::string hash) {
    auto w = writer();
    w.idempotency_key = std::move(key);
    w.request_hash = std::move(hash);
    return w;
  };
  p.store->hold();
  std::vector<std::promise<domain::expected<actors::sla_answer>>> promises(5);
  auto send = [&](std::size_t i, actors::sla_writer w) {
    p.rt->api().sla(actors::report_outage{std::move(w), {"D1"}, t0, "keyed"},
                    [&promises, i](domain::expected<actors::sla_answer> a) { promises[i].set_value(std::move(a)); });
  };
  send(0, keyed("k-1", "h-1"));
  send(1, keyed("k-2", "h-2"));
  REQUIRE(p.store->wait_until_held(2));  // two keys, both written at once
  send(2, keyed("k-1", "h-1"));          // the same request again while it is written
  send(3, keyed("k-1", "h-other"));      // the same key with another body
  send(4, keyed("k-3", "h-3"));
  REQUIRE(p.store->wait_until_held(3));
  CHECK(p.store->held() == 3);  // the repeats of k-1 wrote nothing
  p.store->release();
  auto first = item_of(promises[0].get_future().get());
  CHECK(first.item == "outage/1");
  CHECK(first.changed);
  CHECK(item_of(promises[1].get_future().get()).item == "outage/2");
  auto repeat = item_of(promises[2].get_future().get());
  CHECK(repeat.item == "outage/1");
  CHECK_FALSE(repeat.changed);
  auto conflict = promises[3].get_future().get();
  REQUIRE_FALSE(conflict);
  CHECK(conflict.error().code == domain::errc::conflict);
  CHECK(item_of(promises[4].get_future().get()).item == "outage/3");
  CHECK(outage_items(p.rt->api()) == std::vector<std::string>{"outage/1", "outage/2", "outage/3"});
  // Once logged, the key answers from the log.
  auto later = item_of(ask(p.rt->api(), actors::report_outage{keyed("k-2", "h-2"), {"D1"}, t0, "keyed"}));
  CHECK(later.item == "outage/2");
  CHECK_FALSE(later.changed);
}

TEST_CASE("a write stored although its append reported failure is not lost: the rebuilt SLA state has it, and the "
          "notification actor reads the events its feed never carried",
          "[actors][sla][pipeline][crash]") {
  // Committed but never pushed: the event log publishes an append's events
  // only when the store reports them durable.
  domain::manual_clock clock{t0};
  auto sink = std::make_shared<planned_sink>();
  testing::scripted_store* store = nullptr;
  auto o = options(&clock, sink);
  o.make_store = [&store] {
    auto s = std::make_unique<testing::scripted_store>();
    store = s.get();
    return std::unique_ptr<storage::event_store>(std::move(s));
  };
  auto rt = std::move(*actors::runtime::start(o));
  load_network(rt->api());
  store->hold();
  std::promise<domain::expected<actors::sla_answer>> answered;
  rt->api().sla(actors::report_outage{writer(), {"F2"}, t0, "written, reported failed"},
                [&answered](domain::expected<actors::sla_answer> a) { answered.set_value(std::move(a)); });
  REQUIRE(store->wait_until_held(1));
  store->write_held_then_fail(storage::errc::io);
  REQUIRE_FALSE(answered.get_future().get());
  // The SLA actor rebuilt its state from the log, which holds the outage.
  CHECK(outage_items(rt->api()) == std::vector<std::string>{"outage/1"});
  CHECK(item_of(ask(rt->api(), actors::report_outage{writer(), {"F2"}, t0, "next"})).item == "outage/2");
  // Outage 1's notice reached the notification actor from the store, when
  // outage 2's events arrived after the gap: C-3 is told of both.
  CHECK(*rt->check_outbox() == 2u);
  CHECK(sink->sent().size() == 2);
}
