// The work book's clocks on explicit instants: warnings at 50 % and 75 %, the
// breach at 100 %, each logged once, none skipped after a restart; E3 closed
// by deliveries; complaints routed, escalated and reopened; the counts.
#include <catch2/catch.hpp>

#include "domain/sla/outbox.hpp"
#include "domain/sla/work.hpp"

using namespace gridcoord::domain;
using namespace gridcoord::domain::sla;
using namespace std::chrono_literals;

namespace {

const time_point t0 = *parse_rfc3339("2027-03-10T02:00:00Z");  // 10:00 in Shanghai

working_calendar shanghai() { return *working_calendar::make("Asia/Shanghai", {}); }

clock_spec spec(step what, department owner, time_point from, std::chrono::microseconds limit, unsigned round = 1) {
  return {what, round, owner, from, from + limit, "test limit", {50, 75}};
}

// A book that logs what it is told, as the SLA actor does: every event goes
// through apply_event with its time.
struct journal {
  work_book book;
  std::vector<std::pair<std::string, std::string>> events;  // (type, payload), for replays
  std::vector<time_point> times;

  void log(std::string_view type, time_point at, std::string payload) {
    REQUIRE(book.apply_event(type, at, payload));
    events.emplace_back(type, std::move(payload));
    times.push_back(at);
  }
  // Logs every signal due at `now`, as a check does; answers them.
  std::vector<clock_signal> check(time_point now) {
    auto due = book.due_signals(now);
    for (const auto& s : due) log(s.percent >= 100 ? sla_breached_type : sla_warning_type, now, encode(s));
    return due;
  }
  work_book replay() const {
    work_book fresh;
    for (std::size_t i = 0; i < events.size(); ++i)
      REQUIRE(fresh.apply_event(events[i].first, times[i], events[i].second));
    return fresh;
  }
};

std::vector<unsigned> percents(const std::vector<clock_signal>& v) {
  std::vector<unsigned> out;
  for (const auto& s : v) out.push_back(s.percent);
  return out;
}

// An outage started at t0 and reported at `reported`, with a 5 min E1, a
// 45 min crew arrival and `notices` outage notices.
void report_outage(journal& j, std::uint64_t id, time_point reported, std::uint64_t notices = 0) {
  outage_reported e;
  e.id = id;
  e.equipment = {"F-101"};
  e.started_at = t0;
  e.reported_by = "dispatcher";
  e.notices = notices;
  e.clocks = {spec(step::preliminary_notice, department::dispatch, t0, 5min),
              spec(step::customer_notice, department::customer_service, reported, 15min),
              spec(step::crew_arrival, department::production, t0, 45min)};
  j.log(outage_reported_type, reported, encode(e));
}

}  // namespace

TEST_CASE("an open clock warns at 50 % and 75 % of its limit and breaches at 100 %, each once", "[sla][clocks]") {
  journal j;
  report_outage(j, 1, t0 + 1min);
  const auto* arrival = j.book.find_clock("outage/1", step::crew_arrival);
  REQUIRE(arrival != nullptr);

  CHECK(j.check(t0 + 22min).empty());  // 1 µs short of half of 45 min is still nothing
  CHECK(percents(j.check(t0 + 22min + 30s)) == std::vector<unsigned>{50});
  CHECK(j.check(t0 + 30min).empty());  // logged once
  CHECK(percents(j.check(t0 + 33min + 45s)) == std::vector<unsigned>{75});
  CHECK(j.check(t0 + 45min - 1us).empty());
  auto breach = j.check(t0 + 45min);
  REQUIRE(percents(breach) == std::vector<unsigned>{100});
  CHECK(breach[0].owner == department::production);
  CHECK(breach[0].item == "outage/1");
  CHECK(breach[0].at == t0 + 45min);
  CHECK(j.check(t0 + 10h).empty());
  CHECK(j.book.find_clock("outage/1", step::crew_arrival)->breached());
  // Production was told each, newest first; dispatch nothing.
  auto told = j.book.notices(department::production, 10);
  REQUIRE(told.size() == 3);
  CHECK(told[0]->percent == 100);
  CHECK(told[2]->percent == 50);
  CHECK(j.book.notices(department::production, 1).size() == 1);
  CHECK(j.book.notices(department::dispatch, 10).empty());
}

