#include <catch2/catch.hpp>

#include <future>

#include "actors/recovery.hpp"
#include "actors/runtime.hpp"
#include "storage/memory_store.hpp"
#include "tests/actors/support/runtime_fixture.hpp"
#include "tests/support/await.hpp"
#include "tests/support/m1.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using namespace std::chrono_literals;
using domain::department;
using testing::await;

namespace {

const domain::time_point t0 = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} + 8h;

void append_sync(storage::event_store& store, storage::event_draft draft) {
  std::promise<storage::expected<storage::append_result>> p;
  store.append({{std::move(draft)}, std::nullopt}, [&](auto r) { p.set_value(std::move(r)); });
  REQUIRE(p.get_future().get());
}

// Writes M1 versions number first..last (alternating months) and acknowledges every third.
void write_history(storage::event_store& store, int first, int last) {
  for (int i = first; i <= last; ++i) {
    domain::report_version v;
    v.sender = department::marketing;
    v.kind = "large_customer_demand";
    v.period = *domain::parse_month(i % 2 ? "2026-09" : "2026-10");
    v.version = static_cast<std::uint32_t>((i + 1) / 2);
    v.recipients = {department::planning, department::dispatch};
    v.submitted_by = "zhang.min";
    v.rows = {testing::m1_row("C", 100)};
    v.row_count = 1;
    append_sync(store, {domain::report_stream(v.sender, v.kind, v.period),
                        std::string(domain::report_submitted_type), t0 + i * 1min, "zhang.min",
                        domain::encode(v)});
    if (i % 3 == 0) {
      domain::item_acknowledged a{department::planning, store.last_seq(), "li.wei"};
      append_sync(store, {domain::inbox_stream(a.recipient), std::string(domain::item_acknowledged_type),
                          t0 + i * 1min + 10s, "li.wei", domain::encode(a)});
    }
  }
}

}  // namespace

TEST_CASE("books from a snapshot plus the log's tail equal books from the whole log",
          "[actors][recovery]") {
  auto store = storage::make_memory_store();
  write_history(*store, 1, 300);
  auto full = actors::recover(*store);
  REQUIRE(full);
  CHECK(full->snapshot_seq == 0);
  CHECK(full->replayed_events == store->last_seq());

  actors::snapshot_keeper keeper(*store, *full, 1);
  auto snap_seq = keeper.take_snapshot();
  REQUIRE(snap_seq);
  CHECK(*snap_seq == store->last_seq());

  write_history(*store, 301, 350);  // the tail after the snapshot
  auto recovered = actors::recover(*store);
  auto reference = domain::projection::empty();
  REQUIRE(actors::apply_tail(*store, reference, 0));
  REQUIRE(recovered);
  CHECK(recovered->snapshot_seq == *snap_seq);
  CHECK(recovered->replayed_events == store->last_seq() - *snap_seq);
  CHECK(recovered->state == reference);
  CHECK(recovered->state.books.at(department::planning).inbox().size() == 350);
  CHECK(recovered->state.books.at(department::marketing)
            .versions("report/marketing/large_customer_demand/2026-09")
            .size() == 150 + 25);
}

TEST_CASE("a damaged snapshot stops recovery instead of guessing", "[actors][recovery]") {
  auto store = storage::make_memory_store();
  REQUIRE(store->put_snapshot({"books", 7, "{not json"}));
  auto r = actors::recover(*store);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == domain::errc::internal);
}

TEST_CASE("a restarted runtime has every inbox, acknowledgement and version back",
          "[actors][recovery][restart]") {
  testing::temp_dir dir;
  domain::manual_clock clock{t0};
  actors::runtime_options o;
  o.data_dir = dir.str();
  o.clock = &clock;
  o.scheduler_threads = 2;
  o.snapshot_check_interval = 0ms;
  o.snapshot_every_events = 1'000'000;

  std::uint64_t item = 0;
  {
    auto rt = std::move(*actors::runtime::start(o));
    auto r1 = await<actors::submit_receipt>(
        [&](auto done) { rt->api().submit_report(testing::m1_submission(), done); });
    auto r2 = await<actors::submit_receipt>(
        [&](auto done) { rt->api().submit_report(testing::m1_submission(), done); });
    REQUIRE(r2);
    item = r2->seq;
    REQUIRE(await<domain::inbox_item>(
        [&](auto done) { rt->api().acknowledge(department::planning, item, "li.wei", "", done); }));
  }
  auto rt = actors::runtime::start(o);
  REQUIRE(rt);
  CHECK((*rt)->startup().last_seq == 3);
  CHECK((*rt)->startup().snapshot_seq == 3);  // stop() took a final snapshot
  auto inbox = testing::whole_inbox((*rt)->api(), department::planning);
  REQUIRE(inbox->size() == 2);
  CHECK(inbox->at(1).id == item);
  REQUIRE(inbox->at(1).ack);
  CHECK(inbox->at(1).ack->by == "li.wei");
  auto next = await<actors::submit_receipt>(
      [&](auto done) { (*rt)->api().submit_report(testing::m1_submission(), done); });
  REQUIRE(next);
  CHECK(next->version == 3);
}
