#include <catch2/catch.hpp>

#include "config/calendar_files.hpp"
#include "config/shipped_files.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace gridcoord;
using namespace gridcoord::config;
using domain::local_date;
using std::chrono::year;

namespace {

const std::string config_dir = GRIDCOORD_CONFIG_DIR;

local_date ymd(int y, unsigned m, unsigned d) {
  return local_date{year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

domain::month month_of(int y, unsigned m) { return domain::month{year{y}, std::chrono::month{m}}; }

std::string calendar_error(const std::string& toml, const std::string& zone = "Asia/Shanghai") {
  auto cal = parse_calendar_file(toml, "cal.toml", zone);
  return cal ? std::string("(loaded)") : cal.error().message;
}

std::string reporting_error(const std::string& toml) {
  auto rules = parse_reporting_file(toml, "rep.toml");
  return rules ? std::string("(loaded)") : rules.error().message;
}

}  // namespace

TEST_CASE("the shipped 2026 calendar holds the State Council's arrangement", "[config][calendar]") {
  auto cal = load_calendar_file(config_dir + "/calendars/cn-2026.toml", "Asia/Shanghai");
  REQUIRE(cal);
  CHECK(cal->days().holidays.size() == 3 + 9 + 3 + 5 + 3 + 3 + 7);
  std::set<local_date> make_up{ymd(2026, 1, 4),  ymd(2026, 2, 14), ymd(2026, 2, 28),
                               ymd(2026, 5, 9),  ymd(2026, 9, 20), ymd(2026, 10, 10)};
  CHECK(cal->days().make_up_days == make_up);
  CHECK(cal->covers(year{2026}));
  CHECK_FALSE(cal->covers(year{2027}));
  CHECK(cal->nth_working_day_after_month_end(month_of(2026, 9), 5) == ymd(2026, 10, 13));
  CHECK(cal->nth_working_day_after_month_end(month_of(2026, 1), 12) == ymd(2026, 2, 24));
  CHECK(cal->nth_working_day_after_month_end(month_of(2026, 4), 1) == ymd(2026, 5, 6));  // May Day week
}

TEST_CASE("the shipped Monday-to-Friday calendar has no holidays in any year", "[config][calendar]") {
  auto cal = load_calendar_file(config_dir + "/calendars/mon-fri.toml", "Europe/Berlin");
  REQUIRE(cal);
  CHECK(cal->covers(year{2031}));
  CHECK(cal->is_working_day(ymd(2026, 10, 1)));
  CHECK_FALSE(cal->is_working_day(ymd(2026, 10, 10)));
  CHECK(cal->zone_name() == "Europe/Berlin");
}

TEST_CASE("a calendar file's mistakes name the file, line and key", "[config][calendar]") {
  CHECK(calendar_error("years = [2026]\nholidays = []\n") == "cal.toml:2: holidays is not a known key");
  CHECK(calendar_error("name = \"x\"\n") == "cal.toml:1: years is missing (a list of years, or \"all\")");
  CHECK(calendar_error("years = [2026]\n[[holiday]]\nfrom = 2026-10-01\nto = 2026-10-07\nmake_up = [2026-10-12]\n") ==
        "cal.toml:5: holiday[1].make_up 2026-10-12 is not a Saturday or Sunday");
  CHECK(calendar_error("years = [2026]\n[[holiday]]\nfrom = 2027-01-01\nto = 2027-01-01\n") ==
        "cal.toml:3: holiday[1].from 2027-01-01 is outside the years the file covers");
  CHECK(calendar_error("years = [2026]\n[[holiday]]\nfrom = 2026-10-07\nto = 2026-10-01\n") ==
        "cal.toml:4: holiday[1].to is before from");
  CHECK(calendar_error("years = [2026]\n[[holiday]]\nfrom = \"2026-10-01\"\nto = 2026-10-01\n") ==
        "cal.toml:3: holiday[1].from must be a date (2026-10-01)");
  CHECK(calendar_error("years = [2026]\n[[holiday]]\nform = 2026-10-01\n") ==
        "cal.toml:3: holiday[1].form is not a known key");
  CHECK(calendar_error("years = [2026\n").rfind("cal.toml:1", 0) == 0);
  CHECK(calendar_error("years = \"all\"\n", "Mars/Olympus").find("time.zone: unknown time zone 'Mars/Olympus'") == 0);
  CHECK_FALSE(load_calendar_file("/nonexistent/cal.toml", "Asia/Shanghai"));
}

TEST_CASE("the shipped reporting rules: working day 5, reminders 3 and 1 before at 09:00", "[config][reporting]") {
  auto rules = load_reporting_file(config_dir + "/reporting.toml");
  REQUIRE(rules);
  domain::due_rule expected{domain::due_rule::basis::working_day, 5, {3, 1}};
  CHECK(rules->default_rule == expected);
  CHECK(rules->reminder_time == std::chrono::minutes{9 * 60});
  CHECK(rules->rule_for("load_statistics") == expected);
  CHECK(rules->per_kind.contains("large_customer_demand"));
  CHECK(rules->rule_for("not_listed") == expected);
}

TEST_CASE("a kind's rule in the reporting file overrides the default", "[config][reporting]") {
  auto rules = parse_reporting_file(
      "[default]\ndue_working_day = 7\nreminders_working_days_before = [2]\n"
      "[kinds.service_figures]\ndue_day_of_month = 10\n"
      "[kinds.load_statistics]\ndue_working_day = 3\nreminders_working_days_before = []\n",
      "rep.toml");
  REQUIRE(rules);
  CHECK(rules->rule_for("anything") == domain::due_rule{domain::due_rule::basis::working_day, 7, {2}});
  CHECK(rules->rule_for("service_figures") == domain::due_rule{domain::due_rule::basis::day_of_month, 10, {2}});
  CHECK(rules->rule_for("load_statistics") == domain::due_rule{domain::due_rule::basis::working_day, 3, {}});
}

TEST_CASE("a reporting file's mistakes name the file, line and key", "[config][reporting]") {
  CHECK(reporting_error("[default]\ndue_working_day = 5\ndue_day_of_month = 10\n") ==
        "rep.toml:1: default.due_working_day or due_day_of_month: give exactly one");
  CHECK(reporting_error("[kinds.m4]\ndue_working_days = 5\n") == "rep.toml:2: kinds.m4.due_working_days is not a known key");
  CHECK(reporting_error("[kinds.m8]\ndue_day_of_month = 31\n") == "rep.toml:2: kinds.m8.due_day_of_month must be a whole number 1..28");
  CHECK(reporting_error("[kinds.Load-Statistics]\ndue_working_day = 5\n") ==
        "rep.toml:1: kinds.Load-Statistics must be a [kinds.<snake_case kind id>] table");
  CHECK(reporting_error("reminder_time = \"9:00\"\n") == "rep.toml:1: reminder_time must be a local time \"HH:MM\"");
  CHECK(reporting_error("[default]\ndue_working_day = 5\nreminders_working_days_before = [3, -1]\n") ==
        "rep.toml:3: default.reminders_working_days_before must be a whole number 0..60");
  CHECK(reporting_error("remind_at = \"09:00\"\n") == "rep.toml:1: remind_at is not a known key");
}

TEST_CASE("settings load the calendar and the reporting rules together", "[config][calendar]") {
  settings s;
  s.calendar.file = config_dir + "/calendars/cn-2026.toml";
  s.calendar.reporting_file = config_dir + "/reporting.toml";
  auto loaded = load_reporting_calendar(s);
  REQUIRE(loaded);
  CHECK(loaded->calendar.due_day("load_statistics", month_of(2026, 9)) == ymd(2026, 10, 13));
  REQUIRE(loaded->notes.size() == 1);
  CHECK(loaded->notes[0].find("holidays for 2026; any other year counts Saturdays and Sundays only") !=
        std::string::npos);
  s.time.zone = "Nowhere/Special";
  CHECK_FALSE(load_reporting_calendar(s));
}

TEST_CASE("the shipped files are built in, for a server started outside the source tree", "[config][calendar]") {
  for (const char* name : {"calendars/cn-2026.toml", "calendars/mon-fri.toml", "reporting.toml"}) {
    std::ifstream in(config_dir + "/" + name, std::ios::binary);
    std::string on_disk{std::istreambuf_iterator<char>(in), {}};
    auto built_in = shipped_file(std::string("config/") + name);
    REQUIRE(built_in);
    CHECK(*built_in == on_disk);
  }
  CHECK_FALSE(shipped_file("config/calendars/cn-2027.toml"));
  CHECK_FALSE(shipped_file("/etc/gridcoord/reporting.toml"));

  // The default settings name the shipped files relative to the working
  // directory; run where there are none.
  struct scoped_cwd {
    std::filesystem::path before = std::filesystem::current_path();
    explicit scoped_cwd(const std::filesystem::path& p) { std::filesystem::current_path(p); }
    ~scoped_cwd() { std::filesystem::current_path(before); }
  } cwd{std::filesystem::temp_directory_path()};
  settings s;
  REQUIRE_FALSE(std::filesystem::exists(s.calendar.file));
  auto loaded = load_reporting_calendar(s);
  REQUIRE(loaded);
  CHECK(loaded->calendar.due_day("load_statistics", month_of(2026, 9)) == ymd(2026, 10, 13));
  REQUIRE(loaded->notes.size() == 3);
  CHECK(loaded->notes[0].find("config/calendars/cn-2026.toml is not in ") == 0);
  CHECK(loaded->notes[0].find("using the copy built into gridcoord") != std::string::npos);

  s.calendar.reporting_file = "config/elsewhere.toml";  // not shipped: an error, as before
  CHECK(load_reporting_calendar(s).error().message == "config/elsewhere.toml: cannot be read");
}
