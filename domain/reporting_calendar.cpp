#include "domain/reporting_calendar.hpp"

#include <algorithm>

namespace gridcoord::domain {

namespace {

month next_month(month m) { return m + std::chrono::months{1}; }

local_date day_after(local_date d) {
  return local_date{std::chrono::sys_days{d} + std::chrono::days{1}};
}

}  // namespace

const due_rule& reporting_rules::rule_for(std::string_view kind) const {
  auto it = per_kind.find(kind);
  return it == per_kind.end() ? default_rule : it->second;
}

const char* to_string(report_status s) noexcept {
  switch (s) {
    case report_status::not_yet_due: return "not_yet_due";
    case report_status::open: return "open";
    case report_status::on_time: return "on_time";
    case report_status::late: return "late";
    case report_status::missing: return "missing";
  }
  return "unknown";
}

local_date reporting_calendar::due_day(std::string_view kind, month m) const {
  const auto& rule = rules_.rule_for(kind);
  if (rule.by == due_rule::basis::day_of_month) return local_date{next_month(m) / std::chrono::day{rule.n}};
  return calendar_.nth_working_day_after_month_end(m, rule.n);
}

time_point reporting_calendar::due_at(std::string_view kind, month m) const {
  return calendar_.at_local(day_after(due_day(kind, m)));
}

std::vector<time_point> reporting_calendar::reminders(std::string_view kind, month m) const {
  auto due = due_day(kind, m);
  std::vector<time_point> out;
  for (unsigned before : rules_.rule_for(kind).reminders_working_days_before) {
    auto day = calendar_.nth_working_day_before(due, before);
    out.push_back(calendar_.at_local(day, rules_.reminder_time));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

report_schedule reporting_calendar::schedule(std::string_view kind, month m) const {
  auto due = due_day(kind, m);
  return report_schedule{due, calendar_.month_begins(next_month(m)), calendar_.at_local(day_after(due)),
                         reminders(kind, m)};
}

report_status reporting_calendar::status(std::string_view kind, month m,
                                         std::optional<time_point> first_submission,
                                         time_point now) const {
  return status_at(schedule(kind, m), first_submission, now);
}

report_status status_at(const report_schedule& s, std::optional<time_point> first_submission,
                        time_point now) noexcept {
  if (first_submission && *first_submission <= now)
    return *first_submission < s.due_at ? report_status::on_time : report_status::late;
  if (now < s.month_ends) return report_status::not_yet_due;
  return now < s.due_at ? report_status::open : report_status::missing;
}

}  // namespace gridcoord::domain
