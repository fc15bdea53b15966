// The JSON form of the monthly cycle's status matrix (GET /v1/cycle/{month})
// and of the calendar's coverage; declared in gateways/codecs.hpp with the
// other codecs.
#include <map>

#include "gateways/codecs.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

json::value time_or_null(const std::optional<time_point>& t) {
  if (!t) return nullptr;
  return json::string(format_rfc3339(*t));
}

json::object notice_json(const notice_state& n, bool reminder) {
  json::object o{{"scheduled_at", format_rfc3339(n.scheduled_at)},
                 {"sent_at", time_or_null(n.sent ? std::optional{n.sent->at} : std::nullopt)},
                 {"seq", n.sent ? json::value(n.sent->seq) : json::value(nullptr)}};
  if (reminder) o["working_days_before"] = n.working_days_before;
  return o;
}

json::object entry_json(const cycle_entry& e) {
  json::array reminders;
  for (const auto& r : e.reminders) reminders.push_back(notice_json(r, true));
  const auto& s = e.submission;
  return json::object{
      {"kind", e.kind},
      {"flow", e.flow},
      {"status", to_string(e.status)},
      {"due_day", to_string(e.schedule.due_day)},
      {"due_at", format_rfc3339(e.schedule.due_at)},
      {"first_submitted_at", time_or_null(s ? std::optional{s->first_at} : std::nullopt)},
      {"latest_version", s ? json::value(s->latest_version) : json::value(nullptr)},
      {"latest_submitted_at", time_or_null(s ? std::optional{s->latest_at} : std::nullopt)},
      {"reminders", std::move(reminders)},
      {"late_notice", notice_json(e.late_notice, false)},
  };
}

}  // namespace

void tag_invoke(const json::value_from_tag&, json::value& jv, const cycle_matrix& m) {
  json::array departments;
  std::map<report_status, std::size_t> counts;
  for (auto d : all_departments) {
    json::array reports;
    for (const auto& e : m.entries)
      if (e.sender == d) {
        reports.push_back(entry_json(e));
        ++counts[e.status];
      }
    if (!reports.empty())
      departments.push_back(json::object{{"department", to_string(d)}, {"reports", std::move(reports)}});
  }
  json::object summary;
  for (auto s : {report_status::not_yet_due, report_status::open, report_status::on_time, report_status::late,
                 report_status::missing})
    summary[to_string(s)] = counts[s];
  json::object o{{"month", to_string(m.period)},
                 {"as_of", format_rfc3339(m.as_of)},
                 {"time_zone", m.time_zone},
                 {"cycle_since", format_rfc3339(m.since)},
                 {"summary", std::move(summary)}};
  put_calendar_warnings(o, m.uncovered_years);
  o["departments"] = std::move(departments);
  jv = std::move(o);
}

void put_calendar_warnings(json::object& o, const year_list& years) {
  if (years.empty()) return;
  json::array warnings;
  for (auto y : years) warnings.push_back(json::object{{"year", y}, {"message", uncovered_year_message(y)}});
  o["calendar_warnings"] = std::move(warnings);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const calendar_coverage& c) {
  json::array covered(c.covered_years.begin(), c.covered_years.end());
  json::array missing(c.missing_years.begin(), c.missing_years.end());
  jv = json::object{{"covered_years", std::move(covered)}, {"missing_years", std::move(missing)}};
}

}  // namespace gridcoord::domain
