#include "actors/registry_actor.hpp"

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

storage::append_request import_event(const equipment_import& req, const std::vector<domain::equipment>& rows,
                                     const equipment_receipt& receipt) {
  storage::append_request out;
  out.events.push_back({std::string(domain::equipment_stream), std::string(domain::equipment_imported_type),
                        receipt.accepted_at, req.submitted_by, domain::encode_import(rows), req.origin});
  if (!req.idempotency_key.empty())
    out.idempotency = storage::idempotency_record{req.idempotency_key, req.request_hash, detail::encode_receipt(receipt), 0};
  return out;
}

void write_import(registry_pointer self, receipt_promise rp, equipment_import req) {
  auto& st = self->state;
  auto rows = st.registry.check_import(req.draft);
  if (!rows) {
    rp.deliver(to_caf(rows.error()));
    return;
  }
  equipment_receipt receipt{0, st.registry.summarize(*rows), st.clock->now(), false};
  auto append = import_event(req, *rows, receipt);
  self->request(st.log, caf::infinite, std::move(append))
      .await(
          [self, rp, req, rows = std::move(*rows), receipt](storage::append_result& r) mutable {
            if (r.replayed) {
              replay(rp, *r.existing, req);
              return;
            }
            self->state.registry.apply_import(rows);
            self->state.directory->replace(self->state.registry);
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
  if (const auto* e = self->state.registry.find(q.id)) return *e;
  return to_caf(errc::not_found, fmt::format("there is no equipment {} in the registry", q.id));
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
  };
}

}  // namespace gridcoord::actors
