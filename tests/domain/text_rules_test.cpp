#include <catch2/catch.hpp>

#include <boost/json/parse.hpp>

#include "domain/finite_numbers.hpp"
#include "domain/report.hpp"
#include "domain/text_rules.hpp"

using namespace gridcoord::domain;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("a text's length is counted in characters, not bytes", "[domain][text]") {
  CHECK(count_chars("") == 0);
  CHECK(count_chars("F-101") == 5);
  CHECK(count_chars("蓝海冷链") == 4);
  CHECK(count_chars("😀a") == 2);
  CHECK_FALSE(check_text("customer", repeat("蓝", 200), text_kind::name));
  auto over = check_text("customer", repeat("蓝", 201), text_kind::name, 3);
  REQUIRE(over);
  CHECK(over->rule == rule::too_long);
  CHECK(over->field == "customer");
  CHECK(over->row == 3);
  CHECK(over->reason == "must be at most 200 characters");
}

TEST_CASE("each kind of text has its limit", "[domain][text]") {
  CHECK_FALSE(check_text("id", std::string(64, 'a'), text_kind::identifier));
  CHECK(check_text("id", std::string(65, 'a'), text_kind::identifier));
  CHECK_FALSE(check_text("text", std::string(4000, 'a'), text_kind::free_text));
  CHECK(check_text("text", std::string(4001, 'a'), text_kind::free_text));
  CHECK(limit_of(text_kind::name).max_chars == 200);
}

TEST_CASE("an issue quotes the start of an oversized text, not all of it", "[domain][text]") {
  auto big = std::string(60 * 1024, 'x');  // 60 KiB
  auto issue = check_text("customer", big, text_kind::name);
  REQUIRE(issue);
  CHECK(issue->value.size() < 100);
  CHECK(issue->value.starts_with(std::string(64, 'x')));
  CHECK(quoted_value("short") == "short");
  CHECK(quoted_value(repeat("蓝", 70)) == repeat("蓝", 64) + "… (70 characters)");
}

TEST_CASE("control characters and bidi overrides are refused, tab and line breaks only in free text",
          "[domain][text]") {
  for (std::string bad : {std::string("a\0b", 3), std::string("\x1b[2J"), std::string("\x7f"), std::string("\xc2\x9b"),
                          std::string("\xe2\x80\xae"), std::string("\xe2\x80\xaa"), std::string("\xe2\x81\xa9")}) {
    for (auto kind : {text_kind::identifier, text_kind::name, text_kind::free_text}) {
      auto issue = check_text("f", "ok " + bad, kind);
      REQUIRE(issue);
      CHECK(issue->rule == rule::forbidden_character);
    }
  }
  CHECK(forbidden_character("a\xe2\x80\xae" "b", false) == U'\u202E');
  for (std::string layout : {"a\tb", "a\nb", "a\r\nb"}) {
    CHECK_FALSE(check_text("text", layout, text_kind::free_text));
    CHECK(check_text("name", layout, text_kind::name));
  }
  // Marks that only set a direction, and other scripts, are text.
  CHECK_FALSE(check_text("name", "\xe2\x80\x8f" "مرحبا 你好 Ünïcode", text_kind::name));
}

TEST_CASE("an M1 customer beyond 200 characters is an issue of its row", "[domain][text][report]") {
  const auto* kind = find_report_kind("large_customer_demand");
  auto body = boost::json::parse(R"({"rows":[{"customer":")" + std::string(5000, 'c') +
                                 R"(","feeder":"F-101","demand_kw":100,"expected_month":"2027-03","likelihood_pct":80}]})");
  auto rows = parse_rows(*kind, *parse_month("2027-03"), body);
  REQUIRE_FALSE(rows);
  REQUIRE(rows.error().details.size() == 1);
  CHECK(rows.error().details[0].field == "customer");
  CHECK(rows.error().details[0].rule == rule::too_long);
}

TEST_CASE("M5's reason and M7's detail are free text, ids are identifiers", "[domain][text][report]") {
  auto as = [](std::string_view kind, std::string_view field) {
    const auto* k = find_report_kind(kind);
    return k->fields[*k->field_index(field)].text_as;
  };
  CHECK(as("connection_restrictions", "reason") == text_kind::free_text);
  CHECK(as("power_quality_requirements", "detail") == text_kind::free_text);
  CHECK(as("connection_restrictions", "application_id") == text_kind::identifier);
  CHECK(as("load_statistics", "equipment_id") == text_kind::identifier);
  CHECK(as("large_customer_demand", "customer") == text_kind::name);
}

TEST_CASE("first_non_finite names where a number no double holds is", "[domain][json][finite]") {
  CHECK_FALSE(first_non_finite(boost::json::parse(R"({"a":[1,2.5,-1e300],"b":"1e999"})")));
  CHECK(first_non_finite(boost::json::parse(R"({"load_kva":1e999999})")) == "load_kva");
  CHECK(first_non_finite(boost::json::parse(R"({"rows":[{"x":1},{"a":1,"kw":-1e400}]})")) == "rows[1].kw");
  CHECK(first_non_finite(boost::json::parse("1e999")) == "");
  auto s = check_finite(boost::json::parse(R"({"load_kva":1e999999})"));
  REQUIRE_FALSE(s);
  CHECK(s.error().code == errc::validation_failed);
  REQUIRE(s.error().details.size() == 1);
  CHECK(s.error().details[0].field == "load_kva");
  CHECK(s.error().details[0].rule == rule::not_a_number);
}
