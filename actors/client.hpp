#pragma once
// actors/client.hpp — what the gateways may ask of the actor system.
//
// A CAF-free facade: each call sends one typed request into the actor system
// and returns at once; `done` runs later, exactly once, on one of the actor
// system's threads, with the answer or a domain::error. A caller that must
// continue on its own executor (a Beast strand) posts from `done`.
// [Threading] Every member is safe to call from any thread.
// [Errors]    Answers carry domain::error: validation_failed (with every issue),
//             not_found, conflict (idempotency key reused with another body),
//             unavailable (shutting down or a request timed out), internal.
// [Limits]    Each request times out after request_timeout; it then completes
//             with errc::unavailable.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/capacity_requests.hpp"
#include "actors/sla_requests.hpp"
#include "domain/book.hpp"
#include "domain/clock.hpp"
#include "domain/cycle.hpp"
#include "domain/department.hpp"
#include "domain/equipment.hpp"
#include "domain/publication/publication.hpp"
#include "domain/error.hpp"
#include "domain/list_query.hpp"
#include "domain/month.hpp"
#include "domain/report.hpp"
#include "domain/token_book.hpp"

namespace gridcoord::actors {

inline constexpr std::chrono::seconds request_timeout{30};
inline constexpr std::uint64_t audit_scan_budget = 10'000;  // events one audit call reads at most
// The stored bytes (payload, origin, stream, type, actor) one events() page
// gathers at most, beyond its first event: what bounds a GET /v1/events
// answer and each write of a /v1/stream.
inline constexpr std::uint64_t max_event_page_bytes = 1u << 20;

template <class T>
using reply = std::function<void(domain::expected<T>)>;

// A validated report on its way in.
struct report_submission {
  domain::department sender = domain::department::marketing;
  std::string kind;
  domain::month period{};
  std::vector<domain::row> rows;
  std::string submitted_by;         // who: token id or liaison name
  std::string idempotency_key;      // "" when the request carried none
  std::string request_hash;         // digest of the request body, for idempotency
  std::string origin;               // domain::encode(request_origin): kept with the event
};

// What the sender gets back for an accepted (or replayed) version.
struct submit_receipt {
  std::string stream;
  std::uint32_t version = 0;
  std::uint64_t seq = 0;                         // the report.submitted event
  std::vector<domain::department> recipients;
  domain::time_point accepted_at{};
  bool replayed = false;                         // true: an idempotent repeat, nothing new written
};

// One stored version as the log holds it.
struct report_document {
  std::uint64_t seq = 0;
  domain::time_point submitted_at{};
  std::string payload;  // the report.submitted payload (JSON text, rows included)
  std::vector<domain::version_entry> versions;  // every version of this report, oldest first
};

// An event of the audit feed.
struct event_view {
  std::uint64_t seq = 0;
  std::string stream;
  std::string type;
  domain::time_point time{};
  std::string actor;
  std::string payload;  // JSON text
  std::string origin;   // JSON text of a domain::request_origin, "" when none was kept
};

// Filters of the audit trail; empty ones match everything.
struct audit_query {
  std::uint64_t after = 0;          // scan events with seq > after
  std::uint64_t limit = 100;        // at most this many matches
  std::int64_t from_us = 0;         // event time >= from (µs since the epoch; 0: no bound)
  std::int64_t to_us = 0;           // event time < to (0: no bound)
  std::string actor;                // token id
  std::string entity;               // stream, or stream prefix ending in '/'
};

struct audit_page {
  std::vector<event_view> events;
  std::uint64_t next_after = 0;     // continue from here; == the last seq scanned
  bool end = false;                 // the scan reached the end of the log
};

// One write of a batch (POST /v1/batch), validated by the gateway. Only the
// fields of its kind are read.
enum class batch_op_kind : std::uint8_t { submit_report, acknowledge, create_token, revoke_token };

struct batch_operation {
  batch_op_kind kind = batch_op_kind::submit_report;
  report_submission report;                                  // submit_report (its key is unused)
  domain::department recipient = domain::department::planning;  // acknowledge: whose inbox
  domain::item_id item = 0;                                  // acknowledge
  std::string by;            // acknowledge: who acknowledges ("Li Wei (tk_…)")
  std::string role;          // create_token
  std::string description;   // create_token
  std::optional<domain::time_point> expires_at;  // create_token; none: it never expires
  std::string token_id;      // revoke_token
};

// A batch: operations applied in order; their events are appended in one
// durable write, or none is.
struct batch_submission {
  std::vector<batch_operation> operations;
  std::string submitted_by;     // the caller's token id
  std::string idempotency_key;  // "" when the request carried none
  std::string request_hash;
  std::string origin;
};

// What one operation of a committed batch produced; the field of its kind is set.
struct batch_outcome {
  batch_op_kind kind = batch_op_kind::submit_report;
  std::uint64_t seq = 0;             // its event; 0 when it changed nothing (a repeated ack or revoke)
  submit_receipt report;             // submit_report
  domain::inbox_item item;           // acknowledge: the item as acknowledged
  domain::issued_token token;        // create_token; token.token is "" in a replay (shown once)
  domain::token_record revoked;      // revoke_token
};

struct batch_receipt {
  std::vector<batch_outcome> results;  // one per operation, in order
  std::uint64_t first_seq = 0;         // the batch's events are [first_seq, last_seq]; 0 when none
  std::uint64_t last_seq = 0;
  domain::time_point accepted_at{};
  bool replayed = false;               // an idempotent repeat: nothing new written
};

// An import into the equipment registry, read by the gateway, checked by the
// registry actor against the registry as it stands (domain/equipment.hpp).
struct equipment_import {
  domain::import_draft draft;
  std::string submitted_by;     // the caller's token id
  std::string idempotency_key;  // "" when the request carried none
  std::string request_hash;
  std::string origin;
};

struct equipment_receipt {
  std::uint64_t seq = 0;  // the equipment.imported event
  domain::import_summary summary;
  domain::time_point accepted_at{};
  bool replayed = false;  // an idempotent repeat: nothing new written
};

// One version of a record: the import event that made it, and the record as
// it stood from then on.
struct equipment_change {
  std::uint32_t version = 0;
  std::uint64_t seq = 0;
  domain::time_point at{};
  std::string by;  // the importer's token id
  domain::equipment record;
  friend bool operator==(const equipment_change&, const equipment_change&) = default;
};

// Every version of a record, version 1 first.
struct equipment_history {
  std::string id;
  std::vector<equipment_change> versions;
  friend bool operator==(const equipment_history&, const equipment_history&) = default;
};

// A token to issue (client::create_token).
struct token_request {
  std::string role;                             // "admin", "liaison:marketing", ...
  std::string description;
  std::string by;                               // token id of the admin, "bootstrap" or "host"
  std::string origin;                           // domain::encode(request_origin), "" when none
  std::optional<domain::time_point> expires_at;  // none: it never expires
  friend bool operator==(const token_request&, const token_request&) = default;
};

struct health_report {
  bool ok = false;
  std::uint64_t last_seq = 0;
  std::string version;
  domain::calendar_coverage calendar;  // this year and the next: with holidays or not
};

class client {
 public:
  virtual ~client() = default;

