// The SLA actor's obligations and limits on a manual clock: callbacks owed
// for energized connections, idempotency keys, and each limit of the shipped
// profile warned, breached or met.
#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/actors/support/sla_fixture.hpp"

using namespace gridcoord;
using namespace gridcoord::testing::sla_fixture;
using testing::await;
using testing::t0;
using domain::department;

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
