// Outages, complaints and callbacks through the real actors on a manual
// clock: the clocks warn and breach once, a restart fires what came due while
// down exactly once, notices go out through a sink that fails and recovers,
// complaints are routed and escalated, the feed is idempotent.
#include <catch2/catch.hpp>

#include <mutex>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "actors/runtime.hpp"
#include "domain/sla/customers.hpp"
#include "tests/actors/support/runtime_fixture.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using namespace std::chrono_literals;
using testing::await;
using testing::t0;
namespace sla = domain::sla;
using domain::department;

namespace {

// F1 is urban (crew 45 min, restoration 4 h in the "document" profile), F2 rural.
const char* tree = R"({"equipment":[
  {"id":"S1","kind":"substation","area_class":"urban","region":"东城区","rating_kva":126000},
  {"id":"T1","kind":"main_transformer","parent":"S1","area_class":"urban","region":"东城区","rating_kva":63000},
  {"id":"F1","kind":"feeder","parent":"T1","area_class":"urban","region":"东城区","rating_kva":10000},
  {"id":"F2","kind":"feeder","parent":"T1","area_class":"rural","region":"东城区","rating_kva":10000},
  {"id":"D1","kind":"distribution_transformer","parent":"F1","area_class":"urban","region":"东城区","rating_kva":630}]})";

const char* customers_csv =
    "id,name,tier,connection_point,contacts\n"
    "C-1,蓝海化工,important,D1,sms:+8613800000001\n"
    "C-2,市第一医院,important,F1,email:ops@hospital.cn\n"
    "C-3,北郊水厂,large,F2,sms:+8613800000003\n";

// A sink that answers by a plan: the n-th send of a message gets plan[n]
// (delivered after the plan runs out), and remembers every send.
class planned_sink final : public actors::notification_sink {
 public:
  std::vector<actors::delivery_outcome::result> plan;
  void send(const sla::notification& n, std::function<void(actors::delivery_outcome)> done) override {
    std::lock_guard lock(mutex_);
    auto nth = sends_[n.message_id]++;
    sent_.push_back(n);
    auto what = nth < plan.size() ? plan[nth] : actors::delivery_outcome::result::delivered;
    done({what, what == actors::delivery_outcome::result::delivered ? "" : "HTTP 503"});
  }
  std::vector<sla::notification> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::size_t> sends_;
  std::vector<sla::notification> sent_;
};

actors::runtime_options options(const domain::clock* clock, std::shared_ptr<planned_sink> sink,
                                std::string data_dir = "") {
  actors::runtime_options o;
  o.clock = clock;
  o.data_dir = std::move(data_dir);
  o.scheduler_threads = 2;
  o.snapshot_check_interval = 0ms;
  o.cycle_max_sleep = 0ms;
  o.sla_max_sleep = 0ms;
  o.outbox_max_sleep = 0ms;
  o.notifications.retry.max_attempts = 3;
  o.notification_target = std::move(sink);
  return o;
}

actors::sla_writer writer(std::string by = "tk_test") { return {std::move(by), "", "", ""}; }

domain::expected<actors::sla_answer> ask(actors::client& api, actors::sla_request r) {
  return await<actors::sla_answer>([&](auto done) { api.sla(std::move(r), done); });
}

actors::sla_item item_of(domain::expected<actors::sla_answer> a) {
  REQUIRE(a);
  REQUIRE(std::holds_alternative<actors::sla_item>(*a));
  return std::get<actors::sla_item>(*a);
}

void load_network(actors::client& api) {
  auto draft = domain::read_import_json(boost::json::parse(tree));
  REQUIRE(draft);
  REQUIRE(await<actors::equipment_receipt>(
      [&](auto done) { api.import_equipment({std::move(*draft), "tk_production", "", "", ""}, done); }));
  auto rows = sla::parse_customers_csv(customers_csv);
  REQUIRE(rows);
  REQUIRE(ask(api, actors::import_customers{writer(), *rows}));
}

const sla::work_clock& clock_of(const actors::sla_item& i, sla::step s, unsigned round = 1) {
  for (const auto& c : i.clocks)
    if (c.spec.what == s && c.spec.round == round) return c;
  FAIL("no clock " << sla::to_string(s) << " in " << i.item);
  throw std::logic_error("unreachable");
}

std::vector<std::string> described(const std::vector<sla::clock_signal>& signals) {
  std::vector<std::string> out;
  for (const auto& s : signals) out.push_back(fmt::format("{} {} {}", s.item, sla::to_string(s.what), s.percent));
  return out;
}

}  // namespace

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

TEST_CASE("every energized new connection owes a callback, opened by the next check", "[actors][sla][callbacks]") {
  domain::manual_clock clock{t0};  // 2026-11-02
  auto rt = std::move(*actors::runtime::start(options(&clock, nullptr)));
  auto& api = rt->api();
  load_network(api);
  auto step = [&](actors::application_command c) {
    return await<actors::application_outcome>([&](auto done) { api.application_step(std::move(c), done); });
  };
  actors::application_command submit;
  submit.action = actors::application_action::submit;
  submit.draft.id = "NC-1";
  submit.draft.customer = "蓝海化工";
  submit.draft.point = "F1";
  submit.draft.requested_kva = 100;
  submit.draft.connect_month = domain::month{std::chrono::year{2026}, std::chrono::November};
  submit.by = "tk_marketing";
  REQUIRE(step(submit));
  actors::application_command approve;
  approve.action = actors::application_action::approve;
  approve.id = "NC-1";
  approve.by = "tk_marketing";
  REQUIRE(step(approve));
  CHECK(rt->check_sla()->empty());
  CHECK(std::get<actors::item_list>(*ask(api, actors::list_items{"callback", false, 0, 10})).items.empty());

  auto energize = approve;
  energize.action = actors::application_action::energize;
  energize.energized_on = domain::local_date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{2}};
  REQUIRE(step(energize));
  REQUIRE(rt->check_sla());
  auto callbacks = std::get<actors::item_list>(*ask(api, actors::list_items{"callback", false, 0, 10}));
  REQUIRE(callbacks.items.size() == 1);
  const auto& cb = std::get<sla::callback>(callbacks.items[0].record);
  CHECK(cb.opening.cause == "application/NC-1");
  CHECK(cb.opening.for_department == department::marketing);
  CHECK(clock_of(callbacks.items[0], sla::step::callback).spec.owner == department::customer_service);
  REQUIRE(rt->check_sla());  // a second check owes nothing more
  CHECK(std::get<actors::item_list>(*ask(api, actors::list_items{"callback", false, 0, 10})).items.size() == 1);
}

