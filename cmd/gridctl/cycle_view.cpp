#include "cmd/gridctl/cycle_view.hpp"
#include "cmd/gridctl/view_support.hpp"

#include <string>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

std::string reminders_text(const json::value* reminders) {
  if (!reminders || !reminders->is_array()) return "";
  std::size_t sent = 0;
  for (const auto& r : reminders->get_array())
    if (r.is_object() && r.get_object().contains("sent_at") && !r.get_object().at("sent_at").is_null()) ++sent;
  return fmt::format("{}/{} sent", sent, reminders->get_array().size());
}

// When the late notice was logged; "not sent" for a report late or missing
// without one (it came in before the cycle started, say); null otherwise.
json::value late_notice_text(const json::object& r, const view_context& vc) {
  const auto* n = r.if_contains("late_notice");
  if (n && n->is_object()) {
    auto at = time_for_people(n->get_object().if_contains("sent_at"), vc);
    if (!at.is_null()) return at;
  }
  const auto* status = r.if_contains("status");
  if (status && (*status == "late" || *status == "missing")) return "not sent";
  return nullptr;
}

json::object report_line(std::string_view department, const json::object& r, const view_context& vc) {
  return {{"department", department},
          {"flow", field_or_null(r, "flow")},
          {"kind", field_or_null(r, "kind")},
          {"status", field_or_null(r, "status")},
          {"due", field_or_null(r, "due_day")},
          {"first submitted", time_for_people(r.if_contains("first_submitted_at"), vc)},
          {"version", field_or_null(r, "latest_version")},
          {"reminders", reminders_text(r.if_contains("reminders"))},
          {"late notice", late_notice_text(r, vc)}};
}

}  // namespace

json::value cycle_for_people(const json::value& answer, const view_context& vc) {
  const auto* o = answer.if_object();
  const json::value* departments = o ? o->if_contains("departments") : nullptr;
  if (!departments || !departments->is_array()) return answer;
  json::array lines;
  for (const auto& d : departments->get_array()) {
    if (!d.is_object()) continue;
    const auto* name = d.get_object().if_contains("department");
    const auto* reports = d.get_object().if_contains("reports");
    if (!name || !name->is_string() || !reports || !reports->is_array()) continue;
    for (const auto& r : reports->get_array())
      if (r.is_object()) lines.push_back(report_line(name->get_string(), r.get_object(), vc));
  }
  std::string summary;
  if (const auto* s = o->if_contains("summary"); s && s->is_object())
    for (const auto& [status, count] : s->get_object())
      if (count.is_number() && count != 0) summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ",
                                                                  json::serialize(count), std::string(status));
  json::object out{{"month", field_or_null(*o, "month")},
                   {"as of", time_for_people(o->if_contains("as_of"), vc)},
                   {"time zone", field_or_null(*o, "time_zone")},
                   {"summary", summary}};
  if (auto warning = calendar_text(*o); !warning.empty()) out["calendar"] = warning;
  out["reports"] = std::move(lines);
  return out;
}

}  // namespace gridcoord::gridctl
