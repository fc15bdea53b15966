#pragma once
// domain/reporting_calendar.hpp — when each monthly report is due, when to
// remind, and where a department stands for a month.
//
// A due_rule per report kind (by id, as text: the catalogue is not consulted;
// a kind without a rule of its own follows the default rule). A report for
// month M is due on working day N after M ends, or on a fixed day of the
// month after M. It is on time when first submitted before due_at: the
// instant the due day ends, i.e. local midnight at the start of the next
// calendar day (docs/calendar.md). Reminders go out at a local time of day,
// k working days before the due day.
// [Threading] Immutable after construction; safe to share.
// [Errors]    None: rules are checked where they are loaded
//             (config/reporting_file.hpp); the functions here are total.
// [Limits]    Fixed due days 1..28, so that every month has one.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar.hpp"
#include "domain/clock.hpp"
#include "domain/month.hpp"

namespace gridcoord::domain {

struct due_rule {
  enum class basis { working_day, day_of_month };
  basis by = basis::working_day;
  unsigned n = 5;  // working day n after month end (1..), or day n (1..28) of the next month
  std::vector<unsigned> reminders_working_days_before{3, 1};  // 0: on the due day itself
  friend bool operator==(const due_rule&, const due_rule&) = default;
};

struct reporting_rules {
  due_rule default_rule;
  std::map<std::string, due_rule, std::less<>> per_kind;  // kind id -> its own rule
  std::chrono::minutes reminder_time{9 * 60};              // local time of day reminders go out

  // The kind's own rule, or the default one.
  const due_rule& rule_for(std::string_view kind) const;
};

enum class report_status {
  not_yet_due,  // the month has not ended, nothing submitted
  open,         // the month has ended, not submitted, before due_at
  on_time,      // first submitted before due_at
  late,         // first submitted at or after due_at
  missing,      // not submitted, and due_at has passed
};

// "not_yet_due", "open", "on_time", "late", "missing".
const char* to_string(report_status s) noexcept;

// Everything about one kind's report for one month.
struct report_schedule {
  local_date due_day;                // the last local day it is on time
  time_point month_ends;             // the instant the month ends (the next one begins)
  time_point due_at;                 // the instant the due day ends
  std::vector<time_point> reminders;  // earliest first
  friend bool operator==(const report_schedule&, const report_schedule&) = default;
};

class reporting_calendar {
 public:
  reporting_calendar(working_calendar calendar, reporting_rules rules)
      : calendar_(std::move(calendar)), rules_(std::move(rules)) {}

  const working_calendar& calendar() const noexcept { return calendar_; }
  const reporting_rules& rules() const noexcept { return rules_; }

  local_date due_day(std::string_view kind, month m) const;
  time_point due_at(std::string_view kind, month m) const;
  std::vector<time_point> reminders(std::string_view kind, month m) const;
  report_schedule schedule(std::string_view kind, month m) const;

  // Where a department's report of `kind` for `m` stands at `now`, given its
  // first submission, if any. A submission later than `now` is not known yet
  // and counts as none, so that status is a function of the time it is asked.
  report_status status(std::string_view kind, month m, std::optional<time_point> first_submission,
                       time_point now) const;

 private:
  working_calendar calendar_;
  reporting_rules rules_;
};

// The same, for a schedule already computed (e.g. one row of a cycle matrix).
report_status status_at(const report_schedule& s, std::optional<time_point> first_submission,
                        time_point now) noexcept;

}  // namespace gridcoord::domain
