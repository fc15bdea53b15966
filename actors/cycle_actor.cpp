#include "actors/cycle_actor.hpp"

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/error.hpp"

namespace gridcoord::actors {

namespace {

using domain::cycle_notice;
using domain::submission_summary;
using summaries = std::vector<submission_summary>;
using notices = std::vector<cycle_notice>;

// Asks every department for the reports it sent in from..to; `done` gets them
// all, or the first error.
void gather(cycle_pointer self, domain::month from, domain::month to,
            std::function<void(domain::expected<summaries>)> done) {
  struct tally {
    summaries all;
    std::size_t waiting = 0;
    bool failed = false;
    std::function<void(domain::expected<summaries>)> done;
  };
  auto t = std::make_shared<tally>();
  t->waiting = self->state.departments.size();
  t->done = std::move(done);
  for (auto& [d, actor] : self->state.departments)
    self->request(actor, caf::infinite, sent_summary_query{from, to})
        .then(
            [t](summaries& s) {
              if (t->failed) return;
              t->all.insert(t->all.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
              if (--t->waiting == 0) t->done(std::move(t->all));
            },
            [t](caf::error& e) {
              if (std::exchange(t->failed, true)) return;
              t->done(unexpected{to_domain(e)});
            });
}

domain::first_submission_lookup lookup_in(const summaries& s) {
  return [&s](std::string_view kind, domain::month m) -> std::optional<domain::time_point> {
    for (const auto& x : s)
      if (x.kind == kind && x.period == m) return x.first_at;
    return std::nullopt;
  };
}

// Sleeps until the next notice instant (at most max_sleep); an earlier
// wake-up still pending is superseded.
void schedule_wake(cycle_pointer self) {
  auto& st = self->state;
  if (st.options.max_sleep.count() == 0) return;
  auto now = st.clock->now();
  auto sleep = std::chrono::duration_cast<std::chrono::microseconds>(st.options.max_sleep);
  if (auto next = domain::next_notice_at(*st.options.calendar, st.options.since, now))
    sleep = std::clamp(*next - now, std::chrono::microseconds{1000}, sleep);
  self->delayed_send(self, sleep, cycle_wake{++st.wake_generation});
}

storage::append_request notice_events(const notices& due, domain::time_point now) {
  storage::append_request req;
  for (const auto& n : due)
    req.events.push_back({domain::cycle_stream(n.to), std::string(domain::event_type_of(n.type)), now,
                          "gridcoord", domain::encode(n), ""});
  return req;
}

// Logs `due` in one append; `done` gets them once durable and applied.
void log_notices(cycle_pointer self, notices due, domain::time_point now,
                 std::function<void(domain::expected<notices>)> done) {
  for (const auto& n : due) self->state.pending.insert(n.id());
  auto req = notice_events(due, now);
  auto release = [self](const notices& ns) {
    for (const auto& n : ns) self->state.pending.erase(n.id());
  };
  self->request(self->state.log, caf::infinite, std::move(req))
      .then(
          [self, due, now, done, release](storage::append_result& r) {
            for (std::size_t i = 0; i < due.size(); ++i)
              if (auto st = self->state.book.apply_event(domain::event_type_of(due[i].type), r.first_seq + i, now,
                                                         domain::encode(due[i]));
                  !st)
                spdlog::error("cycle: {}", st.error().message);
            release(due);
            done(due);
          },
          [due, done, release](caf::error& e) {
            release(due);
            done(unexpected{to_domain(e)});
          });
}

// One check of the clock; `done` gets what it logged.
void check(cycle_pointer self, std::function<void(domain::expected<notices>)> done) {
  auto& st = self->state;
  auto now = st.clock->now();
  const auto& cal = st.options.calendar->calendar();
  auto from = cal.local_month_of(st.options.since) - std::chrono::months{domain::notice_months_back};
  gather(self, from, cal.local_month_of(now), [self, now, done](domain::expected<summaries> s) {
    if (!s) return done(unexpected{s.error()});
    auto& state = self->state;
    auto due = domain::due_notices(*state.options.calendar, state.book, state.options.since, lookup_in(*s),
                                   [self](const std::string& id) { return self->state.pending.contains(id); },
                                   now);
    if (due.empty()) return done(notices{});
    log_notices(self, std::move(due), now, done);
  });
}

caf::result<notices> answer_check(cycle_pointer self) {
  auto rp = self->make_response_promise<notices>();
  check(self, [rp](domain::expected<notices> n) mutable {
    if (n) rp.deliver(std::move(*n));
    else rp.deliver(to_caf(n.error()));
  });
  return rp;
}

void wake(cycle_pointer self, const cycle_wake& w) {
  if (w.generation != self->state.wake_generation) return;
  check(self, [self](domain::expected<notices> n) {
    if (!n) spdlog::warn("cycle: the check failed and runs again later: {}", n.error().message);
    else if (!n->empty()) spdlog::info("cycle: {} reminder(s) and late notice(s) logged", n->size());
    schedule_wake(self);
  });
}

caf::result<domain::cycle_matrix> matrix(cycle_pointer self, const cycle_query& q) {
  auto rp = self->make_response_promise<domain::cycle_matrix>();
  gather(self, q.period, q.period, [self, rp, m = q.period](domain::expected<summaries> s) mutable {
    if (!s) {
      rp.deliver(to_caf(s.error()));
      return;
    }
    auto& st = self->state;
    rp.deliver(domain::build_cycle_matrix(*st.options.calendar, st.book, st.options.since, m, *s,
                                          st.clock->now()));
  });
  return rp;
}

}  // namespace

cycle_actor::behavior_type cycle(cycle_pointer self, cycle_options options, domain::cycle_book book,
                                 std::map<domain::department, department_actor> departments,
                                 event_log_actor log, const domain::clock* clock) {
  auto& st = self->state;
  st.options = std::move(options);
  st.book = std::move(book);
  st.departments = std::move(departments);
  st.log = std::move(log);
  st.clock = clock;
  if (st.options.max_sleep.count() > 0) self->send(self, cycle_wake{st.wake_generation});
  return {
      [self](cycle_check) { return answer_check(self); },
      [self](cycle_query& q) { return matrix(self, q); },
      [self](cycle_wake& w) { wake(self, w); },
  };
}

}  // namespace gridcoord::actors
