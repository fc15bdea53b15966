#pragma once
// cmd/gridctl/sla_view.hpp — the --table views of the SLA commands
// (sla_commands.hpp): answers of the outage, planned-outage, complaint,
// callback, analysis, feed, work, breach and figure routes shaped for
// render_for_people. Times are in the context's zone (local_times.hpp): a
// clock's started, due and completed with seconds when its limit is under an
// hour (view_support.hpp, clock_detail), other times to the minute. Rates and
// percents read "87.5 %" (domain::format_rate).
//
//   one item        -> "item" and its kind's fields as key/value lines (a
//                      repeat says so; "calendar" when a deadline in working
//                      days lies in a year without holidays), then its clocks
//                      as a table: step ("crew_arrival (E5)", with the round
//                      after the first), department, started, due, limit,
//                      completed, status, warnings ("50 %, 75 %")
//   {"items":[…]}   -> one line per item: item, state, its kind's main
//                      fields, and the next open step with its due time; a
//                      "calendar" line for all of them
//   feed results    -> the totals on one line, then one line per input line:
//                      line, status, item ("outage/17"), error (its message)
//   open work       -> department, as of and "calendar" (as above), then the
//                      steps: item, step, due, remaining in words
//                      (remaining_text), elapsed %, warnings sent; then the
//                      open analyses
//   breaches        -> item, step, department, started, due
//   figures         -> the two tables, the callback rate as a percentage
//                      ("66.7 %") and mean satisfaction to two decimals
// Anything not of the expected shape is left unchanged.
// [Threading] Pure; safe from any thread.
#include <string>

#include <boost/json/value.hpp>

#include "cmd/gridctl/local_times.hpp"

namespace gridcoord::gridctl {

// The time left before a deadline, in words, from the seconds remaining
// (negative when overdue), in whole minutes rounded down:
//   4800 -> "1 h 20 min left", 2700 -> "45 min left", 30 -> "under 1 min left",
//   0 -> "due now", -300 -> "overdue by 5 min", 187200 -> "2 d 4 h left".
std::string remaining_text(double seconds);

boost::json::value item_for_people(const boost::json::value& answer, const view_context& vc);
boost::json::value items_for_people(const boost::json::value& answer, const view_context& vc);
boost::json::value feed_for_people(const boost::json::value& answer);
boost::json::value work_for_people(const boost::json::value& answer, const view_context& vc);
boost::json::value breaches_for_people(const boost::json::value& answer, const view_context& vc);
boost::json::value figures_for_people(const boost::json::value& answer);

}  // namespace gridcoord::gridctl
