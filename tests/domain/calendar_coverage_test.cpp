// Which years the working calendar has holidays for (domain/calendar_coverage.hpp):
// a year without them is flagged, never silently counted as weekends only.
#include <catch2/catch.hpp>

#include "domain/calendar_coverage.hpp"
#include "support/national_day.hpp"

using namespace gridcoord::domain;
using gridcoord::testing::at;
using gridcoord::testing::ymd;

namespace {

working_calendar only_2026() {
  calendar_days days;
  days.name = "test";
  days.years = {std::chrono::year{2026}};
  auto cal = working_calendar::make("Asia/Shanghai", days);
  REQUIRE(cal);
  return *cal;
}

}  // namespace

TEST_CASE("the uncovered years of a span of days are those the calendar lists no holidays for",
          "[domain][calendar][coverage]") {
  auto cal = only_2026();
  CHECK(uncovered_years(cal, ymd(2026, 12, 1), ymd(2026, 12, 31)).empty());
  CHECK(uncovered_years(cal, ymd(2026, 12, 28), ymd(2027, 1, 7)) == year_list{2027});
  CHECK(uncovered_years(cal, ymd(2025, 12, 30), ymd(2027, 1, 7)) == (year_list{2025, 2027}));
  CHECK(uncovered_years(cal, ymd(2027, 1, 7), ymd(2026, 12, 28)).empty());  // an empty span
  auto every_year = working_calendar::make("Asia/Shanghai", calendar_days{"mon-fri", true, {}, {}, {}});
  REQUIRE(every_year);
  CHECK(uncovered_years(*every_year, ymd(2030, 1, 1), ymd(2031, 1, 1)).empty());
}

TEST_CASE("years merge ascending, each once", "[domain][calendar][coverage]") {
  year_list years{2027};
  merge_years(years, {2025, 2027});
  merge_years(years, {});
  CHECK(years == (year_list{2025, 2027}));
}

TEST_CASE("coverage looks at this local year and the next", "[domain][calendar][coverage]") {
  auto cal = only_2026();
  CHECK(coverage_around(cal, at("2026-12-07T00:25:00Z")) == calendar_coverage{{2026}, {2027}});
  // 16:00Z on New Year's Eve is already 2027 in Shanghai.
  CHECK(coverage_around(cal, at("2026-12-31T16:00:00Z")) == calendar_coverage{{}, {2027, 2028}});
  CHECK(coverage_around(cal, at("2025-06-01T00:00:00Z")) == calendar_coverage{{2026}, {2025}});
}

TEST_CASE("the message names the year and what it means", "[domain][calendar][coverage]") {
  auto text = uncovered_year_message(2027);
  CHECK(text.starts_with("no holiday calendar for 2027: only Saturdays and Sundays are days off in it"));
  CHECK(text.find("docs/calendar.md") != std::string::npos);
}
