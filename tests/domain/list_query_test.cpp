#include <catch2/catch.hpp>

#include "domain/list_query.hpp"

using namespace gridcoord::domain;
using namespace std::chrono_literals;

namespace {

const time_point t0 = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2} + 8h;

std::vector<inbox_item> items() {
  std::vector<inbox_item> out;
  for (item_id id = 1; id <= 7; ++id) {
    inbox_item i{id, id % 2 ? department::marketing : department::production,
                 id % 2 ? "large_customer_demand" : "equipment_load_standards",
                 *parse_month("2026-10"), 1, t0, std::nullopt};
    if (id % 3 == 0) i.ack = acknowledgement{"li.wei", t0 + 1h};
    out.push_back(i);
  }
  return out;
}

std::vector<item_id> ids(const inbox_page& p) {
  std::vector<item_id> out;
  for (const auto& i : p.items) out.push_back(i.id);
  return out;
}

}  // namespace

TEST_CASE("inbox pages follow the cursor and say when the list ends", "[domain][lists]") {
  auto first = select(items(), inbox_filter{0, 3});
  CHECK(ids(first) == std::vector<item_id>{1, 2, 3});
  CHECK(first.next_after == 3);
  CHECK_FALSE(first.end);
  auto second = select(items(), inbox_filter{first.next_after, 3});
  CHECK(ids(second) == std::vector<item_id>{4, 5, 6});
  auto last = select(items(), inbox_filter{second.next_after, 3});
  CHECK(ids(last) == std::vector<item_id>{7});
  CHECK(last.end);
  auto exact = select(items(), inbox_filter{4, 3});  // exactly the rest: no empty page after it
  CHECK(ids(exact) == std::vector<item_id>{5, 6, 7});
  CHECK(exact.end);
  auto none = select(items(), inbox_filter{7, 3});
  CHECK(none.items.empty());
  CHECK(none.next_after == 7);
  CHECK(none.end);
}

TEST_CASE("inbox filters combine: open items from one department of one kind", "[domain][lists]") {
  inbox_filter f;
  f.acknowledged = false;
  f.from = department::marketing;
  f.kind = "large_customer_demand";
  CHECK(ids(select(items(), f)) == std::vector<item_id>{1, 5, 7});
  f = {};
  f.acknowledged = true;
  CHECK(ids(select(items(), f)) == std::vector<item_id>{3, 6});
}

TEST_CASE("token pages are ordered by id and filter by role and state", "[domain][lists]") {
  std::vector<token_record> tokens;
  for (const char* id : {"tk_c", "tk_a", "tk_b"})
    tokens.push_back({id, role{role_kind::reader}, "", "", t0, "bootstrap", std::nullopt, {}});
  tokens[0].granted = role{role_kind::admin};
  tokens[2].revoked_at = t0 + 1h;
  auto all = select(tokens, token_filter{"", 2});
  REQUIRE(all.tokens.size() == 2);
  CHECK(all.tokens[0].id == "tk_a");
  CHECK(all.next_after == "tk_b");
  CHECK_FALSE(all.end);
  token_filter active{"", 10, true, ""};
  auto live = select(tokens, active);
  REQUIRE(live.tokens.size() == 2);
  CHECK(live.tokens[1].id == "tk_c");
  token_filter admins{"", 10, std::nullopt, "admin"};
  CHECK(select(tokens, admins).tokens.size() == 1);
}

TEST_CASE("an expired token is listed as not active from its expiry on", "[domain][lists][expiry]") {
  std::vector<token_record> tokens;
  for (const char* id : {"tk_a", "tk_b"})
    tokens.push_back({id, role{role_kind::reader}, "", "", t0, "bootstrap", std::nullopt, {}});
  tokens[1].expires_at = t0 + 1h;
  auto ids = [&](bool active, time_point now) {
    std::vector<std::string> out;
    for (const auto& t : select(tokens, token_filter{"", 10, active, "", now}).tokens) out.push_back(t.id);
    return out;
  };
  CHECK(ids(true, t0 + 1h - 1us) == std::vector<std::string>{"tk_a", "tk_b"});
  CHECK(ids(false, t0 + 1h - 1us).empty());
  CHECK(ids(true, t0 + 1h) == std::vector<std::string>{"tk_a"});
  CHECK(ids(false, t0 + 1h) == std::vector<std::string>{"tk_b"});
}

TEST_CASE("a page of open items read from the book visits only the open ones, however many were acknowledged",
          "[domain][list][history]") {
  const time_point at = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2};
  auto visits_for_open_page = [&](std::uint64_t history) {
    department_book planning(department::planning);
    for (std::uint64_t seq = 1; seq <= history; ++seq) {
      planning.apply(seq, at, report_version{department::marketing, "large_customer_demand", *parse_month("2026-10"),
                                             static_cast<std::uint32_t>(seq), {department::planning}, "zhang.min", 1, {}});
      if (seq % 1000 != 0) planning.apply(at, item_acknowledged{department::planning, seq, "li.wei"});
    }
    std::uint64_t visited = 0;
    planning.visit_inbox(0, true, [&](const inbox_item&) { return ++visited, true; });
    auto page = select(planning, inbox_filter{0, 100, false, {}, {}});
    CHECK(page.items.size() == history / 1000);
    CHECK(page.open == history / 1000);
    CHECK(page.end);
    for (const auto& i : page.items) CHECK_FALSE(i.ack);
    return visited;
  };
  CHECK(visits_for_open_page(10'000) == 10);
  CHECK(visits_for_open_page(100'000) == 100);  // the open items only, never the 99,900 acknowledged ones
}

TEST_CASE("a page read from the book equals the page read from its whole inbox", "[domain][list]") {
  const time_point at = std::chrono::sys_days{std::chrono::year{2026} / 11 / 2};
  department_book planning(department::planning);
  for (std::uint64_t seq = 1; seq <= 50; ++seq) {
    auto kind = seq % 3 == 0 ? "regional_development" : "large_customer_demand";
    auto from = seq % 3 == 0 ? department::marketing : department::dispatch;
    planning.apply(seq, at, report_version{from, kind, *parse_month("2026-10"), static_cast<std::uint32_t>(seq),
                                           {department::planning}, "x", 1, {}});
    if (seq % 4 == 0) planning.apply(at, item_acknowledged{department::planning, seq, "li.wei"});
  }
  for (inbox_filter f : {inbox_filter{0, 7, {}, {}, {}}, inbox_filter{10, 5, false, {}, {}},
                         inbox_filter{3, 4, true, {}, {}}, inbox_filter{0, 100, {}, department::marketing, {}},
                         inbox_filter{5, 3, false, {}, "large_customer_demand"}}) {
    auto from_book = select(planning, f);
    auto from_vector = select(planning.inbox(), f);
    CHECK(from_book.items == from_vector.items);
    CHECK(from_book.next_after == from_vector.next_after);
    CHECK(from_book.end == from_vector.end);
  }
}
