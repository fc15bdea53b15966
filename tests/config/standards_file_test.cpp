#include <catch2/catch.hpp>

#include "config/settings.hpp"
#include "config/shipped_files.hpp"
#include "config/standards_file.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

using namespace gridcoord;
using namespace gridcoord::config;
using domain::equipment_kind;
using domain::capacity::load_standard;

namespace {

const std::string config_dir = GRIDCOORD_CONFIG_DIR;

// A valid file whose line numbers the error cases below refer to.
const std::vector<std::string> valid_lines{
    "[capacity]",                          // 1
    "horizon_months = 24",                 // 2
    "minimum_available_kva = 200",         // 3
    "minimum_likelihood_pct = 50",         // 4
    "power_factor = 0.9",                  // 5
    "",                                    // 6
    "[load_standards.substation]",         // 7
    "heavy_load_pct = 70",                 // 8
    "overload_pct = 100",                  // 9
    "duration_h = 2",                      // 10
    "planning_limit_pct = 80",             // 11
    "demand_factor = 0.8",                 // 12
    "",                                    // 13
    "[load_standards.main_transformer]",   // 14
    "heavy_load_pct = 70",                 // 15
    "overload_pct = 100",                  // 16
    "duration_h = 2",                      // 17
    "planning_limit_pct = 80",             // 18
    "demand_factor = 0.85",                // 19
    "",                                    // 20
    "[load_standards.feeder]",             // 21
    "heavy_load_pct = 60",                 // 22
    "overload_pct = 100",                  // 23
    "duration_h = 1",                      // 24
    "planning_limit_pct = 70",             // 25
    "demand_factor = 0.9",                 // 26
    "",                                    // 27
    "[load_standards.distribution_transformer]",  // 28
    "heavy_load_pct = 70",                 // 29
    "overload_pct = 120",                  // 30
    "duration_h = 0.5",                    // 31
    "planning_limit_pct = 80",             // 32
    "demand_factor = 1.0",                 // 33
};

// The valid file with line `n` (1-based) replaced by `text` ("" blanks it).
std::string with_line(std::size_t n, const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < valid_lines.size(); ++i) out += (i + 1 == n ? text : valid_lines[i]) + "\n";
  return out;
}

std::string error_of(const std::string& toml) {
  auto s = parse_standards_file(toml, "std.toml");
  return s ? std::string("(loaded)") : s.error().message;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

load_standard standard(equipment_kind kind, double heavy, double over, double hours, double limit, double factor) {
  load_standard s;
  s.kind = kind;
  s.effective_from = domain::month{std::chrono::year{2000}, std::chrono::January};
  s.heavy_load_pct = heavy;
  s.overload_pct = over;
  s.duration_h = hours;
  s.planning_limit_pct = limit;
  s.demand_factor = factor;
  return s;
}

void check_shipped_values(const domain::capacity::settings& s) {
  CHECK(s.horizon_months == 24);
  CHECK(s.minimum_available_kva == 200);
  CHECK(s.minimum_likelihood_pct == 50);
  CHECK(s.power_factor == 0.9);
  std::vector<load_standard> expected{
      standard(equipment_kind::substation, 70, 100, 2, 80, 0.8),
      standard(equipment_kind::main_transformer, 70, 100, 2, 80, 0.85),
      standard(equipment_kind::feeder, 60, 100, 1, 70, 0.9),
      standard(equipment_kind::distribution_transformer, 70, 120, 0.5, 80, 1.0),
  };
  CHECK(s.defaults == expected);
}

struct scoped_cwd {
  std::filesystem::path before = std::filesystem::current_path();
  explicit scoped_cwd(const std::filesystem::path& p) { std::filesystem::current_path(p); }
  ~scoped_cwd() { std::filesystem::current_path(before); }
};

}  // namespace

TEST_CASE("the shipped standards file holds the capacity settings and a default standard per kind",
          "[config][standards]") {
  std::vector<std::string> notes;
  auto s = load_standards_file(config_dir + "/standards.toml", &notes);
  REQUIRE(s);
  check_shipped_values(*s);
  CHECK(notes.empty());
}

TEST_CASE("the test's valid file loads with the shipped values", "[config][standards]") {
  auto s = parse_standards_file(with_line(6, ""), "std.toml");
  REQUIRE(s);
  check_shipped_values(*s);
}

TEST_CASE("a capacity setting out of its range names the file, line and key", "[config][standards]") {
  CHECK(error_of(with_line(2, "horizon_months = 0")) == "std.toml:2: capacity.horizon_months must be a whole number 1..120");
  CHECK(error_of(with_line(2, "horizon_months = 121")) == "std.toml:2: capacity.horizon_months must be a whole number 1..120");
  CHECK(error_of(with_line(2, "horizon_months = 24.5")) == "std.toml:2: capacity.horizon_months must be a whole number 1..120");
  CHECK(error_of(with_line(2, "horizon_months = 120")) == "(loaded)");
  CHECK(error_of(with_line(3, "minimum_available_kva = -1")) ==
        "std.toml:3: capacity.minimum_available_kva must be a number 0 or more");
  CHECK(error_of(with_line(3, "minimum_available_kva = 0")) == "(loaded)");
  CHECK(error_of(with_line(4, "minimum_likelihood_pct = 100.5")) ==
        "std.toml:4: capacity.minimum_likelihood_pct must be a number 0..100");
  CHECK(error_of(with_line(4, "minimum_likelihood_pct = -0.1")) ==
        "std.toml:4: capacity.minimum_likelihood_pct must be a number 0..100");
  CHECK(error_of(with_line(5, "power_factor = 0")) == "std.toml:5: capacity.power_factor must be a number above 0, at most 1");
  CHECK(error_of(with_line(5, "power_factor = 1.01")) == "std.toml:5: capacity.power_factor must be a number above 0, at most 1");
  CHECK(error_of(with_line(5, "power_factor = \"0.9\"")) ==
        "std.toml:5: capacity.power_factor must be a number above 0, at most 1");
  CHECK(error_of(with_line(5, "power_factor = 1")) == "(loaded)");
}

