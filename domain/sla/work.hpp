#pragma once
// domain/sla/work.hpp — the work book: every outage, planned-outage notice,
// complaint, callback and analysis record, with the clocks of their steps,
// as a projection of the SLA events (domain/sla/events.hpp) and of the
// notification outcomes that complete E3.
//
// Clocks. Each step that runs against a limit is a clock (clock_spec: owner,
// started, due), opened by the event that starts the step and completed by
// the event that ends it: E1 is complete when the outage is reported; E3 when
// every outage notice of the outage has been delivered (or customer service
// says it told them another way); E4 when the notice comes. A clock signals at
// each warning percent of its limit (50 and 75 by default) and breaches at
// 100 %. due_signals(now) answers every signal whose instant has come and that
// was not logged yet:
//   - a warning, when its instant is at or before `now`, the step was known
//     then (a warning before gridcoord learned of the step could never have
//     been sent) and still open;
//   - the breach, when the due instant is at or before `now` and the step was
//     not completed by then (completed later, or still open).
// Logging the signals (sla.warning / sla.breached) and applying them marks
// them fired, so a signal is logged once however often one checks, and a
// restart (the book rebuilt from the log) fires every overdue one at once.
// [Threading] Not synchronised; one owner at a time (the SLA actor).
// [Errors]    apply_event answers errc::internal for an unreadable payload or
//             an event for an item the book does not hold, and leaves the
//             book unchanged.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/calendar.hpp"
#include "domain/calendar_coverage.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/sla/events.hpp"

namespace gridcoord::domain::sla {

struct work_clock {
  std::string item;                   // "outage/17"
  clock_spec spec;
  time_point known_at{};              // when the event that opened it was logged
  std::optional<time_point> completed;
  std::set<unsigned> fired;           // percents logged (100: the breach)

  bool breached() const noexcept { return fired.contains(100); }
  // The signal instant of `percent` of the limit.
  time_point instant(unsigned percent) const;
  friend bool operator==(const work_clock&, const work_clock&) = default;
};

// The years a deadline in working days rests on that `calendar` has no
// holidays for (domain/calendar_coverage.hpp): the local years from the
// clock's start to its due day. Empty for a limit in calendar time or "the
// same day", which count no holidays.
year_list uncovered_years(const work_clock& c, const working_calendar& calendar);

struct outage {
  std::uint64_t id = 0;
  outage_reported report;
  time_point reported_at{};
  std::optional<std::string> cause;
  std::optional<time_point> etr;
  std::optional<time_point> crew_arrived_at;
  std::optional<time_point> restored_at;
  std::set<std::string> notices_pending;  // outage-notice message ids not yet delivered
  std::size_t notices = 0;                // outage notices enqueued
  std::size_t notices_failed = 0;         // dead-lettered
  std::size_t etr_updates = 0;            // updates that changed the ETR
  std::uint64_t callback = 0;             // 0 until restored
  friend bool operator==(const outage&, const outage&) = default;
};

struct planned_notice {
  std::uint64_t id = 0;
  planned_noticed notice;
  time_point noticed_at{};
  bool late = false;  // came less than its lead before the start
  friend bool operator==(const planned_notice&, const planned_notice&) = default;
};

enum class complaint_state : std::uint8_t { registered, forwarded, acknowledged, resolved, escalated };
std::string_view to_string(complaint_state s) noexcept;

struct complaint {
  std::uint64_t id = 0;
  complaint_registered registration;
  time_point registered_at{};
  complaint_state state = complaint_state::registered;
  department responsible = department::production;  // whom it is routed to now
  department owner = department::customer_service;  // first-question: customer service until acknowledged
  unsigned round = 1;                                // 2 after the first escalation, ...
  std::optional<std::string> result;
  std::optional<time_point> resolved_at;
  std::vector<std::uint64_t> callbacks;              // one per result
  friend bool operator==(const complaint&, const complaint&) = default;
};

struct callback_attempt {
  time_point at{};
  callback_attempted attempt;
  friend bool operator==(const callback_attempt&, const callback_attempt&) = default;
};

struct callback {
  std::uint64_t id = 0;
  callback_opened opening;
  time_point opened_at{};
  std::vector<callback_attempt> attempts;
  std::optional<time_point> completed_at;  // the attempt that reached the customer
  std::optional<bool> satisfied;
  friend bool operator==(const callback&, const callback&) = default;
};

struct analysis {
  std::uint64_t id = 0;
  analysis_opened opening;
  time_point opened_at{};
  std::optional<analysis_closed> closing;
  std::optional<time_point> closed_at;
  friend bool operator==(const analysis&, const analysis&) = default;
};

// One line of a department's open work: a clock not completed.
struct open_step {
  const work_clock* clock = nullptr;
  std::chrono::microseconds remaining{};  // due − now; negative when overdue
  unsigned elapsed_percent = 0;           // of the limit, at `now`
};

struct breach_count {
  month period{};
  department owner = department::dispatch;
  std::size_t breaches = 0;
  friend bool operator==(const breach_count&, const breach_count&) = default;
};

struct callback_rate {
  month period{};                 // the month the obligation was opened (local)
  department for_department = department::dispatch;
  std::size_t opened = 0;
  std::size_t completed = 0;      // reached
  std::size_t attempts = 0;
  std::size_t satisfied = 0;
  double mean_satisfaction = 0;   // over those reached with a score; 0 when none
  friend bool operator==(const callback_rate&, const callback_rate&) = default;
};

class work_book {
 public:
  // Applies one logged event at `at` (its time): SLA events, and the
  // outbox's notification events of outage notices; others are ignored.
  [[nodiscard]] status apply_event(std::string_view type, time_point at, std::string_view payload);

