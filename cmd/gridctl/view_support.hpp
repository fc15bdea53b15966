#pragma once
// cmd/gridctl/view_support.hpp — what the --table views (catalogue_view,
// cycle_view, report_view, sla_view, customer_view) share when they reshape
// an answer.
// [Threading] Pure.
#include <string>
#include <string_view>

#include <fmt/format.h>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace gridcoord::gridctl {

// A copy of `o[key]`, or null when the answer has no such field.
inline boost::json::value field_or_null(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v ? *v : boost::json::value(nullptr);
}

// A clock's step as one cell: "crew_arrival (E5)", "handling (E7, round 2)";
// the step alone when there is no flow.
inline std::string step_text(const boost::json::object& clock) {
  const auto* step = clock.if_contains("step");
  const auto* flow = clock.if_contains("flow");
  const auto* round = clock.if_contains("round");
  std::string out = step && step->is_string() ? std::string(step->get_string()) : "?";
  std::string inside = flow && flow->is_string() ? std::string(flow->get_string()) : "";
  if (round && round->is_number() && round->to_number<double>() > 1)
    inside += fmt::format("{}round {}", inside.empty() ? "" : ", ", round->to_number<double>());
  return inside.empty() ? out : fmt::format("{} ({})", out, inside);
}

// A list of warning percents as one cell: "50 %, 75 %"; "none" when empty.
inline std::string warnings_text(const boost::json::value* warnings) {
  if (!warnings || !warnings->is_array()) return "-";
  std::string out;
  for (const auto& w : warnings->get_array())
    if (w.is_number()) out += fmt::format("{}{} %", out.empty() ? "" : ", ", w.to_number<double>());
  return out.empty() ? "none" : out;
}

}  // namespace gridcoord::gridctl
