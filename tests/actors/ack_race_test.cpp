// Two acknowledgements of one inbox item that arrive while the first is still
// being written: one event, both answered with it (issue 14, item 10).
#include <catch2/catch.hpp>

#include <future>

#include "actors/runtime.hpp"
#include "domain/book.hpp"
#include "tests/actors/support/runtime_fixture.hpp"
#include "tests/support/await.hpp"
#include "tests/support/m1.hpp"
#include "tests/support/scripted_store.hpp"

using namespace gridcoord;
using domain::department;
using testing::await;

namespace {

struct gated_runtime {
  domain::manual_clock clock{testing::t0};
  testing::scripted_store* store = nullptr;  // owned by the runtime
  std::unique_ptr<actors::runtime> rt;

  gated_runtime() {
    actors::runtime_options o;
    o.clock = &clock;
    o.scheduler_threads = 2;
    o.snapshot_check_interval = std::chrono::milliseconds{0};
    // No clock of its own appends while the test holds appends: only the acks do.
    o.cycle_max_sleep = o.sla_max_sleep = o.outbox_max_sleep = std::chrono::milliseconds{0};
    o.make_store = [this] {
      auto s = std::make_unique<testing::scripted_store>();
      store = s.get();
      return std::unique_ptr<storage::event_store>(std::move(s));
    };
    rt = std::move(*actors::runtime::start(o));
  }

  std::size_t acknowledged_events() const {
    std::size_t n = 0;
    auto events = store->read(0, 1000);
    for (const auto& e : *events) n += e.type == domain::item_acknowledged_type;
    return n;
  }
};

using ack_answer = std::future<domain::expected<domain::inbox_item>>;

// Sends an acknowledgement without waiting for its answer.
ack_answer send_ack(actors::client& api, domain::item_id item, std::string by) {
  auto promise = std::make_shared<std::promise<domain::expected<domain::inbox_item>>>();
  auto answer = promise->get_future();
  api.acknowledge(department::planning, item, std::move(by), "",
                  [promise](domain::expected<domain::inbox_item> a) { promise->set_value(std::move(a)); });
  return answer;
}

}  // namespace

TEST_CASE("two acknowledgements of one item arriving together append one event", "[actors][ack][race]") {
  gated_runtime g;
  auto receipt = await<actors::submit_receipt>(
      [&](auto done) { g.rt->api().submit_report(testing::m1_submission(), done); });
  REQUIRE(receipt);

  g.store->hold();  // the first acknowledgement's append stays in flight
  auto first = send_ack(g.rt->api(), receipt->seq, "li.wei");
  REQUIRE(g.store->wait_until_held(1));
  auto second = send_ack(g.rt->api(), receipt->seq, "wang.fang");
  // Calls reach the department in order: once the inbox answers, both acks were handled.
  auto inbox = testing::whole_inbox(g.rt->api(), department::planning);
  REQUIRE(inbox);
  CHECK(g.store->held() == 1);
  g.store->release();

  for (auto* answer : {&first, &second}) {
    REQUIRE(answer->wait_for(std::chrono::seconds(60)) == std::future_status::ready);
    auto item = answer->get();
    REQUIRE(item);
    REQUIRE(item->ack);
    CHECK(item->ack->by == "li.wei");
  }
  CHECK(g.acknowledged_events() == 1);
}

TEST_CASE("an acknowledgement arriving while a batch holds one for the item appends nothing more",
          "[actors][ack][race][batch]") {
  gated_runtime g;
  auto receipt = await<actors::submit_receipt>(
      [&](auto done) { g.rt->api().submit_report(testing::m1_submission(), done); });
  REQUIRE(receipt);

  g.store->hold();
  actors::batch_submission batch;
  batch.submitted_by = "chen.jie";
  actors::batch_operation ack;
  ack.kind = actors::batch_op_kind::acknowledge;
  ack.recipient = department::planning;
  ack.item = receipt->seq;
  ack.by = "chen.jie";
  batch.operations.push_back(ack);
  auto promise = std::make_shared<std::promise<domain::expected<actors::batch_receipt>>>();
  auto batch_answer = promise->get_future();
  g.rt->api().run_batch(batch, [promise](domain::expected<actors::batch_receipt> r) { promise->set_value(std::move(r)); });
  REQUIRE(g.store->wait_until_held(1));  // the batch is prepared and its append in flight
  auto single = send_ack(g.rt->api(), receipt->seq, "li.wei");
  auto inbox = testing::whole_inbox(g.rt->api(), department::planning);
  REQUIRE(inbox);
  CHECK(g.store->held() == 1);
  g.store->release();

  REQUIRE(batch_answer.wait_for(std::chrono::seconds(60)) == std::future_status::ready);
  REQUIRE(batch_answer.get());
  REQUIRE(single.wait_for(std::chrono::seconds(60)) == std::future_status::ready);
  auto item = single.get();
  REQUIRE(item);
  REQUIRE(item->ack);
  CHECK(g.acknowledged_events() == 1);
}
