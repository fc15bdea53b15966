#include "domain/sla/events.hpp"

#include <array>
#include <type_traits>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/json.hpp"
#include "domain/sla/detail/fields.hpp"

namespace gridcoord::domain::sla {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, step_count> step_names{
    "preliminary_notice", "cause_found", "customer_notice", "planned_notice", "crew_arrival",
    "restoration",        "forward",     "handling",        "callback"};
constexpr std::array<std::string_view, step_count> step_flows{"E1", "E2", "E3", "E4", "E5", "E5", "E6", "E7", "E9"};

template <class T>
std::string encode_fields(const T& e) {
  json::object o;
  detail::write_fields(e, o);
  return to_text(o);
}

template <class T>
expected<T> decode_fields(std::string_view payload, std::string_view what) {
  json::error_code ec;
  auto v = json::parse(payload, ec);
  if (ec || !v.is_object()) return fail(errc::internal, fmt::format("a stored {} event is not a JSON object", what));
  T e{};
  if (!detail::read_fields(v.get_object(), e))
    return fail(errc::internal, fmt::format("a stored {} event lacks a field or has a wrong one", what));
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
