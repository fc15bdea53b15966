#include "domain/cycle.hpp"

#include <algorithm>
#include <tuple>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "domain/json.hpp"
#include "domain/report_kind.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

month next_month(month m) { return m + std::chrono::months{1}; }

std::string_view text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string()) throw std::runtime_error(fmt::format("'{}' is missing", key));
  return v->get_string();
}

time_point time_of(const json::object& o, std::string_view key) {
  auto t = parse_rfc3339(text_of(o, key));
  if (!t) throw std::runtime_error(fmt::format("'{}' is not a time", key));
  return *t;
}

month month_of(const json::object& o, std::string_view key) {
  auto m = parse_month(text_of(o, key));
  if (!m) throw std::runtime_error(fmt::format("'{}' is not a month", key));
  return *m;
}

cycle_notice decode_notice(std::string_view type, const json::object& o) {
  cycle_notice n;
  n.type = type == reminder_type ? notice_type::reminder : notice_type::late_notice;
  auto d = parse_department(text_of(o, "department"));
  if (!d) throw std::runtime_error("unknown department");
  n.to = *d;
  n.kind = std::string(text_of(o, "kind"));
  n.flow = std::string(text_of(o, "flow"));
  n.period = month_of(o, "month");
  n.scheduled_at = time_of(o, "scheduled_at");
  n.due_at = time_of(o, "due_at");
  if (const auto* k = o.if_contains("working_days_before")) n.working_days_before = k->to_number<unsigned>();
  return n;
}

// The report months that may have a notice scheduled in [since, until]:
// from notice_months_back before since's month to until's month.
std::vector<month> months_around(const reporting_calendar& c, time_point since, time_point until) {
  std::vector<month> out;
  auto last = c.calendar().local_month_of(until);
  for (auto m = c.calendar().local_month_of(since) - std::chrono::months{notice_months_back}; m <= last;
       m = next_month(m))
    out.push_back(m);
  return out;
}

cycle_notice make_notice(notice_type t, const report_kind& k, month m, time_point at, time_point due,
                         unsigned before) {
  return cycle_notice{t, k.sender, k.id, k.flow, m, at, due, before};
}

// Every notice of report (k, m), reminders first, in the order of the rule.
std::vector<cycle_notice> notices_of(const reporting_calendar& c, const report_kind& k, month m) {
  const auto& rule = c.rules().rule_for(k.id);
  auto due_day = c.due_day(k.id, m);
  auto due_at = c.due_at(k.id, m);
  std::vector<cycle_notice> out;
  for (unsigned before : rule.reminders_working_days_before) {
    auto day = c.calendar().nth_working_day_before(due_day, before);
    out.push_back(make_notice(notice_type::reminder, k, m, c.calendar().at_local(day, c.rules().reminder_time),
                              due_at, before));
  }
  out.push_back(make_notice(notice_type::late_notice, k, m, due_at, due_at, 0));
  return out;
}

// The uncovered years among the days a schedule counted: from its first
// reminder (or the day after the month) to its due day.
year_list uncovered_years_of(const working_calendar& cal, const report_schedule& s) {
  auto from = cal.local_date_of(s.month_ends);
  for (auto r : s.reminders) from = std::min(from, cal.local_date_of(r));
  return uncovered_years(cal, from, s.due_day);
}

bool is_due(const cycle_notice& n, std::optional<time_point> submitted, time_point now) {
  if (n.scheduled_at > now) return false;
  if (submitted && *submitted < n.scheduled_at) return false;
  return n.type == notice_type::late_notice || now < n.due_at;
}

}  // namespace

const char* to_string(notice_type t) noexcept {
  return t == notice_type::reminder ? "reminder" : "late_notice";
}

std::string cycle_notice::id() const {
  if (type == notice_type::late_notice)
    return fmt::format("late_notice/{}/{}", kind, domain::to_string(period));
  return fmt::format("reminder/{}/{}/{}", kind, domain::to_string(period), working_days_before);
}

std::string cycle_stream(department d) { return fmt::format("cycle/{}", to_string(d)); }

std::string_view event_type_of(notice_type t) noexcept {
  return t == notice_type::reminder ? reminder_type : late_notice_type;
}

std::string encode(const cycle_notice& n) {
  json::object o{{"department", to_string(n.to)}, {"kind", n.kind}, {"flow", n.flow},
                 {"month", to_string(n.period)}, {"scheduled_at", format_rfc3339(n.scheduled_at)},
                 {"due_at", format_rfc3339(n.due_at)}};
  if (n.type == notice_type::reminder) o["working_days_before"] = n.working_days_before;
  return to_text(o);
}

const sent_notice* cycle_book::find(const std::string& id) const {
  auto it = sent_.find(id);
  return it == sent_.end() ? nullptr : &it->second;
}

status cycle_book::apply_event(std::string_view type, std::uint64_t seq, time_point at,
                               std::string_view payload) {
  if (type != reminder_type && type != late_notice_type) return {};
  std::error_code ec;
  json::value doc = json::parse(payload, ec);
  try {
    if (ec || !doc.is_object()) throw std::runtime_error("not a JSON object");
    sent_.try_emplace(decode_notice(type, doc.get_object()).id(), sent_notice{at, seq});
    return {};
  } catch (const std::exception& e) {
    return fail(errc::internal, fmt::format("a stored {} event is unreadable: {}", type, e.what()));
  }
}

