#pragma once
// tests/gridctl/support/cutting_proxy.hpp — a TCP proxy in front of a live
// server that drops a streamed answer at a chosen point, so that a client's
// reconnect and resume can be tested without timing.
//
// Connection 1 is forwarded until the answer holds `cut_before_event` "id: "
// lines; the proxy passes the first few bytes of that frame (a frame cut in
// half), then closes both sides. Later connections are forwarded whole, or,
// with `refuse_after_first`, closed as soon as they are accepted. Each
// connection's request head is kept, for checking Last-Event-ID.
// [Threading] One io thread of its own; requests() is safe from any thread.
#include <algorithm>
#include <mutex>
#include <string>
#include <thread>
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

class cutting_proxy {
 public:
  using tcp = boost::asio::ip::tcp;

  cutting_proxy(std::uint16_t upstream_port, int cut_before_event, bool refuse_after_first = false)
      : upstream_{boost::asio::ip::make_address("127.0.0.1"), upstream_port},
        cut_before_(cut_before_event),
        refuse_after_first_(refuse_after_first) {
    boost::asio::co_spawn(io_, accept_loop(), boost::asio::detached);
    thread_ = std::thread([this] { io_.run(); });
  }
  ~cutting_proxy() {
    io_.stop();
    thread_.join();
  }
  cutting_proxy(const cutting_proxy&) = delete;
  cutting_proxy& operator=(const cutting_proxy&) = delete;

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port()); }

  std::vector<std::string> requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  boost::asio::awaitable<void> accept_loop() {
    for (int n = 0;; ++n) {
      auto client = co_await acceptor_.async_accept(boost::asio::use_awaitable);
      if (n > 0 && refuse_after_first_) continue;  // closed at once
      boost::asio::co_spawn(io_, relay(std::move(client), n == 0), boost::asio::detached);
    }
  }

  // Where connection 1 is cut in `seen` (the answer so far), or npos.
  std::size_t cut_point(const std::string& seen) const {
    std::size_t at = 0;
    for (int i = 0; i < cut_before_; ++i) {
      at = seen.find("id: ", i == 0 ? 0 : at + 1);
      if (at == std::string::npos) return at;
    }
    return at + 5;  // "id: " and one digit of the frame
  }

  boost::asio::awaitable<void> relay(tcp::socket client, bool cut) {
    boost::system::error_code ec;
    auto token = boost::asio::redirect_error(boost::asio::use_awaitable, ec);
    std::string head;
    co_await boost::asio::async_read_until(client, boost::asio::dynamic_buffer(head), "\r\n\r\n", token);
    if (ec) co_return;
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(head);
    }
    tcp::socket upstream(io_);
    co_await upstream.async_connect(upstream_, token);
    if (!ec) co_await boost::asio::async_write(upstream, boost::asio::buffer(head), token);
    std::string seen;
    std::size_t sent = 0;
    char buf[4096];
    while (!ec) {
      std::size_t n = co_await upstream.async_read_some(boost::asio::buffer(buf), token);
      if (ec) break;
      if (!cut) {
        co_await boost::asio::async_write(client, boost::asio::buffer(buf, n), token);
        continue;
      }
      seen.append(buf, n);
      std::size_t until = std::min(cut_point(seen), seen.size());
      co_await boost::asio::async_write(client, boost::asio::buffer(seen.data() + sent, until - sent), token);
      sent = until;
      if (until < seen.size()) break;  // the cut
    }
  }  // both sockets close here

  boost::asio::io_context io_{1};
  tcp::acceptor acceptor_{io_, tcp::endpoint{boost::asio::ip::make_address("127.0.0.1"), 0}};
  tcp::endpoint upstream_;
  int cut_before_;
  bool refuse_after_first_;
  std::mutex mutex_;
  std::vector<std::string> requests_;
  std::thread thread_;
};

}  // namespace gridcoord::testing
