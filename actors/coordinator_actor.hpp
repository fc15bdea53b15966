#pragma once
// actors/coordinator_actor.hpp — the front door of the actor system.
//
// Routes every request by DESIGN.md's flow tables (domain/report_kind.hpp):
// a report goes to its sender's actor, which logs it; once durable, the
// coordinator hands the new version to every recipient's actor and answers.
// Queries go straight to the department or the event log, token requests to
// the security actor (delegated), the cycle's matrix to the cycle actor.
// Batches run as actors/batch_run.hpp says. The health report says which of
// this year and the next the calendar has holidays for (calendar_coverage.hpp).
// [Errors] not_found for an unknown report kind; forbidden when a department
//          submits a kind it does not send.
#include <map>

#include <caf/typed_event_based_actor.hpp>

#include "actors/interfaces.hpp"
#include "domain/clock.hpp"
#include "domain/reporting_calendar.hpp"

namespace gridcoord::actors {

struct coordinator_state {
  std::map<domain::department, department_actor> departments;
  event_log_actor log;
  security_actor security;
  cycle_actor cycle;
  std::shared_ptr<const domain::reporting_calendar> calendar;  // for the health report's coverage
  const domain::clock* clock = nullptr;
  std::uint64_t next_batch = 1;
  static inline const char* name = "coordinator";
};

using coordinator_pointer = coordinator_actor::stateful_pointer<coordinator_state>;

// Tells the sender of `item` that `recipient` acknowledged it (nothing when
// the item carries no acknowledgement). Used for single and batch acks.
void tell_sender(coordinator_pointer self, domain::department recipient, const domain::inbox_item& item);

coordinator_actor::behavior_type coordinator(coordinator_pointer self,
                                             std::map<domain::department, department_actor> departments,
                                             event_log_actor log, security_actor security,
                                             cycle_actor cycle,
                                             std::shared_ptr<const domain::reporting_calendar> calendar,
                                             const domain::clock* clock);

}  // namespace gridcoord::actors
