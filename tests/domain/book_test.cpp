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
  CHECK_FALSE(planning.find_item(99));
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

TEST_CASE("the sender sees which recipients have acknowledged each version", "[domain][book][ack]") {
  department_book marketing(department::marketing);
  marketing.apply(7, t0, m1_version(1));
  marketing.apply(9, t0 + 1h, m1_version(2));
  marketing.apply(t0 + 2h, item_acknowledged{department::planning, 7, "li.wei"});
  auto stream = report_stream(department::marketing, "large_customer_demand", *parse_month("2026-10"));
  const auto& versions = marketing.versions(stream);
  REQUIRE(versions.size() == 2);
  REQUIRE(versions[0].deliveries.size() == 2);
  CHECK(versions[0].deliveries[0].recipient == department::planning);
  CHECK(versions[0].deliveries[0].ack == acknowledgement{"li.wei", t0 + 2h});
  CHECK_FALSE(versions[0].deliveries[1].ack);  // dispatch has not acknowledged
  CHECK_FALSE(versions[1].deliveries[0].ack);  // nor has anyone acknowledged version 2
  // The first acknowledgement stands; one for an unknown version changes nothing.
  auto before = marketing;
  marketing.apply(t0 + 3h, item_acknowledged{department::planning, 7, "someone.else"});
  marketing.apply(t0 + 3h, item_acknowledged{department::planning, 8, "li.wei"});
  CHECK(marketing == before);
}

TEST_CASE("an inbox item learns when a newer version of its report arrives", "[domain][book]") {
  department_book planning(department::planning);
  planning.apply(7, t0, m1_version(1));
  planning.apply(8, t0 + 1h, m1_version(1, "2026-11"));  // another month: not newer
  CHECK_FALSE(planning.find_item(7)->newer);
  planning.apply(9, t0 + 2h, m1_version(2));
  planning.apply(12, t0 + 3h, m1_version(3));
  REQUIRE(planning.find_item(7)->newer);
  CHECK(*planning.find_item(7)->newer == newer_version{3, 12, t0 + 3h});
  CHECK(planning.find_item(9)->newer->version == 3);
  CHECK_FALSE(planning.find_item(12)->newer);
  CHECK_FALSE(planning.find_item(8)->newer);
  // Logged out of version order (a batch held version 4 while 5 was written):
  // the item of version 4 is still told that 5 is newer.
  planning.apply(14, t0 + 4h, m1_version(5));
  planning.apply(13, t0 + 4h, m1_version(4));
  CHECK(planning.find_item(13)->newer->version == 5);
  CHECK(planning.find_item(7)->newer->version == 5);
}

TEST_CASE("deliveries and newer versions survive the snapshot form", "[domain][book][snapshot]") {
  department_book marketing(department::marketing), planning(department::planning);
  for (auto* b : {&marketing, &planning}) {
    b->apply(7, t0, m1_version(1));
    b->apply(9, t0 + 1h, m1_version(2));
    b->apply(t0 + 2h, item_acknowledged{department::planning, 7, "li.wei"});
  }
  for (const auto* b : {&marketing, &planning}) {
    auto back = department_book::from_json(b->to_json());
    REQUIRE(back);
    CHECK(*back == *b);
  }
}

TEST_CASE("a book restored from its snapshot goes on linking versions and acknowledgements",
          "[domain][book][snapshot]") {
  // The book indexes its inbox by report and its sent versions by seq; a
  // restored book must rebuild those indexes, or later events miss old items.
  department_book marketing(department::marketing), planning(department::planning);
  for (auto* b : {&marketing, &planning}) {
    b->apply(7, t0, m1_version(1));
    b->apply(8, t0, m1_version(1, "2026-11"));
  }
  auto marketing_back = department_book::from_json(marketing.to_json());
  auto planning_back = department_book::from_json(planning.to_json());
  REQUIRE(marketing_back);
  REQUIRE(planning_back);
  for (auto* b : {&marketing, &planning, &*marketing_back, &*planning_back}) {
    b->apply(9, t0 + 1h, m1_version(2));
    b->apply(t0 + 2h, item_acknowledged{department::planning, 7, "li.wei"});
  }
  REQUIRE(planning_back->find_item(7)->newer);
  CHECK(planning_back->find_item(7)->newer->item == 9);
  CHECK_FALSE(planning_back->find_item(8)->newer);
  auto stream = report_stream(department::marketing, "large_customer_demand", *parse_month("2026-10"));
  REQUIRE(marketing_back->versions(stream).size() == 2);
  CHECK(marketing_back->versions(stream)[0].deliveries[0].ack->by == "li.wei");
  CHECK(*planning_back == planning);
  CHECK(*marketing_back == marketing);
}

TEST_CASE("the person behind a version and an acknowledgement is kept through events and snapshots",
          "[domain][book][person]") {
  auto version = m1_version(1);
  version.person = "张敏";
  auto stream = report_stream(department::marketing, "large_customer_demand", *parse_month("2026-10"));
  department_book marketing(department::marketing), planning(department::planning);
  for (auto* b : {&marketing, &planning}) REQUIRE(b->apply_event(report_submitted_type, 7, t0, encode(version)));
  REQUIRE(marketing.versions(stream).size() == 1);
  CHECK(marketing.versions(stream)[0].person == "张敏");
  CHECK(marketing.versions(stream)[0].submitted_by == "zhang.min");

  auto ack = encode(item_acknowledged{department::planning, 7, "tk_29ec306878e9b6af", "王芳"});
  for (auto* b : {&marketing, &planning}) REQUIRE(b->apply_event(item_acknowledged_type, 8, t0 + 1h, ack));
  CHECK(planning.inbox()[0].ack == acknowledgement{"tk_29ec306878e9b6af", t0 + 1h, "王芳"});
  CHECK(marketing.versions(stream)[0].deliveries[0].ack == acknowledgement{"tk_29ec306878e9b6af", t0 + 1h, "王芳"});
  for (auto* b : {&marketing, &planning}) {
    auto back = department_book::from_json(b->to_json());
    REQUIRE(back);
    CHECK(*back == *b);
  }
}

TEST_CASE("events written before the person was kept read with none", "[domain][book][person]") {
  auto a = decode_item_acknowledged(R"({"recipient":"planning","item":7,"by":"li.wei"})");
  REQUIRE(a);
  CHECK(a->by == "li.wei");
  CHECK(a->person.empty());
  auto version = m1_version(1);
  auto text = encode(version);
  CHECK(text.find("person") == std::string::npos);  // nothing written when there is none
  auto back = decode_report_header(text);
  REQUIRE(back);
  CHECK(back->person.empty());
}

TEST_CASE("a report stream names its kind, and no other stream does", "[domain][report]") {
  auto stream = report_stream(department::dispatch, "load_statistics", *parse_month("2026-10"));
  CHECK(report_kind_of_stream(stream) == "load_statistics");
  CHECK(report_kind_of_stream("inbox/planning").empty());
  CHECK(report_kind_of_stream("report/marketing").empty());
  CHECK(report_kind_of_stream("report/marketing/large_customer_demand").empty());
  CHECK(report_kind_of_stream("equipment").empty());
}
