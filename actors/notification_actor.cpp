#include "actors/notification_actor.hpp"

#include <algorithm>
#include <optional>

#include <boost/json.hpp>
#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/detail/feed_ready.hpp"
#include "actors/error.hpp"
#include "actors/event_log_actor.hpp"

namespace gridcoord::actors {

namespace {

namespace sla = domain::sla;

void dispatch(notification_pointer self);
void schedule_wake(notification_pointer self);
void flush(notification_pointer self);

// The message id of a stream "notification/<message_id>".
std::string message_of(const std::string& stream) { return stream.substr(sla::notification_stream("").size()); }

bool idle(const notification_state& st) {
  return !st.flushing && st.in_flight.empty() && st.outcomes.empty() &&
         (!st.options.sink || st.outbox.due(st.clock->now(), 1).empty());
}

void answer_checks(notification_pointer self) {
  auto& st = self->state;
  if (st.checks.empty() || !idle(st)) return;
  for (auto& rp : st.checks) rp.deliver(st.ended_since_check);
  st.checks.clear();
  st.ended_since_check = 0;
}

void schedule_wake(notification_pointer self) {
  auto& st = self->state;
  if (st.options.max_sleep.count() == 0) return;
  auto now = st.clock->now();
  auto sleep = std::chrono::duration_cast<std::chrono::microseconds>(st.options.max_sleep);
  if (auto next = st.outbox.next_due()) sleep = std::clamp(*next - now, std::chrono::microseconds{1000}, sleep);
  self->delayed_send(self, sleep, outbox_wake{++st.wake_generation});
}

constexpr std::string_view snapshot_name = "notifications";
constexpr std::string_view snapshot_format = "gridcoord.notifications/1";

// The outbox changes only by the events the feed brings: caught up, it is
// exactly the log's up to the position, and can be snapshot whenever one is due.
// At a stop: whenever anything was applied since the last.
void maybe_snapshot(notification_state& st, bool stopping = false) {
  const auto& snaps = st.options.snapshots;
  auto at = st.follower.applied_seq();
  if (at <= st.snapshot_seq || !snaps.due(snapshot_name, at - st.snapshot_seq, st.outbox.size(), stopping)) return;
  // A copy, encoded on the writer's thread.
  snaps.writer->write(std::string(snapshot_name), at, [copy = std::make_shared<sla::outbox>(st.outbox)] {
    return snapshot_text(snapshot_format, boost::json::object{{"outbox", copy->to_json()}});
  });
  st.snapshot_seq = at;
}

// The outbox of the stored snapshot, and the event it covers; 0 (logged when
// there was one) when the log must be replayed from its start.
std::uint64_t restore(notification_state& st, const storage::event_store& store) {
  auto snap = load_snapshot(store, snapshot_name, snapshot_format);
  if (!snap) return 0;
  const auto* o = snap->state.if_object();
  const auto* v = o ? o->if_contains("outbox") : nullptr;
  domain::expected<sla::outbox> box = domain::fail(domain::errc::internal, "the outbox snapshot is unreadable");
  if (v) box = sla::outbox::from_json(*v);
  if (!box) {
    spdlog::warn("notifications: the snapshot at event {} is ignored, the log is replayed instead: {}", snap->seq,
                 box.error().message);
    return 0;
  }
  st.outbox = std::move(*box);
  st.outbox.index_delivered();
  spdlog::info("notifications: outbox restored from the snapshot at event {}", snap->seq);
  return snap->seq;
}

// Takes what the feed holds; answers how many notification events that was,
// or nothing when the log could not be read (tried again at the next wake-up).
std::optional<std::size_t> catch_up(notification_pointer self) {
  auto& st = self->state;
  std::size_t notifications = 0;
  auto applied = st.follower.catch_up([&](const storage::event& e) {
    if (!sla::is_notification_event(e.type)) return;
    ++notifications;
    if (auto s = st.outbox.apply_event(e.type, e.payload); !s)
      spdlog::error("notifications: event {} ({}) could not be applied: {}", e.seq, e.type, s.error().message);
    // An outcome is in the outbox now: its message may be sent again when due.
    if (e.type != sla::notification_enqueued_type) st.outcome_ids.erase(message_of(e.stream));
  });
  if (applied) {
    if (notifications > 0) st.outbox.forget_delivered_before(st.clock->now() - st.options.delivery.keep_delivered);
    maybe_snapshot(st);
    return notifications;
  }
  spdlog::warn("notifications: reading the log failed, tried again at the next wake-up: {}", applied.error().message);
  schedule_wake(self);
  return std::nullopt;
}

// Takes what the feed holds, then sends what is due.
void pump(notification_pointer self) {
  if (catch_up(self)) dispatch(self);
}

void dispatch(notification_pointer self) {
  auto& st = self->state;
  if (st.options.sink) {
    auto room = st.options.delivery.max_in_flight - std::min(st.options.delivery.max_in_flight, st.in_flight.size());
    auto due = st.outbox.due(st.clock->now(), room + st.in_flight.size() + st.outcome_ids.size());
    for (const auto* m : due) {
      if (room == 0) break;
      const auto& id = m->message.message_id;
      if (st.in_flight.contains(id) || st.outcome_ids.contains(id)) continue;
      st.in_flight.insert(id);
      --room;
      st.options.sink->send(m->message, [self = caf::actor_cast<notification_actor>(self), id](delivery_outcome o) {
        caf::anon_send(self, outbox_outcome{id, std::move(o)});
      });
    }
  }
  answer_checks(self);
  schedule_wake(self);
}

// The event that records how attempt `attempt` of `m` ended.
storage::event_draft outcome_event(const notification_state& st, const sla::message_status& m,
                                   const delivery_outcome& o) {
  auto now = st.clock->now();
  const auto& id = m.message.message_id;
  auto attempt = m.attempts + 1;
  auto stream = sla::notification_stream(id);
  if (o.what == delivery_outcome::result::delivered)
    return {stream, std::string(sla::notification_delivered_type), now, "system",
            sla::encode(sla::delivered{id, attempt, now}), ""};
  if (o.what == delivery_outcome::result::permanent || attempt >= st.options.delivery.retry.max_attempts)
    return {stream, std::string(sla::notification_dead_lettered_type), now, "system",
            sla::encode(sla::dead_lettered{id, attempt, o.error, now}), ""};
  auto next = now + sla::retry_delay(st.options.delivery.retry, id, attempt);
  return {stream, std::string(sla::notification_attempt_failed_type), now, "system",
          sla::encode(sla::attempt_failed{id, attempt, o.error, next}), ""};
}

void on_outcome(notification_pointer self, outbox_outcome& r) {
  auto& st = self->state;
  st.in_flight.erase(r.message_id);
  const auto* m = st.outbox.find(r.message_id);
  if (!m || m->state != sla::delivery_state::pending) return dispatch(self);
  st.outcomes.push_back(outcome_event(st, *m, r.outcome));
  st.outcome_ids.insert(r.message_id);
  ++st.ended_since_check;
  flush(self);
}

// Logs the outcomes gathered so far, one append at a time.
void flush(notification_pointer self) {
  auto& st = self->state;
  if (st.flushing || st.outcomes.empty()) return;
  st.flushing = true;
  auto events = std::move(st.outcomes);
  st.outcomes.clear();
  std::vector<std::string> ids;
  for (const auto& e : events) ids.push_back(message_of(e.stream));
  self->request(st.log, caf::infinite, storage::append_request{std::move(events), std::nullopt})
      .then(
          [self](storage::append_result&) {
            self->state.flushing = false;
            pump(self);  // applies them (and only then may their messages be sent again)
            flush(self);
          },
          [self, ids](caf::error& e) {
            auto& state = self->state;
            state.flushing = false;
            for (const auto& id : ids) state.outcome_ids.erase(id);
            spdlog::error("notifications: logging {} delivery outcome(s) failed; they are sent again: {}", ids.size(),
                          to_domain(e).message);
            dispatch(self);
          });
}

}  // namespace

notification_actor::behavior_type notification(notification_pointer self, notification_actor_options options,
                                               event_log_actor log, const domain::clock* clock,
                                               const storage::event_store* store,
                                               std::shared_ptr<log_publisher> publisher) {
  auto& st = self->state;
  st.options = std::move(options);
  auto feed = publisher->subscribe(detail::feed_ready_sender(self));
  st.outbox.index_delivered();  // it forgets delivered messages (keep_delivered)
  st.snapshot_seq = restore(st, *store);
  st.follower = log_follower(store, std::move(feed), st.snapshot_seq);
  st.log = std::move(log);
  st.clock = clock;
  if (!st.options.sink) spdlog::debug("notifications: no sink; notifications stay in the outbox");
  self->send(self, outbox_kick{});
  // A stop: what the feed holds is taken and the outbox snapshot, so the
  // next start replays nothing of it.
  self->set_exit_handler([self](caf::exit_msg& m) {
    if (catch_up(self)) maybe_snapshot(self->state, true);
    self->quit(m.reason);
  });
  return {
      [self](outbox_kick) { pump(self); },
      [self](outbox_check) -> caf::result<std::size_t> {
        auto rp = self->make_response_promise<std::size_t>();
        self->state.checks.push_back(rp);
        pump(self);
        return rp;
      },
      [self](outbox_wake& w) {
        if (w.generation == self->state.wake_generation) pump(self);
      },
      [self](outbox_outcome& r) { on_outcome(self, r); },
      [self](feed_ready) {
        // Most events are not notifications: only those are worth a look at what is due.
        if (auto n = catch_up(self); n && *n > 0) dispatch(self);
      },
  };
}

}  // namespace gridcoord::actors
