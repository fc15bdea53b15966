#pragma once
// actors/detail/sla_commands.hpp — what each write of the SLA actor logs:
// the checks of a request against the work book, the customer registry and
// the equipment registry as they stand, and the events (with the clocks
// planned from the time limits in force) that carry it out. No CAF: the
// actor appends what these answer.
// [Threading] Pure over the context; the context is the actor's state.
// [Errors]    validation_failed naming every bad field at once; not_found for
//             an unknown item; conflict for a step the item's state does not
//             allow (restoring twice is a repeat, not a conflict: changed =
//             false and nothing to log).
#include <string>
#include <vector>

#include "actors/sla_requests.hpp"
#include "domain/equipment.hpp"
#include "domain/sla/customers.hpp"
#include "domain/sla/messages.hpp"
#include "domain/sla/plan.hpp"
#include "domain/sla/work.hpp"
#include "storage/event_store.hpp"

namespace gridcoord::actors::detail {

struct sla_context {
  const domain::sla::work_book& book;
  const domain::sla::customer_registry& customers;
  const domain::equipment_registry& equipment;
  const domain::sla::planner& plan;
  domain::time_point now{};
  const domain::sla::message_catalogue& messages;  // what customers are told
  std::string_view zone;                           // the times in it, in this zone
};

// The events to log and the item they concern ("outage/17").
struct sla_decision {
  std::vector<storage::event_draft> events;
  std::string item;
  bool created = false;
  bool changed = true;  // false: a repeat; nothing to log
};

[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const report_outage& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const update_outage& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const record_crew_arrival& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const restore_outage& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const notify_customers& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const notice_planned_outage& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const register_complaint& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const forward_complaint& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const acknowledge_complaint& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const resolve_complaint& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const attempt_callback& r);
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const close_analysis& r);

// One feed line as the request it stands for (outage.started → report_outage,
// and so on, the outage found by the source's outage id), decided. A line
// whose event id was seen before is a repeat (changed = false, the item it made).
[[nodiscard]] domain::expected<sla_decision> decide(const sla_context& c, const feed_line& line,
                                                    const sla_writer& writer);

// The signals due now, each with the analysis record a breached repair step
// opens, and the callbacks owed for energized connections (`energized`:
// application id → energized instant) that have none yet.
[[nodiscard]] std::vector<storage::event_draft> due_events(
    const sla_context& c, const std::vector<domain::sla::clock_signal>& signals,
    const std::vector<std::pair<std::string, domain::time_point>>& energized);

}  // namespace gridcoord::actors::detail
