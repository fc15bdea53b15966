// The work book, the outbox and the customer registry read back from a
// snapshot as the events built them (snapshot.cpp): equal in every member,
// and going on from there as the original does.
#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/json.hpp"
#include "domain/sla/customers.hpp"
#include "domain/sla/outbox.hpp"
#include "domain/sla/work.hpp"

using namespace gridcoord::domain;
using namespace gridcoord::domain::sla;
using namespace std::chrono_literals;
namespace json = boost::json;

namespace {

const time_point t0 = *parse_rfc3339("2027-03-10T02:00:00Z");

clock_spec spec(step what, department owner, time_point from, std::chrono::microseconds limit, unsigned round = 1) {
  return {what, round, owner, from, from + limit, "test limit", {50, 75}};
}

// Through text, as the store keeps it.
json::value through_text(const json::value& v) { return json::parse(to_text(v)); }

struct journal {
  work_book book;
  void log(std::string_view type, time_point at, std::string payload) {
    REQUIRE(book.apply_event(type, at, payload));
  }
  void check(time_point now) {
    for (const auto& s : book.due_signals(now)) log(s.percent >= 100 ? sla_breached_type : sla_warning_type, now, encode(s));
  }
};

notification message(std::string customer, std::uint64_t outage) {
  notification n;
  n.cause = item_name("outage", outage);
  n.customer_id = std::move(customer);
  n.kind = notification_kind::outage_notice;
  n.message_id = message_id(n.cause, n.customer_id, n.kind);
  n.channel = "sms";
  n.address = "+8613800000001";
  n.text = "您所在区域因故障停电。";
  n.language = "zh-CN";
  n.segments = 1;
  n.details = R"({"outage_id":"1"})";
  n.enqueued_at = t0 + 1min;
  return n;
}

// One of each item, in several states: an outage with notices (one
// delivered, one pending), an update, a crew arrival and signals; a feed's
// outage restored; a planned notice; a complaint through forward,
// acknowledgement, result, callback and escalation; an analysis closed.
journal busy_book() {
  journal j;
  outage_reported a;
  a.id = 1;
  a.equipment = {"F-101"};
  a.started_at = t0;
  a.description = "线路跳闸";
  a.reported_by = "dispatcher";
  a.notices = 2;
  a.clocks = {spec(step::preliminary_notice, department::dispatch, t0, 5min),
              spec(step::customer_notice, department::customer_service, t0 + 1min, 15min),
              spec(step::crew_arrival, department::production, t0, 45min)};
  j.log(outage_reported_type, t0 + 1min, encode(a));
  j.log(notification_enqueued_type, t0 + 1min, encode(message("C-1", 1)));
  j.log(notification_enqueued_type, t0 + 1min, encode(message("C-2", 1)));
  j.log(notification_delivered_type, t0 + 2min,
        encode(delivered{message_id("outage/1", "C-1", notification_kind::outage_notice), 1, t0 + 2min}));
  j.log(outage_updated_type, t0 + 3min, encode(outage_updated{1, "", "tree on line", {"D-3"}, t0 + 3h, "dispatcher"}));
  j.check(t0 + 40min);  // warnings of E3 and the crew arrival, the E3 breach
  j.log(outage_crew_arrived_type, t0 + 50min,
        encode(outage_crew_arrived{1, "", t0 + 50min, "crew 4",
                                   {spec(step::restoration, department::production, t0 + 50min, 4h)}}));

  outage_reported b;
  b.id = 2;
  b.source = outage_source::feed;
  b.source_event_id = "OMS-1";
  b.source_ref = "OMS-O-7";
  b.equipment = {"F-102"};
  b.area = area_class::rural;
  b.started_at = t0;
  b.reported_by = "oms";
  j.log(outage_reported_type, t0 + 2min, encode(b));
  j.log(outage_restored_type, t0 + 5h, encode(outage_restored{2, "OMS-2", t0 + 5h, "oms", {}}));
  j.log(callback_opened_type, t0 + 5h,
        encode(callback_opened{1, "outage/2", department::production, "",
                               {spec(step::callback, department::customer_service, t0 + 5h, 48h)}}));

  planned_noticed p;
  p.id = 1;
  p.kind = planned_kind::temporary;
  p.equipment = {"F-103"};
  p.starts_at = t0 + 48h;
  p.ends_at = t0 + 52h;
  p.description = "检修";
  p.noticed_by = "dispatcher";
  p.clocks = {spec(step::planned_notice, department::dispatch, t0, 24h)};
  j.log(planned_noticed_type, t0 + 1h, encode(p));

  complaint_registered r;
  r.id = 1;
  r.category = complaint_category::supply_capacity;
  r.customer_name = "王芳";
  r.contact = "+8613800000009";
  r.text = "电压低";
  r.registered_by = "agent 7";
  r.clocks = {spec(step::forward, department::customer_service, t0, 14h)};
  j.log(complaint_registered_type, t0, encode(r));
  j.log(complaint_forwarded_type, t0 + 1h,
        encode(complaint_forwarded{1, department::planning, "agent 7",
                                   {spec(step::handling, department::planning, t0 + 1h, 240h)}}));
  j.log(complaint_acknowledged_type, t0 + 2h, encode(complaint_acknowledged{1, department::planning, "li.wei"}));
  j.log(complaint_resolved_type, t0 + 50h, encode(complaint_resolved{1, "tap changed", "li.wei"}));
  j.log(callback_opened_type, t0 + 50h,
        encode(callback_opened{2, "complaint/1", department::planning, "王芳",
                               {spec(step::callback, department::customer_service, t0 + 50h, 48h)}}));
  j.log(callback_attempted_type, t0 + 51h,
        encode(callback_attempted{2, callback_outcome::reached, 2u, false, "still low", "agent 7"}));
  j.log(complaint_escalated_type, t0 + 52h,
        encode(complaint_escalated{1, department::planning, 2,
                                   {spec(step::handling, department::planning, t0 + 52h, 240h, 2)}}));
  j.log(analysis_opened_type, t0 + 6h, encode(analysis_opened{1, "outage/1", step::crew_arrival, department::production}));
  j.log(analysis_closed_type, t0 + 30h, encode(analysis_closed{1, "crew dispatched late", "zhang"}));
  return j;
}

}  // namespace

