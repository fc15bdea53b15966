#pragma once
// domain/calendar.hpp — working days in a local time zone.
//
// A working_calendar knows one IANA time zone (e.g. "Asia/Shanghai") and which
// local dates are working days: Monday to Friday, except the public holidays
// it was given, plus the make-up working days (调休: a Saturday or Sunday that
// is worked). It converts between instants and local dates at the zone's day
// boundary: 2026-10-31T16:30Z is already 2026-11-01 in Shanghai.
// The days come from a calendar file (config/calendar_file.hpp loads one); a
// year the file does not cover has no holidays, only weekends (covers() says
// which years are covered, so that a caller can warn).
// [Threading] Immutable after make(); safe to share and read from any thread.
// [Errors]    make() answers an unknown zone name, a make-up day that is not a
//             Saturday or Sunday, or a day that is both holiday and make-up
//             with errc::invalid_request naming it. Nothing else fails.
// [Limits]    Dates from 1900 to 9999. The zone rules are the system tzdata
//             (/usr/share/zoneinfo), read once per process on first use.
#include <chrono>
#include <set>
#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"

namespace date {
class time_zone;
}

namespace gridcoord::domain {

// A day on the wall calendar of the calendar's zone.
using local_date = std::chrono::year_month_day;

// What a calendar file says; see docs/calendar.md.
struct calendar_days {
  std::string name;                   // "cn-2026", for messages
  bool all_years = false;             // true: the file is complete for every year (mon-fri)
  std::set<std::chrono::year> years;  // otherwise: the years whose holidays it lists
  std::set<local_date> holidays;      // days off that would be working days, or weekend days in a holiday period
  std::set<local_date> make_up_days;  // Saturdays and Sundays that are working days
};

class working_calendar {
 public:
  // The calendar of `days` in the IANA zone `zone`.
  [[nodiscard]] static expected<working_calendar> make(std::string_view zone, calendar_days days);

  const std::string& zone_name() const noexcept { return zone_name_; }
  const calendar_days& days() const noexcept { return days_; }

  // True when the calendar lists that year's holidays (or is complete for
  // every year); false: only Saturdays and Sundays are days off in it.
  bool covers(std::chrono::year y) const noexcept;

  // A make-up day, or a Monday to Friday that is not a holiday.
  bool is_working_day(local_date d) const noexcept;

  // The n-th working day after `d`, not counting `d` itself; n == 0 gives `d`.
  local_date nth_working_day_after(local_date d, unsigned n) const noexcept;

  // The n-th working day before `d`, not counting `d` itself; n == 0 gives `d`.
  local_date nth_working_day_before(local_date d, unsigned n) const noexcept;

  // The n-th working day after the last day of `m` (n = 1: the first
  // working day of the following month, or later after a holiday).
  local_date nth_working_day_after_month_end(month m, unsigned n) const noexcept;

  // The local date at instant `t`.
  local_date local_date_of(time_point t) const;

  // The month `t` falls in, local time.
  month local_month_of(time_point t) const;

  // The instant local time `time_of_day` on `d` (0: the day begins). A local
  // time skipped by a daylight-saving change gives the instant of the change;
  // a repeated one gives the earlier of the two.
  time_point at_local(local_date d, std::chrono::microseconds time_of_day = {}) const;

  // The instant `m` begins (local midnight of its first day).
  time_point month_begins(month m) const;

 private:
  working_calendar(const date::time_zone* zone, std::string zone_name, calendar_days days)
      : zone_(zone), zone_name_(std::move(zone_name)), days_(std::move(days)) {}

  const date::time_zone* zone_;
  std::string zone_name_;
  calendar_days days_;
};

// "2026-10-13".
std::string to_string(local_date d);
// "2026-10-13" as a date; nullopt for anything else (2026-02-30 too).
std::optional<local_date> parse_local_date(std::string_view text);

}  // namespace gridcoord::domain
