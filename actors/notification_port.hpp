#pragma once
// actors/notification_port.hpp — where customer notifications go: the part of
// the notification actor's configuration that the server binary and the
// gateways (which implement the sink) see. CAF-free.
#include <chrono>
#include <functional>
#include <string>

#include "domain/sla/outbox.hpp"

namespace gridcoord::actors {

// How one delivery attempt ended.
struct delivery_outcome {
  enum class result { delivered, retry, permanent };
  result what = result::retry;
  std::string error;  // "" when delivered; else for people: "HTTP 503", "connection refused"
};

// Sends notifications (gateways/notification_target implements it with an
// HTTP POST per message).
// [Threading] send() is called from the notification actor's thread and must
//             return at once; `done` runs later, exactly once, on any thread.
//             Many sends may be in flight; the sink bounds its own concurrency
//             and queues the rest.
class notification_sink {
 public:
  virtual ~notification_sink() = default;
  virtual void send(const domain::sla::notification& n, std::function<void(delivery_outcome)> done) = 0;
};

struct notification_options {
  domain::sla::retry_policy retry;
  std::size_t max_in_flight = 256;  // sends handed to the sink and not yet done
  // How long the notification actor keeps a delivered message after its
  // delivery (the log keeps it for good; the SLA actor's view, which answers
  // the API, keeps every message). The actor reads none once delivered, so
  // by default it forgets them at once: its memory and its snapshot hold the
  // pending messages and the dead letters, not every message ever sent.
  std::chrono::seconds keep_delivered{0};
};

}  // namespace gridcoord::actors
