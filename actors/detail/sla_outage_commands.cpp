// The SLA commands of outages (E1–E5) and planned-outage notices (E4), and
// the signals a check logs (actors/detail/sla_commands.hpp).
#include <algorithm>

#include "actors/detail/sla_command_support.hpp"
#include "actors/detail/sla_notices.hpp"

namespace gridcoord::actors::detail {

namespace sla = domain::sla;

namespace {

constexpr std::string_view outage_kind = "outage";

// Every id of `ids` that the registry does not hold, as issues of `field`.
void check_equipment(const sla_context& c, const std::vector<std::string>& ids, std::string_view field,
                     std::vector<domain::issue>& issues) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!c.equipment.contains(ids[i]))
      issues.push_back({domain::rule::unknown_equipment, std::nullopt, fmt::format("{}[{}]", field, i), ids[i],
                        "no equipment of that id is registered"});
}

// The most urban class among the equipment: its limits are the strictest.
domain::area_class area_of(const sla_context& c, const std::vector<std::string>& ids) {
  auto area = domain::area_class::remote;
  for (const auto& id : ids)
    if (auto e = c.equipment.find(id); e && e->area < area) area = e->area;
  return area;
}

std::vector<std::string> without_repeats(std::vector<std::string> ids) {
  std::vector<std::string> out;
  for (auto& id : ids)
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
  return out;
}

void append(std::vector<storage::event_draft>& to, std::vector<storage::event_draft> more) {
  for (auto& e : more) to.push_back(std::move(e));
}

domain::expected<const sla::outage*> open_outage(const sla_context& c, std::uint64_t id) {
  const auto* o = c.book.find_outage(id);
  if (!o) return no_such(outage_kind, id);
  return o;
}

// The time a step states: `at`, or now; issues when it is before the
// outage's start or in the future.
domain::time_point stated(const sla_context& c, const std::optional<domain::time_point>& at, const sla::outage& o,
                          std::vector<domain::issue>& issues) {
  auto t = at.value_or(c.now);
  if (t < o.report.started_at)
    issues.push_back({domain::rule::out_of_order, std::nullopt, "at", domain::format_rfc3339(t),
                      "is before the outage started"});
  if (in_future(c, t))
    issues.push_back({domain::rule::in_the_future, std::nullopt, "at", domain::format_rfc3339(t), "is in the future"});
  return t;
}

}  // namespace

domain::expected<sla_decision> decide(const sla_context& c, const report_outage& r) {
  std::vector<domain::issue> issues;
  auto equipment = without_repeats(r.equipment);
  if (equipment.empty())
    issues.push_back({domain::rule::required, std::nullopt, "equipment", "", "name at least one equipment id"});
  check_equipment(c, equipment, "equipment", issues);
  auto started = r.started_at.value_or(c.now);
  if (in_future(c, started))
    issues.push_back({domain::rule::in_the_future, std::nullopt, "started_at", domain::format_rfc3339(started),
                      "is in the future"});
  if (!issues.empty()) return invalid(std::move(issues));

  sla::outage o;
  o.id = c.book.next_outage();
  auto& e = o.report;
  e.id = o.id;
  e.equipment = std::move(equipment);
  e.area = area_of(c, e.equipment);
  e.started_at = started;
  e.description = r.description;
  e.reported_by = r.writer.by;
  e.clocks = c.plan.outage_reported(started, c.now, e.area);
  auto item = sla::item_name(outage_kind, o.id);
  auto to = c.customers.affected(e.equipment);
  e.notices = to.size();
  sla_decision d{{}, item, true, true};
  d.events.push_back(item_event(c, r.writer, item, sla::outage_reported_type, sla::encode(e)));
  append(d.events, outage_notices(c, r.writer, o, to, sla::notification_kind::outage_notice, item));
  return d;
}

