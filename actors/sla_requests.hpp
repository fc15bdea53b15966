#pragma once
// actors/sla_requests.hpp — what the gateways may ask of the SLA actor
// (outages, planned-outage notices, complaints, callbacks, analyses, the
// customer registry, the outage-system feed and the SLA lists), through one
// call of the client facade: client::sla(sla_request, reply<sla_answer>).
// Each request names the answer it gets. CAF-free.
//
// Times a request states (started_at, at) are as the caller says they
// happened; a missing one means "now". Every write carries `by` (the
// caller's token id) and `origin` (kept with the event) and may carry an
// Idempotency-Key: the same key with the same body answers the first answer
// again, with another body a conflict.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/clock.hpp"
#include "domain/department.hpp"
#include "domain/month.hpp"
#include "domain/sla/customers.hpp"
#include "domain/sla/outbox.hpp"
#include "domain/sla/work.hpp"

namespace gridcoord::actors {

// Who writes, for every write.
struct sla_writer {
  std::string by;               // token id
  std::string origin;           // domain::encode(request_origin)
  std::string idempotency_key;  // "" when none
  std::string request_hash;     // digest of the request body
};

// E1: an unplanned outage. → sla_item (201)
struct report_outage {
  sla_writer writer;
  std::vector<std::string> equipment;  // registered ids, at least one
  std::optional<domain::time_point> started_at;
  std::string description;
};
// E2. → sla_item
struct update_outage {
  sla_writer writer;
  std::uint64_t id = 0;
  std::optional<std::string> cause;
  std::vector<std::string> equipment_added;
  std::optional<domain::time_point> etr;
};
// E5. → sla_item
struct record_crew_arrival {
  sla_writer writer;
  std::uint64_t id = 0;
  std::optional<domain::time_point> at;
};
struct restore_outage {
  sla_writer writer;
  std::uint64_t id = 0;
  std::optional<domain::time_point> at;
};
// E3 done another way (the undelivered notices phoned). → sla_item
struct notify_customers {
  sla_writer writer;
  std::uint64_t id = 0;
  std::string note;
};
// E4. → sla_item; a late notice under the refuse policy is invalid_request.
struct notice_planned_outage {
  sla_writer writer;
  domain::sla::planned_kind kind = domain::sla::planned_kind::planned;
  std::vector<std::string> equipment;
  domain::time_point starts_at{};
  domain::time_point ends_at{};
  std::string description;
};

// E6. → sla_item
struct register_complaint {
  sla_writer writer;
  domain::sla::complaint_category category = domain::sla::complaint_category::power_quality;
  std::string customer_id;  // "" or a registered customer
  std::string customer_name;
  std::string contact;
  std::string text;
};
// Customer service forwards to the category's department. → sla_item
struct forward_complaint {
  sla_writer writer;
  std::uint64_t id = 0;
};
// The department it is routed to takes it over. → sla_item; conflict when
// the complaint is not (or no longer) waiting for `department`.
struct acknowledge_complaint {
  sla_writer writer;
  std::uint64_t id = 0;
  domain::department department = domain::department::production;
};
// E7: the result; opens the callback (E9). → sla_item
struct resolve_complaint {
  sla_writer writer;
  std::uint64_t id = 0;
  domain::department department = domain::department::production;
  std::string result;
};
// E9: one attempt; a dissatisfied answer about a complaint escalates it (E8). → sla_item
struct attempt_callback {
  sla_writer writer;
  std::uint64_t id = 0;
  domain::sla::callback_outcome outcome = domain::sla::callback_outcome::no_answer;
  std::optional<unsigned> satisfaction;  // 1..5, required when reached
  bool satisfied = true;
  std::string note;
};
// → sla_item; conflict when already closed or `department` does not own it.
struct close_analysis {
  sla_writer writer;
  std::uint64_t id = 0;
  domain::department department = domain::department::production;
  std::string finding;
};

// The outage system's feed: one line each, in order. → feed_results
struct feed_line {
  std::size_t line = 0;                  // 1-based, for the result
  std::string event_id;                  // the source's, unique: repeats are duplicates
  std::string type;                      // outage.started, outage.updated, crew.arrived, power.restored
  std::string outage_ref;                // the source's outage id
  std::vector<std::string> equipment;    // outage.started; outage.updated (added)
  std::optional<domain::time_point> at;  // started_at / arrival / restoration
  std::optional<std::string> cause;
  std::optional<domain::time_point> etr;
  std::string description;
};
struct feed_batch {
  sla_writer writer;
  std::vector<feed_line> lines;  // parsed; lines the gateway could not read are not here
};
struct feed_result {
  std::size_t line = 0;
  std::string status;   // "created", "updated", "duplicate", "rejected"
  std::string item;     // "outage/17" when one was made or changed
  std::string error;    // why it was rejected
  friend bool operator==(const feed_result&, const feed_result&) = default;
};
struct feed_results {
  std::vector<feed_result> results;
};

// Customers. → customer_import_receipt
struct import_customers {
  sla_writer writer;
  std::vector<domain::sla::customer> rows;
};
struct customer_import_receipt {
  domain::sla::customer_import_summary summary;
  std::uint64_t seq = 0;
  bool replayed = false;
};
// → customer_view (not_found when unknown)
struct get_customer {
  std::string id;
};
struct customer_view {
  domain::sla::customer customer;
  std::vector<domain::sla::message_status> notifications;  // oldest first
};
// → domain::sla::customer_page
struct list_customers {
  domain::sla::customer_filter filter;
};
// → notification_list
struct list_notifications {
  std::optional<domain::sla::delivery_state> state;  // nullopt: every state
  std::string cause;                                  // "" or "outage/17"
  std::size_t limit = 100;
};
struct notification_list {
  std::vector<domain::sla::message_status> items;
  std::size_t pending = 0;  // in the whole outbox
};

// Reads. → sla_item (not_found when unknown)
struct get_item {
  std::string kind;  // "outage", "planned", "complaint", "callback", "analysis"
  std::uint64_t id = 0;
};
// → item_list
struct list_items {
  std::string kind;
  bool open_only = false;
  std::uint64_t after = 0;
  std::size_t limit = 100;
};
// → open_work: a department's clocks not completed, most urgent first,
// with its open analyses and the warnings and breaches it was sent: the
// department's inbox of SLA notices.
struct list_open_work {
  std::optional<domain::department> department;
};
// → breach_list
struct list_breaches {
  std::optional<domain::department> department;
  std::optional<domain::month> period;
};
// → sla_figures
struct get_figures {
  std::optional<domain::month> period;
};

using sla_request =
    std::variant<report_outage, update_outage, record_crew_arrival, restore_outage, notify_customers,
                 notice_planned_outage, register_complaint, forward_complaint, acknowledge_complaint,
                 resolve_complaint, attempt_callback, close_analysis, feed_batch, import_customers, get_customer,
                 list_customers, list_notifications, get_item, list_items, list_open_work, list_breaches, get_figures>;

// One item with its clocks; `created` for the write that made it (201),
// `changed` false for a repeat that logged nothing.
struct sla_item {
  std::string item;  // "outage/17"
  std::variant<domain::sla::outage, domain::sla::planned_notice, domain::sla::complaint, domain::sla::callback,
               domain::sla::analysis>
      record;
  std::vector<domain::sla::work_clock> clocks;
  bool created = false;
  bool changed = true;
  domain::year_list uncovered_years;  // of its deadlines in working days (domain::sla::uncovered_years)
};
struct item_list {
  std::vector<sla_item> items;
  std::uint64_t next_after = 0;
  bool end = true;
};
struct open_line {
  domain::sla::work_clock clock;
  std::chrono::microseconds remaining{};
  unsigned elapsed_percent = 0;
};
struct open_work {
  domain::time_point as_of{};
  std::vector<open_line> steps;
  std::vector<domain::sla::analysis> analyses;  // open, of the department (or all)
  std::vector<domain::sla::clock_signal> notices;  // its warnings and breaches, newest first (at most 100)
  domain::year_list uncovered_years;  // of the steps' deadlines in working days
};
struct breach_list {
  std::vector<domain::sla::clock_signal> breaches;
};
struct sla_figures {
  std::vector<domain::sla::breach_count> breaches;
  std::vector<domain::sla::callback_rate> callbacks;
};

using sla_answer = std::variant<sla_item, item_list, open_work, breach_list, sla_figures, feed_results,
                                customer_import_receipt, customer_view, domain::sla::customer_page,
                                notification_list>;

}  // namespace gridcoord::actors
