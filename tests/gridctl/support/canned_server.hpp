#pragma once
// tests/gridctl/support/canned_server.hpp — an HTTP/1.1 server that answers
// GET requests from a table (target -> status and JSON body) and records the
// request line and the head of every request, in order, on every connection.
// For checking which requests gridctl sends (GET /v1/me: once, and only when
// needed) and with which headers, without a real server's timing.
// [Threading] One io thread of its own; requests() is safe from any thread.
// [Limits]    Requests without a body only; an unknown target answers 404.
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

namespace gridcoord::testing {

class canned_server {
 public:
  using tcp = boost::asio::ip::tcp;
  using answers = std::map<std::string, std::pair<unsigned, std::string>>;  // target -> status, body

  explicit canned_server(answers a) : answers_(std::move(a)) {
    boost::asio::co_spawn(io_, accept_loop(), boost::asio::detached);
    thread_ = std::thread([this] { io_.run(); });
  }
  ~canned_server() {
    io_.stop();
    thread_.join();
  }
  canned_server(const canned_server&) = delete;
  canned_server& operator=(const canned_server&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()); }

  // "GET /v1/me", one per request, in the order they came.
  std::vector<std::string> requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }

  // Each request's head as sent (request line and header lines, CRLF-separated), in order.
  std::vector<std::string> heads() {
    std::lock_guard lock(mutex_);
    return heads_;
  }

 private:
  boost::asio::awaitable<void> accept_loop() {
    for (;;) {
      auto client = co_await acceptor_.async_accept(boost::asio::use_awaitable);
      boost::asio::co_spawn(io_, serve(std::move(client)), boost::asio::detached);
    }
  }

  std::string answer_for(const std::string& head) {
    auto line = head.substr(0, head.find("\r\n"));
    auto target = line.substr(line.find(' ') + 1);
    target = target.substr(0, target.find(' '));
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(line.substr(0, line.find(' ')) + " " + target);
      heads_.push_back(head);
    }
    auto it = answers_.find(target);
    auto [status, body] = it == answers_.end() ? std::pair<unsigned, std::string>{404, R"({"error":{"code":"not_found","message":"no such route"}})"}
                                               : it->second;
    return "HTTP/1.1 " + std::to_string(status) + " Canned\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  }

  boost::asio::awaitable<void> serve(tcp::socket client) {
    boost::system::error_code ec;
    auto token = boost::asio::redirect_error(boost::asio::use_awaitable, ec);
    std::string pending;
    while (!ec) {
      auto n = co_await boost::asio::async_read_until(client, boost::asio::dynamic_buffer(pending), "\r\n\r\n", token);
      if (ec) break;
      auto reply = answer_for(pending.substr(0, n));
      pending.erase(0, n);
      co_await boost::asio::async_write(client, boost::asio::buffer(reply), token);
    }
  }

  answers answers_;
  boost::asio::io_context io_{1};
  tcp::acceptor acceptor_{io_, tcp::endpoint{boost::asio::ip::make_address("127.0.0.1"), 0}};
  std::mutex mutex_;
  std::vector<std::string> requests_;
  std::vector<std::string> heads_;
  std::thread thread_;
};

}  // namespace gridcoord::testing
