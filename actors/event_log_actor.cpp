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

append_promise append(stateful self, storage::append_request& req) {
  auto rp = self->make_response_promise<storage::append_result>();
  auto ticket = self->state.next_ticket++;
  self->state.pending.emplace(ticket, pending_append{rp, req.events});
  auto me = caf::actor_cast<event_log_actor>(self);
  self->state.store->append(std::move(req), [me, ticket, done = self->state.completed](auto result) {
    if (done->push(ticket, std::move(result))) caf::anon_send(me, commit_done{});
  });
  return rp;
}

// Moves the events an append wrote into `out`, as the store holds them: the
// drafts with the sequence numbers first_seq, first_seq + 1, ...
void add_stored_events(std::vector<storage::event_draft>& drafts, const storage::append_result& r,
                       std::vector<storage::event>& out) {
  auto seq = r.first_seq;
  for (auto& d : drafts)
    out.push_back({seq++, std::move(d.stream), std::move(d.type), d.time, std::move(d.actor), std::move(d.payload),
                   std::move(d.origin)});
}

// Every append the writer finished since the last call: their events are
// published as one batch, in sequence order, and only then is each answered,
// so whoever hears of a write from its answer finds it in every feed.
void finish(stateful self) {
  auto& st = self->state;
  auto done = st.completed->take();
  auto events = std::make_shared<std::vector<storage::event>>();
  for (auto& [ticket, result] : done) {
    auto it = st.pending.find(ticket);
    if (it == st.pending.end() || !result || result->replayed || result->first_seq == 0) continue;
    add_stored_events(it->second.events, *result, *events);
  }
  if (st.publisher) st.publisher->publish(std::move(events));
  for (auto& [ticket, result] : done) {
    auto it = st.pending.find(ticket);
    if (it == st.pending.end()) continue;
    if (result)
      it->second.promise.deliver(std::move(*result));
    else
      it->second.promise.deliver(to_caf(to_domain(result.error())));
    st.pending.erase(it);
  }
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

log_reader_actor::behavior_type log_reader(log_reader_actor::pointer, const storage::event_store* store) {
  return {
      [store](read_events& q) -> caf::result<std::vector<storage::event>> {
        auto limit = std::min(q.limit, max_read_events);
        if (q.max_bytes != 0) return answer(read_bounded(*store, q, limit));
        if (q.stream.empty()) return answer(store->read(q.after, limit));
        return answer(store->read_stream(q.stream, q.after, limit));
      },
      [store](get_event& q) -> caf::result<storage::event> { return answer(store->get(q.seq)); },
      [store](audit_query& q) -> caf::result<audit_page> { return answer(scan_audit(*store, q)); },
  };
}

event_log_actor::behavior_type event_log(stateful self, storage::event_store* store,
                                         std::shared_ptr<log_publisher> publisher) {
  self->state.store = store;
  self->state.publisher = std::move(publisher);
  // Linked: the reader ends with the log.
  self->state.reader = self->spawn<caf::detached + caf::linked>(log_reader, static_cast<const storage::event_store*>(store));
  return {
      [self](storage::append_request& req) { return append(self, req); },
      [self](commit_done) { finish(self); },
      [self](read_events& q) { return self->delegate(self->state.reader, std::move(q)); },
      [self](get_event& q) { return self->delegate(self->state.reader, q); },
      [self](find_idempotency& q) -> caf::result<storage::idempotency_record> {
        return answer(self->state.store->find_idempotency(q.key));
      },
      [self](log_status_query) -> std::uint64_t { return self->state.store->last_seq(); },
      [self](audit_query& q) { return self->delegate(self->state.reader, std::move(q)); },
  };
}

}  // namespace gridcoord::actors
