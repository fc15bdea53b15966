#include "domain/validation_rule.hpp"

#include "domain/localize.hpp"

#include <array>
#include <cstddef>

namespace gridcoord::domain {

namespace {

struct rule_traits {
  rule r;
  std::string_view code;
  std::string_view message;        // English
  std::string_view message_zh_cn;  // the same in Simplified Chinese (domain/localize.hpp)
};

// The one table: a rule's code and texts are written here and nowhere else.
constexpr std::array traits{
    rule_traits{rule::required, "required", "a required value is missing",
                "缺少必填的值"},
    rule_traits{rule::required_when, "required_when", "a value is required because of another field's value",
                "因另一字段的取值，此值必须填写"},
    rule_traits{rule::at_least_one_of, "at_least_one_of", "at least one of several fields must be given",
                "这几个字段至少要填写一个"},
    rule_traits{rule::exactly_one_of, "exactly_one_of", "exactly one of two fields must be given",
                "两个字段须且只能填写一个"},
    rule_traits{rule::not_applicable, "not_applicable", "the value does not apply here and must be left out",
                "此值在这里不适用，须留空"},
    rule_traits{rule::unknown_field, "unknown_field", "the field is not one this request or file takes",
                "此请求或文件没有这个字段"},
    rule_traits{rule::not_an_object, "not_an_object", "the value must be a JSON object",
                "此值须为 JSON 对象"},
    rule_traits{rule::not_a_list, "not_a_list", "the value must be a list",
                "此值须为列表"},
    rule_traits{rule::not_a_string, "not_a_string", "the value must be a text",
                "此值须为文本"},
    rule_traits{rule::empty_text, "empty_text", "the text must not be empty",
                "此文本不能为空"},
    rule_traits{rule::not_a_number, "not_a_number", "the value must be a number",
                "此值须为数值"},
    rule_traits{rule::not_a_whole_number, "not_a_whole_number", "the value must be a whole number",
                "此值须为整数"},
    rule_traits{rule::not_a_boolean, "not_a_boolean", "the value must be true or false",
                "此值须为 true 或 false"},
    rule_traits{rule::not_a_month, "not_a_month", "the value must be a month written YYYY-MM",
                "此值须为 YYYY-MM 格式的月份"},
    rule_traits{rule::not_a_date, "not_a_date", "the value must be a date written YYYY-MM-DD",
                "此值须为 YYYY-MM-DD 格式的日期"},
    rule_traits{rule::not_a_time, "not_a_time", "the value must be an RFC 3339 time with its offset",
                "此值须为带时区偏移的 RFC 3339 时间"},
    rule_traits{rule::malformed, "malformed", "the value is not written in the form required",
                "此值的写法不符合要求"},
    rule_traits{rule::not_one_of, "not_one_of", "the value is not one of those allowed",
                "此值不是允许的取值之一"},
    rule_traits{rule::unknown_role, "unknown_role", "the value is not a role",
                "此值不是有效的角色"},
    rule_traits{rule::unknown_department, "unknown_department", "the value is not a department",
                "此值不是有效的部门"},
    rule_traits{rule::below_minimum, "below_minimum", "the number is below the smallest value allowed",
                "此数值小于允许的最小值"},
    rule_traits{rule::above_maximum, "above_maximum", "the number is above the largest value allowed",
                "此数值大于允许的最大值"},
    rule_traits{rule::out_of_range, "out_of_range", "the number is outside the range allowed",
                "此数值超出允许的范围"},
    rule_traits{rule::too_long, "too_long", "the text is longer than allowed",
                "此文本超过允许的长度"},
    rule_traits{rule::wrong_count, "wrong_count", "there are too few or too many entries",
                "条目过少或过多"},
    rule_traits{rule::forbidden_character, "forbidden_character", "the text holds a character not allowed here",
                "此文本含有此处不允许的字符"},
    rule_traits{rule::not_utf8, "not_utf8", "the text is not valid UTF-8",
                "此文本不是有效的 UTF-8"},
    rule_traits{rule::inconsistent_fields, "inconsistent_fields",
                "the value does not agree with another field of the same row",
                "此值与同一行的另一字段不一致"},
    rule_traits{rule::out_of_order, "out_of_order", "the value comes before one it must follow",
                "此值早于它应在其后的值"},
    rule_traits{rule::in_the_future, "in_the_future", "the time has not come yet",
                "此时间尚未到来"},
    rule_traits{rule::in_the_past, "in_the_past", "the time has already passed",
                "此时间已经过去"},
    rule_traits{rule::month_out_of_range, "month_out_of_range",
                "the month is too far before or after the report's month",
                "此月份距报表月份过早或过晚"},
    rule_traits{rule::notice_too_late, "notice_too_late", "the notice comes later than its notice period allows",
                "此通知晚于其提前通知期限"},
    rule_traits{rule::unnamed_column, "unnamed_column", "a column of the header has no name",
                "表头有一列没有列名"},
    rule_traits{rule::duplicate_column, "duplicate_column", "the header names the column twice",
                "表头中此列出现了两次"},
    rule_traits{rule::missing_column, "missing_column", "the header lacks a required column",
                "表头缺少必需的列"},
    rule_traits{rule::unreadable_file, "unreadable_file", "the file cannot be read",
                "无法读取该文件"},
    rule_traits{rule::duplicate_row, "duplicate_row", "the row repeats an earlier row",
                "此行与前面的行重复"},
    rule_traits{rule::unknown_equipment, "unknown_equipment", "no such equipment is registered",
                "没有登记这台设备"},
    rule_traits{rule::wrong_equipment_kind, "wrong_equipment_kind", "the equipment is of another kind",
                "此设备属于另一类别"},
    rule_traits{rule::already_registered, "already_registered", "the equipment is already registered",
                "此设备已经登记"},
    rule_traits{rule::orphaned_children, "orphaned_children",
                "the change would leave registered equipment under a parent of the wrong kind",
                "此项变更会使已登记的设备挂在类别不符的上级设备下"},
    rule_traits{rule::unknown_customer, "unknown_customer", "no such customer is registered",
                "没有登记这位客户"},
    rule_traits{rule::not_batchable, "not_batchable", "the operation cannot be part of a batch",
                "此操作不能放入批量请求"},
    rule_traits{rule::not_permitted, "not_permitted", "the caller's role may not do this",
                "调用者的角色无权执行此操作"},
    rule_traits{rule::not_found, "not_found", "what the operation names does not exist",
                "操作所指的对象不存在"},
    rule_traits{rule::operation_failed, "operation_failed", "the operation cannot be applied",
                "无法执行此操作"},
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

std::string_view message_of(rule r, language l) noexcept {
  return l == language::zh_cn ? traits_of(r).message_zh_cn : traits_of(r).message;
}

std::optional<rule> parse_rule(std::string_view code) noexcept {
  for (const auto& t : traits)
    if (t.code == code) return t.r;
  return std::nullopt;
}

}  // namespace gridcoord::domain
