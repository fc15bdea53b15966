// An English text with holes, matched against whole messages, and the template
// that says it in another language (domain/message_pattern.hpp).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "domain/message_pattern.hpp"

using namespace gridcoord::domain;

namespace {

message_pattern parsed(std::string_view text) {
  auto p = message_pattern::parse(text);
  REQUIRE(p);
  return *p;
}

std::vector<std::string> holes_of(const message_pattern& p, std::string_view text) {
  auto m = p.match(text);
  REQUIRE(m);
  return {m->begin(), m->end()};
}

}  // namespace

TEST_CASE("a pattern matches a whole message and hands over what fills each hole", "[domain][message_pattern]") {
  auto p = parsed("must be at least {}");
  CHECK(holes_of(p, "must be at least 0.5") == std::vector<std::string>{"0.5"});
  CHECK_FALSE(p.match("it must be at least 0.5"));
  CHECK_FALSE(p.match("must be at most 0.5"));
  auto q = parsed("line {} has {} field(s); the header (line {}) has {}");
  CHECK(holes_of(q, "line 7 has 3 field(s); the header (line 1) has 5") ==
        std::vector<std::string>{"7", "3", "1", "5"});
  CHECK(parsed("no step").match("no step"));
  CHECK_FALSE(parsed("no step").match("no steps"));
}

TEST_CASE("when holes could split a text two ways, each takes the shortest that lets the rest match",
          "[domain][message_pattern]") {
  auto p = parsed("{} is not allowed on {}; allowed: {}");
  CHECK(holes_of(p, "DELETE is not allowed on /v1/a; allowed: GET; allowed: PUT") ==
        std::vector<std::string>{"DELETE", "/v1/a", "GET; allowed: PUT"});
  auto q = parsed("repeats row {}: {}");
  CHECK(holes_of(q, "repeats row 2: no two rows: have") == std::vector<std::string>{"2", "no two rows: have"});
  CHECK(holes_of(parsed("x{}y"), "xy") == std::vector<std::string>{""});
}

TEST_CASE("{m} marks a hole to translate in turn, and doubled braces are braces", "[domain][message_pattern]") {
  auto p = parsed("operation {} of {}: {m}; nothing was written");
  REQUIRE(p.holes() == 3);
  CHECK_FALSE(p.nested(0));
  CHECK(p.nested(2));
  auto q = parsed("an approval takes no body (or {{}})");
  CHECK(q.holes() == 0);
  CHECK(q.match("an approval takes no body (or {})"));
  std::vector<std::string> values{"1", "2", "is required"};
  CHECK(p.fill(values) == "operation 1 of 2: is required; nothing was written");
}

TEST_CASE("a malformed pattern is refused with its reason", "[domain][message_pattern]") {
  for (auto bad : {"a { b", "a } b", "{x} is", "{}{}", "a {}{m} b"}) {
    INFO(bad);
    CHECK_FALSE(message_pattern::parse(bad));
  }
}

TEST_CASE("a template names holes by position or in order, and keeps doubled braces", "[domain][message_pattern]") {
  std::vector<std::string> v{"A", "B", "C"};
  CHECK(fill_template("{1} 在 {2} 的 {0} 报表", v) == "B 在 C 的 A 报表");
  CHECK(fill_template("{} 和 {}", v) == "A 和 B");
  CHECK(fill_template("须为对象 {{\"by\": \"…\"}}", v) == "须为对象 {\"by\": \"…\"}");
  CHECK(fill_template("{7}", v) == "{7}");
  CHECK(*template_references("{1}：{0}，{}") == std::vector<std::size_t>{1, 0, 0});
  CHECK_FALSE(template_references("{a}"));
  CHECK_FALSE(template_references("a } b"));
}
