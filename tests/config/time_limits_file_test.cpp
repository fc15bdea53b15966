#include <catch2/catch.hpp>

#include "config/settings.hpp"
#include "config/shipped_files.hpp"
#include "config/time_limits_file.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

using namespace gridcoord;
using namespace gridcoord::config;
using namespace std::chrono_literals;
using domain::local_date;
using domain::sla::late_notice_policy;
using domain::sla::limits;
using domain::sla::time_limit;

namespace {

const std::string config_dir = GRIDCOORD_CONFIG_DIR;

// The keys of one revision, restoration as given (12 lines).
std::vector<std::string> revision_keys(const std::string& urban, const std::string& rural) {
  return {"preliminary_notice = \"5 min\"",
          "cause_found = \"none\"",
          "customer_notice = \"15 min\"",
          "planned_lead = \"7 d\"",
          "temporary_lead = \"24 h\"",
          "late_notice = \"record_breach\"",
          "crew_arrival = { urban = \"45 min\", rural = \"90 min\", remote = \"120 min\" }",
          fmt::format("restoration = {{ urban = \"{}\", rural = \"{}\", remote = \"{}\" }}", urban, rural, rural),
          "forward = \"same day\"",
          "handling = { power_quality = \"5 working days\", supply_capacity = \"10 working days\", "
          "new_connection = \"5 working days\", outage = \"3 working days\" }",
          "callback = \"2 working days\"",
          "warnings_pct = [50, 75]"};
}

// A valid file whose line numbers the error cases below refer to: the
// document profile's revision keys are lines 5 to 16 (restoration: 12), the
// sgcc-2023 revision's header is line 21.
std::vector<std::string> valid_lines() {
  std::vector<std::string> out{"[profiles.document]", "description = \"The source's values\"", "",
                               "[profiles.document.revisions.\"2000-01-01\"]"};
  for (auto& l : revision_keys("4 h", "5 h")) out.push_back(l);
  for (std::string l : {"", "[profiles.sgcc-2023]", "description = \"SGCC 2023\"", "",
                        "[profiles.sgcc-2023.revisions.\"2023-01-01\"]"})
    out.push_back(l);
  for (auto& l : revision_keys("3 h", "4 h")) out.push_back(l);
  return out;
}

// The valid file with line `n` (1-based) replaced by `text` ("" blanks it).
std::string with_line(std::size_t n, const std::string& text) {
  auto lines = valid_lines();
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i + 1 == n ? text : lines[i]) + "\n";
  return out;
}

