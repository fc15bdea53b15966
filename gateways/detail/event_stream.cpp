#include "gateways/detail/event_stream.hpp"

#include <string_view>
#include <utility>

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "domain/json.hpp"
#include "domain/token_book.hpp"
#include "gateways/codecs.hpp"
#include "gateways/detail/strand_hold.hpp"

namespace gridcoord::gateways::detail {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

constexpr std::string_view keepalive_comment = ": keep-alive\n\n";
constexpr std::string_view token_gone_comment = ": the token of this stream is no longer valid\n\n";
constexpr std::string_view last_chunk = "0\r\n\r\n";

// `text` as one HTTP/1.1 chunk.
std::string as_chunk(std::string_view text) {
  return fmt::format("{:x}\r\n{}\r\n", text.size(), text);
}

}  // namespace

std::string sse_frame(const actors::event_view& e, domain::sla::disclosure who) {
  return fmt::format("id: {}\nevent: {}\ndata: {}\n\n", e.seq, e.type, domain::to_text(actors::event_json(e, who)));
}

bool revokes(const actors::event_view& e, std::string_view token_id) {
  if (e.type != domain::token_revoked_type || e.stream != domain::tokens_stream) return false;
  if (e.payload.find(token_id) == std::string::npos) return false;  // most revocations are another token's
  boost::system::error_code ec;
  auto payload = boost::json::parse(e.payload, ec);
  if (ec || !payload.is_object()) return false;
  const auto* id = payload.get_object().if_contains("id");
  return id && id->is_string() && id->get_string() == token_id;
}

template <class Stream>
event_stream<Stream>::event_stream(Stream& stream, std::shared_ptr<void> owner, stream_start start,
                                   std::chrono::milliseconds write_timeout, on_end done)
    : stream_(stream),
      owner_(std::move(owner)),
      client_(start.client),
      cursor_(start.after),
      caller_(std::move(start.caller)),
      bearer_(std::move(start.bearer)),
      who_(domain::sla::disclosure_for(caller_.granted)),
      write_timeout_(write_timeout),
      done_(std::move(done)),
      timer_(stream.get_executor()) {}

template <class Stream>
void event_stream<Stream>::run(stream_head head) {
  chunked_ = head.version != 10;
  head_.emplace(http::status::ok, head.version);
  head_->set(http::field::server, head.server);
  head_->set(http::field::content_type, "text/event-stream");
  head_->set(http::field::cache_control, "no-cache");
  head_->set("X-Accel-Buffering", "no");  // tell proxies not to buffer the stream
  head_->set("X-Request-Id", head.request_id);
  for (auto& [name, value] : head.headers) head_->set(name, value);
  head_->keep_alive(false);  // the connection ends with the stream
  if (chunked_) head_->chunked(true);
  serializer_.emplace(*head_);
  writing_ = true;
  lowest().expires_after(write_timeout_);
  http::async_write_header(stream_, *serializer_,
                           beast::bind_front_handler(&event_stream::on_head, this->shared_from_this()));
}

template <class Stream>
void event_stream<Stream>::on_head(beast::error_code ec, std::size_t bytes) {
  writing_ = false;
  lowest().expires_never();
  bytes_ += bytes;
  if (ec) {
    spdlog::debug("writing the event stream head failed: {}", ec.message());
    peer_gone_ = true;
    return end();
  }
  last_write_ = std::chrono::steady_clock::now();
  do_read();
  if (stopping_) return do_finish();
  do_fetch();
}

// Kept pending for the whole stream: the client sends nothing more, so EOF or
// an error means it has gone (or we closed the socket).
template <class Stream>
void event_stream<Stream>::do_read() {
  auto handler = beast::bind_front_handler(&event_stream::on_read, this->shared_from_this());
  if constexpr (is_tls_v<Stream>)
    stream_.async_read_some(net::buffer(drain_), std::move(handler));  // TLS records go through the stream
  else
    stream_.socket().async_read_some(net::buffer(drain_), std::move(handler));
}

template <class Stream>
void event_stream<Stream>::on_read(beast::error_code ec, std::size_t) {
  if (ended_) return;
  if (!ec) return do_read();  // bytes after the request are ignored
  peer_gone_ = true;
  stop();
}

template <class Stream>
void event_stream<Stream>::stop() {
  if (stopping_ || ended_) return;
  stopping_ = true;
  stop_waiting();
  if (!writing_) do_finish();  // else on_write finishes
}

// The reply comes on an actor thread; it is posted to the strand as tracked
// work, so the io_context keeps running until it has been handled.
template <class Stream>
void event_stream<Stream>::do_fetch() {
  auto hold = hold_on_strand(this->shared_from_this(), stream_.get_executor());
  client_.events(cursor_, stream_page_limit, [hold](domain::expected<std::vector<actors::event_view>> r) {
    hold->post([r = std::move(r)](event_stream& s) mutable { s.on_events(std::move(r)); });
  });
}

