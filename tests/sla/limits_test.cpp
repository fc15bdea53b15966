#include <catch2/catch.hpp>

#include "domain/sla/limits.hpp"

#include <stdexcept>

using namespace gridcoord::domain;
using namespace gridcoord::domain::sla;
using namespace std::chrono_literals;
using std::chrono::year;

namespace {

local_date ymd(int y, unsigned m, unsigned d) {
  return local_date{year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// National Day 2026 as the State Council arranged it: 1 to 7 October off,
// Sunday 20 September and Saturday 10 October worked (config/calendars/cn-2026.toml).
working_calendar national_day_2026() {
  calendar_days c;
  c.name = "test-national-day-2026";
  c.years = {year{2026}};
  for (unsigned d = 1; d <= 7; ++d) c.holidays.insert(ymd(2026, 10, d));
  c.make_up_days = {ymd(2026, 9, 20), ymd(2026, 10, 10)};
  auto cal = working_calendar::make("Asia/Shanghai", c);
  REQUIRE(cal);
  return *cal;
}

time_point at(const char* rfc3339) {
  auto t = parse_rfc3339(rfc3339);
  REQUIRE(t);
  return *t;
}

time_limit calendar_time(std::chrono::minutes m) { return {.by = time_limit::basis::calendar, .duration = m}; }
time_limit working(unsigned n) { return {.by = time_limit::basis::working_days, .working_days = n}; }
time_limit same_day() { return {.by = time_limit::basis::same_day}; }

limits revision(local_date from, std::chrono::minutes urban_restoration) {
  limits l;
  l.effective_from = from;
  l.restoration = {calendar_time(urban_restoration), calendar_time(5h), calendar_time(5h)};
  return l;
}

}  // namespace

TEST_CASE("a calendar limit is the start plus its duration, weekends and holidays included", "[sla][limits]") {
  auto cal = national_day_2026();
  CHECK(due(calendar_time(45min), at("2026-10-09T23:50:00Z"), cal) == at("2026-10-10T00:35:00Z"));
  CHECK(due(calendar_time(4h), at("2026-10-02T10:00:00+08:00"), cal) == at("2026-10-02T14:00:00+08:00"));
  CHECK(due(calendar_time(7 * 24h), at("2026-09-30T09:00:00+08:00"), cal) == at("2026-10-07T09:00:00+08:00"));
}

TEST_CASE("working days skip the weekend and end at local midnight after the last one", "[sla][limits]") {
  auto cal = national_day_2026();
  // Friday 16 October: Monday 19 is the first, Tuesday 20 the second working day.
  CHECK(due(working(2), at("2026-10-16T10:00:00+08:00"), cal) == at("2026-10-21T00:00:00+08:00"));
  CHECK(due(working(2), at("2026-10-16T10:00:00+08:00"), cal) == at("2026-10-20T16:00:00Z"));
  // Started on Saturday 17 October: the weekend day itself does not count.
  CHECK(due(working(1), at("2026-10-17T10:00:00+08:00"), cal) == at("2026-10-20T00:00:00+08:00"));
}

TEST_CASE("working days skip a public holiday", "[sla][limits]") {
  auto cal = national_day_2026();
  // Wednesday 30 September; 1 to 7 October are off: Thursday 8 and Friday 9.
  CHECK(due(working(2), at("2026-09-30T11:00:00+08:00"), cal) == at("2026-10-10T00:00:00+08:00"));
  CHECK(due(working(3), at("2026-09-30T11:00:00+08:00"), cal) == at("2026-10-11T00:00:00+08:00"));
}

TEST_CASE("a make-up Saturday or Sunday counts as a working day", "[sla][limits]") {
  auto cal = national_day_2026();
  // Friday 9 October: Saturday 10 is worked, so one working day ends with it, not with Monday 12.
  CHECK(due(working(1), at("2026-10-09T15:00:00+08:00"), cal) == at("2026-10-11T00:00:00+08:00"));
  // Saturday 19 September, 0 working days: the next working day is the make-up Sunday 20.
  CHECK(due(working(0), at("2026-09-19T15:00:00+08:00"), cal) == at("2026-09-21T00:00:00+08:00"));
}

TEST_CASE("zero working days is the start day when it is worked, else the next working day", "[sla][limits]") {
  auto cal = national_day_2026();
  CHECK(due(working(0), at("2026-10-13T15:00:00+08:00"), cal) == at("2026-10-14T00:00:00+08:00"));
  CHECK(due(working(0), at("2026-10-03T15:00:00+08:00"), cal) == at("2026-10-09T00:00:00+08:00"));
}

TEST_CASE("the same day ends at local midnight, holiday or not", "[sla][limits]") {
  auto cal = national_day_2026();
  CHECK(due(same_day(), at("2026-10-13T08:00:00+08:00"), cal) == at("2026-10-14T00:00:00+08:00"));
  CHECK(due(same_day(), at("2026-10-03T08:00:00+08:00"), cal) == at("2026-10-04T00:00:00+08:00"));
}

TEST_CASE("deadlines near midnight count from the local date, not the UTC date", "[sla][limits]") {
  auto cal = national_day_2026();
  // 2026-10-31T16:30Z is 00:30 on Sunday 1 November in Shanghai.
  auto after_midnight = at("2026-10-31T16:30:00Z");
  CHECK(due(same_day(), after_midnight, cal) == at("2026-11-01T16:00:00Z"));
  CHECK(due(working(1), after_midnight, cal) == at("2026-11-02T16:00:00Z"));
  CHECK(due(working(0), after_midnight, cal) == at("2026-11-02T16:00:00Z"));
  // An hour earlier it is 23:30 on Saturday 31 October: the same day ends in 30 minutes.
  auto before_midnight = at("2026-10-31T15:30:00Z");
  CHECK(due(same_day(), before_midnight, cal) == at("2026-10-31T16:00:00Z"));
  CHECK(due(working(0), before_midnight, cal) == at("2026-11-02T16:00:00Z"));
}

TEST_CASE("a limit is described as people write it", "[sla][limits]") {
  CHECK(describe(calendar_time(45min)) == "45 min");
  CHECK(describe(calendar_time(4h)) == "4 h");
  CHECK(describe(calendar_time(90min)) == "90 min");
  CHECK(describe(calendar_time(7 * 24h)) == "7 d");
  CHECK(describe(calendar_time(24h)) == "1 d");
  CHECK(describe(calendar_time(36h)) == "36 h");
  CHECK(describe(working(2)) == "2 working days");
  CHECK(describe(working(1)) == "1 working day");
  CHECK(describe(working(0)) == "0 working days");
  CHECK(describe(same_day()) == "the same day");
}

TEST_CASE("a limit's text parses into its basis and amount", "[sla][limits]") {
  CHECK(parse_time_limit("5 min") == calendar_time(5min));
  CHECK(parse_time_limit("24 h") == calendar_time(24h));
  CHECK(parse_time_limit("7 d") == calendar_time(7 * 24h));
  CHECK(parse_time_limit("366 d") == calendar_time(366 * 24h));
  CHECK(parse_time_limit("10 working days") == working(10));
  CHECK(parse_time_limit("1 working day") == working(1));
  CHECK(parse_time_limit("0 working days") == working(0));
  CHECK(parse_time_limit("250 working days") == working(250));
  CHECK(parse_time_limit("same day") == same_day());
  CHECK(parse_time_limit("the same day") == same_day());
  for (const char* bad : {"", "5", "5min", "5 mins", "-5 min", "0 min", "1.5 h", "367 d", "251 working days",
                          "99999999999 min", "none", "same", "2 workdays", "h 4", "4 h later"})
    CHECK_FALSE(parse_time_limit(bad));
}

TEST_CASE("describing a limit and parsing the text gives the limit back", "[sla][limits]") {
  for (const auto& l : {calendar_time(5min), calendar_time(90min), calendar_time(3h), calendar_time(24h),
                        calendar_time(7 * 24h), working(0), working(1), working(2), same_day()}) {
    auto back = parse_time_limit(describe(l));
    REQUIRE(back);
    CHECK(*back == l);
  }
}

TEST_CASE("the catalogue answers the active profile's revision in force on a date", "[sla][limits]") {
  profile document{"document", "the source", {revision(ymd(2024, 1, 1), 4h), revision(ymd(2026, 7, 1), 3h)}};
  profile other{"other", "another", {revision(ymd(2024, 1, 1), 2h)}};
  catalogue c{{document, other}, "document"};
  CHECK(c.at(ymd(2025, 5, 5)).restoration[0] == calendar_time(4h));
  CHECK(c.at(ymd(2026, 6, 30)).restoration[0] == calendar_time(4h));
  CHECK(c.at(ymd(2026, 7, 1)).restoration[0] == calendar_time(3h));
  CHECK(c.at(ymd(2030, 1, 1)).restoration[0] == calendar_time(3h));
  CHECK(c.at(ymd(2026, 7, 1)).effective_from == ymd(2026, 7, 1));

  catalogue other_active{{document, other}, "other"};
  CHECK(other_active.at(ymd(2026, 7, 1)).restoration[0] == calendar_time(2h));
}

TEST_CASE("before its first revision the catalogue answers the oldest one", "[sla][limits]") {
  // Given newest first, to show that the order of the list does not matter.
  profile p{"document", "", {revision(ymd(2026, 7, 1), 3h), revision(ymd(2024, 1, 1), 4h)}};
  catalogue c{{p}, "document"};
  CHECK(c.at(ymd(2023, 12, 31)).effective_from == ymd(2024, 1, 1));
  CHECK(c.at(ymd(2025, 1, 1)).restoration[0] == calendar_time(4h));
}

TEST_CASE("the catalogue finds profiles by name and refuses an active profile it lacks", "[sla][limits]") {
  catalogue c{{profile{"document", "", {revision(ymd(2024, 1, 1), 4h)}}, profile{"sgcc-2023", "", {}}},
              "sgcc-2023"};
  REQUIRE(c.find("document"));
  CHECK(c.find("document")->name == "document");
  CHECK(c.find("sgcc") == nullptr);
  CHECK(c.active() == "sgcc-2023");
  CHECK_THROWS_AS(c.at(ymd(2026, 1, 1)), std::out_of_range);  // no revision
  catalogue missing{{profile{"document", "", {revision(ymd(2024, 1, 1), 4h)}}}, "none"};
  CHECK_THROWS_AS(missing.at(ymd(2026, 1, 1)), std::out_of_range);
}

TEST_CASE("each complaint category is routed to its department", "[sla][limits]") {
  CHECK(routed_to(complaint_category::power_quality) == department::production);
  CHECK(routed_to(complaint_category::supply_capacity) == department::planning);
  CHECK(routed_to(complaint_category::new_connection) == department::marketing);
  CHECK(routed_to(complaint_category::outage) == department::dispatch);
}

TEST_CASE("a dissatisfied callback escalates to planning, production or the handling department",
          "[sla][limits]") {
  CHECK(escalated_to(complaint_category::supply_capacity) == department::planning);
  CHECK(escalated_to(complaint_category::power_quality) == department::production);
  CHECK(escalated_to(complaint_category::new_connection) == department::marketing);
  CHECK(escalated_to(complaint_category::outage) == department::dispatch);
}

TEST_CASE("categories and late-notice policies round-trip through their names", "[sla][limits]") {
  const std::pair<complaint_category, const char*> names[]{{complaint_category::power_quality, "power_quality"},
                                                           {complaint_category::supply_capacity, "supply_capacity"},
                                                           {complaint_category::new_connection, "new_connection"},
                                                           {complaint_category::outage, "outage"}};
  for (const auto& [c, name] : names) {
    CHECK(to_string(c) == name);
    CHECK(parse_complaint_category(name) == c);
  }
  CHECK_FALSE(parse_complaint_category("Power_quality"));
  CHECK_FALSE(parse_complaint_category("outages"));
  CHECK_FALSE(parse_complaint_category(""));
  CHECK(to_string(late_notice_policy::refuse) == "refuse");
  CHECK(to_string(late_notice_policy::record_breach) == "record_breach");
  CHECK(parse_late_notice_policy("refuse") == late_notice_policy::refuse);
  CHECK(parse_late_notice_policy("record_breach") == late_notice_policy::record_breach);
  CHECK_FALSE(parse_late_notice_policy("record"));
}
