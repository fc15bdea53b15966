#include "gateways/notification_target.hpp"

#include "gateways/detail/beast.hpp"
#include "gateways/detail/client_tls.hpp"
#include "gateways/detail/tls.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>
#include <fmt/format.h>

#include <deque>
#include <exception>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

#include "domain/json.hpp"
#include "gateways/client/url.hpp"

namespace gridcoord::gateways {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace json = boost::json;
using tcp = net::ip::tcp;
using actors::delivery_outcome;
using detail::plain_stream;
using detail::tls_stream;
using domain::errc;
using domain::fail;

namespace {

constexpr std::uint32_t max_header_bytes = 64 * 1024;
constexpr std::uint64_t max_body_bytes = 1024 * 1024;

using request_type = http::request<http::string_body>;

struct job {
  request_type request;
  std::function<void(delivery_outcome)> done;
};

// One keep-alive connection and what an attempt on it needs.
struct slot {
  explicit slot(net::io_context& io) : resolver(io), watchdog(io) {}
  std::variant<std::monostate, plain_stream, tls_stream> stream;
  beast::flat_buffer buffer;
  tcp::resolver resolver;
  net::steady_timer watchdog;
  std::uint64_t generation = 0;  // of the attempt the watchdog guards
  bool busy = false;             // a drain() runs on it
  bool timed_out = false;

  tcp::socket* socket() {
    if (auto* t = std::get_if<tls_stream>(&stream)) return &beast::get_lowest_layer(*t).socket();
    if (auto* p = std::get_if<plain_stream>(&stream)) return &p->socket();
    return nullptr;
  }
  bool open() { return socket() && socket()->is_open(); }
  void close() {
    beast::error_code ignored;
    resolver.cancel();
    if (!open()) return;
    socket()->shutdown(tcp::socket::shutdown_both, ignored);
    socket()->close(ignored);
  }
};

enum class phase { resolving, connecting, handshaking, exchanging };

// How one exchange went.
struct attempt {
  beast::error_code ec;
  phase where = phase::resolving;
  std::string tls_problem;
  bool reused = false;   // over a connection opened by an earlier request
  bool answered = false; // any byte of the answer arrived
  unsigned status = 0;
  bool keep_alive = false;
};

bool closed_by_peer(const beast::error_code& ec) {
  return ec == http::error::end_of_stream || ec == net::error::eof || ec == net::ssl::error::stream_truncated ||
         ec == net::error::connection_reset || ec == net::error::broken_pipe;
}

delivery_outcome answer_outcome(unsigned status) {
  using r = delivery_outcome::result;
  if (status >= 200 && status < 300) return {r::delivered, ""};
  bool transient = status == 408 || status == 429 || (status >= 500 && status < 600);
  return {transient ? r::retry : r::permanent, fmt::format("HTTP {}", status)};
}

// The details text as a JSON value: {} when empty, the text itself when it is not JSON.
json::value details_of(const std::string& text) {
  if (text.empty()) return json::object{};
  std::error_code ec;
  auto v = json::parse(text, ec);
  return ec ? json::value(text) : v;
}

}  // namespace

std::string notification_body(const domain::sla::notification& n) {
  json::object o;
  o["message_id"] = n.message_id;
  o["customer_id"] = n.customer_id;
  o["channel"] = n.channel;
  o["address"] = n.address;
  o["kind"] = domain::sla::to_string(n.kind);
  o["cause"] = n.cause;
  o["text"] = n.text;
  o["language"] = n.language;
  o["segments"] = n.segments;
  o["too_long"] = n.too_long;
  o["details"] = details_of(n.details);
  o["enqueued_at"] = domain::format_rfc3339(n.enqueued_at);
  return domain::to_text(o);
}

struct notification_target::impl {
  notification_target_options options;
  client::endpoint where;
  std::string port_text;
  std::string host_header;
  net::io_context io{1};
  net::executor_work_guard<net::io_context::executor_type> guard{io.get_executor()};
  net::ssl::context tls_context{net::ssl::context::tls_client};
  std::vector<std::unique_ptr<slot>> slots;
  std::deque<job> queue;
  bool stopping = false;
  std::thread thread;

