#pragma once
// tests/gateways/support/tls_client.hpp — test_client's twin over TLS: one
// connection per object, the handshake in the constructor, the server's
// certificate verified against `ca_file` (and its name, 127.0.0.1).
// Every call returns or fails within `deadline`.
// [Errors] The constructor and every call throw boost::system::system_error on
//          failure (a failed verification included) or timeout.
#include <cstdint>
#include <string>
#include <string_view>

#include "gateways/detail/tls.hpp"
#include "tests/gateways/support/test_client.hpp"

namespace gridcoord::testing {

class tls_client {
 public:
  tls_client(std::uint16_t port, const std::string& ca_file);

  response request(http::verb method, std::string_view target, std::string body = "",
                   const headers& extra = {});
  void send(const http::request<http::string_body>& req);
  response read();
  // Reads the head of a response whose body does not end (GET /v1/stream).
  http::response_header<> read_head();
  // Reads body bytes until `text` has arrived (within `deadline`); answers all read so far.
  std::string read_until(std::string_view text);
  // True when the server ends the TLS session cleanly (its close_notify)
  // before `deadline` and before sending anything more.
  bool shut_down_by_server();

 private:
  template <class Start>
  void run(Start start);

  boost::asio::io_context ioc_;
  boost::asio::ssl::context ctx_{boost::asio::ssl::context::tls_client};
  gateways::detail::tls_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<http::response_parser<http::string_body>> head_parser_;
};

}  // namespace gridcoord::testing