json::value cycle_book::to_json() const {
  json::object sent;
  for (const auto& [id, s] : sent_) sent[id] = json::object{{"at", format_rfc3339(s.at)}, {"seq", s.seq}};
  return json::object{{"sent", std::move(sent)}};
}

expected<cycle_book> cycle_book::from_json(const json::value& v) {
  cycle_book b;
  try {
    const auto& o = v.as_object();
    for (const auto& [id, s] : o.at("sent").as_object())
      b.sent_.emplace(std::string(id), sent_notice{time_of(s.as_object(), "at"),
                                                   s.as_object().at("seq").to_number<std::uint64_t>()});
  } catch (const std::exception& e) {
    return fail(errc::internal, std::string("the snapshot's cycle book is unreadable: ") + e.what());
  }
  return b;
}

std::vector<submission_summary> sent_summaries(const department_book& book, month from, month to) {
  std::vector<submission_summary> out;
  for (const auto& [stream, versions] : book.sent()) {
    // "report/<department>/<kind>/<YYYY-MM>"
    auto last = stream.rfind('/');
    auto before = stream.rfind('/', last - 1);
    if (last == std::string::npos || before == std::string::npos || versions.empty()) continue;
    auto period = parse_month(std::string_view(stream).substr(last + 1));
    if (!period || *period < from || *period > to) continue;
    submission_summary s{book.owner(), stream.substr(before + 1, last - before - 1), *period,
                         versions.front().submitted_at, 0, {}};
    for (const auto& v : versions) {
      s.first_at = std::min(s.first_at, v.submitted_at);
      if (v.version > s.latest_version) std::tie(s.latest_version, s.latest_at) = std::tie(v.version, v.submitted_at);
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<cycle_notice> due_notices(const reporting_calendar& calendar, const cycle_book& book,
                                      time_point since, const first_submission_lookup& submitted,
                                      const std::function<bool(const std::string&)>& pending,
                                      time_point now) {
  std::vector<cycle_notice> out;
  for (auto m : months_around(calendar, since, now))
    for (const auto& kind : report_catalogue()) {
      std::optional<std::optional<time_point>> first_at;  // asked once, when needed
      for (auto& n : notices_of(calendar, kind, m)) {
        if (n.scheduled_at > now || n.scheduled_at < since) continue;
        auto id = n.id();
        if (book.find(id) || pending(id)) continue;
        if (!first_at) first_at = submitted(kind.id, m);
        if (is_due(n, *first_at, now)) out.push_back(std::move(n));
      }
    }
  std::sort(out.begin(), out.end(), [](const cycle_notice& a, const cycle_notice& b) {
    return std::forward_as_tuple(a.scheduled_at, a.id()) < std::forward_as_tuple(b.scheduled_at, b.id());
  });
  return out;
}

std::optional<time_point> next_notice_at(const reporting_calendar& calendar, time_point since, time_point now) {
  std::optional<time_point> next;
  now = std::max(now, since - std::chrono::microseconds{1});
  for (auto m : months_around(calendar, std::max(since, now), now + std::chrono::days{31}))
    for (const auto& kind : report_catalogue())
      for (const auto& n : notices_of(calendar, kind, m))
        if (n.scheduled_at > now && (!next || n.scheduled_at < *next)) next = n.scheduled_at;
  return next;
}

cycle_matrix build_cycle_matrix(const reporting_calendar& calendar, const cycle_book& book, time_point since,
                                month m, const std::vector<submission_summary>& submissions, time_point now) {
  cycle_matrix out{m, now, calendar.calendar().zone_name(), since, {}};
  for (auto d : all_departments)
    for (const auto& kind : report_catalogue()) {
      if (kind.sender != d) continue;
      cycle_entry e{d, kind.id, kind.flow, calendar.schedule(kind.id, m), report_status::not_yet_due, {}, {}, {}};
      auto it = std::find_if(submissions.begin(), submissions.end(), [&](const submission_summary& s) {
        return s.sender == d && s.kind == kind.id && s.period == m;
      });
      if (it != submissions.end()) e.submission = *it;
      e.status = status_at(e.schedule, e.submission ? std::optional{e.submission->first_at} : std::nullopt, now);
      for (const auto& n : notices_of(calendar, kind, m)) {
        const auto* sent = book.find(n.id());
        notice_state s{n.scheduled_at, n.working_days_before, sent ? std::optional{*sent} : std::nullopt};
        if (n.type == notice_type::reminder) e.reminders.push_back(s);
        else e.late_notice = s;
      }
      std::sort(e.reminders.begin(), e.reminders.end(),
                [](const notice_state& a, const notice_state& b) { return a.scheduled_at < b.scheduled_at; });
      merge_years(out.uncovered_years, uncovered_years_of(calendar.calendar(), e.schedule));
      out.entries.push_back(std::move(e));
    }
  return out;
}

}  // namespace gridcoord::domain
