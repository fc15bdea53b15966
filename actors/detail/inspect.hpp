#pragma once
// actors/detail/inspect.hpp — CAF `inspect` functions for the domain and
// storage types that ride in actor messages.
//
// They live here, in the types' own namespaces (for argument-dependent
// lookup), so that domain/ and storage/ stay free of CAF. std::optional and
// the std::chrono calendar types have no CAF inspector in 0.17: they travel
// in a box (optional_box: a flag and a value; month_box: two integers;
// date_box: a day count), restored by a load_callback.
#include <optional>

#include <caf/meta/load_callback.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/none.hpp>

#include "domain/book.hpp"
#include "domain/calendar.hpp"
#include "domain/calendar_coverage.hpp"
#include "domain/error.hpp"
#include "domain/list_query.hpp"
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

// An optional travels as a flag and a value.
template <class T>
struct optional_box {
  std::optional<T>& ref;
};
template <class Inspector, class T>
typename Inspector::result_type inspect(Inspector& f, optional_box<T>& b) {
  bool has = b.ref.has_value();
  T value = b.ref.value_or(T{});
  return f(has, value, caf::meta::load_callback([&]() -> caf::error {
             b.ref = has ? std::optional<T>{std::move(value)} : std::nullopt;
             return caf::none;
           }));
}

// A local date travels as days since 1970-01-01.
struct date_box {
  local_date& ref;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, date_box& b) {
  auto days = std::chrono::sys_days{b.ref}.time_since_epoch().count();
  return f(days, caf::meta::load_callback([&]() -> caf::error {
             b.ref = local_date{std::chrono::sys_days{std::chrono::days{days}}};
             return caf::none;
           }));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, calendar_coverage& x) {
  return f(caf::meta::type_name("calendar_coverage"), x.covered_years, x.missing_years);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, cell& x) {
  return f(caf::meta::type_name("cell"), x.k, x.text, x.number);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, issue& x) {
  optional_box<std::size_t> row_number{x.row};
  optional_box<std::size_t> line_number{x.line};
  return f(caf::meta::type_name("issue"), x.rule, row_number, x.field, x.value, x.reason, line_number);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, error& x) {
  return f(caf::meta::type_name("domain_error"), x.code, x.message, x.details);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, report_version& x) {
  month_box period{x.period};
  return f(caf::meta::type_name("report_version"), x.sender, x.kind, period, x.version,
           x.recipients, x.submitted_by, x.row_count, x.rows, x.person);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, acknowledgement& x) {
  return f(caf::meta::type_name("acknowledgement"), x.by, x.at, x.person);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delivery_status& x) {
  optional_box<acknowledgement> ack{x.ack};
  return f(caf::meta::type_name("delivery_status"), x.recipient, ack);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, version_entry& x) {
  return f(caf::meta::type_name("version_entry"), x.version, x.seq, x.submitted_at,
           x.submitted_by, x.row_count, x.deliveries, x.person);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, newer_version& x) {
  return f(caf::meta::type_name("newer_version"), x.version, x.item, x.at);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_item& x) {
  month_box period{x.period};
  optional_box<acknowledgement> ack{x.ack};
  optional_box<newer_version> newer{x.newer};
  return f(caf::meta::type_name("inbox_item"), x.id, x.from, x.kind, period, x.version, x.received_at, ack,
           newer);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_filter& x) {
  optional_box<bool> acknowledged{x.acknowledged};
  optional_box<department> from{x.from};
  return f(caf::meta::type_name("inbox_filter"), x.after, x.limit, acknowledged, from, x.kind);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_page& x) {
  return f(caf::meta::type_name("inbox_page"), x.items, x.next_after, x.end, x.open);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, role& x) {
  return f(caf::meta::type_name("role"), x.kind, x.dept);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, token_record& x) {
  optional_box<time_point> revoked_at{x.revoked_at};
  optional_box<time_point> expires_at{x.expires_at};
  return f(caf::meta::type_name("token_record"), x.id, x.granted, x.description, x.secret_hash,
           x.created_at, x.created_by, revoked_at, x.revoked_by, expires_at);
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
  domain::optional_box<idempotency_record> idempotency{x.idempotency};
  return f(caf::meta::type_name("append_request"), x.events, idempotency);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, append_result& x) {
  domain::optional_box<idempotency_record> existing{x.existing};
  return f(caf::meta::type_name("append_result"), x.first_seq, x.last_seq, x.replayed, existing);
}

}  // namespace gridcoord::storage
