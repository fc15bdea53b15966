#pragma once
// config/calendar_files.hpp — the working-day calendar and the reporting rules,
// read from their TOML files (config/calendars/*.toml, config/reporting.toml;
// the formats are in docs/calendar.md).
//
// [Threading] Plain functions; no shared state.
// [Errors]    Every problem is a load_error naming the file, the line and the
//             key: a syntax error, an unknown key, a wrong type, a date outside
//             the years the file covers, a make-up day that is not a Saturday or
//             Sunday, a rule with neither or both of due_working_day and
//             due_day_of_month. An unknown time zone names time.zone.
// [Limits]    Due working day 1..60, fixed due day 1..28, reminder offsets 0..60.
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "config/settings.hpp"
#include "domain/calendar.hpp"
#include "domain/reporting_calendar.hpp"

namespace gridcoord::config {

// A calendar file's days over Saturday/Sunday weekends in the IANA zone `zone`.
[[nodiscard]] gridcoord::expected<domain::working_calendar, load_error> parse_calendar_file(
    std::string_view toml, const std::string& origin, std::string_view zone);
[[nodiscard]] gridcoord::expected<domain::working_calendar, load_error> load_calendar_file(
    const std::string& path, std::string_view zone);

// The reporting rules of a reporting file.
[[nodiscard]] gridcoord::expected<domain::reporting_rules, load_error> parse_reporting_file(
    std::string_view toml, const std::string& origin);
[[nodiscard]] gridcoord::expected<domain::reporting_rules, load_error> load_reporting_file(
    const std::string& path);

struct loaded_reporting_calendar {
  domain::reporting_calendar calendar;
  std::vector<std::string> notes;  // for the start-up log, e.g. which years have holidays
};

// Both files of settings.calendar in the zone of settings.time (relative paths
// are relative to the working directory, as storage.data_dir is). A shipped
// file (config/shipped_files.hpp) that is not there is taken from the copy
// built into the binary, with a note.
[[nodiscard]] gridcoord::expected<loaded_reporting_calendar, load_error> load_reporting_calendar(
    const settings& s);

}  // namespace gridcoord::config
