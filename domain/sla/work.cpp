#include "domain/sla/work.hpp"

#include <fmt/format.h>

#include "domain/sla/outbox.hpp"

namespace gridcoord::domain::sla {

namespace {

constexpr std::string_view outage_kind = "outage";
constexpr std::string_view planned_kind_name = "planned";
constexpr std::string_view complaint_kind = "complaint";
constexpr std::string_view callback_kind = "callback";
constexpr std::string_view analysis_kind = "analysis";

template <class T>
expected<T> read(std::string_view payload) {
  return decode<T>(payload);
}

gridcoord::unexpected<error> unknown_item(std::string_view kind, std::uint64_t id) {
  return gridcoord::unexpected<error>{
      error{errc::internal, fmt::format("a stored event names {} {}, which no earlier event created", kind, id), {}}};
}

// The number of a "<kind>/<n>[/...]" name; 0 when `name` is of another kind.
std::uint64_t number_of(std::string_view name, std::string_view kind) {
  if (!name.starts_with(kind) || name.size() <= kind.size() || name[kind.size()] != '/') return 0;
  auto rest = name.substr(kind.size() + 1);
  rest = rest.substr(0, rest.find('/'));
  std::uint64_t id = 0;
  for (char c : rest) {
    if (c < '0' || c > '9') return 0;
    id = id * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return id;
}

// The outage an outage-notice message id is for ("outage/17/C-1/outage_notice"); 0 for others.
std::uint64_t outage_of_notice(std::string_view message_id) {
  return message_id.ends_with("/outage_notice") ? number_of(message_id, outage_kind) : 0;
}

}  // namespace

std::string_view to_string(complaint_state s) noexcept {
  switch (s) {
    case complaint_state::registered: return "registered";
    case complaint_state::forwarded: return "forwarded";
    case complaint_state::acknowledged: return "acknowledged";
    case complaint_state::resolved: return "resolved";
    case complaint_state::escalated: return "escalated";
  }
  return "registered";
}

time_point work_clock::instant(unsigned percent) const {
  auto span = spec.due - spec.started;
  return spec.started + span * percent / 100;
}

const outage* work_book::find_outage(std::uint64_t id) const {
  auto it = outages_.find(id);
  return it == outages_.end() ? nullptr : &it->second;
}
const planned_notice* work_book::find_planned(std::uint64_t id) const {
  auto it = planned_.find(id);
  return it == planned_.end() ? nullptr : &it->second;
}
const complaint* work_book::find_complaint(std::uint64_t id) const {
  auto it = complaints_.find(id);
  return it == complaints_.end() ? nullptr : &it->second;
}
const callback* work_book::find_callback(std::uint64_t id) const {
  auto it = callbacks_.find(id);
  return it == callbacks_.end() ? nullptr : &it->second;
}
const analysis* work_book::find_analysis(std::uint64_t id) const {
  auto it = analyses_.find(id);
  return it == analyses_.end() ? nullptr : &it->second;
}
const work_clock* work_book::find_clock(std::string_view item, step what, unsigned round) const {
  auto it = clocks_.find(clock_key{std::string(item), what, round});
  return it == clocks_.end() ? nullptr : &it->second;
}
std::vector<const work_clock*> work_book::clocks_of(std::string_view item) const {
  std::vector<const work_clock*> out;
  for (auto it = clocks_.lower_bound(clock_key{std::string(item), step{}, 0});
       it != clocks_.end() && std::get<0>(it->first) == item; ++it)
    out.push_back(&it->second);
  return out;
}

std::uint64_t work_book::outage_of_source(std::string_view source_ref) const {
  auto it = by_source_ref_.find(source_ref);
  return it == by_source_ref_.end() ? 0 : it->second;
}
std::string work_book::item_of_source_event(std::string_view source_event_id) const {
  auto it = by_source_event_.find(source_event_id);
  return it == by_source_event_.end() ? std::string() : it->second;
}
std::uint64_t work_book::callback_for(std::string_view cause) const {
  auto it = callback_by_cause_.find(cause);
  return it == callback_by_cause_.end() ? 0 : it->second;
}

status work_book::apply_event(std::string_view type, time_point at, std::string_view payload) {
  if (is_sla_event(type)) return apply_sla(type, at, payload);
  if (type == notification_enqueued_type || type == notification_delivered_type ||
      type == notification_dead_lettered_type)
    return apply_notification(type, payload);
  return {};
}

status work_book::apply_notification(std::string_view type, std::string_view payload) {
  if (type == notification_enqueued_type) {
    auto n = decode_notification(payload);
    if (!n) return unexpected{n.error()};
    auto it = outages_.find(outage_of_notice(n->message_id));
    if (it != outages_.end() && it->second.notices_pending.insert(n->message_id).second) ++it->second.notices;
    return {};
  }
  std::string id;
  time_point at{};
  bool delivered = type == notification_delivered_type;
  if (delivered) {
    auto d = decode_delivered(payload);
    if (!d) return unexpected{d.error()};
    id = d->message_id, at = d->at;
  } else {
    auto d = decode_dead_lettered(payload);
    if (!d) return unexpected{d.error()};
    id = d->message_id, at = d->at;
  }
  auto it = outages_.find(outage_of_notice(id));
  if (it == outages_.end() || it->second.notices_pending.erase(id) == 0) return {};
  if (!delivered) ++it->second.notices_failed;
  if (it->second.notices_pending.empty() && it->second.notices_failed == 0)
    complete(item_name(outage_kind, it->first), step::customer_notice, 1, at);
  return {};
}

status work_book::apply_sla(std::string_view type, time_point at, std::string_view payload) {
  if (type == outage_reported_type) {
    auto e = read<outage_reported>(payload);
    if (!e) return unexpected{e.error()};
    auto item = item_name(outage_kind, e->id);
    if (outages_.contains(e->id)) return {};
    outage o;
    o.id = e->id;
    o.reported_at = at;
    o.report = *e;
    outages_.emplace(e->id, std::move(o));
    if (!e->source_ref.empty()) by_source_ref_[e->source_ref] = e->id;
    if (!e->source_event_id.empty()) by_source_event_[e->source_event_id] = item;
    open_clocks(item, e->clocks, at);
    complete(item, step::preliminary_notice, 1, at);
    if (e->notices == 0) complete(item, step::customer_notice, 1, at);
    return {};
  }
  if (type == outage_updated_type) {
    auto e = read<outage_updated>(payload);
    if (!e) return unexpected{e.error()};
    auto it = outages_.find(e->id);
    if (it == outages_.end()) return unknown_item(outage_kind, e->id);
    auto item = item_name(outage_kind, e->id);
    if (e->cause) {
      if (!it->second.cause) complete(item, step::cause_found, 1, at);
      it->second.cause = e->cause;
    }
    if (e->etr && e->etr != it->second.etr) {
      it->second.etr = e->etr;
      ++it->second.etr_updates;
    }
    for (const auto& eq : e->equipment_added) it->second.report.equipment.push_back(eq);
    if (!e->source_event_id.empty()) by_source_event_[e->source_event_id] = item;
    return {};
  }
  if (type == outage_crew_arrived_type) {
    auto e = read<outage_crew_arrived>(payload);
    if (!e) return unexpected{e.error()};
    auto it = outages_.find(e->id);
    if (it == outages_.end()) return unknown_item(outage_kind, e->id);
    auto item = item_name(outage_kind, e->id);
    if (it->second.crew_arrived_at) return {};
    it->second.crew_arrived_at = e->at;
    complete(item, step::crew_arrival, 1, e->at);
    open_clocks(item, e->clocks, at);
    if (!e->source_event_id.empty()) by_source_event_[e->source_event_id] = item;
    return {};
  }
  if (type == outage_restored_type) {
    auto e = read<outage_restored>(payload);
    if (!e) return unexpected{e.error()};
    auto it = outages_.find(e->id);
    if (it == outages_.end()) return unknown_item(outage_kind, e->id);
    auto item = item_name(outage_kind, e->id);
    if (it->second.restored_at) return {};
    it->second.restored_at = e->at;
    if (!it->second.crew_arrived_at) complete(item, step::crew_arrival, 1, e->at);
    open_clocks(item, e->clocks, at);
    complete(item, step::restoration, 1, e->at);
    complete(item, step::cause_found, 1, e->at);  // no cause clock stays open once power is back
    if (!e->source_event_id.empty()) by_source_event_[e->source_event_id] = item;
    return {};
  }
  if (type == customers_notified_type) {
    auto e = read<customers_notified>(payload);
    if (!e) return unexpected{e.error()};
    if (!outages_.contains(e->id)) return unknown_item(outage_kind, e->id);
    complete(item_name(outage_kind, e->id), step::customer_notice, 1, at);
    return {};
  }
  if (type == planned_noticed_type) {
    auto e = read<planned_noticed>(payload);
    if (!e) return unexpected{e.error()};
    if (planned_.contains(e->id)) return {};
    auto item = item_name(planned_kind_name, e->id);
    planned_notice p;
    p.id = e->id;
    p.noticed_at = at;
    p.late = !e->clocks.empty() && at > e->clocks.front().due;
    p.notice = *e;
    planned_.emplace(e->id, std::move(p));
    open_clocks(item, e->clocks, at);
    complete(item, step::planned_notice, 1, at);
    return {};
  }
  if (type == complaint_registered_type) {
    auto e = read<complaint_registered>(payload);
    if (!e) return unexpected{e.error()};
    if (complaints_.contains(e->id)) return {};
    complaint c;
    c.id = e->id;
    c.registered_at = at;
    c.responsible = routed_to(e->category);
    c.registration = *e;
    complaints_.emplace(e->id, std::move(c));
    open_clocks(item_name(complaint_kind, e->id), e->clocks, at);
    return {};
  }
  if (type == complaint_forwarded_type) {
    auto e = read<complaint_forwarded>(payload);
    if (!e) return unexpected{e.error()};
    auto it = complaints_.find(e->id);
    if (it == complaints_.end()) return unknown_item(complaint_kind, e->id);
    auto item = item_name(complaint_kind, e->id);
    it->second.state = complaint_state::forwarded;
    it->second.responsible = e->to;
    complete(item, step::forward, 1, at);
    open_clocks(item, e->clocks, at);
    return {};
  }
  if (type == complaint_acknowledged_type) {
    auto e = read<complaint_acknowledged>(payload);
    if (!e) return unexpected{e.error()};
    auto it = complaints_.find(e->id);
    if (it == complaints_.end()) return unknown_item(complaint_kind, e->id);
    it->second.state = complaint_state::acknowledged;
    it->second.owner = e->by_department;
    return {};
  }
  if (type == complaint_resolved_type) {
    auto e = read<complaint_resolved>(payload);
    if (!e) return unexpected{e.error()};
    auto it = complaints_.find(e->id);
    if (it == complaints_.end()) return unknown_item(complaint_kind, e->id);
    it->second.state = complaint_state::resolved;
    it->second.result = e->result;
    it->second.resolved_at = at;
    it->second.owner = department::customer_service;  // the callback is customer service's
    complete(item_name(complaint_kind, e->id), step::handling, it->second.round, at);
    return {};
  }
  if (type == complaint_escalated_type) {
    auto e = read<complaint_escalated>(payload);
    if (!e) return unexpected{e.error()};
    auto it = complaints_.find(e->id);
    if (it == complaints_.end()) return unknown_item(complaint_kind, e->id);
    auto& c = it->second;
    c.state = complaint_state::escalated;
    c.responsible = e->to;
    c.owner = department::customer_service;  // until the department it goes to acknowledges
    c.round += 1;
    c.result.reset();
    c.resolved_at.reset();
    open_clocks(item_name(complaint_kind, e->id), e->clocks, at);
    return {};
  }
  if (type == callback_opened_type) {
    auto e = read<callback_opened>(payload);
    if (!e) return unexpected{e.error()};
    if (callbacks_.contains(e->id)) return {};
    callback cb;
    cb.id = e->id;
    cb.opened_at = at;
    cb.opening = *e;
    callbacks_.emplace(e->id, std::move(cb));
    callback_by_cause_[e->cause] = e->id;
    if (auto o = outages_.find(number_of(e->cause, outage_kind)); o != outages_.end()) o->second.callback = e->id;
    if (auto c = complaints_.find(number_of(e->cause, complaint_kind)); c != complaints_.end())
      c->second.callbacks.push_back(e->id);
    open_clocks(item_name(callback_kind, e->id), e->clocks, at);
    return {};
  }
  if (type == callback_attempted_type) {
    auto e = read<callback_attempted>(payload);
    if (!e) return unexpected{e.error()};
    auto it = callbacks_.find(e->id);
    if (it == callbacks_.end()) return unknown_item(callback_kind, e->id);
    auto& cb = it->second;
    if (cb.completed_at) return {};
    cb.attempts.push_back({at, *e});
    if (e->outcome == callback_outcome::reached) {
      cb.completed_at = at;
      cb.satisfied = e->satisfied;
      complete(item_name(callback_kind, e->id), step::callback, 1, at);
    }
    return {};
  }
  if (type == analysis_opened_type) {
    auto e = read<analysis_opened>(payload);
    if (!e) return unexpected{e.error()};
    if (analyses_.contains(e->id)) return {};
    analyses_.emplace(e->id, analysis{e->id, *e, at, std::nullopt, std::nullopt});
    return {};
  }
  if (type == analysis_closed_type) {
    auto e = read<analysis_closed>(payload);
    if (!e) return unexpected{e.error()};
    auto it = analyses_.find(e->id);
    if (it == analyses_.end()) return unknown_item(analysis_kind, e->id);
    if (it->second.closing) return {};
    it->second.closing = *e;
    it->second.closed_at = at;
    return {};
  }
  // sla.warning, sla.breached
  auto e = read<clock_signal>(payload);
  if (!e) return unexpected{e.error()};
  auto key = clock_key{e->item, e->what, e->round};
  auto it = clocks_.find(key);
  if (it == clocks_.end())
    return fail(errc::internal, fmt::format("a stored signal names a clock of {} that no event opened", e->item));
  if (!it->second.fired.insert(e->percent).second) return {};
  if (e->percent >= 100) breaches_.push_back(*e);
  signals_.push_back(*e);
  reschedule(key);
  return {};
}

void work_book::open_clocks(std::string_view item, const std::vector<clock_spec>& specs, time_point at) {
  for (const auto& spec : specs) {
    auto key = clock_key{std::string(item), spec.what, spec.round};
    if (clocks_.contains(key)) continue;
    clocks_.emplace(key, work_clock{std::string(item), spec, at, std::nullopt, {}});
    reschedule(key);
  }
}

void work_book::complete(std::string_view item, step what, unsigned round, time_point at) {
  auto key = clock_key{std::string(item), what, round};
  auto it = clocks_.find(key);
  if (it == clocks_.end() || it->second.completed) return;
  it->second.completed = at;
  reschedule(key);
}

}  // namespace gridcoord::domain::sla
