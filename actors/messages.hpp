#pragma once
// actors/messages.hpp — every value that travels between gridcoord's actors.
//
// Plain structs with defaults, operator== and an `inspect` function, so that
// CAF can copy, print and (for remote actors) serialise them. The domain and
// storage types that ride in messages get theirs in actors/detail/inspect.hpp.
// Every type below is registered in actors/registration.cpp; a new message
// type must be added there too, or remote_actor fails with
// unexpected_actor_messaging_interface.
#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/load_callback.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/none.hpp>

#include "actors/client.hpp"
#include "actors/detail/inspect.hpp"
#include "domain/book.hpp"
#include "domain/error.hpp"
#include "domain/report.hpp"
#include "domain/token_book.hpp"
#include "storage/event_store.hpp"

namespace gridcoord::actors {

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, report_submission& x) {
  domain::month_box period{x.period};
  return f(caf::meta::type_name("report_submission"), x.sender, x.kind, period, x.rows,
           x.submitted_by, x.idempotency_key, x.request_hash, x.origin);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, submit_receipt& x) {
  return f(caf::meta::type_name("submit_receipt"), x.stream, x.version, x.seq, x.recipients,
           x.accepted_at, x.replayed);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, report_document& x) {
  return f(caf::meta::type_name("report_document"), x.seq, x.submitted_at, x.payload, x.versions);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, event_view& x) {
  return f(caf::meta::type_name("event_view"), x.seq, x.stream, x.type, x.time, x.actor, x.payload,
           x.origin);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, audit_query& x) {
  return f(caf::meta::type_name("audit_query"), x.after, x.limit, x.from_us, x.to_us, x.actor, x.entity);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, audit_page& x) {
  return f(caf::meta::type_name("audit_page"), x.events, x.next_after, x.end);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, health_report& x) {
  return f(caf::meta::type_name("health_report"), x.ok, x.last_seq, x.version, x.calendar);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, batch_operation& x) {
  domain::optional_box<domain::time_point> expires_at{x.expires_at};
  return f(caf::meta::type_name("batch_operation"), x.kind, x.report, x.recipient, x.item, x.by,
           x.role, x.description, expires_at, x.token_id);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, batch_submission& x) {
  return f(caf::meta::type_name("batch_submission"), x.operations, x.submitted_by,
           x.idempotency_key, x.request_hash, x.origin);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, batch_outcome& x) {
  return f(caf::meta::type_name("batch_outcome"), x.kind, x.seq, x.report, x.item, x.token,
           x.revoked);
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, batch_receipt& x) {
  return f(caf::meta::type_name("batch_receipt"), x.results, x.first_seq, x.last_seq,
           x.accepted_at, x.replayed);
}

// Batches, between the coordinator and the actors that own what they change
// (a department, the security actor): prepare checks a participant's
// operations against its state and holds what they need (report versions);
// commit applies them once the batch's events are durable; abort lets go.
struct batch_prepare {
  std::uint64_t batch = 0;
  std::vector<std::uint32_t> positions;     // each operation's 0-based place in the batch
  std::vector<batch_operation> operations;
  domain::time_point at{};                  // the batch's time, for every event
  std::string origin;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, batch_prepare& x) {
  return f(caf::meta::type_name("batch_prepare"), x.batch, x.positions, x.operations, x.at, x.origin);
}

// One checked operation: its event (when it writes one) and what it will answer.
struct prepared_operation {
  std::uint32_t position = 0;
  bool ok = false;
  domain::error failure;         // when !ok
  bool writes = false;           // `event` is to be appended
  storage::event_draft event;
  batch_outcome outcome;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, prepared_operation& x) {
  return f(caf::meta::type_name("prepared_operation"), x.position, x.ok, x.failure, x.writes, x.event,
           x.outcome);
}

struct batch_prepared {
  std::vector<prepared_operation> operations;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, batch_prepared& x) {
  return f(caf::meta::type_name("batch_prepared"), x.operations);
}

// The batch's events are durable: seqs[position] is the event of the operation
// at that position (0 when it wrote none).
struct batch_commit {
  std::uint64_t batch = 0;
  std::vector<std::uint64_t> seqs;
  domain::time_point at{};  // the batch's time (batch_prepare::at)
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, batch_commit& x) {
  return f(caf::meta::type_name("batch_commit"), x.batch, x.seqs, x.at);
}

