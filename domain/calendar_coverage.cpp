#include "domain/calendar_coverage.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace gridcoord::domain {

year_list uncovered_years(const working_calendar& calendar, local_date from, local_date to) {
  year_list out;
  for (auto y = from.year(); y <= to.year(); ++y)
    if (!calendar.covers(y)) out.push_back(static_cast<std::int32_t>(static_cast<int>(y)));
  return out;
}

void merge_years(year_list& into, const year_list& more) {
  into.insert(into.end(), more.begin(), more.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

std::string uncovered_year_message(std::int32_t year) {
  return fmt::format(
      "no holiday calendar for {0}: only Saturdays and Sundays are days off in it, so a due date or a deadline "
      "in working days in {0} may fall on a public holiday; add {0}'s holidays to the calendar file "
      "(docs/calendar.md)",
      year);
}

calendar_coverage coverage_around(const working_calendar& calendar, time_point now) {
  auto this_year = calendar.local_date_of(now).year();
  calendar_coverage out;
  for (auto y : {this_year, this_year + std::chrono::years{1}}) {
    auto& list = calendar.covers(y) ? out.covered_years : out.missing_years;
    list.push_back(static_cast<std::int32_t>(static_cast<int>(y)));
  }
  return out;
}

}  // namespace gridcoord::domain
