#include <catch2/catch.hpp>

#include <algorithm>

#include "domain/cycle.hpp"
#include "domain/report.hpp"
#include "support/national_day.hpp"

using namespace gridcoord::domain;
using gridcoord::testing::at;
using gridcoord::testing::national_day_2026;
using gridcoord::testing::september_2026;

namespace {

// The cycle started after August's notices and before September's.
const auto since = *parse_rfc3339("2026-09-15T00:00:00Z");

const auto nothing_submitted = [](std::string_view, month) { return std::optional<time_point>{}; };
const auto nothing_pending = [](const std::string&) { return false; };

std::vector<std::string> ids_of(const std::vector<cycle_notice>& notices) {
  std::vector<std::string> out;
  for (const auto& n : notices) out.push_back(n.id());
  return out;
}

bool holds(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Logs `notices` into `book` as events seq, seq+1, … at `when`.
void log_into(cycle_book& book, const std::vector<cycle_notice>& notices, std::uint64_t seq, time_point when) {
  for (const auto& n : notices) REQUIRE(book.apply_event(event_type_of(n.type), seq++, when, encode(n)));
}

submission_summary submitted(department d, std::string kind, time_point first) {
  return {d, std::move(kind), september_2026, first, 1, first};
}

}  // namespace

TEST_CASE("the first reminders of September go out at 09:00 local, three working days before", "[domain][cycle]") {
  auto rc = national_day_2026();
  cycle_book book;
  CHECK(due_notices(rc, book, since, nothing_submitted, nothing_pending, at("2026-10-09T00:59:59Z")) .size() == 1);
  auto due = due_notices(rc, book, since, nothing_submitted, nothing_pending, at("2026-10-09T01:00:00Z"));
  // M8's reminder went out on 09-30; the six kinds due on working day 5 remind now.
  REQUIRE(due.size() == 7);
  CHECK(due.front().id() == "reminder/service_figures/2026-09/3");
  CHECK(due.front().scheduled_at == at("2026-09-30T01:00:00Z"));
  CHECK(due.front().to == department::customer_service);
  for (std::size_t i = 1; i < due.size(); ++i) {
    CHECK(due[i].type == notice_type::reminder);
    CHECK(due[i].scheduled_at == at("2026-10-09T01:00:00Z"));
    CHECK(due[i].due_at == at("2026-10-13T16:00:00Z"));
    CHECK(due[i].working_days_before == 3);
  }
  auto m4 = std::find_if(due.begin(), due.end(), [](const auto& n) { return n.kind == "load_statistics"; });
  REQUIRE(m4 != due.end());
  CHECK(m4->to == department::dispatch);
  CHECK(m4->flow == "M4");
}

TEST_CASE("a notice once logged or pending is not due again", "[domain][cycle]") {
  auto rc = national_day_2026();
  cycle_book book;
  auto now = at("2026-10-09T01:00:00Z");
  auto due = due_notices(rc, book, since, nothing_submitted, nothing_pending, now);
  log_into(book, due, 10, now);
  CHECK(book.sent_count() == due.size());
  CHECK(due_notices(rc, book, since, nothing_submitted, nothing_pending, now).empty());

  cycle_book fresh;
  auto pending = [](const std::string& id) { return id.starts_with("reminder/load_statistics/"); };
  auto ids = ids_of(due_notices(rc, fresh, since, nothing_submitted, pending, now));
  CHECK(ids.size() == due.size() - 1);
  CHECK_FALSE(holds(ids, "reminder/load_statistics/2026-09/3"));
}

TEST_CASE("a report submitted before a reminder's instant gets no reminder, one submitted after does", "[domain][cycle]") {
  auto rc = national_day_2026();
  cycle_book book;
  auto m1_at = at("2026-10-09T00:59:00Z");
  auto lookup = [&](std::string_view kind, month) {
    return kind == "large_customer_demand" ? std::optional{m1_at} : std::nullopt;
  };
  auto ids = ids_of(due_notices(rc, book, since, lookup, nothing_pending, at("2026-10-09T01:00:00Z")));
  CHECK_FALSE(holds(ids, "reminder/large_customer_demand/2026-09/3"));
  CHECK(holds(ids, "reminder/load_statistics/2026-09/3"));

  m1_at = at("2026-10-09T01:00:00Z");  // at the instant itself: the reminder was due first
  ids = ids_of(due_notices(rc, book, since, lookup, nothing_pending, at("2026-10-09T02:00:00Z")));
  CHECK(holds(ids, "reminder/large_customer_demand/2026-09/3"));
}

TEST_CASE("late notices go out at due_at to the senders that have not submitted", "[domain][cycle]") {
  auto rc = national_day_2026();
  cycle_book book;
  auto before_due = at("2026-10-13T15:59:59Z");
  log_into(book, due_notices(rc, book, since, nothing_submitted, nothing_pending, before_due), 1, before_due);
  auto on_time = at("2026-10-13T15:59:59Z");  // 23:59:59 local on the due day
  auto lookup = [&](std::string_view kind, month) {
    return kind == "load_statistics" ? std::optional{on_time} : std::nullopt;
  };
  auto due = due_notices(rc, book, since, lookup, nothing_pending, at("2026-10-13T16:00:00Z"));
  auto ids = ids_of(due);
  CHECK(due.size() == 5);  // six kinds due 10-13, M4 on time; M8's notice went on 10-10
  CHECK_FALSE(holds(ids, "late_notice/load_statistics/2026-09"));
  CHECK(holds(ids, "late_notice/large_customer_demand/2026-09"));
  for (const auto& n : due) {
    CHECK(n.type == notice_type::late_notice);
    CHECK(n.scheduled_at == at("2026-10-13T16:00:00Z"));
  }
}

TEST_CASE("after a long silence the late notices are due at once and stale reminders are not", "[domain][cycle]") {
  auto rc = national_day_2026();
  cycle_book book;  // nothing was ever sent
  auto due = due_notices(rc, book, since, nothing_submitted, nothing_pending, at("2026-11-01T00:00:00Z"));
  for (const auto& n : due) CHECK(n.type == notice_type::late_notice);
  auto ids = ids_of(due);
  CHECK(holds(ids, "late_notice/service_figures/2026-09"));
  CHECK(holds(ids, "late_notice/load_statistics/2026-09"));
  CHECK(due.size() == 7);  // October's first reminders are on 2026-11-03
  CHECK(due.front().scheduled_at == at("2026-10-10T16:00:00Z"));  // M8 first: due on the 10th
}

TEST_CASE("notices scheduled before the cycle started are never sent", "[domain][cycle]") {
  auto rc = national_day_2026();
  cycle_book book;
  // Installed on 10-12 at noon: the reminders of 09-30 and 10-09 had passed.
  auto started = at("2026-10-12T04:00:00Z");
  auto ids = ids_of(due_notices(rc, book, started, nothing_submitted, nothing_pending, at("2026-10-20T00:00:00Z")));
  CHECK(ids.size() == 6);  // six late notices of 10-13; M8's (10-10) came before the start
  CHECK_FALSE(holds(ids, "late_notice/service_figures/2026-09"));
  CHECK(holds(ids, "late_notice/load_statistics/2026-09"));
  CHECK(next_notice_at(rc, started, at("2026-10-01T00:00:00Z")) == at("2026-10-13T16:00:00Z"));
}

TEST_CASE("the next notice instant is the earliest one still ahead", "[domain][cycle]") {
  auto rc = national_day_2026();
  CHECK(next_notice_at(rc, since, at("2026-09-15T00:00:00Z")) == at("2026-09-30T01:00:00Z"));
  CHECK(next_notice_at(rc, since, at("2026-09-30T01:00:00Z")) == at("2026-10-09T01:00:00Z"));
  CHECK(next_notice_at(rc, since, at("2026-10-10T16:00:00Z")) == at("2026-10-12T01:00:00Z"));
  CHECK(next_notice_at(rc, since, at("2026-10-13T16:00:00Z")) == at("2026-11-03T01:00:00Z"));  // October's first
}

TEST_CASE("the cycle book keeps each notice once, through a snapshot", "[domain][cycle]") {
  auto rc = national_day_2026();
  cycle_book book;
  auto due = due_notices(rc, book, since, nothing_submitted, nothing_pending, at("2026-10-09T01:00:00Z"));
  log_into(book, due, 3, at("2026-10-09T01:00:05Z"));
  log_into(book, due, 50, at("2026-10-09T02:00:00Z"));  // a second copy changes nothing
  const auto* sent = book.find("reminder/load_statistics/2026-09/3");
  REQUIRE(sent);
  CHECK(sent->at == at("2026-10-09T01:00:05Z"));
  CHECK(sent->seq < 50);
  auto copy = cycle_book::from_json(book.to_json());
  REQUIRE(copy);
  CHECK(*copy == book);
  CHECK(book.apply_event(reminder_type, 60, at("2026-10-09T02:00:00Z"), R"({"kind":1})").error().code ==
        errc::internal);
  CHECK(book.apply_event("report.submitted", 61, at("2026-10-09T02:00:00Z"), "not ours"));
}

TEST_CASE("the matrix gives every department's kinds with status, due date, submission and notices", "[domain][cycle]") {
  auto rc = national_day_2026();
  cycle_book book;
  auto reminded = at("2026-10-09T01:00:00Z");
  log_into(book, due_notices(rc, book, since, nothing_submitted, nothing_pending, reminded), 1, reminded);
  std::vector<submission_summary> subs{
      submitted(department::dispatch, "load_statistics", at("2026-10-13T15:59:59Z")),   // on time, by a second
      submitted(department::planning, "regional_development", at("2026-10-13T16:00:00Z")),  // late
  };
  auto m = build_cycle_matrix(rc, book, since, september_2026, subs, at("2026-10-14T03:00:00Z"));
  CHECK(m.time_zone == "Asia/Shanghai");
  REQUIRE(m.entries.size() == report_catalogue().size());
  CHECK(m.entries.front().sender == department::planning);
  CHECK(m.entries.back().sender == department::customer_service);
  auto entry = [&](std::string_view kind) -> const cycle_entry& {
    auto it = std::find_if(m.entries.begin(), m.entries.end(), [&](const auto& e) { return e.kind == kind; });
    REQUIRE(it != m.entries.end());
    return *it;
  };
  CHECK(entry("load_statistics").status == report_status::on_time);
  CHECK(entry("regional_development").status == report_status::late);
  CHECK(entry("regional_development").submission->first_at == at("2026-10-13T16:00:00Z"));
  const auto& m1 = entry("large_customer_demand");
  CHECK(m1.status == report_status::missing);
  CHECK_FALSE(m1.submission);
  CHECK(m1.schedule.due_day == gridcoord::testing::ymd(2026, 10, 13));
  REQUIRE(m1.reminders.size() == 2);
  CHECK(m1.reminders[0].scheduled_at == reminded);
  CHECK(m1.reminders[0].working_days_before == 3);
  CHECK(m1.reminders[0].sent->at == reminded);
  CHECK(m1.reminders[1].scheduled_at == at("2026-10-12T01:00:00Z"));
  CHECK_FALSE(m1.reminders[1].sent);  // never logged in this book
  CHECK(m1.late_notice.scheduled_at == at("2026-10-13T16:00:00Z"));
  CHECK_FALSE(m1.late_notice.sent);

  auto early = build_cycle_matrix(rc, book, since, september_2026, {}, at("2026-09-30T15:00:00Z"));
  CHECK(early.entries.front().status == report_status::not_yet_due);
  auto open = build_cycle_matrix(rc, book, since, september_2026, {}, at("2026-10-01T00:00:00Z"));
  CHECK(open.entries.front().status == report_status::open);
}

TEST_CASE("a matrix whose due days fall in a year without holidays says which year", "[domain][cycle][calendar]") {
  auto rc = national_day_2026();  // holidays for 2026 only
  cycle_book book;
  auto september = build_cycle_matrix(rc, book, since, september_2026, {}, at("2026-10-14T03:00:00Z"));
  CHECK(september.uncovered_years.empty());
  // December's reports are due in January 2027, counted as if 1 January were a working day.
  const month december{std::chrono::year{2026}, std::chrono::December};
  auto m = build_cycle_matrix(rc, book, since, december, {}, at("2026-12-07T00:25:00Z"));
  CHECK(m.entries.front().schedule.due_day == gridcoord::testing::ymd(2027, 1, 7));
  CHECK(m.uncovered_years == year_list{2027});
  // November's are due, and reminded, in December 2026: covered.
  const month november{std::chrono::year{2026}, std::chrono::November};
  CHECK(build_cycle_matrix(rc, book, since, november, {}, at("2026-12-07T00:25:00Z")).uncovered_years.empty());
}

TEST_CASE("a department's sent reports summarise first and latest submission per month", "[domain][cycle]") {
  department_book book{department::dispatch};
  auto version = [](std::uint32_t n, month m) {
    return report_version{department::dispatch, "load_statistics", m, n, {department::planning}, "tk", 1, {}};
  };
  auto october = september_2026 + std::chrono::months{1};
  book.apply(1, at("2026-10-10T02:00:00Z"), version(1, september_2026));
  book.apply(2, at("2026-10-15T02:00:00Z"), version(2, september_2026));
  book.apply(3, at("2026-11-03T02:00:00Z"), version(1, october));
  auto s = sent_summaries(book, september_2026, september_2026);
  REQUIRE(s.size() == 1);
  CHECK(s[0].sender == department::dispatch);
  CHECK(s[0].kind == "load_statistics");
  CHECK(s[0].first_at == at("2026-10-10T02:00:00Z"));
  CHECK(s[0].latest_version == 2);
  CHECK(s[0].latest_at == at("2026-10-15T02:00:00Z"));
  CHECK(sent_summaries(book, september_2026, october).size() == 2);
}
