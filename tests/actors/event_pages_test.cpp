// A page of the event feed is bounded in bytes as well as in events (issue 14,
// item 4): GET /v1/events and each write of /v1/stream hold at most one page.
#include <catch2/catch.hpp>

#include "tests/actors/support/runtime_fixture.hpp"
#include "tests/support/await.hpp"
#include "tests/support/m1.hpp"

using namespace gridcoord;
using testing::await;

TEST_CASE("an events page ends once its events reach max_event_page_bytes, and paging goes on from there",
          "[actors][events][limits]") {
  testing::runtime_fixture f;
  // Four reports of about 600 kB each (3,000 rows of a 200-character customer).
  for (int month = 1; month <= 4; ++month) {
    auto s = testing::m1_submission("2026-0" + std::to_string(month), 0);
    for (int i = 0; i < 3000; ++i) s.rows.push_back(testing::m1_row(std::string(190, 'c') + std::to_string(i), 1000));
    REQUIRE(f.submit(std::move(s)));
  }
  auto page = [&](std::uint64_t after) {
    return *await<std::vector<actors::event_view>>([&](auto done) { f.api().events(after, 100, done); });
  };
  auto first = page(0);
  REQUIRE(first.size() == 2);  // the second report brings the page past 1 MiB
  std::uint64_t bytes = 0;
  for (const auto& e : first) bytes += e.payload.size();
  CHECK(bytes >= actors::max_event_page_bytes);
  auto second = page(first.back().seq);
  REQUIRE(second.size() == 2);
  CHECK(second.front().seq == first.back().seq + 1);
  CHECK(page(second.back().seq).empty());
}