std::string error_of(const std::string& toml, const std::string& profile = "document") {
  auto c = parse_time_limits_file(toml, "tl.toml", profile);
  return c ? std::string("(loaded)") : c.error().message;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

time_limit minutes(std::chrono::minutes m) { return {.by = time_limit::basis::calendar, .duration = m}; }
time_limit working(unsigned n) { return {.by = time_limit::basis::working_days, .working_days = n}; }

local_date ymd(int y, unsigned m, unsigned d) {
  return local_date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// The shipped values of a revision from `from` with restoration urban / rural (remote = rural).
limits shipped(local_date from, std::chrono::minutes urban, std::chrono::minutes rural) {
  limits l;
  l.effective_from = from;
  l.preliminary_notice = minutes(5min);
  l.cause_found = std::nullopt;
  l.customer_notice = minutes(15min);
  l.planned_lead = 7 * 24h;
  l.temporary_lead = 24h;
  l.late_notice = late_notice_policy::record_breach;
  l.crew_arrival = {minutes(45min), minutes(90min), minutes(120min)};
  l.restoration = {minutes(urban), minutes(rural), minutes(rural)};
  l.forward = time_limit{.by = time_limit::basis::same_day};
  l.handling = {working(5), working(10), working(5), working(3)};
  l.callback = working(2);
  l.warning_fractions = {0.5, 0.75};
  return l;
}

void check_shipped_profiles(const domain::sla::catalogue& c) {
  REQUIRE(c.profiles().size() == 2);
  const auto* document = c.find("document");
  const auto* sgcc = c.find("sgcc-2023");
  REQUIRE(document);
  REQUIRE(sgcc);
  CHECK_FALSE(document->description.empty());
  CHECK_FALSE(sgcc->description.empty());
  REQUIRE(document->revisions.size() == 1);
  REQUIRE(sgcc->revisions.size() == 1);
  CHECK(document->revisions[0] == shipped(ymd(2000, 1, 1), 4h, 5h));
  CHECK(sgcc->revisions[0] == shipped(ymd(2023, 1, 1), 3h, 4h));
}

struct scoped_cwd {
  std::filesystem::path before = std::filesystem::current_path();
  explicit scoped_cwd(const std::filesystem::path& p) { std::filesystem::current_path(p); }
  ~scoped_cwd() { std::filesystem::current_path(before); }
};

}  // namespace

TEST_CASE("the shipped time-limits file holds the document and sgcc-2023 profiles with their values",
          "[config][time_limits]") {
  std::vector<std::string> notes;
  auto c = load_time_limits_file(config_dir + "/time_limits.toml", "document", &notes);
  REQUIRE(c);
  check_shipped_profiles(*c);
  CHECK(c->active() == "document");
  CHECK(notes.empty());
}

TEST_CASE("the test's valid time-limits file loads with the shipped values", "[config][time_limits]") {
  auto c = parse_time_limits_file(with_line(3, ""), "tl.toml", "document");
  REQUIRE(c);
  check_shipped_profiles(*c);
}

TEST_CASE("the active profile decides which limits are in force", "[config][time_limits]") {
  auto document = load_time_limits_file(config_dir + "/time_limits.toml", "document");
  auto sgcc = load_time_limits_file(config_dir + "/time_limits.toml", "sgcc-2023");
  REQUIRE(document);
  REQUIRE(sgcc);
  CHECK(document->at(ymd(2026, 10, 1)).restoration[0] == minutes(4h));
  CHECK(document->at(ymd(2026, 10, 1)).restoration[1] == minutes(5h));
  CHECK(sgcc->active() == "sgcc-2023");
  CHECK(sgcc->at(ymd(2026, 10, 1)).restoration[0] == minutes(3h));
  CHECK(sgcc->at(ymd(2026, 10, 1)).restoration[2] == minutes(4h));
  // Before its first revision (2023-01-01), sgcc-2023's oldest one answers.
  CHECK(sgcc->at(ymd(2020, 1, 1)).effective_from == ymd(2023, 1, 1));
}

TEST_CASE("a later revision of a profile is in force from its date", "[config][time_limits]") {
  std::string text = with_line(3, "");
  text += "\n[profiles.document.revisions.\"2026-07-01\"]\n";
  for (auto& l : revision_keys("3 h 30 min", "5 h")) text += l + "\n";
  CHECK(error_of(text) ==
        "tl.toml:43: profiles.document.revisions.2026-07-01.restoration.urban must be \"<n> min\", \"<n> h\", "
        "\"<n> d\", \"<n> working days\" or \"same day\", not \"3 h 30 min\"");
  text = with_line(3, "") + "\n[profiles.document.revisions.\"2026-07-01\"]\n";
  for (auto& l : revision_keys("210 min", "5 h")) text += l + "\n";
  auto c = parse_time_limits_file(text, "tl.toml", "document");
  REQUIRE(c);
  REQUIRE(c->find("document")->revisions.size() == 2);
  CHECK(c->at(ymd(2026, 6, 30)).restoration[0] == minutes(4h));
  CHECK(c->at(ymd(2026, 7, 1)).restoration[0] == minutes(210min));
}

TEST_CASE("an active profile the file does not hold is refused, naming the ones it does",
          "[config][time_limits]") {
  CHECK(error_of(with_line(3, ""), "sgcc") ==
        "tl.toml:1: profiles has no profile \"sgcc\" ([time_limits] profile in gridcoord.toml); it has document, "
        "sgcc-2023");
}

TEST_CASE("a limit the syntax does not accept names the file, line and key", "[config][time_limits]") {
  const std::string p = "tl.toml:5: profiles.document.revisions.2000-01-01.";
  const std::string limit = R"(must be "<n> min", "<n> h", "<n> d", "<n> working days" or "same day")";
  CHECK(error_of(with_line(5, "preliminary_notice = \"5 mins\"")) == p + "preliminary_notice " + limit + ", not \"5 mins\"");
  CHECK(error_of(with_line(5, "preliminary_notice = 5")) == p + "preliminary_notice " + limit + ", not a number");
  CHECK(error_of(with_line(5, "preliminary_notice = \"none\"")) == p + "preliminary_notice " + limit + ", not \"none\"");
  CHECK(error_of(with_line(5, "preliminary_notice = \"0 min\"")) == p + "preliminary_notice " + limit + ", not \"0 min\"");
  CHECK(error_of(with_line(6, "cause_found = \"soon\"")) ==
        "tl.toml:6: profiles.document.revisions.2000-01-01.cause_found must be \"<n> min\", \"<n> h\", \"<n> d\", "
        "\"<n> working days\", \"same day\" or \"none\", not \"soon\"");
  CHECK(error_of(with_line(6, "cause_found = \"30 min\"")) == "(loaded)");
  CHECK(error_of(with_line(8, "planned_lead = \"5 working days\"")) ==
        "tl.toml:8: profiles.document.revisions.2000-01-01.planned_lead must be a calendar duration: \"<n> min\", "
        "\"<n> h\" or \"<n> d\", not \"5 working days\"");
  CHECK(error_of(with_line(9, "temporary_lead = \"same day\"")).rfind("tl.toml:9: profiles.document.revisions."
                                                                      "2000-01-01.temporary_lead must be a calendar",
                                                                      0) == 0);
  CHECK(error_of(with_line(11, "crew_arrival = { urban = \"45 min\", rural = \"1.5 h\", remote = \"120 min\" }")) ==
        "tl.toml:11: profiles.document.revisions.2000-01-01.crew_arrival.rural " + limit + ", not \"1.5 h\"");
  CHECK(error_of(with_line(15, "callback = \"2 working dayz\"")) ==
        "tl.toml:15: profiles.document.revisions.2000-01-01.callback " + limit + ", not \"2 working dayz\"");
}

TEST_CASE("a bad late-notice policy or warning list names the file, line and key", "[config][time_limits]") {
  const std::string p = "profiles.document.revisions.2000-01-01.";
  CHECK(error_of(with_line(10, "late_notice = \"accept\"")) ==
        "tl.toml:10: " + p + "late_notice must be \"refuse\" or \"record_breach\", not \"accept\"");
  CHECK(error_of(with_line(10, "late_notice = \"refuse\"")) == "(loaded)");
  const std::string warnings =
      "warnings_pct must be an array of percentages, strictly increasing, each above 0 and below 100 (e.g. [50, 75])";
  CHECK(error_of(with_line(16, "warnings_pct = [75, 50]")) == "tl.toml:16: " + p + warnings);
  CHECK(error_of(with_line(16, "warnings_pct = [50, 50]")) == "tl.toml:16: " + p + warnings);
  CHECK(error_of(with_line(16, "warnings_pct = [0, 50]")) == "tl.toml:16: " + p + warnings);
  CHECK(error_of(with_line(16, "warnings_pct = [50, 100]")) == "tl.toml:16: " + p + warnings);
  CHECK(error_of(with_line(16, "warnings_pct = [50, \"75\"]")) == "tl.toml:16: " + p + warnings);
  CHECK(error_of(with_line(16, "warnings_pct = 50")) == "tl.toml:16: " + p + warnings);
  CHECK(error_of(with_line(16, "warnings_pct = [25, 50.5, 99.9]")) == "(loaded)");
  CHECK(error_of(with_line(16, "warnings_pct = []")) == "(loaded)");
}

TEST_CASE("an unknown or missing key in a time-limits file is refused, naming it", "[config][time_limits]") {
  const std::string p = "profiles.document.revisions.2000-01-01.";
  CHECK(error_of(with_line(3, "owner = \"x\"")) == "tl.toml:3: profiles.document.owner is not a known key");
  CHECK(error_of(with_line(5, "preliminary = \"5 min\"")) == "tl.toml:5: " + p + "preliminary is not a known key");
  CHECK(error_of(with_line(5, "")) == "tl.toml:4: " + p + "preliminary_notice is missing");
  CHECK(error_of(with_line(6, "")) == "tl.toml:4: " + p + "cause_found is missing");
  CHECK(error_of(with_line(12, "restoration = { urban = \"4 h\", rural = \"5 h\" }")) ==
        "tl.toml:12: " + p + "restoration.remote is missing");
  CHECK(error_of(with_line(12, "restoration = { urban = \"4 h\", rural = \"5 h\", remote = \"5 h\", town = \"4 h\" }")) ==
        "tl.toml:12: " + p + "restoration.town is not a known key");
  CHECK(error_of(with_line(12, "restoration = \"4 h\"")) == "tl.toml:12: " + p + "restoration must be a table");
  CHECK(error_of(with_line(14, "handling = { power_quality = \"5 working days\" }")) ==
        "tl.toml:14: " + p + "handling.supply_capacity is missing");
  CHECK(error_of(with_line(2, "")) == "tl.toml:1: profiles.document.description is missing");
  CHECK(error_of(with_line(2, "description = 1")) == "tl.toml:2: profiles.document.description must be a string");
  CHECK(error_of("name = \"x\"\n" + with_line(3, "")) == "tl.toml:1: name is not a known key");
  CHECK(error_of("") == "tl.toml:1: profiles is missing");
}

TEST_CASE("a revision date or placement that is wrong names the file, line and key", "[config][time_limits]") {
  CHECK(error_of(with_line(4, "[profiles.document.revisions.\"2000-02-30\"]")) ==
        "tl.toml:4: profiles.document.revisions.2000-02-30 is not a date (YYYY-MM-DD)");
  CHECK(error_of(with_line(4, "[profiles.document.revisions.\"from 2000\"]")) ==
        "tl.toml:4: profiles.document.revisions.from 2000 is not a date (YYYY-MM-DD)");
  CHECK(error_of(with_line(4, "[revisions.\"2000-01-01\"]")) ==
        "tl.toml:4: revisions is not in a profile: write [profiles.NAME.revisions.\"YYYY-MM-DD\"]");
  CHECK(error_of(with_line(4, "[profiles.revisions.\"2000-01-01\"]")) ==
        "tl.toml:4: profiles.revisions is not in a profile: write [profiles.NAME.revisions.\"YYYY-MM-DD\"]");
  CHECK(error_of("[profiles.document]\ndescription = \"x\"\n") ==
        "tl.toml:1: profiles.document.revisions is missing");
  CHECK(error_of("[profiles.document]\ndescription = \"x\"\n[profiles.document.revisions]\n") ==
        "tl.toml:3: profiles.document.revisions holds no revision: add [profiles.document.revisions.\"YYYY-MM-DD\"]");
}

TEST_CASE("a time-limits file that is not TOML names the file and line", "[config][time_limits]") {
  auto e = error_of(with_line(13, "forward = "));
  CHECK(e.rfind("tl.toml:13: ", 0) == 0);
}

TEST_CASE("the shipped time-limits file is built in, and read when it is not in the working directory",
          "[config][time_limits]") {
  auto built_in = shipped_file("config/time_limits.toml");
  REQUIRE(built_in);
  CHECK(*built_in == read_file(config_dir + "/time_limits.toml"));

  scoped_cwd cwd{std::filesystem::temp_directory_path()};
  settings defaults;
  REQUIRE(defaults.time_limits.file == "config/time_limits.toml");
  REQUIRE_FALSE(std::filesystem::exists(defaults.time_limits.file));
  std::vector<std::string> notes;
  auto c = load_time_limits_file(defaults.time_limits.file, defaults.time_limits.profile, &notes);
  REQUIRE(c);
  check_shipped_profiles(*c);
  CHECK(c->active() == "document");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].rfind("config/time_limits.toml is not in ", 0) == 0);
  CHECK(notes[0].find("using the copy built into gridcoord") != std::string::npos);

  CHECK(load_time_limits_file("config/other-limits.toml", "document").error().message ==
        "config/other-limits.toml: cannot be read");
}

TEST_CASE("settings name the time-limits file and profile in [time_limits]", "[config][time_limits]") {
  auto shipped = load_settings(GRIDCOORD_DEFAULT_CONFIG);
  REQUIRE(shipped);
  CHECK(shipped->time_limits.file == "config/time_limits.toml");
  CHECK(shipped->time_limits.profile == "document");
  auto set = parse_settings("[time_limits]\nfile = \"/etc/gridcoord/limits.toml\"\nprofile = \"sgcc-2023\"\n", "g.toml");
  REQUIRE(set);
  CHECK(set->time_limits.file == "/etc/gridcoord/limits.toml");
  CHECK(set->time_limits.profile == "sgcc-2023");
  CHECK(parse_settings("[time_limits]\nprofiles = \"x\"\n", "g.toml").error().message ==
        "g.toml: unknown setting 'time_limits.profiles'");
  CHECK(parse_settings("[time_limits]\nprofile = 3\n", "g.toml").error().message ==
        "g.toml: time_limits.profile has the wrong type");
  CHECK(parse_settings("[time_limits]\nprofile = \"\"\n", "g.toml").error().message ==
        "g.toml: time_limits.profile must name a profile of time_limits.file (shipped: \"document\", \"sgcc-2023\")");
}
