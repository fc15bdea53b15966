#pragma once
// actors/audit.hpp — reading the audit trail: who wrote what, when, from where.
//
// Every event carries its actor (the token id) and origin (role, remote
// address, request id); an audit query filters the log by time range, actor
// and entity (a stream, or a stream prefix ending in '/').
// [Limits] One call reads at most audit_scan_budget events (a page of the log
//          at a time) and returns at most query.limit matches; next_after says
//          where to continue.
#include "actors/client.hpp"
#include "storage/event_store.hpp"

namespace gridcoord::actors {

[[nodiscard]] storage::expected<audit_page> scan_audit(const storage::event_store& store,
                                                       const audit_query& query);

// Whether `e` passes the filters of `q`.
bool matches(const storage::event& e, const audit_query& q);

}  // namespace gridcoord::actors
