#include "gateways/detail/listener.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "gateways/detail/beast.hpp"
#include "gateways/detail/session.hpp"

namespace gridcoord::gateways::detail {

namespace net = boost::asio;
using tcp = net::ip::tcp;

listener::listener(net::io_context& ioc, std::shared_ptr<server_state> state,
                   std::shared_ptr<net::ssl::context> tls)
    : ioc_(ioc),
      acceptor_(net::make_strand(ioc)),
      retry_(acceptor_.get_executor()),
      state_(std::move(state)),
      tls_(std::move(tls)) {}

domain::status listener::open(const std::string& host, std::uint16_t port) {
  auto failed = [&](std::string_view what, const boost::system::error_code& ec) {
    return domain::fail(domain::errc::unavailable,
                        fmt::format("{} {}:{} failed: {}", what, host, port, ec.message()));
  };
  boost::system::error_code ec;
  tcp::resolver resolver(ioc_);
  auto results = resolver.resolve(host, std::to_string(port),
                                  tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) return failed("resolve", ec);
  tcp::endpoint endpoint = results.begin()->endpoint();
  acceptor_.open(endpoint.protocol(), ec);
  if (ec) return failed("open", ec);
  acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return failed("set_option", ec);
  acceptor_.bind(endpoint, ec);
  if (ec) return failed("bind", ec);
  acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return failed("listen", ec);
  return {};
}

std::uint16_t listener::port() const {
  boost::system::error_code ec;
  auto endpoint = acceptor_.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void listener::run() {
  net::post(acceptor_.get_executor(), boost::beast::bind_front_handler(&listener::do_accept, shared_from_this()));
}

void listener::stop() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::system::error_code ec;
    self->acceptor_.close(ec);
    self->retry_.cancel();
  });
}

void listener::do_accept() {
  if (!acceptor_.is_open()) return;
  // Each connection gets its own strand: its handlers never run concurrently.
  acceptor_.async_accept(net::make_strand(ioc_),
                         boost::beast::bind_front_handler(&listener::on_accept, shared_from_this()));
}

void listener::on_accept(boost::beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
  if (ec) {
    spdlog::warn("accepting a connection failed: {}; retrying", ec.message());
    retry_.expires_after(accept_retry_delay);
    retry_.async_wait([self = shared_from_this()](boost::beast::error_code wait_ec) {
      if (!wait_ec) self->do_accept();
    });
    return;
  }
  if (tls_)
    serve(std::make_shared<session<tls_stream>>(tls_stream(std::move(socket), *tls_), state_));
  else
    serve(std::make_shared<session<plain_stream>>(plain_stream(std::move(socket)), state_));
  do_accept();
}

template <class Session>
void listener::serve(std::shared_ptr<Session> s) {
  switch (state_->admit(s, s->remote())) {
    case admittance::served:
      return s->run();
    case admittance::reserve:
      return s->run_from_reserve();
    case admittance::refused:
      if (!state_->stopping()) s->refuse();
      return;
  }
}

}  // namespace gridcoord::gateways::detail
