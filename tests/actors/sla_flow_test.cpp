// Outages, complaints and callbacks through the real actors on a manual
// clock: the clocks warn and breach once, a restart fires what came due while
// down exactly once, notices go out through a sink that fails and recovers,
// complaints are routed and escalated, the feed is idempotent.
#include <catch2/catch.hpp>

#include "tests/actors/support/sla_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using namespace gridcoord::testing::sla_fixture;
using testing::await;
using testing::t0;
using domain::department;


TEST_CASE("an outage's clocks run from its start: notices delivered, arrival met, a late restoration breached",
          "[actors][sla]") {
  domain::manual_clock clock{t0};
  auto sink = std::make_shared<planned_sink>();
  auto rt = std::move(*actors::runtime::start(options(&clock, sink)));
  auto& api = rt->api();
  load_network(api);

  auto o = item_of(ask(api, actors::report_outage{writer("tk_dispatch"), {"F1"}, t0 - 2min, "线路跳闸"}));
  CHECK(o.item == "outage/1");
  CHECK(o.created);
  const auto& reported = std::get<sla::outage>(o.record);
  CHECK(reported.report.area == domain::area_class::urban);
  CHECK(reported.notices == 2);  // C-1 under D1, C-2 at F1; not C-3 on F2
  CHECK(clock_of(o, sla::step::preliminary_notice).completed == t0);  // 2 min after the start: within 5 min
  CHECK(clock_of(o, sla::step::crew_arrival).spec.due == t0 - 2min + 45min);

  REQUIRE(*rt->check_outbox() == 2u);
  auto sent = sink->sent();
  REQUIRE(sent.size() == 2);
  CHECK(sent[0].message_id == "outage/1/C-1/outage_notice");
  CHECK(sent[1].address == "ops@hospital.cn");
  o = item_of(ask(api, actors::get_item{"outage", 1}));
  CHECK(clock_of(o, sla::step::customer_notice).completed);

  clock.set(t0 + 30min);
  o = item_of(ask(api, actors::record_crew_arrival{writer("tk_crew"), 1, std::nullopt}));
  CHECK(clock_of(o, sla::step::crew_arrival).completed == t0 + 30min);
  CHECK(clock_of(o, sla::step::restoration).spec.due == t0 + 30min + 4h);
  // Half of 45 min came at t0 + 20.5 min, while the arrival was still open: logged now, once.
  CHECK(described(*rt->check_sla()) == std::vector<std::string>{"outage/1 crew_arrival 50"});

  clock.set(t0 + 30min + 3h);  // 75 % of the restoration's 4 h
  CHECK(described(*rt->check_sla()) ==
        std::vector<std::string>{"outage/1 restoration 50", "outage/1 restoration 75"});
  clock.set(t0 + 30min + 4h);
  CHECK(described(*rt->check_sla()) == std::vector<std::string>{"outage/1 restoration 100"});
  CHECK(rt->check_sla()->empty());

  auto analyses = ask(api, actors::list_items{"analysis", true, 0, 10});
  REQUIRE(analyses);
  const auto& list = std::get<actors::item_list>(*analyses);
  REQUIRE(list.items.size() == 1);
  const auto& a = std::get<sla::analysis>(list.items[0].record);
  CHECK(a.opening.item == "outage/1");
  CHECK(a.opening.breached == sla::step::restoration);
  CHECK(a.opening.owner == department::production);

  clock.set(t0 + 5h);
  o = item_of(ask(api, actors::restore_outage{writer("tk_crew"), 1, std::nullopt}));
  CHECK(std::get<sla::outage>(o.record).callback == 1);
  REQUIRE(*rt->check_outbox() == 2u);  // the restoration notices
  CHECK(sink->sent().back().kind == sla::notification_kind::restoration);

  auto work = ask(api, actors::list_open_work{department::customer_service});
  REQUIRE(work);
  const auto& open = std::get<actors::open_work>(*work);
  REQUIRE(open.steps.size() == 1);
  CHECK(open.steps[0].clock.item == "callback/1");
  CHECK(open.notices.empty());  // customer service was warned of nothing: E3 was met
  auto production = std::get<actors::open_work>(*ask(api, actors::list_open_work{department::production}));
  REQUIRE(production.notices.size() == 4);  // arrival 50; restoration 50, 75, 100
  CHECK(production.notices[0].percent == 100);
  CHECK(production.notices[0].what == sla::step::restoration);
  auto breaches = ask(api, actors::list_breaches{department::production, std::nullopt});
  CHECK(std::get<actors::breach_list>(*breaches).breaches.size() == 1);

  // Closing the analysis is production's.
  CHECK(ask(api, actors::close_analysis{writer(), 1, department::dispatch, "late crew"}).error().code ==
        domain::errc::conflict);
  auto closed = item_of(ask(api, actors::close_analysis{writer(), 1, department::production, "the crew came from F9"}));
  CHECK(std::get<sla::analysis>(closed.record).closing->finding == "the crew came from F9");
}

