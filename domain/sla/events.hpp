#pragma once
// domain/sla/events.hpp — what the SLA actor logs: the steps of outages,
// planned-outage notices, complaints, callbacks and analyses, and the
// warnings and breaches of their clocks (DESIGN.md, "Event flows").
//
// Every payload is JSON with times in RFC 3339 UTC. Items are numbered per
// kind by the SLA actor, the only writer of these events, from 1; an item's
// events go to its stream ("outage/17", "complaint/5", "callback/9",
// "analysis/3", "planned/2"), warnings and breaches to "sla/<item>". Times a
// request states (an outage's start, a restoration) are kept as stated; the
// event's own time is when gridcoord learned of it.
// [Threading] Pure functions.
// [Errors]    decode_* answer errc::internal for a payload they cannot read
//             (stored data is never guessed at).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.hpp"
#include "domain/department.hpp"
#include "domain/equipment.hpp"
#include "domain/error.hpp"
#include "domain/sla/limits.hpp"

namespace gridcoord::domain::sla {

// The steps that run against a time limit.
enum class step : std::uint8_t {
  preliminary_notice,  // E1, dispatch: the outage's start → its report
  cause_found,         // E2, dispatch: the start → the cause (only with a limit)
  customer_notice,     // E3, customer service: the report → every notice delivered
  planned_notice,      // E4, dispatch: the notice must come its lead before the start
  crew_arrival,        // E5, production: the start → the crew on site
  restoration,         // E5, production: the crew's arrival → power restored
  forward,             // E6, customer service: registration → forwarded (same day)
  handling,            // E7, the responsible department: forward → result
  callback,            // E9, customer service: restoration / energization / result → the customer reached
};
inline constexpr std::size_t step_count = 9;
std::string_view to_string(step s) noexcept;  // "preliminary_notice", ...
std::string_view flow_of(step s) noexcept;    // "E1", ..., "E9"
std::optional<step> parse_step(std::string_view text) noexcept;
// Crew arrival and restoration: a breach of one opens an analysis record.
bool is_repair_step(step s) noexcept;

// A clock an event opens: its deadline is computed once, from the catalogue
// in force when the event was logged (plan.hpp), and kept in the event, so a
// replay after the catalogue changed gives the same deadlines.
struct clock_spec {
  step what = step::preliminary_notice;
  unsigned round = 1;                // handling: 2 after the first escalation, ...
  department owner = department::dispatch;
  time_point started{};
  time_point due{};
  std::string limit;                 // describe(limit): "45 min", "2 working days"
  std::vector<unsigned> warnings;    // percents of the limit that warn: 50, 75
  friend bool operator==(const clock_spec&, const clock_spec&) = default;
};

enum class outage_source : std::uint8_t { dispatcher, feed };
std::string_view to_string(outage_source s) noexcept;  // "dispatcher", "feed"
std::optional<outage_source> parse_outage_source(std::string_view text) noexcept;

struct outage_reported {
  std::uint64_t id = 0;
  outage_source source = outage_source::dispatcher;
  std::string source_event_id;      // the feed's event id; "" from a dispatcher
  std::string source_ref;           // the feed's own outage id; "" from a dispatcher
  std::vector<std::string> equipment;
  area_class area = area_class::urban;  // the most urban of the equipment's classes
  time_point started_at{};
  std::string description;
  std::string reported_by;
  std::uint64_t notices = 0;        // outage notices enqueued with it (E3 is complete when 0)
  std::vector<clock_spec> clocks;   // the clocks this event opens
  friend bool operator==(const outage_reported&, const outage_reported&) = default;
};

// E2: any of the fields, as given.
struct outage_updated {
  std::uint64_t id = 0;
  std::string source_event_id;
  std::optional<std::string> cause;
  std::vector<std::string> equipment_added;
  std::optional<time_point> etr;    // estimated restoration
  std::string updated_by;
  friend bool operator==(const outage_updated&, const outage_updated&) = default;
};

struct outage_crew_arrived {
  std::uint64_t id = 0;
  std::string source_event_id;
  time_point at{};
  std::string reported_by;
  std::vector<clock_spec> clocks;   // restoration, from the arrival
  friend bool operator==(const outage_crew_arrived&, const outage_crew_arrived&) = default;
};

struct outage_restored {
  std::uint64_t id = 0;
  std::string source_event_id;
  time_point at{};
  std::string reported_by;
  std::vector<clock_spec> clocks;   // restoration, when no arrival was reported (from the restoration)
  friend bool operator==(const outage_restored&, const outage_restored&) = default;
};

// E3 closed by hand: customer service told every customer another way (the
// notices that could not be delivered are dead letters).
struct customers_notified {
  std::uint64_t id = 0;
  std::string note;
  std::string by;
  friend bool operator==(const customers_notified&, const customers_notified&) = default;
};

enum class planned_kind : std::uint8_t { planned, temporary };
std::string_view to_string(planned_kind k) noexcept;  // "planned", "temporary"
std::optional<planned_kind> parse_planned_kind(std::string_view text) noexcept;

// E4: a planned (or temporary maintenance) outage notice; late when it came
// less than the kind's lead before the start (recorded when the policy is
// record_breach; refused otherwise).
struct planned_noticed {
  std::uint64_t id = 0;
  planned_kind kind = planned_kind::planned;
  std::vector<std::string> equipment;
  time_point starts_at{};
  time_point ends_at{};
  std::string description;
  std::string noticed_by;
  std::vector<clock_spec> clocks;   // the clocks this event opens
  friend bool operator==(const planned_noticed&, const planned_noticed&) = default;
};

struct complaint_registered {
  std::uint64_t id = 0;
  complaint_category category = complaint_category::power_quality;
  std::string customer_id;          // a registered customer, or ""
  std::string customer_name;        // as given
  std::string contact;              // phone or address as given
  std::string text;
  std::string registered_by;
  std::vector<clock_spec> clocks;   // the clocks this event opens
  friend bool operator==(const complaint_registered&, const complaint_registered&) = default;
};

struct complaint_forwarded {
  std::uint64_t id = 0;
  department to = department::production;
  std::string by;
  std::vector<clock_spec> clocks;   // the clocks this event opens
  friend bool operator==(const complaint_forwarded&, const complaint_forwarded&) = default;
};

struct complaint_acknowledged {
  std::uint64_t id = 0;
  department by_department = department::production;
  std::string by;
  friend bool operator==(const complaint_acknowledged&, const complaint_acknowledged&) = default;
};

struct complaint_resolved {
  std::uint64_t id = 0;
  std::string result;
  std::string by;
  friend bool operator==(const complaint_resolved&, const complaint_resolved&) = default;
};

// E8: a dissatisfied callback reopens the complaint for `to`.
struct complaint_escalated {
  std::uint64_t id = 0;
  department to = department::planning;
  std::uint64_t callback = 0;
  std::vector<clock_spec> clocks;   // the clocks this event opens
  friend bool operator==(const complaint_escalated&, const complaint_escalated&) = default;
};

// E9: an obligation to call a customer back about `cause` ("outage/17",
// "application/A-1", "complaint/5"), counted for `department`'s work.
struct callback_opened {
  std::uint64_t id = 0;
  std::string cause;
  department for_department = department::dispatch;
  std::string customer;            // who to call, as known ("" for an outage: its customers)
  std::vector<clock_spec> clocks;   // the clocks this event opens
  friend bool operator==(const callback_opened&, const callback_opened&) = default;
};

enum class callback_outcome : std::uint8_t { no_answer, reached };
std::string_view to_string(callback_outcome o) noexcept;  // "no_answer", "reached"
std::optional<callback_outcome> parse_callback_outcome(std::string_view text) noexcept;

struct callback_attempted {
  std::uint64_t id = 0;
  callback_outcome outcome = callback_outcome::no_answer;
  std::optional<unsigned> satisfaction;  // 1..5 when reached
  bool satisfied = true;                 // when reached
  std::string note;
  std::string by;
  friend bool operator==(const callback_attempted&, const callback_attempted&) = default;
};

struct analysis_opened {
  std::uint64_t id = 0;
  std::string item;                  // "outage/17"
  step breached = step::restoration;
  department owner = department::production;
  friend bool operator==(const analysis_opened&, const analysis_opened&) = default;
};

struct analysis_closed {
  std::uint64_t id = 0;
  std::string finding;
  std::string by;
  friend bool operator==(const analysis_closed&, const analysis_closed&) = default;
};

// A warning (percent < 100) or a breach (percent == 100) of one clock.
struct clock_signal {
  std::string item;                  // "outage/17"
  step what = step::preliminary_notice;
  unsigned round = 1;                // handling: 2 after the first escalation, ...
  department owner = department::dispatch;
  unsigned percent = 100;
  time_point at{};                   // the instant it was due: started + percent % of the limit
  time_point started{};
  time_point due{};
  friend bool operator==(const clock_signal&, const clock_signal&) = default;
};

inline constexpr std::string_view outage_reported_type = "outage.reported";
inline constexpr std::string_view outage_updated_type = "outage.updated";
inline constexpr std::string_view outage_crew_arrived_type = "outage.crew_arrived";
inline constexpr std::string_view outage_restored_type = "outage.restored";
inline constexpr std::string_view customers_notified_type = "outage.customers_notified";
inline constexpr std::string_view planned_noticed_type = "planned_outage.noticed";
inline constexpr std::string_view complaint_registered_type = "complaint.registered";
inline constexpr std::string_view complaint_forwarded_type = "complaint.forwarded";
inline constexpr std::string_view complaint_acknowledged_type = "complaint.acknowledged";
inline constexpr std::string_view complaint_resolved_type = "complaint.resolved";
inline constexpr std::string_view complaint_escalated_type = "complaint.escalated";
inline constexpr std::string_view callback_opened_type = "callback.opened";
inline constexpr std::string_view callback_attempted_type = "callback.attempted";
inline constexpr std::string_view analysis_opened_type = "analysis.opened";
inline constexpr std::string_view analysis_closed_type = "analysis.closed";
inline constexpr std::string_view sla_warning_type = "sla.warning";
inline constexpr std::string_view sla_breached_type = "sla.breached";

// True for every type above: the events a work_book applies.
bool is_sla_event(std::string_view type) noexcept;

std::string item_name(std::string_view kind, std::uint64_t id);  // "outage/17"
std::string signal_stream(std::string_view item);                // "sla/outage/17"

std::string encode(const outage_reported& e);
std::string encode(const outage_updated& e);
std::string encode(const outage_crew_arrived& e);
std::string encode(const outage_restored& e);
std::string encode(const customers_notified& e);
std::string encode(const planned_noticed& e);
std::string encode(const complaint_registered& e);
std::string encode(const complaint_forwarded& e);
std::string encode(const complaint_acknowledged& e);
std::string encode(const complaint_resolved& e);
std::string encode(const complaint_escalated& e);
std::string encode(const callback_opened& e);
std::string encode(const callback_attempted& e);
std::string encode(const analysis_opened& e);
std::string encode(const analysis_closed& e);
std::string encode(const clock_signal& e);

template <class T>
[[nodiscard]] expected<T> decode(std::string_view payload);

}  // namespace gridcoord::domain::sla
