#include "gateways/http_server.hpp"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "gateways/detail/beast.hpp"
#include "gateways/detail/handlers.hpp"
#include "gateways/detail/listener.hpp"
#include "gateways/detail/server_state.hpp"
#include "gateways/detail/session.hpp"
#include "gateways/detail/tls.hpp"
#include "gateways/routes.hpp"

namespace gridcoord::gateways {

namespace net = boost::asio;

namespace {

detail::session_limits limits_from(const config::server_settings& s, const timeout_overrides& o) {
  using std::chrono::milliseconds;
  detail::session_limits l;
  l.max_body_bytes = s.max_body_bytes;
  l.max_header_bytes = s.max_header_bytes;
  l.header_timeout =
      o.header_timeout.value_or(std::chrono::duration_cast<milliseconds>(s.header_timeout));
  l.read_timeout = o.read_timeout.value_or(std::chrono::duration_cast<milliseconds>(s.read_timeout));
  l.idle_timeout = o.idle_timeout.value_or(std::chrono::duration_cast<milliseconds>(s.idle_timeout));
  l.write_timeout = write_timeout;
  l.linger_timeout = linger_timeout;
  l.max_connections = s.max_connections;
  l.reserved_connections = s.reserved_connections;
  l.max_connections_per_address = s.max_connections_per_address;
  return l;
}

}  // namespace

struct http_server::impl {
  impl(const config::server_settings& s, actors::client& client, const timeout_overrides& o,
       metrics_source source)
      : settings(s), threads_wanted(std::max(1u, s.io_threads)), ioc(static_cast<int>(threads_wanted)) {
    auto limiter = std::make_shared<rate_limiter>(s.rate_limit_per_second, s.rate_limit_burst);
    router routes{[&client](std::string_view bearer) { return client.authenticate(bearer); },
                  std::move(limiter)};
    register_routes(routes, client, s);
    auto metrics = std::make_shared<http_metrics>();
    detail::add_observability_routes(routes, client, metrics, std::move(source));
    detail::add_console_routes(routes, s);
    state = std::make_shared<detail::server_state>(limits_from(s, o), std::move(routes), std::move(metrics));
  }

  // Runs handlers until the io_context runs out of work; a handler that throws
  // is logged and the thread goes on serving.
  void serve() {
    for (;;) {
      try {
        ioc.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("an HTTP handler threw: {}", e.what());
      }
    }
  }

  config::server_settings settings;
  unsigned threads_wanted;
  net::io_context ioc;
  std::shared_ptr<detail::server_state> state;
  std::shared_ptr<detail::listener> listener;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> guard;
  std::vector<std::thread> threads;
  std::uint16_t port = 0;
  bool started = false;
  bool stopped = false;
};

http_server::http_server(const config::server_settings& settings, actors::client& client,
                         timeout_overrides overrides, metrics_source source)
    : impl_(std::make_unique<impl>(settings, client, overrides, std::move(source))) {}

http_server::~http_server() { stop(); }

domain::status http_server::start() {
  auto& m = *impl_;
  if (m.started) return domain::fail(domain::errc::invalid_request, "the HTTP server was already started");
  m.started = true;
  std::shared_ptr<net::ssl::context> tls;
  if (m.settings.tls.enabled()) {
    auto made = detail::make_server_context(m.settings.tls);
    if (!made) return unexpected{made.error()};
    tls = std::move(*made);
  }
  m.listener = std::make_shared<detail::listener>(m.ioc, m.state, std::move(tls));
  if (auto opened = m.listener->open(m.settings.host, m.settings.port); !opened) return opened;
  m.port = m.listener->port();
  m.listener->run();
  m.guard.emplace(m.ioc.get_executor());
  for (unsigned i = 0; i < m.threads_wanted; ++i) m.threads.emplace_back([&m] { m.serve(); });
  spdlog::info("HTTP API listening on {}:{} ({}, {} io thread(s))", m.settings.host, m.port,
               m.settings.tls.enabled() ? "HTTPS, TLS " + m.settings.tls.min_version + " and up" : "plain HTTP",
               m.threads_wanted);
  return {};
}

std::uint16_t http_server::port() const noexcept { return impl_->port; }

std::vector<std::pair<std::string, std::string>> http_server::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& e : impl_->state->routes().table())
    out.emplace_back(std::string(boost::beast::http::to_string(e.method)), std::move(e.pattern));
  return out;
}

void http_server::stop() {
  auto& m = *impl_;
  if (!m.started || m.stopped) return;
  m.stopped = true;
  if (m.listener) m.listener->stop();
  for (auto& s : m.state->begin_stop()) s->shutdown();
  m.guard.reset();  // the threads return once every session has finished
  if (m.threads.empty()) return;  // start() failed: nothing was served
  for (auto& t : m.threads) t.join();
  m.threads.clear();
  spdlog::info("HTTP API on port {} stopped", m.port);
}

}  // namespace gridcoord::gateways
