#pragma once
// domain/capacity/applications.hpp — new-connection applications (marketing).
//
// An application asks for `requested_kva` at a connection point from a month.
// It is submitted, then approved (which reserves its capacity: the capacity
// register counts it as a committed load from its month) or refused with a
// reason; an approved one is later energized on a date. Every transition is
// one event in stream "application/<id>" whose payload is the whole
// application after it, so the book is rebuilt by replacing records in
// sequence order.
//   submitted ──approve──▶ approved ──energize──▶ energized
//       └──────refuse────▶ refused
// Repeating a transition already made (approve an approved application, …)
// changes nothing and is answered with the application as it is: approval is
// idempotent. Any other transition is a conflict.
// [Threading] Not synchronised; one owner (the capacity actor).
// [Errors]    check_* answer validation_failed (every bad field at once),
//             not_found for an unknown id, conflict for a transition the state
//             does not allow; apply_event answers internal for a damaged payload.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/calendar.hpp"
#include "domain/capacity/model.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"

namespace gridcoord::domain::capacity {

enum class application_state : std::uint8_t { submitted, approved, refused, energized };
std::string_view to_string(application_state s) noexcept;
std::optional<application_state> parse_application_state(std::string_view text);

struct application {
  std::string id;           // marketing's application number: "NC-2026-0117"
  std::string customer;
  std::string point;        // equipment id of the connection point
  double requested_kva = 0;
  month connect_month{};    // from when the load is expected
  std::optional<double> demand_factor;  // nullopt: the standard's default for the point's kind
  application_state state = application_state::submitted;
  time_point submitted_at{};
  std::string submitted_by;
  time_point decided_at{};  // approved or refused
  std::string decided_by;
  std::string refusal_reason;
  bool lack_of_capacity = false;       // refused because capacity was short: an M5 finding
  std::string limiting_equipment;      // the binding element when refused for capacity
  std::optional<month> expected_relief;
  std::optional<local_date> energized_on;
  std::string energized_by;
  std::uint64_t seq = 0;    // the event of the last transition
  friend bool operator==(const application&, const application&) = default;

  bool counts_as_load() const noexcept {
    return state == application_state::approved || state == application_state::energized;
  }
  connection as_connection() const;
};

inline constexpr std::string_view application_submitted_type = "application.submitted";
inline constexpr std::string_view application_approved_type = "application.approved";
inline constexpr std::string_view application_refused_type = "application.refused";
inline constexpr std::string_view application_energized_type = "application.energized";
std::string application_stream(std::string_view id);
bool is_application_event(std::string_view type) noexcept;

// The JSON form (API bodies and event payloads): snake_case fields, optional
// ones null, times RFC 3339, months YYYY-MM, the date YYYY-MM-DD.
boost::json::object to_json(const application& a);
[[nodiscard]] expected<application> application_from_json(const boost::json::value& v);

// A submission's body: {"id","customer","point","requested_kva","month","demand_factor"?}.
// validation_failed with every bad field; `point` is checked by the caller
// against the registry.
[[nodiscard]] expected<application> read_application(const boost::json::value& body);

// A transition asked for; what it needs besides the id.
struct refusal {
  std::string reason;
  bool lack_of_capacity = false;
  std::string limiting_equipment;        // filled by the caller from a precheck
  std::optional<month> expected_relief;  // idem
};

// The outcome of a check: the application after the transition, and whether
// anything changed (false: a repeat, nothing to log).
struct transition {
  application after;
  std::string event_type;
  bool changed = true;
};

class application_book {
 public:
  const application* find(std::string_view id) const;
  std::size_t size() const noexcept { return items_.size(); }

  // A new application; the same id with the same fields is a repeat, with
  // other fields a conflict.
  [[nodiscard]] expected<transition> check_submit(application a, time_point at, std::string by) const;
  [[nodiscard]] expected<transition> check_approve(std::string_view id, time_point at, std::string by) const;
  [[nodiscard]] expected<transition> check_refuse(std::string_view id, refusal r, time_point at,
                                                  std::string by) const;
  [[nodiscard]] expected<transition> check_energize(std::string_view id, local_date on, std::string by) const;

  // Replaces the record with the event's payload and answers it; other event
  // types are ignored (nullptr).
  [[nodiscard]] expected<const application*> apply_event(std::string_view type, std::uint64_t seq,
                                                         std::string_view payload);

  // By id, from `after`, at most `limit`; only `state` when given.
  std::vector<application> select(std::optional<application_state> state, std::string_view after,
                                   std::size_t limit) const;

 private:
  std::map<std::string, application, std::less<>> items_;
};

}  // namespace gridcoord::domain::capacity
