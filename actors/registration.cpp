#include "actors/registration.hpp"

#include "actors/interfaces.hpp"

namespace gridcoord::actors {

void register_messages(caf::actor_system_config& cfg) {
  cfg.add_message_type<domain::cell>("gridcoord::cell")
      .add_message_type<domain::issue>("gridcoord::issue")
      .add_message_type<domain::error>("gridcoord::domain_error")
      .add_message_type<domain::report_version>("gridcoord::report_version")
      .add_message_type<domain::version_entry>("gridcoord::version_entry")
      .add_message_type<domain::acknowledgement>("gridcoord::acknowledgement")
      .add_message_type<domain::inbox_item>("gridcoord::inbox_item")
      .add_message_type<domain::delivery_status>("gridcoord::delivery_status")
      .add_message_type<domain::newer_version>("gridcoord::newer_version")
      .add_message_type<storage::event_draft>("gridcoord::event_draft")
      .add_message_type<storage::event>("gridcoord::event")
      .add_message_type<storage::idempotency_record>("gridcoord::idempotency_record")
      .add_message_type<storage::append_request>("gridcoord::append_request")
      .add_message_type<storage::append_result>("gridcoord::append_result")
      .add_message_type<report_submission>("gridcoord::report_submission")
      .add_message_type<submit_receipt>("gridcoord::submit_receipt")
      .add_message_type<report_document>("gridcoord::report_document")
      .add_message_type<event_view>("gridcoord::event_view")
      .add_message_type<health_report>("gridcoord::health_report")
      .add_message_type<report_query>("gridcoord::report_query")
      .add_message_type<inbox_query>("gridcoord::inbox_query")
      .add_message_type<ack_request>("gridcoord::ack_request")
      .add_message_type<delivery>("gridcoord::delivery")
      .add_message_type<ack_notice>("gridcoord::ack_notice")
      .add_message_type<read_events>("gridcoord::read_events")
      .add_message_type<get_event>("gridcoord::get_event")
      .add_message_type<find_idempotency>("gridcoord::find_idempotency")
      .add_message_type<commit_done>("gridcoord::commit_done")
      .add_message_type<log_status_query>("gridcoord::log_status_query")
      .add_message_type<domain::role>("gridcoord::role")
      .add_message_type<domain::token_record>("gridcoord::token_record")
      .add_message_type<domain::issued_token>("gridcoord::issued_token")
      .add_message_type<token_request>("gridcoord::token_request")
      .add_message_type<revoke_request>("gridcoord::revoke_request")
      .add_message_type<token_list_query>("gridcoord::token_list_query")
      .add_message_type<audit_query>("gridcoord::audit_query")
      .add_message_type<audit_page>("gridcoord::audit_page")
      .add_message_type<batch_operation>("gridcoord::batch_operation")
      .add_message_type<batch_submission>("gridcoord::batch_submission")
      .add_message_type<batch_outcome>("gridcoord::batch_outcome")
      .add_message_type<batch_receipt>("gridcoord::batch_receipt")
      .add_message_type<batch_prepare>("gridcoord::batch_prepare")
      .add_message_type<prepared_operation>("gridcoord::prepared_operation")
      .add_message_type<batch_prepared>("gridcoord::batch_prepared")
      .add_message_type<batch_commit>("gridcoord::batch_commit")
      .add_message_type<batch_abort>("gridcoord::batch_abort");
}

}  // namespace gridcoord::actors
