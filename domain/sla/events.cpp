#include "domain/sla/events.hpp"

#include <array>
#include <type_traits>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/json.hpp"

namespace gridcoord::domain::sla {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, step_count> step_names{
    "preliminary_notice", "cause_found", "customer_notice", "planned_notice", "crew_arrival",
    "restoration",        "forward",     "handling",        "callback"};
constexpr std::array<std::string_view, step_count> step_flows{"E1", "E2", "E3", "E4", "E5", "E5", "E6", "E7", "E9"};

// The field lists, one per payload: the one place a field's name is written.
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
  requires std::is_same_v<std::remove_const_t<S>, clock_spec>
{
  f("step", e.what), f("round", e.round), f("department", e.owner), f("started", e.started), f("due", e.due),
      f("limit", e.limit), f("warnings", e.warnings);
}
template <class S, class F>
void fields(S& e, F&& f)
  requires std::is_same_v<std::remove_const_t<S>, clock_signal>
{
  f("item", e.item), f("step", e.what), f("round", e.round), f("department", e.owner), f("percent", e.percent),
      f("at", e.at), f("started", e.started), f("due", e.due);
}

// How one field type is written and read. Each payload struct lists its
// fields once, in fields(); encode and decode walk that list.
struct writer {
  json::object& o;
  void operator()(std::string_view k, const std::string& v) { o[k] = v; }
  void operator()(std::string_view k, std::uint64_t v) { o[k] = v; }
  void operator()(std::string_view k, unsigned v) { o[k] = v; }
  void operator()(std::string_view k, bool v) { o[k] = v; }
  void operator()(std::string_view k, time_point v) { o[k] = format_rfc3339(v); }
  void operator()(std::string_view k, const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    o[k] = std::move(a);
  }
  void operator()(std::string_view k, const std::vector<unsigned>& v) {
    json::array a;
    for (auto n : v) a.emplace_back(n);
    o[k] = std::move(a);
  }
  void operator()(std::string_view k, const std::vector<clock_spec>& v) {
    json::array a;
    for (const auto& c : v) {
      json::object co;
      fields(c, writer{co});
      a.emplace_back(std::move(co));
    }
    o[k] = std::move(a);
  }
  template <class T>
  void operator()(std::string_view k, const std::optional<T>& v) {
    if (v) (*this)(k, *v);
  }
  template <class E>
    requires std::is_enum_v<E>
  void operator()(std::string_view k, E v) {
    o[k] = to_string(v);
  }
};

struct reader {
  const json::object& o;
  bool ok = true;