  request_type make_request(const domain::sla::notification& n) const {
    request_type req{http::verb::post, where.base_path.empty() ? "/" : where.base_path, 11};
    req.set(http::field::host, host_header);
    req.set(http::field::user_agent, "gridcoord-notifications");
    req.set(http::field::content_type, "application/json");
    req.set(http::field::accept, "application/json");
    req.set("Idempotency-Key", n.message_id);
    req.set("X-Gridcoord-Message-Id", n.message_id);
    req.keep_alive(true);
    req.body() = notification_body(n);
    req.prepare_payload();
    return req;
  }

  // --- on the io thread

  void enqueue(job j) {
    if (stopping) {
      j.done({delivery_outcome::result::retry, "shutting down"});
      return;
    }
    queue.push_back(std::move(j));
    if (auto* s = idle_slot()) start(*s);
  }

  // An idle slot, one with an open connection first.
  slot* idle_slot() {
    slot* closed = nullptr;
    for (auto& s : slots) {
      if (s->busy) continue;
      if (s->open()) return s.get();
      if (!closed) closed = s.get();
    }
    return closed;
  }

  void start(slot& s) {
    s.busy = true;
    net::co_spawn(io, drain(s), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);  // a `done` threw: a bug in the caller, not to be hidden
    });
  }

  net::awaitable<void> drain(slot& s) {
    while (!queue.empty() && !stopping) {
      job j = std::move(queue.front());
      queue.pop_front();
      auto outcome = co_await deliver(s, j.request);
      if (stopping && outcome.what != delivery_outcome::result::delivered)
        outcome = {delivery_outcome::result::retry, "shutting down"};
      j.done(std::move(outcome));
    }
    s.busy = false;
  }

  net::awaitable<delivery_outcome> deliver(slot& s, const request_type& req) {
    arm(s);
    auto a = co_await once(s, req);
    bool stale = a.ec && a.reused && !a.answered && !s.timed_out && closed_by_peer(a.ec);
    if (stale && !stopping) {
      s.close();
      a = co_await once(s, req);
    }
    ++s.generation;
    s.watchdog.cancel();
    if (a.ec || !a.keep_alive) s.close();
    co_return describe(a, s.timed_out);
  }

  // Closes the slot's connection when the attempt overruns the timeout.
  void arm(slot& s) {
    s.timed_out = false;
    auto generation = ++s.generation;
    s.watchdog.expires_after(options.timeout);
    s.watchdog.async_wait([&s, generation](beast::error_code ec) {
      if (ec || s.generation != generation) return;
      s.timed_out = true;
      s.close();
    });
  }

  net::awaitable<attempt> once(slot& s, const request_type& req) {
    attempt a;
    if (!s.open() && where.scheme == client::url_scheme::https) {
      auto& t = s.stream.emplace<tls_stream>(io, tls_context);
      if (!detail::expect_peer_name(t.native_handle(), where.host)) {
        a.ec = net::error::invalid_argument;
        a.tls_problem = "OpenSSL cannot set the expected host name " + where.host;
        co_return a;
      }
    } else if (!s.open()) {
      s.stream.emplace<plain_stream>(io);
    }
    if (auto* t = std::get_if<tls_stream>(&s.stream)) co_await exchange(s, *t, req, a);
    else co_await exchange(s, std::get<plain_stream>(s.stream), req, a);
    co_return a;
  }

  template <class Stream>
  net::awaitable<void> exchange(slot& s, Stream& stream, const request_type& req, attempt& a) {
    auto token = net::redirect_error(net::use_awaitable, a.ec);
    a.reused = detail::tcp_of(stream).socket().is_open();
    if (!a.reused) {
      auto results = co_await s.resolver.async_resolve(where.host, port_text, token);
      if (a.ec) co_return;
      a.where = phase::connecting;
      co_await detail::tcp_of(stream).async_connect(results, token);
      if (a.ec) co_return;
      if constexpr (detail::is_tls_v<Stream>) {
        a.where = phase::handshaking;
        co_await stream.async_handshake(net::ssl::stream_base::client, token);
        if (a.ec) {
          a.tls_problem = detail::handshake_failure(stream.native_handle(), a.ec);
          co_return;
        }
      }
      s.buffer.clear();
    }
    a.where = phase::exchanging;
    co_await http::async_write(stream, req, token);
    if (a.ec) co_return;
    http::response_parser<http::string_body> parser;
    parser.header_limit(max_header_bytes);
    parser.body_limit(max_body_bytes);
    co_await http::async_read(stream, s.buffer, parser, token);
    a.answered = parser.got_some();
    if (a.ec) co_return;
    a.status = parser.get().result_int();
    a.keep_alive = parser.get().keep_alive();
  }

  delivery_outcome describe(const attempt& a, bool timed_out) const {
    using r = delivery_outcome::result;
    if (timed_out)
      return {r::retry, fmt::format("no answer within {:g} s", std::chrono::duration<double>(options.timeout).count())};
    if (!a.ec) return answer_outcome(a.status);
    if (!a.tls_problem.empty()) return {r::retry, a.tls_problem};
    if (a.ec == net::error::connection_refused) return {r::retry, "connection refused"};
    switch (a.where) {
      case phase::resolving: return {r::retry, fmt::format("cannot resolve {}: {}", where.host, a.ec.message())};
      case phase::connecting: return {r::retry, fmt::format("cannot connect: {}", a.ec.message())};
      case phase::handshaking:  // tls_problem says why
      case phase::exchanging: break;
    }
    return {r::retry, fmt::format("the connection broke: {}", a.ec.message())};
  }

  // Fails everything queued and cuts every connection; running drains then
  // end their attempt, report it and stop.
  void stop() {
    stopping = true;
    auto left = std::move(queue);
    queue.clear();
    for (auto& j : left) j.done({delivery_outcome::result::retry, "shutting down"});
    for (auto& s : slots) {
      ++s->generation;
      s->watchdog.cancel();
      s->close();
    }
  }
};

