#include "actors/department_actor.hpp"

#include <caf/all.hpp>
#include <fmt/format.h>

#include "actors/detail/receipt_codec.hpp"
#include "actors/error.hpp"
#include "domain/origin.hpp"

namespace gridcoord::actors {

using domain::errc;

std::uint32_t department_state::reserve_version(const std::string& stream) {
  auto& last = reserved[stream];
  last = std::max(last + 1, book.next_version(stream));
  return last;
}

const domain::item_acknowledged* department_state::held_ack(domain::item_id item) const {
  for (const auto& [batch, ops] : held)
    for (const auto& h : ops)
      if (h.kind == batch_op_kind::acknowledge && h.ack.item == item) return &h.ack;
  return nullptr;
}

namespace {

using detail::decode_receipt;
using detail::encode_receipt;

// Answers every waiter of a finished submission. `written` is true when this
// submission's own events were written; then the first waiter gets a fresh
// receipt and later ones (same key) a replay.
void finish(department_pointer self, std::uint64_t id, domain::expected<submit_receipt> outcome,
            const std::string& stored_hash, bool written) {
  auto it = self->state.pending.find(id);
  if (it == self->state.pending.end()) return;
  auto entry = std::move(it->second);
  self->state.pending.erase(it);
  if (!entry.key.empty()) self->state.pending_by_key.erase(entry.key);
  for (std::size_t i = 0; i < entry.waiters.size(); ++i) {
    auto& w = entry.waiters[i];
    if (!outcome) {
      w.promise.deliver(to_caf(outcome.error()));
    } else if (!entry.key.empty() && w.request_hash != stored_hash) {
      w.promise.deliver(idempotency_conflict(entry.key));
    } else {
      auto receipt = *outcome;
      receipt.replayed = !(written && i == 0);
      w.promise.deliver(std::move(receipt));
    }
  }
}

void write_version(department_pointer self, std::uint64_t id, report_submission sub) {
  const auto* kind = domain::find_report_kind(sub.kind);
  auto stream = domain::report_stream(sub.sender, sub.kind, sub.period);
  auto now = self->state.clock->now();
  domain::report_version header{sub.sender,        sub.kind,          sub.period,
                                self->state.reserve_version(stream), kind->recipients,
                                sub.submitted_by,  sub.rows.size(),   std::move(sub.rows),
                                domain::decode_origin(sub.origin).person};
  submit_receipt receipt{stream, header.version, 0, header.recipients, now, false};
  storage::append_request req;
  req.events.push_back({stream, std::string(domain::report_submitted_type), now, sub.submitted_by,
                        domain::encode(header), sub.origin});
  header.rows.clear();
  if (!sub.idempotency_key.empty())
    req.idempotency = storage::idempotency_record{sub.idempotency_key, sub.request_hash,
                                                  encode_receipt(receipt), 0};
  self->request(self->state.log, caf::infinite, std::move(req))
      .then(
          [self, id, now, header, receipt, hash = sub.request_hash](storage::append_result& r) mutable {
            if (r.replayed) {
              auto stored = decode_receipt(*r.existing);
              finish(self, id, std::move(stored), r.existing->request_hash, false);
              return;
            }
            self->state.book.apply(r.first_seq, now, header);
            receipt.seq = r.first_seq;
            finish(self, id, std::move(receipt), hash, true);
          },
          [self, id, stream, version = header.version](caf::error& e) {
            auto& last = self->state.reserved[stream];
            if (last == version) --last;  // nothing was written: hand the number out again
            finish(self, id, unexpected{to_domain(e)}, {}, false);
          });
}

caf::typed_response_promise<submit_receipt> submit(department_pointer self, report_submission& sub) {
  auto& st = self->state;
  auto rp = self->make_response_promise<submit_receipt>();
  auto key = sub.idempotency_key;
  if (!key.empty()) {
    if (auto it = st.pending_by_key.find(key); it != st.pending_by_key.end()) {
      st.pending[it->second].waiters.push_back({sub.request_hash, rp});  // shares the outcome
      return rp;
    }
  }
  auto id = st.next_pending++;
  st.pending[id] = pending_submission{key, {{sub.request_hash, rp}}};
  if (key.empty()) {
    write_version(self, id, std::move(sub));
    return rp;
  }
  st.pending_by_key[key] = id;
  self->request(st.log, caf::infinite, find_idempotency{key})
      .then(
          [self, id](storage::idempotency_record& rec) {
            finish(self, id, decode_receipt(rec), rec.request_hash, false);
          },
          [self, id, sub = std::move(sub)](caf::error& e) mutable {
            if (to_domain(e).code == errc::not_found)
              write_version(self, id, std::move(sub));
            else
              finish(self, id, unexpected{to_domain(e)}, {}, false);
          });
  return rp;
}

caf::result<report_document> read_report(department_pointer self, const report_query& q) {
  auto stream = domain::report_stream(q.sender, q.kind, q.period);
  const auto& versions = self->state.book.versions(stream);
  auto what = fmt::format("{} report of {} for {}", q.kind, to_string(q.sender), domain::to_string(q.period));
  if (versions.empty()) return to_caf(errc::not_found, "there is no " + what);
  const domain::version_entry* entry = &versions.back();
  if (q.version != 0) {
    auto it = std::find_if(versions.begin(), versions.end(),
                           [&](const auto& v) { return v.version == q.version; });
    if (it == versions.end())
      return to_caf(errc::not_found, fmt::format("the {} has no version {} (latest: {})", what,
                                                 q.version, versions.back().version));
    entry = &*it;
  }
  auto rp = self->make_response_promise<report_document>();
  self->request(self->state.log, caf::infinite, get_event{entry->seq})
      .then([rp, versions](storage::event& ev) mutable {
        rp.deliver(report_document{ev.seq, ev.time, std::move(ev.payload), versions});
      }, [rp](caf::error& e) mutable { rp.deliver(e); });
  return rp;
}

// Answers every request waiting on `item`'s acknowledgement with the item as
// it now stands (acknowledged), or with `failure`.
void settle_acks(department_pointer self, domain::item_id item, const caf::error* failure = nullptr) {
  auto node = self->state.ack_waiters.extract(item);
  if (!node) return;
  auto now = self->state.book.find_item(item);
  for (auto& w : node.mapped()) {
    if (failure) w.promise.deliver(*failure);
    else w.promise.deliver(*now);
  }
}

// Logs `a`, applies it once durable and answers everyone waiting on its item.
void write_ack(department_pointer self, const ack_request& a) {
  auto& st = self->state;
  auto now = st.clock->now();
  domain::item_acknowledged ack{st.book.owner(), a.item, a.by, domain::decode_origin(a.origin).person};
  storage::append_request req;
  req.events.push_back({domain::inbox_stream(ack.recipient),
                        std::string(domain::item_acknowledged_type), now, a.by, domain::encode(ack),
                        a.origin});
  self->request(st.log, caf::infinite, std::move(req))
      .then([self, now, ack](storage::append_result&) {
        self->state.book.apply(now, ack);
        settle_acks(self, ack.item);
      }, [self, item = a.item](caf::error& e) { settle_acks(self, item, &e); });
}

// The first acknowledgement of an item is written; any that arrives while it
// (or a prepared batch's) is in flight waits for it and answers the same.
caf::result<domain::inbox_item> acknowledge(department_pointer self, const ack_request& a) {
  auto& st = self->state;
  auto item = st.book.find_item(a.item);
  if (!item)
    return to_caf(errc::not_found, fmt::format("the inbox of {} holds no item {}",
                                               to_string(st.book.owner()), a.item));
  if (item->ack) return *item;  // the first acknowledgement stands
  auto rp = self->make_response_promise<domain::inbox_item>();
  auto [it, first] = st.ack_waiters.try_emplace(a.item);
  it->second.push_back({a, rp});
  if (first && !st.held_ack(a.item)) write_ack(self, a);
  return rp;
}

prepared_operation prepare_submission(department_state& st, const batch_prepare& p,
                                      std::uint32_t position, const report_submission& sub,
                                      std::vector<held_operation>& held) {
  const auto* kind = domain::find_report_kind(sub.kind);
  prepared_operation out{position, false, {}, false, {}, {}};
  out.outcome.kind = batch_op_kind::submit_report;
  if (!kind || kind->sender != st.book.owner()) {
    out.failure = {errc::forbidden, fmt::format("{} does not send '{}' reports", to_string(st.book.owner()), sub.kind), {}};
    return out;
  }
  auto stream = domain::report_stream(sub.sender, sub.kind, sub.period);
  domain::report_version header{sub.sender,       sub.kind,        sub.period,
                                st.reserve_version(stream), kind->recipients,
                                sub.submitted_by, sub.rows.size(), sub.rows,
                                domain::decode_origin(p.origin).person};
  out.ok = out.writes = true;
  out.event = {stream, std::string(domain::report_submitted_type), p.at, sub.submitted_by,
               domain::encode(header), p.origin};
  out.outcome.report = submit_receipt{stream, header.version, 0, header.recipients, p.at, false};
  header.rows.clear();
  held.push_back({position, batch_op_kind::submit_report, std::move(header), {}});
  return out;
}

// An item already acknowledged (before, or earlier in this batch) answers as
// it is and writes nothing.
prepared_operation prepare_ack(department_state& st, const batch_prepare& p, std::uint32_t position,
                               const batch_operation& op, std::vector<held_operation>& held) {
  prepared_operation out{position, false, {}, false, {}, {}};
  out.outcome.kind = batch_op_kind::acknowledge;
  auto item = st.book.find_item(op.item);
  if (!item) {
    out.failure = {errc::not_found, fmt::format("the inbox of {} holds no item {}",
                                                to_string(st.book.owner()), op.item), {}};
    return out;
  }
  out.ok = true;
  out.outcome.item = *item;
  auto earlier = std::find_if(held.begin(), held.end(), [&](const held_operation& h) {
    return h.kind == batch_op_kind::acknowledge && h.ack.item == op.item;
  });
  if (item->ack) return out;
  if (earlier != held.end()) {
    out.outcome.item.ack = domain::acknowledgement{earlier->ack.by, p.at, earlier->ack.person};
    return out;
  }
  if (const auto* other = st.held_ack(op.item)) {  // another prepared batch writes it
    out.outcome.item.ack = domain::acknowledgement{other->by, p.at, other->person};
    return out;
  }
  if (auto w = st.ack_waiters.find(op.item); w != st.ack_waiters.end()) {  // a single ack writes it
    const auto& first = w->second.front().request;
    out.outcome.item.ack = domain::acknowledgement{first.by, p.at, domain::decode_origin(first.origin).person};
    return out;
  }
  domain::item_acknowledged ack{st.book.owner(), op.item, op.by, domain::decode_origin(p.origin).person};
  out.writes = true;
  out.event = {domain::inbox_stream(ack.recipient), std::string(domain::item_acknowledged_type), p.at,
               op.by, domain::encode(ack), p.origin};
  out.outcome.item.ack = domain::acknowledgement{op.by, p.at, ack.person};
  held.push_back({position, batch_op_kind::acknowledge, {}, std::move(ack)});
  return out;
}

batch_prepared prepare_batch(department_pointer self, const batch_prepare& p) {
  auto& st = self->state;
  batch_prepared out;
  std::vector<held_operation> held;
  for (std::size_t i = 0; i < p.operations.size(); ++i) {
    const auto& op = p.operations[i];
    if (op.kind == batch_op_kind::submit_report)
      out.operations.push_back(prepare_submission(st, p, p.positions[i], op.report, held));
    else
      out.operations.push_back(prepare_ack(st, p, p.positions[i], op, held));
  }
  st.held[p.batch] = std::move(held);
  return out;
}

void commit_batch(department_pointer self, const batch_commit& c) {
  auto node = self->state.held.extract(c.batch);
  if (!node) return;
  for (const auto& h : node.mapped()) {
    if (h.kind == batch_op_kind::submit_report) {
      self->state.book.apply(c.seqs.at(h.position), c.at, h.header);
    } else {
      self->state.book.apply(c.at, h.ack);
      settle_acks(self, h.ack.item);  // single acks that waited for the batch's
    }
  }
}

// Hands the reserved versions out again, newest first.
void abort_batch(department_pointer self, const batch_abort& a) {
  auto node = self->state.held.extract(a.batch);
  if (!node) return;
  auto& held = node.mapped();
  for (auto it = held.rbegin(); it != held.rend(); ++it) {
    if (it->kind == batch_op_kind::acknowledge) {
      // Single acks that waited for the batch's: the first of them is written now.
      auto w = self->state.ack_waiters.find(it->ack.item);
      if (w != self->state.ack_waiters.end()) write_ack(self, w->second.front().request);
      continue;
    }
    auto& last = self->state.reserved[domain::report_stream(it->header.sender, it->header.kind,
                                                            it->header.period)];
    if (last == it->header.version) --last;
  }
}

}  // namespace

department_actor::behavior_type department(department_pointer self, domain::department_book book,
                                           event_log_actor log, const domain::clock* clock) {
  self->state.book = std::move(book);
  self->state.log = std::move(log);
  self->state.clock = clock;
  return {
      [self](report_submission& sub) { return submit(self, sub); },
      [self](report_query& q) { return read_report(self, q); },
      [self](inbox_query& q) { return domain::select(self->state.book, q.filter); },
      [self](sent_summary_query& q) { return domain::sent_summaries(self->state.book, q.from, q.to); },
      [self](ack_request& a) { return acknowledge(self, a); },
      [self](delivery& d) { self->state.book.apply(d.seq, d.at, d.header); },
      [self](ack_notice& n) {
        self->state.book.apply(n.at, domain::item_acknowledged{n.recipient, n.item, n.by, n.person});
      },
      [self](batch_prepare& p) { return prepare_batch(self, p); },
      [self](batch_commit& c) { commit_batch(self, c); },
      [self](batch_abort& a) { abort_batch(self, a); },
  };
}

}  // namespace gridcoord::actors
