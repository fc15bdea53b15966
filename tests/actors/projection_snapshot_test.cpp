// The SLA and notification actors' own snapshots (actors/projection_snapshot):
// taken on the cadence, stored by the writer before the store closes, read at
// the next start so that only the log after them is replayed, and ignored
// (the whole log replayed) when they cannot be read.
#include <catch2/catch.hpp>

#include <future>
#include <mutex>

#include <boost/json.hpp>

#include "actors/projection_snapshot.hpp"
#include "domain/json.hpp"
#include "storage/memory_store.hpp"
#include "tests/actors/support/sla_fixture.hpp"
#include "tests/support/scripted_store.hpp"
#include "tests/support/rocksdb_dir.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using namespace gridcoord::testing::sla_fixture;
using testing::t0;

namespace {

using testing::open_store;

namespace json = boost::json;

actors::runtime_options snapshotting(const domain::clock* clock, std::shared_ptr<planned_sink> sink,
                                     const testing::temp_dir& dir) {
  auto o = options(clock, std::move(sink), dir.path().string());
  o.snapshot_every_events = 1;  // as often as the projection's size allows
  return o;
}

// Twelve outages on F2 in a store at `dir`, and a clean stop (which snapshots).
void write_outages(const testing::temp_dir& dir, domain::manual_clock& clock, std::shared_ptr<planned_sink> sink) {
  auto rt = std::move(*actors::runtime::start(snapshotting(&clock, std::move(sink), dir)));
  load_network(rt->api());
  for (int i = 0; i < 12; ++i) {
    REQUIRE(ask(rt->api(), actors::report_outage{writer(), {"F2"}, t0, "线路跳闸"}));
    REQUIRE(*rt->check_outbox() == 1u);  // C-3 told
  }
}

// Rewrites the SLA snapshot so that outage 1's description is `text`: a
// state the log never held, which only a projection read from the snapshot shows.
std::uint64_t doctor_sla_snapshot(const testing::temp_dir& dir, std::string_view text) {
  auto store = open_store(dir);
  auto snap = store->get_snapshot("sla");
  REQUIRE(snap);
  auto doc = json::parse(snap->data);
  doc.at("state").at("book").at("outages").as_array()[0].as_object()["report"].as_object()["description"] = text;
  REQUIRE(store->put_snapshot({"sla", snap->seq, domain::to_text(doc)}));
  store->close();
  return snap->seq;
}

std::string description_of(actors::client& api, std::uint64_t outage) {
  auto o = item_of(ask(api, actors::get_item{"outage", outage}));
  return std::get<sla::outage>(o.record).report.description;
}

}  // namespace

