#include "gateways/detail/session.hpp"

#include <algorithm>
#include <random>
#include <string_view>
#include <vector>

#include <boost/beast/http/rfc7230.hpp>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "gateways/accept_language.hpp"
#include "gateways/access_log.hpp"
#include "gateways/detail/beast.hpp"
#include "gateways/detail/event_stream.hpp"
#include "gateways/detail/strand_hold.hpp"
#include "gateways/uri.hpp"

namespace gridcoord::gateways::detail {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

constexpr std::size_t first_read_bytes = 4096;
constexpr std::string_view continue_line = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr std::string_view server_name = "gridcoord";
// The largest announced body of a refused request that is read (and dropped)
// to keep its connection usable; a larger one is not read and the connection closes.
constexpr std::uint64_t refused_body_bytes = 64u << 10;
// What a 503 without a Retry-After of its own tells the client to wait.
constexpr std::chrono::seconds unavailable_retry_after{5};

// 16 hex digits, unique enough to find one request in the logs.
std::string new_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return fmt::format("{:016x}", rng());
}

bool is_http_error(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_target).category();
}

}  // namespace

template <class Stream>
session<Stream>::session(Stream&& stream, std::shared_ptr<server_state> state)
    : stream_(std::move(stream)), state_(std::move(state)), timer_(stream_.get_executor()) {
  beast::error_code ec;
  auto peer = lowest().socket().remote_endpoint(ec);
  remote_ = ec ? "-" : peer.address().to_string();
  state_->metrics().connection_opened();
}

template <class Stream>
session<Stream>::~session() {
  state_->metrics().connection_closed();
  state_->forget(this);
}

template <class Stream>
void session<Stream>::run() {
  start(false);
}

template <class Stream>
void session<Stream>::run_from_reserve() {
  reserve_ = true;
  start(false);
}

template <class Stream>
void session<Stream>::refuse() {
  start(true);
}

// On the strand: over TLS the handshake comes first, so that even a refusal
// reaches the client as an HTTP answer.
template <class Stream>
void session<Stream>::start(bool refused) {
  net::dispatch(stream_.get_executor(), [self = this->shared_from_this(), refused] {
    if constexpr (is_tls_v<Stream>)
      self->do_handshake(refused);
    else
      self->on_ready(refused);
  });
}

// The connection carries HTTP from here on.
template <class Stream>
void session<Stream>::on_ready(bool refused) {
  if (!refused) return do_wait();
  do_refuse();
}

// Over max_connections: reads what the client sends first (its request head,
// and in it its Accept-Language) for at most linger_timeout, the time a
// refusal holds the connection anyway, then answers 503 in that language and
// closes. The request itself is never parsed nor routed.
template <class Stream>
void session<Stream>::do_refuse() {
  phase_ = phase::reading;
  arm_timer(state_->limits().linger_timeout);
  lowest().expires_never();
  stream_.async_read_some(buffer_.prepare(first_read_bytes),
                          [self = this->shared_from_this()](beast::error_code, std::size_t bytes) {
                            self->buffer_.commit(bytes);
                            self->begin_log();
                            self->answer_and_close(protocol_error::too_many_connections,
                                                   "the server has too many open connections; retry later");
                          });
}

template <class Stream>
void session<Stream>::do_handshake(bool refused) {
  if constexpr (is_tls_v<Stream>) {
    phase_ = phase::handshaking;
    lowest().expires_after(state_->limits().header_timeout);  // closes the socket when it passes
    stream_.async_handshake(boost::asio::ssl::stream_base::server,
                            beast::bind_front_handler(&session::on_handshake, this->shared_from_this(), refused));
  }
}

template <class Stream>
void session<Stream>::on_handshake(bool refused, beast::error_code ec) {
  lowest().expires_never();
  if (phase_ == phase::closed) return;
  if (ec) {
    if (!stopping_) spdlog::info("TLS handshake with {} failed: {}", remote_, describe_tls_error(ec));
    return do_close();
  }
  on_ready(refused);
}

template <class Stream>
void session<Stream>::shutdown() {
  net::post(stream_.get_executor(), beast::bind_front_handler(&session::on_shutdown, this->shared_from_this()));
}

