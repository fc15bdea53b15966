#include <catch2/catch.hpp>

#include "domain/month.hpp"

using namespace gridcoord::domain;

TEST_CASE("months parse only as YYYY-MM", "[domain][month]") {
  CHECK(parse_month("2026-03") == month{std::chrono::year{2026}, std::chrono::March});
  CHECK_FALSE(parse_month("2026-3"));
  CHECK_FALSE(parse_month("2026-13"));
  CHECK_FALSE(parse_month("2026-00"));
  CHECK_FALSE(parse_month(" 2026-01"));
  CHECK_FALSE(parse_month("20a6-01"));
  CHECK(to_string(*parse_month("2026-03")) == "2026-03");
}

TEST_CASE("months between counts across years", "[domain][month]") {
  CHECK(months_between(*parse_month("2026-11"), *parse_month("2027-02")) == 3);
  CHECK(months_between(*parse_month("2027-02"), *parse_month("2026-11")) == -3);
}

#include "domain/clock.hpp"

TEST_CASE("RFC 3339 times parse with Z or an offset and print in UTC", "[domain][time]") {
  using namespace std::chrono_literals;
  auto z = parse_rfc3339("2026-10-05T08:30:00Z");
  REQUIRE(z);
  CHECK(format_rfc3339(*z) == "2026-10-05T08:30:00.000000Z");
  auto shanghai = parse_rfc3339("2026-10-05T16:30:00.25+08:00");
  REQUIRE(shanghai);
  CHECK(*shanghai == *z + 250ms);
  CHECK_FALSE(parse_rfc3339("2026-10-05 08:30:00"));
  CHECK_FALSE(parse_rfc3339("2026-10-05T08:30:00Zjunk"));
  CHECK_FALSE(parse_rfc3339(""));
}

// Found by fuzzing (fuzz/corpus/event_payload/time_cut_short): date::parse
// took texts RFC 3339 does not, and on one cut short before its seconds it
// converted a second it never read (undefined behaviour under UBSan).
TEST_CASE("a time that is not RFC 3339's shape is refused", "[domain][time]") {
  for (const char* text : {"2026-1-7T5:9:7Z", "+2026-12-07T15:09:07Z", "2026-12-07T15:09:07.Z",
                           "2026-12-07T15:09:07+8:00", "2026-12-07T15:09:7Z", "2026-12-07T15ion",
                           "2026-12-07T15:09", "2026-13-07T15:09:07Z", "2026-12-07T24:00:00Z",
                           "2026-12-07T15:09:07+24:00", "２０２６-12-07T15:09:07Z"})
    CHECK_FALSE(parse_rfc3339(text));
  CHECK(parse_rfc3339("2026-12-07T15:09:07.123456Z"));
  CHECK(parse_rfc3339("2026-12-07T15:09:07-05:30"));
  CHECK(parse_rfc3339("2026-12-07T15:09:07.5+00:00"));
}

#include <random>
#include <sstream>

#include <date/date.h>

// format_rfc3339 and parse_rfc3339 read and write the common UTC form
// without streams; they must agree with date's own format and parse.
TEST_CASE("RFC 3339 times read and write as date's format and parse do, to the microsecond", "[domain][time]") {
  std::mt19937_64 draw(20261207);
  // 1900 to 2200, any microsecond.
  std::uniform_int_distribution<long long> micros(-2'208'988'800'000'000LL, 7'258'118'400'000'000LL);
  for (int i = 0; i < 20'000; ++i) {
    time_point t{std::chrono::microseconds{micros(draw)}};
    auto text = format_rfc3339(t);
    INFO(text);
    REQUIRE(text == date::format("%FT%TZ", t));
    REQUIRE(parse_rfc3339(text) == t);
    // Fewer fraction digits, and none, read as date reads them.
    for (std::size_t cut : {26u, 23u, 21u, 19u}) {
      auto shorter = text.substr(0, cut) + "Z";
      std::istringstream in{shorter};
      time_point expected;
      in >> date::parse("%FT%TZ", expected);
      REQUIRE_FALSE(in.fail());
      CHECK(parse_rfc3339(shorter) == expected);
    }
  }
  CHECK(parse_rfc3339("2028-02-29T23:59:59.999999Z") == parse_rfc3339("2028-03-01T00:00:00Z").value() -
                                                          std::chrono::microseconds{1});
  CHECK_FALSE(parse_rfc3339("2027-02-29T00:00:00Z"));  // no such day
  CHECK_FALSE(parse_rfc3339("2026-10-05T24:00:00Z"));
}
