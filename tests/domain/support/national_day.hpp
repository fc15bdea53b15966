#pragma once
// tests/domain/support/national_day.hpp — the reporting calendar of the
// domain tests: Shanghai around National Day 2026 (days off 10-01..10-07,
// make-up working days Sunday 09-20 and Saturday 10-10). The default rule is
// working day 5 after month end with reminders 3 and 1 working days before,
// at 09:00 local; service_figures (M8) is due on the 10th, with one reminder
// 3 working days before. So for September 2026:
//   working days after month end: 10-08, 10-09, 10-10 (Sat), 10-12, 10-13
//   due day 10-13, due_at 2026-10-13T16:00Z; reminders 10-09 and 10-12 at 01:00Z
//   M8: due day 10-10, due_at 2026-10-10T16:00Z; reminder 09-30T01:00Z
#include <catch2/catch.hpp>

#include "domain/reporting_calendar.hpp"

namespace gridcoord::testing {

inline domain::local_date ymd(int y, unsigned m, unsigned d) {
  return domain::local_date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline domain::time_point at(const char* rfc3339) {
  auto t = domain::parse_rfc3339(rfc3339);
  REQUIRE(t);
  return *t;
}

inline domain::reporting_calendar national_day_2026() {
  domain::calendar_days days;
  days.name = "test";
  days.years = {std::chrono::year{2026}};
  for (unsigned d = 1; d <= 7; ++d) days.holidays.insert(ymd(2026, 10, d));
  days.make_up_days = {ymd(2026, 9, 20), ymd(2026, 10, 10)};
  auto cal = domain::working_calendar::make("Asia/Shanghai", days);
  REQUIRE(cal);
  domain::reporting_rules rules;
  rules.per_kind["service_figures"] = domain::due_rule{domain::due_rule::basis::day_of_month, 10, {3}};
  return domain::reporting_calendar{*cal, rules};
}

inline const domain::month september_2026{std::chrono::year{2026}, std::chrono::September};

}  // namespace gridcoord::testing
