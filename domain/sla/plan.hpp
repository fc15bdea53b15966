#pragma once
// domain/sla/plan.hpp — the clocks a step opens, from the time limits in
// force (domain/sla/limits.hpp): the deadlines the SLA actor writes into the
// events it logs (domain/sla/events.hpp).
//
// The revision in force is the active profile's on the local date the clock
// starts. Owners: E1, E2, E4 dispatch; E3, E6, E9 customer service; E5
// production; E7 the department the complaint is forwarded or escalated to.
// [Threading] Pure; the catalogue and calendar are read-only.
// [Errors]    None.
#include <optional>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/sla/events.hpp"
#include "domain/sla/limits.hpp"

namespace gridcoord::domain::sla {

class planner {
 public:
  planner(const catalogue& limits, const working_calendar& calendar) : limits_(limits), calendar_(calendar) {}

  // E1 (from the start; complete on the report), E2 when the catalogue has a
  // cause limit, E3 (from the report), E5 crew arrival (from the start).
  std::vector<clock_spec> outage_reported(time_point started, time_point reported, area_class area) const;
  // E5 restoration, from the crew's arrival.
  clock_spec restoration(time_point arrived, area_class area) const;
  // E4: the clock of a planned or temporary outage notice: due its lead
  // before the start. `late` when `noticed` is after that.
  clock_spec planned_notice(planned_kind kind, time_point starts_at) const;
  late_notice_policy late_notice(time_point noticed) const;
  // E6, from the registration.
  clock_spec forward(time_point registered) const;
  // E7 for round `round`, from the forward or the escalation.
  clock_spec handling(complaint_category category, department to, time_point from, unsigned round) const;
  // E9, from the restoration, the energization or the result.
  clock_spec callback(time_point from) const;

 private:
  const limits& at(time_point t) const;
  clock_spec make(step what, department owner, time_point from, const time_limit& limit, const limits& in_force,
                  unsigned round = 1) const;

  const catalogue& limits_;
  const working_calendar& calendar_;
};

}  // namespace gridcoord::domain::sla
