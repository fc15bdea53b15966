#include "actors/department_actor.hpp"

#include <boost/json.hpp>
#include <caf/all.hpp>
#include <fmt/format.h>

#include "actors/error.hpp"
#include "domain/json.hpp"

namespace gridcoord::actors {

namespace json = boost::json;
using domain::errc;

std::uint32_t department_state::reserve_version(const std::string& stream) {
  auto& last = reserved[stream];
  last = std::max(last + 1, book.next_version(stream));
  return last;
}

namespace {

// The receipt kept with an idempotency key, so a replay answers the same.
std::string encode_receipt(const submit_receipt& r) {
  json::array recipients;
  for (auto d : r.recipients) recipients.push_back(json::string(to_string(d)));
  return domain::to_text(json::object{{"stream", r.stream},
                                      {"version", r.version},
                                      {"recipients", std::move(recipients)},
                                      {"accepted_at_us", r.accepted_at.time_since_epoch().count()}});
}

domain::expected<submit_receipt> decode_receipt(const storage::idempotency_record& rec) {
  try {
    auto o = json::parse(rec.result).as_object();
    submit_receipt r;
    r.stream = o.at("stream").as_string();
    r.version = static_cast<std::uint32_t>(o.at("version").to_number<std::uint64_t>());
    for (const auto& d : o.at("recipients").as_array())
      if (auto dep = domain::parse_department(d.as_string())) r.recipients.push_back(*dep);
    r.accepted_at = domain::time_point{
        std::chrono::microseconds{o.at("accepted_at_us").to_number<std::int64_t>()}};
    r.seq = rec.first_seq;
    r.replayed = true;
    return r;
  } catch (const std::exception& e) {
    return domain::fail(errc::internal, std::string("a stored receipt is unreadable: ") + e.what());
  }
}

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
      w.promise.deliver(to_caf(errc::conflict,
                               fmt::format("Idempotency-Key '{}' was already used for a different "
                                           "request; use a new key for new content", entry.key)));
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
                                sub.submitted_by,  sub.rows.size(),   std::move(sub.rows)};
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

caf::result<domain::inbox_item> acknowledge(department_pointer self, const ack_request& a) {
  auto& st = self->state;
  const auto* item = st.book.find_item(a.item);
  if (!item)
    return to_caf(errc::not_found, fmt::format("the inbox of {} holds no item {}",
                                               to_string(st.book.owner()), a.item));
  if (item->ack) return *item;  // the first acknowledgement stands
  auto now = st.clock->now();
  domain::item_acknowledged ack{st.book.owner(), a.item, a.by};
  storage::append_request req;
  req.events.push_back({domain::inbox_stream(ack.recipient),
                        std::string(domain::item_acknowledged_type), now, a.by, domain::encode(ack),
                        a.origin});
  auto rp = self->make_response_promise<domain::inbox_item>();
  self->request(st.log, caf::infinite, std::move(req))
      .then([self, rp, now, ack](storage::append_result&) mutable {
        self->state.book.apply(now, ack);
        rp.deliver(*self->state.book.find_item(ack.item));
      }, [rp](caf::error& e) mutable { rp.deliver(e); });
  return rp;
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
      [self](inbox_query&) { return self->state.book.inbox(); },
      [self](ack_request& a) { return acknowledge(self, a); },
      [self](delivery& d) { self->state.book.apply(d.seq, d.at, d.header); },
  };
}

}  // namespace gridcoord::actors