template <class Stream>
void session<Stream>::on_shutdown() {
  stopping_ = true;
  if (phase_ == phase::handshaking || phase_ == phase::waiting || phase_ == phase::reading) do_close();
  if (phase_ == phase::streaming && streaming_) streaming_->stop();  // ends in on_stream_end
  // handling / writing: the response goes out with "Connection: close".
  // lingering: ends by itself within linger_timeout.
}

// Waits for the first byte of the next request: header_timeout on a fresh
// connection, idle_timeout between keep-alive requests; silence ends the
// connection without a response.
template <class Stream>
void session<Stream>::do_wait() {
  if (stopping_) return do_close();
  if (buffer_.size() > 0) return do_read_header();  // a pipelined request is here
  phase_ = phase::waiting;
  const auto& limits = state_->limits();
  arm_timer(served_any_ ? limits.idle_timeout : limits.header_timeout);
  lowest().expires_never();
  stream_.async_read_some(buffer_.prepare(first_read_bytes),
                          beast::bind_front_handler(&session::on_wait, this->shared_from_this()));
}

template <class Stream>
void session<Stream>::on_wait(beast::error_code ec, std::size_t bytes) {
  buffer_.commit(bytes);
  if (ec) return on_read_error(ec);
  do_read_header();
}

template <class Stream>
void session<Stream>::do_read_header() {
  phase_ = phase::reading;
  const auto& limits = state_->limits();
  arm_timer(limits.header_timeout);  // the head must arrive within this, the body within read_timeout
  parser_.emplace();
  parser_->body_limit(limits.max_body_bytes);
  parser_->header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
  lowest().expires_never();
  http::async_read_header(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&session::on_read_header, this->shared_from_this()));
}

// The head is here: before a byte of the body is read or "100 Continue" sent,
// its framing is checked and the router admits it (route, token, operation,
// rate); a refusal is answered at once and the connection closed.
template <class Stream>
void session<Stream>::on_read_header(beast::error_code ec, std::size_t) {
  if (ec) return on_read_error(ec);
  if (auto bad = check_head()) {
    begin_log();
    cancel_timer();
    return do_write(std::move(*bad), true);
  }
  const auto& req = parser_->get();
  admitted_ = state_->routes().admit(req);
  std::optional<http_response> refusal = admitted_->refusal();
  // A body still to come is read and dropped when it is small and announced
  // (the connection then stays usable); otherwise it is not read: the answer
  // goes at once and the connection closes.
  auto announced = parser_->content_length();
  bool expects_continue = beast::iequals(req[http::field::expect], "100-continue");
  bool close = !parser_->is_done() &&
               (!announced || *announced > refused_body_bytes || expects_continue);
  if (!refusal && reserve_ && !admitted_->essential()) {
    refusal = error_response(protocol_error::too_many_connections,
                             "the server has too many open connections; retry later");
    close = true;
  }
  if (!refusal && admitted_->anonymous()) {
    if (announced && *announced > anonymous_body_bytes)
      refusal = error_response(protocol_error::body_too_large,
                               fmt::format("the body is larger than {} bytes", anonymous_body_bytes));
    parser_->body_limit(std::min<std::uint64_t>(anonymous_body_bytes, state_->limits().max_body_bytes));
  }
  if (refusal) {
    cancel_timer();
    admitted_.reset();
    if (close) {
      begin_log();
      return do_write(std::move(*refusal), true);
    }
    if (!parser_->is_done()) {  // a small body: read it, drop it, then answer
      refused_ = std::move(refusal);
      arm_timer(state_->limits().read_timeout);
      return do_read_body();
    }
    // No body left to skip: answered like any request, and the connection stays usable.
    phase_ = phase::handling;
    request_ = parser_->release();
    begin_log();
    return do_write(std::move(*refusal), !request_.keep_alive() || stopping_);
  }
  arm_timer(state_->limits().read_timeout);  // the body must arrive within this
  if (!parser_->is_done() && beast::iequals(req[http::field::expect], "100-continue"))
    return do_continue();
  do_read_body();
}