  // Validated rows in; a new version (or the replay of an earlier request with
  // the same idempotency key) out. not_found for an unknown kind; forbidden when
  // `sender` does not send that kind.
  virtual void submit_report(report_submission submission, reply<submit_receipt> done) = 0;

  // One version of a report (the latest when `version` is empty); not_found when
  // the report or that version does not exist.
  virtual void get_report(domain::department sender, std::string kind, domain::month period,
                          std::optional<std::uint32_t> version, reply<report_document> done) = 0;

  // One page of the department's inbox, oldest first (domain/list_query.hpp).
  virtual void inbox(domain::department recipient, domain::inbox_filter filter, reply<domain::inbox_page> done) = 0;

  // Records that `by` acknowledged `item` for `recipient`; acknowledging again
  // returns the first acknowledgement unchanged. not_found for an unknown item.
  // `origin` (domain::encode(request_origin)) is kept with the event.
  virtual void acknowledge(domain::department recipient, domain::item_id item, std::string by,
                           std::string origin, reply<domain::inbox_item> done) = 0;

  // Applies the operations in order, all or nothing: their events are written
  // in one durable append, after every operation was checked against the
  // current state (versions of one report count up within the batch; an
  // operation does not see an item or token an earlier one in the batch
  // creates). When any operation cannot be applied, nothing is written and the
  // answer is its error: validation_failed / not_found / forbidden, with one
  // issue per failing operation (issue::row = its 1-based position).
  virtual void run_batch(batch_submission batch, reply<batch_receipt> done) = 0;

  // Up to `limit` events with seq > `after`, oldest first; fewer when their
  // stored size reaches max_event_page_bytes (a page always holds at least
  // one event): the caller goes on after the last event it got.
  virtual void events(std::uint64_t after, std::size_t limit, reply<std::vector<event_view>> done) = 0;