struct batch_abort {
  std::uint64_t batch = 0;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, batch_abort& x) {
  return f(caf::meta::type_name("batch_abort"), x.batch);
}

// Asks for one version of a report; version 0 means the latest.
struct report_query {
  domain::department sender = domain::department::marketing;
  std::string kind;
  domain::month period{};
  std::uint32_t version = 0;
  friend bool operator==(const report_query&, const report_query&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, report_query& x) {
  domain::month_box period{x.period};
  return f(caf::meta::type_name("report_query"), x.sender, x.kind, period, x.version);
}

// Asks for a department's inbox.
// One page of a department's inbox (domain::select over its book).
struct inbox_query {
  domain::department recipient = domain::department::planning;
  domain::inbox_filter filter;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inbox_query& x) {
  return f(caf::meta::type_name("inbox_query"), x.recipient, x.filter);
}

// `by` acknowledges inbox item `item` of `recipient`.
struct ack_request {
  domain::department recipient = domain::department::planning;
  domain::item_id item = 0;
  std::string by;
  std::string origin;
  friend bool operator==(const ack_request&, const ack_request&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, ack_request& x) {
  return f(caf::meta::type_name("ack_request"), x.recipient, x.item, x.by, x.origin);
}

// A committed report version, handed to each recipient's actor for its inbox.
struct delivery {
  std::uint64_t seq = 0;
  domain::time_point at{};
  domain::report_version header;  // rows left empty
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delivery& x) {
  return f(caf::meta::type_name("delivery"), x.seq, x.at, x.header);
}

// `recipient` acknowledged the sender's version logged as `item`: tells the
// sender's actor, so the sender sees who has acknowledged.
struct ack_notice {
  domain::department recipient = domain::department::planning;
  domain::item_id item = 0;
  std::string by;
  domain::time_point at{};
  std::string person;  // the acknowledging token's description
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, ack_notice& x) {
  return f(caf::meta::type_name("ack_notice"), x.recipient, x.item, x.by, x.at, x.person);
}

// Reads from the event log: `stream` empty means every stream.
struct read_events {
  std::uint64_t after = 0;
  std::uint64_t limit = 100;
  std::string stream;
  // 0: no bound; else the page ends after the event that brings the stored
  // size of its events to max_bytes (always at least one event).
  std::uint64_t max_bytes = 0;
  friend bool operator==(const read_events&, const read_events&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, read_events& x) {
  return f(caf::meta::type_name("read_events"), x.after, x.limit, x.stream, x.max_bytes);
}

struct get_event {
  std::uint64_t seq = 0;
  friend bool operator==(const get_event&, const get_event&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, get_event& x) {
  return f(caf::meta::type_name("get_event"), x.seq);
}

struct find_idempotency {
  std::string key;
  friend bool operator==(const find_idempotency&, const find_idempotency&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, find_idempotency& x) {
  return f(caf::meta::type_name("find_idempotency"), x.key);
}

// The event log's writer thread telling the log actor that finished appends
// are queued for it (actors/event_log_actor.hpp).
struct commit_done {};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, commit_done&) {
  return f(caf::meta::type_name("commit_done"));
}

// Internal: a projection's feed (actors/event_feed.hpp) holds events again.
struct feed_ready {};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, feed_ready&) {
  return f(caf::meta::type_name("feed_ready"));
}

// Asks the log for its state.
struct log_status_query {
  friend bool operator==(const log_status_query&, const log_status_query&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, log_status_query&) {
  return f(caf::meta::type_name("log_status_query"));
}

// Issue a token with `role` (text, validated by the security actor).
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, token_request& x) {
  domain::optional_box<domain::time_point> expires_at{x.expires_at};
  return f(caf::meta::type_name("token_request"), x.role, x.description, x.by, x.origin, expires_at);
}

struct revoke_request {
  std::string id;
  std::string by;
  std::string origin;
  friend bool operator==(const revoke_request&, const revoke_request&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, revoke_request& x) {
  return f(caf::meta::type_name("revoke_request"), x.id, x.by, x.origin);
}

struct token_list_query {
  friend bool operator==(const token_list_query&, const token_list_query&) = default;
};
template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, token_list_query&) {
  return f(caf::meta::type_name("token_list_query"));
}

}  // namespace gridcoord::actors