TEST_CASE("after a restart every deadline that passed while down fires at once, and none fires twice",
          "[actors][sla][restart]") {
  testing::temp_dir dir;
  domain::manual_clock clock{t0};
  auto sink = std::make_shared<planned_sink>();
  {
    auto rt = std::move(*actors::runtime::start(options(&clock, sink, dir.path().string())));
    load_network(rt->api());
    REQUIRE(ask(rt->api(), actors::report_outage{writer(), {"F2"}, t0, ""}));  // rural: arrival 90 min
    REQUIRE(*rt->check_outbox() == 1u);  // C-3 told: E3 met
    clock.set(t0 + 50min);
    CHECK(described(*rt->check_sla()) == std::vector<std::string>{"outage/1 crew_arrival 50"});
  }  // stopped: nothing is logged while it is down
  clock.set(t0 + 3h);
  {
    auto rt = std::move(*actors::runtime::start(options(&clock, sink, dir.path().string())));
    CHECK(described(*rt->check_sla()) ==
          std::vector<std::string>{"outage/1 crew_arrival 75", "outage/1 crew_arrival 100"});
    CHECK(rt->check_sla()->empty());
  }
  {
    auto rt = std::move(*actors::runtime::start(options(&clock, sink, dir.path().string())));
    CHECK(rt->check_sla()->empty());
    auto b = ask(rt->api(), actors::list_breaches{std::nullopt, std::nullopt});
    CHECK(std::get<actors::breach_list>(*b).breaches.size() == 1);
  }
}

TEST_CASE("a failed notice is retried with backoff, then dead-lettered after the last attempt", "[actors][sla][outbox]") {
  domain::manual_clock clock{t0};
  auto sink = std::make_shared<planned_sink>();
  using result = actors::delivery_outcome::result;
  sink->plan = {result::retry, result::retry, result::retry};
  auto rt = std::move(*actors::runtime::start(options(&clock, sink)));
  load_network(rt->api());
  REQUIRE(ask(rt->api(), actors::report_outage{writer(), {"F2"}, t0, ""}));  // C-3 only
  CHECK(*rt->check_outbox() == 1u);
  auto pending = ask(rt->api(), actors::list_notifications{sla::delivery_state::pending, "", 10});
  const auto& p = std::get<actors::notification_list>(*pending);
  REQUIRE(p.items.size() == 1);
  CHECK(p.items[0].attempts == 1);
  REQUIRE(p.items[0].next_at);
  auto first_wait = *p.items[0].next_at - t0;
  CHECK(first_wait >= 800ms);  // 1 s ± 20 %
  CHECK(first_wait <= 1200ms);
  CHECK(*rt->check_outbox() == 0u);  // not due yet: nothing is sent
  clock.set(*p.items[0].next_at);
  CHECK(*rt->check_outbox() == 1u);
  clock.advance(10s);
  CHECK(*rt->check_outbox() == 1u);  // the third and last attempt
  auto dead = ask(rt->api(), actors::list_notifications{sla::delivery_state::dead_lettered, "", 10});
  const auto& d = std::get<actors::notification_list>(*dead);
  REQUIRE(d.items.size() == 1);
  CHECK(d.items[0].attempts == 3);
  CHECK(d.items[0].last_error == "HTTP 503");
  CHECK(sink->sent().size() == 3);
  for (const auto& n : sink->sent()) CHECK(n.message_id == "outage/1/C-3/outage_notice");
  // E3 stays open until customer service says it told the customer another way.
  auto o = item_of(ask(rt->api(), actors::get_item{"outage", 1}));
  CHECK_FALSE(clock_of(o, sla::step::customer_notice).completed);
  o = item_of(ask(rt->api(), actors::notify_customers{writer(), 1, "phoned the water works"}));
  CHECK(clock_of(o, sla::step::customer_notice).completed);
}

