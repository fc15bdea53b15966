#include "tests/gateways/support/http_receiver.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace gridcoord::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// Declared so that destruction runs held sessions, the acceptor, then the
// io_context (whose pending handlers free the last sessions: they still find
// the counters and the TLS context alive).
struct http_receiver::state {
  mutable std::mutex mutex;
  mutable std::condition_variable arrived;
  std::vector<request> requests;
  std::size_t accepted = 0;
  std::size_t open = 0;
  std::size_t most_open = 0;
  answer_fn answer;
  options opts;
  std::optional<net::ssl::context> tls;
  net::io_context io{1};
  tcp::acceptor acceptor{io, tcp::endpoint{net::ip::make_address("127.0.0.1"), 0}};
  std::uint16_t port = acceptor.local_endpoint().port();
  std::vector<std::shared_ptr<void>> held;  // sessions holding a request unanswered

  // Keeps the request; answers its status.
  unsigned record(const request& r) {
    std::lock_guard lock(mutex);
    requests.push_back(r);
    arrived.notify_all();
    return answer(r, requests.size() - 1);
  }
  void opened() {
    std::lock_guard lock(mutex);
    ++accepted;
    most_open = std::max(most_open, ++open);
  }
  void closed() {
    std::lock_guard lock(mutex);
    --open;
  }
};

template <class Stream>
struct http_receiver::session : std::enable_shared_from_this<session<Stream>> {
  session(state& s, Stream connection) : st(s), stream(std::move(connection)) { st.opened(); }
  ~session() { st.closed(); }

  void start() {
    if constexpr (gateways::detail::is_tls_v<Stream>) {
      stream.async_handshake(net::ssl::stream_base::server, [self = this->shared_from_this()](beast::error_code ec) {
        if (!ec) self->read();
      });
    } else {
      read();
    }
  }

  void read() {
    req = {};
    http::async_read(stream, buffer, req, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (!ec) self->answer();
    });
  }

  void answer() {
    unsigned status = st.record(req);
    if (status == 0) {
      st.held.push_back(this->shared_from_this());
      return;
    }
    res = http::response<http::string_body>{static_cast<http::status>(status), 11};
    res.set(http::field::content_type, "application/json");
    res.body() = "{}";
    res.keep_alive(st.opts.keep_alive && req.keep_alive());
    res.prepare_payload();
    http::async_write(stream, res, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      self->written(ec);
    });
  }

  void written(beast::error_code ec) {
    ++answered;
    bool silent = st.opts.silently_close_after && answered >= *st.opts.silently_close_after;
    if (!ec && res.keep_alive() && !silent) return read();
    beast::error_code ignored;
    auto& socket = beast::get_lowest_layer(stream).socket();
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
  }

  state& st;
  Stream stream;
  beast::flat_buffer buffer;
  request req;
  http::response<http::string_body> res;
  std::size_t answered = 0;
};

http_receiver::http_receiver(answer_fn answer, options o) : state_(std::make_shared<state>()) {
  state_->answer = std::move(answer);
  if (!o.tls_cert_file.empty()) {
    auto& ctx = state_->tls.emplace(net::ssl::context::tls_server);
    ctx.use_certificate_chain_file(o.tls_cert_file);
    ctx.use_private_key_file(o.tls_key_file, net::ssl::context::pem);
  }
  state_->opts = std::move(o);
  accept();
  thread_ = std::thread([s = state_] { s->io.run(); });
}

http_receiver::http_receiver(std::vector<unsigned> statuses, options o)
    : http_receiver(
          [statuses = std::move(statuses)](const request&, std::size_t i) {
            return statuses[std::min(i, statuses.size() - 1)];
          },
          std::move(o)) {}

http_receiver::~http_receiver() {
  state_->io.stop();
  thread_.join();
}

void http_receiver::accept() {
  state_->acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec) return;
    socket.set_option(tcp::no_delay(true));
    if (state_->tls) {
      gateways::detail::tls_stream s{beast::tcp_stream(std::move(socket)), *state_->tls};
      std::make_shared<session<gateways::detail::tls_stream>>(*state_, std::move(s))->start();
    } else {
      std::make_shared<session<beast::tcp_stream>>(*state_, beast::tcp_stream(std::move(socket)))->start();
    }
    accept();
  });
}

std::uint16_t http_receiver::port() const { return state_->port; }

std::string http_receiver::url(std::string_view path) const {
  return fmt::format("{}://127.0.0.1:{}{}", state_->tls ? "https" : "http", port(), path);
}

std::vector<http_receiver::request> http_receiver::requests() const {
  std::lock_guard lock(state_->mutex);
  return state_->requests;
}

std::size_t http_receiver::connections() const {
  std::lock_guard lock(state_->mutex);
  return state_->accepted;
}

std::size_t http_receiver::most_open() const {
  std::lock_guard lock(state_->mutex);
  return state_->most_open;
}

bool http_receiver::wait_for_requests(std::size_t n, std::chrono::milliseconds limit) const {
  std::unique_lock lock(state_->mutex);
  return state_->arrived.wait_for(lock, limit, [&] { return state_->requests.size() >= n; });
}

}  // namespace gridcoord::testing
