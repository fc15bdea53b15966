#include "gateways/client/http_client.hpp"

#include "gateways/detail/beast.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <fmt/format.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <strings.h>

#include <array>
#include <exception>
#include <stdexcept>
#include <type_traits>
#include <variant>

namespace gridcoord::gateways::client {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

namespace {

// The two byte streams a connection runs over; exchange() and stream_exchange()
// are templates over them, so plain http and https share one code path.
using plain_stream = beast::tcp_stream;
using tls_stream = beast::ssl_stream<beast::tcp_stream>;

constexpr std::uint32_t max_header_bytes = 64 * 1024;

using request_type = http::request<http::string_body>;
using response_type = http::response<http::string_body>;

// What one attempt produced: a response, or an error with where it happened.
struct attempt {
  std::optional<response_type> response;
  beast::error_code ec;
  bool connecting = false;  // the error happened while resolving, connecting or in the TLS handshake
  std::string tls_problem;  // what failed in the TLS set-up or handshake, for a person
  bool reused = false;      // the request went over a connection opened before
  bool finished = false;
};

// One stream() attempt: the callbacks, and how far it got.
struct stream_attempt {
  const head_handler* on_head;
  const bytes_handler* on_bytes;
  std::chrono::milliseconds idle;
  attempt status;
  stream_end end = stream_end::closed;
  bool headed = false;     // the head arrived and went to on_head
  bool timed_out = false;  // the watchdog closed the connection
  std::exception_ptr thrown;
};

bool names_header(const header_list& headers, std::string_view name) {
  for (const auto& [k, v] : headers)
    if (k.size() == name.size() && strncasecmp(k.data(), name.data(), k.size()) == 0) return true;
  return false;
}

bool closed_by_peer(const beast::error_code& ec) {
  return ec == http::error::end_of_stream || ec == net::error::eof || ec == ssl::error::stream_truncated ||
         ec == net::error::connection_reset || ec == net::error::broken_pipe;
}

// A client TLS context: peer verification against `ca_file`, else the system's store.
// Answers "" or what went wrong loading the trust anchors.
std::string configure_trust(ssl::context& ctx, const std::string& ca_file) {
  SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
  ctx.set_verify_mode(ssl::verify_peer);
  beast::error_code ec;
  if (ca_file.empty()) ctx.set_default_verify_paths(ec);
  else ctx.load_verify_file(ca_file, ec);
  if (!ec) return "";
  if (ca_file.empty()) return "cannot load the system's CA certificates: " + ec.message();
  return fmt::format("cannot load the CA file {}: {}", ca_file, ec.message());
}

// Sets SNI and the name the certificate must carry: a DNS name, or an IP address.
void expect_peer(SSL* ssl, const std::string& host) {
  beast::error_code not_ip;
  net::ip::make_address(host, not_ip);
  bool ok = !not_ip ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host.c_str()) == 1
                    : SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                                       const_cast<char*>(host.c_str())) == 1 && SSL_set1_host(ssl, host.c_str()) == 1;
  if (!ok) throw std::runtime_error("OpenSSL cannot set the expected host name " + host);
}

