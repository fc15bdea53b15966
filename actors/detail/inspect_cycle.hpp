#pragma once
// actors/detail/inspect_cycle.hpp — CAF `inspect` functions for the monthly
// cycle's domain types (domain/cycle.hpp), kept apart from inspect.hpp so
// that each stays short. Optionals and dates travel in inspect.hpp's boxes.
#include <optional>

#include "actors/detail/inspect.hpp"
#include "domain/cycle.hpp"

namespace gridcoord::domain {

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cycle_notice& x) {
  month_box period{x.period};
  return f(caf::meta::type_name("cycle_notice"), x.type, x.to, x.kind, x.flow, period, x.scheduled_at,
           x.due_at, x.working_days_before);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, sent_notice& x) {
  return f(caf::meta::type_name("sent_notice"), x.at, x.seq);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, submission_summary& x) {
  month_box period{x.period};
  return f(caf::meta::type_name("submission_summary"), x.sender, x.kind, period, x.first_at,
           x.latest_version, x.latest_at);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, notice_state& x) {
  optional_box<sent_notice> sent{x.sent};
  return f(caf::meta::type_name("notice_state"), x.scheduled_at, x.working_days_before, sent);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, report_schedule& x) {
  date_box due_day{x.due_day};
  return f(caf::meta::type_name("report_schedule"), due_day, x.month_ends, x.due_at, x.reminders);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cycle_entry& x) {
  optional_box<submission_summary> submission{x.submission};
  return f(caf::meta::type_name("cycle_entry"), x.sender, x.kind, x.flow, x.schedule, x.status, submission,
           x.reminders, x.late_notice);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cycle_matrix& x) {
  month_box period{x.period};
  return f(caf::meta::type_name("cycle_matrix"), period, x.as_of, x.time_zone, x.since, x.entries,
           x.uncovered_years);
}

}  // namespace gridcoord::domain
