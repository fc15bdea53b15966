// The notification outbox of domain/sla/outbox.hpp: the backoff, the payloads
// as logged, and the projection the notification actor rebuilds from them.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "domain/sla/outbox.hpp"

using namespace gridcoord;
using namespace gridcoord::domain::sla;
using namespace std::chrono;
using tp = gridcoord::domain::time_point;

namespace {

const tp t0{sys_days{2026y / October / 5} + 8h + 30min};

notification sample(std::string customer, notification_kind kind = notification_kind::outage_notice,
                    tp at = t0) {
  notification n;
  n.cause = "outage/17";
  n.customer_id = std::move(customer);
  n.kind = kind;
  n.message_id = message_id(n.cause, n.customer_id, kind);
  n.channel = "webhook";
  n.address = "https://hooks.example/c";
  n.text = "您所在区域因故障停电，预计 12:00 恢复供电。";
  n.details = R"({"outage_id":"17","equipment":["F-101"],"etr":"2026-10-05T12:00:00Z"})";
  n.enqueued_at = at;
  return n;
}

struct event {
  std::string type;
  std::string payload;
};

event enqueued(const notification& n) { return {std::string(notification_enqueued_type), encode(n)}; }
event failed(const std::string& id, unsigned attempt, std::string error, tp next) {
  return {std::string(notification_attempt_failed_type), encode(attempt_failed{id, attempt, std::move(error), next})};
}
event delivered_at(const std::string& id, unsigned attempt, tp at) {
  return {std::string(notification_delivered_type), encode(delivered{id, attempt, at})};
}
event dead_at(const std::string& id, unsigned attempts, std::string error, tp at) {
  return {std::string(notification_dead_lettered_type), encode(dead_lettered{id, attempts, std::move(error), at})};
}

void apply_all(outbox& box, const std::vector<event>& events) {
  for (const auto& e : events) REQUIRE(box.apply_event(e.type, e.payload));
}

// Everything a reader of the outbox can see, for comparing two outboxes.
std::string state_of(const outbox& box, const std::vector<std::string>& ids) {
  std::string out = fmt::format("size {} pending {};", box.size(), box.pending());
  for (const auto& id : ids) {
    const auto* m = box.find(id);
    if (!m) {
      out += id + " missing;";
      continue;
    }
    out += fmt::format("{} {} {} '{}' {} {};", id, to_string(m->state), m->attempts, m->last_error,
                       m->next_at ? domain::format_rfc3339(*m->next_at) : "-",
                       m->ended_at ? domain::format_rfc3339(*m->ended_at) : "-");
  }
  for (const auto* m : box.due(t0 + hours{24 * 365}, 100)) out += "due " + m->message.message_id + ";";
  for (const auto* m : box.dead_letters(100)) out += "dead " + m->message.message_id + ";";
  return out;
}

}  // namespace