TEST_CASE("a step completed in time never signals again, one completed late still breaches", "[sla][clocks]") {
  journal j;
  report_outage(j, 1, t0 + 1min);
  report_outage(j, 2, t0 + 1min);
  j.log(outage_crew_arrived_type, t0 + 20min, encode(outage_crew_arrived{1, "", t0 + 20min, "crew 3", {}}));
  // Outage 2's crew arrives 50 min after the start, but nobody checked since:
  j.log(outage_crew_arrived_type, t0 + 50min, encode(outage_crew_arrived{2, "", t0 + 50min, "crew 4", {}}));
  auto due = j.check(t0 + 2h);
  std::vector<std::string> items;
  for (const auto& s : due) items.push_back(s.item + " " + std::to_string(s.percent));
  CHECK(items == std::vector<std::string>{"outage/2 50", "outage/2 75", "outage/2 100"});
  CHECK_FALSE(j.book.find_clock("outage/1", step::crew_arrival)->breached());
}

TEST_CASE("a late preliminary notice is a breach at once and warns about nothing", "[sla][clocks]") {
  journal j;
  report_outage(j, 1, t0 + 12min);  // E1 allows 5 min from the start
  auto due = j.check(t0 + 12min);
  REQUIRE(due.size() == 1);
  CHECK(due[0].what == step::preliminary_notice);
  CHECK(due[0].percent == 100);
  CHECK(due[0].owner == department::dispatch);
  // The customer-notice clock of that outage has nothing to send: complete at the report.
  CHECK(j.book.find_clock("outage/1", step::customer_notice)->completed == t0 + 12min);
}

TEST_CASE("after a restart every signal that came due while down fires at once, and only once", "[sla][clocks]") {
  journal j;
  report_outage(j, 1, t0 + 1min);
  CHECK(percents(j.check(t0 + 23min)) == std::vector<unsigned>{50});
  // The process stops; the log holds what was logged. A new book is built from it.
  journal restarted{j.replay(), j.events, j.times};
  CHECK(percents(restarted.check(t0 + 3h)) == std::vector<unsigned>{75, 100});
  CHECK(restarted.check(t0 + 3h).empty());
  // A second restart after those were logged fires nothing.
  journal again{restarted.replay(), restarted.events, restarted.times};
  CHECK(again.check(t0 + 4h).empty());
}

TEST_CASE("the next wake-up is the earliest instant a signal can come due", "[sla][clocks]") {
  journal j;
  CHECK_FALSE(j.book.next_signal_after(t0));
  report_outage(j, 1, t0 + 1min);
  // E1 is complete in time, E3 complete (no notices): the crew arrival's 50 % is next.
  CHECK(j.book.next_signal_after(t0 + 1min) == t0 + 22min + 30s);
  j.check(t0 + 22min + 30s);
  CHECK(j.book.next_signal_after(t0 + 22min + 30s) == t0 + 33min + 45s);
}

TEST_CASE("E3 completes when every outage notice is delivered, and stays open on a dead letter", "[sla][notices]") {
  journal j;
  report_outage(j, 1, t0 + 1min, 2);
  for (const char* customer : {"C-1", "C-2"}) {
    notification n;
    n.message_id = message_id("outage/1", customer, notification_kind::outage_notice);
    n.customer_id = customer;
    n.cause = "outage/1";
    n.enqueued_at = t0 + 1min;
    j.log(notification_enqueued_type, t0 + 1min, encode(n));
  }
  j.log(notification_delivered_type, t0 + 2min,
        encode(delivered{message_id("outage/1", "C-1", notification_kind::outage_notice), 1, t0 + 2min}));
  CHECK_FALSE(j.book.find_clock("outage/1", step::customer_notice)->completed);
  j.log(notification_dead_lettered_type, t0 + 9min,
        encode(dead_lettered{message_id("outage/1", "C-2", notification_kind::outage_notice), 8, "HTTP 503",
                             t0 + 9min}));
  CHECK_FALSE(j.book.find_clock("outage/1", step::customer_notice)->completed);
  CHECK(j.book.find_outage(1)->notices_failed == 1);
  j.log(customers_notified_type, t0 + 20min, encode(customers_notified{1, "phoned C-2", "agent 7"}));
  CHECK(j.book.find_clock("outage/1", step::customer_notice)->completed == t0 + 20min);
  auto due = j.check(t0 + 20min);
  REQUIRE(due.size() == 3);  // 50 %, 75 % while open, and the breach at 16 min
  CHECK(due.back().what == step::customer_notice);
  CHECK(due.back().owner == department::customer_service);
}

