#pragma once
// domain/calendar_coverage.hpp — which years the working calendar really knows.
//
// A working_calendar counts only Saturdays and Sundays as days off in a year
// whose holidays it was not given (domain/calendar.hpp, covers()). Nothing
// fails then, but a due date or a deadline counted in working days may land
// on a public holiday, or count one as worked. So every answer that computed
// such a date in an uncovered year says so (the cycle matrix, SLA deadlines in
// working days), and GET /v1/health and GET /metrics tell an operator about
// this year and the next before it matters (docs/calendar.md).
// [Threading] Pure functions over an immutable calendar; safe from any thread.
// [Errors]    None.
// [Limits]    Years are local years of the calendar's zone.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/clock.hpp"

namespace gridcoord::domain {

// Years as numbers (2027), ascending, each once.
using year_list = std::vector<std::int32_t>;

// The years from `from` to `to` (inclusive; empty when `to` is before
// `from`) that `calendar` does not cover.
year_list uncovered_years(const working_calendar& calendar, local_date from, local_date to);

// `more` added to `into`, which stays ascending with each year once.
void merge_years(year_list& into, const year_list& more);

// What a person is told about a year without holidays, in the JSON answers'
// calendar_warnings and in gridctl: "no holiday calendar for 2027: only
// Saturdays and Sundays are days off in it, so …".
std::string uncovered_year_message(std::int32_t year);

// This year (local, at `now`) and the next: which of them the calendar covers.
struct calendar_coverage {
  year_list covered_years;
  year_list missing_years;
  friend bool operator==(const calendar_coverage&, const calendar_coverage&) = default;
};

calendar_coverage coverage_around(const working_calendar& calendar, time_point now);

}  // namespace gridcoord::domain
