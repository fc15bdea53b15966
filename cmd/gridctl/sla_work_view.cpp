// The views of sla_view.hpp over clocks in aggregate: open work, breaches, figures.
#include "cmd/gridctl/sla_view.hpp"
#include "cmd/gridctl/view_support.hpp"

#include <cmath>
#include <cstdint>
#include <string>

#include <boost/json/array.hpp>
#include <fmt/format.h>

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

// A positive number of whole minutes: "2 d 4 h", "1 h 20 min", "45 min".
std::string duration_words(std::int64_t minutes) {
  auto days = minutes / (24 * 60), hours = minutes / 60 % 24, mins = minutes % 60;
  if (days > 0) return hours > 0 ? fmt::format("{} d {} h", days, hours) : fmt::format("{} d", days);
  if (hours > 0) return mins > 0 ? fmt::format("{} h {} min", hours, mins) : fmt::format("{} h", hours);
  return fmt::format("{} min", mins);
}

json::value remaining_cell(const json::object& step) {
  const auto* r = step.if_contains("remaining_seconds");
  if (!r || !r->is_number()) return nullptr;
  return json::string(remaining_text(r->to_number<double>()));
}

json::value percent_cell(const json::object& step) {
  const auto* p = step.if_contains("elapsed_percent");
  if (!p || !p->is_number()) return nullptr;
  return json::string(domain::format_rate(p->to_number<double>() / 100));
}

json::object step_line(const json::object& s, const view_context& vc) {
  return {{"item", field_or_null(s, "item")},
          {"step", step_text(s)},
          {"due", clock_time(s, "due", vc)},
          {"remaining", remaining_cell(s)},
          {"elapsed", percent_cell(s)},
          {"warnings sent", warnings_text(s.if_contains("warnings"))}};
}

json::object analysis_line(const json::object& a, const view_context& vc) {
  return {{"item", field_or_null(a, "item")},
          {"about", field_or_null(a, "about")},
          {"step", field_or_null(a, "step")},
          {"opened", time_for_people(a.if_contains("opened_at"), vc)}};
}

using line_fn = json::object (*)(const json::object&, const view_context&);

json::array lines_of(const json::object& o, std::string_view key, line_fn line, const view_context& vc) {
  json::array out;
  if (const auto* list = o.if_contains(key); list && list->is_array())
    for (const auto& e : list->get_array())
      if (e.is_object()) out.push_back(line(e.get_object(), vc));
  return out;
}

json::object breach_line(const json::object& b, const view_context& vc) {
  return {{"item", field_or_null(b, "item")},
          {"step", step_text(b)},
          {"department", field_or_null(b, "department")},
          {"started", clock_time(b, "started", vc)},
          {"due", clock_time(b, "due", vc)}};
}

// A number to two decimals (0.666… -> 0.67); anything else as it is.
json::value two_decimals(const json::value& v) {
  if (!v.is_double()) return v;
  return std::round(v.get_double() * 100) / 100;
}

// A share from 0 to 1 as a percentage ("66.7 %"); anything else as it is.
json::value rate_cell(const json::value& v) {
  if (!v.is_number()) return v;
  return json::string(domain::format_rate(v.to_number<double>()));
}

}  // namespace

std::string remaining_text(double seconds) {
  if (!std::isfinite(seconds)) return "-";
  auto minutes = static_cast<std::int64_t>(std::floor(std::fabs(seconds) / 60));
  if (seconds == 0) return "due now";
  auto amount = minutes == 0 ? std::string("under 1 min") : duration_words(minutes);
  return seconds > 0 ? amount + " left" : "overdue by " + amount;
}

json::value work_for_people(const json::value& answer, const view_context& vc) {
  const auto* o = answer.if_object();
  const auto* steps = o ? o->if_contains("steps") : nullptr;
  if (!steps || !steps->is_array()) return answer;
  json::object out{{"department", field_or_null(*o, "department")},
                   {"as of", time_for_people(o->if_contains("as_of"), vc)}};
  if (auto warning = calendar_text(*o); !warning.empty()) out["calendar"] = warning;
  out["steps"] = lines_of(*o, "steps", step_line, vc);
  out["open analyses"] = lines_of(*o, "analyses", analysis_line, vc);
  return out;
}

json::value breaches_for_people(const json::value& answer, const view_context& vc) {
  const auto* o = answer.if_object();
  const auto* list = o ? o->if_contains("breaches") : nullptr;
  if (!list || !list->is_array()) return answer;
  return json::object{{"breaches", lines_of(*o, "breaches", breach_line, vc)}};
}

json::value figures_for_people(const json::value& answer) {
  const auto* o = answer.if_object();
  const auto* callbacks = o ? o->if_contains("callbacks") : nullptr;
  if (!callbacks || !callbacks->is_array()) return answer;
  json::value out = answer;
  for (auto& c : out.get_object().at("callbacks").get_array()) {
    auto* line = c.if_object();
    if (!line) continue;
    if (auto* rate = line->if_contains("rate")) *rate = rate_cell(*rate);
    if (auto* mean = line->if_contains("mean_satisfaction")) *mean = two_decimals(*mean);
  }
  return out;
}

}  // namespace gridcoord::gridctl
