#include "gateways/sla_codec.hpp"

#include <chrono>
#include <cmath>

#include <boost/json.hpp>

#include "gateways/codecs.hpp"

namespace gridcoord::domain::sla {

namespace json = boost::json;

namespace {

json::string time_text(time_point t) { return json::string(format_rfc3339(t)); }

void put_time(json::object& o, std::string_view key, const std::optional<time_point>& t) {
  if (t) o[key] = time_text(*t);
}

std::string_view clock_status(const work_clock& c) {
  if (c.breached() || (c.completed && *c.completed > c.spec.due)) return "breached";
  return c.completed ? "met" : "open";
}

// The warning percents logged (the breach, 100, is the status).
json::array warnings_of(const work_clock& c) {
  json::array out;
  for (auto p : c.fired)
    if (p < 100) out.push_back(p);
  return out;
}

}  // namespace

void tag_invoke(const json::value_from_tag&, json::value& jv, const work_clock& c) {
  json::object o{{"step", to_string(c.spec.what)},
                 {"flow", flow_of(c.spec.what)},
                 {"round", c.spec.round},
                 {"department", to_string(c.spec.owner)},
                 {"started", time_text(c.spec.started)},
                 {"due", time_text(c.spec.due)},
                 {"limit", c.spec.limit}};
  put_time(o, "completed", c.completed);
  o["status"] = clock_status(c);
  o["warnings"] = warnings_of(c);
  jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const customer_page& p) {
  json::array items;
  for (const auto& c : p.items) items.push_back(customer_to_json(c));
  jv = json::object{{"customers", std::move(items)}, {"next_after", p.next_after}, {"end", p.end}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const message_status& m) {
  json::object o{{"message_id", m.message.message_id}, {"customer_id", m.message.customer_id},
                 {"channel", m.message.channel},       {"kind", to_string(m.message.kind)},
                 {"cause", m.message.cause},           {"text", m.message.text},
                 {"language", m.message.language},     {"segments", m.message.segments},
                 {"too_long", m.message.too_long},     {"state", to_string(m.state)},
                 {"attempts", m.attempts}};
  if (!m.last_error.empty()) o["last_error"] = m.last_error;
  put_time(o, "next_at", m.next_at);
  put_time(o, "ended_at", m.ended_at);
  o["enqueued_at"] = time_text(m.message.enqueued_at);
  jv = std::move(o);
}

}  // namespace gridcoord::domain::sla

namespace gridcoord::actors {

namespace json = boost::json;
namespace sla = domain::sla;

namespace {

using sla::put_time, sla::time_text;

json::array names(const std::vector<std::string>& list) {
  json::array out;
  for (const auto& s : list) out.emplace_back(s);
  return out;
}

// A figure to `places` decimals: 0.6667, not 0.6666666666666666.
double shown(double x, int places) {
  auto scale = std::pow(10.0, places);
  return std::round(x * scale) / scale;
}

void put_fields(json::object& o, const sla::outage& x) {
  const auto& r = x.report;
  o["source"] = sla::to_string(r.source);
  if (r.source == sla::outage_source::feed) o["source_ref"] = r.source_ref;
  o["equipment"] = names(r.equipment);
  o["area_class"] = domain::to_string(r.area);
  o["started_at"] = time_text(r.started_at);
  o["reported_at"] = time_text(x.reported_at);
  o["description"] = r.description;
  o["reported_by"] = r.reported_by;
  if (x.cause) o["cause"] = *x.cause;
  put_time(o, "etr", x.etr);
  put_time(o, "crew_arrived_at", x.crew_arrived_at);
  put_time(o, "restored_at", x.restored_at);
  o["notices"] = x.notices;
  o["notices_pending"] = x.notices_pending.size();
  o["notices_failed"] = x.notices_failed;
  if (x.callback != 0) o["callback"] = sla::item_name("callback", x.callback);
  o["state"] = x.restored_at ? "restored" : "open";
}

void put_fields(json::object& o, const sla::planned_notice& x) {
  const auto& n = x.notice;
  o["planned_kind"] = sla::to_string(n.kind);
  o["equipment"] = names(n.equipment);
  o["starts_at"] = time_text(n.starts_at);
  o["ends_at"] = time_text(n.ends_at);
  o["description"] = n.description;
  o["noticed_at"] = time_text(x.noticed_at);
  o["noticed_by"] = n.noticed_by;
  o["late"] = x.late;
}

void put_fields(json::object& o, const sla::complaint& x) {
  const auto& r = x.registration;
  o["category"] = sla::to_string(r.category);
  o["customer_id"] = r.customer_id;
  o["customer_name"] = r.customer_name;
  o["contact"] = r.contact;
  o["text"] = r.text;
  o["registered_at"] = time_text(x.registered_at);
  o["registered_by"] = r.registered_by;
  o["state"] = sla::to_string(x.state);
  o["responsible"] = domain::to_string(x.responsible);
  o["owner"] = domain::to_string(x.owner);
  o["round"] = x.round;
  if (x.result) o["result"] = *x.result;
  put_time(o, "resolved_at", x.resolved_at);
  json::array callbacks;
  for (auto id : x.callbacks) callbacks.emplace_back(sla::item_name("callback", id));
  o["callbacks"] = std::move(callbacks);
}

void put_fields(json::object& o, const sla::callback& x) {
  o["cause"] = x.opening.cause;
  o["department"] = domain::to_string(x.opening.for_department);
  o["customer"] = x.opening.customer;
  o["opened_at"] = time_text(x.opened_at);
  json::array attempts;
  for (const auto& a : x.attempts) {
    json::object one{{"at", time_text(a.at)}, {"outcome", sla::to_string(a.attempt.outcome)}};
    if (a.attempt.outcome == sla::callback_outcome::reached) {
      if (a.attempt.satisfaction) one["satisfaction"] = *a.attempt.satisfaction;
      one["satisfied"] = a.attempt.satisfied;
    }
    one["note"] = a.attempt.note;
    one["by"] = a.attempt.by;
    attempts.push_back(std::move(one));
  }
  o["attempts"] = std::move(attempts);
  put_time(o, "completed_at", x.completed_at);
  if (x.satisfied) o["satisfied"] = *x.satisfied;
  o["state"] = x.completed_at ? "done" : "open";
}

void put_fields(json::object& o, const sla::analysis& x) {
  o["about"] = x.opening.item;
  o["step"] = sla::to_string(x.opening.breached);
  o["department"] = domain::to_string(x.opening.owner);
  o["opened_at"] = time_text(x.opened_at);
  if (x.closing) {
    o["finding"] = x.closing->finding;
    o["closed_by"] = x.closing->by;
  }
  put_time(o, "closed_at", x.closed_at);
  o["state"] = x.closing ? "closed" : "open";
}

std::string_view kind_of(const std::string& item) { return std::string_view(item).substr(0, item.find('/')); }

}  // namespace

void tag_invoke(const json::value_from_tag&, json::value& jv, const sla_item& i) {
  json::object o;
  o["item"] = i.item;
  o["kind"] = kind_of(i.item);
  std::visit(
      [&](const auto& record) {
        o["id"] = record.id;
        put_fields(o, record);
      },
      i.record);
  o["clocks"] = json::value_from(i.clocks);
  domain::put_calendar_warnings(o, i.uncovered_years);
  if (!i.changed) o["repeated"] = true;
  jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const item_list& l) {
  jv = json::object{{"items", json::value_from(l.items)}, {"next_after", l.next_after}, {"end", l.end}};
}

json::value item_json(const sla_item& i, domain::sla::disclosure who) {
  auto v = json::value_from(i);
  domain::sla::redact_item(kind_of(i.item), v.as_object(), who);
  return v;
}

json::value item_list_json(const item_list& l, domain::sla::disclosure who) {
  json::array items;
  items.reserve(l.items.size());
  for (const auto& i : l.items) items.push_back(item_json(i, who));
  return json::object{{"items", std::move(items)}, {"next_after", l.next_after}, {"end", l.end}};
}

json::value open_work_json(const open_work& w, std::optional<domain::department> department) {
  json::array steps;
  for (const auto& line : w.steps) {
    const auto& c = line.clock;
    auto remaining = std::chrono::duration_cast<std::chrono::seconds>(line.remaining).count();
    steps.push_back(json::object{{"item", c.item},
                                 {"step", sla::to_string(c.spec.what)},
                                 {"flow", sla::flow_of(c.spec.what)},
                                 {"round", c.spec.round},
                                 {"department", domain::to_string(c.spec.owner)},
                                 {"started", time_text(c.spec.started)},
                                 {"due", time_text(c.spec.due)},
                                 {"limit", c.spec.limit},
                                 {"remaining_seconds", remaining},
                                 {"overdue", line.remaining.count() < 0},
                                 {"elapsed_percent", line.elapsed_percent},
                                 {"warnings", sla::warnings_of(c)}});
  }
  json::array analyses;
  for (const auto& a : w.analyses)
    analyses.push_back(json::value_from(sla_item{sla::item_name("analysis", a.id), a, {}, false, true}));
  json::array notices;
  for (const auto& n : w.notices)
    notices.push_back(json::object{{"kind", n.percent >= 100 ? "breach" : "warning"},
                                   {"percent", n.percent},
                                   {"item", n.item},
                                   {"step", sla::to_string(n.what)},
                                   {"flow", sla::flow_of(n.what)},
                                   {"round", n.round},
                                   {"department", domain::to_string(n.owner)},
                                   {"at", time_text(n.at)},
                                   {"due", time_text(n.due)}});
  json::object o{{"department", department ? json::value(domain::to_string(*department)) : json::value(nullptr)},
                 {"as_of", time_text(w.as_of)}};
  domain::put_calendar_warnings(o, w.uncovered_years);
  o["steps"] = std::move(steps);
  o["analyses"] = std::move(analyses);
  o["notices"] = std::move(notices);
  return o;
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const breach_list& b) {
  json::array out;
  for (const auto& s : b.breaches)
    out.push_back(json::object{{"item", s.item},
                               {"step", sla::to_string(s.what)},
                               {"flow", sla::flow_of(s.what)},
                               {"round", s.round},
                               {"department", domain::to_string(s.owner)},
                               {"started", time_text(s.started)},
                               {"due", time_text(s.due)}});
  jv = json::object{{"breaches", std::move(out)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const sla_figures& f) {
  json::array breaches, callbacks;
  for (const auto& b : f.breaches)
    breaches.push_back(json::object{
        {"month", domain::to_string(b.period)}, {"department", domain::to_string(b.owner)}, {"breaches", b.breaches}});
  for (const auto& r : f.callbacks) {
    double rate = r.opened == 0 ? 0.0 : static_cast<double>(r.completed) / static_cast<double>(r.opened);
    callbacks.push_back(json::object{{"month", domain::to_string(r.period)},
                                     {"department", domain::to_string(r.for_department)},
                                     {"opened", r.opened},
                                     {"completed", r.completed},
                                     {"rate", shown(rate, 4)},
                                     {"attempts", r.attempts},
                                     {"satisfied", r.satisfied},
                                     {"mean_satisfaction", shown(r.mean_satisfaction, 2)}});
  }
  jv = json::object{{"breaches", std::move(breaches)}, {"callbacks", std::move(callbacks)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const feed_results& r) {
  json::array results;
  std::size_t created = 0, updated = 0, duplicate = 0, rejected = 0;
  for (const auto& one : r.results) {
    json::object o{{"line", one.line}, {"status", one.status}};
    if (!one.item.empty()) o["item"] = one.item;
    if (!one.error.empty()) o["error"] = one.error;
    results.push_back(std::move(o));
    if (one.status == "created") ++created;
    else if (one.status == "updated") ++updated;
    else if (one.status == "duplicate") ++duplicate;
    else ++rejected;
  }
  jv = json::object{{"results", std::move(results)}, {"created", created},     {"updated", updated},
                    {"duplicate", duplicate},         {"rejected", rejected}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const customer_import_receipt& r) {
  jv = json::object{{"imported", r.summary.imported}, {"added", r.summary.added}, {"replaced", r.summary.replaced},
                    {"unchanged", r.summary.unchanged}, {"seq", r.seq},           {"replayed", r.replayed}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const customer_view& v) {
  auto o = sla::customer_to_json(v.customer);
  o["notifications"] = json::value_from(v.notifications);
  jv = std::move(o);
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const notification_list& l) {
  jv = json::object{{"notifications", json::value_from(l.items)}, {"pending", l.pending}};
}

}  // namespace gridcoord::actors