// Why a handshake failed: the certificate verification result when there is one.
std::string handshake_problem(tls_stream& s, const beast::error_code& ec, const endpoint& where,
                              const std::string& ca_file) {
  long verify = SSL_get_verify_result(s.native_handle());
  if (verify == X509_V_OK) return "the TLS handshake failed: " + ec.message();
  auto reason = X509_verify_cert_error_string(verify);
  if (verify == X509_V_ERR_HOSTNAME_MISMATCH || verify == X509_V_ERR_IP_ADDRESS_MISMATCH)
    return fmt::format("the server's certificate is not trusted: {} (it is not made out to {}); use a URL with "
                       "a host name the certificate names", reason, where.host);
  auto trusted = ca_file.empty() ? std::string("the system's CA store") : "the CA file " + ca_file;
  return fmt::format("the server's certificate is not trusted: {} (checked against {}); pass --ca-file with the "
                     "CA certificate that signed it", reason, trusted);
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
  ssl::context tls_context{ssl::context::tls_client};
  std::string trust_problem;  // "" or why tls_context cannot verify anything
  std::variant<std::monostate, plain_stream, tls_stream> connection;
  beast::flat_buffer buffer;

  void configure() {
    if (where.scheme == url_scheme::https) trust_problem = configure_trust(tls_context, options.ca_file);
  }

  tcp::socket* socket() {
    if (auto* t = std::get_if<tls_stream>(&connection)) return &beast::get_lowest_layer(*t).socket();
    if (auto* p = std::get_if<plain_stream>(&connection)) return &p->socket();
    return nullptr;
  }
  bool connected() { return socket() && socket()->is_open(); }

  // Calls f(stream): the open connection's, else a new unconnected one of the endpoint's kind.
  template <class F>
  void with_stream(F&& f) {
    if (!connected() && where.scheme == url_scheme::https) {
      expect_peer(connection.emplace<tls_stream>(io, tls_context).native_handle(), where.host);
    } else if (!connected()) {
      connection.emplace<plain_stream>(io);
    }
    if (auto* t = std::get_if<tls_stream>(&connection)) f(*t);
    else f(std::get<plain_stream>(connection));
  }

  template <class Stream>
  net::awaitable<void> open(Stream& stream, attempt& out) {
    auto token = net::redirect_error(net::use_awaitable, out.ec);
    out.connecting = true;
    if constexpr (std::is_same_v<Stream, tls_stream>) {
      if (!trust_problem.empty()) {
        out.tls_problem = trust_problem;
        out.ec = net::error::invalid_argument;
        co_return;
      }
    }
    auto results = co_await resolver.async_resolve(where.host, std::to_string(where.port), token);
    if (out.ec) co_return;
    co_await beast::get_lowest_layer(stream).async_connect(results, token);
    if (out.ec) co_return;
    if constexpr (std::is_same_v<Stream, tls_stream>) {
      co_await stream.async_handshake(ssl::stream_base::client, token);
      if (out.ec) {
        out.tls_problem = handshake_problem(stream, out.ec, where, options.ca_file);
        co_return;
      }
    }
    out.connecting = false;
    buffer.clear();
  }

  template <class Stream>
  net::awaitable<void> exchange(Stream& stream, const request_type& req, attempt& out) {
    auto token = net::redirect_error(net::use_awaitable, out.ec);
    out.reused = beast::get_lowest_layer(stream).socket().is_open();
    if (!out.reused) co_await open(stream, out);
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
    with_stream([&](auto& stream) { net::co_spawn(io, exchange(stream, req, out), net::detached); });
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

  // --- stream(): a watchdog closes the connection when a phase overruns.
  net::steady_timer watchdog{io};

  void arm(std::chrono::milliseconds limit, stream_attempt& run) {
    watchdog.expires_after(limit);
    watchdog.async_wait([this, &run](beast::error_code ec) {
      if (ec) return;  // re-armed or cancelled
      run.timed_out = true;
      close();
    });
  }

  template <class Stream>
  net::awaitable<void> stream_exchange(Stream& stream, const request_type& req, stream_attempt& run) {
    auto& out = run.status;
    auto token = net::redirect_error(net::use_awaitable, out.ec);
    arm(options.timeout, run);
    out.reused = beast::get_lowest_layer(stream).socket().is_open();
    if (!out.reused) co_await open(stream, out);
    if (!out.ec) co_await http::async_write(stream, req, token);
    http::response_parser<http::buffer_body> parser;
    parser.header_limit(max_header_bytes);
    parser.body_limit(boost::none);
    if (!out.ec) co_await http::async_read_header(stream, buffer, parser, token);
    if (!out.ec) {
      run.headed = true;
      if ((*run.on_head)(head_of(parser.get())) == stream_step::stop) run.end = stream_end::stopped;
      else co_await stream_body(stream, parser, run);
    }
    watchdog.cancel();
  }

  template <class Stream>
  net::awaitable<void> stream_body(Stream& stream, http::response_parser<http::buffer_body>& parser,
                                   stream_attempt& run) {
    auto token = net::redirect_error(net::use_awaitable, run.status.ec);
    std::array<char, 8192> chunk;
    while (!parser.is_done()) {
      arm(run.idle, run);
      parser.get().body().data = chunk.data();
      parser.get().body().size = chunk.size();
      co_await http::async_read_some(stream, buffer, parser, token);
      if (run.status.ec == http::error::need_buffer) run.status.ec = {};
      if (run.status.ec) co_return;
      std::size_t n = chunk.size() - parser.get().body().size;
      if (n > 0 && (*run.on_bytes)(std::string_view(chunk.data(), n)) == stream_step::stop) {
        run.end = stream_end::stopped;
        co_return;
      }
    }
    run.end = stream_end::closed;
  }

  // One stream attempt; the connection is closed afterwards. Rethrows what a callback threw.
  stream_attempt run_stream(const request_type& req, stream_attempt run) {
    io.restart();
    with_stream([&](auto& stream) {
      net::co_spawn(io, stream_exchange(stream, req, run), [this, &run](std::exception_ptr e) {
        watchdog.cancel();
        run.thrown = e;
        run.status.finished = true;
      });
    });
    io.run();
    close();
    if (run.thrown) std::rethrow_exception(run.thrown);
    if (run.timed_out && run.headed) {
      run.status.ec = {};
      run.end = stream_end::idle;
    } else if (run.timed_out) {
      run.status.ec = net::error::timed_out;
    }
    return run;
  }

  static http_response head_of(const http::response_header<>& h) {
    http_response out;
    out.status = h.result_int();
    out.reason = std::string(h.reason());
    for (const auto& f : h) out.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
    return out;
  }

  void close() {
    beast::error_code ignored;
    resolver.cancel();
    if (!connected()) return;
    socket()->shutdown(tcp::socket::shutdown_both, ignored);
    socket()->close(ignored);
  }

  request_type make_request(const http_request& r) const {
    request_type req{http::string_to_verb(r.method), where.base_path + r.target, 11};
    bool v6 = where.host.find(':') != std::string::npos;
    req.set(http::field::host, fmt::format("{}{}{}:{}", v6 ? "[" : "", where.host, v6 ? "]" : "", where.port));
    req.set(http::field::user_agent, options.user_agent);
    req.set(http::field::accept, "application/json");
    if (!r.body.empty()) req.set(http::field::content_type, r.content_type);
    for (const auto& [k, v] : r.headers) req.set(k, v);
    req.body() = r.body;
    req.prepare_payload();
    return req;
  }

  transport_error describe(const attempt& a) const {
    auto secs = std::chrono::duration<double>(options.timeout).count();
    if (a.ec == net::error::timed_out)
      return {transport_errc::timeout, fmt::format("no answer from {} within {:g} s", where.text(), secs)};
    if (a.connecting && !a.tls_problem.empty())
      return {transport_errc::cannot_connect, fmt::format("cannot connect to {}: {}", where.text(), a.tls_problem)};
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
  impl_->configure();
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

expected<stream_end, transport_error> http_client::stream(const http_request& request, const head_handler& on_head,
                                                         const bytes_handler& on_bytes,
                                                         std::chrono::milliseconds idle_timeout) {
  if (http::string_to_verb(request.method) == http::verb::unknown)
    return unexpected{transport_error{transport_errc::broken, "unknown HTTP method " + request.method}};
  auto req = impl_->make_request(request);
  if (!names_header(request.headers, "Accept")) req.set(http::field::accept, "text/event-stream");
  auto once = [&] { return impl_->run_stream(req, {&on_head, &on_bytes, idle_timeout, {}}); };
  auto result = once();
  bool stale = result.status.ec && !result.headed && result.status.reused && closed_by_peer(result.status.ec);
  if (stale && req.method() == http::verb::get) result = once();
  if (result.status.ec) return unexpected{impl_->describe(result.status)};
  return result.end;
}

}  // namespace gridcoord::gateways::client
