#include "tests/gateways/support/tls_client.hpp"

#include <optional>
#include <stdexcept>

#include <boost/asio/ssl/host_name_verification.hpp>

namespace gridcoord::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

template <class Start>
void tls_client::run(Start start) {
  std::optional<beast::error_code> result;
  beast::get_lowest_layer(stream_).expires_after(deadline);
  start([&](beast::error_code ec, std::size_t = 0) { result = ec; });
  ioc_.restart();
  ioc_.run();
  if (!result) throw std::runtime_error("tls client: operation did not complete");
  if (*result) throw boost::system::system_error(*result);
}

tls_client::tls_client(std::uint16_t port, const std::string& ca_file) : stream_(ioc_, ctx_) {
  ctx_.load_verify_file(ca_file);
  stream_.set_verify_mode(ssl::verify_peer);
  stream_.set_verify_callback(ssl::host_name_verification("127.0.0.1"));
  tcp::endpoint server{net::ip::make_address("127.0.0.1"), port};
  auto& tcp_layer = beast::get_lowest_layer(stream_);
  run([&](auto h) { tcp_layer.async_connect(server, [h](beast::error_code ec) mutable { h(ec); }); });
  run([&](auto h) { stream_.async_handshake(ssl::stream_base::client, [h](beast::error_code ec) mutable { h(ec); }); });
}

response tls_client::request(http::verb method, std::string_view target, std::string body, const headers& extra) {
  send(make_request(method, target, std::move(body), extra));
  return read();
}

void tls_client::send(const http::request<http::string_body>& req) {
  run([&](auto h) { http::async_write(stream_, req, h); });
}

response tls_client::read() {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64u << 20);
  run([&](auto h) { http::async_read(stream_, buffer_, parser, h); });
  return parser.release();
}

http::response_header<> tls_client::read_head() {
  head_parser_.emplace();
  run([&](auto h) { http::async_read_header(stream_, buffer_, *head_parser_, h); });
  return head_parser_->get().base();
}

// The raw (chunked) body bytes: enough to find an SSE frame's text in.
std::string tls_client::read_until(std::string_view text) {
  std::string seen(static_cast<const char*>(buffer_.data().data()), buffer_.size());
  buffer_.consume(buffer_.size());
  while (seen.find(text) == std::string::npos) {
    char chunk[1024];
    std::size_t n = 0;
    run([&](auto h) {
      stream_.async_read_some(net::buffer(chunk), [h, &n](beast::error_code ec, std::size_t bytes) mutable {
        n = bytes;
        h(ec);
      });
    });
    seen.append(chunk, n);
  }
  return seen;
}

bool tls_client::shut_down_by_server() {
  if (buffer_.size() > 0) return false;
  char byte = 0;
  try {
    run([&](auto h) { stream_.async_read_some(net::buffer(&byte, 1), h); });
  } catch (const boost::system::system_error& e) {
    return e.code() == net::error::eof;  // stream_truncated: closed without close_notify
  }
  return false;  // the server sent something
}

}  // namespace gridcoord::testing
