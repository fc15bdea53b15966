#include "actors/sla_actor.hpp"

#include <algorithm>

#include <boost/json.hpp>
#include <caf/all.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "actors/detail/feed_ready.hpp"
#include "actors/detail/sla_commands.hpp"
#include "actors/error.hpp"
#include "actors/event_log_actor.hpp"
#include "actors/detail/sla_views.hpp"
#include "domain/capacity/applications.hpp"

namespace gridcoord::actors {

namespace {

namespace sla_ns = domain::sla;
using done_fn = std::function<void(domain::status)>;

// Applies one event; `reindex` is set when the customers' ancestor index must
// be rebuilt (after the equipment changed), which sync does once per read.
domain::status apply_event(sla_state& st, const storage::event& e, bool& reindex) {
  if (e.type == domain::equipment_imported_type) {
    reindex = true;
    return st.equipment.apply_event(e.type, e.seq, e.time, e.payload);
  }
  if (e.type == sla_ns::customer_imported_type) {
    if (reindex) st.customers.reindex(st.equipment), reindex = false;
    return st.customers.apply_event(e.type, e.seq, e.payload, st.equipment);
  }
  if (sla_ns::is_notification_event(e.type)) {
    if (auto s = st.outbox.apply_event(e.type, e.payload); !s) return s;
    return st.book.apply_event(e.type, e.time, e.payload);
  }
  if (sla_ns::is_sla_event(e.type)) return st.book.apply_event(e.type, e.time, e.payload);
  if (e.type == domain::capacity::application_energized_type) {
    boost::system::error_code ec;
    auto v = boost::json::parse(e.payload, ec);
    if (ec || !v.is_object() || !v.as_object().contains("id") || !v.at("id").is_string())
      return domain::fail(domain::errc::internal, "an application.energized event has no application id");
    auto id = std::string(v.at("id").as_string());
    if (st.book.callback_for("application/" + id) == 0) st.energized.emplace_back(id, e.time);
  }
  return {};
}

// Whether `e` is the next of the actor's own events applied ahead.
bool own_applied_ahead(const sla_state& st, const storage::event& e) {
  if (st.applied_ahead.empty()) return false;
  const auto& d = st.applied_ahead.front();
  return d.stream == e.stream && d.type == e.type && d.payload == e.payload;
}

constexpr std::string_view snapshot_name = "sla";
constexpr std::string_view snapshot_format = "gridcoord.sla/1";

std::size_t items_of(const sla_state& st) {
  const auto& b = st.book;
  return b.outages().size() + b.planned().size() + b.complaints().size() + b.callbacks().size() +
         b.analyses().size() + st.customers.size() + st.equipment.size() + st.outbox.size();
}

// Hands a snapshot to the writer when one is due (at a stop: when anything
// was applied since the last) and the state is exactly the log's up to the
// position: nothing of the actor's own applied ahead.
void maybe_snapshot(sla_state& st, bool stopping = false) {
  const auto& snaps = st.options.snapshots;
  auto at = st.follower.applied_seq();
  if (!st.applied_ahead.empty() || at <= st.snapshot_seq ||
      !snaps.due(snapshot_name, at - st.snapshot_seq, items_of(st), stopping))
    return;
  // A copy to encode on the writer's thread (the customers, whose index
  // points into the registry, are encoded here; they are few).
  struct image {
    sla_ns::work_book book;
    boost::json::value customers;
    domain::equipment_registry equipment;
    sla_ns::outbox outbox;
    std::vector<std::pair<std::string, domain::time_point>> energized;
  };
  auto began = std::chrono::steady_clock::now();
  auto copy = std::make_shared<image>(image{st.book, st.customers.to_json(), st.equipment, st.outbox, st.energized});
  spdlog::info("sla: state at event {} copied for its snapshot in {:.3f} s", at,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
  snaps.writer->write(std::string(snapshot_name), at, [copy] {
    boost::json::object s;
    s["book"] = copy->book.to_json();
    s["customers"] = std::move(copy->customers);
    s["equipment"] = copy->equipment.to_json();
    s["outbox"] = copy->outbox.to_json();
    boost::json::array energized;
    for (const auto& [id, when] : copy->energized)
      energized.push_back(boost::json::object{{"id", id}, {"at", domain::format_rfc3339(when)}});
    s["energized"] = std::move(energized);
    return snapshot_text(snapshot_format, std::move(s));
  });
  st.snapshot_seq = at;
}

// Sets the state to a snapshot's `v`; changes nothing when any part of it
// cannot be read.
domain::status restore(sla_state& st, const boost::json::value& v) {
  auto unreadable = [] { return domain::fail(domain::errc::internal, "the SLA snapshot is unreadable"); };
  auto* o = v.if_object();
  if (!o) return unreadable();
  auto part = [&](std::string_view key) -> const boost::json::value& {
    static const boost::json::value none;
    auto* p = o->if_contains(key);
    return p ? *p : none;
  };
  auto equipment = domain::equipment_registry::from_json(part("equipment"));
  if (!equipment) return unexpected{equipment.error()};
  auto customers = sla_ns::customer_registry::from_json(part("customers"), *equipment);
  if (!customers) return unexpected{customers.error()};
  auto book = sla_ns::work_book::from_json(part("book"));
  if (!book) return unexpected{book.error()};
  auto outbox = sla_ns::outbox::from_json(part("outbox"));
  if (!outbox) return unexpected{outbox.error()};
  std::vector<std::pair<std::string, domain::time_point>> energized;
  if (!part("energized").is_array()) return unreadable();
  for (const auto& a : part("energized").get_array()) {
    const auto* e = a.if_object();
    const auto* id = e ? e->if_contains("id") : nullptr;
    const auto* at = e ? e->if_contains("at") : nullptr;
    auto when = at && at->is_string() ? domain::parse_rfc3339(std::string_view(at->get_string())) : std::nullopt;
    if (!id || !id->is_string() || !when) return unreadable();
    energized.emplace_back(std::string(id->get_string()), *when);
  }
  st.equipment = std::move(*equipment);
  st.customers = std::move(*customers);
  st.book = std::move(*book);
  st.outbox = std::move(*outbox);
  st.energized = std::move(energized);
  return {};
}

// Loads the stored snapshot into the state; answers the event it covers, or
// 0 (logged when there was one) when the log must be replayed from its start.
std::uint64_t restore_from_store(sla_state& st) {
  auto snap = load_snapshot(*st.store, snapshot_name, snapshot_format);
  if (!snap) return 0;
  if (auto r = restore(st, snap->state); !r) {
    spdlog::warn("sla: the snapshot at event {} is ignored, the log is replayed instead: {}", snap->seq,
                 r.error().message);
    return 0;
  }
  spdlog::info("sla: state restored from the snapshot at event {}", snap->seq);
  return snap->seq;
}

// Applies every event the feed holds (and, after a start, what the log held
// before the feed began), then calls `done`. The actor's own events that it
// applied ahead of their append come back in append order and are skipped.
void sync(sla_pointer self, done_fn done, bool reindex = false) {
  auto& st = self->state;
  auto applied = st.follower.catch_up([&](const storage::event& e) {
    if (own_applied_ahead(st, e)) return st.applied_ahead.pop_front();
    if (auto s = apply_event(st, e, reindex); !s)
      spdlog::error("sla: event {} ({}) could not be applied: {}", e.seq, e.type, s.error().message);
  });
  if (!applied) return done(unexpected{applied.error()});
  if (reindex) st.customers.reindex(st.equipment);
  std::erase_if(st.energized, [&](const auto& a) { return st.book.callback_for("application/" + a.first) != 0; });
  maybe_snapshot(st);
  done({});
}

template <class F>
void with_context(sla_pointer self, F f) {
  auto& st = self->state;
  sla_ns::planner plan(*st.options.limits, st.options.calendar->calendar());
  detail::sla_context c{st.book, st.customers, st.equipment, plan, st.clock->now(), *st.options.messages,
                        st.options.calendar->calendar().zone_name()};
  f(c);
}

bool enqueues(const std::vector<storage::event_draft>& events) {
  return std::any_of(events.begin(), events.end(),
                     [](const auto& e) { return e.type == sla_ns::notification_enqueued_type; });
}

// Appends `events` (with `key`), catches up, then `done` with the result.
void append_then_sync(sla_pointer self, std::vector<storage::event_draft> events,
                      std::optional<storage::idempotency_record> key,
                      std::function<void(domain::expected<storage::append_result>)> done) {
  bool kick = enqueues(events);
  self->request(self->state.log, caf::infinite, storage::append_request{std::move(events), std::move(key)})
      .await(
          [self, done, kick](storage::append_result& r) {
            if (kick && !r.replayed) self->send(self->state.notifier, outbox_kick{});
            sync(self, [done, r](domain::status s) {
              if (!s) return done(unexpected{s.error()});
              done(r);
            });
          },
          [done](caf::error& e) { done(unexpected{to_domain(e)}); });
}

// After a write applied ahead failed: the projection is rebuilt from its
// snapshot and the log after it (what was applied ahead is in neither), and
// every later write decided on top of it is answered by the log as it stands.
void rebuild(sla_pointer self) {
  auto& st = self->state;
  spdlog::warn("sla: a write applied ahead of its append failed; rebuilding the state from the log");
  st.book = {};
  st.customers = {};
  st.equipment = {};
  st.outbox = {};
  st.energized.clear();
  st.applied_ahead.clear();
  st.follower.rewind(restore_from_store(st));
  sync(self, [](domain::status s) {
    if (!s) spdlog::error("sla: rebuilding from the log failed: {}", s.error().message);
  });
}

// Applies `events` now and appends them without waiting: the actor goes on
// deciding the next requests on the state that includes them, so writes that
// arrive together share a group commit. `done` runs when the append is
// durable (with the feed taken) or has failed (the state rebuilt first).
// A key must be new (answered_by_key): a replayed key writes nothing, and
// what was applied ahead would then be wrong (the state is rebuilt if it happens).
void append_ahead(sla_pointer self, std::vector<storage::event_draft> events,
                  std::optional<storage::idempotency_record> key,
                  std::function<void(domain::expected<storage::append_result>)> done) {
  auto& st = self->state;
  bool reindex = false;
  for (const auto& d : events) {
    if (auto s = apply_event(st, {0, d.stream, d.type, d.time, d.actor, d.payload, d.origin}, reindex); !s)
      spdlog::error("sla: an event of its own ({}) could not be applied: {}", d.type, s.error().message);
    st.applied_ahead.push_back(d);
  }
  if (reindex) st.customers.reindex(st.equipment);
  bool kick = enqueues(events);
  self->request(st.log, caf::infinite, storage::append_request{std::move(events), std::move(key)})
      .then(
          [self, done, kick](storage::append_result& r) {
            if (r.replayed) rebuild(self);  // nothing was written: undo what was applied ahead
            else if (kick) self->send(self->state.notifier, outbox_kick{});
            sync(self, [done, r](domain::status s) {
              if (!s) return done(unexpected{s.error()});
              done(r);
            });
          },
          [self, done](caf::error& e) {
            rebuild(self);
            done(unexpected{to_domain(e)});
          });
}

using answer_fn = std::function<void(domain::expected<sla_answer>)>;

// A write that is late already (an outage reported after its E1 limit, a
// planned notice inside its lead) has its breach logged at once, not at the
// next wake-up. With the clock off (tests) checks stay the caller's.
void check_soon_if_due(sla_pointer self) {
  auto& st = self->state;
  if (st.options.max_sleep.count() == 0 || st.book.due_signals(st.clock->now()).empty()) return;
  self->send(self, sla_wake{++st.wake_generation});
}

// A write whose idempotency key is known: one still being written (the
// request waits for its answer) or one logged (its answer, or a conflict for
// another body). False when the key is new.
bool answered_by_key(sla_pointer self, const sla_writer& w, answer_fn& done) {
  auto& st = self->state;
  auto key = "sla:" + w.idempotency_key;
  if (auto it = st.keys_in_flight.find(key); it != st.keys_in_flight.end()) {
    it->second.push_back({w.request_hash, std::move(done)});
    return true;
  }
  auto logged = st.store->find_idempotency(key);
  if (!logged) {
    if (logged.error().code == storage::errc::not_found) return false;
    done(unexpected{to_domain(logged.error())});
    return true;
  }
  if (logged->request_hash != w.request_hash) done(unexpected{to_domain(idempotency_conflict(key))});
  else done(detail::item_view(st, logged->result, false, false));
  return true;
}

// Carries out a decided write: applies it ahead, logs it (with its key) and
// answers the item, then every request that arrived with the same key meanwhile.
void carry_out(sla_pointer self, const sla_writer& w, domain::expected<detail::sla_decision> d, answer_fn done) {
  if (!d) return done(unexpected{d.error()});
  if (!d->changed) return done(detail::item_view(self->state, d->item, false, false));
  std::optional<storage::idempotency_record> key;
  if (!w.idempotency_key.empty()) {
    key = storage::idempotency_record{"sla:" + w.idempotency_key, w.request_hash, d->item, 0};
    self->state.keys_in_flight[key->key];  // later requests with this key wait for this one
  }
  auto key_name = key ? key->key : std::string{};
  append_ahead(self, std::move(d->events), std::move(key),
               [self, key_name, hash = w.request_hash, item = d->item, created = d->created,
                done](domain::expected<storage::append_result> r) {
                 auto& st = self->state;
                 std::vector<sla_state::key_waiter> waiting;
                 if (auto it = st.keys_in_flight.find(key_name); it != st.keys_in_flight.end()) {
                   waiting = std::move(it->second);
                   st.keys_in_flight.erase(it);
                 }
                 if (r && r->replayed && r->existing) {  // logged meanwhile by another way: answer what it recorded
                   if (r->existing->request_hash == hash) done(detail::item_view(st, r->existing->result, false, false));
                   else done(unexpected{to_domain(idempotency_conflict(key_name))});
                 } else if (!r) {
                   done(unexpected{r.error()});
                 } else {
                   check_soon_if_due(self);
                   done(detail::item_view(st, item, created, true));
                 }
                 for (auto& later : waiting) {
                   if (!r) later.done(unexpected{r.error()});
                   else if (later.request_hash != hash) later.done(unexpected{to_domain(idempotency_conflict(key_name))});
                   else later.done(detail::item_view(st, r->replayed && r->existing ? r->existing->result : item, false, false));
                 }
               });
}

// Feed lines one after another, each its own append, so one bad line does
// not hold up the others.
void feed_from(sla_pointer self, std::shared_ptr<feed_batch> batch, std::size_t next,
               std::shared_ptr<feed_results> out, answer_fn done) {
  if (next == batch->lines.size()) {
    check_soon_if_due(self);
    return done(sla_answer{*out});
  }
  const auto& line = batch->lines[next];
  auto continue_with = [self, batch, next, out, done](feed_result r) {
    out->results.push_back(std::move(r));
    feed_from(self, batch, next + 1, out, done);
  };
  with_context(self, [&](const detail::sla_context& c) {
    auto d = detail::decide(c, line, batch->writer);
    if (!d) return continue_with({line.line, "rejected", "", d.error().message});
    if (!d->changed) return continue_with({line.line, "duplicate", d->item, ""});
    auto status = d->created ? "created" : "updated";
    append_then_sync(self, std::move(d->events), std::nullopt,
                     [line = line.line, item = d->item, status, continue_with](domain::expected<storage::append_result> r) {
                       if (!r) return continue_with({line, "rejected", item, r.error().message});
                       continue_with({line, status, item, ""});
                     });
  });
}

void import(sla_pointer self, import_customers& q, answer_fn done) {
  auto& st = self->state;
  if (auto s = st.customers.check_import(q.rows, st.equipment); !s) return done(unexpected{s.error()});
  auto summary = st.customers.summarize(q.rows);
  std::vector<storage::event_draft> events;
  for (std::size_t at = 0; at < q.rows.size(); at += sla_ns::customers_per_event) {
    auto n = std::min(sla_ns::customers_per_event, q.rows.size() - at);
    events.push_back({std::string(sla_ns::customers_stream), std::string(sla_ns::customer_imported_type),
                      st.clock->now(), q.writer.by,
                      sla_ns::encode_customer_import(std::span(q.rows).subspan(at, n)), q.writer.origin});
  }
  std::optional<storage::idempotency_record> key;
  if (!q.writer.idempotency_key.empty())
    key = storage::idempotency_record{"customers:" + q.writer.idempotency_key, q.writer.request_hash,
                                      detail::encode_summary(summary), 0};
  auto asked = key;
  append_then_sync(self, std::move(events), std::move(key),
                   [summary, asked, done](domain::expected<storage::append_result> r) {
                     if (!r) return done(unexpected{r.error()});
                     if (r->replayed && r->existing) {
                       if (r->existing->request_hash != asked->request_hash)
                         return done(unexpected{to_domain(idempotency_conflict(asked->key))});
                       return done(sla_answer{customer_import_receipt{detail::decode_summary(r->existing->result),
                                                                      r->existing->first_seq, true}});
                     }
                     done(sla_answer{customer_import_receipt{summary, r->first_seq, false}});
                   });
}

// One request, the state caught up.
void handle(sla_pointer self, sla_request& request, answer_fn done) {
  std::visit(
      [&](auto& q) {
        using Q = std::decay_t<decltype(q)>;
        if constexpr (std::is_same_v<Q, feed_batch>) {
          feed_from(self, std::make_shared<feed_batch>(std::move(q)), 0, std::make_shared<feed_results>(), done);
        } else if constexpr (std::is_same_v<Q, import_customers>) {
          import(self, q, done);
        } else if constexpr (requires { q.writer; }) {
          if (!q.writer.idempotency_key.empty() && answered_by_key(self, q.writer, done)) return;
          with_context(self, [&](const detail::sla_context& c) { carry_out(self, q.writer, detail::decide(c, q), done); });
        } else {
          done(detail::read(self->state, q));
        }
      },
      request);
}

void schedule_wake(sla_pointer self) {
  auto& st = self->state;
  if (st.options.max_sleep.count() == 0) return;
  auto now = st.clock->now();
  auto sleep = std::chrono::duration_cast<std::chrono::microseconds>(st.options.max_sleep);
  if (auto next = st.book.next_signal_after(now)) sleep = std::clamp(*next - now, std::chrono::microseconds{1000}, sleep);
  if (!st.energized.empty()) sleep = std::chrono::microseconds{1000};
  self->delayed_send(self, sleep, sla_wake{++st.wake_generation});
}

// Logs every signal due now (and what breaches open, and the callbacks owed).
void check(sla_pointer self, std::function<void(domain::expected<std::vector<sla_ns::clock_signal>>)> done) {
  sync(self, [self, done](domain::status s) {
    if (!s) return done(unexpected{s.error()});
    auto& st = self->state;
    auto due = st.book.due_signals(st.clock->now());
    std::vector<storage::event_draft> events;
    with_context(self, [&](const detail::sla_context& c) { events = detail::due_events(c, due, st.energized); });
    if (events.empty()) return done(due);
    append_then_sync(self, std::move(events), std::nullopt,
                     [due, done](domain::expected<storage::append_result> r) {
                       if (!r) return done(unexpected{r.error()});
                       done(due);
                     });
  });
}

void wake(sla_pointer self, const sla_wake& w) {
  if (w.generation != self->state.wake_generation) return;
  check(self, [self](domain::expected<std::vector<sla_ns::clock_signal>> r) {
    if (!r) spdlog::warn("sla: the check failed, retried at the next wake-up: {}", r.error().message);
    else if (!r->empty()) spdlog::info("sla: {} warning(s) and breach(es) logged", r->size());
    schedule_wake(self);
  });
}

}  // namespace

sla_actor::behavior_type sla(sla_pointer self, sla_options options, event_log_actor log, notification_actor notifier,
                             const domain::clock* clock, const storage::event_store* store,
                             std::shared_ptr<log_publisher> publisher) {
  auto& st = self->state;
  st.options = std::move(options);
  auto feed = publisher->subscribe(detail::feed_ready_sender(self));
  st.store = store;
  st.snapshot_seq = restore_from_store(st);
  st.follower = log_follower(store, std::move(feed), st.snapshot_seq);
  self->send(self, feed_ready{});  // catch up with the log at once, not at the first request
  st.log = std::move(log);
  st.notifier = std::move(notifier);
  st.clock = clock;
  if (st.options.max_sleep.count() > 0) self->send(self, sla_wake{st.wake_generation});
  // A stop: what the feed holds is taken and the state snapshot, so the next
  // start replays nothing of it.
  self->set_exit_handler([self](caf::exit_msg& m) {
    sync(self, [self](domain::status s) {
      if (s) maybe_snapshot(self->state, true);
    });
    self->quit(m.reason);
  });
  return {
      [self](sla_call& call) -> caf::result<sla_answer> {
        auto rp = self->make_response_promise<sla_answer>();
        auto request = std::make_shared<sla_request>(std::move(call.request));
        sync(self, [self, rp, request](domain::status s) mutable {
          if (!s) return (void)rp.deliver(to_caf(s.error()));
          handle(self, *request, [rp](domain::expected<sla_answer> a) mutable {
            if (a) rp.deliver(std::move(*a));
            else rp.deliver(to_caf(a.error()));
          });
        });
        return rp;
      },
      [self](sla_check) -> caf::result<std::vector<sla_ns::clock_signal>> {
        auto rp = self->make_response_promise<std::vector<sla_ns::clock_signal>>();
        check(self, [rp](domain::expected<std::vector<sla_ns::clock_signal>> r) mutable {
          if (r) rp.deliver(std::move(*r));
          else rp.deliver(to_caf(r.error()));
        });
        return rp;
      },
      [self](sla_wake& w) { wake(self, w); },
      [self](feed_ready) {
        sync(self, [](domain::status s) {
          if (!s) spdlog::warn("sla: following the log failed, tried again at the next request: {}", s.error().message);
        });
      },
  };
}

}  // namespace gridcoord::actors
