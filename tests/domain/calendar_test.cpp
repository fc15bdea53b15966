#include <catch2/catch.hpp>

#include "domain/calendar.hpp"

using namespace gridcoord::domain;
using namespace std::chrono_literals;
using std::chrono::year;

namespace {

local_date ymd(int y, unsigned m, unsigned d) {
  return local_date{year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

void add_days_off(calendar_days& c, local_date from, local_date to) {
  for (std::chrono::sys_days d{from}; d <= std::chrono::sys_days{to}; d += std::chrono::days{1})
    c.holidays.insert(local_date{d});
}

// The parts of the 2026 State Council arrangement these tests lean on
// (config/calendars/cn-2026.toml has all of it).
working_calendar china_2026() {
  calendar_days c;
  c.name = "test-cn-2026";
  c.years = {year{2026}};
  add_days_off(c, ymd(2026, 1, 1), ymd(2026, 1, 3));
  add_days_off(c, ymd(2026, 2, 15), ymd(2026, 2, 23));
  add_days_off(c, ymd(2026, 10, 1), ymd(2026, 10, 7));
  c.make_up_days = {ymd(2026, 1, 4), ymd(2026, 2, 14), ymd(2026, 2, 28), ymd(2026, 9, 20),
                    ymd(2026, 10, 10)};
  auto cal = working_calendar::make("Asia/Shanghai", c);
  REQUIRE(cal);
  return *cal;
}

time_point at(const char* rfc3339) {
  auto t = parse_rfc3339(rfc3339);
  REQUIRE(t);
  return *t;
}

}  // namespace

TEST_CASE("weekdays work, weekends and holidays do not, a make-up Saturday does", "[domain][calendar]") {
  auto cal = china_2026();
  CHECK(cal.is_working_day(ymd(2026, 3, 2)));        // a plain Monday
  CHECK_FALSE(cal.is_working_day(ymd(2026, 3, 7)));  // a plain Saturday
  CHECK_FALSE(cal.is_working_day(ymd(2026, 3, 8)));  // a plain Sunday
  CHECK_FALSE(cal.is_working_day(ymd(2026, 10, 5)));  // National Day week, a Monday
  CHECK(cal.is_working_day(ymd(2026, 2, 14)));       // make-up Saturday before the Spring Festival
  CHECK(cal.is_working_day(ymd(2026, 9, 20)));       // make-up Sunday before National Day
}

TEST_CASE("the n-th working day after month end skips the National Day week", "[domain][calendar]") {
  auto cal = china_2026();
  auto september = month{year{2026}, std::chrono::September};
  CHECK(cal.nth_working_day_after_month_end(september, 1) == ymd(2026, 10, 8));
  CHECK(cal.nth_working_day_after_month_end(september, 3) == ymd(2026, 10, 10));  // make-up Saturday
  CHECK(cal.nth_working_day_after_month_end(september, 4) == ymd(2026, 10, 12));
  CHECK(cal.nth_working_day_after_month_end(september, 5) == ymd(2026, 10, 13));
}

TEST_CASE("the n-th working day after month end skips the Spring Festival", "[domain][calendar]") {
  auto cal = china_2026();
  auto january = month{year{2026}, std::chrono::January};
  CHECK(cal.nth_working_day_after_month_end(january, 10) == ymd(2026, 2, 13));
  CHECK(cal.nth_working_day_after_month_end(january, 11) == ymd(2026, 2, 14));  // make-up Saturday
  CHECK(cal.nth_working_day_after_month_end(january, 12) == ymd(2026, 2, 24));
  CHECK(cal.nth_working_day_after(ymd(2026, 2, 14), 1) == ymd(2026, 2, 24));
}

TEST_CASE("a month ending on a weekend counts from the Monday after", "[domain][calendar]") {
  auto cal = china_2026();
  // 2026-10-31 is a Saturday, 2026-05-31 a Sunday (May Day is not in this
  // test calendar), 2026-02-28 a make-up Saturday: the last day never counts.
  CHECK(cal.nth_working_day_after_month_end(month{year{2026}, std::chrono::October}, 1) == ymd(2026, 11, 2));
  CHECK(cal.nth_working_day_after_month_end(month{year{2026}, std::chrono::October}, 5) == ymd(2026, 11, 6));
  CHECK(cal.nth_working_day_after_month_end(month{year{2026}, std::chrono::May}, 1) == ymd(2026, 6, 1));
  CHECK(cal.nth_working_day_after_month_end(month{year{2026}, std::chrono::February}, 1) == ymd(2026, 3, 2));
}

TEST_CASE("counting back from a due day skips weekends and holidays", "[domain][calendar]") {
  auto cal = china_2026();
  CHECK(cal.nth_working_day_before(ymd(2026, 10, 13), 1) == ymd(2026, 10, 12));
  CHECK(cal.nth_working_day_before(ymd(2026, 10, 13), 2) == ymd(2026, 10, 10));
  CHECK(cal.nth_working_day_before(ymd(2026, 10, 13), 5) == ymd(2026, 9, 30));
  CHECK(cal.nth_working_day_before(ymd(2026, 10, 13), 0) == ymd(2026, 10, 13));
}

TEST_CASE("the local day changes at local midnight, not at UTC midnight", "[domain][calendar]") {
  auto cal = china_2026();
  CHECK(cal.local_date_of(at("2026-10-31T15:59:59.999999Z")) == ymd(2026, 10, 31));
  CHECK(cal.local_date_of(at("2026-10-31T16:00:00Z")) == ymd(2026, 11, 1));
  CHECK(cal.local_date_of(at("2026-10-31T16:30:00Z")) == ymd(2026, 11, 1));
  CHECK(cal.local_month_of(at("2026-10-31T15:59:00Z")) == month{year{2026}, std::chrono::October});
  CHECK(cal.local_month_of(at("2026-10-31T16:00:00Z")) == month{year{2026}, std::chrono::November});
  CHECK(cal.month_begins(month{year{2026}, std::chrono::November}) == at("2026-10-31T16:00:00Z"));
  CHECK(cal.at_local(ymd(2026, 10, 13), 9h) == at("2026-10-13T01:00:00Z"));
}

TEST_CASE("a zone with daylight saving time uses its rules", "[domain][calendar]") {
  auto ny = working_calendar::make("America/New_York", {});
  REQUIRE(ny);
  CHECK(ny->at_local(ymd(2026, 1, 15)) == at("2026-01-15T05:00:00Z"));
  CHECK(ny->at_local(ymd(2026, 7, 15)) == at("2026-07-15T04:00:00Z"));
  // 02:30 on 2026-03-08 does not exist there: the clocks go from 02:00 to 03:00.
  CHECK(ny->at_local(ymd(2026, 3, 8), 150min) == at("2026-03-08T07:00:00Z"));
}

TEST_CASE("a year the calendar does not cover has weekends only", "[domain][calendar]") {
  auto cal = china_2026();
  CHECK(cal.covers(year{2026}));
  CHECK_FALSE(cal.covers(year{2027}));
  CHECK(cal.is_working_day(ymd(2027, 1, 1)));  // New Year's Day 2027, a Friday, unknown to this calendar
  CHECK_FALSE(cal.is_working_day(ymd(2027, 1, 2)));
  CHECK(cal.nth_working_day_after_month_end(month{year{2027}, std::chrono::September}, 1) == ymd(2027, 10, 1));
}

TEST_CASE("an unknown zone or inconsistent days are an error naming them", "[domain][calendar]") {
  auto zone = working_calendar::make("Asia/Lanhai", {});
  REQUIRE_FALSE(zone);
  CHECK(zone.error().code == errc::invalid_request);
  CHECK(zone.error().message.find("unknown time zone 'Asia/Lanhai'") != std::string::npos);

  calendar_days weekday_make_up{.name = "x", .make_up_days = {ymd(2026, 10, 12)}};
  auto weekday = working_calendar::make("Asia/Shanghai", weekday_make_up);
  REQUIRE_FALSE(weekday);
  CHECK(weekday.error().message == "calendar x: make-up day 2026-10-12 is a Monday, a working day already");

  calendar_days both{.name = "y", .holidays = {ymd(2026, 10, 10)}, .make_up_days = {ymd(2026, 10, 10)}};
  auto clash = working_calendar::make("Asia/Shanghai", both);
  REQUIRE_FALSE(clash);
  CHECK(clash.error().message == "calendar y: 2026-10-10 is both a holiday and a make-up day");
}

TEST_CASE("a local date reads from YYYY-MM-DD only, and only when it exists", "[domain][calendar]") {
  CHECK(parse_local_date("2027-03-03") == ymd(2027, 3, 3));
  CHECK(parse_local_date("2028-02-29") == ymd(2028, 2, 29));
  CHECK_FALSE(parse_local_date("2027-02-29"));
  CHECK_FALSE(parse_local_date("2027-3-03"));
  CHECK_FALSE(parse_local_date("2027-03-03T00"));
  CHECK_FALSE(parse_local_date("2027/03/03"));
  CHECK_FALSE(parse_local_date(""));
}
