#include "domain/sla/limits.hpp"

#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

namespace gridcoord::domain::sla {

namespace {

using std::chrono::minutes;

constexpr minutes minutes_per_hour{60};
constexpr minutes minutes_per_day{24 * 60};
constexpr minutes longest_calendar_limit{366 * 24 * 60};
constexpr unsigned most_working_days = 250;

constexpr std::array<std::string_view, complaint_category_count> category_names{
    "power_quality", "supply_capacity", "new_connection", "outage"};

local_date next_day(local_date d) { return local_date{std::chrono::sys_days{d} + std::chrono::days{1}}; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// The limit "<n> UNIT" where `unit` follows the number and its spaces.
std::optional<time_limit> limit_of(unsigned n, std::string_view unit) noexcept {
  if (unit == "working day" || unit == "working days") {
    if (n > most_working_days) return std::nullopt;
    return time_limit{.by = time_limit::basis::working_days, .working_days = n};
  }
  minutes per{0};
  if (unit == "min") per = minutes{1};
  else if (unit == "h") per = minutes_per_hour;
  else if (unit == "d") per = minutes_per_day;
  else return std::nullopt;
  // Checked before multiplying, so that a huge n cannot overflow.
  if (n == 0 || static_cast<long>(n) > longest_calendar_limit / per) return std::nullopt;
  return time_limit{.by = time_limit::basis::calendar, .duration = per * static_cast<long>(n)};
}

}  // namespace

time_point due(const time_limit& limit, time_point start, const working_calendar& calendar) {
  switch (limit.by) {
    case time_limit::basis::calendar:
      return start + limit.duration;
    case time_limit::basis::working_days: {
      auto day = calendar.local_date_of(start);
      auto last = limit.working_days > 0     ? calendar.nth_working_day_after(day, limit.working_days)
                  : calendar.is_working_day(day) ? day
                                                 : calendar.nth_working_day_after(day, 1);
      return calendar.at_local(next_day(last));
    }
    case time_limit::basis::same_day:
      return calendar.at_local(next_day(calendar.local_date_of(start)));
  }
  return start;
}

std::string describe(const time_limit& limit) {
  switch (limit.by) {
    case time_limit::basis::calendar: {
      auto m = limit.duration;
      if (m.count() != 0 && m % minutes_per_day == minutes{0}) return fmt::format("{} d", m / minutes_per_day);
      if (m.count() != 0 && m % minutes_per_hour == minutes{0}) return fmt::format("{} h", m / minutes_per_hour);
      return fmt::format("{} min", m.count());
    }
    case time_limit::basis::working_days:
      return fmt::format("{} working {}", limit.working_days, limit.working_days == 1 ? "day" : "days");
    case time_limit::basis::same_day:
      return "the same day";
  }
  return {};
}

std::optional<time_limit> parse_time_limit(std::string_view text) noexcept {
  text = trim(text);
  if (text == "same day" || text == "the same day") return time_limit{.by = time_limit::basis::same_day};
  unsigned n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end == text.data() || end == text.data() + text.size() || *end != ' ') return std::nullopt;
  return limit_of(n, trim(text.substr(static_cast<std::size_t>(end - text.data()))));
}

const profile* catalogue::find(std::string_view name) const noexcept {
  for (const auto& p : profiles_)
    if (p.name == name) return &p;
  return nullptr;
}

const limits& catalogue::at(local_date day) const {
  const auto* p = find(active_);
  if (!p || p->revisions.empty())
    throw std::out_of_range(fmt::format("the time-limit catalogue has no profile \"{}\" with a revision", active_));
  const limits* in_force = nullptr;
  const limits* oldest = &p->revisions.front();
  for (const auto& r : p->revisions) {
    if (r.effective_from < oldest->effective_from) oldest = &r;
    if (r.effective_from <= day && (!in_force || r.effective_from > in_force->effective_from)) in_force = &r;
  }
  return in_force ? *in_force : *oldest;
}

department routed_to(complaint_category c) noexcept {
  switch (c) {
    case complaint_category::power_quality: return department::production;
    case complaint_category::supply_capacity: return department::planning;
    case complaint_category::new_connection: return department::marketing;
    case complaint_category::outage: return department::dispatch;
  }
  return department::customer_service;
}

department escalated_to(complaint_category c) noexcept {
  switch (c) {
    case complaint_category::supply_capacity: return department::planning;
    case complaint_category::power_quality: return department::production;
    case complaint_category::new_connection:
    case complaint_category::outage: return routed_to(c);
  }
  return department::customer_service;
}

std::string_view to_string(complaint_category c) noexcept { return category_names[static_cast<std::size_t>(c)]; }

std::optional<complaint_category> parse_complaint_category(std::string_view text) noexcept {
  for (std::size_t i = 0; i < category_names.size(); ++i)
    if (category_names[i] == text) return static_cast<complaint_category>(i);
  return std::nullopt;
}

std::string_view to_string(late_notice_policy p) noexcept {
  return p == late_notice_policy::refuse ? "refuse" : "record_breach";
}

std::optional<late_notice_policy> parse_late_notice_policy(std::string_view text) noexcept {
  if (text == "refuse") return late_notice_policy::refuse;
  if (text == "record_breach") return late_notice_policy::record_breach;
  return std::nullopt;
}

}  // namespace gridcoord::domain::sla
