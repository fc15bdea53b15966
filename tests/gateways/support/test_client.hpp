#pragma once
// tests/gateways/support/test_client.hpp — a small synchronous HTTP/1.1 client
// for the gateway tests, one connection per object.
//
// Every call returns or fails within `deadline` (Beast's stream timeout), so
// a server that does not answer fails the test instead of hanging it.
// [Errors] read/send throw boost::system::system_error on failure or timeout.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "actors/client.hpp"
#include "config/settings.hpp"
#include "gateways/detail/beast.hpp"
#include "gateways/http_server.hpp"
#include "tests/gateways/support/fake_client.hpp"

namespace gridcoord::testing {

namespace http = boost::beast::http;
using response = http::response<http::string_body>;
using headers = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::chrono::seconds deadline{5};

// A request with Host, Content-Type: application/json when it has a body, and
// the fake's admin token; an empty value in `extra` removes that header.
http::request<http::string_body> make_request(http::verb method, std::string_view target,
                                              std::string body = "", const headers& extra = {});

class test_client {
 public:
  explicit test_client(std::uint16_t port);

  // Sends one request and reads its response.
  response request(http::verb method, std::string_view target, std::string body = "",
                   const headers& extra = {});
  void send(const http::request<http::string_body>& req);
  void write_raw(std::string_view bytes);
  response read();
  // True when the server closes the connection (EOF or reset) before `deadline`
  // and before sending anything more.
  bool closed_by_server();

 private:
  boost::asio::io_context ioc_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
};

// The body parsed as JSON (throws when it is not).
boost::json::value json_of(const response& r);

// A server on 127.0.0.1:0 with small limits, over a fake client.
struct server_fixture {
  explicit server_fixture(config::server_settings s = small_settings(), gateways::timeout_overrides o = {});
  ~server_fixture();
  test_client connect() const { return test_client(server.port()); }
  response request(http::verb method, std::string_view target, std::string body = "",
                   const headers& extra = {}) const;

  static config::server_settings small_settings();

  fake_client fake;
  gateways::http_server server;
};

}  // namespace gridcoord::testing
