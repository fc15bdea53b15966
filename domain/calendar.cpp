#include "domain/calendar.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <stdexcept>

namespace gridcoord::domain {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool is_weekend(local_date d) {
  auto wd = std::chrono::weekday{sys_days{d}};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

const char* weekday_name(local_date d) {
  static constexpr const char* names[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                          "Thursday", "Friday", "Saturday"};
  return names[std::chrono::weekday{sys_days{d}}.c_encoding()];
}

// What is wrong with the days as a whole; "" when nothing.
std::string days_problem(const calendar_days& c) {
  for (const auto& d : c.make_up_days) {
    if (!is_weekend(d))
      return fmt::format("calendar {}: make-up day {} is a {}, a working day already", c.name,
                         to_string(d), weekday_name(d));
    if (c.holidays.contains(d))
      return fmt::format("calendar {}: {} is both a holiday and a make-up day", c.name, to_string(d));
  }
  return {};
}

const date::time_zone* find_zone(std::string_view zone, std::string& problem) {
  try {
    return date::locate_zone(zone);
  } catch (const std::exception& e) {
    problem = fmt::format("unknown time zone '{}' (an IANA name such as \"Asia/Shanghai\"): {}", zone,
                          e.what());
    return nullptr;
  }
}

local_date step_working_days(const working_calendar& c, local_date d, unsigned n, int step) {
  sys_days day{d};
  while (n > 0) {
    day += days{step};
    if (c.is_working_day(local_date{day})) --n;
  }
  return local_date{day};
}

}  // namespace

expected<working_calendar> working_calendar::make(std::string_view zone, calendar_days days) {
  std::string problem;
  const auto* tz = find_zone(zone, problem);
  if (!tz) return fail(errc::invalid_request, problem);
  if (auto p = days_problem(days); !p.empty()) return fail(errc::invalid_request, p);
  return working_calendar{tz, std::string(zone), std::move(days)};
}

bool working_calendar::covers(std::chrono::year y) const noexcept {
  return days_.all_years || days_.years.contains(y);
}

bool working_calendar::is_working_day(local_date d) const noexcept {
  if (days_.make_up_days.contains(d)) return true;
  return !is_weekend(d) && !days_.holidays.contains(d);
}

local_date working_calendar::nth_working_day_after(local_date d, unsigned n) const noexcept {
  return step_working_days(*this, d, n, +1);
}

local_date working_calendar::nth_working_day_before(local_date d, unsigned n) const noexcept {
  return step_working_days(*this, d, n, -1);
}

local_date working_calendar::nth_working_day_after_month_end(month m, unsigned n) const noexcept {
  return nth_working_day_after(local_date{m / std::chrono::last}, n);
}

local_date working_calendar::local_date_of(time_point t) const {
  auto local = zone_->to_local(t);
  return local_date{sys_days{std::chrono::floor<std::chrono::days>(local).time_since_epoch()}};
}

month working_calendar::local_month_of(time_point t) const {
  auto d = local_date_of(t);
  return month{d.year(), d.month()};
}

time_point working_calendar::at_local(local_date d, std::chrono::microseconds time_of_day) const {
  date::local_time<std::chrono::microseconds> local{sys_days{d}.time_since_epoch() + time_of_day};
  return zone_->to_sys(local, date::choose::earliest);  // never throws with a choose
}

time_point working_calendar::month_begins(month m) const {
  return at_local(local_date{m / std::chrono::day{1}});
}

std::string to_string(local_date d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

std::optional<local_date> parse_local_date(std::string_view text) {
  auto digits = [&](std::size_t from, std::size_t n, unsigned& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return true;
  };
  unsigned y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4, y) || !digits(5, 2, m) ||
      !digits(8, 2, d))
    return std::nullopt;
  local_date out{std::chrono::year{static_cast<int>(y)}, std::chrono::month{m}, std::chrono::day{d}};
  if (!out.ok()) return std::nullopt;
  return out;
}

}  // namespace gridcoord::domain
