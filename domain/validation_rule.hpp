#pragma once
// domain/validation_rule.hpp — the closed set of rules a validation detail
// (domain::issue) can break, each with a stable machine code.
//
// Every issue names its rule beside its English reason, so that a client (the
// web console, a script) can translate the reason or act on it. The code is the
// contract: snake_case, named by the rule broken, never by the field, and never
// renamed once shipped; add a rule rather than change one. The English message
// is a short generic text for when a client has none of its own; the issue's
// `reason` stays the precise sentence for a person. One traits table
// (validation_rule.cpp) gives each rule its code and message; GET
// /v1/validation-rules serves it and docs/api.md and docs/openapi.json list it.
// [Threading] Constant data; safe from any thread.
// [Errors]    parse_rule answers nullopt for a code that is not in the table.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace gridcoord::domain {

enum class rule : std::uint8_t {
  // Presence and shape.
  required,             // absent, null, or an empty text where one is needed
  required_when,        // needed because of another field's value
  at_least_one_of,      // none of several alternatives is given
  exactly_one_of,       // both or neither of two fields is given
  not_applicable,       // given where it does not apply; leave it out
  unknown_field,        // not a field of this body, row, file or operation
  not_an_object,        // a body, row or line is not a JSON object
  not_a_list,           // not an array
  not_a_string,
  empty_text,           // a text that must not be empty is ""
  not_a_number,         // not a finite number
  not_a_whole_number,
  not_a_boolean,
  not_a_month,          // not "YYYY-MM"
  not_a_date,           // not "YYYY-MM-DD"
  not_a_time,           // not an RFC 3339 time with its offset
  malformed,            // not in the form required (a contact, an address, a path)
  not_one_of,           // not one of the values allowed (a choice, a kind, a state)
  unknown_role,
  unknown_department,
  // Bounds.
  below_minimum,
  above_maximum,
  out_of_range,         // outside an interval bounded on both sides
  too_long,             // more bytes than allowed
  wrong_count,          // too few or too many entries (list items, a CSV line's fields)
  forbidden_character,  // a control character, space or slash where none is allowed
  not_utf8,
  // Relations.
  inconsistent_fields,  // breaks a relation with another field of its row (a <= b)
  out_of_order,         // comes before what it must follow (an end before its start)
  in_the_future,        // a time that has not come yet where a past one is stated
  in_the_past,          // a time that has passed where a future one is needed
  month_out_of_range,   // a month too far before or after the report's month
  notice_too_late,      // a planned outage noticed later than its notice period allows
  // Files.
  unnamed_column,
  duplicate_column,
  missing_column,
  unreadable_file,
  // The registry and other records.
  duplicate_row,        // repeats an earlier row's key or id
  unknown_equipment,
  wrong_equipment_kind,
  already_registered,
  orphaned_children,    // a change of kind would leave registered children under the wrong parent
  unknown_customer,
  // Batches: an operation that fails as a whole.
  not_batchable,
  not_permitted,
  not_found,
  operation_failed,
};

// Every rule, in declaration order: what GET /v1/validation-rules lists.
std::span<const rule> all_rules() noexcept;

// The stable code: "required", "not_a_number", ...
std::string_view to_string(rule r) noexcept;

// A short generic English text: "a required value is missing".
std::string_view message_of(rule r) noexcept;

// The rule with that code; nullopt for anything else (case-sensitive).
std::optional<rule> parse_rule(std::string_view code) noexcept;

}  // namespace gridcoord::domain
