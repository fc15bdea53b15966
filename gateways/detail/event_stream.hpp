#pragma once
// gateways/detail/event_stream.hpp — GET /v1/stream: the event feed as
// Server-Sent Events on a connection a session hands over; a template over the
// session's byte stream (plain_stream or tls_stream, gateways/detail/tls.hpp).
//
// Writes the response head (200, text/event-stream, chunked for HTTP/1.1,
// close-delimited for HTTP/1.0), then one frame per event, oldest first:
//   id: <seq>\nevent: <type>\ndata: <the event's JSON on one line>\n\n
// It asks client.events(cursor, stream_page_limit); a full page is followed at
// once by the next ask. When it has everything, it waits to be told that the
// log holds a later event (client.when_events_after: the event log pushes,
// nothing polls) and asks again then. Every stream_check_interval of waiting
// it checks its token; after stream_keepalive_interval without a write it
// sends the comment ": keep-alive\n\n". A read kept pending on the socket notices the client
// leaving between writes. Each event is shown as its caller may see it
// (actors::event_json: never a token's hash; customers' personal data only to
// a role that may read customers).
// The stream lives only as long as its token: each answer of the feed is
// written only after the token has been checked again (client.authenticate:
// revoked or expired ends the stream; a revocation is an event, so it wakes
// the stream at once, and an expiry is noticed within stream_check_interval),
// and a page that holds the token's own revocation
// is written up to the event before it. The stream then ends with the comment
// ": the token of this stream is no longer valid\n\n" and the final chunk:
// nothing logged after the revocation reaches it.
// [Threading] Every member function runs on the session's strand (the
//             executor of `stream`); stop() too (the session calls it there).
//             Actor replies and the log's wake-up are posted back to that
//             strand, as tracked work, so the io_context outlives every
//             pending reply; the wake-up is cancelled when the stream ends.
// [Errors]    A client that closes, or a failed write, ends the stream without
//             a log line above debug; an actor error is logged and retried
//             after the poll interval. The stream ends with the final chunk
//             when it can still be written.
// [Limits]    Each write must finish within `write_timeout`; stop() ends the
//             stream at the next point it is not writing (within write_timeout).
//             Back-pressure: one page is written at a time and the next is
//             read only when it has gone, so a stream holds at most one page:
//             stream_page_limit events, cut at actors::max_event_page_bytes
//             (beyond its first event). A client that stops reading fills
//             the socket's buffers, the write times out, and the stream ends.
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gateways/detail/beast.hpp"
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/serializer.hpp>

#include "gateways/detail/tls.hpp"

#include "actors/client.hpp"
#include "domain/auth.hpp"
#include "domain/error.hpp"
#include "domain/sla/disclosure.hpp"

namespace gridcoord::gateways::detail {

inline constexpr std::chrono::milliseconds stream_check_interval{1000};
inline constexpr std::chrono::seconds stream_keepalive_interval{15};
inline constexpr std::size_t stream_page_limit = 100;

// What a streaming route answers (http_response::stream): where the events
// come from, the last seq the client already has, and who asks: the caller
// and the bearer token it authenticated with, checked again as it streams.
struct stream_start {
  actors::client& client;
  std::uint64_t after = 0;
  domain::principal caller;
  std::string bearer;
};

// How the session wants the head written.
struct stream_head {
  unsigned version = 11;  // 10 or 11
  std::string server;
  std::string request_id;
  std::vector<std::pair<std::string, std::string>> headers;  // the route's extras
};

// One SSE frame for `e` as `who` may see it (see above).
std::string sse_frame(const actors::event_view& e, domain::sla::disclosure who);

// Whether `e` revokes token `token_id`.
bool revokes(const actors::event_view& e, std::string_view token_id);

template <class Stream>
class event_stream : public std::enable_shared_from_this<event_stream<Stream>> {
 public:
  // Called once, on the strand, when the stream has ended: the bytes written
  // (head included). The session then closes the connection.
  using on_end = std::function<void(std::size_t bytes)>;

  // `owner` owns `stream` (the session); it is kept alive until the last
  // operation this stream started has completed, even after on_end.
  event_stream(Stream& stream, std::shared_ptr<void> owner, stream_start start,
               std::chrono::milliseconds write_timeout, on_end done);
  event_stream(const event_stream&) = delete;
  event_stream& operator=(const event_stream&) = delete;

  void run(stream_head head);  // writes the head, then the events
  void stop();                 // ends the stream (final chunk, then on_end)

 private:
  Stream& stream_;
  std::shared_ptr<void> owner_;  // keeps stream_ alive while an operation is pending
  actors::client& client_;
  std::uint64_t cursor_;
  domain::principal caller_;
  std::string bearer_;
  domain::sla::disclosure who_;
  std::chrono::milliseconds write_timeout_;
  on_end done_;
  boost::asio::steady_timer timer_;
  std::optional<boost::beast::http::response<boost::beast::http::empty_body>> head_;
  std::optional<boost::beast::http::response_serializer<boost::beast::http::empty_body>> serializer_;
  std::string out_;  // the text being written
  std::array<char, 512> drain_{};
  std::chrono::steady_clock::time_point last_write_{};
  std::size_t bytes_ = 0;
  bool chunked_ = true;
  bool writing_ = false;
  bool stopping_ = false;
  bool peer_gone_ = false;
  bool ended_ = false;
  bool waiting_ = false;        // for the log's wake-up or the check timer
  std::uint64_t wait_id_ = 0;   // the wake-up registered with the client, 0: none
  std::uint64_t wait_generation_ = 0;  // of the current wait: a stale wake-up is ignored

  boost::beast::tcp_stream& lowest() { return tcp_of(stream_); }
  void on_head(boost::beast::error_code ec, std::size_t bytes);
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void do_fetch();
  void on_events(domain::expected<std::vector<actors::event_view>> result);
  bool token_valid() const;
  void end_for_token(std::string text);
  void do_wait();
  void stop_waiting();
  void on_log_advanced(std::uint64_t generation);
  void on_wait(boost::beast::error_code ec);
  void arm_check_timer();
  void do_retry();
  void do_write(std::string text, bool full_page);
  void on_write(bool full_page, boost::beast::error_code ec, std::size_t bytes);
  void do_finish();
  void end();
};

extern template class event_stream<plain_stream>;
extern template class event_stream<tls_stream>;

}  // namespace gridcoord::gateways::detail