template <class Stream>
void event_stream<Stream>::on_events(domain::expected<std::vector<actors::event_view>> result) {
  if (stopping_ || ended_) return;
  if (!result) {
    spdlog::warn("the event stream could not read events after {}: {}", cursor_, result.error().message);
    return do_retry();
  }
  if (!token_valid()) return end_for_token({});
  if (result->empty()) return do_wait();
  std::string text;
  for (const auto& e : *result) {
    if (revokes(e, caller_.token_id)) return end_for_token(std::move(text));
    text += sse_frame(e, who_);
    cursor_ = e.seq;
  }
  bool full = result->size() >= stream_page_limit || text.size() >= actors::max_event_page_bytes;  // cut by bytes
  do_write(std::move(text), full);
}

// Revoked, expired or unknown now: the stream ends (see the header).
template <class Stream>
bool event_stream<Stream>::token_valid() const {
  auto now = client_.authenticate(bearer_);
  return now && now->token_id == caller_.token_id;
}

// Writes `text` (the frames before the revocation, if any) and the comment
// that says why, then finishes.
template <class Stream>
void event_stream<Stream>::end_for_token(std::string text) {
  spdlog::debug("the event stream of {} ends: its token is no longer valid", caller_.token_id);
  text += token_gone_comment;
  stopping_ = true;
  do_write(std::move(text), false);
}

// Waits for the log to pass the cursor, checking the token (and whether a
// keep-alive is due) every stream_check_interval meanwhile.
template <class Stream>
void event_stream<Stream>::do_wait() {
  waiting_ = true;
  auto generation = ++wait_generation_;
  auto hold = hold_on_strand(this->shared_from_this(), stream_.get_executor());
  wait_id_ = client_.when_events_after(
      cursor_, [hold, generation] { hold->post([generation](event_stream& s) { s.on_log_advanced(generation); }); });
  arm_check_timer();
}

// After a failed read: asks again after stream_check_interval.
template <class Stream>
void event_stream<Stream>::do_retry() {
  timer_.expires_after(stream_check_interval);
  timer_.async_wait([self = this->shared_from_this()](beast::error_code ec) {
    if (ec || self->stopping_ || self->ended_) return;
    self->do_fetch();
  });
}

template <class Stream>
void event_stream<Stream>::arm_check_timer() {
  timer_.expires_after(stream_check_interval);
  timer_.async_wait(beast::bind_front_handler(&event_stream::on_wait, this->shared_from_this()));
}

template <class Stream>
void event_stream<Stream>::stop_waiting() {
  waiting_ = false;
  if (wait_id_ != 0) client_.cancel_wait(std::exchange(wait_id_, 0));
  timer_.cancel();
}

template <class Stream>
void event_stream<Stream>::on_log_advanced(std::uint64_t generation) {
  // A wake-up of an earlier wait (already ended by the timer) is not this one's.
  if (!waiting_ || generation != wait_generation_ || stopping_ || ended_) return;
  wait_id_ = 0;  // it has run
  stop_waiting();
  do_fetch();
}

template <class Stream>
void event_stream<Stream>::on_wait(beast::error_code ec) {
  if (ec || !waiting_ || stopping_ || ended_) return;
  if (!token_valid()) {
    stop_waiting();
    return end_for_token({});
  }
  if (std::chrono::steady_clock::now() - last_write_ >= stream_keepalive_interval) {
    stop_waiting();
    return do_write(std::string(keepalive_comment), false);
  }
  arm_check_timer();
}

// `full_page`: more events may be waiting, so ask again at once.
template <class Stream>
void event_stream<Stream>::do_write(std::string text, bool full_page) {
  out_ = chunked_ ? as_chunk(text) : std::move(text);
  writing_ = true;
  lowest().expires_after(write_timeout_);
  net::async_write(stream_, net::buffer(out_),
                   beast::bind_front_handler(&event_stream::on_write, this->shared_from_this(), full_page));
}

template <class Stream>
void event_stream<Stream>::on_write(bool full_page, beast::error_code ec, std::size_t bytes) {
  writing_ = false;
  lowest().expires_never();
  bytes_ += bytes;
  if (ec) {
    spdlog::debug("writing to the event stream failed: {}", ec.message());
    peer_gone_ = true;
    return end();
  }
  last_write_ = std::chrono::steady_clock::now();
  if (stopping_) return do_finish();
  if (full_page) return do_fetch();
  do_wait();
}

// The final chunk, when the client is still there to read it; then the end.
template <class Stream>
void event_stream<Stream>::do_finish() {
  if (peer_gone_ || !chunked_) return end();
  writing_ = true;
  lowest().expires_after(write_timeout_);
  net::async_write(stream_, net::buffer(last_chunk.data(), last_chunk.size()),
                   [self = this->shared_from_this()](beast::error_code, std::size_t bytes) {
                     self->writing_ = false;
                     self->bytes_ += bytes;
                     self->end();
                   });
}

template <class Stream>
void event_stream<Stream>::end() {
  if (ended_) return;
  ended_ = true;
  stop_waiting();
  lowest().expires_never();
  auto done = std::move(done_);
  done_ = nullptr;
  if (done) done(bytes_);
}

template class event_stream<plain_stream>;
template class event_stream<tls_stream>;

}  // namespace gridcoord::gateways::detail
