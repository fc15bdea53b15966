#pragma once
// tests/support/http_client.hpp — a small synchronous HTTP/1.1 client for
// tests (Boost.Beast), keeping one keep-alive connection.
#include <map>
#include <string>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace gridcoord::testing {

struct http_reply {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string body;
  boost::json::value json() const { return boost::json::parse(body); }
};

class http_client {
 public:
  http_client(std::string host, unsigned short port) : host_(std::move(host)), socket_(io_) {
    boost::asio::ip::tcp::resolver resolver(io_);
    boost::asio::connect(socket_, resolver.resolve(host_, std::to_string(port)));
  }

  http_reply request(const std::string& method, const std::string& target, const std::string& body = {},
                     const std::map<std::string, std::string>& headers = {}) {
    namespace http = boost::beast::http;
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, host_);
    if (!body.empty()) req.set(http::field::content_type, "application/json");
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    req.prepare_payload();
    http::write(socket_, req);
    http::response<http::string_body> res;
    http::read(socket_, buffer_, res);
    http_reply out{static_cast<int>(res.result_int()), {}, res.body()};
    for (const auto& h : res) out.headers[std::string(h.name_string())] = std::string(h.value());
    return out;
  }

 private:
  std::string host_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace gridcoord::testing