// RFC 9112: an HTTP/1.1 request names one Host (§3.2); a Transfer-Encoding
// whose final coding is not chunked leaves the body's length unknown, so a
// server must answer 400 and close (§6.3), as it must for one in HTTP/1.0
// (§6.1). Codings other than chunked are not read here either: only
// "Transfer-Encoding: chunked" passes. Without this, "chunked, identity"
// would be read as no body and the body's bytes as a second request.
template <class Stream>
std::optional<http_response> session<Stream>::check_head() {
  const auto& req = parser_->get();
  auto hosts = req.count(http::field::host);
  if (req.version() >= 11 && hosts != 1)
    return error_response(protocol_error::bad_request,
                          hosts == 0 ? "an HTTP/1.1 request must carry a Host header"
                                     : "a request must carry one Host header, not several");
  auto codings = req.equal_range(http::field::transfer_encoding);
  if (codings.first == codings.second) return std::nullopt;
  std::string all;
  for (auto it = codings.first; it != codings.second; ++it) {
    if (!all.empty()) all += ", ";
    all += std::string_view(it->value().data(), it->value().size());
  }
  std::vector<std::string_view> list;
  for (auto token : http::token_list(all)) list.emplace_back(token.data(), token.size());
  if (req.version() < 11 || list.size() != 1 || !beast::iequals(list.front(), "chunked"))
    return error_response(protocol_error::bad_request,
                          fmt::format("Transfer-Encoding \"{}\" is not read here: send the body with "
                                      "Content-Length, or with \"Transfer-Encoding: chunked\" alone (HTTP/1.1)",
                                      all));
  return std::nullopt;
}

// "Expect: 100-continue" (curl sends it for large bodies): the header was
// accepted, so tell the client to send the body.
template <class Stream>
void session<Stream>::do_continue() {
  net::async_write(stream_, net::buffer(continue_line.data(), continue_line.size()),
                   [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                     if (ec) return self->on_read_error(ec);
                     self->do_read_body();
                   });
}

template <class Stream>
void session<Stream>::do_read_body() {
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&session::on_read_body, this->shared_from_this()));
}

template <class Stream>
void session<Stream>::on_read_body(beast::error_code ec, std::size_t) {
  if (ec) return on_read_error(ec);
  if (refused_) {  // the small body of a refused request, dropped
    cancel_timer();
    phase_ = phase::handling;
    request_ = parser_->release();
    begin_log();
    auto refusal = std::move(*refused_);
    refused_.reset();
    return do_write(std::move(refusal), !request_.keep_alive() || stopping_);
  }
  handle_request();
}

