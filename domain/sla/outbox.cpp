#include "domain/sla/outbox.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "domain/json.hpp"

namespace gridcoord::domain::sla {

namespace json = boost::json;

namespace {

// FNV-1a, 64 bits: the same value on every build and platform (std::hash is not).
std::uint64_t fnv1a_64(std::string_view bytes, std::uint64_t h = 14695981039346656037ull) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// A number in [0, 1) drawn from (message_id, attempt).
double unit_draw(std::string_view message_id, unsigned attempt) {
  auto h = fnv1a_64(fmt::format("#{}", attempt), fnv1a_64(message_id));
  return static_cast<double>(h >> 11) * 0x1.0p-53;
}

gridcoord::unexpected<error> unreadable(std::string_view type, std::string_view why) {
  return fail(errc::internal, fmt::format("a stored {} event is unreadable: {}", type, why));
}

// The payload as a JSON object, or why not.
expected<json::object> parse_object(std::string_view type, std::string_view payload) {
  std::error_code ec;
  auto v = json::parse(payload, ec);
  if (ec) return unreadable(type, "not JSON");
  if (!v.is_object()) return unreadable(type, "not an object");
  return std::move(v.get_object());
}

std::string text_of(const json::object& o, std::string_view field) { return std::string(o.at(field).as_string()); }

// An RFC 3339 field; throws std::invalid_argument naming it when it is not one.
time_point time_of(const json::object& o, std::string_view field) {
  auto t = parse_rfc3339(o.at(field).as_string());
  if (!t) throw std::invalid_argument(fmt::format("{} is not an RFC 3339 time", field));
  return *t;
}

unsigned count_of(const json::object& o, std::string_view field) { return o.at(field).to_number<unsigned>(); }

// Runs `read` on the payload's object; any missing or mistyped field is errc::internal.
template <class T, class Read>
expected<T> decode_with(std::string_view type, std::string_view payload, Read read) {
  auto o = parse_object(type, payload);
  if (!o) return gridcoord::unexpected{o.error()};
  try {
    return read(*o);
  } catch (const std::exception& e) {
    return unreadable(type, e.what());
  }
}

}  // namespace

std::chrono::milliseconds retry_delay(const retry_policy& p, std::string_view message_id, unsigned failed_attempts) {
  unsigned n = std::max(failed_attempts, 1u);
  double cap = static_cast<double>(p.max_delay.count());
  double base = static_cast<double>(p.initial.count()) * std::pow(p.multiplier, static_cast<double>(n - 1));
  if (!(base < cap)) base = cap;  // also when the power overflowed to infinity
  double factor = 1.0 - p.jitter + 2.0 * p.jitter * unit_draw(message_id, n);
  return std::chrono::milliseconds{std::llround(base * factor)};
}

std::string_view to_string(notification_kind k) noexcept {
  switch (k) {
    case notification_kind::outage_notice: return "outage_notice";
    case notification_kind::etr_update: return "etr_update";
    case notification_kind::restoration: return "restoration";
  }
  return "outage_notice";
}

std::optional<notification_kind> parse_notification_kind(std::string_view text) noexcept {
  for (auto k : {notification_kind::outage_notice, notification_kind::etr_update, notification_kind::restoration})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

std::string_view to_string(delivery_state s) noexcept {
  switch (s) {
    case delivery_state::pending: return "pending";
    case delivery_state::delivered: return "delivered";
    case delivery_state::dead_lettered: return "dead_lettered";
  }
  return "pending";
}

std::string message_id(std::string_view cause, std::string_view customer_id, notification_kind kind) {
  return fmt::format("{}/{}/{}", cause, customer_id, to_string(kind));
}

std::string notification_stream(std::string_view message_id) { return fmt::format("notification/{}", message_id); }

bool is_notification_event(std::string_view type) noexcept {
  return type == notification_enqueued_type || type == notification_attempt_failed_type ||
         type == notification_delivered_type || type == notification_dead_lettered_type;
}

// --- payloads

std::string encode(const notification& n) {
  json::object o;
  o["message_id"] = n.message_id;
  o["customer_id"] = n.customer_id;
  o["channel"] = n.channel;
  o["address"] = n.address;
  o["kind"] = to_string(n.kind);
  o["cause"] = n.cause;
  o["text"] = n.text;
  o["language"] = n.language;
  o["segments"] = n.segments;
  o["too_long"] = n.too_long;
  o["details"] = n.details;  // as text: it reads back byte for byte
  o["enqueued_at"] = format_rfc3339(n.enqueued_at);
  return to_text(o);
}

expected<notification> decode_notification(std::string_view payload) {
  return decode_with<notification>(notification_enqueued_type, payload, [](const json::object& o) {
    notification n;
    n.message_id = text_of(o, "message_id");
    n.customer_id = text_of(o, "customer_id");
    n.channel = text_of(o, "channel");
    n.address = text_of(o, "address");
    auto kind = parse_notification_kind(o.at("kind").as_string());
    if (!kind) throw std::invalid_argument("kind is not outage_notice, etr_update or restoration");
    n.kind = *kind;
    n.cause = text_of(o, "cause");
    n.text = text_of(o, "text");
    // Absent from the events logged before the templates (their text stands as it was).
    if (o.contains("language")) n.language = text_of(o, "language");
    if (o.contains("segments")) n.segments = count_of(o, "segments");
    if (o.contains("too_long")) n.too_long = o.at("too_long").as_bool();
    n.details = text_of(o, "details");
    n.enqueued_at = time_of(o, "enqueued_at");
    return n;
  });
}

std::string encode(const attempt_failed& a) {
  json::object o;
  o["message_id"] = a.message_id;
  o["attempt"] = a.attempt;
  o["error"] = a.error;
  o["next_at"] = format_rfc3339(a.next_at);
  return to_text(o);
}

std::string encode(const delivered& d) {
  json::object o;
  o["message_id"] = d.message_id;
  o["attempt"] = d.attempt;
  o["at"] = format_rfc3339(d.at);
  return to_text(o);
}

std::string encode(const dead_lettered& d) {
  json::object o;
  o["message_id"] = d.message_id;
  o["attempts"] = d.attempts;
  o["error"] = d.error;
  o["at"] = format_rfc3339(d.at);
  return to_text(o);
}

expected<attempt_failed> decode_attempt_failed(std::string_view payload) {
  return decode_with<attempt_failed>(notification_attempt_failed_type, payload, [](const json::object& o) {
    return attempt_failed{text_of(o, "message_id"), count_of(o, "attempt"), text_of(o, "error"), time_of(o, "next_at")};
  });
}

expected<delivered> decode_delivered(std::string_view payload) {
  return decode_with<delivered>(notification_delivered_type, payload, [](const json::object& o) {
    return delivered{text_of(o, "message_id"), count_of(o, "attempt"), time_of(o, "at")};
  });
}

expected<dead_lettered> decode_dead_lettered(std::string_view payload) {
  return decode_with<dead_lettered>(notification_dead_lettered_type, payload, [](const json::object& o) {
    return dead_lettered{text_of(o, "message_id"), count_of(o, "attempts"), text_of(o, "error"), time_of(o, "at")};
  });
}

// --- the projection

message_status* outbox::pending_message(std::string_view type, const std::string& id, status& st) {
  auto it = messages_.find(id);
  if (it == messages_.end()) {
    if (!forgot_) st = fail(errc::internal, fmt::format("a stored {} event names the unknown message {}", type, id));
    return nullptr;
  }
  return it->second.state == delivery_state::pending ? &it->second : nullptr;
}

void outbox::unschedule(const message_status& m) {
  if (!m.next_at) return;
  auto [first, last] = schedule_.equal_range(*m.next_at);
  for (auto it = first; it != last; ++it) {
    if (it->second == m.message.message_id) {
      schedule_.erase(it);
      return;
    }
  }
}

void outbox::enqueue(notification n) {
  if (messages_.contains(n.message_id)) return;  // a replayed or duplicate enqueue
  auto id = n.message_id;
  by_customer_[n.customer_id].push_back(id);
  schedule_.emplace(n.enqueued_at, id);
  message_status m;
  m.next_at = n.enqueued_at;
  m.message = std::move(n);
  messages_.emplace(std::move(id), std::move(m));
}

void outbox::fail_attempt(message_status& m, attempt_failed a) {
  if (a.attempt <= m.attempts) return;  // already applied
  unschedule(m);
  m.attempts = a.attempt;
  m.last_error = std::move(a.error);
  m.next_at = a.next_at;
  schedule_.emplace(a.next_at, m.message.message_id);
}

void outbox::end(message_status& m, delivery_state state, unsigned attempts, time_point at) {
  unschedule(m);
  m.state = state;
  m.attempts = std::max(m.attempts, attempts);
  m.next_at.reset();
  m.ended_at = at;
  if (state == delivery_state::dead_lettered) dead_.push_back(m.message.message_id);
  if (state == delivery_state::delivered && indexing_) delivered_.emplace(at, m.message.message_id);
}

void outbox::index_delivered() {
  if (indexing_) return;
  indexing_ = true;
  for (const auto& [id, m] : messages_)
    if (m.state == delivery_state::delivered && m.ended_at) delivered_.emplace(*m.ended_at, id);
}

std::size_t outbox::forget_delivered_before(time_point before) {
  std::size_t n = 0;
  while (!delivered_.empty() && delivered_.begin()->first < before) {
    auto node = delivered_.extract(delivered_.begin());
    const auto& id = node.mapped();
    if (auto m = messages_.find(id); m != messages_.end()) {
      if (auto c = by_customer_.find(m->second.message.customer_id); c != by_customer_.end()) {
        std::erase(c->second, id);
        if (c->second.empty()) by_customer_.erase(c);
      }
      messages_.erase(m);
      ++n;
    }
  }
  forgot_ = forgot_ || n > 0;
  return n;
}

status outbox::apply_event(std::string_view type, std::string_view payload) {
  status st;
  if (type == notification_enqueued_type) {
    auto n = decode_notification(payload);
    if (!n) return gridcoord::unexpected{n.error()};
    enqueue(std::move(*n));
  } else if (type == notification_attempt_failed_type) {
    auto a = decode_attempt_failed(payload);
    if (!a) return gridcoord::unexpected{a.error()};
    if (auto* m = pending_message(type, a->message_id, st)) fail_attempt(*m, std::move(*a));
  } else if (type == notification_delivered_type) {
    auto d = decode_delivered(payload);
    if (!d) return gridcoord::unexpected{d.error()};
    if (auto* m = pending_message(type, d->message_id, st)) end(*m, delivery_state::delivered, d->attempt, d->at);
  } else if (type == notification_dead_lettered_type) {
    auto d = decode_dead_lettered(payload);
    if (!d) return gridcoord::unexpected{d.error()};
    if (auto* m = pending_message(type, d->message_id, st)) {
      m->last_error = d->error;
      end(*m, delivery_state::dead_lettered, d->attempts, d->at);
    }
  }
  return st;
}

const message_status* outbox::find(std::string_view message_id) const {
  auto it = messages_.find(message_id);
  return it == messages_.end() ? nullptr : &it->second;
}

std::vector<const message_status*> outbox::due(time_point now, std::size_t limit) const {
  std::vector<const message_status*> out;
  for (auto it = schedule_.begin(); it != schedule_.end() && it->first <= now && out.size() < limit; ++it)
    out.push_back(find(it->second));
  return out;
}

std::optional<time_point> outbox::next_due() const {
  if (schedule_.empty()) return std::nullopt;
  return schedule_.begin()->first;
}

std::vector<const message_status*> outbox::for_customer(std::string_view customer_id) const {
  std::vector<const message_status*> out;
  auto it = by_customer_.find(customer_id);
  if (it == by_customer_.end()) return out;
  for (const auto& id : it->second) out.push_back(find(id));
  return out;
}

std::vector<const message_status*> outbox::dead_letters(std::size_t limit) const {
  std::vector<const message_status*> out;
  for (std::size_t i = 0; i < dead_.size() && out.size() < limit; ++i) out.push_back(find(dead_[i]));
  return out;
}

}  // namespace gridcoord::domain::sla