TEST_CASE("complaints are routed by category and a dissatisfied callback escalates and reopens them",
          "[actors][sla][complaints]") {
  domain::manual_clock clock{t0};
  auto rt = std::move(*actors::runtime::start(options(&clock, nullptr)));
  auto& api = rt->api();
  load_network(api);
  const std::vector<std::pair<sla::complaint_category, department>> routes{
      {sla::complaint_category::power_quality, department::production},
      {sla::complaint_category::supply_capacity, department::planning},
      {sla::complaint_category::new_connection, department::marketing},
      {sla::complaint_category::outage, department::dispatch}};
  std::uint64_t id = 0;
  for (const auto& [category, to] : routes) {
    auto k = item_of(ask(api, actors::register_complaint{writer("tk_cs"), category, "C-1", "", "", "电压不稳"}));
    id = std::get<sla::complaint>(k.record).id;
    CHECK(std::get<sla::complaint>(k.record).owner == department::customer_service);
    CHECK(clock_of(k, sla::step::forward).spec.owner == department::customer_service);
    k = item_of(ask(api, actors::forward_complaint{writer("tk_cs"), id}));
    const auto& c = std::get<sla::complaint>(k.record);
    CHECK(c.responsible == to);
    CHECK(c.owner == department::customer_service);  // until `to` acknowledges
    CHECK(clock_of(k, sla::step::handling).spec.owner == to);
  }
  // The supply-capacity complaint (id 2) is planning's; production may not take it.
  CHECK(ask(api, actors::acknowledge_complaint{writer(), 2, department::production}).error().code ==
        domain::errc::conflict);
  auto k = item_of(ask(api, actors::acknowledge_complaint{writer("tk_planning"), 2, department::planning}));
  CHECK(std::get<sla::complaint>(k.record).owner == department::planning);
  k = item_of(ask(api, actors::resolve_complaint{writer("tk_planning"), 2, department::planning, "调整分接头"}));
  auto callback_id = std::get<sla::complaint>(k.record).callbacks.at(0);
  auto cb = item_of(ask(api, actors::attempt_callback{writer("tk_cs"), callback_id,
                                                      sla::callback_outcome::no_answer, std::nullopt, true, "", }));
  CHECK_FALSE(std::get<sla::callback>(cb.record).completed_at);
  CHECK(ask(api, actors::attempt_callback{writer("tk_cs"), callback_id, sla::callback_outcome::reached, std::nullopt,
                                          false, ""})
            .error()
            .code == domain::errc::validation_failed);  // reached needs a score
  REQUIRE(ask(api, actors::attempt_callback{writer("tk_cs"), callback_id, sla::callback_outcome::reached, 2u, false,
                                            "still low"}));
  k = item_of(ask(api, actors::get_item{"complaint", 2}));
  const auto& c = std::get<sla::complaint>(k.record);
  CHECK(c.state == sla::complaint_state::escalated);
  CHECK(c.round == 2);
  CHECK(c.responsible == department::planning);
  CHECK_FALSE(clock_of(k, sla::step::handling, 2).completed);
  auto figures = ask(api, actors::get_figures{std::nullopt});
  const auto& f = std::get<actors::sla_figures>(*figures);
  REQUIRE(f.callbacks.size() == 1);
  CHECK(f.callbacks[0].for_department == department::planning);
  CHECK(f.callbacks[0].attempts == 2);
  CHECK(f.callbacks[0].completed == 1);
}

TEST_CASE("the outage feed is idempotent by event id and answers line by line", "[actors][sla][feed]") {
  domain::manual_clock clock{t0};
  auto rt = std::move(*actors::runtime::start(options(&clock, nullptr)));
  auto& api = rt->api();
  load_network(api);
  actors::feed_batch batch{writer("tk_oms"), {}};
  batch.lines.push_back({1, "E-1", "outage.started", "OMS-7", {"F1"}, t0 - 1min, std::nullopt, std::nullopt, "跳闸"});
  batch.lines.push_back({2, "E-2", "outage.updated", "OMS-7", {}, std::nullopt, "树障", t0 + 3h, ""});
  batch.lines.push_back({3, "E-1", "outage.started", "OMS-7", {"F1"}, t0 - 1min, std::nullopt, std::nullopt, ""});
  batch.lines.push_back({4, "E-3", "crew.arrived", "OMS-9", {}, t0, std::nullopt, std::nullopt, ""});
  batch.lines.push_back({5, "E-4", "outage.started", "OMS-8", {"X-404"}, t0, std::nullopt, std::nullopt, ""});
  auto r = ask(api, batch);
  REQUIRE(r);
  const auto& results = std::get<actors::feed_results>(*r).results;
  REQUIRE(results.size() == 5);
  CHECK(results[0] == actors::feed_result{1, "created", "outage/1", ""});
  CHECK(results[1] == actors::feed_result{2, "updated", "outage/1", ""});
  CHECK(results[2] == actors::feed_result{3, "duplicate", "outage/1", ""});
  CHECK(results[3].status == "rejected");
  CHECK(results[3].error.find("OMS-9") != std::string::npos);
  CHECK(results[4].status == "rejected");
  // The whole batch again: every line a duplicate or rejected the same way, nothing new logged.
  auto again = ask(api, batch);
  const auto& second = std::get<actors::feed_results>(*again).results;
  CHECK(second[0].status == "duplicate");
  CHECK(second[1].status == "duplicate");
  auto o = item_of(ask(api, actors::get_item{"outage", 1}));
  CHECK(std::get<sla::outage>(o.record).cause == "树障");
  CHECK(std::get<sla::outage>(o.record).report.source_ref == "OMS-7");
  CHECK(ask(api, actors::get_item{"outage", 2}).error().code == domain::errc::not_found);
}

