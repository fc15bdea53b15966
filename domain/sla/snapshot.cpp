// The work book, the outbox and the customer registry as a projection
// snapshot holds them (work.hpp, outbox.hpp, customers.hpp): what the events
// built, field by field, through the same field lists as the event payloads
// (detail/fields.hpp). What is derived from it (schedules, indexes) is
// rebuilt on reading, not stored.
#include <boost/json.hpp>

#include "domain/sla/customers.hpp"
#include "domain/sla/detail/fields.hpp"
#include "domain/sla/outbox.hpp"
#include "domain/sla/work.hpp"

namespace gridcoord::domain::sla {

namespace json = boost::json;

// Found by the field reader for a complaint's state (argument-dependent).
std::optional<complaint_state> parse_enum(std::string_view t, complaint_state) {
  for (auto s : {complaint_state::registered, complaint_state::forwarded, complaint_state::acknowledged,
                 complaint_state::resolved, complaint_state::escalated})
    if (to_string(s) == t) return s;
  return std::nullopt;
}

template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, work_clock>
{
  f("item", e.item), f("spec", e.spec), f("known_at", e.known_at), f("completed", e.completed),
      f("fired", e.fired);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, outage>
{
  f("id", e.id), f("report", e.report), f("reported_at", e.reported_at), f("cause", e.cause), f("etr", e.etr),
      f("crew_arrived_at", e.crew_arrived_at), f("restored_at", e.restored_at),
      f("notices_pending", e.notices_pending), f("notices", e.notices), f("notices_failed", e.notices_failed),
      f("etr_updates", e.etr_updates), f("callback", e.callback);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, planned_notice>
{
  f("id", e.id), f("notice", e.notice), f("noticed_at", e.noticed_at), f("late", e.late);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, complaint>
{
  f("id", e.id), f("registration", e.registration), f("registered_at", e.registered_at), f("state", e.state),
      f("responsible", e.responsible), f("owner", e.owner), f("round", e.round), f("result", e.result),
      f("resolved_at", e.resolved_at), f("callbacks", e.callbacks);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, callback_attempt>
{
  f("at", e.at), f("attempt", e.attempt);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, callback>
{
  f("id", e.id), f("opening", e.opening), f("opened_at", e.opened_at), f("attempts", e.attempts),
      f("completed_at", e.completed_at), f("satisfied", e.satisfied);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, analysis>
{
  f("id", e.id), f("opening", e.opening), f("opened_at", e.opened_at), f("closing", e.closing),
      f("closed_at", e.closed_at);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, notification>
{
  f("message_id", e.message_id), f("customer_id", e.customer_id), f("channel", e.channel), f("address", e.address),
      f("kind", e.kind), f("cause", e.cause), f("text", e.text), f("language", e.language),
      f("segments", e.segments), f("too_long", e.too_long), f("details", e.details),
      f("enqueued_at", e.enqueued_at);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, message_status>
{
  f("message", e.message), f("state", e.state), f("attempts", e.attempts), f("last_error", e.last_error),
      f("next_at", e.next_at), f("ended_at", e.ended_at);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, contact>
{
  f("channel", e.channel), f("address", e.address);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, customer>
{
  f("id", e.id), f("name", e.name), f("tier", e.tier), f("contacts", e.contacts),
      f("connection_point", e.connection_point), f("version", e.version), f("changed_seq", e.changed_seq);
}

namespace {

// Each part says only that it is unreadable: the snapshot is ignored and the
// log replayed, so which field it was matters to no one.
gridcoord::unexpected<error> work_book_unreadable() {
  return fail(errc::internal, "the work book snapshot is unreadable");
}
gridcoord::unexpected<error> outbox_unreadable() { return fail(errc::internal, "the outbox snapshot is unreadable"); }
gridcoord::unexpected<error> customers_unreadable() {
  return fail(errc::internal, "the customer snapshot is unreadable");
}

template <class Map>
json::array values_of(const Map& items) {
  json::array a;
  a.reserve(items.size());
  for (const auto& [key, item] : items) a.push_back(detail::to_value(item));
  return a;
}

// Reads the array `key` of `o` into `out`, one T per element.
template <class T>
bool read_array(const json::object& o, std::string_view key, std::vector<T>& out) {
  const auto* p = o.if_contains(key);
  return p && detail::from_value(*p, out);
}

template <class T>
bool read_items(const json::object& o, std::string_view key, std::map<std::uint64_t, T>& out) {
  std::vector<T> items;
  if (!read_array(o, key, items)) return false;
  for (auto& item : items) {
    auto id = item.id;
    if (!out.emplace(id, std::move(item)).second) return false;
  }
  return true;
}

template <class Map>
json::object pairs_of(const Map& m) {
  json::object o;
  o.reserve(m.size());
  for (const auto& [k, v] : m) o[k] = v;
  return o;
}

template <class V, class Map>
bool read_pairs(const json::object& o, std::string_view key, Map& out) {
  const auto* p = o.if_contains(key);
  if (!p || !p->is_object()) return false;
  for (const auto& kv : p->get_object()) {
    V v{};
    if (!detail::from_value(kv.value(), v)) return false;
    out.emplace(std::string(kv.key()), std::move(v));
  }
  return true;
}

}  // namespace

// --- the work book

json::value work_book::to_json() const {
  json::object o;
  o["outages"] = values_of(outages_);
  o["planned"] = values_of(planned_);
  o["complaints"] = values_of(complaints_);
  o["callbacks"] = values_of(callbacks_);
  o["analyses"] = values_of(analyses_);
  o["clocks"] = values_of(clocks_);
  o["signals"] = detail::to_value(signals_);
  o["by_source_ref"] = pairs_of(by_source_ref_);
  o["by_source_event"] = pairs_of(by_source_event_);
  o["callback_by_cause"] = pairs_of(callback_by_cause_);
  return o;
}

expected<work_book> work_book::from_json(const json::value& v) {
  if (!v.is_object()) return work_book_unreadable();
  const auto& o = v.get_object();
  work_book b;
  std::vector<work_clock> clocks;
  bool ok = read_items(o, "outages", b.outages_) && read_items(o, "planned", b.planned_) &&
            read_items(o, "complaints", b.complaints_) && read_items(o, "callbacks", b.callbacks_) &&
            read_items(o, "analyses", b.analyses_) && read_array(o, "clocks", clocks) &&
            read_array(o, "signals", b.signals_) && read_pairs<std::uint64_t>(o, "by_source_ref", b.by_source_ref_) &&
            read_pairs<std::string>(o, "by_source_event", b.by_source_event_) &&
            read_pairs<std::uint64_t>(o, "callback_by_cause", b.callback_by_cause_);
  if (!ok) return work_book_unreadable();
  for (auto& c : clocks) {
    auto key = clock_key{c.item, c.spec.what, c.spec.round};
    if (!b.clocks_.emplace(key, std::move(c)).second) return work_book_unreadable();
    b.reschedule(key);
  }
  for (const auto& s : b.signals_)
    if (s.percent >= 100) b.breaches_.push_back(s);
  return b;
}

// --- the outbox

json::value outbox::to_json() const {
  // Each customer's messages in the order they were enqueued: reading them
  // back in this order rebuilds the index by customer as it was.
  json::array messages;
  messages.reserve(messages_.size());
  for (const auto& [customer, ids] : by_customer_)
    for (const auto& id : ids) messages.push_back(detail::to_value(messages_.find(id)->second));
  // The pending ones in the order they are due (those due at the same
  // instant in the order they were scheduled).
  json::array schedule;
  schedule.reserve(schedule_.size());
  for (const auto& [at, id] : schedule_) schedule.emplace_back(id);
  json::object o;
  o["messages"] = std::move(messages);
  o["schedule"] = std::move(schedule);
  o["dead_letters"] = detail::to_value(dead_);
  o["forgot"] = forgot_;
  return o;
}

expected<outbox> outbox::from_json(const json::value& v) {
  if (!v.is_object()) return outbox_unreadable();
  const auto& o = v.get_object();
  outbox box;
  std::vector<message_status> messages;
  std::vector<std::string> schedule;
  if (!read_array(o, "messages", messages) || !read_array(o, "schedule", schedule) ||
      !read_array(o, "dead_letters", box.dead_))
    return outbox_unreadable();
  if (const auto* f = o.if_contains("forgot"); f && f->is_bool()) box.forgot_ = f->get_bool();
  for (auto& m : messages) {
    auto id = m.message.message_id;
    box.by_customer_[m.message.customer_id].push_back(id);
    if (!box.messages_.emplace(id, std::move(m)).second) return outbox_unreadable();
  }
  for (auto& id : schedule) {
    auto it = box.messages_.find(id);
    if (it == box.messages_.end() || it->second.state != delivery_state::pending || !it->second.next_at)
      return outbox_unreadable();
    box.schedule_.emplace(*it->second.next_at, std::move(id));
  }
  for (const auto& id : box.dead_)
    if (!box.messages_.contains(id)) return outbox_unreadable();
  return box;
}

// --- the customer registry

json::value customer_registry::to_json() const { return values_of(by_id_); }

expected<customer_registry> customer_registry::from_json(const json::value& v, const equipment_registry& equipment) {
  std::vector<customer> rows;
  if (!detail::from_value(v, rows)) return customers_unreadable();
  customer_registry reg;
  for (auto& c : rows) {
    auto id = c.id;
    if (!reg.by_id_.emplace(std::move(id), std::move(c)).second)
      return customers_unreadable();
  }
  reg.reindex(equipment);
  return reg;
}

}  // namespace gridcoord::domain::sla
