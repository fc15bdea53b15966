#pragma once
// domain/sla/outbox.hpp — the transactional outbox of customer notifications
// (flow E3): what must be sent, what has been, what gave up.
//
// A notification is enqueued by a "notification.enqueued" event logged in the
// same durable append as the event that causes it (an outage reported, its
// ETR changed, power restored), so a notification exists exactly when its
// cause does: nothing is lost on a crash and nothing is sent for a cause that
// was not stored. Each delivery attempt that fails is logged
// ("notification.attempt_failed", with the next attempt's instant), and the
// end: "notification.delivered" or "notification.dead_lettered" (after
// max_attempts, or at once for a permanent refusal). The outbox is the
// projection of these events, in stream "notification/<message_id>"; after a
// restart every message neither delivered nor dead-lettered is pending again
// with its attempt count, due at its logged next attempt.
//
// message_id is stable: "<cause>/<customer>/<kind>", e.g.
// "outage/17/C-1001/outage_notice": the receiver drops duplicates by it (a
// crash between a delivery and its logging sends the message again with the
// same id).
// [Threading] Not synchronised; one owner at a time (the notification actor).
// [Errors]    apply_event and decoders answer errc::internal for unreadable
//             stored data, and apply_event for an attempt_failed, delivered
//             or dead_lettered event of a message never enqueued.
// [Limits]    Every message stays in memory (ended ones too, for
//             for_customer and dead_letters).
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/clock.hpp"
#include "domain/error.hpp"

