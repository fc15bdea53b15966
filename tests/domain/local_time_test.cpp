// Times and rates as people read them: the configured zone with its offset, one format.
#include <catch2/catch.hpp>

#include "domain/local_time.hpp"

using namespace gridcoord::domain;

namespace {
time_point at(const char* rfc3339) { return *parse_rfc3339(rfc3339); }
}  // namespace

TEST_CASE("a UTC instant is written in Beijing time with its offset", "[domain][local_time]") {
  CHECK(format_local(at("2026-12-07T16:00:00Z"), "Asia/Shanghai") == "2026-12-08 00:00 (+08:00)");
  CHECK(format_local(at("2026-12-07T00:25:51.451166Z"), "Asia/Shanghai", time_detail::seconds) ==
        "2026-12-07 08:25:51 (+08:00)");
  CHECK(format_local_bare(at("2026-12-07T16:00:00Z"), "Asia/Shanghai") == "2026-12-08 00:00");
  CHECK(local_offset(at("2026-12-07T16:00:00Z"), "Asia/Shanghai") == "+08:00");
}

TEST_CASE("a zone with daylight saving shows the offset in force at that instant", "[domain][local_time]") {
  CHECK(format_local(at("2026-07-01T12:00:00Z"), "Europe/Berlin") == "2026-07-01 14:00 (+02:00)");
  CHECK(format_local(at("2026-12-01T12:00:00Z"), "Europe/Berlin") == "2026-12-01 13:00 (+01:00)");
  CHECK(format_local(at("2026-12-01T12:00:00Z"), "America/St_Johns") == "2026-12-01 08:30 (-03:30)");
}

TEST_CASE("an unknown zone falls back to UTC rather than failing", "[domain][local_time]") {
  CHECK(format_local(at("2026-12-07T16:00:00Z"), "Mars/Olympus") == "2026-12-07 16:00 (+00:00)");
}

TEST_CASE("rates read as percentages with at most one decimal", "[domain][local_time]") {
  CHECK(format_rate(1.0) == "100 %");
  CHECK(format_rate(0.0) == "0 %");
  CHECK(format_rate(0.875) == "87.5 %");
  CHECK(format_rate(2.0 / 3.0) == "66.7 %");
  CHECK(format_rate(0.9999) == "100 %");
}

TEST_CASE("a zone is known when the system's tzdata has it", "[domain][local_time]") {
  CHECK(is_known_zone("Asia/Shanghai"));
  CHECK(is_known_zone("UTC"));
  CHECK_FALSE(is_known_zone("Asia/Beijing"));  // what people type; Asia/Shanghai is the IANA name
  CHECK_FALSE(is_known_zone(""));
}
