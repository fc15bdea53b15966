#include "actors/registry_actor.hpp"

#include <algorithm>
#include <memory>
#include <span>

#include <caf/all.hpp>
#include <fmt/format.h>

#include "actors/detail/receipt_codec.hpp"
#include "actors/error.hpp"

namespace gridcoord::actors {

namespace {

using domain::errc;
using receipt_promise = caf::typed_response_promise<equipment_receipt>;

// The first answer to a key, for a repeat with `hash`.
void replay(receipt_promise& rp, const storage::idempotency_record& rec, const equipment_import& req) {
  if (rec.request_hash != req.request_hash) {
    rp.deliver(idempotency_conflict(req.idempotency_key));
    return;
  }
  auto r = detail::decode_equipment_receipt(rec);
  if (r) rp.deliver(std::move(*r));
  else rp.deliver(to_caf(r.error()));
}

// One event per import_rows_per_event rows (the log's payload limit); the
// import is one append, so all of it or none is logged.
storage::append_request import_events(const equipment_import& req, const std::vector<domain::equipment>& rows,
                                      const equipment_receipt& receipt) {
  storage::append_request out;
  for (std::size_t first = 0; first < rows.size(); first += domain::import_rows_per_event) {
    auto last = std::min(rows.size(), first + domain::import_rows_per_event);
    auto part = std::span(rows).subspan(first, last - first);
    out.events.push_back({std::string(domain::equipment_stream), std::string(domain::equipment_imported_type),
                          receipt.accepted_at, req.submitted_by, domain::encode_import(part), req.origin});
  }
  if (!req.idempotency_key.empty())
    out.idempotency = storage::idempotency_record{req.idempotency_key, req.request_hash, detail::encode_receipt(receipt), 0};
  return out;
}

// Applies the logged import, event by event (the seqs of an append are consecutive).
void apply_logged(registry_state& st, const std::vector<domain::equipment>& rows, std::uint64_t first_seq,
                  domain::time_point at) {
  auto seq = first_seq;
  for (std::size_t first = 0; first < rows.size(); first += domain::import_rows_per_event, ++seq) {
    auto last = std::min(rows.size(), first + domain::import_rows_per_event);
    st.registry.apply_import(std::span(rows).subspan(first, last - first), seq, at);
  }
  st.directory->replace(st.registry);
}

void write_import(registry_pointer self, receipt_promise rp, equipment_import req) {
  auto& st = self->state;
  auto rows = st.registry.check_import(req.draft);
  if (!rows) {
    rp.deliver(to_caf(rows.error()));
    return;
  }
  req.draft = {};  // the rows hold it now
  equipment_receipt receipt{0, st.registry.summarize(*rows), st.clock->now(), false};
  auto append = import_events(req, *rows, receipt);
  self->request(st.log, caf::infinite, std::move(append))
      .await(
          [self, rp, req, rows = std::move(*rows), receipt](storage::append_result& r) mutable {
            if (r.replayed) {
              replay(rp, *r.existing, req);
              return;
            }
            apply_logged(self->state, rows, r.first_seq, receipt.accepted_at);
            receipt.seq = r.first_seq;
            rp.deliver(std::move(receipt));
          },
          [rp](caf::error& e) mutable { rp.deliver(e); });
}

caf::result<equipment_receipt> import(registry_pointer self, equipment_import& req) {
  auto rp = self->make_response_promise<equipment_receipt>();
  if (req.idempotency_key.empty()) {
    write_import(self, rp, std::move(req));
    return rp;
  }
  auto key = req.idempotency_key;
  self->request(self->state.log, caf::infinite, find_idempotency{std::move(key)})
      .await([rp, req](storage::idempotency_record& rec) mutable { replay(rp, rec, req); },
             [self, rp, req](caf::error& e) mutable {
               if (to_domain(e).code == errc::not_found) write_import(self, rp, std::move(req));
               else rp.deliver(e);
             });
  return rp;
}

caf::result<domain::equipment> get_one(registry_pointer self, const equipment_get& q) {
  if (auto e = self->state.registry.find(q.id)) return std::move(*e);
  return to_caf(errc::not_found, fmt::format("there is no equipment {} in the registry", q.id));
}

// Reads the events of `seqs` one after another, the record's row from each.
struct history_read {
  caf::typed_response_promise<equipment_history> rp;
  std::vector<std::uint64_t> seqs;
  std::uint32_t first_version = 1;  // of seqs[0]
  equipment_history out;
};

void read_next(registry_pointer self, std::shared_ptr<history_read> h) {
  auto i = h->out.versions.size();
  if (i == h->seqs.size()) {
    h->rp.deliver(std::move(h->out));
    return;
  }
  self->request(self->state.log, caf::infinite, get_event{h->seqs[i]})
      .then(
          [self, h, i](storage::event& ev) {
            auto row = domain::find_in_import(ev.payload, h->out.id);
            if (!row || !*row) {
              h->rp.deliver(to_caf(errc::internal, fmt::format("event {} does not hold equipment {}", ev.seq,
                                                               h->out.id)));
              return;
            }
            auto& record = **row;
            record.version = h->first_version + static_cast<std::uint32_t>(i);
            record.changed_seq = ev.seq;
            record.changed_at = ev.time;
            h->out.versions.push_back({record.version, ev.seq, ev.time, std::move(ev.actor), std::move(record)});
            read_next(self, h);
          },
          [h](caf::error& e) { h->rp.deliver(e); });
}

caf::result<equipment_history> history(registry_pointer self, const equipment_history_query& q) {
  auto seqs = self->state.registry.change_seqs(q.id);
  if (seqs.empty()) return to_caf(errc::not_found, fmt::format("there is no equipment {} in the registry", q.id));
  auto h = std::make_shared<history_read>();
  // Versions from a snapshot older than the seqs are numbered down from the current one.
  h->first_version = self->state.registry.find(q.id)->version + 1 - static_cast<std::uint32_t>(seqs.size());
  h->rp = self->make_response_promise<equipment_history>();
  h->seqs = std::move(seqs);
  h->out.id = q.id;
  read_next(self, h);
  return h->rp;
}

}  // namespace

registry_actor::behavior_type registry(registry_pointer self, domain::equipment_registry recovered,
                                       event_log_actor log, const domain::clock* clock,
                                       std::shared_ptr<equipment_directory> directory) {
  self->state.registry = std::move(recovered);
  self->state.log = std::move(log);
  self->state.clock = clock;
  self->state.directory = std::move(directory);  // already holds `recovered`
  return {
      [self](equipment_import& req) { return import(self, req); },
      [self](equipment_get& q) { return get_one(self, q); },
      [self](equipment_list& q) { return self->state.registry.select(q.filter); },
      [self](equipment_history_query& q) { return history(self, q); },
  };
}

}  // namespace gridcoord::actors