domain::expected<sla_decision> decide(const sla_context& c, const update_outage& r) {
  auto found = open_outage(c, r.id);
  if (!found) return unexpected{found.error()};
  const auto& o = **found;
  auto item = sla::item_name(outage_kind, o.id);
  if (o.restored_at) return not_now(fmt::format("{} was restored; it can no longer be updated", item));
  std::vector<domain::issue> issues;
  if (!r.cause && !r.etr && r.equipment_added.empty())
    issues.push_back({domain::rule::at_least_one_of, std::nullopt, "", "", "give a cause, an etr or equipment_added"});
  if (r.cause && r.cause->empty())
    issues.push_back({domain::rule::empty_text, std::nullopt, "cause", "", "must not be empty"});
  if (r.etr && *r.etr <= o.report.started_at)
    issues.push_back({domain::rule::out_of_order, std::nullopt, "etr", domain::format_rfc3339(*r.etr),
                      "must be after the outage started"});
  std::vector<std::string> added;
  for (const auto& id : without_repeats(r.equipment_added))
    if (std::find(o.report.equipment.begin(), o.report.equipment.end(), id) == o.report.equipment.end())
      added.push_back(id);
  check_equipment(c, added, "equipment_added", issues);
  if (!issues.empty()) return invalid(std::move(issues));

  sla::outage_updated e{o.id, "", r.cause, added, r.etr, r.writer.by};
  sla_decision d{{}, item, false, true};
  d.events.push_back(item_event(c, r.writer, item, sla::outage_updated_type, sla::encode(e)));
  auto after = o;
  for (const auto& id : added) after.report.equipment.push_back(id);
  if (r.etr) after.etr = r.etr;
  if (r.cause) after.cause = r.cause;
  auto before = c.customers.affected(o.report.equipment);
  if (!added.empty()) {
    auto now_affected = c.customers.affected(after.report.equipment);
    std::vector<const sla::customer*> newly;
    std::set_difference(now_affected.begin(), now_affected.end(), before.begin(), before.end(),
                        std::back_inserter(newly), [](const auto* a, const auto* b) { return a->id < b->id; });
    append(d.events, outage_notices(c, r.writer, after, newly, sla::notification_kind::outage_notice, item));
  }
  if (r.etr && r.etr != o.etr)
    append(d.events, outage_notices(c, r.writer, after, c.customers.affected(after.report.equipment),
                             sla::notification_kind::etr_update, fmt::format("{}/etr-{}", item, o.etr_updates + 1)));
  return d;
}

domain::expected<sla_decision> decide(const sla_context& c, const record_crew_arrival& r) {
  auto found = open_outage(c, r.id);
  if (!found) return unexpected{found.error()};
  const auto& o = **found;
  auto item = sla::item_name(outage_kind, o.id);
  if (o.crew_arrived_at) return repeat(item);
  if (o.restored_at) return not_now(fmt::format("{} was restored before a crew arrival was reported", item));
  std::vector<domain::issue> issues;
  auto at = stated(c, r.at, o, issues);
  if (!issues.empty()) return invalid(std::move(issues));
  sla::outage_crew_arrived e{o.id, "", at, r.writer.by, {c.plan.restoration(at, o.report.area)}};
  return sla_decision{{item_event(c, r.writer, item, sla::outage_crew_arrived_type, sla::encode(e))}, item, false, true};
}

domain::expected<sla_decision> decide(const sla_context& c, const restore_outage& r) {
  auto found = open_outage(c, r.id);
  if (!found) return unexpected{found.error()};
  const auto& o = **found;
  auto item = sla::item_name(outage_kind, o.id);
  if (o.restored_at) return repeat(item);
  std::vector<domain::issue> issues;
  auto at = stated(c, r.at, o, issues);
  if (o.crew_arrived_at && at < *o.crew_arrived_at)
    issues.push_back({domain::rule::out_of_order, std::nullopt, "at", domain::format_rfc3339(at),
                      "is before the crew arrived"});
  if (!issues.empty()) return invalid(std::move(issues));

  sla::outage_restored e{o.id, "", at, r.writer.by, {}};
  if (!o.crew_arrived_at) e.clocks.push_back(c.plan.restoration(at, o.report.area));
  sla_decision d{{}, item, false, true};
  d.events.push_back(item_event(c, r.writer, item, sla::outage_restored_type, sla::encode(e)));
  auto after = o;
  after.restored_at = at;
  append(d.events, outage_notices(c, r.writer, after, c.customers.affected(o.report.equipment),
                           sla::notification_kind::restoration, item));
  sla::callback_opened cb{c.book.next_callback(), item, domain::department::dispatch, "", {c.plan.callback(at)}};
  d.events.push_back(item_event(c, r.writer, sla::item_name("callback", cb.id), sla::callback_opened_type,
                                sla::encode(cb)));
  return d;
}

