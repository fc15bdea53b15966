#pragma once
// actors/equipment_messages.hpp — the messages of the registry actor and the
// `inspect` functions of the equipment types they carry.
//
// Registered in actors/registration.cpp with every other message type.
// std::optional travels in inspect.hpp's optional_box.
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

#include "actors/client.hpp"
#include "actors/detail/inspect.hpp"
#include "domain/equipment.hpp"

namespace gridcoord::domain {

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment& x) {
  optional_box<double> latitude{x.latitude}, longitude{x.longitude};
  return f(caf::meta::type_name("equipment"), x.id, x.kind, x.parent, x.area, x.region, x.rating_kva, latitude,
           longitude, x.version, x.changed_seq, x.changed_at);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, import_row& x) {
  optional_box<equipment_kind> kind{x.kind};
  return f(caf::meta::type_name("import_row"), x.number, x.record, kind, x.valid);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, import_draft& x) {
  return f(caf::meta::type_name("import_draft"), x.rows, x.issues);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, import_summary& x) {
  return f(caf::meta::type_name("import_summary"), x.imported, x.added, x.replaced, x.unchanged);
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

// Asks for a page of the registry.
struct equipment_list {
  domain::equipment_filter filter;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment_list& x) {
  domain::optional_box<domain::equipment_kind> kind{x.filter.kind};
  return f(caf::meta::type_name("equipment_list"), kind, x.filter.parent, x.filter.region, x.filter.after,
           x.filter.limit);
}

// Asks for every version of one record, read from the log.
struct equipment_history_query {
  std::string id;
  friend bool operator==(const equipment_history_query&, const equipment_history_query&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment_history_query& x) {
  return f(caf::meta::type_name("equipment_history_query"), x.id);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment_change& x) {
  return f(caf::meta::type_name("equipment_change"), x.version, x.seq, x.at, x.by, x.record);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, equipment_history& x) {
  return f(caf::meta::type_name("equipment_history"), x.id, x.versions);
}

}  // namespace gridcoord::actors