notification_target::notification_target(std::unique_ptr<impl> i) : impl_(std::move(i)) {
  impl_->thread = std::thread([io = &impl_->io] { io->run(); });
}

notification_target::~notification_target() {
  net::post(impl_->io, [i = impl_.get()] { i->stop(); });
  impl_->guard.reset();
  impl_->thread.join();
}

domain::expected<std::unique_ptr<notification_target>> notification_target::make(
    notification_target_options options) {
  bool schemed = options.endpoint.starts_with("http://") || options.endpoint.starts_with("https://");
  auto where = client::parse_url(options.endpoint);
  if (!schemed || !where)
    return fail(errc::invalid_request, fmt::format("notifications.endpoint \"{}\" is not an http:// or https:// URL{}",
                                                   options.endpoint, where ? "" : ": " + where.error()));
  if (options.connections == 0)
    return fail(errc::invalid_request, "notifications.connections must be at least 1");
  if (options.timeout <= std::chrono::milliseconds::zero())
    return fail(errc::invalid_request, "notifications.timeout must be above zero");
  auto i = std::make_unique<impl>();
  if (where->scheme == client::url_scheme::https) {
    if (auto problem = detail::trust_peers(i->tls_context, options.ca_file); !problem.empty())
      return fail(errc::invalid_request, fmt::format("notifications: {}", problem));
  }
  bool v6 = where->host.find(':') != std::string::npos;
  i->host_header = fmt::format("{}{}{}:{}", v6 ? "[" : "", where->host, v6 ? "]" : "", where->port);
  i->port_text = std::to_string(where->port);
  i->where = std::move(*where);
  for (std::size_t k = 0; k < options.connections; ++k) i->slots.push_back(std::make_unique<slot>(i->io));
  i->options = std::move(options);
  return std::unique_ptr<notification_target>(new notification_target(std::move(i)));
}

void notification_target::send(const domain::sla::notification& n, std::function<void(delivery_outcome)> done) {
  net::post(impl_->io, [i = impl_.get(), j = job{impl_->make_request(n), std::move(done)}]() mutable {
    i->enqueue(std::move(j));
  });
}

const notification_target_options& notification_target::options() const noexcept { return impl_->options; }

}  // namespace gridcoord::gateways
