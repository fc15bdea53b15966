#pragma once
// gateways/client/http_client.hpp — a synchronous HTTP/1.1 client for the
// gridcoord JSON API (Boost.Beast inside; no Beast type in this header).
//
// Talks to one endpoint over one keep-alive connection, opened by the first
// send() and opened again after the server closes it. Plain http only.
// [Threading] One thread at a time per http_client; separate clients are
//             independent.
// [Errors]    send() answers a transport_error when no HTTP answer arrived:
//             the host cannot be resolved or refuses the connection
//             (cannot_connect), the exchange took longer than the timeout
//             (timeout), or the connection broke / the answer is not HTTP
//             (broken). Every HTTP status, 4xx and 5xx included, is a
//             response, not an error. A GET sent on a reused connection that
//             the server had closed meanwhile is sent once more on a new
//             connection; other methods are never sent twice.
// [Limits]    `timeout` bounds each send() as a whole: resolve, connect,
//             write and read. Response bodies of any size are read (they are
//             held in memory); a response header block is at most 64 KiB.
#include <chrono>
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
  std::string body;    // sent with Content-Type: application/json when not empty
  header_list headers;
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

struct client_options {
  std::chrono::milliseconds timeout{30'000};
  std::string user_agent = "gridcoord-client";
};

class http_client {
 public:
  http_client(endpoint where, client_options options = {});
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  [[nodiscard]] expected<http_response, transport_error> send(const http_request& request);

  const endpoint& where() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace gridcoord::gateways::client
