#pragma once
// domain/report_kind.hpp — what each monthly report holds and who exchanges it.
//
// One report_kind per monthly flow of DESIGN.md (M1 ... M8, M6 aside: that is a
// publication, not a report): its sender, its recipients, and the schema of its
// rows — fields with their types and bounds, cross-field rules, and the fields
// that identify a row. The catalogue (domain/report_catalogue.cpp) is static
// data; it is what validation, routing and GET /v1/report-kinds read.
// [Threading] Immutable after start; safe to share.
// [Errors]    find_report_kind answers nullptr for an unknown id.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/department.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/text_rules.hpp"

namespace gridcoord::domain {

enum class field_type {
  text,        // non-empty UTF-8 string, within its text_kind's rules (domain/text_rules.hpp)
  number,      // finite JSON number, optionally bounded
  integer,     // a whole number (3, also written 3.0), optionally bounded
  choice,      // one of field_spec::allowed, exactly as written
  year_month,  // "YYYY-MM"
};

// "text", "number", "integer", "choice", "year_month".
std::string_view to_string(field_type t) noexcept;

// What a CSV cell with a percent sign ("80%", "８０％") means in a number
// field (domain/report_csv.hpp): not a number (most fields); the number of
// percent itself, for a field counted in % ("80%" in likelihood_pct is 80);
// or a fraction, for a field that is a share from 0 to 1 ("80%" in
// demand_factor is 0.8). JSON bodies take plain numbers only.
enum class percent_sign { refused, points, fraction };

// What a text field's value names in the equipment registry (domain/equipment.hpp):
// nothing, any equipment, or a feeder. Checked by domain/references.hpp.
enum class reference { none, equipment, feeder };

// "none", "equipment", "feeder".
std::string_view to_string(reference r) noexcept;

struct field_spec {
  std::string name;         // snake_case, unit in the name: "demand_kw"
  // The column heading a Chinese liaison writes (zh-CN), with the unit in
  // parentheses where the field has one: "需求负荷(kW)". A CSV header may name
  // the field by it, with or without the unit. "" for none.
  std::string label;
  field_type type = field_type::text;
  bool required = false;
  std::optional<double> min;  // inclusive (number, integer)
  std::optional<double> max;  // inclusive (number, integer)
  bool positive = false;      // number must be > 0
  std::vector<std::string> allowed;  // choice: every accepted value
  std::string description;
  reference references = reference::none;  // the registry entry the value names
  // The reference is checked only in rows whose field `references_when[0]`
  // has the value `references_when[1]` (M2: equipment uprated, not new); empty: always.
  std::vector<std::string> references_when;
  percent_sign percent = percent_sign::refused;  // number: what a CSV "80%" is
  // text: its length limit and the characters it may hold (ids and
  // references: identifier; words in sentences: free_text).
  text_kind text_as = text_kind::name;
};

// A cell of a validated row: absent, text (also months and choices) or a number.
struct cell {
  enum class kind { empty, text, number };
  kind k = kind::empty;
  std::string text;
  double number = 0;
  friend bool operator==(const cell&, const cell&) = default;
};

using row = std::vector<cell>;  // one cell per field_spec, in schema order

struct report_kind;

// What a cross-field rule sees of one row while it is validated.
struct row_view {
  const report_kind& kind;
  const row& cells;                  // a rejected value is an empty cell here
  month period;                      // the report's month
  std::size_t number = 0;            // 1-based row number
  const std::vector<bool>& rejected;  // per field: given, but its value failed its own check

  // REQUIRES: `field` is a field of `kind`.
  const cell& at(std::string_view field) const;
  // Whether the row gives `field` at all, with a valid value or not.
  bool given(std::string_view field) const;
};

// A rule that spans fields of one row. It runs only when none of `fields` has
// an issue yet (its own check, "is required", or an earlier rule), and
// appends an issue when the row breaks it.
struct row_rule {
  std::vector<std::string> fields;
  std::string description;  // the rule in words, as GET /v1/report-kinds shows it
  std::function<void(const row_view&, std::vector<issue>& out)> check;
};

struct report_kind {
  std::string id;                      // "large_customer_demand"
  std::string flow;                    // "M1"
  std::string title;                   // "Large customers' potential demand"
  department sender = department::marketing;
  std::vector<department> recipients;  // in the order DESIGN.md lists them
  std::vector<field_spec> fields;
  std::vector<row_rule> rules;
  // The fields whose values together identify a row (an absent optional field
  // counts as empty): a later row that repeats an earlier one's is an issue.
  // Empty: any number of equal rows.
  std::vector<std::string> key;

  // Index of the field with that name, or nullopt.
  std::optional<std::size_t> field_index(std::string_view name) const;
};

// Every report kind gridcoord knows, in flow order.
std::span<const report_kind> report_catalogue();

// The kind with that id; nullptr when there is none.
const report_kind* find_report_kind(std::string_view id);

}  // namespace gridcoord::domain