  const json::value* at(std::string_view k) {
    auto it = o.find(k);
    if (it == o.end()) ok = false;
    return it == o.end() ? nullptr : &it->value();
  }
  void operator()(std::string_view k, std::string& v) {
    if (auto p = at(k); p && p->is_string()) v = std::string(p->get_string());
    else ok = false;
  }
  void operator()(std::string_view k, std::uint64_t& v) {
    if (auto p = at(k); p && p->is_uint64()) v = p->get_uint64();
    else if (p && p->is_int64() && p->get_int64() >= 0) v = static_cast<std::uint64_t>(p->get_int64());
    else ok = false;
  }
  void operator()(std::string_view k, unsigned& v) {
    std::uint64_t wide = 0;
    (*this)(k, wide);
    v = static_cast<unsigned>(wide);
  }
  void operator()(std::string_view k, bool& v) {
    if (auto p = at(k); p && p->is_bool()) v = p->get_bool();
    else ok = false;
  }
  void operator()(std::string_view k, time_point& v) {
    std::string text;
    (*this)(k, text);
    auto t = parse_rfc3339(text);
    if (t) v = *t;
    else ok = false;
  }
  void operator()(std::string_view k, std::vector<std::string>& v) {
    auto p = at(k);
    if (!p || !p->is_array()) {
      ok = false;
      return;
    }
    for (const auto& s : p->get_array()) {
      if (s.is_string()) v.emplace_back(s.get_string());
      else ok = false;
    }
  }
  void operator()(std::string_view k, std::vector<unsigned>& v) {
    auto p = at(k);
    if (!p || !p->is_array()) {
      ok = false;
      return;
    }
    for (const auto& n : p->get_array()) {
      if (n.is_uint64()) v.push_back(static_cast<unsigned>(n.get_uint64()));
      else if (n.is_int64() && n.get_int64() >= 0) v.push_back(static_cast<unsigned>(n.get_int64()));
      else ok = false;
    }
  }
  void operator()(std::string_view k, std::vector<clock_spec>& v) {
    auto p = at(k);
    if (!p || !p->is_array()) {
      ok = false;
      return;
    }
    for (const auto& c : p->get_array()) {
      if (!c.is_object()) {
        ok = false;
        continue;
      }
      clock_spec spec;
      reader inner{c.get_object()};
      fields(spec, inner);
      ok = ok && inner.ok;
      v.push_back(std::move(spec));
    }
  }
  template <class T>
  void operator()(std::string_view k, std::optional<T>& v) {
    if (!o.contains(k)) return;
    T inner{};
    (*this)(k, inner);
    v = std::move(inner);
  }
  template <class E>
    requires std::is_enum_v<E>
  void operator()(std::string_view k, E& v) {
    std::string text;
    (*this)(k, text);
    auto parsed = parse_enum(text, v);
    if (parsed) v = *parsed;
    else ok = false;
  }

  static std::optional<step> parse_enum(std::string_view t, step) { return parse_step(t); }
  static std::optional<outage_source> parse_enum(std::string_view t, outage_source) { return parse_outage_source(t); }
  static std::optional<area_class> parse_enum(std::string_view t, area_class) { return parse_area_class(t); }
  static std::optional<department> parse_enum(std::string_view t, department) { return parse_department(t); }
  static std::optional<planned_kind> parse_enum(std::string_view t, planned_kind) { return parse_planned_kind(t); }
  static std::optional<complaint_category> parse_enum(std::string_view t, complaint_category) {
    return parse_complaint_category(t);
  }
  static std::optional<callback_outcome> parse_enum(std::string_view t, callback_outcome) {
    return parse_callback_outcome(t);
  }
};

template <class T>
std::string encode_fields(const T& e) {
  json::object o;
  fields(e, writer{o});
  return to_text(o);
}

template <class T>
expected<T> decode_fields(std::string_view payload, std::string_view what) {
  json::error_code ec;
  auto v = json::parse(payload, ec);
  if (ec || !v.is_object()) return fail(errc::internal, fmt::format("a stored {} event is not a JSON object", what));
  T e{};
  reader r{v.get_object()};
  fields(e, r);
  if (!r.ok) return fail(errc::internal, fmt::format("a stored {} event lacks a field or has a wrong one", what));
  return e;
}

}  // namespace

std::string_view to_string(step s) noexcept { return step_names[static_cast<std::size_t>(s)]; }
std::string_view flow_of(step s) noexcept { return step_flows[static_cast<std::size_t>(s)]; }
std::optional<step> parse_step(std::string_view text) noexcept {
  for (std::size_t i = 0; i < step_count; ++i)
    if (step_names[i] == text) return static_cast<step>(i);
  return std::nullopt;
}
bool is_repair_step(step s) noexcept { return s == step::crew_arrival || s == step::restoration; }

std::string_view to_string(outage_source s) noexcept { return s == outage_source::feed ? "feed" : "dispatcher"; }
std::optional<outage_source> parse_outage_source(std::string_view t) noexcept {
  if (t == "feed") return outage_source::feed;
  if (t == "dispatcher") return outage_source::dispatcher;
  return std::nullopt;
}

