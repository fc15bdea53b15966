#pragma once
// gateways/client/http_client.hpp — a synchronous HTTP/1.1 client for the
// gridcoord JSON API (Boost.Beast inside; no Beast type in this header).
//
// Talks to one endpoint over one keep-alive connection, opened by the first
// send() and opened again after the server closes it. For an https endpoint
// the connection is TLS (OpenSSL): SNI names the host, and the server's
// certificate must chain to a trusted CA (client_options::ca_file, else the
// system's store) and name the host (DNS name, or IP address for an IP host).
// [Threading] One thread at a time per http_client; separate clients are
//             independent.
// [Errors]    send() answers a transport_error when no HTTP answer arrived:
//             the host cannot be resolved or refuses the connection, the CA
//             file cannot be loaded, or the TLS handshake fails — the message
//             then says "the server's certificate is not trusted: <OpenSSL's
//             reason>" when verification failed (cannot_connect), the exchange took longer than the timeout
//             (timeout), or the connection broke / the answer is not HTTP
//             (broken). Every HTTP status, 4xx and 5xx included, is a
//             response, not an error. A GET sent on a reused connection that
//             the server had closed meanwhile is sent once more on a new
//             connection; other methods are never sent twice.
// [Limits]    `timeout` bounds each send() as a whole: resolve, connect, the
//             TLS handshake, write and read. Response bodies of any size are read (they are
//             held in memory); a response header block is at most 64 KiB.
//
// stream() is for bodies that do not end on their own (GET /v1/stream): it
// hands the head, then the body's bytes as they arrive (de-chunked), to
// callbacks, until the server ends the body, a callback answers
// stream_step::stop, or nothing arrives for `idle_timeout`.
// [Errors]    As send() up to the head (timeout bounds resolve, connect, the
//             TLS handshake, write and the head); after the head a broken connection is a
//             transport_error (broken) too, while a body the server ends is
//             stream_end::closed. Never sent twice once the head has arrived.
// [Limits]    The connection is closed when stream() returns, so the next
//             send() opens a new one. Callbacks run on the calling thread; an
//             exception they throw leaves stream() (the connection closed).
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/expected.hpp"
#include "gateways/client/url.hpp"

namespace gridcoord::gateways::client {

using header_list = std::vector<std::pair<std::string, std::string>>;

struct http_request {
  std::string method;  // "GET", "PUT", "POST", "DELETE"
  std::string target;  // "/v1/…?query", already percent-encoded; the base path goes before it
  std::string body;    // sent with Content-Type: `content_type` when not empty
  header_list headers;
  std::string content_type = "application/json";  // of the body: "text/csv; charset=utf-8"
  friend bool operator==(const http_request&, const http_request&) = default;
};

struct http_response {
  unsigned status = 0;
  std::string reason;  // "Not Found"
  header_list headers;
  std::string body;
  // The first header called `name` (case-insensitive).
  std::optional<std::string> header(std::string_view name) const;
};

enum class transport_errc { cannot_connect, timeout, broken };

struct transport_error {
  transport_errc code = transport_errc::broken;
  std::string message;  // for a person: what failed, and where
};

enum class stream_step { more, stop };
enum class stream_end { closed, stopped, idle };  // the server ended the body; a callback; idle_timeout

// The head: status, reason, headers, body empty.
using head_handler = std::function<stream_step(const http_response& head)>;
using bytes_handler = std::function<stream_step(std::string_view bytes)>;

struct client_options {
  std::chrono::milliseconds timeout{30'000};
  std::string user_agent = "gridcoord-client";
  std::string ca_file;  // https: PEM CA certificates to trust instead of the system's store; "" = the system's
};

class http_client {
 public:
  http_client(endpoint where, client_options options = {});
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  [[nodiscard]] expected<http_response, transport_error> send(const http_request& request);

  // Sends Accept: text/event-stream unless `request` names an Accept header.
  [[nodiscard]] expected<stream_end, transport_error> stream(const http_request& request, const head_handler& on_head,
                                                             const bytes_handler& on_bytes,
                                                             std::chrono::milliseconds idle_timeout);

  const endpoint& where() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace gridcoord::gateways::client
