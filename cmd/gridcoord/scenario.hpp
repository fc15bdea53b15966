#pragma once
// cmd/gridcoord/scenario.hpp — a scenario for `gridcoord simulate`: timed
// requests to the SLA actor, one JSON object a line (docs/simulate.md).
//
//   {"at":"2027-03-02T09:00:00+08:00","do":"outage","equipment":["F-101"],"started_at":"2027-03-02T08:57:00+08:00"}
//   {"at":"2027-03-02T09:40:00+08:00","do":"crew_arrived","outage":1}
//
// "do" is one of: customers (a CSV file of customers, relative to the
// scenario's folder), outage, update, crew_arrived, restored, notified,
// planned, complaint, forward, acknowledge, result, callback, close_analysis.
// Items are named by their number (the simulation starts from an empty
// store, so the n-th outage is outage n). "at" is when the request is made;
// an outage's "started_at" and a step's "happened_at" may be earlier. Lines are in time order; blank
// lines and lines starting with "#" are skipped.
// [Errors] Every bad line at once, each naming its line number and field.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "actors/sla_requests.hpp"
#include "domain/error.hpp"

namespace gridcoord::cmd {

struct scenario_step {
  std::size_t line = 0;
  domain::time_point at{};
  actors::sla_request request;
};

struct scenario {
  std::vector<scenario_step> steps;  // in time order
};

[[nodiscard]] domain::expected<scenario> parse_scenario(std::string_view text, const std::filesystem::path& folder);

}  // namespace gridcoord::cmd
