// Message types survive CAF's binary serialization, as they must when a
// department's actor runs on another node: every optional (optional_box),
// date and nested vector comes back equal, on both sides of each optional.
#include <catch2/catch.hpp>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/binary_deserializer.hpp>
#include <caf/binary_serializer.hpp>

#include "actors/cycle_messages.hpp"
#include "actors/equipment_messages.hpp"
#include "actors/registration.hpp"
#include "tests/domain/support/national_day.hpp"

using namespace gridcoord;
using testing::at;

namespace {

struct serializing_system {
  caf::actor_system_config config;
  std::unique_ptr<caf::actor_system> system;
  serializing_system() {
    actors::register_messages(config);
    system = std::make_unique<caf::actor_system>(config);
  }

  template <class T>
  T round_trip(T value) {
    std::vector<char> bytes;
    caf::binary_serializer sink{*system, bytes};
    REQUIRE_FALSE(sink(value));
    T out{};
    caf::binary_deserializer source{*system, bytes};
    REQUIRE_FALSE(source(out));
    return out;
  }
};

}  // namespace

TEST_CASE("a cycle matrix and its notices come back equal from a binary round trip", "[actors][serialization]") {
  serializing_system s;
  auto rc = testing::national_day_2026();
  domain::cycle_notice reminder{domain::notice_type::reminder, domain::department::planning, "regional_development",
                                "M2", testing::september_2026, at("2026-10-09T01:00:00Z"), at("2026-10-13T16:00:00Z"), 3};
  domain::cycle_book book;
  REQUIRE(book.apply_event(domain::reminder_type, 41, at("2026-10-09T01:00:00Z"), domain::encode(reminder)));
  std::vector<domain::submission_summary> subs{{domain::department::dispatch, "load_statistics", testing::september_2026,
                                                at("2026-10-13T15:59:59Z"), 2, at("2026-10-14T01:00:00Z")}};
  auto matrix = domain::build_cycle_matrix(rc, book, at("2026-09-15T00:00:00Z"), testing::september_2026, subs,
                                           at("2026-10-14T02:00:00Z"));
  // Both sides of every optional: a submission and none, a sent reminder and unsent ones.
  REQUIRE(std::any_of(matrix.entries.begin(), matrix.entries.end(), [](const auto& e) { return e.submission; }));
  REQUIRE(std::any_of(matrix.entries.begin(), matrix.entries.end(),
                      [](const auto& e) { return !e.reminders.empty() && e.reminders.front().sent; }));
  CHECK(s.round_trip(matrix) == matrix);
  CHECK(s.round_trip(reminder) == reminder);
  CHECK(s.round_trip(subs.front()) == subs.front());
  actors::sent_summary_query q{testing::september_2026, testing::september_2026 + std::chrono::months{2}};
  CHECK(s.round_trip(q) == q);
}

TEST_CASE("optionals in inbox items, issues, tokens, appends and equipment reads survive a round trip",
          "[actors][serialization]") {
  serializing_system s;
  domain::inbox_item open{4, domain::department::marketing, "large_customer_demand", testing::september_2026, 1,
                          at("2026-10-08T03:00:00Z"), std::nullopt, std::nullopt};
  auto acked = open;
  acked.ack = domain::acknowledgement{"li.wei (tk_1)", at("2026-10-08T04:00:00Z")};
  acked.newer = domain::newer_version{2, 9, at("2026-10-09T03:00:00Z")};
  CHECK(s.round_trip(open) == open);
  CHECK(s.round_trip(acked) == acked);

  domain::issue in_row{domain::rule::below_minimum, 3, "demand_kw", "-5", "must be greater than 0"};
  domain::issue whole{domain::rule::not_an_object, std::nullopt, "", "", "the body is not an object"};
  CHECK(s.round_trip(in_row) == in_row);
  CHECK(s.round_trip(whole) == whole);
  CHECK(s.round_trip(in_row).rule == domain::rule::below_minimum);

  domain::token_record token;
  token.id = "tk_1";
  token.revoked_at = at("2026-10-10T00:00:00Z");
  CHECK(s.round_trip(token) == token);

  storage::append_request req{{{"cycle/planning", "cycle.reminder", at("2026-10-09T01:00:00Z"), "gridcoord", "{}", ""}},
                              storage::idempotency_record{"key-1", "hash", "{}", 7}};
  auto back = s.round_trip(req);
  CHECK(back.events == req.events);
  CHECK(back.idempotency == req.idempotency);
  CHECK_FALSE(s.round_trip(storage::append_request{}).idempotency);

  actors::equipment_list by_kind{{domain::equipment_kind::feeder, "LH-S2/T1", "", "LH-F03", 50}};
  auto list = s.round_trip(by_kind);
  CHECK(list.filter.kind == domain::equipment_kind::feeder);
  CHECK(list.filter.parent == "LH-S2/T1");
  CHECK(list.filter.after == "LH-F03");
  CHECK(list.filter.limit == 50);
  CHECK_FALSE(s.round_trip(actors::equipment_list{}).filter.kind);
}
