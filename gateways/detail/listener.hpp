#pragma once
// gateways/detail/listener.hpp — accepts connections and hands each to a
// session: session<tls_stream> when it has a TLS context, else session<plain_stream>.
// [Threading] open() before run(); afterwards everything runs on the
//             acceptor's strand; stop() is safe from any thread.
// [Errors]    open() answers errc::unavailable naming the address and the cause.
//             A failed accept (e.g. out of file descriptors) is logged and
//             retried after accept_retry_delay.
// [Limits]    server_state::admit decides: a refused connection gets a 503 and
//             is closed; one from the reserve is served essential requests only.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "domain/error.hpp"
#include "gateways/detail/beast.hpp"
#include "gateways/detail/server_state.hpp"
#include "gateways/detail/tls.hpp"

namespace gridcoord::gateways::detail {

inline constexpr std::chrono::milliseconds accept_retry_delay{100};

class listener : public std::enable_shared_from_this<listener> {
 public:
  // `tls` null: plain HTTP.
  listener(boost::asio::io_context& ioc, std::shared_ptr<server_state> state,
           std::shared_ptr<boost::asio::ssl::context> tls = nullptr);

  [[nodiscard]] domain::status open(const std::string& host, std::uint16_t port);
  std::uint16_t port() const;
  void run();
  void stop();

 private:
  void do_accept();
  void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);
  template <class Session>
  void serve(std::shared_ptr<Session> s);

  boost::asio::io_context& ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_;
  std::shared_ptr<server_state> state_;
  std::shared_ptr<boost::asio::ssl::context> tls_;
};

}  // namespace gridcoord::gateways::detail
