#pragma once
// domain/report_kind.hpp — what each monthly report holds and who exchanges it.
//
// One report_kind per monthly flow of DESIGN.md (M1 ...): its sender, its
// recipients, and the schema of its rows. The catalogue is static data; it is
// what validation, routing and GET /v1/report-kinds read.
// [Threading] Immutable after start; safe to share.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/department.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"

namespace gridcoord::domain {

enum class field_type {
  text,    // non-empty UTF-8 string
  number,  // finite JSON number, optionally bounded
  year_month,  // "YYYY-MM"
};

struct field_spec {
  std::string name;         // snake_case, unit in the name: "demand_kw"
  field_type type = field_type::text;
  bool required = false;
  std::optional<double> min;  // inclusive
  std::optional<double> max;  // inclusive
  bool positive = false;      // number must be > 0
  std::string description;
};

// A cell of a validated row: absent, text (also months) or a number.
struct cell {
  enum class kind { empty, text, number };
  kind k = kind::empty;
  std::string text;
  double number = 0;
  friend bool operator==(const cell&, const cell&) = default;
};

using row = std::vector<cell>;  // one cell per field_spec, in schema order

struct report_kind;
// A rule that spans fields of one row; it runs only when each of `fields`
// passed its own check, and appends an issue when the row breaks it.
struct row_rule {
  std::vector<std::string> fields;
  std::function<void(const report_kind&, const row&, month period, std::size_t row_number,
                     std::vector<issue>& out)>
      check;
};

struct report_kind {
  std::string id;                      // "large_customer_demand"
  std::string flow;                    // "M1"
  std::string title;                   // "Large customers' potential demand"
  department sender = department::marketing;
  std::vector<department> recipients;  // in the order DESIGN.md lists them
  std::vector<field_spec> fields;
  std::vector<row_rule> rules;

  // Index of the field with that name, or nullopt.
  std::optional<std::size_t> field_index(std::string_view name) const;
};

// Every report kind gridcoord knows, in flow order.
std::span<const report_kind> report_catalogue();

// The kind with that id; nullopt when there is none.
const report_kind* find_report_kind(std::string_view id);

}  // namespace gridcoord::domain