  // The number the next item of a kind gets.
  std::uint64_t next_outage() const noexcept { return outages_.size() + 1; }
  std::uint64_t next_planned() const noexcept { return planned_.size() + 1; }
  std::uint64_t next_complaint() const noexcept { return complaints_.size() + 1; }
  std::uint64_t next_callback() const noexcept { return callbacks_.size() + 1; }
  std::uint64_t next_analysis() const noexcept { return analyses_.size() + 1; }

  const outage* find_outage(std::uint64_t id) const;
  const planned_notice* find_planned(std::uint64_t id) const;
  const complaint* find_complaint(std::uint64_t id) const;
  const callback* find_callback(std::uint64_t id) const;
  const analysis* find_analysis(std::uint64_t id) const;
  const work_clock* find_clock(std::string_view item, step what, unsigned round = 1) const;
  // Every clock of `item`, in step order.
  std::vector<const work_clock*> clocks_of(std::string_view item) const;
  // The outage a feed's outage id names; 0 when none.
  std::uint64_t outage_of_source(std::string_view source_ref) const;
  // The item a feed event id already made ("outage/17"); "" when it is new.
  std::string item_of_source_event(std::string_view source_event_id) const;
  // The callback opened for `cause`; 0 when none.
  std::uint64_t callback_for(std::string_view cause) const;

  const std::map<std::uint64_t, outage>& outages() const noexcept { return outages_; }
  const std::map<std::uint64_t, planned_notice>& planned() const noexcept { return planned_; }
  const std::map<std::uint64_t, complaint>& complaints() const noexcept { return complaints_; }
  const std::map<std::uint64_t, callback>& callbacks() const noexcept { return callbacks_; }
  const std::map<std::uint64_t, analysis>& analyses() const noexcept { return analyses_; }

  // Signals due at `now` and not yet logged, by instant, then item.
  std::vector<clock_signal> due_signals(time_point now) const;
  // The earliest instant after `now` at which a signal may become due.
  std::optional<time_point> next_signal_after(time_point now) const;

  // Clocks not completed, of `owner` (nullopt: every department), most urgent first.
  std::vector<open_step> open_steps(std::optional<department> owner, time_point now) const;
  // Every breach logged, oldest first; filtered by owner and local month when given.
  std::vector<const clock_signal*> breaches(std::optional<department> owner, std::optional<month> period,
                                            const working_calendar& calendar) const;
  std::vector<breach_count> breach_counts(const working_calendar& calendar) const;
  // The warnings and breaches logged for `owner` (nullopt: everyone), newest
  // first, at most `limit`: what the department was told.
  std::vector<const clock_signal*> notices(std::optional<department> owner, std::size_t limit) const;
  std::vector<callback_rate> callback_rates(const working_calendar& calendar) const;

  // The book as a projection snapshot holds it (snapshot.cpp): the items,
  // the clocks, the signals logged and the feed's ids; the signal schedule
  // and the breaches are rebuilt from them. from_json answers errc::internal
  // for a value it cannot read.
  boost::json::value to_json() const;
  [[nodiscard]] static expected<work_book> from_json(const boost::json::value& v);
  friend bool operator==(const work_book&, const work_book&) = default;

 private:
  using clock_key = std::tuple<std::string, step, unsigned>;
  void open_clocks(std::string_view item, const std::vector<clock_spec>& specs, time_point at);
  void complete(std::string_view item, step what, unsigned round, time_point at);
  void reschedule(const clock_key& key);
  status apply_sla(std::string_view type, time_point at, std::string_view payload);
  status apply_notification(std::string_view type, std::string_view payload);

  std::map<std::uint64_t, outage> outages_;
  std::map<std::uint64_t, planned_notice> planned_;
  std::map<std::uint64_t, complaint> complaints_;
  std::map<std::uint64_t, callback> callbacks_;
  std::map<std::uint64_t, analysis> analyses_;
  std::map<clock_key, work_clock> clocks_;
  std::set<std::pair<time_point, clock_key>> schedule_;  // each clock's next unfired signal instant
  std::map<clock_key, time_point> scheduled_at_;
  std::vector<clock_signal> breaches_;
  std::vector<clock_signal> signals_;  // every warning and breach, as logged
  std::map<std::string, std::uint64_t, std::less<>> by_source_ref_;
  std::map<std::string, std::string, std::less<>> by_source_event_;
  std::map<std::string, std::uint64_t, std::less<>> callback_by_cause_;
};

}  // namespace gridcoord::domain::sla