TEST_CASE("a complaint is owned by customer service until the department acknowledges, and reopens on "
          "dissatisfaction",
          "[sla][complaints]") {
  journal j;
  complaint_registered r;
  r.id = 1;
  r.category = complaint_category::supply_capacity;
  r.customer_name = "王芳";
  r.text = "电压低";
  r.clocks = {spec(step::forward, department::customer_service, t0, 14h)};
  j.log(complaint_registered_type, t0, encode(r));
  const auto* c = j.book.find_complaint(1);
  CHECK(c->owner == department::customer_service);
  CHECK(c->responsible == department::planning);

  j.log(complaint_forwarded_type, t0 + 1h,
        encode(complaint_forwarded{1, department::planning, "agent 7",
                                   {spec(step::handling, department::planning, t0 + 1h, 240h)}}));
  CHECK(j.book.find_clock("complaint/1", step::forward)->completed == t0 + 1h);
  CHECK(c->owner == department::customer_service);  // first-question responsibility
  j.log(complaint_acknowledged_type, t0 + 2h, encode(complaint_acknowledged{1, department::planning, "li.wei"}));
  CHECK(c->owner == department::planning);
  j.log(complaint_resolved_type, t0 + 50h, encode(complaint_resolved{1, "transformer tap changed", "li.wei"}));
  CHECK(c->state == complaint_state::resolved);
  CHECK(c->owner == department::customer_service);
  CHECK(j.book.find_clock("complaint/1", step::handling)->completed == t0 + 50h);

  j.log(callback_opened_type, t0 + 50h,
        encode(callback_opened{1, "complaint/1", department::planning, "王芳",
                               {spec(step::callback, department::customer_service, t0 + 50h, 48h)}}));
  CHECK(c->callbacks == std::vector<std::uint64_t>{1});
  j.log(callback_attempted_type, t0 + 51h,
        encode(callback_attempted{1, callback_outcome::no_answer, std::nullopt, true, "", "agent 7"}));
  CHECK_FALSE(j.book.find_callback(1)->completed_at);  // no answer is an attempt, not a completion
  j.log(callback_attempted_type, t0 + 52h,
        encode(callback_attempted{1, callback_outcome::reached, 2u, false, "still low", "agent 7"}));
  CHECK(j.book.find_callback(1)->completed_at == t0 + 52h);
  j.log(complaint_escalated_type, t0 + 52h,
        encode(complaint_escalated{1, department::planning, 1,
                                   {spec(step::handling, department::planning, t0 + 52h, 240h, 2)}}));
  CHECK(c->state == complaint_state::escalated);
  CHECK(c->round == 2);
  CHECK(c->owner == department::customer_service);
  REQUIRE(j.book.find_clock("complaint/1", step::handling, 2) != nullptr);
  CHECK_FALSE(j.book.find_clock("complaint/1", step::handling, 2)->completed);
  auto open = j.book.open_steps(department::planning, t0 + 53h);
  REQUIRE(open.size() == 1);
  CHECK(open[0].clock->spec.round == 2);
  CHECK(open[0].remaining == 239h);
}

TEST_CASE("breaches are counted per department and local month, callbacks per month and department",
          "[sla][figures]") {
  journal j;
  auto cal = shanghai();
  report_outage(j, 1, t0 + 12min);  // E1 late: dispatch
  j.check(t0 + 2h);                 // crew arrival late too: production
  auto counts = j.book.breach_counts(cal);
  REQUIRE(counts.size() == 2);
  CHECK(counts[0] == breach_count{std::chrono::year{2027} / 3, department::dispatch, 1});
  CHECK(counts[1] == breach_count{std::chrono::year{2027} / 3, department::production, 1});
  CHECK(j.book.breaches(department::production, std::chrono::year{2027} / 3, cal).size() == 1);
  CHECK(j.book.breaches(department::production, std::chrono::year{2027} / 4, cal).empty());

  j.log(callback_opened_type, t0 + 3h, encode(callback_opened{1, "outage/1", department::dispatch, "", {}}));
  j.log(callback_opened_type, t0 + 3h, encode(callback_opened{2, "application/A-1", department::marketing, "", {}}));
  j.log(callback_attempted_type, t0 + 4h,
        encode(callback_attempted{1, callback_outcome::reached, 4u, true, "", "agent 7"}));
  auto rates = j.book.callback_rates(cal);
  REQUIRE(rates.size() == 2);
  CHECK(rates[0].for_department == department::dispatch);
  CHECK(rates[0].completed == 1);
  CHECK(rates[0].mean_satisfaction == 4.0);
  CHECK(rates[1].for_department == department::marketing);
  CHECK(rates[1].opened == 1);
  CHECK(rates[1].completed == 0);
  CHECK(j.book.find_outage(1)->callback == 1);
}

