#include "domain/report_kind.hpp"

#include <fmt/format.h>

namespace gridcoord::domain {

namespace {

const cell& at(const report_kind& k, const row& r, std::string_view field) {
  return r[*k.field_index(field)];
}

// Exactly one of two optional fields must be present.
row_rule exactly_one_of(std::string a, std::string b) {
  return {{a, b}, [a, b](const report_kind& k, const row& r, month, std::size_t n, std::vector<issue>& out) {
    bool has_a = at(k, r, a).k != cell::kind::empty;
    bool has_b = at(k, r, b).k != cell::kind::empty;
    if (has_a == has_b)
      out.push_back({n, has_a ? b : a, "",
                     fmt::format("give exactly one of {} and {}", a, b)});
  }};
}

// A month field must not lie before the report's period, nor too far after it.
row_rule month_within(std::string field, int max_months_ahead) {
  return {{field}, [field, max_months_ahead](const report_kind& k, const row& r, month period,
                                   std::size_t n, std::vector<issue>& out) {
    const cell& c = at(k, r, field);
    if (c.k != cell::kind::text) return;
    auto m = parse_month(c.text);
    if (!m) return;  // already reported as a bad month
    int ahead = months_between(period, *m);
    if (ahead < 0)
      out.push_back({n, field, c.text,
                     fmt::format("is before the report month {}", to_string(period))});
    else if (ahead > max_months_ahead)
      out.push_back({n, field, c.text,
                     fmt::format("is more than {} months after the report month {}",
                                 max_months_ahead, to_string(period))});
  }};
}

std::vector<report_kind> make_catalogue() {
  std::vector<report_kind> kinds;
  kinds.push_back(report_kind{
      .id = "large_customer_demand",
      .flow = "M1",
      .title = "Large customers' potential demand",
      .sender = department::marketing,
      .recipients = {department::planning, department::dispatch},
      .fields =
          {
              {.name = "customer", .type = field_type::text, .required = true,
               .description = "customer name or id"},
              {.name = "feeder", .type = field_type::text,
               .description = "feeder the demand connects to (or give area)"},
              {.name = "area", .type = field_type::text,
               .description = "area the demand falls in (or give feeder)"},
              {.name = "demand_kw", .type = field_type::number, .positive = true,
               .description = "potential demand in kW (or give demand_kva)"},
              {.name = "demand_kva", .type = field_type::number, .positive = true,
               .description = "potential demand in kVA (or give demand_kw)"},
              {.name = "expected_month", .type = field_type::year_month, .required = true,
               .description = "month the demand is expected to appear, YYYY-MM"},
              {.name = "likelihood_pct", .type = field_type::number, .required = true,
               .min = 0.0, .max = 100.0, .description = "likelihood of the demand, 0-100 %"},
          },
      .rules = {exactly_one_of("feeder", "area"), exactly_one_of("demand_kw", "demand_kva"),
                month_within("expected_month", 120)},
  });
  return kinds;
}

}  // namespace

std::optional<std::size_t> report_kind::field_index(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return i;
  return std::nullopt;
}

std::span<const report_kind> report_catalogue() {
  static const std::vector<report_kind> kinds = make_catalogue();
  return kinds;
}

const report_kind* find_report_kind(std::string_view id) {
  for (const auto& k : report_catalogue())
    if (k.id == id) return &k;
  return nullptr;
}

}  // namespace gridcoord::domain
