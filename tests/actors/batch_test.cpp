// Batches: all operations' events in one durable append, or none.
#include <catch2/catch.hpp>

#include "tests/actors/support/runtime_fixture.hpp"
#include "tests/support/await.hpp"
#include "tests/support/m1.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using namespace std::chrono_literals;
using actors::batch_op_kind;
using domain::department;
using testing::await;

namespace {

using testing::t0;

actors::batch_operation report_op(std::string month) {
  actors::batch_operation op;
  op.kind = batch_op_kind::submit_report;
  op.report = testing::m1_submission(std::move(month));
  return op;
}

actors::batch_operation ack_op(department d, domain::item_id item) {
  actors::batch_operation op;
  op.kind = batch_op_kind::acknowledge;
  op.recipient = d;
  op.item = item;
  op.by = "li.wei";
  return op;
}

actors::batch_operation token_op(std::string role) {
  actors::batch_operation op;
  op.kind = batch_op_kind::create_token;
  op.role = std::move(role);
  op.description = "batch";
  op.by = "tk_admin";
  return op;
}

actors::batch_operation revoke_op(std::string id) {
  actors::batch_operation op;
  op.kind = batch_op_kind::revoke_token;
  op.token_id = std::move(id);
  op.by = "tk_admin";
  return op;
}

struct fixture : testing::runtime_fixture {
  domain::expected<actors::batch_receipt> run(std::vector<actors::batch_operation> ops,
                                              std::string key = {}, std::string hash = "h1") {
    actors::batch_submission b{std::move(ops), "tk_admin", std::move(key), std::move(hash), ""};
    return await<actors::batch_receipt>([&](auto done) { api().run_batch(std::move(b), done); });
  }
  std::uint64_t last_seq() {
    return await<actors::health_report>([&](auto done) { api().health(done); })->last_seq;
  }
  std::vector<domain::token_record> tokens() {
    return *await<std::vector<domain::token_record>>([&](auto done) { api().list_tokens(done); });
  }
};

}  // namespace

TEST_CASE("a batch of a report, an acknowledgement and a token commits as one write", "[actors][batch]") {
  fixture f;
  auto first = f.submit(testing::m1_submission("2026-10"));
  REQUIRE(first);
  auto r = f.run({report_op("2026-11"), ack_op(department::planning, first->seq), token_op("reader")});
  REQUIRE(r);
  REQUIRE(r->results.size() == 3);
  CHECK(r->first_seq == first->seq + 1);
  CHECK(r->last_seq == first->seq + 3);
  CHECK(r->results[0].seq == r->first_seq);
  CHECK(r->results[0].report.version == 1);
  CHECK(r->results[0].report.stream == "report/marketing/large_customer_demand/2026-11");
  CHECK(r->results[1].item.ack->by == "li.wei");
  CHECK(r->results[2].token.token.starts_with("gct_"));
  CHECK(f.last_seq() == r->last_seq);

  auto planning = f.inbox(department::planning);
  REQUIRE(planning.size() == 2);
  CHECK(planning[0].ack);                       // acknowledged by the batch
  CHECK(planning[1].id == r->results[0].seq);   // delivered by the batch
  CHECK(f.inbox(department::dispatch).size() == 2);
  auto tokens = f.tokens();
  CHECK(std::any_of(tokens.begin(), tokens.end(),
                    [&](const auto& t) { return t.id == r->results[2].token.record.id; }));
}

TEST_CASE("one operation that cannot be applied leaves the log and every book unchanged", "[actors][batch]") {
  fixture f;
  auto before = f.last_seq();
  auto r = f.run({report_op("2026-11"), ack_op(department::planning, 999), token_op("reader"),
                  revoke_op("tk_nobody")});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == domain::errc::not_found);
  REQUIRE(r.error().details.size() == 2);
  CHECK(r.error().details[0].row == 2u);
  CHECK(r.error().details[1].row == 4u);
  CHECK(f.last_seq() == before);
  CHECK(f.inbox(department::planning).empty());
  CHECK(f.tokens().empty());
  // The version the batch had reserved is handed out again.
  auto single = f.submit(testing::m1_submission("2026-11"));
  REQUIRE(single);
  CHECK(single->version == 1);
}

