#pragma once
// gateways/router.hpp — the table from (method, path pattern) to route.
//
// A route is a function from a request (with its path parameters) to a
// response. It never blocks: it answers through `respond`, at once or later
// from any thread (an actor reply); the session posts the answer back onto its
// own strand. Patterns are literal segments and "{name}" parameters:
// "/v1/reports/{department}/{kind}/{month}"; a last "{name...}" takes the rest
// of the path, slashes and all, and may be empty ("/console/{path...}" matches
// "/console/" and "/console/reports/a/b/c", not "/console").
// [Threading] add() before serving; dispatch() is const and safe from any thread.
// [Errors]    dispatch answers by itself, with the JSON error envelope:
//             400 for a malformed target or JSON body, 404 when no pattern
//             matches the path, 405 (with Allow) when patterns match but not
//             the method, 415 for a body on a write that is not
//             application/json (nor text/csv, on a route added with
//             body_types::json_or_csv, nor application/x-ndjson or
//             text/plain with json_or_lines; a charset other than utf-8 is
//             415 too, and for CSV one other than utf-8, gb18030, gbk or
//             gb2312), 400 for a CSV body that is not text in its charset (or,
//             without one, neither UTF-8 nor GB18030), 500 when a route throws.
//             Access is decided here and nowhere else: each route declares
//             the operation it performs (an access_rule); for any operation
//             but read_public the request must carry "Authorization: Bearer
//             <token>" that the authenticator accepts (else 401 with
//             WWW-Authenticate), and domain::allowed must grant the operation
//             to the token's role (else 403). The route then sees the caller
//             in request_context::caller. A caller over its rate limit is
//             answered 429 with Retry-After.
// [Limits]    `respond` must be called exactly once per dispatch.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "gateways/detail/beast.hpp"
#include "domain/auth.hpp"
#include "domain/csv_encoding.hpp"
#include "domain/error.hpp"
#include "domain/localize.hpp"
#include "gateways/rate_limiter.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways {

using http_request = boost::beast::http::request<boost::beast::http::string_body>;
using http_verb = boost::beast::http::verb;

namespace detail {
struct stream_start;  // gateways/detail/event_stream.hpp
}

// An error answer's error, as its body states it in English, and the words
// for its kind (the code's title, or a protocol failure's) for a message the
// catalogue has no translation of (domain/localize.hpp).
struct error_answer {
  domain::error error;
  domain::localized_text title;
  boost::json::object extra;  // fields beside the error's own (a CSV upload's "encoding")
};

// What a route answers: a status, a JSON body and any extra headers (Location,
// Allow). The session adds Content-Type, Content-Length, X-Request-Id and
// Connection. A streaming route (GET /v1/stream) sets `stream` instead of a
// body: the session then hands the connection to detail::event_stream, which
// writes the head and the events until the client leaves or the server stops.
// An error answer (error_response, gateways/error_mapping.hpp) carries its
// error in `error` too: the session writes it in the language the request asks
// for (in_language), so that routes never think about languages.
struct http_response {
  unsigned status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::shared_ptr<const detail::stream_start> stream;
  std::optional<error_answer> error;
};

using respond = std::function<void(http_response)>;

using path_params = std::vector<std::pair<std::string, std::string>>;

// What a route sees. Valid only while the route runs: a route copies what its
// continuation needs.
struct request_context {
  const http_request& http;
  path_params params;                  // decoded, by pattern name
  query_params query;                  // decoded, in order
  std::optional<boost::json::value> body;  // parsed when the request had a body
  std::optional<domain::principal> caller;  // set for every route but read_public ones
  std::string remote;                       // the client's address
  std::string request_id;                   // the X-Request-Id of the answer
  // The body as UTF-8 text, unparsed, when the route takes CSV and the request
  // is text/csv (then `body` is empty): decoded from the charset the
  // Content-Type names, or the one detected (domain/csv_encoding.hpp), which
  // `encoding` names. The bytes as sent stay in `http`.
  std::optional<domain::decoded_text> csv;