TEST_CASE("a write repeated with its idempotency key is applied once; another body under the key is a conflict",
          "[actors][sla][idempotency]") {
  domain::manual_clock clock{t0};
  auto rt = std::move(*actors::runtime::start(options(&clock, nullptr)));
  auto& api = rt->api();
  load_network(api);
  actors::sla_writer keyed{"tk_dispatch", "", "key-1", "hash-a"};
  auto first = item_of(ask(api, actors::report_outage{keyed, {"F1"}, t0, ""}));
  auto again = item_of(ask(api, actors::report_outage{keyed, {"F1"}, t0, ""}));
  CHECK(first.item == "outage/1");
  CHECK(again.item == "outage/1");
  CHECK_FALSE(again.changed);
  CHECK(ask(api, actors::get_item{"outage", 2}).error().code == domain::errc::not_found);
  keyed.request_hash = "hash-b";
  CHECK(ask(api, actors::report_outage{keyed, {"F2"}, t0, ""}).error().code == domain::errc::conflict);
}

// t0 is Monday 2026-11-02 16:00 in Shanghai (08:00 UTC).
TEST_CASE("each limit of the shipped document profile warns, breaches, or is met, on the virtual clock",
          "[actors][sla][limits]") {
  domain::manual_clock clock{t0};
  auto rt = std::move(*actors::runtime::start(options(&clock, nullptr)));
  auto& api = rt->api();
  load_network(api);
  auto signals_at = [&](domain::time_point t) {
    clock.set(t);
    return described(*rt->check_sla());
  };

  SECTION("E3: the customer notice within 15 min of the report, undelivered here (no sink)") {
    REQUIRE(ask(api, actors::report_outage{writer(), {"F2"}, t0, ""}));
    CHECK(signals_at(t0 + 7min + 29s).empty());
    CHECK(signals_at(t0 + 7min + 30s) == std::vector<std::string>{"outage/1 customer_notice 50"});
    CHECK(signals_at(t0 + 15min) ==
          std::vector<std::string>{"outage/1 customer_notice 75", "outage/1 customer_notice 100"});
  }
  SECTION("E6: forwarded the same local day, or breached at local midnight") {
    REQUIRE(ask(api, actors::register_complaint{writer(), sla::complaint_category::outage, "C-2", "", "", "停电"}));
    auto midnight = t0 + 8h;  // 2026-11-03 00:00 in Shanghai
    REQUIRE(ask(api, actors::register_complaint{writer(), sla::complaint_category::outage, "C-3", "", "", "停电"}));
    clock.set(t0 + 1h);
    REQUIRE(ask(api, actors::forward_complaint{writer(), 2}));  // met
    CHECK(signals_at(midnight - 1us) ==
          std::vector<std::string>{"complaint/1 forward 50", "complaint/1 forward 75"});
    CHECK(signals_at(midnight) == std::vector<std::string>{"complaint/1 forward 100"});
  }
  SECTION("E7: the outage category's 3 working days from the forward, to the end of Thursday") {
    REQUIRE(ask(api, actors::register_complaint{writer(), sla::complaint_category::outage, "C-2", "", "", "停电"}));
    REQUIRE(ask(api, actors::forward_complaint{writer(), 1}));
    auto k = item_of(ask(api, actors::get_item{"complaint", 1}));
    auto end_of_thursday = t0 + 8h + 3 * 24h;  // 2026-11-06 00:00 local: Tue, Wed, Thu
    CHECK(clock_of(k, sla::step::handling).spec.due == end_of_thursday);
    CHECK(clock_of(k, sla::step::handling).spec.owner == department::dispatch);
    CHECK(signals_at(end_of_thursday - 1us) ==
          std::vector<std::string>{"complaint/1 handling 50", "complaint/1 handling 75"});
    CHECK(signals_at(end_of_thursday) == std::vector<std::string>{"complaint/1 handling 100"});
  }
  SECTION("E9: a callback within 2 working days of the restoration") {
    REQUIRE(ask(api, actors::report_outage{writer(), {"F1"}, t0, ""}));
    clock.set(t0 + 10min);
    REQUIRE(ask(api, actors::restore_outage{writer(), 1, std::nullopt}));
    auto cb = item_of(ask(api, actors::get_item{"callback", 1}));
    auto end_of_wednesday = t0 + 8h + 2 * 24h;  // Tuesday and Wednesday after Monday's restoration
    CHECK(clock_of(cb, sla::step::callback).spec.due == end_of_wednesday);
    CHECK(clock_of(cb, sla::step::callback).spec.owner == department::customer_service);
    clock.set(t0 + 20min);
    REQUIRE(ask(api, actors::attempt_callback{writer(), 1, sla::callback_outcome::reached, 5u, true, ""}));
    auto after = signals_at(end_of_wednesday + 1h);
    CHECK(std::none_of(after.begin(), after.end(), [](const auto& s) { return s.starts_with("callback/1"); }));
  }
}
