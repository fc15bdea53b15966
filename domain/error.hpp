#pragma once
// domain/error.hpp — the error every gridcoord component answers a client with.
//
// A code from one small enum (the gateway maps each to one HTTP status, in one
// table), a sentence for a person, and for validation every bad row and field
// at once in `details`, each with the rule it breaks (domain/validation_rule.hpp).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "domain/validation_rule.hpp"

namespace gridcoord::domain {

enum class errc {
  invalid_request = 1,  // malformed input: bad path parameter, JSON syntax, ...
  validation_failed,    // well-formed input that breaks the rules; see details
  not_found,            // no such report, item, department, ...
  conflict,             // idempotency key reused with another body, stale version
  unauthorized,         // no or bad credentials
  forbidden,            // credentials lack the role for this
  too_large,            // body or batch beyond a limit
  too_many_requests,    // the caller is over its request rate; retry later
  unavailable,          // shutting down, overloaded, or a dependency timed out
  internal,             // a bug or a storage failure; logged with the request id
};

// One bad value: which rule it breaks, where it is and why it is bad. The rule
// comes first and has no default, so that every place that builds an issue
// states it.
struct issue {
  domain::rule rule;               // the stable code a client translates
  std::optional<std::size_t> row;  // 1-based data row, when the issue is in a row
  std::string field;               // field name, or "" for the whole row/document
  std::string value;               // the offending value as received (may be "")
  std::string reason;              // a sentence for a person, in English
  std::optional<std::size_t> line;  // the file's line (from 1, the header's), for an uploaded file
  friend bool operator==(const issue&, const issue&) = default;
};

struct error {
  errc code = errc::internal;
  std::string message;
  std::vector<issue> details;
  friend bool operator==(const error&, const error&) = default;
};

// "validation_failed", ... — the stable code clients match on.
const char* to_string(errc code) noexcept;

template <class T>
using expected = gridcoord::expected<T, error>;
using status = gridcoord::expected<void, error>;

inline gridcoord::unexpected<error> fail(errc code, std::string message,
                                         std::vector<issue> details = {}) {
  return gridcoord::unexpected<error>{error{code, std::move(message), std::move(details)}};
}

}  // namespace gridcoord::domain
