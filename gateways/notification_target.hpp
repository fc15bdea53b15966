#pragma once
// gateways/notification_target.hpp — the outbound notification gateway (flow
// E3): delivers each notification by one HTTP POST to the configured endpoint
// (docs/notifications.md).
//
// The request is POST <the endpoint's path> with Content-Type:
// application/json, Idempotency-Key and X-Gridcoord-Message-Id both the
// message id, and the body {"message_id","customer_id","channel","address",
// "kind","cause","text","language","segments","too_long","details",
// "enqueued_at"} (text: what the customer is to read) where details is the
// notification's details JSON ({} when empty; a string when it is not JSON).
// The answer classifies the attempt: 2xx delivered; 408, 429 and 5xx retry;
// any other status permanent ("HTTP 400"); no answer (cannot connect, broken
// connection, timeout) retry ("connection refused", "no answer within 10 s").
//
// It owns an io_context on one thread of its own and up to `connections`
// keep-alive connections, opened when first needed; each carries one request
// at a time (no pipelining), and sends beyond them wait in a queue, served
// in order. A request on a reused connection that the receiver had closed
// meanwhile (closed before any answer) is sent once more on a new connection,
// within the same timeout: the receiver drops a duplicate by its message id.
// [Threading] send() may be called from any thread and returns at once;
//             `done` runs on the target's thread, exactly once per send, and
//             must not throw. The destructor completes every send not yet
//             done with retry, "shutting down", and joins the thread.
// [Errors]    make() answers errc::invalid_request for an endpoint that is
//             not an http:// or https:// URL (naming it), connections 0, a
//             timeout not above zero, or a CA file that cannot be loaded.
// [Limits]    `timeout` bounds each attempt: resolve, connect, TLS
//             handshake, write and read. A response header block is at most
//             64 KiB and its body at most 1 MiB (larger is a retry).
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "actors/notification_port.hpp"
#include "domain/error.hpp"

namespace gridcoord::gateways {

struct notification_target_options {
  std::string endpoint;  // "http://host[:port]/path" or "https://…"
  std::size_t connections = 8;
  std::chrono::milliseconds timeout{10'000};
  std::string ca_file;   // https: PEM CA certificates to trust instead of the system's store; "" = the system's
};

class notification_target final : public actors::notification_sink {
 public:
  [[nodiscard]] static domain::expected<std::unique_ptr<notification_target>> make(
      notification_target_options options);
  ~notification_target() override;
  notification_target(const notification_target&) = delete;
  notification_target& operator=(const notification_target&) = delete;

  void send(const domain::sla::notification& n, std::function<void(actors::delivery_outcome)> done) override;

  const notification_target_options& options() const noexcept;

 private:
  struct impl;
  explicit notification_target(std::unique_ptr<impl> i);
  std::unique_ptr<impl> impl_;
};

// The JSON body of the POST for `n`, as the receiver gets it.
std::string notification_body(const domain::sla::notification& n);

}  // namespace gridcoord::gateways