std::string_view to_string(planned_kind k) noexcept { return k == planned_kind::planned ? "planned" : "temporary"; }
std::optional<planned_kind> parse_planned_kind(std::string_view t) noexcept {
  if (t == "planned") return planned_kind::planned;
  if (t == "temporary") return planned_kind::temporary;
  return std::nullopt;
}

std::string_view to_string(callback_outcome o) noexcept {
  return o == callback_outcome::reached ? "reached" : "no_answer";
}
std::optional<callback_outcome> parse_callback_outcome(std::string_view t) noexcept {
  if (t == "reached") return callback_outcome::reached;
  if (t == "no_answer") return callback_outcome::no_answer;
  return std::nullopt;
}

bool is_sla_event(std::string_view type) noexcept {
  static constexpr std::array types{outage_reported_type,    outage_updated_type,         outage_crew_arrived_type,
                                    outage_restored_type,    customers_notified_type,     planned_noticed_type,
                                    complaint_registered_type, complaint_forwarded_type, complaint_acknowledged_type,
                                    complaint_resolved_type, complaint_escalated_type,    callback_opened_type,
                                    callback_attempted_type, analysis_opened_type,        analysis_closed_type,
                                    sla_warning_type,        sla_breached_type};
  for (auto t : types)
    if (t == type) return true;
  return false;
}

std::string item_name(std::string_view kind, std::uint64_t id) { return fmt::format("{}/{}", kind, id); }
std::string signal_stream(std::string_view item) { return fmt::format("sla/{}", item); }

std::string encode(const outage_reported& e) { return encode_fields(e); }
std::string encode(const outage_updated& e) { return encode_fields(e); }
std::string encode(const outage_crew_arrived& e) { return encode_fields(e); }
std::string encode(const outage_restored& e) { return encode_fields(e); }
std::string encode(const customers_notified& e) { return encode_fields(e); }
std::string encode(const planned_noticed& e) { return encode_fields(e); }
std::string encode(const complaint_registered& e) { return encode_fields(e); }
std::string encode(const complaint_forwarded& e) { return encode_fields(e); }
std::string encode(const complaint_acknowledged& e) { return encode_fields(e); }
std::string encode(const complaint_resolved& e) { return encode_fields(e); }
std::string encode(const complaint_escalated& e) { return encode_fields(e); }
std::string encode(const callback_opened& e) { return encode_fields(e); }
std::string encode(const callback_attempted& e) { return encode_fields(e); }
std::string encode(const analysis_opened& e) { return encode_fields(e); }
std::string encode(const analysis_closed& e) { return encode_fields(e); }
std::string encode(const clock_signal& e) { return encode_fields(e); }

#define GRIDCOORD_SLA_DECODE(T)                                     \
  template <>                                                       \
  expected<T> decode<T>(std::string_view payload) {                 \
    return decode_fields<T>(payload, #T);                           \
  }
GRIDCOORD_SLA_DECODE(outage_reported)
GRIDCOORD_SLA_DECODE(outage_updated)
GRIDCOORD_SLA_DECODE(outage_crew_arrived)
GRIDCOORD_SLA_DECODE(outage_restored)
GRIDCOORD_SLA_DECODE(customers_notified)
GRIDCOORD_SLA_DECODE(planned_noticed)
GRIDCOORD_SLA_DECODE(complaint_registered)
GRIDCOORD_SLA_DECODE(complaint_forwarded)
GRIDCOORD_SLA_DECODE(complaint_acknowledged)
GRIDCOORD_SLA_DECODE(complaint_resolved)
GRIDCOORD_SLA_DECODE(complaint_escalated)
GRIDCOORD_SLA_DECODE(callback_opened)
GRIDCOORD_SLA_DECODE(callback_attempted)
GRIDCOORD_SLA_DECODE(analysis_opened)
GRIDCOORD_SLA_DECODE(analysis_closed)
GRIDCOORD_SLA_DECODE(clock_signal)
#undef GRIDCOORD_SLA_DECODE

}  // namespace gridcoord::domain::sla
