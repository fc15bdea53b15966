#pragma once
// gateways/http_server.hpp — the HTTP/1.1 JSON API server (Boost.Beast inside;
// no Beast type in this header).
//
// With settings.tls enabled every connection is HTTPS: a TLS handshake (within
// header_timeout; a failed one is logged and the connection dropped) and then
// the same routes, limits, keep-alive, metrics, access log and event stream as
// plain HTTP. The certificate and key files are read by start().
//
// Owns an io_context served by settings.io_threads threads of its own, a
// listener, and one session per connection (keep-alive; pipelined requests
// are answered in order, since the next request is read only after the
// previous response is written). Requests go to the routes of
// gateways/routes.hpp, which call `client`, and to the anonymous GET /metrics
// and GET /v1/openapi.json (docs/operations.md). Every response is counted in
// the metrics and logged as an access line (gateways/access_log.hpp).
// [Threading] start() and stop() from one controlling thread. `client`'s
//             replies may run on any thread; each is posted back to its
//             session's strand. `client` must outlive the server.
// [Errors]    start() answers errc::unavailable when the address cannot be
//             resolved or bound (port in use, no permission) and
//             errc::invalid_request when called twice, or when a TLS
//             certificate or key file cannot be used (the message names it). Request errors are
//             answered with the JSON envelope of gateways/error_mapping.hpp.
// [Limits]    Applied to every request, from settings:
//             a request head (line and fields) not complete within
//             header_timeout -> 408 and close; a fresh connection silent for
//             header_timeout, or a keep-alive connection silent for
//             idle_timeout -> closed without a response;
//             a body not complete within read_timeout after its head -> 408 and close;
//             the head decides before any body is read or "100 Continue"
//             sent: a request without a valid token, for an operation its
//             role may not do, over its rate, or to no route is answered
//             (401/403/429/404/405) with its body unread and the connection
//             closed (a body of at most 64 KiB announced without "Expect:
//             100-continue" is read and dropped instead, keeping the connection);
//             body > max_body_bytes -> 413 and close; on an anonymous route
//             (no token) body > router's anonymous_body_bytes (8 KiB) -> 413 and close;
//             header block > max_header_bytes -> 431 and close;
//             a Transfer-Encoding other than "chunked" alone, or an HTTP/1.1
//             request without exactly one Host -> 400 and close (RFC 9112);
//             connections: more than max_connections_per_address from one
//             address, or more than max_connections + reserved_connections
//             open -> 503 and close (after reading the client's first bytes
//             for at most linger_timeout, so that the 503 speaks the language
//             they ask for); between max_connections and that, a connection
//             is served GET /v1/health and administrators' requests only,
//             anything else 503 and close. Every 503 carries Retry-After.
//             Every error answer is in the language the request's
//             Accept-Language asks for (zh-CN or en; gateways/error_mapping.hpp).
//             A response not written within write_timeout -> connection dropped.
//             After answering with "Connection: close" the server shuts down
//             its side and drains what the client still sends for at most
//             linger_timeout, so the client reads the answer rather than a reset.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "actors/client.hpp"
#include "config/settings.hpp"
#include "domain/error.hpp"
#include "gateways/metrics.hpp"

namespace gridcoord::gateways {

inline constexpr std::chrono::seconds write_timeout{30};
inline constexpr std::chrono::seconds linger_timeout{2};

// Sub-second timeouts, for tests and tools; each replaces its settings value.
struct timeout_overrides {
  std::optional<std::chrono::milliseconds> read_timeout;
  std::optional<std::chrono::milliseconds> idle_timeout;
  std::optional<std::chrono::milliseconds> header_timeout;
};

class http_server {
 public:
  // `source` adds figures the gateway does not own (the event log's) to GET /metrics.
  http_server(const config::server_settings& settings, actors::client& client,
              timeout_overrides overrides = {}, metrics_source source = {});
  ~http_server();  // stop()
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  // Binds settings.host:settings.port (port 0: an ephemeral port) and starts
  // serving on io_threads threads (at least one).
  [[nodiscard]] domain::status start();

  // The bound port; 0 before start().
  std::uint16_t port() const noexcept;

  // Every route served, as (method, pattern): ("PUT", "/v1/reports/{department}/{kind}/{month}").
  std::vector<std::pair<std::string, std::string>> routes() const;

  // Stops accepting, closes idle and half-read connections, lets requests
  // already handed to a route finish (their responses carry
  // "Connection: close"), then joins the io threads. Bounded by the client's
  // request timeout. Idempotent; a stopped server does not start again.
  void stop();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace gridcoord::gateways