TEST_CASE("an event for an item no earlier event created is refused and changes nothing", "[sla][errors]") {
  work_book book;
  auto r = book.apply_event(outage_restored_type, t0, encode(outage_restored{9, "", t0, "x", {}}));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == errc::internal);
  CHECK_FALSE(book.apply_event(outage_reported_type, t0, R"({"id":1})"));
  CHECK(book.outages().empty());
}

TEST_CASE("every SLA payload reads back as it was written", "[sla][events]") {
  outage_reported r;
  r.id = 3;
  r.source = outage_source::feed;
  r.source_event_id = "OMS-1";
  r.source_ref = "OMS-O-7";
  r.equipment = {"F-1", "D-2"};
  r.area = area_class::rural;
  r.started_at = t0;
  r.description = "线路跳闸";
  r.notices = 4;
  r.clocks = {spec(step::crew_arrival, department::production, t0, 90min)};
  auto back = decode<outage_reported>(encode(r));
  REQUIRE(back);
  CHECK(back->source_ref == "OMS-O-7");
  CHECK(back->area == area_class::rural);
  CHECK(back->clocks == r.clocks);
  CHECK(back->description == "线路跳闸");

  outage_updated u{3, "OMS-2", "tree on line", {"D-3"}, t0 + 3h, "dispatcher"};
  auto ub = decode<outage_updated>(encode(u));
  REQUIRE(ub);
  CHECK(ub->etr == t0 + 3h);
  CHECK(ub->cause == "tree on line");
  outage_updated bare{3, "", std::nullopt, {}, std::nullopt, "d"};
  CHECK_FALSE(decode<outage_updated>(encode(bare))->etr);

  clock_signal s{"complaint/2", step::handling, 2, department::planning, 75, t0, t0 - 1h, t0 + 1h};
  CHECK(*decode<clock_signal>(encode(s)) == s);
  callback_attempted a{4, callback_outcome::reached, 5u, true, "好", "agent"};
  auto ab = decode<callback_attempted>(encode(a));
  REQUIRE(ab);
  CHECK(ab->satisfaction == 5u);
  CHECK(ab->outcome == callback_outcome::reached);
  CHECK_FALSE(decode<clock_signal>(R"({"item":"x"})"));
}

TEST_CASE("a deadline in working days that lies in a year without holidays names that year",
          "[sla][work][calendar]") {
  calendar_days days;
  days.name = "test-2026";
  days.years = {std::chrono::year{2026}};
  auto cal = *working_calendar::make("Asia/Shanghai", days);
  auto clock = [](std::string limit, const char* started, const char* due) {
    work_clock c;
    c.item = "complaint/1";
    c.spec = {step::handling, 1, department::production, *parse_rfc3339(started), *parse_rfc3339(due),
              std::move(limit), {50, 75}};
    return c;
  };
  // Registered on 30 December, due at the end of working day 3: in January 2027.
  CHECK(uncovered_years(clock("3 working days", "2026-12-30T02:00:00Z", "2027-01-05T16:00:00Z"), cal) ==
        year_list{2027});
  // Due at the end of 31 December (local midnight, already 1 January): 2026 only.
  CHECK(uncovered_years(clock("1 working day", "2026-12-30T02:00:00Z", "2026-12-31T16:00:00Z"), cal).empty());
  // Limits in calendar time, or the same day, count no holidays.
  CHECK(uncovered_years(clock("4 h", "2026-12-31T14:00:00Z", "2026-12-31T18:00:00Z"), cal).empty());
  CHECK(uncovered_years(clock("the same day", "2027-01-01T02:00:00Z", "2027-01-01T16:00:00Z"), cal).empty());
}