TEST_CASE("a work book read back from its snapshot equals the one the events built", "[sla][snapshot]") {
  auto j = busy_book();
  REQUIRE(j.book.outages().size() == 2);
  REQUIRE_FALSE(j.book.breaches(std::nullopt, std::nullopt, *working_calendar::make("Asia/Shanghai", {})).empty());
  auto back = work_book::from_json(through_text(j.book.to_json()));
  REQUIRE(back);
  CHECK(*back == j.book);
  CHECK(back->find_outage(1)->notices_pending.size() == 1);
  CHECK(back->outage_of_source("OMS-O-7") == 2);
  CHECK(back->item_of_source_event("OMS-2") == "outage/2");
  CHECK(back->callback_for("complaint/1") == 2);
  CHECK(back->next_outage() == 3);
}

TEST_CASE("a work book read back from its snapshot goes on as the original: the same signals, the same state",
          "[sla][snapshot]") {
  auto j = busy_book();
  auto back = work_book::from_json(through_text(j.book.to_json()));
  REQUIRE(back);
  journal copy{std::move(*back)};
  // The rebuilt schedule answers what the original's does, at every instant.
  for (auto at : {t0 + 1h, t0 + 10h, t0 + 60h, t0 + 400h}) {
    CHECK(copy.book.due_signals(at) == j.book.due_signals(at));
    CHECK(copy.book.next_signal_after(at) == j.book.next_signal_after(at));
  }
  for (auto* jj : {&j, &copy}) {
    jj->log(outage_restored_type, t0 + 3h, encode(outage_restored{1, "", t0 + 3h, "crew 4", {}}));
    jj->log(notification_delivered_type, t0 + 3h,
            encode(delivered{message_id("outage/1", "C-2", notification_kind::outage_notice), 2, t0 + 3h}));
    jj->check(t0 + 300h);
  }
  CHECK(copy.book == j.book);
  CHECK(copy.book.open_steps(std::nullopt, t0 + 300h).size() == j.book.open_steps(std::nullopt, t0 + 300h).size());
}