  // The parameter's value; "" when the pattern has no such name.
  std::string_view param(std::string_view name) const;
  // A header's value, or nullopt when absent.
  std::optional<std::string_view> header(std::string_view name) const;
};

using route_handler = std::function<void(const request_context&, respond)>;

// The operation a request performs, from its path parameters (domain/auth.hpp).
using access_rule = std::function<domain::operation(const request_context&)>;

// The bodies a write route takes: JSON (parsed into request_context::body), and
// for json_or_csv also "text/csv" (UTF-8 or GB18030; handed over as UTF-8 in
// request_context::csv),
// for json_or_lines also JSON lines, "application/x-ndjson" or "text/plain"
// (UTF-8; not parsed: the route reads the request's body itself).
enum class body_types { json, json_or_csv, json_or_lines };

// The caller behind a bearer token, or errc::unauthorized.
using authenticator = std::function<domain::expected<domain::principal>(std::string_view bearer)>;

// The body an anonymous route (read_public) takes at most: it is read before
// anyone is known, so it is kept small; beyond it, 413 and close.
inline constexpr std::size_t anonymous_body_bytes = 8u << 10;

class router {
  struct route;  // below

 public:
  // What a request's head decides, before its body is read (admit()): the
  // route and the caller, or the answer to send instead of reading the body.
  class admission {
   public:
    // 400 (target), 404, 405, 401, 403 or 429: answer it and close, unread body and all.
    const std::optional<http_response>& refusal() const noexcept { return refusal_; }
    // The route is served without a token: its body is limited to anonymous_body_bytes.
    bool anonymous() const noexcept { return !caller_; }
    // Served even at the connection cap (from the reserve): GET /v1/health,
    // and any request of an administrator's token.
    bool essential() const noexcept { return essential_; }

   private:
    friend class router;
    const route* route_ = nullptr;
    path_params params_;
    query_params query_;
    std::optional<domain::principal> caller_;
    std::optional<http_response> refusal_;
    bool essential_ = false;
  };


  // `limiter` (optional) caps each token's request rate: beyond it, 429.
  explicit router(authenticator authenticate, std::shared_ptr<rate_limiter> limiter = nullptr)
      : authenticate_(std::move(authenticate)), limiter_(std::move(limiter)) {}

  // REQUIRES: `pattern` starts with '/'; each segment is a literal or "{name}";
  //           the last may be "{name...}".
  void add(http_verb method, std::string_view pattern, access_rule access, route_handler handler,
           body_types takes = body_types::json);

  // From the request's head alone (its body may not have been read): finds
  // the route, authenticates the token, authorizes the operation and applies
  // the rate limit, so that no body is read, and no "100 Continue" sent, for
  // a request that will be refused.
  admission admit(const http_request& head) const;

  // Runs the route `admitted` found for `request` (the same request, body
  // read), or answers an error itself (a refusal, a body of the wrong type).
  // `remote` and `request_id` are handed to the route (for the audit trail).
  void dispatch(const http_request& request, admission admitted, std::string remote, std::string request_id,
                respond done) const;
  // admit() and dispatch() in one step, for a request held whole.
  void dispatch(const http_request& request, std::string remote, std::string request_id,
                respond done) const;

  // Read-only view of the table, in the order routes were added: each route's
  // method and pattern as given to add() (for metrics labels, docs and tests).
  struct entry {
    http_verb method;
    std::string pattern;  // a rest parameter shows as "{name}"
    bool rest = false;    // the last parameter takes the rest of the path
  };
  std::vector<entry> table() const;

 private:
  struct segment {
    std::string text;
    bool is_param = false;
  };
  struct route {
    http_verb method;
    std::vector<segment> pattern;
    bool rest = false;  // the last segment is a "{name...}" parameter
    access_rule access;
    route_handler handler;
    body_types takes = body_types::json;
  };

  // The caller, or the 401/403/429 response to send instead.
  std::optional<http_response> authorize(const route& r, request_context& ctx) const;

  static bool matches(const route& r, const std::vector<std::string>& path, path_params& params);

  authenticator authenticate_;
  std::shared_ptr<rate_limiter> limiter_;
  std::vector<route> routes_;
};

}  // namespace gridcoord::gateways
