#include "domain/batch.hpp"

#include <fmt/format.h>

namespace gridcoord::domain {

namespace {

// The issue's field as seen from the batch: a row's field gets its row.
std::string field_in_operation(const issue& i) {
  if (!i.row) return i.field;
  return i.field.empty() ? fmt::format("rows[{}]", *i.row) : fmt::format("rows[{}].{}", *i.row, i.field);
}

// The rule of an operation that failed as a whole, without details of its own.
rule rule_of_failure(errc code) {
  switch (code) {
    case errc::forbidden: return rule::not_permitted;
    case errc::not_found: return rule::not_found;
    default: return rule::operation_failed;
  }
}

}  // namespace

error combine_failures(const std::vector<operation_failure>& failures, std::size_t operations) {
  error out;
  out.code = failures.front().failure.code;
  if (failures.size() == 1)
    out.message = fmt::format("operation {} of {}: {}; nothing was written", failures.front().position + 1,
                              operations, failures.front().failure.message);
  else
    out.message = fmt::format("{} of {} operations cannot be applied; nothing was written",
                              failures.size(), operations);
  for (const auto& f : failures) {
    auto position = f.position + 1;
    if (f.failure.details.empty()) {
      out.details.push_back({rule_of_failure(f.failure.code), position, "", "", f.failure.message});
      continue;
    }
    for (const auto& i : f.failure.details)
      out.details.push_back({i.rule, position, field_in_operation(i), i.value, i.reason});
  }
  return out;
}

}  // namespace gridcoord::domain
