#include "cmd/gridctl/cycle_view.hpp"
#include "cmd/gridctl/view_support.hpp"

#include <string>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

// "2026-10-14T01:30:00.000000Z" -> "2026-10-14 01:30:00Z"; null stays null.
json::value short_time(const json::value* v) {
  if (!v || !v->is_string()) return nullptr;
  std::string t(v->get_string());
  if (auto dot = t.find('.'); dot != std::string::npos && t.ends_with('Z')) t = t.substr(0, dot) + "Z";
  if (t.size() > 10 && t[10] == 'T') t[10] = ' ';
  return json::string(t);
}

std::string reminders_text(const json::value* reminders) {
  if (!reminders || !reminders->is_array()) return "";
  std::size_t sent = 0;
  for (const auto& r : reminders->get_array())
    if (r.is_object() && r.get_object().contains("sent_at") && !r.get_object().at("sent_at").is_null()) ++sent;
  return fmt::format("{}/{} sent", sent, reminders->get_array().size());
}

// When the late notice was logged; "not sent" for a report late or missing
// without one (it came in before the cycle started, say); null otherwise.
json::value late_notice_text(const json::object& r) {
  const auto* n = r.if_contains("late_notice");
  if (n && n->is_object()) {
    auto at = short_time(n->get_object().if_contains("sent_at"));
    if (!at.is_null()) return at;
  }
  const auto* status = r.if_contains("status");
  if (status && (*status == "late" || *status == "missing")) return "not sent";
  return nullptr;
}

json::object report_line(std::string_view department, const json::object& r) {
  return {{"department", department},
          {"flow", field_or_null(r, "flow")},
          {"kind", field_or_null(r, "kind")},
          {"status", field_or_null(r, "status")},
          {"due", field_or_null(r, "due_day")},
          {"first submitted", short_time(r.if_contains("first_submitted_at"))},
          {"version", field_or_null(r, "latest_version")},
          {"reminders", reminders_text(r.if_contains("reminders"))},
          {"late notice", late_notice_text(r)}};
}

}  // namespace

json::value cycle_for_people(const json::value& answer) {
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
      if (r.is_object()) lines.push_back(report_line(name->get_string(), r.get_object()));
  }
  std::string summary;
  if (const auto* s = o->if_contains("summary"); s && s->is_object())
    for (const auto& [status, count] : s->get_object())
      if (count.is_number() && count != 0) summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ",
                                                                  json::serialize(count), std::string(status));
  return json::object{{"month", field_or_null(*o, "month")},
                      {"as of", short_time(o->if_contains("as_of"))},
                      {"time zone", field_or_null(*o, "time_zone")},
                      {"summary", summary},
                      {"reports", std::move(lines)}};
}

}  // namespace gridcoord::gridctl
