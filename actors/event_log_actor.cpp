#include "actors/event_log_actor.hpp"

#include <unordered_map>

#include <caf/all.hpp>

#include "actors/audit.hpp"
#include "actors/error.hpp"

namespace gridcoord::actors {

namespace {

using append_promise = caf::typed_response_promise<storage::append_result>;

using stateful = event_log_actor::stateful_pointer<event_log_state>;

commit_done to_commit_done(std::uint64_t ticket, storage::expected<storage::append_result> r) {
  if (r) return {ticket, true, std::move(*r), 0, {}};
  return {ticket, false, {}, static_cast<std::uint8_t>(r.error().code), r.error().message};
}

append_promise append(stateful self, storage::append_request& req) {
  auto rp = self->make_response_promise<storage::append_result>();
  auto ticket = self->state.next_ticket++;
  self->state.pending.emplace(ticket, rp);
  auto me = caf::actor_cast<event_log_actor>(self);
  self->state.store->append(std::move(req), [me, ticket](auto result) {
    caf::anon_send(me, to_commit_done(ticket, std::move(result)));
  });
  return rp;
}

void finish(stateful self, commit_done& done) {
  auto it = self->state.pending.find(done.ticket);
  if (it == self->state.pending.end()) return;
  if (done.ok)
    it->second.deliver(std::move(done.result));
  else
    it->second.deliver(to_caf(to_domain(
        storage::error{static_cast<storage::errc>(done.error_code), done.error_message})));
  self->state.pending.erase(it);
}

template <class T>
caf::result<T> answer(storage::expected<T> r) {
  if (r) return std::move(*r);
  return to_caf(to_domain(r.error()));
}

}  // namespace

event_log_actor::behavior_type event_log(stateful self, storage::event_store* store) {
  self->state.store = store;
  return {
      [self](storage::append_request& req) { return append(self, req); },
      [self](commit_done& done) { finish(self, done); },
      [self](read_events& q) -> caf::result<std::vector<storage::event>> {
        auto limit = std::min(q.limit, max_read_events);
        if (q.stream.empty()) return answer(self->state.store->read(q.after, limit));
        return answer(self->state.store->read_stream(q.stream, q.after, limit));
      },
      [self](get_event& q) -> caf::result<storage::event> {
        return answer(self->state.store->get(q.seq));
      },
      [self](find_idempotency& q) -> caf::result<storage::idempotency_record> {
        return answer(self->state.store->find_idempotency(q.key));
      },
      [self](log_status_query) -> std::uint64_t { return self->state.store->last_seq(); },
      [self](audit_query& q) -> caf::result<audit_page> {
        return answer(scan_audit(*self->state.store, q));
      },
  };
}

}  // namespace gridcoord::actors
