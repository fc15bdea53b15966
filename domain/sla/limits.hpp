#pragma once
// domain/sla/limits.hpp — the time limits of the event flows E1–E9
// (DESIGN.md, "Event flows"): the time-limit part of the standards catalogue.
//
// A catalogue holds named profiles ("document": the source's values;
// "sgcc-2023": SGCC's 2023 commitments). Each profile is a list of dated
// revisions; the revision in force at an instant is the one with the latest
// `effective_from` at or before the instant's local date. Every limit is a
// default read from config/time_limits.toml (config/time_limits_file.hpp),
// never a constant in code.
//
// A limit is measured from the instant its step starts (the outage's start,
// the complaint's registration, ...) and is either a calendar duration, a
// number of working days (the deadline is the end of the n-th working day
// after the start's local date, so 0 means "by the end of the start day when
// it is a working day"), or the end of the start's local calendar day
// (E6: forwarded the same day). due() turns a limit into an instant.
// [Threading] Immutable values; safe to share.
// [Errors]    None here: files are checked where they are loaded. Parsing
//             answers nullopt for text it does not accept; catalogue::at
//             throws std::out_of_range when its REQUIRES does not hold.
// [Limits]    parse_time_limit: calendar durations 1 min to 366 d, working
//             days 0 to 250.
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/clock.hpp"
#include "domain/department.hpp"
#include "domain/equipment.hpp"

namespace gridcoord::domain::sla {

struct time_limit {
  enum class basis : std::uint8_t { calendar, working_days, same_day };
  basis by = basis::calendar;
  std::chrono::minutes duration{0};  // calendar
  unsigned working_days = 0;         // working_days
  friend bool operator==(const time_limit&, const time_limit&) = default;
};

// The deadline of a step started at `start` under `limit`.
time_point due(const time_limit& limit, time_point start, const working_calendar& calendar);

// "45 min", "4 h", "90 min" (not a whole hour), "7 d" (whole days),
// "2 working days", "1 working day", "the same day" — for messages and lists.
std::string describe(const time_limit& limit);

// A limit as config/time_limits.toml writes it: "<n> min", "<n> h", "<n> d"
// (calendar time), "<n> working day" or "<n> working days", "same day" (or
// describe()'s "the same day"); nullopt for anything else and for values out
// of [Limits].
std::optional<time_limit> parse_time_limit(std::string_view text) noexcept;

// What refusing a planned-outage notice that comes too late means.
enum class late_notice_policy : std::uint8_t { refuse, record_breach };

// Complaint and request categories (E6), each routed to one department.
enum class complaint_category : std::uint8_t { power_quality, supply_capacity, new_connection, outage };
inline constexpr std::size_t complaint_category_count = 4;

// One dated revision of a profile: every limit of E1–E9.
struct limits {
  local_date effective_from{};
  time_limit preliminary_notice;           // E1: from the outage's start (dispatch)
  std::optional<time_limit> cause_found;   // E2: from the outage's start; none: as soon as known
  time_limit customer_notice;              // E3: from the E1 notice (customer service)
  std::chrono::minutes planned_lead{7 * 24 * 60};    // E4: planned outage notice, before its start
  std::chrono::minutes temporary_lead{24 * 60};      // E4: temporary maintenance notice
  late_notice_policy late_notice = late_notice_policy::record_breach;
  std::array<time_limit, 3> crew_arrival;  // E5: from the outage's start, by area_class (production)
  std::array<time_limit, 3> restoration;   // E5: from the crew's arrival, by area_class (production)
  time_limit forward;                      // E6: from registration (customer service)
  std::array<time_limit, complaint_category_count> handling;  // E7: from the forward, by category
  time_limit callback;                     // E9: from the restoration / energization / result
  // Warnings before a breach, as fractions of the limit (0.5 and 0.75).
  std::vector<double> warning_fractions{0.5, 0.75};
  friend bool operator==(const limits&, const limits&) = default;
};

struct profile {
  std::string name;                 // "document", "sgcc-2023"
  std::string description;          // one line, for people
  std::vector<limits> revisions;    // by effective_from, oldest first; at least one
};

class catalogue {
 public:
  catalogue() = default;
  catalogue(std::vector<profile> profiles, std::string active) : profiles_(std::move(profiles)), active_(std::move(active)) {}

  const std::vector<profile>& profiles() const noexcept { return profiles_; }
  const std::string& active() const noexcept { return active_; }
  const profile* find(std::string_view name) const noexcept;

  // The active profile's revision in force on `day` (the oldest one before
  // its first revision's date).
  // REQUIRES: the active profile is among profiles() and has a revision.
  const limits& at(local_date day) const;

 private:
  std::vector<profile> profiles_;
  std::string active_;
};

// The department that owns the handling of a category (E6 routing: power
// quality → production, supply capacity → planning, new connection →
// marketing, outage → dispatch) and the one a dissatisfied callback
// escalates to (E8: supply capacity → planning, power quality → production;
// the others go back to the department that handled them).
department routed_to(complaint_category c) noexcept;
department escalated_to(complaint_category c) noexcept;

// "power_quality", "supply_capacity", "new_connection", "outage"; parse
// answers nullopt for anything else.
std::string_view to_string(complaint_category c) noexcept;
std::optional<complaint_category> parse_complaint_category(std::string_view text) noexcept;
std::string_view to_string(late_notice_policy p) noexcept;  // "refuse", "record_breach"
std::optional<late_notice_policy> parse_late_notice_policy(std::string_view text) noexcept;

}  // namespace gridcoord::domain::sla