TEST_CASE("a work book snapshot that lacks a part or holds a wrong value is refused", "[sla][snapshot][errors]") {
  auto j = busy_book();
  auto v = through_text(j.book.to_json());
  auto without = v;
  without.as_object().erase("clocks");
  auto r = work_book::from_json(without);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::internal);
  auto wrong = v;
  wrong.as_object()["outages"].as_array()[0].as_object()["reported_at"] = "yesterday";
  CHECK_FALSE(work_book::from_json(wrong));
  CHECK_FALSE(work_book::from_json(json::value("not a book")));
}

TEST_CASE("an outbox read back from its snapshot equals the one the events built and sends the same next",
          "[sla][snapshot][outbox]") {
  outbox box;
  auto apply = [&](std::string_view type, const std::string& payload) { REQUIRE(box.apply_event(type, payload)); };
  std::vector<std::string> ids;
  for (auto c : {"C-3", "C-1", "C-2", "C-4"}) {
    auto n = message(c, 1);
    ids.push_back(n.message_id);
    apply(notification_enqueued_type, encode(n));
  }
  auto restoration = message("C-1", 1);
  restoration.kind = notification_kind::restoration;
  restoration.message_id = message_id(restoration.cause, "C-1", restoration.kind);
  apply(notification_enqueued_type, encode(restoration));
  apply(notification_attempt_failed_type, encode(attempt_failed{ids[0], 1, "HTTP 503", t0 + 5min}));
  apply(notification_delivered_type, encode(delivered{ids[1], 1, t0 + 2min}));
  apply(notification_dead_lettered_type, encode(dead_lettered{ids[2], 8, "HTTP 410", t0 + 3min}));

  auto back = outbox::from_json(through_text(box.to_json()));
  REQUIRE(back);
  CHECK(*back == box);
  CHECK(back->pending() == box.pending());
  CHECK(back->next_due() == box.next_due());
  auto due_ids = [](const outbox& b) {
    std::vector<std::string> out;
    for (const auto* m : b.due(t0 + 1h, 10)) out.push_back(m->message.message_id);
    return out;
  };
  CHECK(due_ids(*back) == due_ids(box));
  REQUIRE(back->for_customer("C-1").size() == 2);
  CHECK(back->for_customer("C-1")[1]->message.kind == notification_kind::restoration);  // order kept
  REQUIRE(back->dead_letters(10).size() == 1);
  CHECK(back->dead_letters(10)[0]->last_error == "HTTP 410");

  auto broken = through_text(box.to_json());
  broken.as_object()["dead_letters"].as_array().emplace_back("no such message");
  CHECK_FALSE(outbox::from_json(broken));
}

TEST_CASE("a customer registry read back from its snapshot keeps versions and finds the customers below equipment",
          "[sla][snapshot][customers]") {
  equipment_registry grid;
  auto draft = read_import_json(json::parse(R"({"equipment":[
    {"id":"S1","kind":"substation","area_class":"urban","region":"东城区","rating_kva":126000},
    {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000},
    {"id":"F1","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000},
    {"id":"D1","kind":"distribution_transformer","parent":"F1","area_class":"urban","region":"东城区","rating_kva":630}]})"));
  REQUIRE(draft);
  auto rows = grid.check_import(*draft);
  REQUIRE(rows);
  grid.apply_import(*rows);

  customer_registry reg;
  std::vector<customer> first{{"C-1", "蓝海化工", customer_tier::important, {{"sms", "+8613800000001"}}, "D1"},
                              {"C-2", "市第一医院", customer_tier::large, {{"email", "ops@h.cn"}}, "F1"}};
  reg.apply_import(first, grid, 7);
  first[0].name = "蓝海化工集团";
  reg.apply_import(std::span(first).first(1), grid, 9);

  auto back = customer_registry::from_json(through_text(reg.to_json()), grid);
  REQUIRE(back);
  CHECK(*back == reg);
  CHECK(back->find("C-1")->version == 2);
  CHECK(back->find("C-1")->changed_seq == 9);
  std::vector<std::string> below_t1{"T1"};
  REQUIRE(back->affected(below_t1).size() == 2);
  CHECK(back->affected(below_t1)[0]->id == "C-1");
  CHECK_FALSE(customer_registry::from_json(json::parse(R"([{"id":"C-9"}])"), grid));
}
