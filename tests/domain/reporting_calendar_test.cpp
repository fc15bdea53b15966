#include <catch2/catch.hpp>

#include "domain/reporting_calendar.hpp"
#include "support/national_day.hpp"

using namespace gridcoord::domain;
using std::chrono::year;

using gridcoord::testing::at;
using gridcoord::testing::ymd;

namespace {

reporting_calendar lanhai() { return gridcoord::testing::national_day_2026(); }

const month september = gridcoord::testing::september_2026;

}  // namespace

TEST_CASE("M4 for 2026-09 is due at the end of 2026-10-13, after National Day", "[domain][reporting]") {
  auto rc = lanhai();
  CHECK(rc.due_day("load_statistics", september) == ymd(2026, 10, 13));
  CHECK(rc.due_at("load_statistics", september) == at("2026-10-13T16:00:00Z"));  // 2026-10-14 00:00 +08:00
  auto s = rc.schedule("load_statistics", september);
  CHECK(s.month_ends == at("2026-09-30T16:00:00Z"));
  CHECK(s.due_at == rc.due_at("load_statistics", september));
}

TEST_CASE("a kind without a rule of its own follows the default rule", "[domain][reporting]") {
  auto rc = lanhai();
  CHECK(rc.due_day("a_kind_added_later", september) == rc.due_day("load_statistics", september));
  CHECK(rc.rules().rule_for("a_kind_added_later") == rc.rules().default_rule);
}

TEST_CASE("a fixed-day rule is due on that day of the following month", "[domain][reporting]") {
  auto rc = lanhai();
  CHECK(rc.due_day("service_figures", september) == ymd(2026, 10, 10));
  CHECK(rc.due_day("service_figures", month{year{2026}, std::chrono::December}) == ymd(2027, 1, 10));
  CHECK(rc.due_at("service_figures", month{year{2026}, std::chrono::October}) == at("2026-11-10T16:00:00Z"));
}

TEST_CASE("reminders go out at 09:00 local, working days before the due day", "[domain][reporting]") {
  auto rc = lanhai();
  // Due 2026-10-13 (Tuesday): 1 working day before is Monday 10-12, 3 before
  // is Friday 10-09 (Saturday 10-10 is a make-up working day, the 2nd).
  std::vector<time_point> expected{at("2026-10-09T01:00:00Z"), at("2026-10-12T01:00:00Z")};
  CHECK(rc.reminders("load_statistics", september) == expected);
  // service_figures for 2026-09, due Saturday 10-10 (a make-up working day):
  // 3 working days before are 10-09, 10-08, then back over the National Day
  // week to 09-30.
  std::vector<time_point> fixed{at("2026-09-30T01:00:00Z")};
  CHECK(rc.reminders("service_figures", september) == fixed);
}

TEST_CASE("status changes exactly at month end and at the due instant", "[domain][reporting]") {
  auto rc = lanhai();
  struct row {
    const char* now;
    const char* submitted;  // nullptr: none
    report_status expected;
  };
  const row table[] = {
      {"2026-09-30T15:59:59.999999Z", nullptr, report_status::not_yet_due},
      {"2026-09-30T16:00:00Z", nullptr, report_status::open},
      {"2026-10-13T15:59:59.999999Z", nullptr, report_status::open},
      {"2026-10-13T16:00:00Z", nullptr, report_status::missing},
      {"2026-12-01T00:00:00Z", nullptr, report_status::missing},
      {"2026-10-20T00:00:00Z", "2026-10-13T15:59:59.999999Z", report_status::on_time},
      {"2026-10-20T00:00:00Z", "2026-10-13T16:00:00Z", report_status::late},
      {"2026-10-13T16:00:00Z", "2026-10-13T16:00:00Z", report_status::late},
      {"2026-09-20T00:00:00Z", "2026-09-15T00:00:00Z", report_status::on_time},  // before month end
      {"2026-10-13T15:00:00Z", "2026-10-20T00:00:00Z", report_status::open},     // not known yet
      {"2026-10-14T00:00:00Z", "2026-10-20T00:00:00Z", report_status::missing},  // not known yet
  };
  for (const auto& r : table) {
    std::optional<time_point> submitted;
    if (r.submitted) submitted = at(r.submitted);
    INFO("now " << r.now << ", submitted " << (r.submitted ? r.submitted : "never"));
    CHECK(to_string(rc.status("load_statistics", september, submitted, at(r.now))) ==
          std::string(to_string(r.expected)));
  }
}
