#pragma once
// domain/row_rules.hpp — the cross-field rules report kinds are built from.
//
// Each builder answers a row_rule with its description in words; the issue it
// raises names the row, the field to mend, its value and the reason. Builders
// only capture field names: a name that is not a field of the kind the rule is
// put in is a catalogue bug, caught by tests/domain/report_kinds_test.cpp.
// [Threading] Rules are immutable; safe to run from any thread.
#include <string>
#include <vector>

#include "domain/report_kind.hpp"

namespace gridcoord::domain {

// A cell's value as a client writes it, for an issue: "1250.5", "2027-03"; ""
// when empty.
std::string cell_text(const cell& c);

// Exactly one of two optional fields is given.
row_rule exactly_one_of(std::string a, std::string b);

// Whether a month field may lie before the report month.
enum class earlier_months { refused, allowed };

// A month field lies at most `max_ahead` months after the report month, and
// not before it unless `earlier` is allowed.
row_rule month_within(std::string field, earlier_months earlier, int max_ahead);

// Number `a` is greater than number `b` (both fields given).
row_rule greater_than(std::string a, std::string b);

// Number `a` is at most number `b` (both fields given).
row_rule at_most(std::string a, std::string b);

// A number of hours is at most the hours in the report month (720 in a
// 30-day month).
row_rule at_most_hours_in_month(std::string field);

// `target` is given whenever choice field `when` has the value `value`.
row_rule required_when(std::string target, std::string when, std::string value);

// The fields of one layout of a row with several (M2: projects and
// reinforcements), chosen by the value of a choice field.
struct row_layout {
  std::string value;                  // the choice that selects it: "project"
  std::vector<std::string> required;  // fields a row of this layout must give
  std::vector<std::string> optional;  // fields it may give
};

// Rows whose choice field `field` selects a layout give that layout's required
// fields and none of the fields that belong only to other layouts. Fields in
// no layout (the choice itself, common fields) are not concerned.
row_rule row_layouts(std::string field, std::vector<row_layout> layouts);

// The "no duplicate rows" rule of a kind (report_kind::key) in words: "no two
// rows have the same equipment_id"; "" when the kind has no key. parse_rows
// (domain/report.hpp) applies it.
std::string key_description(const report_kind& kind);

}  // namespace gridcoord::domain
