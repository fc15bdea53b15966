#pragma once
// cmd/gridctl/view_support.hpp — what the --table views (catalogue_view,
// cycle_view, report_view, sla_view, customer_view) share when they reshape
// an answer.
// [Threading] Pure.
#include <chrono>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "cmd/gridctl/local_times.hpp"
#include "domain/local_time.hpp"

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
    if (w.is_number()) out += (out.empty() ? "" : ", ") + domain::format_rate(w.to_number<double>() / 100);
  return out.empty() ? "none" : out;
}

// The messages of an answer's calendar_warnings ([{"year","message"}], the
// years its working days were counted in without holidays) as one line,
// each year once; "" when there are none.
inline std::string calendar_text(const boost::json::object& answer) {
  const auto* warnings = answer.if_contains("calendar_warnings");
  std::string out;
  if (!warnings || !warnings->is_array()) return out;
  for (const auto& w : warnings->get_array()) {
    const auto* message = w.is_object() ? w.get_object().if_contains("message") : nullptr;
    if (!message || !message->is_string()) continue;
    std::string_view text = message->get_string();
    if (out.find(text) == std::string::npos) out += (out.empty() ? "" : "; ") + std::string(text);
  }
  return out;
}

// How a clock's times are shown: with seconds when its limit is under an
// hour (from "started" to "due"), where a minute is a good part of it.
inline domain::time_detail clock_detail(const boost::json::object& clock) {
  const auto* started = clock.if_contains("started");
  const auto* due = clock.if_contains("due");
  if (!started || !due || !started->is_string() || !due->is_string()) return domain::time_detail::minutes;
  auto from = domain::parse_rfc3339(started->get_string());
  auto to = domain::parse_rfc3339(due->get_string());
  if (from && to && *to - *from < std::chrono::hours{1}) return domain::time_detail::seconds;
  return domain::time_detail::minutes;
}

// A clock's time field in the view's zone, with the clock's detail.
inline boost::json::value clock_time(const boost::json::object& clock, std::string_view key,
                                     const view_context& vc) {
  return time_for_people(clock.if_contains(key), vc, clock_detail(clock));
}

}  // namespace gridcoord::gridctl