TEST_CASE("two versions of one report in a batch count up from the latest", "[actors][batch]") {
  fixture f;
  REQUIRE(f.submit(testing::m1_submission("2026-11")));
  auto r = f.run({report_op("2026-11"), report_op("2026-11")});
  REQUIRE(r);
  CHECK(r->results[0].report.version == 2);
  CHECK(r->results[1].report.version == 3);
  CHECK(f.submit(testing::m1_submission("2026-11"))->version == 4);
}

TEST_CASE("a report its department does not send refuses the whole batch", "[actors][batch]") {
  fixture f;
  auto wrong = report_op("2026-11");
  wrong.report.sender = department::planning;
  auto r = f.run({token_op("reader"), wrong});
  REQUIRE_FALSE(r);
  CHECK(r.error().code == domain::errc::forbidden);
  CHECK(r.error().details.at(0).row == 2u);
  CHECK(f.tokens().empty());
}

TEST_CASE("acknowledging twice in one batch writes one event; the first stands", "[actors][batch]") {
  fixture f;
  auto first = f.submit(testing::m1_submission("2026-10"));
  REQUIRE(first);
  auto again = ack_op(department::planning, first->seq);
  again.by = "someone.else";
  auto r = f.run({ack_op(department::planning, first->seq), again});
  REQUIRE(r);
  CHECK(r->first_seq == r->last_seq);
  CHECK(r->results[1].seq == 0);
  CHECK(r->results[1].item.ack->by == "li.wei");
  CHECK(f.inbox(department::planning)[0].ack->by == "li.wei");
}

TEST_CASE("a batch replayed with its key answers the first receipt and writes nothing", "[actors][batch]") {
  fixture f;
  auto r1 = f.run({report_op("2026-11"), token_op("reader")}, "k-1", "hash-a");
  REQUIRE(r1);
  auto after_first = f.last_seq();
  auto r2 = f.run({report_op("2026-11"), token_op("reader")}, "k-1", "hash-a");
  REQUIRE(r2);
  CHECK(r2->replayed);
  CHECK(r2->first_seq == r1->first_seq);
  CHECK(r2->last_seq == r1->last_seq);
  CHECK(r2->results[0].report.version == 1);
  CHECK(r2->results[1].token.record.id == r1->results[1].token.record.id);
  CHECK(r2->results[1].token.token.empty());  // the secret is shown once
  CHECK(f.last_seq() == after_first);

  auto other = f.run({report_op("2026-12")}, "k-1", "hash-b");
  REQUIRE_FALSE(other);
  CHECK(other.error().code == domain::errc::conflict);
  // A single report with the same key text is not confused with the batch.
  auto single = testing::m1_submission("2026-12");
  single.idempotency_key = "k-1";
  single.request_hash = "hash-a";
  auto s = f.submit(single);
  REQUIRE(s);
  CHECK_FALSE(s->replayed);
}

TEST_CASE("a batch survives a restart: its events replay into the books", "[actors][batch]") {
  // What a committed batch changed is rebuilt from the log alone.
  domain::manual_clock clock{t0};
  actors::runtime_options o;
  o.clock = &clock;
  o.scheduler_threads = 2;
  o.snapshot_check_interval = 0ms;
  testing::temp_dir dir;
  o.data_dir = dir.str();
  std::uint64_t item = 0;
  {
    auto rt = std::move(*actors::runtime::start(o));
    actors::batch_submission b{{report_op("2026-11"), report_op("2026-11")}, "tk_admin", "", "", ""};
    auto r = await<actors::batch_receipt>([&](auto done) { rt->api().run_batch(std::move(b), done); });
    REQUIRE(r);
    item = r->results[1].seq;
  }
  auto rt = std::move(*actors::runtime::start(o));
  auto planning = *testing::whole_inbox(rt->api(), department::planning);
  REQUIRE(planning.size() == 2);
  CHECK(planning[1].id == item);
  CHECK(planning[1].version == 2);
  rt->stop();
}
