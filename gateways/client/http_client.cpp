#include "gateways/client/http_client.hpp"

#include "gateways/detail/beast.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <fmt/format.h>

#include <strings.h>

namespace gridcoord::gateways::client {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

constexpr std::uint32_t max_header_bytes = 64 * 1024;

using request_type = http::request<http::string_body>;
using response_type = http::response<http::string_body>;

// What one attempt produced: a response, or an error with where it happened.
struct attempt {
  std::optional<response_type> response;
  beast::error_code ec;
  bool connecting = false;  // the error happened while resolving or connecting
  bool reused = false;      // the request went over a connection opened before
  bool finished = false;
};

bool closed_by_peer(const beast::error_code& ec) {
  return ec == http::error::end_of_stream || ec == net::error::eof ||
         ec == net::error::connection_reset || ec == net::error::broken_pipe;
}

}  // namespace

std::optional<std::string> http_response::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k.size() == name.size() && strncasecmp(k.data(), name.data(), k.size()) == 0) return v;
  return std::nullopt;
}

struct http_client::impl {
  endpoint where;
  client_options options;
  net::io_context io{1};
  tcp::resolver resolver{io};
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;

  net::awaitable<void> open(attempt& out) {
    auto token = net::redirect_error(net::use_awaitable, out.ec);
    out.connecting = true;
    auto results = co_await resolver.async_resolve(where.host, std::to_string(where.port), token);
    if (out.ec) co_return;
    co_await stream.async_connect(results, token);
    if (out.ec) co_return;
    out.connecting = false;
    buffer.clear();
  }

  net::awaitable<void> exchange(const request_type& req, attempt& out) {
    auto token = net::redirect_error(net::use_awaitable, out.ec);
    out.reused = stream.socket().is_open();
    if (!out.reused) co_await open(out);
    if (!out.ec) co_await http::async_write(stream, req, token);
    if (!out.ec) {
      http::response_parser<http::string_body> parser;
      parser.body_limit(boost::none);
      parser.header_limit(max_header_bytes);
      co_await http::async_read(stream, buffer, parser, token);
      if (!out.ec) out.response = parser.release();
    }
    out.finished = true;
  }

  // Runs one attempt within the timeout; on timeout, cancels and drains it.
  attempt run(const request_type& req) {
    attempt out;
    io.restart();
    net::co_spawn(io, exchange(req, out), net::detached);
    io.run_for(options.timeout);
    if (!out.finished) {
      close();
      io.restart();
      io.run();
      out.ec = net::error::timed_out;
      out.response.reset();
    }
    if (out.ec || !out.response || !out.response->keep_alive()) close();
    return out;
  }

  void close() {
    beast::error_code ignored;
    resolver.cancel();
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream.socket().close(ignored);
  }

  request_type make_request(const http_request& r) const {
    request_type req{http::string_to_verb(r.method), where.base_path + r.target, 11};
    bool v6 = where.host.find(':') != std::string::npos;
    req.set(http::field::host, fmt::format("{}{}{}:{}", v6 ? "[" : "", where.host, v6 ? "]" : "", where.port));
    req.set(http::field::user_agent, options.user_agent);
    req.set(http::field::accept, "application/json");
    if (!r.body.empty()) req.set(http::field::content_type, "application/json");
    for (const auto& [k, v] : r.headers) req.set(k, v);
    req.body() = r.body;
    req.prepare_payload();
    return req;
  }

  transport_error describe(const attempt& a) const {
    auto secs = std::chrono::duration<double>(options.timeout).count();
    if (a.ec == net::error::timed_out)
      return {transport_errc::timeout, fmt::format("no answer from {} within {:g} s", where.text(), secs)};
    if (a.connecting)
      return {transport_errc::cannot_connect, fmt::format("cannot connect to {}: {}", where.text(), a.ec.message())};
    return {transport_errc::broken, fmt::format("the connection to {} failed: {}", where.text(), a.ec.message())};
  }

  static http_response convert(response_type&& res) {
    http_response out;
    out.status = res.result_int();
    out.reason = std::string(res.reason());
    for (const auto& h : res) out.headers.emplace_back(std::string(h.name_string()), std::string(h.value()));
    out.body = std::move(res.body());
    return out;
  }
};

http_client::http_client(endpoint where, client_options options) : impl_(std::make_unique<impl>()) {
  impl_->where = std::move(where);
  impl_->options = std::move(options);
}

http_client::~http_client() { impl_->close(); }

const endpoint& http_client::where() const noexcept { return impl_->where; }

expected<http_response, transport_error> http_client::send(const http_request& request) {
  if (http::string_to_verb(request.method) == http::verb::unknown)
    return unexpected{transport_error{transport_errc::broken, "unknown HTTP method " + request.method}};
  auto req = impl_->make_request(request);
  auto result = impl_->run(req);
  bool stale = result.ec && result.reused && closed_by_peer(result.ec);
  if (stale && req.method() == http::verb::get) result = impl_->run(req);
  if (result.ec || !result.response) return unexpected{impl_->describe(result)};
  return impl::convert(std::move(*result.response));
}

}  // namespace gridcoord::gateways::client
