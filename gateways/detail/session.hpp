#pragma once
// gateways/detail/session.hpp — one HTTP/1.1 connection (Beast's advanced
// server shape, templated over the byte stream as in its server-flex example:
// session<plain_stream> and session<tls_stream>, gateways/detail/tls.hpp):
// members first, run() on the strand, then
//   [TLS: do_handshake -> on_handshake ->]
//   do_wait -> on_wait -> do_read_header -> on_read_header (framing checked,
//   route, token and operation admitted: router::admit) [-> do_continue]
//   -> do_read_body -> on_read_body -> handle_request ... on_response
//   -> do_write -> on_write -> do_wait (keep-alive) | do_linger (close).
// A route that answers with a stream (http_response::stream) instead gets
//   on_response -> start_stream (phase streaming: detail::event_stream owns
//   the connection) -> on_stream_end -> do_close.
// The next request is read only after the response is written, so pipelined
// requests are answered in order.
// [Threading] Every member function but shutdown() runs on the connection's
//             strand. A route's answer arrives through the responder, which
//             posts onto the strand (and keeps the io_context running until it does).
// [Errors]    A client closing between requests is the normal end, not an
//             error. A failed or late TLS handshake (a plain-HTTP client on the
//             TLS port, a client that distrusts our certificate) is logged at
//             info and the connection dropped, with no HTTP answer. Read failures are answered (400/408/413/431, then close)
//             when HTTP allows an answer, and otherwise the connection is dropped.
// [Limits]    session_limits, applied to every request (http_server.hpp); the
//             TLS handshake must finish within read_timeout. Over TLS the close
//             after "Connection: close" (or the client's close_notify) is a TLS
//             shutdown bounded by linger_timeout.
// A request refused on its head (bad framing, unknown route, no or a bad
// token, a forbidden operation, over the rate, not essential on a reserve
// connection) is answered without reading its body: the connection closes
// when the body is chunked, above 64 KiB, awaited with "Expect: 100-continue",
// or the connection is a reserve one. A smaller announced body is read and
// dropped, and the connection stays usable.
// Every error answer is written in the language the request asks for
// (Accept-Language; gateways/error_mapping.hpp in_language), here and nowhere
// else. A refused connection (too many) answers after reading the client's
// first bytes, for at most linger_timeout, so that its 503 speaks that
// language too.
// Every response written is observed once: a metrics sample under its route
// pattern and an access log line (gateways/metrics.hpp, gateways/access_log.hpp).
// A stream is observed once, when it ends (its duration and bytes written).
// shutdown() ends a stream (event_stream::stop), so stop() is not held by it.
// The connection counts in gridcoord_http_connections_open from construction
// to destruction.
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "gateways/detail/beast.hpp"
#include "gateways/detail/event_stream.hpp"
#include "gateways/detail/server_state.hpp"
#include "gateways/detail/tls.hpp"
#include "gateways/error_mapping.hpp"

namespace gridcoord::gateways::detail {

template <class Stream>
class session : public connection, public std::enable_shared_from_this<session<Stream>> {
 public:
  session(Stream&& stream, std::shared_ptr<server_state> state);
  ~session() override;
  session(const session&) = delete;
  session& operator=(const session&) = delete;

  void run();                 // serves requests until the connection ends
  void run_from_reserve();    // as run(), but only essential requests; others 503 and close
  void refuse();              // answers 503 (too many connections) and closes
  const std::string& remote() const noexcept { return remote_; }
  void shutdown() override;   // any thread: close if idle; finish an in-flight request first

 private:
  enum class phase { handshaking, waiting, reading, handling, writing, streaming, lingering, closed };

  // What the access log line says about the current request.
  struct request_log {
    std::string method = "-";
    std::string target = "-";
    std::string id;
    std::chrono::steady_clock::time_point start{};
  };

  Stream stream_;
  boost::beast::flat_buffer buffer_;
  std::shared_ptr<server_state> state_;
  boost::asio::steady_timer timer_;  // read, idle and linger deadlines
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  http_request request_;
  std::optional<router::admission> admitted_;  // from the head of the request being read
  std::optional<http_response> refused_;       // the answer once a refused request's small body is dropped
  boost::beast::http::response<boost::beast::http::string_body> response_;
  request_log log_;
  std::string remote_;  // the client's address, for the access log
  std::array<char, 4096> drain_{};
  std::shared_ptr<event_stream<Stream>> streaming_;  // set in phase streaming
  phase phase_ = phase::waiting;
  std::uint64_t timer_generation_ = 0;
  bool timed_out_ = false;
  bool stopping_ = false;
  bool served_any_ = false;
  bool reserve_ = false;  // admitted from the reserve: essential requests only

  boost::beast::tcp_stream& lowest() { return tcp_of(stream_); }
  void start(bool refused);
  void on_ready(bool refused);
  void do_refuse();
  void do_handshake(bool refused);
  void on_handshake(bool refused, boost::beast::error_code ec);
  void do_tls_shutdown();
  void do_wait();
  void on_wait(boost::beast::error_code ec, std::size_t bytes);
  void do_read_header();
  void on_read_header(boost::beast::error_code ec, std::size_t bytes);
  std::optional<http_response> check_head();
  void do_continue();
  void do_read_body();
  void on_read_body(boost::beast::error_code ec, std::size_t bytes);
  void on_read_error(boost::beast::error_code ec);
  void handle_request();
  respond make_responder();
  void on_response(http_response r);
  void start_stream(http_response r);
  void on_stream_end(std::size_t bytes);
  void answer_and_close(protocol_error e, std::string message);
  domain::language answer_language() const;
  void do_write(http_response r, bool close);
  void on_write(bool close, boost::beast::error_code ec, std::size_t bytes);
  void do_linger();
  void on_linger(boost::beast::error_code ec, std::size_t bytes);
  void do_close();
  void on_shutdown();

  void begin_log();
  void observe(unsigned status, std::size_t bytes);
  void arm_timer(std::chrono::milliseconds after);
  void cancel_timer();
  void on_timer(std::uint64_t generation, boost::beast::error_code ec);
};

extern template class session<plain_stream>;
extern template class session<tls_stream>;

}  // namespace gridcoord::gateways::detail