namespace gridcoord::domain::sla {

// Exponential backoff with jitter: after the n-th failed attempt (n ≥ 1) the
// next waits initial × multiplier^(n−1), at most max_delay, scaled by a
// factor in [1 − jitter, 1 + jitter] drawn from a hash of (message_id, n): the
// same message and attempt always wait the same, and messages that failed
// together spread out. The factor is 1 − jitter + 2 × jitter × u, u in [0, 1)
// from FNV-1a 64 of message_id then "#<n>": stable across builds and hosts.
// Defaults: 1 s, 2 s, 4 s, … 256 s, then 300 s, each ±20 %.
struct retry_policy {
  std::chrono::milliseconds initial{1'000};
  double multiplier = 2.0;
  std::chrono::milliseconds max_delay{5 * 60'000};
  double jitter = 0.2;            // 0 ≤ jitter < 1
  unsigned max_attempts = 8;      // then the message is dead-lettered
  friend bool operator==(const retry_policy&, const retry_policy&) = default;
};

// failed_attempts 0 counts as 1.
std::chrono::milliseconds retry_delay(const retry_policy& p, std::string_view message_id, unsigned failed_attempts);

enum class notification_kind : std::uint8_t { outage_notice, etr_update, restoration };
std::string_view to_string(notification_kind k) noexcept;  // "outage_notice", "etr_update", "restoration"
std::optional<notification_kind> parse_notification_kind(std::string_view text) noexcept;

struct notification {
  std::string message_id;
  std::string customer_id;
  std::string channel;   // the customer's first contact: "sms", "email", "phone", "webhook"
  std::string address;
  notification_kind kind = notification_kind::outage_notice;
  std::string cause;     // "outage/17"
  std::string text;      // what the customer is told, from config/messages.toml (domain/sla/messages.hpp)
  std::string language;  // of text: "zh-CN" or "en"; "" in events logged before the templates
  unsigned segments = 0; // SMS segments text takes for channel "sms"; 0 for the other channels
  bool too_long = false; // segments over the configured max_sms_segments: sent whole all the same
  std::string details;   // JSON text: outage id, equipment, start, etr, restored_at
  time_point enqueued_at{};
  friend bool operator==(const notification&, const notification&) = default;
};

std::string message_id(std::string_view cause, std::string_view customer_id, notification_kind kind);
std::string notification_stream(std::string_view message_id);  // "notification/<message_id>"

inline constexpr std::string_view notification_enqueued_type = "notification.enqueued";
inline constexpr std::string_view notification_attempt_failed_type = "notification.attempt_failed";
inline constexpr std::string_view notification_delivered_type = "notification.delivered";
inline constexpr std::string_view notification_dead_lettered_type = "notification.dead_lettered";
bool is_notification_event(std::string_view type) noexcept;

std::string encode(const notification& n);
[[nodiscard]] expected<notification> decode_notification(std::string_view payload);

struct attempt_failed {
  std::string message_id;
  unsigned attempt = 0;     // 1 for the first
  std::string error;        // "HTTP 503", "connection refused", ...
  time_point next_at{};
};
struct delivered {
  std::string message_id;
  unsigned attempt = 0;
  time_point at{};
};
struct dead_lettered {
  std::string message_id;
  unsigned attempts = 0;
  std::string error;        // the last one
  time_point at{};
};
std::string encode(const attempt_failed& a);
std::string encode(const delivered& d);
std::string encode(const dead_lettered& d);
[[nodiscard]] expected<attempt_failed> decode_attempt_failed(std::string_view payload);
[[nodiscard]] expected<delivered> decode_delivered(std::string_view payload);
[[nodiscard]] expected<dead_lettered> decode_dead_lettered(std::string_view payload);

enum class delivery_state : std::uint8_t { pending, delivered, dead_lettered };
std::string_view to_string(delivery_state s) noexcept;  // "pending", "delivered", "dead_lettered"

struct message_status {
  notification message;
  delivery_state state = delivery_state::pending;
  unsigned attempts = 0;             // failed or delivered attempts so far
  std::string last_error;
  std::optional<time_point> next_at; // pending: when the next attempt is due (enqueued_at for the first)
  std::optional<time_point> ended_at;
  friend bool operator==(const message_status&, const message_status&) = default;
};

class outbox {
 public:
  // Idempotent: an event applied again changes nothing (an enqueue of a known
  // id, an attempt_failed whose attempt is not past the count so far), and an
  // event for a message already delivered or dead-lettered is ignored, as is
  // any type that is not a notification event.
  [[nodiscard]] status apply_event(std::string_view type, std::string_view payload);

  const message_status* find(std::string_view message_id) const;
  // Pending messages due at or before `now`, earliest first, at most `limit`.
  std::vector<const message_status*> due(time_point now, std::size_t limit) const;
  // The earliest next attempt of any pending message.
  std::optional<time_point> next_due() const;
  // Every message to one customer, oldest first.
  std::vector<const message_status*> for_customer(std::string_view customer_id) const;
  // Dead letters in the order they were dead-lettered, at most `limit`.
  std::vector<const message_status*> dead_letters(std::size_t limit) const;

  std::size_t pending() const noexcept { return schedule_.size(); }
  std::size_t size() const noexcept { return messages_.size(); }

  // Forgets the messages delivered before `before` (the log keeps them):
  // for an outbox whose reader needs none of them, its memory and snapshot
  // then hold what is pending and the dead letters, not every message ever
  // sent. Afterwards an event for an id it does not know is taken for one it
  // forgot and ignored, not reported. Answers how many were forgotten.
  // REQUIRES: index_delivered() was called (else it forgets nothing): the
  // index of delivered messages by time costs a map node each, which an
  // outbox that keeps them all does not pay.
  std::size_t forget_delivered_before(time_point before);
  void index_delivered();

  // The outbox as a projection snapshot holds it (snapshot.cpp): every
  // message with its state, the pending ones in their schedule's order, the
  // dead letters in theirs; the index by customer is rebuilt. from_json answers errc::internal for a
  // value it cannot read.
  boost::json::value to_json() const;
  [[nodiscard]] static expected<outbox> from_json(const boost::json::value& v);
  // The index of delivered ones follows from the messages (and is kept only when asked for).
  friend bool operator==(const outbox& a, const outbox& b) {
    return a.messages_ == b.messages_ && a.schedule_ == b.schedule_ && a.by_customer_ == b.by_customer_ &&
           a.dead_ == b.dead_ && a.forgot_ == b.forgot_;
  }

 private:
  // The pending message `id` for an event of `type`; nullptr when it has
  // ended, or (setting `st` to errc::internal) when it is unknown.
  message_status* pending_message(std::string_view type, const std::string& id, status& st);
  void unschedule(const message_status& m);
  void enqueue(notification n);
  void fail_attempt(message_status& m, attempt_failed a);
  void end(message_status& m, delivery_state state, unsigned attempts, time_point at);

  std::map<std::string, message_status, std::less<>> messages_;
  std::multimap<time_point, std::string> schedule_;  // pending: next_at -> message id
  std::map<std::string, std::vector<std::string>, std::less<>> by_customer_;
  std::vector<std::string> dead_;
  std::multimap<time_point, std::string> delivered_;  // delivered: ended_at -> message id, when indexing
  bool indexing_ = false;                              // index_delivered() was called
  bool forgot_ = false;                                // forget_delivered_before removed any
};

}  // namespace gridcoord::domain::sla
