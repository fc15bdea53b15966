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
#include <optional>
#include <string>
#include <vector>

#include "domain/book.hpp"
#include "domain/clock.hpp"
#include "domain/department.hpp"
#include "domain/error.hpp"
#include "domain/month.hpp"
#include "domain/report.hpp"
#include "domain/token_book.hpp"

namespace gridcoord::actors {

inline constexpr std::chrono::seconds request_timeout{30};
inline constexpr std::uint64_t audit_scan_budget = 10'000;  // events one audit call reads at most

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

struct health_report {
  bool ok = false;
  std::uint64_t last_seq = 0;
  std::string version;
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

  // The department's inbox, oldest first.
  virtual void inbox(domain::department recipient, reply<std::vector<domain::inbox_item>> done) = 0;

  // Records that `by` acknowledged `item` for `recipient`; acknowledging again
  // returns the first acknowledgement unchanged. not_found for an unknown item.
  // `origin` (domain::encode(request_origin)) is kept with the event.
  virtual void acknowledge(domain::department recipient, domain::item_id item, std::string by,
                           std::string origin, reply<domain::inbox_item> done) = 0;

  // Up to `limit` events with seq > `after`, oldest first.
  virtual void events(std::uint64_t after, std::size_t limit, reply<std::vector<event_view>> done) = 0;

  // The events matching `query`, scanning at most audit_scan_budget events per
  // call; page on with next_after until `end`.
  virtual void audit(audit_query query, reply<audit_page> done) = 0;

  virtual void health(reply<health_report> done) = 0;

  // Issues a token with `role` ("admin", "liaison:marketing", ...); the answer
  // holds the token text, which is never shown again. validation_failed for
  // an unknown role.
  virtual void create_token(std::string role, std::string description, std::string by,
                            std::string origin, reply<domain::issued_token> done) = 0;
  // Revokes token `id`; revoking again answers the first revocation. not_found
  // for an unknown id.
  virtual void revoke_token(std::string id, std::string by, std::string origin,
                            reply<domain::token_record> done) = 0;
  virtual void list_tokens(reply<std::vector<domain::token_record>> done) = 0;

  // The caller behind a bearer token, or errc::unauthorized. Synchronous and
  // cheap (no message round trip): call it on every request.
  [[nodiscard]] virtual domain::expected<domain::principal> authenticate(std::string_view bearer) const = 0;
};

}  // namespace gridcoord::actors
