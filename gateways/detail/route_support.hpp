#pragma once
// gateways/detail/route_support.hpp — what every route uses: JSON responses,
// the bridge from an actor reply to `respond`, and parsing of path, query and
// header values into domain types, and a reader of JSON object bodies that
// collects every issue.
// [Threading] Pure helpers; reply_with's callback runs on the actor thread and
//             only calls `respond`, which posts to the session's strand.
// [Errors]    Parsers answer domain::error: invalid_request (400) for malformed
//             values, not_found (404) for unknown departments and report kinds.
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "actors/client.hpp"
#include "domain/clock.hpp"
#include "domain/department.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/report_kind.hpp"
#include "domain/text_rules.hpp"
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

// The answer to an upload of a CSV body names the encoding it was read in:
// {"encoding": "UTF-8"} or "GB18030" beside the other members of `answer`,
// and in the error object of a refusal. Nothing for any other body.
void note_csv_encoding(const request_context& ctx, boost::json::object& answer);
http_response upload_error_response(const request_context& ctx, const domain::error& e);

// The idempotency digest of a write whose body is JSON or CSV
// (body_types::json_or_csv): CSV as its bytes as sent (before decoding),
// under "METHOD text/csv"; JSON
// as its canonical text (domain::to_text), so that a retry formatted
// differently is the same request.
std::string body_hash(const request_context& ctx, std::string_view method, std::string_view path);

// Whether a write whose body is empty (or null) reads it as {} (a step with
// only optional fields) or refuses it with 400, as a body that is not an object.
enum class empty_body { reads_as_object, refused };

// The fields of one JSON object, read one by one; every issue is kept and
// finish() answers them all. Every text is held to its kind's length and
// character rules (domain/text_rules.hpp).
class body_reader {
 public:
  // `what` names the body in messages ("outage report").
  body_reader(const boost::json::value* body, std::string_view what, const std::vector<std::string_view>& known,
              empty_body empty = empty_body::reads_as_object);

  // A string of that kind; "" when absent (an issue when `required`, or when
  // empty and required), and "" with an issue when it breaks the kind's rules.
  std::string text(std::string_view key, bool required, domain::text_kind kind);
  std::optional<std::string> optional_text(std::string_view key, domain::text_kind kind);
  // An RFC 3339 time with its offset; nullopt when absent (an issue when `required`).
  std::optional<domain::time_point> time(std::string_view key, bool required);
  // An array of non-empty strings (equipment ids, each an identifier); at
  // least one when `required`.
  std::vector<std::string> ids(std::string_view key, bool required);
  std::optional<std::uint64_t> integer(std::string_view key, std::uint64_t min, std::uint64_t max);
  std::optional<bool> boolean(std::string_view key);
  // The field's string as `parse` reads it; `allowed` lists the values in the issue.
  template <class Parse>
  auto choice(std::string_view key, Parse parse, std::string_view allowed) -> decltype(parse(std::string_view{})) {
    const auto* v = field(key);
    if (!v) {
      issue(domain::rule::required, key, "", fmt_allowed("is required: one of", allowed));
      return std::nullopt;
    }
    auto parsed = v->is_string() ? parse(std::string_view(v->get_string())) : std::nullopt;
    if (!parsed) issue_of(domain::rule::not_one_of, key, *v, fmt_allowed("must be one of", allowed));
    return parsed;
  }

  // An issue breaking `broken`, with the value as an issue quotes it (domain::value_text).
  void issue_of(domain::rule broken, std::string_view key, const boost::json::value& v, std::string reason);
  void issue(domain::rule broken, std::string_view key, std::string value, std::string reason);
  bool has(std::string_view key) const { return field(key) != nullptr; }

  // invalid_request when the body is not an object; else validation_failed
  // with every issue, or nothing.
  [[nodiscard]] domain::status finish() const;

 private:
  const boost::json::value* field(std::string_view key) const;  // nullptr when absent or null
  static std::string fmt_allowed(std::string_view lead, std::string_view allowed);

  const boost::json::object* object_ = nullptr;
  bool not_object_ = false;
  std::string what_;
  std::vector<domain::issue> issues_;
};

}  // namespace gridcoord::gateways::detail
