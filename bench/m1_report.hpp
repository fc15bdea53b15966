#pragma once
// bench/m1_report.hpp — a realistic large M1 report (large_customer_demand),
// generated for benchmarks, as a JSON body and as a CSV file.
//
// Rows are drawn from a fixed seed, so two runs send the same bytes. Customer
// names mix Chinese ("华东钢构有限公司") and ASCII ("Hengda Steel Co., Ltd.")
// names; about two thirds give a feeder, the rest an area; demand is in kW
// (with a decimal) or in kVA (transformer sizes); expected months lie within
// the 120 months the kind allows after the report month. Every row has a
// distinct key (customer, feeder, area, expected_month), so the report is
// valid as a whole: a 201, not a 422.
// [Threading] Pure; safe from any thread.
// [Limits]    At most ~1.2 million distinct keys per period.
#include <cstddef>
#include <string>
#include <vector>

#include "domain/month.hpp"

namespace gridcoord::bench {

struct m1_row {
  std::string customer;
  std::string feeder;          // "" when the row gives an area
  std::string area;            // "" when the row gives a feeder
  double demand_kw = 0;        // 0 when the row gives kVA
  double demand_kva = 0;       // 0 when the row gives kW
  std::string expected_month;  // "YYYY-MM"
  double likelihood_pct = 0;
};

// `count` rows with distinct keys for a report of `period`.
std::vector<m1_row> make_m1_rows(std::size_t count, domain::month period);

// {"rows":[{...},...]}, numbers as people write them.
std::string m1_json(const std::vector<m1_row>& rows);

// A header line and one record per row (CRLF, as a spreadsheet saves it);
// names with a comma are quoted, as are kW figures of 1,000 and more, which
// are written with a thousands separator.
std::string m1_csv(const std::vector<m1_row>& rows);

}  // namespace gridcoord::bench
