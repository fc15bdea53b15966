// The monthly cycle on the virtual clock: a whole reporting month of
// September 2026 (due in October, after National Day) run through the real
// actors, and a restart after a downtime that spans due dates.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "actors/runtime.hpp"
#include "tests/domain/support/national_day.hpp"
#include "tests/support/await.hpp"
#include "tests/support/m1.hpp"
#include "tests/support/temp_dir.hpp"

using namespace gridcoord;
using namespace std::chrono_literals;
using domain::department;
using testing::at;
using testing::await;

namespace {

const domain::time_point start = *domain::parse_rfc3339("2026-09-15T00:00:00Z");

actors::runtime_options options_on(const domain::clock& clock, std::string data_dir = {}) {
  actors::runtime_options o;
  o.clock = &clock;
  o.data_dir = std::move(data_dir);
  o.scheduler_threads = 2;
  o.snapshot_check_interval = 0ms;
  o.reporting_calendar = std::make_shared<const domain::reporting_calendar>(testing::national_day_2026());
  o.cycle_max_sleep = 0ms;  // the test drives every check
  return o;
}

actors::report_submission september_report(department sender, std::string kind) {
  auto s = testing::m1_submission("2026-09", 1);
  s.sender = sender;
  s.kind = std::move(kind);
  return s;
}

std::set<std::string> ids_of(const std::vector<domain::cycle_notice>& notices) {
  std::set<std::string> out;
  for (const auto& n : notices) out.insert(n.id());
  return out;
}

// Every cycle event in the log: notice id -> (event time, department stream).
// `on_schedule`: each was written at the instant it was scheduled for.
std::map<std::string, std::pair<domain::time_point, std::string>> logged_notices(actors::client& api,
                                                                                 bool on_schedule) {
  auto events = await<std::vector<actors::event_view>>([&](auto done) { api.events(0, 10'000, done); });
  REQUIRE(events);
  std::map<std::string, std::pair<domain::time_point, std::string>> out;
  for (const auto& e : *events) {
    if (!e.type.starts_with("cycle.")) continue;
    auto o = boost::json::parse(e.payload).as_object();
    std::string id = e.type == "cycle.reminder"
                         ? fmt::format("reminder/{}/{}/{}", o.at("kind").as_string().c_str(),
                                       o.at("month").as_string().c_str(), o.at("working_days_before").as_int64())
                         : fmt::format("late_notice/{}/{}", o.at("kind").as_string().c_str(),
                                       o.at("month").as_string().c_str());
    CHECK(out.emplace(id, std::pair{e.time, e.stream}).second);  // never twice
    if (on_schedule) CHECK(domain::parse_rfc3339(o.at("scheduled_at").as_string()) == e.time);
  }
  return out;
}

std::set<std::string> kinds_notice(const char* type, const char* suffix, std::vector<std::string> kinds) {
  std::set<std::string> out;
  for (const auto& k : kinds) out.insert(fmt::format("{}/{}/2026-09{}", type, k, suffix));
  return out;
}

}  // namespace

TEST_CASE("a month on the virtual clock: every reminder and late notice at exactly its instant",
          "[actors][cycle]") {
  domain::manual_clock clock{start};
  auto o = options_on(clock);
  o.cycle_since = start;
  auto rt = std::move(*actors::runtime::start(o));
  auto submit_at = [&](domain::time_point when, department d, const char* kind) {
    clock.set(when);
    REQUIRE(await<actors::submit_receipt>([&](auto done) { rt->api().submit_report(september_report(d, kind), done); }));
  };
  const std::vector<std::string> reminded{"regional_development", "equipment_load_standards", "load_statistics",
                                          "connection_restrictions", "power_quality_requirements"};
  // What must appear, and when; marketing's M1 arrives on 10-08 (no reminder),
  // dispatch's M4 on 10-13 before midnight (reminded, not late), planning's M2
  // on 10-14 (late).
  std::map<domain::time_point, std::set<std::string>> expected{
      {at("2026-09-30T01:00:00Z"), {"reminder/service_figures/2026-09/3"}},
      {at("2026-10-09T01:00:00Z"), kinds_notice("reminder", "/3", reminded)},
      {at("2026-10-10T16:00:00Z"), {"late_notice/service_figures/2026-09"}},
      {at("2026-10-12T01:00:00Z"), kinds_notice("reminder", "/1", reminded)},
      {at("2026-10-13T16:00:00Z"), kinds_notice("late_notice", "", {"regional_development", "equipment_load_standards",
                                                                     "connection_restrictions",
                                                                     "power_quality_requirements"})},
  };
  std::map<domain::time_point, std::function<void()>> submissions{
      {at("2026-10-08T03:00:00Z"), [&] { submit_at(at("2026-10-08T03:00:00Z"), department::marketing, "large_customer_demand"); }},
      {at("2026-10-13T15:59:59Z"), [&] { submit_at(at("2026-10-13T15:59:59Z"), department::dispatch, "load_statistics"); }},
      {at("2026-10-14T02:00:00Z"), [&] { submit_at(at("2026-10-14T02:00:00Z"), department::planning, "regional_development"); }},
  };
  // Hourly checks, plus one at every expected instant and a microsecond before it.
  std::set<domain::time_point> checks;
  for (auto t = start; t <= at("2026-10-20T00:00:00Z"); t += 1h) checks.insert(t);
  for (const auto& [when, ids] : expected) checks.insert({when - 1us, when});
  for (const auto& [when, f] : submissions) checks.insert(when);

  std::size_t total = 0;
  for (auto t : checks) {
    if (auto s = submissions.find(t); s != submissions.end()) s->second();
    clock.set(t);
    auto logged = rt->check_cycle();
    REQUIRE(logged);
    auto want = expected.count(t) ? expected.at(t) : std::set<std::string>{};
    INFO("at " << domain::format_rfc3339(t));
    CHECK(ids_of(*logged) == want);
    total += logged->size();
  }
  CHECK(total == 1 + 5 + 1 + 5 + 4);

  auto log = logged_notices(rt->api(), true);
  CHECK(log.size() == total);
  CHECK(log.at("late_notice/regional_development/2026-09").second == "cycle/planning");
  CHECK(log.at("reminder/service_figures/2026-09/3").second == "cycle/customer_service");

  auto m = await<domain::cycle_matrix>([&](auto done) { rt->api().cycle(testing::september_2026, done); });
  REQUIRE(m);
  std::map<std::string, domain::report_status> status;
  for (const auto& e : m->entries) status[e.kind] = e.status;
  CHECK(status.at("large_customer_demand") == domain::report_status::on_time);
  CHECK(status.at("load_statistics") == domain::report_status::on_time);
  CHECK(status.at("regional_development") == domain::report_status::late);
  CHECK(status.at("equipment_load_standards") == domain::report_status::missing);
  CHECK(status.at("service_figures") == domain::report_status::missing);
  auto m2 = std::find_if(m->entries.begin(), m->entries.end(), [](const auto& e) { return e.kind == "regional_development"; });
  REQUIRE(m2->submission);
  CHECK(m2->submission->first_at == at("2026-10-14T02:00:00Z"));
  REQUIRE(m2->late_notice.sent);
  CHECK(m2->late_notice.sent->at == at("2026-10-13T16:00:00Z"));
  CHECK(m2->reminders.at(0).sent->at == at("2026-10-09T01:00:00Z"));
}

TEST_CASE("after a downtime over the due dates each overdue notice fires once, at the restart",
          "[actors][cycle]") {
  testing::temp_dir dir;
  domain::manual_clock clock{start};
  {
    auto rt = std::move(*actors::runtime::start(options_on(clock, dir.str())));  // the cycle starts with the log
    REQUIRE(await<actors::submit_receipt>([&](auto done) {
      rt->api().submit_report(september_report(department::marketing, "large_customer_demand"), done);
    }));
    REQUIRE(rt->check_cycle()->empty());
  }
  clock.set(at("2026-10-14T00:00:00Z"));  // down from 09-15 to 10-14
  {
    auto rt = std::move(*actors::runtime::start(options_on(clock, dir.str())));
    auto logged = rt->check_cycle();
    REQUIRE(logged);
    // Reminders whose reports are already due are not sent late; the late
    // notices all go now. M1 came in before the downtime.
    CHECK(ids_of(*logged) == kinds_notice("late_notice", "", {"regional_development", "equipment_load_standards",
                                                               "load_statistics", "connection_restrictions",
                                                               "power_quality_requirements", "service_figures"}));
    for (const auto& n : *logged) CHECK(n.type == domain::notice_type::late_notice);
    CHECK(rt->check_cycle()->empty());
  }
  clock.advance(1h);
  {
    auto rt = std::move(*actors::runtime::start(options_on(clock, dir.str())));
    CHECK(rt->check_cycle()->empty());  // the log remembers what was sent
    CHECK(logged_notices(rt->api(), false).size() == 6);
  }
}

TEST_CASE("a cycle that starts after the due dates sends nothing for the months before it", "[actors][cycle]") {
  domain::manual_clock clock{at("2026-10-20T00:00:00Z")};
  auto rt = std::move(*actors::runtime::start(options_on(clock)));  // empty log: the cycle starts now
  CHECK(rt->check_cycle()->empty());
  clock.set(at("2026-11-03T01:00:00Z"));  // October's first reminders (working day 5 is 11-06)
  auto logged = rt->check_cycle();
  REQUIRE(logged);
  CHECK(logged->size() == 6);  // M8 for October is due on 11-10: its reminder comes later
  for (const auto& n : *logged) CHECK(n.period == testing::september_2026 + std::chrono::months{1});
}