domain::expected<sla_decision> decide(const sla_context& c, const notify_customers& r) {
  auto found = open_outage(c, r.id);
  if (!found) return unexpected{found.error()};
  auto item = sla::item_name(outage_kind, r.id);
  const auto* clock = c.book.find_clock(item, sla::step::customer_notice);
  if (clock && clock->completed) return repeat(item);
  sla::customers_notified e{r.id, r.note, r.writer.by};
  return sla_decision{{item_event(c, r.writer, item, sla::customers_notified_type, sla::encode(e))}, item, false, true};
}

domain::expected<sla_decision> decide(const sla_context& c, const notice_planned_outage& r) {
  std::vector<domain::issue> issues;
  auto equipment = without_repeats(r.equipment);
  if (equipment.empty())
    issues.push_back({domain::rule::required, std::nullopt, "equipment", "", "name at least one equipment id"});
  check_equipment(c, equipment, "equipment", issues);
  if (r.starts_at <= c.now)
    issues.push_back({domain::rule::in_the_past, std::nullopt, "starts_at", domain::format_rfc3339(r.starts_at),
                      "must be in the future"});
  if (r.ends_at <= r.starts_at)
    issues.push_back({domain::rule::out_of_order, std::nullopt, "ends_at", domain::format_rfc3339(r.ends_at),
                      "must be after starts_at"});
  if (!issues.empty()) return invalid(std::move(issues));
  auto clock = c.plan.planned_notice(r.kind, r.starts_at);
  if (c.now > clock.due && c.plan.late_notice(c.now) == sla::late_notice_policy::refuse)
    return invalid({{domain::rule::notice_too_late, std::nullopt, "starts_at", domain::format_rfc3339(r.starts_at),
                     fmt::format("a {} outage must be noticed {}; this notice comes later, and late notices are "
                                 "refused (time_limits late_notice = \"refuse\")",
                                 sla::to_string(r.kind), clock.limit)}});
  sla::planned_noticed e{c.book.next_planned(), r.kind, equipment, r.starts_at, r.ends_at, r.description,
                         r.writer.by, {clock}};
  auto item = sla::item_name("planned", e.id);
  return sla_decision{{item_event(c, r.writer, item, sla::planned_noticed_type, sla::encode(e))}, item, true, true};
}

std::vector<storage::event_draft> due_events(const sla_context& c,
                                             const std::vector<sla::clock_signal>& signals,
                                             const std::vector<std::pair<std::string, domain::time_point>>& energized) {
  std::vector<storage::event_draft> out;
  auto next_analysis = c.book.next_analysis();
  auto next_callback = c.book.next_callback();
  for (const auto& s : signals) {
    bool breach = s.percent >= 100;
    out.push_back({sla::signal_stream(s.item), std::string(breach ? sla::sla_breached_type : sla::sla_warning_type),
                   c.now, "system", sla::encode(s), ""});
    if (breach && sla::is_repair_step(s.what)) {
      sla::analysis_opened a{next_analysis++, s.item, s.what, domain::department::production};
      out.push_back({sla::item_name("analysis", a.id), std::string(sla::analysis_opened_type), c.now, "system",
                     sla::encode(a), ""});
    }
  }
  for (const auto& [application, at] : energized) {
    auto cause = "application/" + application;
    if (c.book.callback_for(cause) != 0) continue;
    sla::callback_opened cb{next_callback++, cause, domain::department::marketing, "", {c.plan.callback(at)}};
    out.push_back({sla::item_name("callback", cb.id), std::string(sla::callback_opened_type), c.now, "system",
                   sla::encode(cb), ""});
  }
  return out;
}

}  // namespace gridcoord::actors::detail
