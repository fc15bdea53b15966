// The rules a validation detail names: one closed set, each with a stable,
// unique snake_case code and an English text (domain/validation_rule.hpp).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "domain/validation_rule.hpp"

using namespace gridcoord::domain;

namespace {

bool is_snake_case(std::string_view code) {
  if (code.empty() || code.front() == '_' || code.back() == '_') return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9' && i > 0) || (c == '_' && code[i - 1] != '_');
    if (!ok) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("the traits table gives every rule, in declaration order", "[domain][validation_rule]") {
  auto rules = all_rules();
  REQUIRE(rules.size() == static_cast<std::size_t>(rule::operation_failed) + 1);
  for (std::size_t i = 0; i < rules.size(); ++i) CHECK(static_cast<std::size_t>(rules[i]) == i);
}

TEST_CASE("each rule has a unique snake_case code and an English text", "[domain][validation_rule]") {
  std::set<std::string_view> codes;
  for (auto r : all_rules()) {
    auto code = to_string(r);
    INFO(code);
    CHECK(is_snake_case(code));
    CHECK(codes.insert(code).second);
    CHECK_FALSE(message_of(r).empty());
    CHECK(message_of(r) != code);
  }
}

TEST_CASE("a code reads back as its rule; anything else is no rule", "[domain][validation_rule]") {
  for (auto r : all_rules()) CHECK(parse_rule(to_string(r)) == r);
  CHECK(to_string(rule::required) == "required");
  CHECK(to_string(rule::not_a_number) == "not_a_number");
  CHECK(to_string(rule::unknown_role) == "unknown_role");
  CHECK_FALSE(parse_rule(""));
  CHECK_FALSE(parse_rule("Required"));
  CHECK_FALSE(parse_rule("required "));
}
