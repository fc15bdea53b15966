#pragma once
// domain/sla/detail/fields.hpp — how the SLA structs are written to JSON and
// read back: each struct lists its fields once, in a `fields` overload, and
// one writer and one reader walk that list. The event payloads (events.cpp)
// and the snapshots of the work book and the outbox (snapshot.cpp) share it.
//
// A field's JSON: strings and numbers as they are, a time_point as RFC 3339
// (UTC, microseconds), an enum by its to_string name, an optional omitted when
// empty, a vector or set as an array, a struct with a field list as an object.
// Internal to domain/sla; not part of its interface.
// [Errors] read_fields answers false for a missing field (an optional may be
//          missing) or a value of the wrong kind; what it read so far stays.
#include <concepts>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/json.hpp>

#include "domain/clock.hpp"
#include "domain/department.hpp"
#include "domain/equipment.hpp"
#include "domain/sla/events.hpp"
#include "domain/sla/customers.hpp"
#include "domain/sla/limits.hpp"
#include "domain/sla/outbox.hpp"

namespace gridcoord::domain::sla {

// The field lists of the event payloads (the one place a field's name is
// written). They live in this namespace so that a field list declared in
// another file (snapshot.cpp) is found the same way.
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, clock_spec>
{
  f("step", e.what), f("round", e.round), f("department", e.owner), f("started", e.started), f("due", e.due),
      f("limit", e.limit), f("warnings", e.warnings);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, outage_reported>
{
  f("id", e.id), f("source", e.source), f("source_event_id", e.source_event_id), f("source_ref", e.source_ref),
      f("equipment", e.equipment), f("area_class", e.area), f("started_at", e.started_at),
      f("description", e.description), f("reported_by", e.reported_by), f("notices", e.notices),
      f("clocks", e.clocks);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, outage_updated>
{
  f("id", e.id), f("source_event_id", e.source_event_id), f("cause", e.cause),
      f("equipment_added", e.equipment_added), f("etr", e.etr), f("updated_by", e.updated_by);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, outage_restored>
{
  f("id", e.id), f("source_event_id", e.source_event_id), f("at", e.at), f("reported_by", e.reported_by),
      f("clocks", e.clocks);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, outage_crew_arrived>
{
  f("id", e.id), f("source_event_id", e.source_event_id), f("at", e.at), f("reported_by", e.reported_by),
      f("clocks", e.clocks);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, customers_notified>
{
  f("id", e.id), f("note", e.note), f("by", e.by);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, planned_noticed>
{
  f("id", e.id), f("kind", e.kind), f("equipment", e.equipment), f("starts_at", e.starts_at),
      f("ends_at", e.ends_at), f("description", e.description), f("noticed_by", e.noticed_by), f("clocks", e.clocks);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, complaint_registered>
{
  f("id", e.id), f("category", e.category), f("customer_id", e.customer_id), f("customer_name", e.customer_name),
      f("contact", e.contact), f("text", e.text), f("registered_by", e.registered_by), f("clocks", e.clocks);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, complaint_forwarded>
{
  f("id", e.id), f("to", e.to), f("by", e.by), f("clocks", e.clocks);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, complaint_acknowledged>
{
  f("id", e.id), f("department", e.by_department), f("by", e.by);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, complaint_resolved>
{
  f("id", e.id), f("result", e.result), f("by", e.by);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, complaint_escalated>
{
  f("id", e.id), f("to", e.to), f("callback", e.callback), f("clocks", e.clocks);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, callback_opened>
{
  f("id", e.id), f("cause", e.cause), f("department", e.for_department), f("customer", e.customer), f("clocks", e.clocks);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, callback_attempted>
{
  f("id", e.id), f("outcome", e.outcome), f("satisfaction", e.satisfaction), f("satisfied", e.satisfied),
      f("note", e.note), f("by", e.by);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, analysis_opened>
{
  f("id", e.id), f("item", e.item), f("step", e.breached), f("department", e.owner);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, analysis_closed>
{
  f("id", e.id), f("finding", e.finding), f("by", e.by);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, clock_signal>
{
  f("item", e.item), f("step", e.what), f("round", e.round), f("department", e.owner), f("percent", e.percent),
      f("at", e.at), f("started", e.started), f("due", e.due);
}

namespace detail {

namespace json = boost::json;

// The enums' names back to values (each enum's parse function).
inline std::optional<step> parse_enum(std::string_view t, step) { return parse_step(t); }
inline std::optional<outage_source> parse_enum(std::string_view t, outage_source) { return parse_outage_source(t); }
inline std::optional<area_class> parse_enum(std::string_view t, area_class) { return parse_area_class(t); }
inline std::optional<department> parse_enum(std::string_view t, department) { return parse_department(t); }
inline std::optional<planned_kind> parse_enum(std::string_view t, planned_kind) { return parse_planned_kind(t); }
inline std::optional<complaint_category> parse_enum(std::string_view t, complaint_category) {
  return parse_complaint_category(t);
}
inline std::optional<callback_outcome> parse_enum(std::string_view t, callback_outcome) {
  return parse_callback_outcome(t);
}
inline std::optional<notification_kind> parse_enum(std::string_view t, notification_kind) {
  return parse_notification_kind(t);
}
inline std::optional<customer_tier> parse_enum(std::string_view t, customer_tier) { return parse_customer_tier(t); }
inline std::optional<delivery_state> parse_enum(std::string_view t, delivery_state) {
  for (auto s : {delivery_state::pending, delivery_state::delivered, delivery_state::dead_lettered})
    if (to_string(s) == t) return s;
  return std::nullopt;
}

template <class T>
concept has_fields = requires(const T& v) { fields(v, [](std::string_view, const auto&) {}); };

template <class T>
struct is_sequence : std::false_type {};
template <class T>
struct is_sequence<std::vector<T>> : std::true_type {};
template <class T>
struct is_sequence<std::set<T>> : std::true_type {};

template <class T>
json::value to_value(const T& v);

template <class T>
void write_fields(const T& v, json::object& o) {
  fields(v, [&o](std::string_view k, const auto& member) {
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (requires { member.has_value(); typename M::value_type; } && !is_sequence<M>::value) {
      if (member) o[k] = to_value(*member);
    } else {
      o[k] = to_value(member);
    }
  });
}

template <class T>
json::value to_value(const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return json::value(json::string_view(v.data(), v.size()));
  } else if constexpr (std::is_same_v<T, bool>) {
    return json::value(v);
  } else if constexpr (std::is_enum_v<T>) {
    auto name = to_string(v);
    return json::value(json::string_view(name.data(), name.size()));
  } else if constexpr (std::is_unsigned_v<T>) {
    return json::value(static_cast<std::uint64_t>(v));
  } else if constexpr (std::is_same_v<T, time_point>) {
    return json::value(format_rfc3339(v));
  } else if constexpr (is_sequence<T>::value) {
    json::array a;
    a.reserve(v.size());
    for (const auto& item : v) a.push_back(to_value(item));
    return a;
  } else {
    static_assert(has_fields<T>, "a field of a type without a field list");
    json::object o;
    write_fields(v, o);
    return o;
  }
}

template <class T>
bool from_value(const json::value& j, T& v);

template <class T>
bool read_fields(const json::object& o, T& v) {
  bool ok = true;
  fields(v, [&](std::string_view k, auto& member) {
    using M = std::remove_cvref_t<decltype(member)>;
    const auto* p = o.if_contains(k);
    if constexpr (requires { member.has_value(); typename M::value_type; } && !is_sequence<M>::value) {
      if (!p) return;
      typename M::value_type inner{};
      ok = from_value(*p, inner) && ok;
      member = std::move(inner);
    } else {
      ok = p && from_value(*p, member) && ok;
    }
  });
  return ok;
}

template <class T>
bool from_value(const json::value& j, T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (!j.is_string()) return false;
    v = std::string(j.get_string());
    return true;
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_bool()) return false;
    v = j.get_bool();
    return true;
  } else if constexpr (std::is_enum_v<T>) {
    if (!j.is_string()) return false;
    auto parsed = parse_enum(std::string_view(j.get_string()), v);
    if (parsed) v = *parsed;
    return parsed.has_value();
  } else if constexpr (std::is_unsigned_v<T>) {
    std::uint64_t wide = 0;
    if (j.is_uint64()) wide = j.get_uint64();
    else if (j.is_int64() && j.get_int64() >= 0) wide = static_cast<std::uint64_t>(j.get_int64());
    else return false;
    v = static_cast<T>(wide);
    return true;
  } else if constexpr (std::is_same_v<T, time_point>) {
    if (!j.is_string()) return false;
    auto t = parse_rfc3339(std::string_view(j.get_string()));
    if (t) v = *t;
    return t.has_value();
  } else if constexpr (is_sequence<T>::value) {
    if (!j.is_array()) return false;
    bool ok = true;
    for (const auto& item : j.get_array()) {
      typename T::value_type inner{};
      ok = from_value(item, inner) && ok;
      if constexpr (std::is_same_v<T, std::vector<typename T::value_type>>) v.push_back(std::move(inner));
      else v.insert(std::move(inner));
    }
    return ok;
  } else {
    static_assert(has_fields<T>, "a field of a type without a field list");
    return j.is_object() && read_fields(j.get_object(), v);
  }
}

}  // namespace detail
}  // namespace gridcoord::domain::sla
