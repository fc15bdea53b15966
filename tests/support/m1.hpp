#pragma once
// tests/support/m1.hpp — M1 (large customer demand) submissions for tests.
#include <string>

#include "actors/client.hpp"

namespace gridcoord::testing {

inline domain::row m1_row(std::string customer, double kw, std::string feeder = "F-101") {
  using domain::cell;
  return {cell{cell::kind::text, std::move(customer), 0}, cell{cell::kind::text, std::move(feeder), 0},
          cell{}, cell{cell::kind::number, {}, kw}, cell{},
          cell{cell::kind::text, "2027-03", 0}, cell{cell::kind::number, {}, 80}};
}

inline actors::report_submission m1_submission(std::string month = "2026-10", int rows = 2) {
  actors::report_submission s;
  s.sender = domain::department::marketing;
  s.kind = "large_customer_demand";
  s.period = *domain::parse_month(month);
  for (int i = 0; i < rows; ++i) s.rows.push_back(m1_row("Customer " + std::to_string(i), 1000 + i));
  s.submitted_by = "zhang.min";
  return s;
}

}  // namespace gridcoord::testing