TEST_CASE("a load standard out of its range names the file, line and key", "[config][standards]") {
  const std::string p = "load_standards.feeder.";
  CHECK(error_of(with_line(22, "heavy_load_pct = 0")) == "std.toml:22: " + p + "heavy_load_pct must be a number above 0");
  CHECK(error_of(with_line(23, "overload_pct = 60")) ==
        "std.toml:23: " + p + "overload_pct must be a number above heavy_load_pct (60)");
  CHECK(error_of(with_line(23, "overload_pct = 70.5")) == "(loaded)");
  CHECK(error_of(with_line(24, "duration_h = 0")) == "std.toml:24: " + p + "duration_h must be a number above 0, at most 744");
  CHECK(error_of(with_line(24, "duration_h = 744.5")) ==
        "std.toml:24: " + p + "duration_h must be a number above 0, at most 744");
  CHECK(error_of(with_line(24, "duration_h = 744")) == "(loaded)");
  CHECK(error_of(with_line(25, "planning_limit_pct = 100.5")) ==
        "std.toml:25: " + p + "planning_limit_pct must be a number above 0, at most overload_pct (100)");
  CHECK(error_of(with_line(25, "planning_limit_pct = 0")) ==
        "std.toml:25: " + p + "planning_limit_pct must be a number above 0, at most overload_pct (100)");
  CHECK(error_of(with_line(25, "planning_limit_pct = 100")) == "(loaded)");
  CHECK(error_of(with_line(26, "demand_factor = 0")) ==
        "std.toml:26: " + p + "demand_factor must be a number above 0, at most 1");
  CHECK(error_of(with_line(26, "demand_factor = 1.5")) ==
        "std.toml:26: " + p + "demand_factor must be a number above 0, at most 1");
  CHECK(error_of(with_line(31, "duration_h = true")) ==
        "std.toml:31: load_standards.distribution_transformer.duration_h must be a number above 0, at most 744");
}

TEST_CASE("an unknown key, table or kind in a standards file is refused, naming it", "[config][standards]") {
  CHECK(error_of(with_line(6, "horizon_years = 2")) == "std.toml:6: capacity.horizon_years is not a known key");
  CHECK(error_of(with_line(27, "overload_h = 2")) == "std.toml:27: load_standards.feeder.overload_h is not a known key");
  CHECK(error_of(with_line(28, "[load_standards.transformer]")) ==
        "std.toml:28: load_standards.transformer is not an equipment kind (substation, main_transformer, feeder, "
        "distribution_transformer)");
  CHECK(error_of(with_line(1, "[capacty]")) == "std.toml:1: capacty is not a known key");
}

TEST_CASE("a missing key or kind in a standards file is refused, naming it", "[config][standards]") {
  CHECK(error_of(with_line(3, "")) == "std.toml:1: capacity.minimum_available_kva is missing");
  CHECK(error_of(with_line(31, "")) == "std.toml:28: load_standards.distribution_transformer.duration_h is missing");
  std::string no_feeder;
  for (std::size_t i = 0; i < valid_lines.size(); ++i)
    if (i + 1 < 21 || i + 1 > 26) no_feeder += valid_lines[i] + "\n";
  CHECK(error_of(no_feeder) == "std.toml:7: load_standards.feeder is missing");
  CHECK(error_of("[capacity]\nhorizon_months = 24\nminimum_available_kva = 200\nminimum_likelihood_pct = 50\n"
                 "power_factor = 0.9\n") == "std.toml:1: load_standards is missing");
}

TEST_CASE("a standards file that is not TOML names the file and line", "[config][standards]") {
  auto e = error_of(with_line(24, "duration_h = "));
  CHECK(e.rfind("std.toml:24: ", 0) == 0);
}

TEST_CASE("the shipped standards file is built in, and read when it is not in the working directory",
          "[config][standards]") {
  auto built_in = shipped_file("config/standards.toml");
  REQUIRE(built_in);
  CHECK(*built_in == read_file(config_dir + "/standards.toml"));

  scoped_cwd cwd{std::filesystem::temp_directory_path()};
  settings defaults;
  REQUIRE(defaults.standards.file == "config/standards.toml");
  REQUIRE_FALSE(std::filesystem::exists(defaults.standards.file));
  std::vector<std::string> notes;
  auto s = load_standards_file(defaults.standards.file, &notes);
  REQUIRE(s);
  check_shipped_values(*s);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].rfind("config/standards.toml is not in ", 0) == 0);
  CHECK(notes[0].find("using the copy built into gridcoord") != std::string::npos);

  CHECK(load_standards_file("config/other-standards.toml").error().message ==
        "config/other-standards.toml: cannot be read");
}

TEST_CASE("settings name the standards file in [standards] file", "[config][standards]") {
  auto shipped = load_settings(GRIDCOORD_DEFAULT_CONFIG);
  REQUIRE(shipped);
  CHECK(shipped->standards.file == "config/standards.toml");
  auto set = parse_settings("[standards]\nfile = \"/etc/gridcoord/standards.toml\"\n", "g.toml");
  REQUIRE(set);
  CHECK(set->standards.file == "/etc/gridcoord/standards.toml");
  CHECK(parse_settings("[standards]\nfiles = \"x.toml\"\n", "g.toml").error().message ==
        "g.toml: unknown setting 'standards.files'");
  CHECK(parse_settings("[standards]\nfile = 3\n", "g.toml").error().message == "g.toml: standards.file has the wrong type");
}
