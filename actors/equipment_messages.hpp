#pragma once
// actors/equipment_messages.hpp — the messages of the registry actor and the
// `inspect` functions of the equipment types they carry.
//
// Registered in actors/registration.cpp with every other message type.
// std::optional travels as a flag plus value (CAF 0.17 has no inspector for it).
#include <string>

#include <caf/meta/load_callback.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/none.hpp>

#include "actors/client.hpp"
#include "actors/detail/inspect.hpp"
#include "domain/equipment.hpp"

namespace gridcoord::domain {

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment& x) {
  return f(caf::meta::type_name("equipment"), x.id, x.kind, x.parent, x.area, x.region, x.rating_kva);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, import_row& x) {
  bool has_kind = x.kind.has_value();
  equipment_kind k = x.kind.value_or(equipment_kind::feeder);
  return f(caf::meta::type_name("import_row"), x.number, x.record, has_kind, k, x.valid,
           caf::meta::load_callback([&]() -> caf::error {
             x.kind = has_kind ? std::optional<equipment_kind>{k} : std::nullopt;
             return caf::none;
           }));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, import_draft& x) {
  return f(caf::meta::type_name("import_draft"), x.rows, x.issues);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, import_summary& x) {
  return f(caf::meta::type_name("import_summary"), x.imported, x.added, x.replaced);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment_page& x) {
  return f(caf::meta::type_name("equipment_page"), x.items, x.next_after, x.end);
}

}  // namespace gridcoord::domain

namespace gridcoord::actors {

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment_import& x) {
  return f(caf::meta::type_name("equipment_import"), x.draft, x.submitted_by, x.idempotency_key,
           x.request_hash, x.origin);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment_receipt& x) {
  return f(caf::meta::type_name("equipment_receipt"), x.seq, x.summary, x.accepted_at, x.replayed);
}

// Asks for one record.
struct equipment_get {
  std::string id;
  friend bool operator==(const equipment_get&, const equipment_get&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment_get& x) {
  return f(caf::meta::type_name("equipment_get"), x.id);
}

// Asks for a page of the registry (domain::equipment_filter's fields).
struct equipment_list {
  bool by_kind = false;
  domain::equipment_kind kind = domain::equipment_kind::feeder;  // when by_kind
  std::string parent;
  std::string region;
  std::string after;
  std::uint64_t limit = 100;
  friend bool operator==(const equipment_list&, const equipment_list&) = default;

  static equipment_list of(const domain::equipment_filter& f) {
    return {f.kind.has_value(), f.kind.value_or(domain::equipment_kind::feeder), f.parent, f.region, f.after,
            f.limit};
  }
  domain::equipment_filter filter() const {
    return {by_kind ? std::optional{kind} : std::nullopt, parent, region, after, limit};
  }
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment_list& x) {
  return f(caf::meta::type_name("equipment_list"), x.by_kind, x.kind, x.parent, x.region, x.after, x.limit);
}

}  // namespace gridcoord::actors
