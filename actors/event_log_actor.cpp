#include "actors/event_log_actor.hpp"

#include <unordered_map>

#include <caf/all.hpp>

#include "actors/audit.hpp"
#include "actors/error.hpp"

namespace gridcoord::actors {

namespace {

using append_promise = caf::typed_response_promise<storage::append_result>;

// Events a byte-bounded read asks the store for at a time.
constexpr std::uint64_t bounded_read_step = 16;

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

std::uint64_t stored_size(const storage::event& e) {
  return e.payload.size() + e.origin.size() + e.stream.size() + e.type.size() + e.actor.size();
}

// Up to `limit` events of `q`, ending after the one that brings their stored
// size to q.max_bytes; read a few at a time, so that no more than those few
// events beyond the bound are ever held.
storage::expected<std::vector<storage::event>> read_bounded(const storage::event_store& store, const read_events& q,
                                                            std::uint64_t limit) {
  std::vector<storage::event> out;
  std::uint64_t bytes = 0, after = q.after;
  while (out.size() < limit && bytes < q.max_bytes) {
    auto want = std::min<std::uint64_t>(limit - out.size(), bounded_read_step);
    auto page = q.stream.empty() ? store.read(after, want) : store.read_stream(q.stream, after, want);
    if (!page) return page;
    for (auto& e : *page) {
      if (bytes >= q.max_bytes) break;
      bytes += stored_size(e);
      after = e.seq;
      out.push_back(std::move(e));
    }
    if (page->size() < want) break;
  }
  return out;
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
        if (q.max_bytes != 0) return answer(read_bounded(*self->state.store, q, limit));
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
