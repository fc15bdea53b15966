#pragma once
// actors/cycle_actor.hpp — the monthly cycle on the clock: reminders before
// each report's due date and a late notice after it, logged as events to the
// sending department (domain/cycle.hpp says which and when), and the status
// matrix of a month.
//
// A check reads the clock, asks every department which reports it sent,
// logs every notice due and not yet logged in one durable append, and
// answers what it logged. The actor checks by itself when it starts (so
// notices whose instant passed while the server was down go out at once) and
// then at each next notice instant, sleeping at most `max_sleep`; with
// max_sleep 0 it checks only when asked (tests drive a manual clock and send
// cycle_check). A notice is in `pending` from the check that found it until
// its append completes, so overlapping checks never log it twice; the cycle
// book, rebuilt from the log on start, keeps it from being logged again later.
// [Threading] State is touched only by the actor; the calendar is immutable
//             and the clock is shared, read-only.
// [Errors]    A check answers the department's or the log's error; its notices
//             are then due again at the next check.
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <caf/typed_event_based_actor.hpp>

#include "actors/interfaces.hpp"
#include "domain/clock.hpp"
#include "domain/cycle.hpp"
#include "domain/reporting_calendar.hpp"

namespace gridcoord::actors {

struct cycle_options {
  std::shared_ptr<const domain::reporting_calendar> calendar;
  domain::time_point since{};                  // the cycle's start (domain/cycle.hpp)
  std::chrono::milliseconds max_sleep{60'000};  // 0: check only when asked
};

struct cycle_state {
  cycle_options options;
  domain::cycle_book book;
  std::map<domain::department, department_actor> departments;
  event_log_actor log;
  const domain::clock* clock = nullptr;
  std::set<std::string> pending;  // notice ids being appended
  std::uint64_t wake_generation = 0;
  static inline const char* name = "cycle";
};

using cycle_pointer = cycle_actor::stateful_pointer<cycle_state>;

cycle_actor::behavior_type cycle(cycle_pointer self, cycle_options options, domain::cycle_book book,
                                 std::map<domain::department, department_actor> departments,
                                 event_log_actor log, const domain::clock* clock);

}  // namespace gridcoord::actors