TEST_CASE("a snapshot is due after as many events as it has items, and at least every_events",
          "[actors][snapshot]") {
  CHECK_FALSE(actors::snapshot_due(0, 1, 0));
  CHECK(actors::snapshot_due(1, 1, 0));
  CHECK_FALSE(actors::snapshot_due(9'999, 10'000, 10));
  CHECK(actors::snapshot_due(10'000, 10'000, 10));
  CHECK_FALSE(actors::snapshot_due(10'000, 10'000, 1'000'000));  // encoding a million items waits for a million events
  CHECK(actors::snapshot_due(1'000'000, 10'000, 1'000'000));
}

TEST_CASE("the snapshot writer stores the latest snapshot of each name and reports what it stored",
          "[actors][snapshot]") {
  auto store = storage::make_memory_store();
  actors::snapshot_writer writer(*store);
  writer.write("sla", 5, actors::snapshot_text("gridcoord.sla/1", json::object{{"n", 5}}));
  writer.write("sla", 9, actors::snapshot_text("gridcoord.sla/1", json::object{{"n", 9}}));
  CHECK(writer.written_seq("sla", true) == 9);
  CHECK(writer.written_seq("notifications") == 0);
  auto loaded = actors::load_snapshot(*store, "sla", "gridcoord.sla/1");
  REQUIRE(loaded);
  CHECK(loaded->seq == 9);
  CHECK(loaded->state.at("n").to_number<int>() == 9);
  CHECK_FALSE(actors::load_snapshot(*store, "sla", "gridcoord.sla/2"));  // another version: replayed
  CHECK_FALSE(actors::load_snapshot(*store, "notifications", "gridcoord.notifications/1"));
  writer.stop();
  writer.write("sla", 12, "{}");  // after stop: dropped
  CHECK(writer.written_seq("sla") == 9);
}

TEST_CASE("the snapshot writer keeps snapshots to its budget: none of a name while one is queued, and after a "
          "costly one a cooldown of cooldown × its time",
          "[actors][snapshot]") {
  using namespace std::chrono_literals;
  auto store = storage::make_memory_store();
  std::mutex m;
  auto now = std::chrono::steady_clock::time_point{} + 1h;
  auto read_now = [&] {
    std::lock_guard lock(m);
    return now;
  };
  auto advance = [&](std::chrono::steady_clock::duration d) {
    std::lock_guard lock(m);
    now += d;
  };
  actors::snapshot_writer writer(*store, {4, 50ms, read_now});
  CHECK(writer.ready("sla"));

  // A snapshot whose encoding takes 2 s (of the writer's time source).
  std::promise<void> go;
  auto gate = go.get_future().share();
  writer.write("sla", 10, [&, gate] {
    gate.wait();
    advance(2s);
    return actors::snapshot_text("gridcoord.sla/1", json::object{});
  });
  CHECK_FALSE(writer.ready("sla"));          // queued or being written
  CHECK(writer.ready("notifications"));      // another name is not held back
  go.set_value();
  REQUIRE(writer.written_seq("sla", true) == 10);
  CHECK_FALSE(writer.ready("sla"));          // 8 s of cooldown from now
  advance(7s);
  CHECK_FALSE(writer.ready("sla"));
  advance(1s);
  CHECK(writer.ready("sla"));

  // One quicker than free_below imposes none.
  writer.write("sla", 20, [&] {
    advance(10ms);
    return actors::snapshot_text("gridcoord.sla/1", json::object{});
  });
  REQUIRE(writer.written_seq("sla", true) == 20);
  CHECK(writer.ready("sla"));
  writer.stop();
  CHECK_FALSE(writer.ready("sla"));  // stopped: nothing more is taken
}

TEST_CASE("a restart takes the SLA state from its snapshot and replays only the log after it; an unreadable "
          "snapshot is ignored and the whole log replayed",
          "[actors][snapshot][restart]") {
  testing::temp_dir dir;
  domain::manual_clock clock{t0};
  auto sink = std::make_shared<planned_sink>();
  write_outages(dir, clock, sink);
  {
    auto store = open_store(dir);
    CHECK(store->get_snapshot("notifications"));
    store->close();
  }
  auto snapshot_seq = doctor_sla_snapshot(dir, "from the snapshot");
  CHECK(snapshot_seq > 0);
  {
    auto rt = std::move(*actors::runtime::start(snapshotting(&clock, sink, dir)));
    CHECK(description_of(rt->api(), 1) == "from the snapshot");
    CHECK(description_of(rt->api(), 12) == "线路跳闸");
    auto o = item_of(ask(rt->api(), actors::report_outage{writer(), {"F2"}, t0, "新的"}));
    CHECK(o.item == "outage/13");  // numbering goes on from the snapshot and its tail
    // The restored outbox knows the twelve earlier notices were delivered:
    // only the new one is sent.
    REQUIRE(*rt->check_outbox() == 1u);
    CHECK(sink->sent().size() == 13);
    auto pending = ask(rt->api(), actors::list_notifications{sla::delivery_state::pending, "", 100});
    REQUIRE(pending);
    CHECK(std::get<actors::notification_list>(*pending).pending == 0);
  }
  {
    auto store = open_store(dir);
    REQUIRE(store->put_snapshot({"sla", snapshot_seq, "{\"format\":\"gridcoord.sla/1\",\"state\":{\"book\":7}}"}));
    REQUIRE(store->put_snapshot({"notifications", snapshot_seq, "not JSON"}));
    store->close();
  }
  {
    auto rt = std::move(*actors::runtime::start(snapshotting(&clock, sink, dir)));
    CHECK(description_of(rt->api(), 1) == "线路跳闸");  // the log's, replayed from its start
    CHECK(description_of(rt->api(), 13) == "新的");
    CHECK(*rt->check_outbox() == 0u);  // every notice was delivered: the replayed outbox knows it
    CHECK(sink->sent().size() == 13);
  }
}

TEST_CASE("a failed append of a write applied ahead rebuilds the SLA state from its snapshot, not the whole log",
          "[actors][snapshot][pipeline]") {
  testing::temp_dir dir;
  domain::manual_clock clock{t0};
  auto sink = std::make_shared<planned_sink>();
  write_outages(dir, clock, sink);
  doctor_sla_snapshot(dir, "from the snapshot");

  testing::scripted_store* store = nullptr;
  auto o = snapshotting(&clock, sink, dir);
  o.make_store = [&] {
    auto s = std::make_unique<testing::scripted_store>(open_store(dir));
    store = s.get();
    return std::unique_ptr<storage::event_store>(std::move(s));
  };
  auto rt = std::move(*actors::runtime::start(o));
  CHECK(description_of(rt->api(), 1) == "from the snapshot");
  store->hold();
  std::promise<domain::expected<actors::sla_answer>> failed;
  rt->api().sla(actors::report_outage{writer(), {"F2"}, t0, "lost"},
                [&failed](domain::expected<actors::sla_answer> a) { failed.set_value(std::move(a)); });
  REQUIRE(store->wait_until_held(1));
  store->fail_held(storage::errc::no_space);
  REQUIRE_FALSE(failed.get_future().get());
  // Rebuilt: nothing of the failed write, and outage 1 as the snapshot holds it.
  CHECK(description_of(rt->api(), 1) == "from the snapshot");
  auto next = item_of(ask(rt->api(), actors::report_outage{writer(), {"F2"}, t0, "next"}));
  CHECK(next.item == "outage/13");
}