  // Calls `then` once the log holds an event after `after`: at once (on the
  // caller's thread) when it already does, else on the event log's thread as
  // soon as one commits. `then` must only post work elsewhere. Answers an id
  // for cancel_wait, 0 when `then` has already run. The event stream waits
  // with it instead of polling.
  virtual std::uint64_t when_events_after(std::uint64_t after, std::function<void()> then) = 0;
  // Forgets a wait that has not run yet; `then` is destroyed before it returns.
  virtual void cancel_wait(std::uint64_t id) = 0;

  // The events matching `query`, scanning at most audit_scan_budget events per
  // call; page on with next_after until `end`.
  virtual void audit(audit_query query, reply<audit_page> done) = 0;

  virtual void health(reply<health_report> done) = 0;

  // The monthly cycle's status matrix of `period` (domain/cycle.hpp): every
  // department's kinds with due dates, submissions, reminders and late notices.
  virtual void cycle(domain::month period, reply<domain::cycle_matrix> done) = 0;

  // Issues a token with the request's role; the answer holds the token text,
  // which is never shown again. validation_failed for an unknown role, or
  // for an expiry that is not after now (rule in_the_past).
  virtual void create_token(token_request request, reply<domain::issued_token> done) = 0;
  // Revokes token `id`; revoking again answers the first revocation. not_found
  // for an unknown id.
  virtual void revoke_token(std::string id, std::string by, std::string origin,
                            reply<domain::token_record> done) = 0;
  virtual void list_tokens(reply<std::vector<domain::token_record>> done) = 0;

  // Checks the import against the registry and applies it, all or nothing
  // (validation_failed with every issue); honours the idempotency key as
  // submit_report does.
  virtual void import_equipment(equipment_import import, reply<equipment_receipt> done) = 0;
  // One record; not_found for an unknown id.
  virtual void get_equipment(std::string id, reply<domain::equipment> done) = 0;
  virtual void list_equipment(domain::equipment_filter filter, reply<domain::equipment_page> done) = 0;
  // Every version of one record, read from the log; not_found for an unknown id.
  virtual void get_equipment_history(std::string id, reply<equipment_history> done) = 0;
  // The registry as of the last committed import, for checking the equipment
  // a report names. Synchronous and cheap (no message round trip); never null.
  [[nodiscard]] virtual std::shared_ptr<const domain::equipment_registry> equipment_view() const = 0;

  // The capacity register (actors/capacity_actor.hpp). Months are bounded to
  // the horizon from this month (invalid_request outside it).
  // One point in one month, or every month of the horizon from it.
  virtual void capacity(std::string point, domain::month period, bool horizon,
                        reply<std::vector<domain::capacity::point_capacity>> done) = 0;
  virtual void precheck(domain::capacity::precheck_request request, reply<domain::capacity::precheck_result> done) = 0;
  virtual void constrained(domain::capacity::constrained_filter filter,
                           reply<domain::capacity::constrained_page> done) = 0;
  virtual void heat_map(domain::month period, reply<std::vector<domain::capacity::region_heat>> done) = 0;
  // A step of an application; see application_outcome.
  virtual void application_step(application_command command, reply<application_outcome> done) = 0;
  virtual void get_application(std::string id, reply<domain::capacity::application> done) = 0;
  virtual void list_applications(application_list query, reply<std::vector<domain::capacity::application>> done) = 0;
  // Issues the restricted list now; the answer is the logged publication. A
  // repeated idempotency key answers the first publication (replayed), another
  // request under it is a conflict.
  virtual void publish(publication_issue request, reply<publication_receipt> done) = 0;
  // A publication by number, 0: the latest; not_found when there is none.
  virtual void get_publication(std::uint32_t number, reply<domain::capacity::publication> done) = 0;

  // The caller behind a bearer token, or errc::unauthorized. Synchronous and
  // cheap (no message round trip): call it on every request.
  // Outages, planned-outage notices, complaints, callbacks, analyses, the
  // customer registry, the outage feed and the SLA lists
  // (actors/sla_requests.hpp says which answer each request gets).
  virtual void sla(sla_request request, reply<sla_answer> done) = 0;

  [[nodiscard]] virtual domain::expected<domain::principal> authenticate(std::string_view bearer) const = 0;

  // The time by the actor system's clock (virtual in tests and simulations),
  // the one a token's expiry is checked against. Synchronous and cheap.
  [[nodiscard]] virtual domain::time_point now() const = 0;
};

}  // namespace gridcoord::actors
