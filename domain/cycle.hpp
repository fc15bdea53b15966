#pragma once
// domain/cycle.hpp — the monthly cycle as it runs: which reminders and late
// notices are due at an instant, the book of those already sent, and the
// status matrix of one month (departments × the kinds each sends).
//
// A reminder of report (kind, M) goes to the kind's sender at each of the
// reporting calendar's reminder instants, unless the report was submitted
// before that instant; a reminder whose report is already due (the instant
// it is checked is at or after due_at) is not sent: the late notice replaces
// it. The late notice goes at due_at unless the report was submitted before.
// The cycle runs from its start (the instant of the log's first event): a
// notice scheduled before it is never sent, so a new installation does not
// send late notices for months it never saw. Each notice has a stable id, so
// a logged notice is never sent again, and notices whose instant passed while
// nobody checked (the server was down) are all due at the next check.
// [Threading] Plain values; a cycle_book has one owner at a time.
// [Errors]    apply_event reports an unreadable payload as errc::internal and
//             leaves the book unchanged; the other functions are total.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/book.hpp"
#include "domain/calendar_coverage.hpp"
#include "domain/clock.hpp"
#include "domain/department.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/reporting_calendar.hpp"

namespace gridcoord::domain {

enum class notice_type { reminder, late_notice };

// "reminder", "late_notice".
const char* to_string(notice_type t) noexcept;

struct cycle_notice {
  notice_type type = notice_type::reminder;
  department to = department::marketing;  // the kind's sender
  std::string kind;                       // "large_customer_demand"
  std::string flow;                       // "M1"
  month period{};
  time_point scheduled_at{};              // when it is due to go out
  time_point due_at{};                    // when the report is due
  unsigned working_days_before = 0;       // reminders: the rule's offset
  friend bool operator==(const cycle_notice&, const cycle_notice&) = default;

  // "reminder/large_customer_demand/2026-11/3", "late_notice/large_customer_demand/2026-11".
  std::string id() const;
};

// Events of the cycle, in stream "cycle/<department>".
inline constexpr std::string_view reminder_type = "cycle.reminder";
inline constexpr std::string_view late_notice_type = "cycle.late_notice";
std::string cycle_stream(department d);
std::string_view event_type_of(notice_type t) noexcept;
std::string encode(const cycle_notice& n);

// A notice as the log holds it: when it was written, and by which event.
struct sent_notice {
  time_point at{};
  std::uint64_t seq = 0;
  friend bool operator==(const sent_notice&, const sent_notice&) = default;
};

class cycle_book {
 public:
  // nullptr when the notice with that id was not sent.
  const sent_notice* find(const std::string& id) const;
  std::size_t sent_count() const noexcept { return sent_.size(); }

  // Applies one logged notice; other events are ignored, and so is a second
  // copy of a notice (the first one counts).
  [[nodiscard]] status apply_event(std::string_view type, std::uint64_t seq, time_point at,
                                   std::string_view payload);

  // Snapshot form; from_json(to_json()) equals the original.
  boost::json::value to_json() const;
  [[nodiscard]] static expected<cycle_book> from_json(const boost::json::value& v);

  friend bool operator==(const cycle_book&, const cycle_book&) = default;

 private:
  std::map<std::string, sent_notice> sent_;  // by notice id
};

// A report's first and latest submission, as its sender's book has it.
struct submission_summary {
  department sender = department::marketing;
  std::string kind;
  month period{};
  time_point first_at{};
  std::uint32_t latest_version = 0;
  time_point latest_at{};
  friend bool operator==(const submission_summary&, const submission_summary&) = default;
};

// The reports `book`'s department sent for the months from..to, by stream.
std::vector<submission_summary> sent_summaries(const department_book& book, month from, month to);

// The first submission of (kind, month), if any.
using first_submission_lookup = std::function<std::optional<time_point>(std::string_view kind, month m)>;

// How many months before the cycle's start a report month may lie and still
// have a notice after it (due days are at most 60 working days after month end).
inline constexpr int notice_months_back = 4;

// The notices scheduled in [since, now] that `book` has not sent and
// `pending` does not hold, and that are due (above), in scheduled order, then id.
std::vector<cycle_notice> due_notices(const reporting_calendar& calendar, const cycle_book& book,
                                      time_point since, const first_submission_lookup& submitted,
                                      const std::function<bool(const std::string&)>& pending,
                                      time_point now);

// The earliest instant after max(now, since) at which a notice is scheduled.
std::optional<time_point> next_notice_at(const reporting_calendar& calendar, time_point since, time_point now);

// One notice of a matrix entry, sent or not.
struct notice_state {
  time_point scheduled_at{};
  unsigned working_days_before = 0;
  std::optional<sent_notice> sent;
  friend bool operator==(const notice_state&, const notice_state&) = default;
};

// One department's report of one kind for the matrix's month.
struct cycle_entry {
  department sender = department::marketing;
  std::string kind;
  std::string flow;
  report_schedule schedule;
  report_status status = report_status::not_yet_due;
  std::optional<submission_summary> submission;
  std::vector<notice_state> reminders;  // earliest first
  notice_state late_notice;             // scheduled at due_at
  friend bool operator==(const cycle_entry&, const cycle_entry&) = default;
};

struct cycle_matrix {
  month period{};
  time_point as_of{};
  std::string time_zone;
  time_point since{};  // the cycle's start: no notice scheduled before it is sent
  std::vector<cycle_entry> entries;  // by department (all_departments order), then catalogue order
  // The years of its due days and reminders that the calendar has no holidays
  // for (domain/calendar_coverage.hpp): those dates may be wrong.
  year_list uncovered_years;
  friend bool operator==(const cycle_matrix&, const cycle_matrix&) = default;
};

// The matrix of month `m` at `now` from the senders' submissions of `m`.
cycle_matrix build_cycle_matrix(const reporting_calendar& calendar, const cycle_book& book, time_point since,
                                month m, const std::vector<submission_summary>& submissions, time_point now);

}  // namespace gridcoord::domain
