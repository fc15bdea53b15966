#include "actors/capacity_actor.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include <boost/json.hpp>
#include <caf/all.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "actors/detail/feed_ready.hpp"
#include "actors/error.hpp"
#include "actors/event_log_actor.hpp"
#include "domain/json.hpp"
#include "domain/report.hpp"

namespace gridcoord::actors {

namespace {

namespace cap = domain::capacity;
namespace json = boost::json;
using done_fn = std::function<void(domain::status)>;

constexpr std::string_view restriction_kind = "connection_restrictions";

bool feeds_capacity(std::string_view kind) {
  return kind == "large_customer_demand" || kind == "regional_development" || kind == "equipment_load_standards" ||
         kind == "load_statistics";
}

domain::status apply_event(capacity_state& st, const storage::event& e) {
  ++st.rows_since_snapshot;
  if (e.type == domain::equipment_imported_type) {
    auto rows = domain::decode_import(e.payload);
    if (!rows) return unexpected{rows.error()};
    st.rows_since_snapshot += rows->size();
    st.model->upsert_equipment(*rows);
  } else if (e.type == domain::report_submitted_type) {
    if (!feeds_capacity(domain::report_kind_of_stream(e.stream))) return {};  // told by the stream, not by parsing the payload
    auto v = domain::decode_report(e.payload);
    if (!v) return unexpected{v.error()};
    st.rows_since_snapshot += v->rows.size();
    return st.model->apply_report(*domain::find_report_kind(v->kind), v->period, v->version, v->rows);
  } else if (cap::is_application_event(e.type)) {
    auto applied = st.applications.apply_event(e.type, e.seq, e.payload);
    if (!applied) return unexpected{applied.error()};
    const auto* a = *applied;
    if (a->counts_as_load()) st.model->add_connection(a->as_connection());
    else st.model->remove_connection(a->id);
  } else if (e.type == cap::publication_issued_type) {
    auto p = cap::decode_publication(e.payload);
    if (!p) return unexpected{p.error()};
    if (p->number > st.publications.size()) st.publications.push_back(std::move(*p));
  }
  return {};
}

// --- snapshots -------------------------------------------------------------------

constexpr std::string_view snapshot_name = "capacity";
constexpr std::string_view snapshot_format = "gridcoord.capacity/1";

// The snapshot's bytes (after the format line): the model's image, its
// length first, then the applications and the publications as JSON:
// {"applications": [{"seq", "record"}], "publications": [payload]}.
std::string encode_state(const capacity_state& st) {
  auto image = st.model->snapshot();
  json::array applications;
  for (const auto& a : st.applications.select(std::nullopt, "", std::numeric_limits<std::size_t>::max()))
    applications.push_back(json::object{{"seq", a.seq}, {"record", cap::to_json(a)}});
  json::array publications;
  for (const auto& p : st.publications) publications.push_back(json::string(cap::encode_publication(p)));
  std::uint64_t length = image.size();
  auto out = snapshot_bytes(snapshot_format, std::string_view(reinterpret_cast<const char*>(&length), sizeof length));
  out += image;
  out += domain::to_text(json::object{{"applications", std::move(applications)}, {"publications", std::move(publications)}});
  return out;
}

// Sets the model, applications and publications from a snapshot's bytes;
// changes nothing when any part cannot be read.
domain::status decode_state(capacity_state& st, std::string_view bytes) {
  auto unreadable = [] {
    return domain::fail(domain::errc::internal, "the capacity snapshot's applications or publications are unreadable");
  };
  std::uint64_t length = 0;
  if (bytes.size() < sizeof length) return domain::fail(domain::errc::internal, "the capacity snapshot is too short");
  std::memcpy(&length, bytes.data(), sizeof length);
  bytes.remove_prefix(sizeof length);
  if (length > bytes.size()) return domain::fail(domain::errc::internal, "the capacity snapshot is too short");
  auto model = cap::model::from_snapshot(st.options.settings, bytes.substr(0, length));
  if (!model) return unexpected{model.error()};
  json::error_code ec;
  auto rest = json::parse(bytes.substr(length), ec);
  const auto* o = ec ? nullptr : rest.if_object();
  const auto* apps = o ? o->if_contains("applications") : nullptr;
  const auto* pubs = o ? o->if_contains("publications") : nullptr;
  if (!apps || !apps->is_array() || !pubs || !pubs->is_array()) return unreadable();
  cap::application_book book;
  for (const auto& a : apps->get_array()) {
    const auto* ao = a.if_object();
    const auto* seq = ao ? ao->if_contains("seq") : nullptr;
    const auto* record = ao ? ao->if_contains("record") : nullptr;
    std::optional<std::uint64_t> at;
    if (seq && seq->is_int64() && seq->get_int64() >= 0) at = static_cast<std::uint64_t>(seq->get_int64());
    else if (seq && seq->is_uint64()) at = seq->get_uint64();
    if (!at || !record) return unreadable();
    auto applied = book.apply_event(cap::application_submitted_type, *at, domain::to_text(*record));
    if (!applied) return unexpected{applied.error()};
  }
  std::vector<cap::publication> publications;
  for (const auto& p : pubs->get_array()) {
    if (!p.is_string()) return unreadable();
    auto decoded = cap::decode_publication(p.get_string());
    if (!decoded) return unexpected{decoded.error()};
    publications.push_back(std::move(*decoded));
  }
  st.model = std::make_unique<cap::model>(std::move(*model));
  st.applications = std::move(book);
  st.publications = std::move(publications);
  return {};
}

// The state of the stored snapshot, and the event it covers; 0 (logged when
// there was one) when the log must be read from its start.
std::uint64_t restore_from_store(capacity_state& st, const storage::event_store& store) {
  auto snap = load_snapshot_bytes(store, snapshot_name, snapshot_format);
  if (!snap) return 0;
  auto began = std::chrono::steady_clock::now();
  if (auto s = decode_state(st, snap->bytes); !s) {
    spdlog::warn("capacity: the snapshot at event {} is ignored, the log is read instead: {}", snap->seq,
                 s.error().message);
    return 0;  // decode_state changed nothing
  }
  spdlog::info("capacity: {} equipment and {} applications restored from the snapshot at event {} in {:.2f} s",
               st.model->equipment_count(), st.applications.size(), snap->seq,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
  return snap->seq;
}

// Hands a snapshot to the writer when one is due (at a stop: when anything
// was applied since the last). The actor writes nothing ahead of its log, so
// caught up, its state is the log's up to its position. The image is made
// here: for the most part it copies arrays, as a copy of the model would.
void maybe_snapshot(capacity_state& st, bool stopping = false) {
  const auto& snaps = st.options.snapshots;
  auto at = st.follower.applied_seq();
  if (at <= st.snapshot_seq ||
      !snaps.due(snapshot_name, st.rows_since_snapshot, st.model->equipment_count() + st.applications.size(),
                 stopping))
    return;
  auto began = std::chrono::steady_clock::now();
  auto data = encode_state(st);
  spdlog::info("capacity: state at event {} imaged for its snapshot in {:.3f} s", at,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
  snaps.writer->write(std::string(snapshot_name), at, std::move(data));
  st.snapshot_seq = at;
  st.rows_since_snapshot = 0;
}

// Applies every event the feed holds (and, after a start, what the log held
// before the feed began), then calls `done`.
void sync(capacity_pointer self, done_fn done) {
  auto applied = self->state.follower.catch_up([self](const storage::event& e) {
    if (auto s = apply_event(self->state, e); !s)
      spdlog::error("capacity: event {} ({}) could not be applied: {}", e.seq, e.type, s.error().message);
  });
  if (!applied) return done(unexpected{applied.error()});
  maybe_snapshot(self->state);
  done({});
}

domain::month current_month(const capacity_state& st) {
  return st.options.calendar->calendar().local_month_of(st.clock->now());
}

// The month must be in the horizon: this month and the horizon_months - 1 after it.
domain::status in_horizon(const capacity_state& st, domain::month m) {
  auto first = current_month(st);
  auto last = first + std::chrono::months{st.options.settings.horizon_months - 1};
  if (m < first || m > last)
    return domain::fail(domain::errc::invalid_request,
                        fmt::format("capacity is projected for {} to {}: {} is outside that horizon",
                                    domain::to_string(first), domain::to_string(last), domain::to_string(m)));
  return {};
}

// Answers through `rp` once the state is caught up: `answer` gives the value or an error.
template <class T, class F>
caf::result<T> after_sync(capacity_pointer self, F answer) {
  auto rp = self->make_response_promise<T>();
  sync(self, [self, rp, answer](domain::status s) mutable {
    if (!s) return (void)rp.deliver(to_caf(s.error()));
    domain::expected<T> r = answer(self->state);
    if (r) rp.deliver(std::move(*r));
    else rp.deliver(to_caf(r.error()));
  });
  return rp;
}

// Appends `drafts`, catches up (so the events are applied), then `done`.
void append_then_sync(capacity_pointer self, std::vector<storage::event_draft> drafts,
                      std::function<void(domain::expected<storage::append_result>)> done,
                      std::optional<storage::idempotency_record> key = std::nullopt) {
  storage::append_request req{std::move(drafts), std::move(key)};
  self->request(self->state.log, caf::infinite, std::move(req))
      .await(
          [self, done](storage::append_result& r) {
            sync(self, [done, r](domain::status s) {
              if (!s) return done(unexpected{s.error()});
              done(r);
            });
          },
          [done](caf::error& e) { done(unexpected{to_domain(e)}); });
}

storage::event_draft application_event(const capacity_state& st, const cap::transition& t, const std::string& by,
                                       const std::string& origin) {
  return {cap::application_stream(t.after.id), t.event_type, st.clock->now(), by,
          domain::to_text(cap::to_json(t.after)), origin};
}

// --- M5 findings ---------------------------------------------------------------

// The M5 row of a refused application: the point's feeder (the point, or the
// feeder above a distribution transformer), else its region as the area.
json::object finding_row(const cap::application& a, const cap::point_capacity& c) {
  json::object o;
  o["application_id"] = a.id;
  o["customer"] = a.customer;
  const auto& point = c.path.front();
  if (point.kind == domain::equipment_kind::feeder) o["feeder"] = point.id;
  else if (point.kind == domain::equipment_kind::distribution_transformer && c.path.size() > 1)
    o["feeder"] = c.path[1].id;
  else o["area"] = point.region;
  o["requested_kva"] = a.requested_kva;
  o["outcome"] = "refused";
  o["limiting_equipment_id"] = a.limiting_equipment.empty() ? point.id : a.limiting_equipment;
  o["reason"] = a.refusal_reason;
  if (a.expected_relief) o["expected_relief_month"] = domain::to_string(*a.expected_relief);
  return o;
}

// Files the refusal as a row of marketing's M5 report of this month: the
// report's rows (the application's own replaced) plus this one.
void file_finding(capacity_pointer self, cap::application a, std::string origin,
                  std::function<void(domain::expected<std::uint32_t>)> done) {
  auto& st = self->state;
  auto period = current_month(st);
  auto where = st.model->capacity(a.point, std::max(period, a.connect_month));
  if (!where) return done(unexpected{where.error()});
  auto row = finding_row(a, *where);
  const auto* kind = domain::find_report_kind(restriction_kind);
  auto submit = [self, a, origin, period, kind, row, done](json::array rows) {
    json::array kept;
    for (auto& r : rows)
      if (r.as_object().at("application_id") != json::value(a.id)) kept.push_back(std::move(r));
    kept.push_back(row);
    auto parsed = domain::parse_rows(*kind, period, json::object{{"rows", std::move(kept)}});
    if (!parsed) return done(unexpected{parsed.error()});
    std::string key = fmt::format("m5-finding/{}", a.id);
    report_submission s{domain::department::marketing, kind->id, period, std::move(*parsed),
                        fmt::format("gridcoord (application {} refused by {})", a.id, a.decided_by), key, key,
                        origin};
    self->request(self->state.coordinator, caf::infinite, std::move(s))
        .then([done](submit_receipt& r) { done(r.version); },
              [done](caf::error& e) { done(unexpected{to_domain(e)}); });
  };
  self->request(st.coordinator, caf::infinite, report_query{domain::department::marketing, kind->id, period, 0})
      .then(
          [submit, kind, done](report_document& d) {
            auto v = domain::decode_report(d.payload);
            if (!v) return done(unexpected{v.error()});
            submit(domain::rows_to_json(*kind, v->rows));
          },
          [submit, done](caf::error& e) {
            auto err = to_domain(e);
            if (err.code != domain::errc::not_found) return done(unexpected{err});
            submit(json::array{});
          });
}

// --- applications --------------------------------------------------------------

cap::precheck_request precheck_of(const cap::application& a) {
  return {a.point, a.requested_kva, a.connect_month, a.demand_factor};
}

caf::result<application_outcome> run_command(capacity_pointer self, application_command c) {
  auto rp = self->make_response_promise<application_outcome>();
  auto fail_with = [rp](const domain::error& e) mutable { rp.deliver(to_caf(e)); };
  sync(self, [self, rp, c = std::move(c), fail_with](domain::status s) mutable {
    if (!s) return fail_with(s.error());
    auto& st = self->state;
    auto now = st.clock->now();
    std::optional<cap::precheck_result> check;
    domain::expected<cap::transition> t = domain::fail(domain::errc::internal, "no step");
    switch (c.action) {
      case application_action::submit: {
        if (auto h = in_horizon(st, c.draft.connect_month); !h) return fail_with(h.error());
        auto pc = st.model->precheck(precheck_of(c.draft));
        if (!pc) {
          auto e = pc.error();
          if (e.code == domain::errc::not_found)
            e = {domain::errc::validation_failed, "the application is not valid",
                 {{domain::rule::unknown_equipment, std::nullopt, "point", c.draft.point,
                   "is not equipment in the registry"}}};
          return fail_with(e);
        }
        check = std::move(*pc);
        t = st.applications.check_submit(c.draft, now, c.by);
        break;
      }
      case application_action::approve: {
        t = st.applications.check_approve(c.id, now, c.by);
        if (t && t->changed) {
          auto pc = st.model->precheck(precheck_of(t->after));
          if (!pc) return fail_with(pc.error());
          if (!pc->fits)
            return fail_with({domain::errc::conflict,
                              fmt::format("application {} does not fit: {}", c.id, pc->reason), {}});
          check = std::move(*pc);
        }
        break;
      }
      case application_action::refuse: {
        cap::refusal r{c.reason, c.lack_of_capacity, {}, std::nullopt};
        if (const auto* a = st.applications.find(c.id); a && c.lack_of_capacity) {
          if (auto pc = st.model->precheck(precheck_of(*a))) {
            r.limiting_equipment = pc->capacity.binding;
            r.expected_relief = pc->relief;
            check = std::move(*pc);
          }
        }
        t = st.applications.check_refuse(c.id, std::move(r), now, c.by);
        break;
      }
      case application_action::energize:
        t = st.applications.check_energize(c.id, c.energized_on, c.by);
        break;
    }
    if (!t) return fail_with(t.error());
    if (!t->changed) return (void)rp.deliver(application_outcome{t->after, false, std::nullopt, std::nullopt, {}});
    auto refused_for_capacity = c.action == application_action::refuse && c.lack_of_capacity;
    append_then_sync(self, {application_event(st, *t, c.by, c.origin)},
                     [self, rp, id = t->after.id, check, refused_for_capacity, origin = c.origin,
                      fail_with](domain::expected<storage::append_result> appended) mutable {
                       if (!appended) return fail_with(appended.error());
                       application_outcome out{*self->state.applications.find(id), true, check, std::nullopt, {}};
                       if (!refused_for_capacity) return (void)rp.deliver(std::move(out));
                       file_finding(self, out.application, origin,
                                    [rp, out](domain::expected<std::uint32_t> v) mutable {
                                      if (v) out.finding_version = *v;
                                      else out.finding_error = v.error().message;
                                      rp.deliver(std::move(out));
                                    });
                     });
  });
  return rp;
}

// --- publications --------------------------------------------------------------

domain::expected<cap::publication> restricted_list(const capacity_state& st, domain::month period) {
  cap::publication p;
  p.period = period;
  p.restricted_month = period + std::chrono::months{1};
  cap::constrained_filter f{.period = p.restricted_month, .at_least = cap::light::red, .limit = 10'000};
  std::set<cap::report_ref> sources;
  for (;;) {
    auto page = st.model->constrained(f);
    if (!page) return unexpected{page.error()};
    if (page->as_of && (!p.as_of || *page->as_of > *p.as_of)) p.as_of = page->as_of;
    for (auto& e : page->items)
      if (e.kind == domain::equipment_kind::feeder || e.kind == domain::equipment_kind::distribution_transformer) {
        if (auto c = st.model->capacity(e.point, p.restricted_month))
          sources.insert(c->sources.begin(), c->sources.end());
        e.available_kva = std::round(e.available_kva * 100) / 100;  // as published: to two decimals
        p.entries.push_back(std::move(e));
      }
    if (page->end) break;
    f.after = page->next_after;
  }
  std::stable_sort(p.entries.begin(), p.entries.end(), [](const auto& a, const auto& b) {
    return std::tie(a.region, a.point) < std::tie(b.region, b.point);
  });
  p.sources.assign(sources.begin(), sources.end());
  return p;
}

void deliver_next(capacity_pointer self) {
  auto& st = self->state;
  if (!st.options.sink || st.delivering || st.undelivered.empty()) return;
  auto number = *st.undelivered.begin();
  st.delivering = true;
  auto target = caf::actor_cast<capacity_actor>(self);
  self->home_system().spawn([sink = st.options.sink, p = st.publications.at(number - 1), target](caf::blocking_actor*) {
    auto s = sink->deliver(p);
    caf::anon_send(target, publication_delivered{p.number, static_cast<bool>(s), s ? std::string{} : s.error().message});
  });
}

void delivered(capacity_pointer self, const publication_delivered& d) {
  auto& st = self->state;
  st.delivering = false;
  if (d.ok) {
    st.undelivered.erase(d.number);
    spdlog::info("publication {}: delivered", d.number);
    deliver_next(self);
  } else {
    spdlog::warn("publication {}: delivery failed, retried at the next check: {}", d.number, d.message);
  }
}

// Logs the restricted list after `period` and hands it to the sink. With a
// key: a key already used answers the publication it issued (replayed) when
// the request hash is the same, a conflict otherwise.
void issue(capacity_pointer self, domain::month period, std::string by, std::optional<storage::idempotency_record> key,
           std::function<void(domain::expected<publication_receipt>)> done) {
  auto& st = self->state;
  auto p = restricted_list(st, period);
  if (!p) return done(unexpected{p.error()});
  p->number = static_cast<std::uint32_t>(st.publications.size() + 1);
  p->issued_at = st.clock->now();
  p->issued_by = by;
  if (key) key->result = std::to_string(p->number);
  storage::event_draft e{std::string(cap::publication_stream), std::string(cap::publication_issued_type),
                         p->issued_at, by, cap::encode_publication(*p), ""};
  auto asked = key;
  append_then_sync(
      self, {std::move(e)},
      [self, number = p->number, asked, done](domain::expected<storage::append_result> r) {
        if (!r) return done(unexpected{r.error()});
        auto& state = self->state;
        if (r->replayed && r->existing) {
          if (r->existing->request_hash != asked->request_hash) return done(unexpected{to_domain(idempotency_conflict(asked->key))});
          auto first = static_cast<std::size_t>(std::stoul(r->existing->result));
          return done(publication_receipt{state.publications.at(first - 1), true});
        }
        state.undelivered.insert(number);
        deliver_next(self);
        done(publication_receipt{state.publications.at(number - 1), false});
      },
      std::move(key));
}

domain::time_point due_at(const capacity_state& st, domain::month period) {
  const auto& cal = st.options.calendar->calendar();
  auto day = cal.nth_working_day_after_month_end(period, st.options.publication.working_days_after_month_end);
  return cal.at_local(day, st.options.publication.local_time);
}

bool scheduled_exists(const capacity_state& st, domain::month period) {
  return std::any_of(st.publications.begin(), st.publications.end(),
                     [&](const auto& p) { return p.period == period && p.issued_by == "schedule"; });
}

// The publication of the month before now's, when its instant has come, it
// was not issued by the schedule yet, and the period is not before the first.
std::optional<domain::month> due_period(const capacity_state& st) {
  auto period = current_month(st) - std::chrono::months{1};
  const auto& first = st.options.publication.first_period;
  if (st.clock->now() < due_at(st, period) || scheduled_exists(st, period) || (first && period < *first))
    return std::nullopt;
  return period;
}

// Sleeps until the next publication instant (last month's, if still ahead,
// else this month's), at most max_sleep.
void schedule_wake(capacity_pointer self) {
  auto& st = self->state;
  if (st.options.publication.max_sleep.count() == 0) return;
  auto now = st.clock->now();
  auto sleep = std::chrono::duration_cast<std::chrono::microseconds>(st.options.publication.max_sleep);
  auto next = due_at(st, current_month(st) - std::chrono::months{1});
  if (next <= now) next = due_at(st, current_month(st));
  if (next > now) sleep = std::min<std::chrono::microseconds>(sleep, next - now);
  self->delayed_send(self, std::max(sleep, std::chrono::microseconds{1000}), publication_wake{++st.wake_generation});
}

// Issues the publication that is due, if any; `done` gets what was issued.
void check_due(capacity_pointer self, std::function<void(domain::expected<std::vector<cap::publication>>)> done) {
  sync(self, [self, done](domain::status s) {
    if (!s) return done(unexpected{s.error()});
    deliver_next(self);  // a delivery that failed before is retried first
    auto period = due_period(self->state);
    if (!period) return done(std::vector<cap::publication>{});
    issue(self, *period, "schedule", std::nullopt, [period, done](domain::expected<publication_receipt> r) {
      if (!r) return done(unexpected{r.error()});
      spdlog::info("publication {}: the restricted list after {} ({} entries)", r->publication.number,
                   domain::to_string(*period), r->publication.entries.size());
      done(std::vector<cap::publication>{std::move(r->publication)});
    });
  });
}

// The first wake-up (at start) hands the latest publication to the sink again,
// in case the process stopped before it was delivered (files are replaced
// atomically and the POST carries an idempotency key, so a repeat is harmless).
void wake(capacity_pointer self, const publication_wake& w) {
  if (w.generation != self->state.wake_generation) return;
  sync(self, [self, first = w.generation == 0](domain::status s) {
    auto& st = self->state;
    if (!s) {
      spdlog::warn("capacity: catching up with the log failed: {}", s.error().message);
      return schedule_wake(self);
    }
    if (first && !st.publications.empty()) st.undelivered.insert(st.publications.back().number);
    deliver_next(self);
    if (st.options.publication.max_sleep.count() == 0) return;
    check_due(self, [self](domain::expected<std::vector<cap::publication>> p) {
      if (!p) spdlog::error("capacity: the scheduled publication failed, retried at the next check: {}",
                            p.error().message);
      schedule_wake(self);
    });
  });
}

}  // namespace

capacity_actor::behavior_type capacity(capacity_pointer self, capacity_options options, event_log_actor log,
                                       coordinator_actor coordinator, const domain::clock* clock,
                                       const storage::event_store* store, std::shared_ptr<log_publisher> publisher) {
  auto& st = self->state;
  auto feed = publisher->subscribe(detail::feed_ready_sender(self));
  st.options = std::move(options);
  st.model = std::make_unique<cap::model>(st.options.settings);
  st.snapshot_seq = store ? restore_from_store(st, *store) : 0;
  st.follower = log_follower(store, std::move(feed), st.snapshot_seq);
  st.log = std::move(log);
  st.coordinator = std::move(coordinator);
  st.clock = clock;
  self->send(self, publication_wake{st.wake_generation});
  // A stop: what the feed holds is taken and the state snapshot, so the next
  // start reads nothing of it again.
  self->set_exit_handler([self](caf::exit_msg& m) {
    sync(self, [self](domain::status s) {
      if (s) maybe_snapshot(self->state, true);
    });
    self->quit(m.reason);
  });
  return {
      [self](capacity_query& q) -> caf::result<std::vector<cap::point_capacity>> {
        return after_sync<std::vector<cap::point_capacity>>(
            self, [q](const capacity_state& s) -> domain::expected<std::vector<cap::point_capacity>> {
              if (auto h = in_horizon(s, q.period); !h) return unexpected{h.error()};
              if (q.horizon) return s.model->horizon(q.point, q.period);
              auto c = s.model->capacity(q.point, q.period);
              if (!c) return unexpected{c.error()};
              return std::vector<cap::point_capacity>{std::move(*c)};
            });
      },
      [self](precheck_query& q) -> caf::result<cap::precheck_result> {
        return after_sync<cap::precheck_result>(self, [q](const capacity_state& s) -> domain::expected<cap::precheck_result> {
          if (auto h = in_horizon(s, q.request.period); !h) return unexpected{h.error()};
          return s.model->precheck(q.request);
        });
      },
      [self](constrained_query& q) -> caf::result<cap::constrained_page> {
        return after_sync<cap::constrained_page>(self, [q](const capacity_state& s) -> domain::expected<cap::constrained_page> {
          if (auto h = in_horizon(s, q.filter.period); !h) return unexpected{h.error()};
          return s.model->constrained(q.filter);
        });
      },
      [self](heat_map_query& q) -> caf::result<std::vector<cap::region_heat>> {
        return after_sync<std::vector<cap::region_heat>>(
            self, [q](const capacity_state& s) -> domain::expected<std::vector<cap::region_heat>> {
              if (auto h = in_horizon(s, q.period); !h) return unexpected{h.error()};
              return s.model->heat_map(q.period);
            });
      },
      [self](application_command& c) { return run_command(self, std::move(c)); },
      [self](application_get& q) -> caf::result<cap::application> {
        return after_sync<cap::application>(self, [q](const capacity_state& s) -> domain::expected<cap::application> {
          if (const auto* a = s.applications.find(q.id)) return *a;
          return domain::fail(domain::errc::not_found, fmt::format("no application {}", q.id));
        });
      },
      [self](application_list& q) -> caf::result<std::vector<cap::application>> {
        return after_sync<std::vector<cap::application>>(
            self, [q](const capacity_state& s) -> domain::expected<std::vector<cap::application>> {
              return s.applications.select(q.state, q.after, q.limit);
            });
      },
      [self](publication_issue& q) -> caf::result<publication_receipt> {
        auto rp = self->make_response_promise<publication_receipt>();
        sync(self, [self, rp, q](domain::status s) mutable {
          if (!s) return (void)rp.deliver(to_caf(s.error()));
          auto period = q.period.value_or(current_month(self->state) - std::chrono::months{1});
          std::optional<storage::idempotency_record> key;
          if (!q.idempotency_key.empty())
            key = storage::idempotency_record{"publication:" + q.idempotency_key, q.request_hash, {}, 0};
          issue(self, period, q.by, std::move(key), [rp](domain::expected<publication_receipt> r) mutable {
            if (r) rp.deliver(std::move(*r));
            else rp.deliver(to_caf(r.error()));
          });
        });
        return rp;
      },
      [self](publication_get& q) -> caf::result<cap::publication> {
        return after_sync<cap::publication>(self, [q](const capacity_state& s) -> domain::expected<cap::publication> {
          if (s.publications.empty()) return domain::fail(domain::errc::not_found, "nothing has been published yet");
          if (q.number == 0) return s.publications.back();
          if (q.number > s.publications.size())
            return domain::fail(domain::errc::not_found, fmt::format("no publication {}", q.number));
          return s.publications[q.number - 1];
        });
      },
      [self](publication_check) -> caf::result<std::vector<cap::publication>> {
        auto rp = self->make_response_promise<std::vector<cap::publication>>();
        check_due(self, [rp](domain::expected<std::vector<cap::publication>> p) mutable {
          if (p) rp.deliver(std::move(*p));
          else rp.deliver(to_caf(p.error()));
        });
        return rp;
      },
      [self](publication_wake& w) { wake(self, w); },
      [self](publication_delivered& d) { delivered(self, d); },
      [self](feed_ready) {
        sync(self, [](domain::status s) {
          if (!s) spdlog::warn("capacity: following the log failed, tried again at the next request: {}",
                               s.error().message);
        });
      },
  };
}

}  // namespace gridcoord::actors
