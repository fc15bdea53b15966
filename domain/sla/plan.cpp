#include "domain/sla/plan.hpp"

#include <cmath>

namespace gridcoord::domain::sla {

namespace {

std::vector<unsigned> warning_percents(const limits& l) {
  std::vector<unsigned> out;
  for (double f : l.warning_fractions) out.push_back(static_cast<unsigned>(std::lround(f * 100)));
  return out;
}

std::size_t index_of(area_class a) { return static_cast<std::size_t>(a); }

}  // namespace

const limits& planner::at(time_point t) const { return limits_.at(calendar_.local_date_of(t)); }

clock_spec planner::make(step what, department owner, time_point from, const time_limit& limit,
                         const limits& in_force, unsigned round) const {
  return {what, round, owner, from, due(limit, from, calendar_), describe(limit), warning_percents(in_force)};
}

std::vector<clock_spec> planner::outage_reported(time_point started, time_point reported, area_class area) const {
  const auto& l = at(started);
  std::vector<clock_spec> out;
  out.push_back(make(step::preliminary_notice, department::dispatch, started, l.preliminary_notice, l));
  if (l.cause_found) out.push_back(make(step::cause_found, department::dispatch, started, *l.cause_found, l));
  out.push_back(make(step::customer_notice, department::customer_service, reported, at(reported).customer_notice,
                     at(reported)));
  out.push_back(make(step::crew_arrival, department::production, started, l.crew_arrival[index_of(area)], l));
  return out;
}

clock_spec planner::restoration(time_point arrived, area_class area) const {
  const auto& l = at(arrived);
  return make(step::restoration, department::production, arrived, l.restoration[index_of(area)], l);
}

clock_spec planner::planned_notice(planned_kind kind, time_point starts_at) const {
  const auto& l = at(starts_at);
  auto lead = kind == planned_kind::planned ? l.planned_lead : l.temporary_lead;
  auto due_at = starts_at - std::chrono::duration_cast<std::chrono::microseconds>(lead);
  time_limit as_limit{time_limit::basis::calendar, lead, 0};
  // A lead is a point, not a span: the clock starts and ends at its due
  // instant, so it never warns, and breaches when the notice comes after it.
  return {step::planned_notice, 1, department::dispatch, due_at, due_at, describe(as_limit) + " before the start", {}};
}

late_notice_policy planner::late_notice(time_point noticed) const { return at(noticed).late_notice; }

clock_spec planner::forward(time_point registered) const {
  const auto& l = at(registered);
  return make(step::forward, department::customer_service, registered, l.forward, l);
}

clock_spec planner::handling(complaint_category category, department to, time_point from, unsigned round) const {
  const auto& l = at(from);
  return make(step::handling, to, from, l.handling[static_cast<std::size_t>(category)], l, round);
}

clock_spec planner::callback(time_point from) const {
  const auto& l = at(from);
  return make(step::callback, department::customer_service, from, l.callback, l);
}

}  // namespace gridcoord::domain::sla
