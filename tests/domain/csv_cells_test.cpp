// CSV cells as Excel writes them and as a Chinese input method types them.
#include <catch2/catch.hpp>

#include "domain/csv_cells.hpp"

using namespace gridcoord::domain;

TEST_CASE("full-width digits, signs and letters read as ASCII; other text is unchanged", "[domain][csv_cells]") {
  CHECK(to_half_width("８０％") == "80%");
  CHECK(to_half_width("１，２５０．５") == "1,250.5");
  CHECK(to_half_width("２０２７／３") == "2027/3");
  CHECK(to_half_width("需求负荷（ｋＷ）") == "需求负荷(kW)");
  CHECK(to_half_width("\xE3\x80\x80" "80") == " 80");  // the ideographic space
  CHECK(to_half_width("蓝海冷链, 临港 \"一期\"") == "蓝海冷链, 临港 \"一期\"");
  CHECK(to_half_width("\xEF\xBC") == "\xEF\xBC");  // cut short: left as it is
}

TEST_CASE("numbers are read as people write them, full-width too", "[domain][csv_cells]") {
  CHECK(parse_csv_number("1250.5") == 1250.5);
  CHECK(parse_csv_number(" 2000 ") == 2000);
  CHECK(parse_csv_number("-3") == -3);
  CHECK(parse_csv_number("+3") == 3);
  CHECK(parse_csv_number("1,250.5") == 1250.5);
  CHECK(parse_csv_number("12,345,678") == 12345678);
  CHECK(parse_csv_number("1.25e3") == 1250);
  CHECK(parse_csv_number("１２５０．５") == 1250.5);
  CHECK(parse_csv_number("１，２５０") == 1250);
  CHECK(parse_csv_number("\xE3\x80\x80" "630") == 630);
  for (std::string_view bad : {"1.2.3", "1,25", "1,2345", "1250,5", ",250", "1,", "1.", ".5", "80%", "abc", "",
                               "1e", "1e999", "nan", "inf", "0x10", "1 250", "８０％"})
    CHECK_FALSE(parse_csv_number(bad));
}

TEST_CASE("a percentage is its number of percent, or the fraction it is", "[domain][csv_cells]") {
  CHECK(parse_csv_percent("80%", false) == 80);
  CHECK(parse_csv_percent("80 %", false) == 80);
  CHECK(parse_csv_percent(" 12.5% ", false) == 12.5);
  CHECK(parse_csv_percent("８０％", false) == 80);
  CHECK(parse_csv_percent("1,000%", false) == 1000);
  CHECK(parse_csv_percent("80%", true) == 0.8);
  CHECK(parse_csv_percent("33.3%", true) == 0.333);  // the decimal read once, not 33.3 / 100
  CHECK(parse_csv_percent("８５％", true) == 0.85);
  CHECK(parse_csv_percent("100%", true) == 1);
  for (std::string_view bad : {"80", "%", "80%%", "% 80", "8 0%", "abc%", "", "0.8"}) {
    CHECK_FALSE(parse_csv_percent(bad, false));
    CHECK_FALSE(parse_csv_percent(bad, true));
  }
}

TEST_CASE("months are read in the forms Excel and people write them", "[domain][csv_cells]") {
  const auto march = parse_month("2027-03");
  for (std::string_view written : {"2027-03", "2027-3", "2027/3", "2027/03", "2027/3/1", "2027/03/01", "2027-03-01",
                                   "2027年3月", "2027年03月", "2027年3月1日", " 2027/3 ", "２０２７／３／１",
                                   "２０２７年３月"})
    CHECK(parse_csv_month(written) == march);
  CHECK(parse_csv_month("2026/12") == parse_month("2026-12"));
  for (std::string_view bad : {"2027/3/15", "2027-03-31", "2027年3月2日", "2027/13", "2027/0", "27/3", "2027.3",
                               "2027.03", "2027/3-1", "2027年3", "2027年3月1", "March 2027", "202703", "2027/",
                               "2027/123", "1899/12", "", "2027/3/1 0:00"})
    CHECK_FALSE(parse_csv_month(bad));
}

TEST_CASE("a date on another day than the 1st is told apart from what is not a date", "[domain][csv_cells]") {
  for (std::string_view dated : {"2027/3/15", "2027-03-31", "2027年3月2日", "２０２７／３／２"})
    CHECK(csv_month_is_dated(dated));
  for (std::string_view other : {"2027/3/1", "2027/3", "2027/13/5", "2027/3/32", "2027/3/0", "soon"})
    CHECK_FALSE(csv_month_is_dated(other));
}
