#include <catch2/catch.hpp>

#include "domain/book.hpp"

using namespace gridcoord::domain;
using namespace std::chrono_literals;

namespace {

const time_point t0 = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} + 8h;

report_version m1_version(std::uint32_t version, const char* month_text = "2026-10") {
  return {department::marketing, "large_customer_demand", *parse_month(month_text), version,
          {department::planning, department::dispatch}, "zhang.min", 4, {}};
}

}  // namespace

TEST_CASE("a report version goes to the sender's history and each recipient's inbox",
          "[domain][book]") {
  department_book marketing(department::marketing), planning(department::planning),
      production(department::production);
  for (auto* b : {&marketing, &planning, &production}) b->apply(7, t0, m1_version(1));

  auto stream = report_stream(department::marketing, "large_customer_demand", *parse_month("2026-10"));
  REQUIRE(marketing.versions(stream).size() == 1);
  CHECK(marketing.versions(stream)[0].seq == 7);
  CHECK(marketing.next_version(stream) == 2);
  CHECK(marketing.inbox().empty());
  REQUIRE(planning.inbox().size() == 1);
  CHECK(planning.inbox()[0].id == 7);
  CHECK(planning.inbox()[0].received_at == t0);
  CHECK(production.inbox().empty());
}

TEST_CASE("applying the same event twice changes nothing", "[domain][book]") {
  department_book planning(department::planning);
  planning.apply(7, t0, m1_version(1));
  planning.apply(t0 + 1h, item_acknowledged{department::planning, 7, "li.wei"});
  auto before = planning;
  planning.apply(7, t0, m1_version(1));
  planning.apply(t0 + 2h, item_acknowledged{department::planning, 7, "wang.fang"});
  CHECK(planning == before);
  CHECK(planning.find_item(7)->ack->by == "li.wei");
}

TEST_CASE("an acknowledgement for another department or an unknown item is ignored",
          "[domain][book]") {
  department_book planning(department::planning);
  planning.apply(7, t0, m1_version(1));
  planning.apply(t0, item_acknowledged{department::dispatch, 7, "chen.jie"});
  planning.apply(t0, item_acknowledged{department::planning, 99, "li.wei"});
  CHECK_FALSE(planning.find_item(7)->ack);
  CHECK(planning.find_item(99) == nullptr);
}

TEST_CASE("a book survives its snapshot form", "[domain][book][snapshot]") {
  department_book marketing(department::marketing), planning(department::planning);
  for (std::uint32_t v = 1; v <= 3; ++v)
    for (auto* b : {&marketing, &planning}) b->apply(10 + v, t0 + v * 1min, m1_version(v));
  REQUIRE(planning.apply_event(item_acknowledged_type, 20, t0 + 1h,
                               encode(item_acknowledged{department::planning, 12, "li.wei"})));
  for (auto* b : {&marketing, &planning}) {
    auto back = department_book::from_json(b->to_json());
    REQUIRE(back);
    CHECK(*back == *b);
  }
  CHECK(planning.applied_seq() == 20);
  CHECK_FALSE(department_book::from_json(boost::json::value{"nonsense"}));
}

TEST_CASE("an unreadable payload is an error and leaves the book unchanged", "[domain][book]") {
  department_book planning(department::planning);
  auto st = planning.apply_event(report_submitted_type, 3, t0, "{broken");
  REQUIRE_FALSE(st);
  CHECK(st.error().code == errc::internal);
  CHECK(planning.inbox().empty());
}
