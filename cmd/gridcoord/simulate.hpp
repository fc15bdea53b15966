#pragma once
// cmd/gridcoord/simulate.hpp — `gridcoord simulate SCENARIO`: replays a
// scenario (cmd/gridcoord/scenario.hpp) on a virtual clock against the real
// actors with an in-memory store, and prints what the SLA clocks made of it:
// warnings and breaches per department, the breaches, callback rates, open
// analyses and the notifications (docs/simulate.md).
//
// The clock moves from one step to the next `step` at a time, checking the
// SLA clocks and delivering due notifications at each tick, so a signal is
// logged within `step` of its instant; after the last step it runs on for
// `tail`. Notifications go to a receiver inside the process that takes each
// at once (a delivery costs no virtual time). The demo network
// (docs/examples/equipment.csv) is loaded first.
// [Errors] A scenario that does not parse is refused with every bad line
//          (exit 2); a step the actors refuse is printed with its line and
//          the replay goes on (and the exit code is 1).
#include <chrono>
#include <iosfwd>
#include <string>

#include "config/settings.hpp"

namespace gridcoord::cmd {

struct simulate_options {
  std::string scenario_file;
  std::string time_limits_file = "config/time_limits.toml";
  std::string profile = "document";
  std::chrono::minutes step{1};
  std::chrono::hours tail{7 * 24};
};

// Returns the process exit code; prints to `out` (and errors to `err`).
int simulate(const simulate_options& options, std::ostream& out, std::ostream& err);

}  // namespace gridcoord::cmd
