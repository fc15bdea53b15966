// The SLA commands of complaints (E6–E8), callbacks (E9), analyses and the
// outage-system feed (actors/detail/sla_commands.hpp).
#include <boost/json.hpp>

#include "actors/detail/sla_command_support.hpp"
#include "domain/json.hpp"

namespace gridcoord::actors::detail {

namespace sla = domain::sla;

namespace {

constexpr std::string_view complaint_kind = "complaint";
constexpr std::string_view callback_kind = "callback";
constexpr std::string_view analysis_kind = "analysis";

domain::expected<const sla::complaint*> find_complaint(const sla_context& c, std::uint64_t id) {
  const auto* found = c.book.find_complaint(id);
  if (!found) return no_such(complaint_kind, id);
  return found;
}

// The department a complaint waits for, or a conflict naming it.
domain::status routed_to(const sla::complaint& k, domain::department d, std::string_view item) {
  if (k.state == sla::complaint_state::registered)
    return not_now(fmt::format("{} has not been forwarded yet", item));
  if (k.state == sla::complaint_state::resolved) return not_now(fmt::format("{} is resolved", item));
  if (k.responsible != d)
    return not_now(fmt::format("{} is routed to {}, not to {}", item, domain::to_string(k.responsible),
                               domain::to_string(d)));
  return {};
}

}  // namespace

domain::expected<sla_decision> decide(const sla_context& c, const register_complaint& r) {
  std::vector<domain::issue> issues;
  if (!r.customer_id.empty() && !c.customers.find(r.customer_id))
    issues.push_back({domain::rule::unknown_customer, std::nullopt, "customer_id", r.customer_id,
                      "no customer of that id is registered"});
  if (r.customer_id.empty() && r.customer_name.empty())
    issues.push_back({domain::rule::at_least_one_of, std::nullopt, "customer_name", "",
                      "give a customer_id or the customer's name"});
  if (r.text.empty())
    issues.push_back({domain::rule::required, std::nullopt, "text", "", "say what the customer asks or complains of"});
  if (!issues.empty()) return invalid(std::move(issues));
  sla::complaint_registered e{c.book.next_complaint(), r.category, r.customer_id, r.customer_name, r.contact,
                              r.text, r.writer.by, {c.plan.forward(c.now)}};
  if (e.customer_name.empty()) e.customer_name = c.customers.find(r.customer_id)->name;
  auto item = sla::item_name(complaint_kind, e.id);
  return sla_decision{{item_event(c, r.writer, item, sla::complaint_registered_type, sla::encode(e))}, item, true,
                      true};
}

domain::expected<sla_decision> decide(const sla_context& c, const forward_complaint& r) {
  auto found = find_complaint(c, r.id);
  if (!found) return unexpected{found.error()};
  const auto& k = **found;
  auto item = sla::item_name(complaint_kind, k.id);
  if (k.state != sla::complaint_state::registered) return repeat(item);
  auto to = sla::routed_to(k.registration.category);
  sla::complaint_forwarded e{k.id, to, r.writer.by,
                             {c.plan.handling(k.registration.category, to, c.now, k.round)}};
  return sla_decision{{item_event(c, r.writer, item, sla::complaint_forwarded_type, sla::encode(e))}, item, false,
                      true};
}

domain::expected<sla_decision> decide(const sla_context& c, const acknowledge_complaint& r) {
  auto found = find_complaint(c, r.id);
  if (!found) return unexpected{found.error()};
  const auto& k = **found;
  auto item = sla::item_name(complaint_kind, k.id);
  if (k.state == sla::complaint_state::acknowledged && k.owner == r.department) return repeat(item);
  if (auto s = routed_to(k, r.department, item); !s) return unexpected{s.error()};
  sla::complaint_acknowledged e{k.id, r.department, r.writer.by};
  return sla_decision{{item_event(c, r.writer, item, sla::complaint_acknowledged_type, sla::encode(e))}, item, false,
                      true};
}

domain::expected<sla_decision> decide(const sla_context& c, const resolve_complaint& r) {
  auto found = find_complaint(c, r.id);
  if (!found) return unexpected{found.error()};
  const auto& k = **found;
  auto item = sla::item_name(complaint_kind, k.id);
  if (auto s = routed_to(k, r.department, item); !s) return unexpected{s.error()};
  if (r.result.empty()) return invalid({{domain::rule::required, std::nullopt, "result", "", "say what was done"}});
  sla::complaint_resolved e{k.id, r.result, r.writer.by};
  sla::callback_opened cb{c.book.next_callback(), item, k.responsible,
                          k.registration.customer_id.empty() ? k.registration.customer_name : k.registration.customer_id,
                          {c.plan.callback(c.now)}};
  return sla_decision{{item_event(c, r.writer, item, sla::complaint_resolved_type, sla::encode(e)),
                       item_event(c, r.writer, sla::item_name(callback_kind, cb.id), sla::callback_opened_type,
                                  sla::encode(cb))},
                      item, false, true};
}

domain::expected<sla_decision> decide(const sla_context& c, const attempt_callback& r) {
  const auto* cb = c.book.find_callback(r.id);
  if (!cb) return no_such(callback_kind, r.id);
  auto item = sla::item_name(callback_kind, r.id);
  if (cb->completed_at) return not_now(fmt::format("{} already reached the customer", item));
  bool reached = r.outcome == sla::callback_outcome::reached;
  if (reached && (!r.satisfaction || *r.satisfaction < 1 || *r.satisfaction > 5))
    return invalid({{r.satisfaction ? domain::rule::out_of_range : domain::rule::required_when, std::nullopt,
                     "satisfaction", r.satisfaction ? std::to_string(*r.satisfaction) : "",
                     "a callback that reached the customer needs a satisfaction score from 1 to 5"}});
  sla::callback_attempted e{r.id, r.outcome, reached ? r.satisfaction : std::nullopt, reached ? r.satisfied : true,
                            r.note, r.writer.by};
  sla_decision d{{item_event(c, r.writer, item, sla::callback_attempted_type, sla::encode(e))}, item, false, true};
  constexpr std::string_view prefix = "complaint/";
  if (reached && !r.satisfied && cb->opening.cause.starts_with(prefix)) {
    auto id = std::stoull(cb->opening.cause.substr(prefix.size()));
    if (const auto* k = c.book.find_complaint(id)) {
      auto to = sla::escalated_to(k->registration.category);
      sla::complaint_escalated esc{k->id, to, r.id,
                                   {c.plan.handling(k->registration.category, to, c.now, k->round + 1)}};
      d.events.push_back(
          item_event(c, r.writer, cb->opening.cause, sla::complaint_escalated_type, sla::encode(esc)));
    }
  }
  return d;
}

domain::expected<sla_decision> decide(const sla_context& c, const close_analysis& r) {
  const auto* a = c.book.find_analysis(r.id);
  if (!a) return no_such(analysis_kind, r.id);
  auto item = sla::item_name(analysis_kind, r.id);
  if (a->closing) return not_now(fmt::format("{} was closed", item));
  if (a->opening.owner != r.department)
    return not_now(fmt::format("{} is {}'s to close", item, domain::to_string(a->opening.owner)));
  if (r.finding.empty())
    return invalid({{domain::rule::required, std::nullopt, "finding", "", "say what the analysis found"}});
  sla::analysis_closed e{r.id, r.finding, r.writer.by};
  return sla_decision{{item_event(c, r.writer, item, sla::analysis_closed_type, sla::encode(e))}, item, false, true};
}

domain::expected<sla_decision> decide(const sla_context& c, const feed_line& line, const sla_writer& writer) {
  if (auto seen = c.book.item_of_source_event(line.event_id); !seen.empty()) return repeat(seen);
  auto tag = [&](domain::expected<sla_decision> d, std::string_view type) -> domain::expected<sla_decision> {
    if (!d || !d->changed) return d;
    // The first event carries the feed's ids, so a repeat of the line is known.
    auto& first = d->events.front();
    auto v = boost::json::parse(first.payload).as_object();
    v["source_event_id"] = line.event_id;
    if (type == sla::outage_reported_type) {
      v["source"] = "feed";
      v["source_ref"] = line.outage_ref;
    }
    first.payload = domain::to_text(v);
    return d;
  };
  if (line.type == "outage.started") {
    if (c.book.outage_of_source(line.outage_ref) != 0)
      return not_now(fmt::format("the feed's outage {} was started by an earlier event", line.outage_ref));
    return tag(decide(c, report_outage{writer, line.equipment, line.at, line.description}), sla::outage_reported_type);
  }
  auto id = c.book.outage_of_source(line.outage_ref);
  if (id == 0)
    return gridcoord::unexpected<domain::error>{domain::error{
        domain::errc::not_found, fmt::format("no outage.started event came for the feed's outage {}", line.outage_ref),
        {}}};
  if (line.type == "outage.updated")
    return tag(decide(c, update_outage{writer, id, line.cause, line.equipment, line.etr}), sla::outage_updated_type);
  if (line.type == "crew.arrived")
    return tag(decide(c, record_crew_arrival{writer, id, line.at}), sla::outage_crew_arrived_type);
  if (line.type == "power.restored")
    return tag(decide(c, restore_outage{writer, id, line.at}), sla::outage_restored_type);
  return invalid({{domain::rule::not_one_of, std::nullopt, "type", line.type,
                   "is not one of outage.started, outage.updated, crew.arrived, power.restored"}});
}

}  // namespace gridcoord::actors::detail
