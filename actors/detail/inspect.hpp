#pragma once
// actors/detail/inspect.hpp — CAF `inspect` functions for the domain and
// storage types that ride in actor messages.
//
// They live here, in the types' own namespaces (for argument-dependent
// lookup), so that domain/ and storage/ stay free of CAF. std::optional and
// std::chrono::year_month have no CAF inspector in 0.17: they travel as a
// flag plus value, or two integers, restored by a load_callback.
#include <caf/meta/load_callback.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/none.hpp>

#include "domain/book.hpp"
#include "domain/error.hpp"
#include "domain/report.hpp"
#include "domain/token_book.hpp"
#include "storage/event_store.hpp"

namespace gridcoord::domain {

// A month travels as two integers.
struct month_box {
  month& ref;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, month_box& m) {
  int year = static_cast<int>(m.ref.year());
  unsigned number = static_cast<unsigned>(m.ref.month());
  return f(year, number, caf::meta::load_callback([&]() -> caf::error {
             m.ref = month{std::chrono::year{year}, std::chrono::month{number}};
             return caf::none;
           }));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cell& x) {
  return f(caf::meta::type_name("cell"), x.k, x.text, x.number);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, issue& x) {
  bool has_row = x.row.has_value();
  std::size_t row_number = x.row.value_or(0);
  return f(caf::meta::type_name("issue"), has_row, row_number, x.field, x.value, x.reason,
           caf::meta::load_callback([&]() -> caf::error {
             x.row = has_row ? std::optional<std::size_t>{row_number} : std::nullopt;
             return caf::none;
           }));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, error& x) {
  return f(caf::meta::type_name("domain_error"), x.code, x.message, x.details);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, report_version& x) {
  month_box period{x.period};
  return f(caf::meta::type_name("report_version"), x.sender, x.kind, period, x.version,
           x.recipients, x.submitted_by, x.row_count, x.rows);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, acknowledgement& x) {
  return f(caf::meta::type_name("acknowledgement"), x.by, x.at);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delivery_status& x) {
  bool acked = x.ack.has_value();
  acknowledgement ack = x.ack.value_or(acknowledgement{});
  return f(caf::meta::type_name("delivery_status"), x.recipient, acked, ack,
           caf::meta::load_callback([&]() -> caf::error {
             x.ack = acked ? std::optional<acknowledgement>{ack} : std::nullopt;
             return caf::none;
           }));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, version_entry& x) {
  return f(caf::meta::type_name("version_entry"), x.version, x.seq, x.submitted_at,
           x.submitted_by, x.row_count, x.deliveries);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, newer_version& x) {
  return f(caf::meta::type_name("newer_version"), x.version, x.item, x.at);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_item& x) {
  month_box period{x.period};
  bool acked = x.ack.has_value();
  acknowledgement ack = x.ack.value_or(acknowledgement{});
  bool superseded = x.newer.has_value();
  newer_version newer = x.newer.value_or(newer_version{});
  return f(caf::meta::type_name("inbox_item"), x.id, x.from, x.kind, period, x.version,
           x.received_at, acked, ack, superseded, newer, caf::meta::load_callback([&]() -> caf::error {
             x.ack = acked ? std::optional<acknowledgement>{ack} : std::nullopt;
             x.newer = superseded ? std::optional<newer_version>{newer} : std::nullopt;
             return caf::none;
           }));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, role& x) {
  return f(caf::meta::type_name("role"), x.kind, x.dept);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, token_record& x) {
  bool revoked = x.revoked_at.has_value();
  time_point revoked_at = x.revoked_at.value_or(time_point{});
  return f(caf::meta::type_name("token_record"), x.id, x.granted, x.description, x.secret_hash,
           x.created_at, x.created_by, revoked, revoked_at, x.revoked_by,
           caf::meta::load_callback([&]() -> caf::error {
             x.revoked_at = revoked ? std::optional<time_point>{revoked_at} : std::nullopt;
             return caf::none;
           }));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, issued_token& x) {
  return f(caf::meta::type_name("issued_token"), x.record, x.token);
}

}  // namespace gridcoord::domain

namespace gridcoord::storage {

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_draft& x) {
  return f(caf::meta::type_name("event_draft"), x.stream, x.type, x.time, x.actor, x.payload, x.origin);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event& x) {
  return f(caf::meta::type_name("event"), x.seq, x.stream, x.type, x.time, x.actor, x.payload, x.origin);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, idempotency_record& x) {
  return f(caf::meta::type_name("idempotency_record"), x.key, x.request_hash, x.result,
           x.first_seq);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, append_request& x) {
  bool has_key = x.idempotency.has_value();
  idempotency_record rec = x.idempotency.value_or(idempotency_record{});
  return f(caf::meta::type_name("append_request"), x.events, has_key, rec,
           caf::meta::load_callback([&]() -> caf::error {
             x.idempotency = has_key ? std::optional<idempotency_record>{rec} : std::nullopt;
             return caf::none;
           }));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, append_result& x) {
  bool has_existing = x.existing.has_value();
  idempotency_record rec = x.existing.value_or(idempotency_record{});
  return f(caf::meta::type_name("append_result"), x.first_seq, x.last_seq, x.replayed,
           has_existing, rec, caf::meta::load_callback([&]() -> caf::error {
             x.existing = has_existing ? std::optional<idempotency_record>{rec} : std::nullopt;
             return caf::none;
           }));
}

}  // namespace gridcoord::storage
