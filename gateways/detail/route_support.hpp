#pragma once
// gateways/detail/route_support.hpp — what every route uses: JSON responses,
// the bridge from an actor reply to `respond`, and parsing of path, query and
// header values into domain types.
// [Threading] Pure helpers; reply_with's callback runs on the actor thread and
//             only calls `respond`, which posts to the session's strand.
// [Errors]    Parsers answer domain::error: invalid_request (400) for malformed
//             values, not_found (404) for unknown departments and report kinds.
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "actors/client.hpp"
#include "domain/department.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/report_kind.hpp"
#include "gateways/error_mapping.hpp"
#include "gateways/router.hpp"

namespace gridcoord::gateways::detail {

// Longest Idempotency-Key and acknowledging name ("by") accepted, in bytes.
inline constexpr std::size_t max_idempotency_key_chars = 200;
inline constexpr std::size_t max_actor_chars = 200;
inline constexpr std::string_view anonymous_actor = "anonymous";

http_response json_response(unsigned status, const boost::json::value& body);

// 500 for a failure inside a route; the details go to the log, not the client.
http_response internal_failure(std::string_view what);

// An actor reply that answers an error with its envelope and a value with
// on_value(T) -> http_response.
template <class T, class F>
actors::reply<T> reply_with(respond done, F on_value) {
  return [done = std::move(done), on_value = std::move(on_value)](domain::expected<T> result) {
    if (!result) return done(error_response(result.error()));
    try {
      done(on_value(std::move(*result)));
    } catch (const std::exception& e) {
      done(internal_failure(e.what()));
    }
  };
}

// A report's address: who sends it, which kind, which month.
struct report_address {
  domain::department department;
  const domain::report_kind* kind;
  domain::month period;
  std::string path() const;  // "/v1/reports/marketing/large_customer_demand/2026-10"
};

// The {department}/{kind}/{month} parameters: 404 for an unknown department
// or kind, 400 for a malformed month.
[[nodiscard]] domain::expected<report_address> parse_report_address(const request_context& ctx);

[[nodiscard]] domain::expected<domain::department> department_param(std::string_view text);
[[nodiscard]] domain::expected<const domain::report_kind*> kind_param(std::string_view text);
[[nodiscard]] domain::expected<domain::month> month_param(std::string_view text);

// A decimal integer in [min, max], all digits; `what` names it in the error.
[[nodiscard]] domain::expected<std::uint64_t> integer_param(std::string_view text, std::string_view what,
                                                            std::uint64_t min, std::uint64_t max);

// The query parameter `key` as an integer in [min, max]; `fallback` when absent.
[[nodiscard]] domain::expected<std::uint64_t> integer_query(const request_context& ctx,
                                                            std::string_view key,
                                                            std::uint64_t fallback,
                                                            std::uint64_t min, std::uint64_t max);

// The query parameter `key` as "true" or "false"; nullopt when absent; 400 otherwise.
[[nodiscard]] domain::expected<std::optional<bool>> bool_query(const request_context& ctx,
                                                               std::string_view key);

// The Idempotency-Key header: "" when absent; 400 when empty or longer than
// max_idempotency_key_chars.
[[nodiscard]] domain::expected<std::string> idempotency_key_of(const request_context& ctx);

// The parameters of `path` (split_path form) under `pattern` ("/v1/tokens/{id}"),
// or nullopt when the path does not match it.
std::optional<path_params> match_pattern(std::string_view pattern, const std::vector<std::string>& path);

// Who made the request, for the audit trail: the caller's token id.
std::string caller_id(const request_context& ctx);
// Where it came from (role, address, request id): domain::encode(request_origin).
std::string origin_of(const request_context& ctx);

// The idempotency digest of a write whose body is JSON or CSV
// (body_types::json_or_csv): CSV as its bytes, under "METHOD text/csv"; JSON
// as its canonical text (domain::to_text), so that a retry formatted
// differently is the same request.
std::string body_hash(const request_context& ctx, std::string_view method, std::string_view path);

}  // namespace gridcoord::gateways::detail
