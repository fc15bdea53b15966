// fake_client's equipment registry: checked and applied with domain/equipment.hpp.
#include "tests/gateways/support/fake_client.hpp"

namespace gridcoord::testing {

void fake_client::import_equipment(actors::equipment_import import, actors::reply<actors::equipment_receipt> done) {
  std::lock_guard lock(mutex_);
  if (auto failure = take_failure()) return later([done, e = *failure] { done(unexpected{e}); });
  if (auto it = equipment_keys_.find(import.idempotency_key);
      !import.idempotency_key.empty() && it != equipment_keys_.end()) {
    if (it->second.first != import.request_hash)
      return later([done] { done(domain::fail(domain::errc::conflict, "key reused")); });
    auto r = it->second.second;
    r.replayed = true;
    return later([done, r] { done(r); });
  }
  auto rows = equipment_->check_import(import.draft);
  if (!rows) return later([done, e = rows.error()] { done(unexpected{e}); });
  auto next = std::make_shared<domain::equipment_registry>(*equipment_);
  actors::equipment_receipt r{++seq_, next->apply_import(*rows, seq_, fixed_time), fixed_time, false};
  equipment_events_[r.seq] = {import.submitted_by, domain::encode_import(*rows)};
  equipment_ = std::move(next);
  if (!import.idempotency_key.empty()) equipment_keys_[import.idempotency_key] = {import.request_hash, r};
  later([done, r] { done(r); });
}

void fake_client::get_equipment(std::string id, actors::reply<domain::equipment> done) {
  std::lock_guard lock(mutex_);
  auto e = equipment_->find(id);
  if (!e) return later([done] { done(domain::fail(domain::errc::not_found, "no such equipment")); });
  later([done, r = *e] { done(r); });
}

void fake_client::get_equipment_history(std::string id, actors::reply<actors::equipment_history> done) {
  std::lock_guard lock(mutex_);
  actors::equipment_history h{id, {}};
  for (auto seq : equipment_->change_seqs(id)) {
    const auto& [by, payload] = equipment_events_.at(seq);
    auto row = domain::find_in_import(payload, id);
    if (!row || !*row) return later([done] { done(domain::fail(domain::errc::internal, "lost an import")); });
    auto version = static_cast<std::uint32_t>(h.versions.size() + 1);
    (*row)->version = version;
    (*row)->changed_seq = seq;
    (*row)->changed_at = fixed_time;
    h.versions.push_back({version, seq, fixed_time, by, std::move(**row)});
  }
  if (h.versions.empty()) return later([done] { done(domain::fail(domain::errc::not_found, "no such equipment")); });
  later([done, h = std::move(h)] { done(h); });
}

void fake_client::list_equipment(domain::equipment_filter filter, actors::reply<domain::equipment_page> done) {
  std::lock_guard lock(mutex_);
  later([done, p = equipment_->select(filter)] { done(p); });
}

std::shared_ptr<const domain::equipment_registry> fake_client::equipment_view() const {
  std::lock_guard lock(mutex_);
  return equipment_;
}

}  // namespace gridcoord::testing
