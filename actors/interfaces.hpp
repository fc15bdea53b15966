#pragma once
// actors/interfaces.hpp — the typed interfaces of gridcoord's actors.
//
// event_log:   the only actor that touches the event store. Appends are
//              acknowledged once durable (group commit); reads are bounded.
// department:  one per department; owns that department's book (the reports it
//              sent, its inbox) and writes the events that change it.
// security:    the token book (below).
// registry:    the equipment registry: imports, reads (actors/registry_actor.hpp).
// cycle:       the monthly cycle's clock: reminders, late notices, the matrix.
// capacity:    the capacity register, applications and publications, a
//              projection of the log (its feed taken before every answer).
// sla:         outages, planned-outage notices, complaints, callbacks,
//              analyses and the customer registry, with the clocks of flows
//              E1–E9 (actors/sla_actor.hpp).
// notification: the outbox of customer notifications and its deliveries
//              (actors/notification_actor.hpp).
// coordinator: the front door; routes by DESIGN.md's flow tables, delivers each
//              committed report to its recipients' inboxes, and runs batches
//              (prepare at every participant, one append, commit or abort).
// [Errors] Every handler answers failures as a caf::error built from a
//          domain::error (actors/error.hpp); none blocks.
#include <cstdint>
#include <vector>

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/capacity_messages.hpp"
#include "actors/cycle_messages.hpp"
#include "actors/equipment_messages.hpp"
#include "actors/messages.hpp"
#include "actors/sla_messages.hpp"

namespace gridcoord::actors {

using event_log_actor = caf::typed_actor<
    caf::replies_to<storage::append_request>::with<storage::append_result>,
    caf::replies_to<read_events>::with<std::vector<storage::event>>,
    caf::replies_to<get_event>::with<storage::event>,
    caf::replies_to<find_idempotency>::with<storage::idempotency_record>,
    caf::replies_to<log_status_query>::with<std::uint64_t>,
    caf::replies_to<audit_query>::with<audit_page>,
    caf::reacts_to<commit_done>>;  // internal: the writer thread's completion

using department_actor = caf::typed_actor<
    caf::replies_to<report_submission>::with<submit_receipt>,
    caf::replies_to<report_query>::with<report_document>,
    caf::replies_to<inbox_query>::with<domain::inbox_page>,
    caf::replies_to<ack_request>::with<domain::inbox_item>,
    caf::replies_to<batch_prepare>::with<batch_prepared>,
    caf::reacts_to<batch_commit>,
    caf::reacts_to<batch_abort>,
    caf::replies_to<sent_summary_query>::with<std::vector<domain::submission_summary>>,
    caf::reacts_to<ack_notice>,
    caf::reacts_to<delivery>>;

// The monthly cycle: reminders, late notices, the status matrix (actors/cycle_actor.hpp).
using cycle_actor = caf::typed_actor<
    caf::replies_to<cycle_check>::with<std::vector<domain::cycle_notice>>,
    caf::replies_to<cycle_query>::with<domain::cycle_matrix>,
    caf::reacts_to<cycle_wake>>;

// Owns the equipment registry: checks and logs imports, answers reads, keeps
// the directory the gateways check reports against.
using registry_actor = caf::typed_actor<
    caf::replies_to<equipment_import>::with<equipment_receipt>,
    caf::replies_to<equipment_get>::with<domain::equipment>,
    caf::replies_to<equipment_list>::with<domain::equipment_page>,
    caf::replies_to<equipment_history_query>::with<equipment_history>>;

// The capacity register, new-connection applications and the restricted-list
// publications (actors/capacity_actor.hpp).
using capacity_actor = caf::typed_actor<
    caf::replies_to<capacity_query>::with<std::vector<domain::capacity::point_capacity>>,
    caf::replies_to<precheck_query>::with<domain::capacity::precheck_result>,
    caf::replies_to<constrained_query>::with<domain::capacity::constrained_page>,
    caf::replies_to<heat_map_query>::with<std::vector<domain::capacity::region_heat>>,
    caf::replies_to<application_command>::with<application_outcome>,
    caf::replies_to<application_get>::with<domain::capacity::application>,
    caf::replies_to<application_list>::with<std::vector<domain::capacity::application>>,
    caf::replies_to<publication_issue>::with<publication_receipt>,
    caf::replies_to<publication_get>::with<domain::capacity::publication>,
    caf::replies_to<publication_check>::with<std::vector<domain::capacity::publication>>,
    caf::reacts_to<publication_wake>,
    caf::reacts_to<publication_delivered>,
    caf::reacts_to<feed_ready>>;

// Outages, complaints, callbacks, analyses, customers and the SLA clocks
// (actors/sla_actor.hpp).
using sla_actor = caf::typed_actor<
    caf::replies_to<sla_call>::with<sla_answer>,
    caf::replies_to<sla_check>::with<std::vector<domain::sla::clock_signal>>,
    caf::reacts_to<sla_wake>,
    caf::reacts_to<feed_ready>>;

// The notification outbox and its deliveries (actors/notification_actor.hpp).
using notification_actor = caf::typed_actor<
    caf::reacts_to<outbox_kick>,
    caf::replies_to<outbox_check>::with<std::size_t>,
    caf::reacts_to<outbox_wake>,
    caf::reacts_to<outbox_outcome>,
    caf::reacts_to<feed_ready>>;

// Owns the token book: issues and revokes tokens, keeps the directory the
// gateways authenticate against.
using security_actor = caf::typed_actor<
    caf::replies_to<token_request>::with<domain::issued_token>,
    caf::replies_to<revoke_request>::with<domain::token_record>,
    caf::replies_to<token_list_query>::with<std::vector<domain::token_record>>,
    caf::replies_to<batch_prepare>::with<batch_prepared>,
    caf::reacts_to<batch_commit>,
    caf::reacts_to<batch_abort>>;

using coordinator_actor = caf::typed_actor<
    caf::replies_to<report_submission>::with<submit_receipt>,
    caf::replies_to<report_query>::with<report_document>,
    caf::replies_to<inbox_query>::with<domain::inbox_page>,
    caf::replies_to<ack_request>::with<domain::inbox_item>,
    caf::replies_to<read_events>::with<std::vector<event_view>>,
    caf::replies_to<log_status_query>::with<health_report>,
    caf::replies_to<audit_query>::with<audit_page>,
    caf::replies_to<token_request>::with<domain::issued_token>,
    caf::replies_to<revoke_request>::with<domain::token_record>,
    caf::replies_to<token_list_query>::with<std::vector<domain::token_record>>,
    caf::replies_to<batch_submission>::with<batch_receipt>,
    caf::replies_to<cycle_query>::with<domain::cycle_matrix>>;

}  // namespace gridcoord::actors