TEST_CASE("the retry delay doubles from initial and stops growing at max_delay", "[sla][outbox]") {
  retry_policy p{.initial = milliseconds{1'000}, .multiplier = 2.0, .max_delay = milliseconds{60'000}, .jitter = 0.0};
  std::vector<long> delays;
  for (unsigned n = 1; n <= 9; ++n) delays.push_back(retry_delay(p, "outage/1/C-1/outage_notice", n).count());
  CHECK(delays == std::vector<long>{1'000, 2'000, 4'000, 8'000, 16'000, 32'000, 60'000, 60'000, 60'000});
  CHECK(retry_delay(p, "m", 0) == milliseconds{1'000});
  CHECK(retry_delay(p, "m", 10'000) == milliseconds{60'000});  // no overflow for absurd counts
}

TEST_CASE("the retry delay stays within the jitter band of the unjittered delay", "[sla][outbox]") {
  retry_policy p;  // 1 s doubling to 300 s, ±20 %
  for (unsigned n = 1; n <= 12; ++n) {
    double base = std::min(1'000.0 * (1u << (n - 1)), 300'000.0);
    for (int c = 0; c < 50; ++c) {
      auto d = static_cast<double>(retry_delay(p, fmt::format("outage/{}/C-{}/etr_update", n, c), n).count());
      CHECK(d >= std::floor(base * 0.8));
      CHECK(d <= std::ceil(base * 1.2));
    }
  }
}

TEST_CASE("the retry delay is the same for the same message and attempt, on every build", "[sla][outbox]") {
  retry_policy p;
  CHECK(retry_delay(p, "outage/17/C-1001/outage_notice", 1) == retry_delay(p, "outage/17/C-1001/outage_notice", 1));
  // FNV-1a 64 of the id then "#<attempt>", worked out independently of this code.
  CHECK(retry_delay(p, "outage/17/C-1001/outage_notice", 1) == milliseconds{1'169});
  CHECK(retry_delay(p, "outage/17/C-1001/outage_notice", 3) == milliseconds{4'676});
  CHECK(retry_delay(p, "outage/17/C-1002/restoration", 10) == milliseconds{316'038});
}

TEST_CASE("messages that failed together wait different delays", "[sla][outbox]") {
  retry_policy p;
  std::set<long> seen;
  for (int c = 0; c < 100; ++c) seen.insert(retry_delay(p, fmt::format("outage/9/C-{}/outage_notice", c), 1).count());
  CHECK(seen.size() > 50);
}

TEST_CASE("a message id names the cause, the customer and the kind", "[sla][outbox]") {
  CHECK(message_id("outage/17", "C-1001", notification_kind::outage_notice) == "outage/17/C-1001/outage_notice");
  CHECK(message_id("outage/17", "C-1001", notification_kind::restoration) == "outage/17/C-1001/restoration");
  CHECK(notification_stream("outage/17/C-1001/etr_update") == "notification/outage/17/C-1001/etr_update");
  CHECK(is_notification_event("notification.delivered"));
  CHECK_FALSE(is_notification_event("outage.reported"));
  CHECK(parse_notification_kind("etr_update") == notification_kind::etr_update);
  CHECK_FALSE(parse_notification_kind("ETR_update"));
}

TEST_CASE("every payload reads back as it was written", "[sla][outbox]") {
  auto n = sample("C-1001", notification_kind::etr_update);
  n.channel = "sms";
  n.language = "zh-CN";
  n.segments = 3;
  n.too_long = true;
  auto back = decode_notification(encode(n));
  REQUIRE(back);
  CHECK(*back == n);

  attempt_failed a{n.message_id, 3, "HTTP 503", t0 + 4s};
  auto a2 = decode_attempt_failed(encode(a));
  REQUIRE(a2);
  CHECK(a2->message_id == a.message_id);
  CHECK(a2->attempt == 3);
  CHECK(a2->error == "HTTP 503");
  CHECK(a2->next_at == a.next_at);

  delivered d{n.message_id, 4, t0 + 9s + 250ms};
  auto d2 = decode_delivered(encode(d));
  REQUIRE(d2);
  CHECK(d2->message_id == d.message_id);
  CHECK(d2->attempt == 4);
  CHECK(d2->at == d.at);

  dead_lettered x{n.message_id, 8, "HTTP 400", t0 + 1h};
  auto x2 = decode_dead_lettered(encode(x));
  REQUIRE(x2);
  CHECK(x2->message_id == x.message_id);
  CHECK(x2->attempts == 8);
  CHECK(x2->error == "HTTP 400");
  CHECK(x2->at == x.at);
}

TEST_CASE("a notification logged before the templates reads back with its text and no language",
          "[sla][outbox]") {
  auto back = decode_notification(
      R"({"message_id":"outage/1/C-1/outage_notice","customer_id":"C-1","channel":"sms","address":"+8613800000001",)"
      R"("kind":"outage_notice","cause":"outage/1","text":"停电通知 Outage: power is off on F1.","details":"{}",)"
      R"("enqueued_at":"2026-10-05T08:30:00Z"})");
  REQUIRE(back);
  CHECK(back->text == "停电通知 Outage: power is off on F1.");
  CHECK(back->language.empty());
  CHECK(back->segments == 0);
  CHECK_FALSE(back->too_long);
}

TEST_CASE("an unreadable payload is an internal error naming the event type", "[sla][outbox]") {
  auto not_json = decode_notification("{");
  REQUIRE_FALSE(not_json);
  CHECK(not_json.error().code == domain::errc::internal);
  CHECK(not_json.error().message == "a stored notification.enqueued event is unreadable: not JSON");
  auto missing = decode_delivered(R"({"message_id":"m","at":"2026-10-05T08:30:00Z"})");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == domain::errc::internal);
  CHECK(missing.error().message.starts_with("a stored notification.delivered event is unreadable"));
  auto bad_time = decode_attempt_failed(R"({"message_id":"m","attempt":1,"error":"e","next_at":"soon"})");
  REQUIRE_FALSE(bad_time);
  CHECK(bad_time.error().message == "a stored notification.attempt_failed event is unreadable: next_at is not an "
                                    "RFC 3339 time");
}

TEST_CASE("an enqueued message is due at once, and after failures at its logged next attempt", "[sla][outbox]") {
  outbox box;
  auto n = sample("C-1001");
  apply_all(box, {enqueued(n)});
  REQUIRE(box.find(n.message_id));
  CHECK(box.find(n.message_id)->state == delivery_state::pending);
  CHECK(box.find(n.message_id)->next_at == t0);
  CHECK(box.next_due() == t0);
  CHECK(box.due(t0, 10).size() == 1);
  CHECK(box.due(t0 - 1us, 10).empty());

  apply_all(box, {failed(n.message_id, 1, "connection refused", t0 + 1s),
                  failed(n.message_id, 2, "HTTP 503", t0 + 3s)});
  const auto* m = box.find(n.message_id);
  CHECK(m->attempts == 2);
  CHECK(m->last_error == "HTTP 503");
  CHECK(m->next_at == t0 + 3s);
  CHECK(box.next_due() == t0 + 3s);
  CHECK(box.due(t0 + 2s, 10).empty());
  CHECK(box.pending() == 1);

  apply_all(box, {delivered_at(n.message_id, 3, t0 + 3s + 20ms)});
  CHECK(m->state == delivery_state::delivered);
  CHECK(m->attempts == 3);
  CHECK(m->last_error == "HTTP 503");
  CHECK_FALSE(m->next_at);
  CHECK(m->ended_at == t0 + 3s + 20ms);
  CHECK(box.pending() == 0);
  CHECK(box.size() == 1);
  CHECK_FALSE(box.next_due());
  CHECK(box.due(t0 + 1h, 10).empty());
  CHECK(box.dead_letters(10).empty());
}

TEST_CASE("a dead-lettered message leaves the schedule and is listed with its last error", "[sla][outbox]") {
  outbox box;
  auto n = sample("C-1001");
  auto other = sample("C-1002");
  std::vector<event> events{enqueued(n), enqueued(other)};
  for (unsigned a = 1; a < 8; ++a) events.push_back(failed(n.message_id, a, "HTTP 503", t0 + seconds{a}));
  events.push_back(dead_at(n.message_id, 8, "HTTP 502", t0 + 10s));
  apply_all(box, events);
  const auto* m = box.find(n.message_id);
  CHECK(m->state == delivery_state::dead_lettered);
  CHECK(m->attempts == 8);
  CHECK(m->last_error == "HTTP 502");
  CHECK(m->ended_at == t0 + 10s);
  CHECK_FALSE(m->next_at);
  auto dead = box.dead_letters(10);
  REQUIRE(dead.size() == 1);
  CHECK(dead[0] == m);
  CHECK(box.pending() == 1);
  CHECK(box.due(t0 + 1h, 10) == std::vector<const message_status*>{box.find(other.message_id)});
  CHECK(box.dead_letters(0).empty());
}

TEST_CASE("events for a message that has ended change nothing", "[sla][outbox]") {
  outbox box;
  auto n = sample("C-1001");
  apply_all(box, {enqueued(n), delivered_at(n.message_id, 1, t0 + 1s)});
  auto before = state_of(box, {n.message_id});
  apply_all(box, {failed(n.message_id, 2, "HTTP 503", t0 + 5s), dead_at(n.message_id, 2, "HTTP 400", t0 + 6s),
                  delivered_at(n.message_id, 7, t0 + 7s)});
  CHECK(state_of(box, {n.message_id}) == before);
  CHECK(box.find(n.message_id)->state == delivery_state::delivered);
}

TEST_CASE("an attempt for a message never enqueued is an internal error", "[sla][outbox]") {
  outbox box;
  const std::string id = "outage/1/C-9/restoration";
  for (const auto& e : {failed(id, 1, "HTTP 503", t0), delivered_at(id, 1, t0), dead_at(id, 1, "HTTP 400", t0)}) {
    auto st = box.apply_event(e.type, e.payload);
    REQUIRE_FALSE(st);
    CHECK(st.error().code == domain::errc::internal);
    CHECK(st.error().message == fmt::format("a stored {} event names the unknown message outage/1/C-9/restoration",
                                            e.type));
  }
  CHECK(box.size() == 0);
  CHECK(box.apply_event("outage.reported", "{}"));  // not ours: ignored
}

TEST_CASE("every event applied twice leaves the outbox as applied once", "[sla][outbox]") {
  auto a = sample("C-1001");
  auto b = sample("C-1002");
  std::vector<event> events{enqueued(a), enqueued(b), failed(a.message_id, 1, "HTTP 503", t0 + 1s),
                            failed(b.message_id, 1, "connection refused", t0 + 2s),
                            failed(a.message_id, 2, "HTTP 503", t0 + 4s), delivered_at(b.message_id, 2, t0 + 3s)};
  outbox once, twice;
  apply_all(once, events);
  for (const auto& e : events) apply_all(twice, {e, e});
  CHECK(state_of(twice, {a.message_id, b.message_id}) == state_of(once, {a.message_id, b.message_id}));
  CHECK(twice.find(a.message_id)->attempts == 2);
  CHECK(twice.find(a.message_id)->next_at == t0 + 4s);
  // A late duplicate of an earlier failure does not move the schedule back.
  apply_all(twice, {failed(a.message_id, 1, "HTTP 503", t0 + 1s)});
  CHECK(twice.find(a.message_id)->next_at == t0 + 4s);
  CHECK(twice.pending() == 1);
}

TEST_CASE("replaying the log in a fresh outbox after a restart gives the same state", "[sla][outbox]") {
  auto a = sample("C-1001");
  auto b = sample("C-1002", notification_kind::outage_notice, t0 + 1s);
  auto c = sample("C-1001", notification_kind::restoration, t0 + 2h);
  std::vector<event> log{enqueued(a), enqueued(b), failed(a.message_id, 1, "HTTP 503", t0 + 1s),
                         delivered_at(b.message_id, 1, t0 + 1s + 5ms), enqueued(c),
                         dead_at(a.message_id, 2, "HTTP 400", t0 + 2s)};
  std::vector<std::string> ids{a.message_id, b.message_id, c.message_id};
  outbox before;
  apply_all(before, log);
  outbox after;
  apply_all(after, log);
  CHECK(state_of(after, ids) == state_of(before, ids));
  CHECK(after.pending() == 1);
  CHECK(after.next_due() == t0 + 2h);
  auto history = after.for_customer("C-1001");
  REQUIRE(history.size() == 2);
  CHECK(history[0]->message.message_id == a.message_id);
  CHECK(history[1]->message.message_id == c.message_id);
  CHECK(after.for_customer("C-404").empty());
}

TEST_CASE("due lists the earliest first and at most the limit", "[sla][outbox]") {
  outbox box;
  std::vector<notification> ns;
  for (int i = 0; i < 5; ++i)
    ns.push_back(sample(fmt::format("C-{}", i), notification_kind::outage_notice, t0 + seconds{10 - i}));
  for (const auto& n : ns) apply_all(box, {enqueued(n)});
  // C-0 fails and moves behind the others.
  apply_all(box, {failed(ns[0].message_id, 1, "HTTP 503", t0 + 60s)});
  auto ids = [](const std::vector<const message_status*>& ms) {
    std::vector<std::string> out;
    for (const auto* m : ms) out.push_back(m->message.customer_id);
    return out;
  };
  CHECK(ids(box.due(t0 + 1h, 10)) == std::vector<std::string>{"C-4", "C-3", "C-2", "C-1", "C-0"});
  CHECK(ids(box.due(t0 + 1h, 2)) == std::vector<std::string>{"C-4", "C-3"});
  CHECK(ids(box.due(t0 + 8s, 10)) == std::vector<std::string>{"C-4", "C-3", "C-2"});
  CHECK(box.due(t0 + 1h, 0).empty());
  CHECK(box.next_due() == t0 + 6s);
}

TEST_CASE("delivered messages are forgotten after their age, pending ones and dead letters stay, and a late event "
          "for a forgotten one is ignored",
          "[sla][outbox]") {
  outbox box;
  box.index_delivered();
  auto a = sample("C-1"), b = sample("C-2"), c = sample("C-3"), d = sample("C-4");
  apply_all(box, {enqueued(a), enqueued(b), enqueued(c), enqueued(d), delivered_at(a.message_id, 1, t0 + seconds{10}),
                  delivered_at(b.message_id, 1, t0 + seconds{20}), dead_at(d.message_id, 8, "HTTP 410", t0 + seconds{5})});
  CHECK(box.forget_delivered_before(t0 + seconds{15}) == 1);
  CHECK(box.find(a.message_id) == nullptr);
  CHECK(box.for_customer("C-1").empty());
  CHECK(box.find(b.message_id) != nullptr);              // delivered after the age
  CHECK(box.find(c.message_id)->state == delivery_state::pending);
  CHECK(box.dead_letters(10).size() == 1);               // dead letters are kept
  CHECK(box.forget_delivered_before(t0 + seconds{15}) == 0);
  // A straggler for the forgotten message changes nothing and is no error.
  CHECK(box.apply_event(notification_delivered_type, encode(delivered{a.message_id, 2, t0 + seconds{30}})));
  CHECK(box.size() == 3);
  CHECK(box.forget_delivered_before(t0 + hours{1}) == 1);
  CHECK(box.size() == 2);
}

TEST_CASE("an outbox that does not index its delivered messages forgets none, and indexing later finds them all",
          "[sla][outbox]") {
  outbox box;
  auto a = sample("C-1");
  apply_all(box, {enqueued(a), delivered_at(a.message_id, 1, t0 + seconds{10})});
  CHECK(box.forget_delivered_before(t0 + hours{1}) == 0);
  CHECK(box.find(a.message_id) != nullptr);
  box.index_delivered();
  CHECK(box.forget_delivered_before(t0 + hours{1}) == 1);
  CHECK(box.find(a.message_id) == nullptr);
}