TEST_CASE("a planned-outage notice is checked against its lead time", "[actors][sla][planned]") {
  domain::manual_clock clock{t0};
  auto rt = std::move(*actors::runtime::start(options(&clock, nullptr)));
  auto& api = rt->api();
  load_network(api);
  auto early = item_of(ask(api, actors::notice_planned_outage{writer(), sla::planned_kind::planned, {"F1"},
                                                              t0 + 8 * 24h, t0 + 8 * 24h + 4h, "检修"}));
  CHECK_FALSE(std::get<sla::planned_notice>(early.record).late);
  auto late = item_of(ask(api, actors::notice_planned_outage{writer(), sla::planned_kind::planned, {"F1"},
                                                             t0 + 3 * 24h, t0 + 3 * 24h + 4h, "检修"}));
  CHECK(std::get<sla::planned_notice>(late.record).late);
  CHECK(described(*rt->check_sla()) == std::vector<std::string>{"planned/2 planned_notice 100"});
  auto temporary = item_of(ask(api, actors::notice_planned_outage{writer(), sla::planned_kind::temporary, {"F2"},
                                                                  t0 + 30h, t0 + 31h, ""}));
  CHECK_FALSE(std::get<sla::planned_notice>(temporary.record).late);  // 24 h lead
  CHECK(ask(api, actors::notice_planned_outage{writer(), sla::planned_kind::planned, {"F1"}, t0 - 1h, t0, ""})
            .error()
            .code == domain::errc::validation_failed);
}

TEST_CASE("a complaint handled into a year without holidays says so, as do open work and the health report",
          "[actors][sla][calendar]") {
  domain::calendar_days days;  // holidays for 2026 only, as the shipped cn-2026 file
  days.name = "test-2026";
  days.years = {std::chrono::year{2026}};
  auto cal = domain::working_calendar::make("Asia/Shanghai", days);
  REQUIRE(cal);
  domain::manual_clock clock{*domain::parse_rfc3339("2026-12-29T02:00:00Z")};  // Tuesday 10:00 in Shanghai
  auto o = options(&clock, nullptr);
  o.reporting_calendar = std::make_shared<const domain::reporting_calendar>(*cal, domain::reporting_rules{});
  auto rt = std::move(*actors::runtime::start(o));
  auto& api = rt->api();
  load_network(api);

  auto k = item_of(ask(api, actors::register_complaint{writer("tk_cs"), sla::complaint_category::power_quality,
                                                       "C-1", "", "", "电压不稳"}));
  CHECK(k.uncovered_years.empty());  // forwarding is due the same day: no working days counted
  k = item_of(ask(api, actors::forward_complaint{writer("tk_cs"), std::get<sla::complaint>(k.record).id}));
  // 5 working days from 29 December end in January 2027, whose holidays are not known.
  CHECK(clock_of(k, sla::step::handling).spec.due == *domain::parse_rfc3339("2027-01-05T16:00:00Z"));
  CHECK(k.uncovered_years == domain::year_list{2027});
  auto work = std::get<actors::open_work>(*ask(api, actors::list_open_work{department::production}));
  CHECK(work.uncovered_years == domain::year_list{2027});

  auto health = await<actors::health_report>([&](auto done) { api.health(done); });
  REQUIRE(health);
  CHECK(health->calendar == domain::calendar_coverage{{2026}, {2027}});
  CHECK(rt->calendar_coverage() == health->calendar);
}
