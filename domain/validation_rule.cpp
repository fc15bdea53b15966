#include "domain/validation_rule.hpp"

#include <array>
#include <cstddef>

namespace gridcoord::domain {

namespace {

struct rule_traits {
  rule r;
  std::string_view code;
  std::string_view message;
};

// The one table: a rule's code and text are written here and nowhere else.
constexpr std::array traits{
    rule_traits{rule::required, "required", "a required value is missing"},
    rule_traits{rule::required_when, "required_when", "a value is required because of another field's value"},
    rule_traits{rule::at_least_one_of, "at_least_one_of", "at least one of several fields must be given"},
    rule_traits{rule::exactly_one_of, "exactly_one_of", "exactly one of two fields must be given"},
    rule_traits{rule::not_applicable, "not_applicable", "the value does not apply here and must be left out"},
    rule_traits{rule::unknown_field, "unknown_field", "the field is not one this request or file takes"},
    rule_traits{rule::not_an_object, "not_an_object", "the value must be a JSON object"},
    rule_traits{rule::not_a_list, "not_a_list", "the value must be a list"},
    rule_traits{rule::not_a_string, "not_a_string", "the value must be a text"},
    rule_traits{rule::empty_text, "empty_text", "the text must not be empty"},
    rule_traits{rule::not_a_number, "not_a_number", "the value must be a number"},
    rule_traits{rule::not_a_whole_number, "not_a_whole_number", "the value must be a whole number"},
    rule_traits{rule::not_a_boolean, "not_a_boolean", "the value must be true or false"},
    rule_traits{rule::not_a_month, "not_a_month", "the value must be a month written YYYY-MM"},
    rule_traits{rule::not_a_date, "not_a_date", "the value must be a date written YYYY-MM-DD"},
    rule_traits{rule::not_a_time, "not_a_time", "the value must be an RFC 3339 time with its offset"},
    rule_traits{rule::malformed, "malformed", "the value is not written in the form required"},
    rule_traits{rule::not_one_of, "not_one_of", "the value is not one of those allowed"},
    rule_traits{rule::unknown_role, "unknown_role", "the value is not a role"},
    rule_traits{rule::unknown_department, "unknown_department", "the value is not a department"},
    rule_traits{rule::below_minimum, "below_minimum", "the number is below the smallest value allowed"},
    rule_traits{rule::above_maximum, "above_maximum", "the number is above the largest value allowed"},
    rule_traits{rule::out_of_range, "out_of_range", "the number is outside the range allowed"},
    rule_traits{rule::too_long, "too_long", "the text is longer than allowed"},
    rule_traits{rule::wrong_count, "wrong_count", "there are too few or too many entries"},
    rule_traits{rule::forbidden_character, "forbidden_character", "the text holds a character not allowed here"},
    rule_traits{rule::not_utf8, "not_utf8", "the text is not valid UTF-8"},
    rule_traits{rule::inconsistent_fields, "inconsistent_fields",
                "the value does not agree with another field of the same row"},
    rule_traits{rule::out_of_order, "out_of_order", "the value comes before one it must follow"},
    rule_traits{rule::in_the_future, "in_the_future", "the time has not come yet"},
    rule_traits{rule::in_the_past, "in_the_past", "the time has already passed"},
    rule_traits{rule::month_out_of_range, "month_out_of_range",
                "the month is too far before or after the report's month"},
    rule_traits{rule::notice_too_late, "notice_too_late", "the notice comes later than its notice period allows"},
    rule_traits{rule::unnamed_column, "unnamed_column", "a column of the header has no name"},
    rule_traits{rule::duplicate_column, "duplicate_column", "the header names the column twice"},
    rule_traits{rule::missing_column, "missing_column", "the header lacks a required column"},
    rule_traits{rule::unreadable_file, "unreadable_file", "the file cannot be read"},
    rule_traits{rule::duplicate_row, "duplicate_row", "the row repeats an earlier row"},
    rule_traits{rule::unknown_equipment, "unknown_equipment", "no such equipment is registered"},
    rule_traits{rule::wrong_equipment_kind, "wrong_equipment_kind", "the equipment is of another kind"},
    rule_traits{rule::already_registered, "already_registered", "the equipment is already registered"},
    rule_traits{rule::orphaned_children, "orphaned_children",
                "the change would leave registered equipment under a parent of the wrong kind"},
    rule_traits{rule::unknown_customer, "unknown_customer", "no such customer is registered"},
    rule_traits{rule::not_batchable, "not_batchable", "the operation cannot be part of a batch"},
    rule_traits{rule::not_permitted, "not_permitted", "the caller's role may not do this"},
    rule_traits{rule::not_found, "not_found", "what the operation names does not exist"},
    rule_traits{rule::operation_failed, "operation_failed", "the operation cannot be applied"},
};

constexpr bool in_declaration_order() {
  for (std::size_t i = 0; i < traits.size(); ++i)
    if (static_cast<std::size_t>(traits[i].r) != i) return false;
  return true;
}
static_assert(in_declaration_order(), "the traits table lists every rule once, in declaration order");
static_assert(static_cast<std::size_t>(rule::operation_failed) + 1 == traits.size(),
              "the traits table ends with the last rule");

constexpr std::array<rule, traits.size()> rules_in_order() {
  std::array<rule, traits.size()> out{};
  for (std::size_t i = 0; i < traits.size(); ++i) out[i] = traits[i].r;
  return out;
}
constexpr auto every_rule = rules_in_order();

// A value outside the enum (only a corrupt message could carry one) reads as the last rule.
const rule_traits& traits_of(rule r) noexcept {
  auto i = static_cast<std::size_t>(r);
  return i < traits.size() ? traits[i] : traits.back();
}

}  // namespace

std::span<const rule> all_rules() noexcept { return every_rule; }

std::string_view to_string(rule r) noexcept { return traits_of(r).code; }

std::string_view message_of(rule r) noexcept { return traits_of(r).message; }

std::optional<rule> parse_rule(std::string_view code) noexcept {
  for (const auto& t : traits)
    if (t.code == code) return t.r;
  return std::nullopt;
}

}  // namespace gridcoord::domain
