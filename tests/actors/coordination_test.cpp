#include <catch2/catch.hpp>

#include "tests/actors/support/runtime_fixture.hpp"
#include "tests/support/await.hpp"
#include "tests/support/m1.hpp"

using namespace gridcoord;
using namespace std::chrono_literals;
using domain::department;
using testing::await;

namespace {

using fixture = testing::runtime_fixture;
using testing::t0;

}  // namespace

TEST_CASE("an M1 report reaches both planning and dispatch", "[actors][routing]") {
  fixture f;
  auto receipt = f.submit(testing::m1_submission());
  REQUIRE(receipt);
  CHECK(receipt->version == 1);
  CHECK(receipt->stream == "report/marketing/large_customer_demand/2026-10");
  CHECK(receipt->recipients == std::vector{department::planning, department::dispatch});
  CHECK(receipt->accepted_at == t0);
  CHECK_FALSE(receipt->replayed);

  for (auto d : {department::planning, department::dispatch}) {
    auto items = f.inbox(d);
    REQUIRE(items.size() == 1);
    CHECK(items[0].id == receipt->seq);
    CHECK(items[0].from == department::marketing);
    CHECK(items[0].kind == "large_customer_demand");
    CHECK(items[0].version == 1);
    CHECK_FALSE(items[0].ack);
  }
  CHECK(f.inbox(department::marketing).empty());
  CHECK(f.inbox(department::production).empty());
}

TEST_CASE("an acknowledgement records who and when, and the first one stands", "[actors][ack]") {
  fixture f;
  auto receipt = f.submit(testing::m1_submission());
  REQUIRE(receipt);
  f.clock.advance(90min);
  auto ack = await<domain::inbox_item>(
      [&](auto done) { f.api().acknowledge(department::planning, receipt->seq, "li.wei", "", done); });
  REQUIRE(ack);
  REQUIRE(ack->ack);
  CHECK(ack->ack->by == "li.wei");
  CHECK(ack->ack->at == t0 + 90min);

  f.clock.advance(1h);
  auto again = await<domain::inbox_item>(
      [&](auto done) { f.api().acknowledge(department::planning, receipt->seq, "wang.fang", "", done); });
  REQUIRE(again);
  CHECK(again->ack->by == "li.wei");
  // Dispatch's copy is its own: still unacknowledged.
  CHECK_FALSE(f.inbox(department::dispatch)[0].ack);
}

TEST_CASE("acknowledging an unknown item is not_found", "[actors][ack]") {
  fixture f;
  auto ack = await<domain::inbox_item>(
      [&](auto done) { f.api().acknowledge(department::planning, 42, "li.wei", "", done); });
  REQUIRE_FALSE(ack);
  CHECK(ack.error().code == domain::errc::not_found);
}

TEST_CASE("resubmitting a report creates the next version and keeps the earlier one",
          "[actors][versions]") {
  fixture f;
  REQUIRE(f.submit(testing::m1_submission("2026-10", 2)));
  auto second = f.submit(testing::m1_submission("2026-10", 3));
  REQUIRE(second);
  CHECK(second->version == 2);
  auto other_month = f.submit(testing::m1_submission("2026-11", 1));
  REQUIRE(other_month);
  CHECK(other_month->version == 1);

  auto latest = await<actors::report_document>([&](auto done) {
    f.api().get_report(department::marketing, "large_customer_demand", *domain::parse_month("2026-10"),
                       std::nullopt, done);
  });
  REQUIRE(latest);
  CHECK(latest->seq == second->seq);
  REQUIRE(latest->versions.size() == 2);
  CHECK(latest->versions[0].row_count == 2);
  CHECK(latest->versions[1].row_count == 3);
  CHECK(latest->payload.find("\"version\":2") != std::string::npos);

  auto first = await<actors::report_document>([&](auto done) {
    f.api().get_report(department::marketing, "large_customer_demand", *domain::parse_month("2026-10"),
                       1u, done);
  });
  REQUIRE(first);
  CHECK(first->payload.find("\"version\":1") != std::string::npos);
  CHECK(f.inbox(department::planning).size() == 3);
}

