#include "tests/gateways/support/test_client.hpp"

#include <stdexcept>

#include <boost/json/parse.hpp>

namespace gridcoord::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {

// Runs the io_context until `start`'s operation completes; throws on error.
template <class Start>
void run(net::io_context& ioc, beast::tcp_stream& stream, Start start) {
  beast::error_code result;
  bool completed = false;
  stream.expires_after(deadline);
  start([&](beast::error_code ec, std::size_t = 0) {
    result = ec;
    completed = true;
  });
  ioc.restart();
  ioc.run();
  if (!completed) throw std::runtime_error("test client: operation did not complete");
  if (result) throw boost::system::system_error(result);
}

}  // namespace

http::request<http::string_body> make_request(http::verb method, std::string_view target,
                                              std::string body, const headers& extra) {
  http::request<http::string_body> req{method, target, 11};
  req.set(http::field::host, "127.0.0.1");
  if (!body.empty()) req.set(http::field::content_type, "application/json");
  // Acts as an administrator unless the test sets (or empties) Authorization.
  req.set(http::field::authorization, "Bearer " + fake_client::admin_token());
  for (const auto& [name, value] : extra) {
    if (value.empty()) req.erase(name);
    else req.set(name, value);
  }
  req.body() = std::move(body);
  req.prepare_payload();
  return req;
}

test_client::test_client(std::uint16_t port) : stream_(ioc_) {
  tcp::endpoint server{net::ip::make_address("127.0.0.1"), port};
  run(ioc_, stream_, [&](auto handler) { stream_.async_connect(server, [handler](beast::error_code ec) mutable { handler(ec); }); });
}

response test_client::request(http::verb method, std::string_view target, std::string body,
                              const headers& extra) {
  send(make_request(method, target, std::move(body), extra));
  return read();
}

void test_client::send(const http::request<http::string_body>& req) {
  run(ioc_, stream_, [&](auto handler) { http::async_write(stream_, req, handler); });
}

void test_client::write_raw(std::string_view bytes) {
  run(ioc_, stream_, [&](auto handler) {
    net::async_write(stream_, net::buffer(bytes.data(), bytes.size()), handler);
  });
}

response test_client::read() {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64u << 20);
  run(ioc_, stream_, [&](auto handler) { http::async_read(stream_, buffer_, parser, handler); });
  return parser.release();
}

bool test_client::closed_by_server() {
  if (buffer_.size() > 0) return false;
  char byte = 0;
  try {
    run(ioc_, stream_, [&](auto handler) { stream_.async_read_some(net::buffer(&byte, 1), handler); });
  } catch (const boost::system::system_error& e) {
    return e.code() == net::error::eof || e.code() == net::error::connection_reset;
  }
  return false;  // the server sent something
}

boost::json::value json_of(const response& r) { return boost::json::parse(r.body()); }

config::server_settings server_fixture::small_settings() {
  config::server_settings s;
  s.host = "127.0.0.1";
  s.port = 0;
  s.io_threads = 2;
  s.max_body_bytes = 4096;
  s.max_header_bytes = 2048;
  s.max_connections = 16;
  s.reserved_connections = 0;  // the reserve's own tests set it
  return s;
}

server_fixture::server_fixture(config::server_settings s, gateways::timeout_overrides o)
    : server(s, fake, o) {
  auto started = server.start();
  if (!started) throw std::runtime_error("server did not start: " + started.error().message);
}

server_fixture::~server_fixture() { server.stop(); }

response server_fixture::request(http::verb method, std::string_view target, std::string body,
                                 const headers& extra) const {
  return connect().request(method, target, std::move(body), extra);
}

}  // namespace gridcoord::testing