template <class Stream>
void session<Stream>::on_read_error(beast::error_code ec) {
  if (phase_ == phase::closed) return;
  const auto& limits = state_->limits();
  if (timed_out_ && phase_ == phase::reading) {
    begin_log();
    bool head_done = parser_ && parser_->is_header_done();
    return answer_and_close(protocol_error::request_timeout,
                            head_done ? fmt::format("the request did not arrive within {} ms",
                                                    limits.read_timeout.count())
                                      : fmt::format("the request head did not arrive within {} ms",
                                                    limits.header_timeout.count()));
  }
  if (ec == http::error::body_limit) {
    begin_log();
    return answer_and_close(protocol_error::body_too_large,
                            fmt::format("the body is larger than {} bytes", limits.max_body_bytes));
  }
  if (ec == http::error::header_limit) {
    begin_log();
    return answer_and_close(protocol_error::header_too_large,
                            fmt::format("the header is larger than {} bytes", limits.max_header_bytes));
  }
  if (is_http_error(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message &&
      !stopping_) {
    begin_log();
    return answer_and_close(protocol_error::bad_request, "malformed HTTP request: " + ec.message());
  }
  // The client closed (normal between requests), reset, went silent, or we are stopping.
  bool client_closed = ec == http::error::end_of_stream || ec == net::error::eof;
  if (!client_closed && !timed_out_ && !stopping_) spdlog::debug("connection dropped while reading: {}", ec.message());
  if (is_tls_v<Stream> && client_closed) return do_tls_shutdown();  // answer its close_notify with ours
  do_close();
}

template <class Stream>
void session<Stream>::handle_request() {
  cancel_timer();
  phase_ = phase::handling;
  request_ = parser_->release();
  begin_log();
  auto admitted = std::move(*admitted_);
  admitted_.reset();
  state_->routes().dispatch(request_, std::move(admitted), remote_, log_.id, make_responder());
}

// The route's continuation: may run on any thread, once. It holds the session
// and tracked work on the strand (detail/strand_hold.hpp), so the io_context
// keeps running until the answer is written and the continuation is gone,
// even during stop().
template <class Stream>
respond session<Stream>::make_responder() {
  auto hold = hold_on_strand(this->shared_from_this(), stream_.get_executor());
  return [hold](http_response r) {
    hold->post([r = std::move(r)](session& s) mutable { s.on_response(std::move(r)); });
  };
}

template <class Stream>
void session<Stream>::on_response(http_response r) {
  if (phase_ != phase::handling) {
    spdlog::error("request {} was answered twice; the second answer ({}) is dropped", log_.id, r.status);
    return;
  }
  if (r.stream) return start_stream(std::move(r));
  do_write(std::move(r), !request_.keep_alive() || stopping_);
}

// The route answered with a stream: event_stream writes the head and the
// events; the connection closes when it ends.
template <class Stream>
void session<Stream>::start_stream(http_response r) {
  if (stopping_)
    return do_write(error_response(domain::errc::unavailable, "the server is stopping; retry later"), true);
  phase_ = phase::streaming;
  auto start = *r.stream;
  streaming_ = std::make_shared<event_stream<Stream>>(
      stream_, this->shared_from_this(), start, state_->limits().write_timeout,
      [self = this->shared_from_this()](std::size_t bytes) { self->on_stream_end(bytes); });
  streaming_->run({request_.version() == 10 ? 10u : 11u, std::string(server_name), log_.id,
                   std::move(r.headers)});
}

template <class Stream>
void session<Stream>::on_stream_end(std::size_t bytes) {
  streaming_.reset();
  served_any_ = true;
  observe(200, bytes);
  do_close();
}

template <class Stream>
void session<Stream>::answer_and_close(protocol_error e, std::string message) {
  cancel_timer();
  do_write(error_response(e, std::move(message)), true);
}

// The language the client asks for: the request's Accept-Language; for a head
// not read in full (too large, cut off), the fields the parser has taken so
// far, else the bytes it has not; else English.
template <class Stream>
domain::language session<Stream>::answer_language() const {
  auto field = [](const auto& head) -> std::optional<std::string_view> {
    auto it = head.find(http::field::accept_language);
    if (it == head.end()) return std::nullopt;
    return std::string_view(it->value().data(), it->value().size());
  };
  if (phase_ == phase::handling) return negotiate_language(field(request_).value_or(""));
  if (parser_) {
    if (auto value = field(parser_->get())) return negotiate_language(*value);
    if (parser_->is_header_done()) return domain::language::en;
  }
  auto bytes = buffer_.cdata();
  return language_in_raw_head(std::string_view(static_cast<const char*>(bytes.data()), bytes.size()));
}

template <class Stream>
void session<Stream>::do_write(http_response r, bool close) {
  r = in_language(std::move(r), answer_language());
  phase_ = phase::writing;
  response_ = {};
  response_.version(request_.version() == 10 ? 10 : 11);
  response_.result(r.status);
  response_.set(http::field::server, server_name);
  response_.set(http::field::content_type, "application/json");
  response_.set("X-Request-Id", log_.id);
  for (auto& [name, value] : r.headers) response_.set(name, value);
  if (r.status == 503 && response_.find(http::field::retry_after) == response_.end())
    response_.set(http::field::retry_after, std::to_string(unavailable_retry_after.count()));
  response_.keep_alive(!close);
  response_.body() = std::move(r.body);
  response_.prepare_payload();
  observe(r.status, response_.body().size());
  lowest().expires_after(state_->limits().write_timeout);
  http::async_write(stream_, response_,
                    beast::bind_front_handler(&session::on_write, this->shared_from_this(), close));
}

template <class Stream>
void session<Stream>::on_write(bool close, beast::error_code ec, std::size_t) {
  if (ec) {
    spdlog::debug("writing response {} failed: {}", log_.id, ec.message());
    return do_close();
  }
  served_any_ = true;
  if (close) return do_linger();
  request_ = {};
  do_wait();
}

// Our side is done: send FIN, then read and discard until the client closes
// (or linger_timeout), so that unread request bytes do not turn our close
// into a reset that destroys the response before the client reads it.
template <class Stream>
void session<Stream>::do_linger() {
  if constexpr (is_tls_v<Stream>) return do_tls_shutdown();
  if (phase_ != phase::lingering) {
    phase_ = phase::lingering;
    beast::error_code ec;
    lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return do_close();
    arm_timer(state_->limits().linger_timeout);
  }
  lowest().expires_never();
  stream_.async_read_some(net::buffer(drain_),
                          beast::bind_front_handler(&session::on_linger, this->shared_from_this()));
}

template <class Stream>
void session<Stream>::on_linger(beast::error_code ec, std::size_t) {
  if (ec) return do_close();
  do_linger();
}

// TLS: send close_notify and wait for the client's (async_shutdown reads until
// it comes or the client closes), at most linger_timeout; then close.
template <class Stream>
void session<Stream>::do_tls_shutdown() {
  if constexpr (is_tls_v<Stream>) {
    phase_ = phase::lingering;
    cancel_timer();
    lowest().expires_after(state_->limits().linger_timeout);
    stream_.async_shutdown([self = this->shared_from_this()](beast::error_code ec) {
      if (ec && ec != net::error::eof && ec != net::ssl::error::stream_truncated)
        spdlog::debug("TLS shutdown with {} ended: {}", self->remote_, ec.message());
      self->do_close();
    });
  }
}

template <class Stream>
void session<Stream>::do_close() {
  if (phase_ == phase::closed) return;
  phase_ = phase::closed;
  cancel_timer();
  beast::error_code ec;
  lowest().socket().shutdown(tcp::socket::shutdown_both, ec);
  lowest().socket().close(ec);
}

template <class Stream>
void session<Stream>::begin_log() {
  log_ = {};
  log_.id = new_request_id();
  log_.start = std::chrono::steady_clock::now();
  if (phase_ == phase::handling) {
    log_.method = std::string(request_.method_string());
    log_.target = std::string(request_.target());
  } else if (parser_ && parser_->is_header_done()) {
    log_.method = std::string(parser_->get().method_string());
    log_.target = std::string(parser_->get().target());
  }
}

// The response is about to be written: count it under its route pattern and
// log its access line, both before the client can read it.
template <class Stream>
void session<Stream>::observe(unsigned status, std::size_t bytes) {
  auto elapsed = std::chrono::steady_clock::now() - log_.start;
  auto label = state_->labels().of(log_.method, log_.target);
  state_->metrics().record(label.route, label.method, status, elapsed);
  log_access({log_.id, log_.method, label.route, split_target(log_.target).first, status,
              std::chrono::duration<double, std::milli>(elapsed).count(), remote_, bytes});
}

template <class Stream>
void session<Stream>::arm_timer(std::chrono::milliseconds after) {
  ++timer_generation_;
  timed_out_ = false;
  timer_.expires_after(after);
  timer_.async_wait(beast::bind_front_handler(&session::on_timer, this->shared_from_this(), timer_generation_));
}

template <class Stream>
void session<Stream>::cancel_timer() {
  ++timer_generation_;
  timer_.cancel();
}

// A deadline passed: stop the pending read; its handler sees timed_out_.
template <class Stream>
void session<Stream>::on_timer(std::uint64_t generation, beast::error_code ec) {
  if (ec || generation != timer_generation_ || phase_ == phase::closed) return;
  timed_out_ = true;
  beast::error_code ignored;
  lowest().socket().cancel(ignored);
}

template class session<plain_stream>;
template class session<tls_stream>;

}  // namespace gridcoord::gateways::detail