TEST_CASE("a department cannot submit a report kind it does not send", "[actors][routing]") {
  fixture f;
  auto s = testing::m1_submission();
  s.sender = department::planning;
  auto r = f.submit(s);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == domain::errc::forbidden);
  CHECK(f.inbox(department::dispatch).empty());
}

TEST_CASE("an unknown report kind is not_found", "[actors][routing]") {
  fixture f;
  auto s = testing::m1_submission();
  s.kind = "weather_forecast";
  auto r = f.submit(s);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == domain::errc::not_found);
}

TEST_CASE("the audit feed lists every event in order", "[actors][events]") {
  fixture f;
  auto receipt = f.submit(testing::m1_submission());
  REQUIRE(receipt);
  REQUIRE(await<domain::inbox_item>(
      [&](auto done) { f.api().acknowledge(department::dispatch, receipt->seq, "chen.jie", "", done); }));
  auto events = await<std::vector<actors::event_view>>([&](auto done) { f.api().events(0, 10, done); });
  REQUIRE(events);
  REQUIRE(events->size() == 2);
  CHECK((*events)[0].type == "report.submitted");
  CHECK((*events)[0].actor == "zhang.min");
  CHECK((*events)[1].type == "inbox.acknowledged");
  CHECK((*events)[1].stream == "inbox/dispatch");
  CHECK((*events)[1].seq == (*events)[0].seq + 1);
  auto after = await<std::vector<actors::event_view>>(
      [&](auto done) { f.api().events((*events)[0].seq, 10, done); });
  REQUIRE(after->size() == 1);
}

TEST_CASE("a call after the runtime stopped is answered unavailable at once", "[actors][shutdown]") {
  fixture f;
  f.rt->stop();
  auto r = testing::whole_inbox(f.api(), department::planning);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == domain::errc::unavailable);
}

TEST_CASE("the sender sees who acknowledged its version, by single and batch acks", "[actors][ack]") {
  fixture f;
  auto receipt = f.submit(testing::m1_submission());
  REQUIRE(receipt);
  f.clock.advance(10min);
  REQUIRE(await<domain::inbox_item>(
      [&](auto done) { f.api().acknowledge(department::planning, receipt->seq, "li.wei", "", done); }));
  actors::batch_operation ack;
  ack.kind = actors::batch_op_kind::acknowledge;
  ack.recipient = department::dispatch;
  ack.item = receipt->seq;
  ack.by = "chen.jie";
  actors::batch_submission b{{ack}, "tk_admin", "", "", ""};
  REQUIRE(await<actors::batch_receipt>([&](auto done) { f.api().run_batch(std::move(b), done); }));

  auto doc = await<actors::report_document>([&](auto done) {
    f.api().get_report(department::marketing, "large_customer_demand", *domain::parse_month("2026-10"),
                       std::nullopt, done);
  });
  REQUIRE(doc);
  const auto& deliveries = doc->versions.at(0).deliveries;
  REQUIRE(deliveries.size() == 2);
  CHECK(deliveries[0].ack == domain::acknowledgement{"li.wei", t0 + 10min});
  CHECK(deliveries[1].ack == domain::acknowledgement{"chen.jie", t0 + 10min});
}

TEST_CASE("a recipient's item says when a newer version arrived", "[actors][versions]") {
  fixture f;
  auto first = f.submit(testing::m1_submission("2026-10", 2));
  REQUIRE(first);
  f.clock.advance(1h);
  auto second = f.submit(testing::m1_submission("2026-10", 3));
  REQUIRE(second);
  auto items = f.inbox(department::planning);
  REQUIRE(items.size() == 2);
  REQUIRE(items[0].newer);
  CHECK(*items[0].newer == domain::newer_version{2, second->seq, t0 + 1h});
  CHECK_FALSE(items[1].newer);
}
