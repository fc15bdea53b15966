#include "actors/detail/sla_notices.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "actors/detail/sla_command_support.hpp"
#include "domain/json.hpp"

namespace gridcoord::actors::detail {

namespace sla = domain::sla;
namespace json = boost::json;

namespace {

constexpr int max_tree_depth = 8;  // the tree has four levels; a guard against a loop

// The outage's equipment at or above `point`; its first equipment when none is.
std::string outage_equipment_above(const sla_context& c, const sla::outage& o, std::string point) {
  const auto& ids = o.report.equipment;
  for (int depth = 0; depth < max_tree_depth && !point.empty(); ++depth) {
    if (std::find(ids.begin(), ids.end(), point) != ids.end()) return point;
    auto e = c.equipment.find(point);
    point = e ? e->parent : std::string();
  }
  return ids.empty() ? std::string() : ids.front();
}

std::string details_of(const sla::outage& o) {
  json::object details;
  details["outage"] = o.id;
  json::array eq;
  for (const auto& id : o.report.equipment) eq.emplace_back(id);
  details["equipment"] = std::move(eq);
  details["started_at"] = domain::format_rfc3339(o.report.started_at);
  if (o.etr) details["etr"] = domain::format_rfc3339(*o.etr);
  if (o.restored_at) details["restored_at"] = domain::format_rfc3339(*o.restored_at);
  return domain::to_text(details);
}

}  // namespace

sla::message_values message_values_of(const sla_context& c, const sla::outage& o, const sla::customer& to) {
  sla::message_values v;
  v.customer_name = to.name;
  v.equipment_name = outage_equipment_above(c, o, to.connection_point);
  if (auto e = c.equipment.find(v.equipment_name)) {
    v.kind = e->kind;
    v.region = e->region;
  }
  v.cause = o.cause;
  v.started_at = o.report.started_at;
  v.etr = o.etr;
  v.restored_at = o.restored_at;
  return v;
}

std::vector<storage::event_draft> outage_notices(const sla_context& c, const sla_writer& w, const sla::outage& o,
                                                 const std::vector<const sla::customer*>& to,
                                                 sla::notification_kind kind, const std::string& cause) {
  std::vector<storage::event_draft> out;
  auto details = details_of(o);
  for (const auto* customer : to) {
    sla::notification n;
    n.message_id = sla::message_id(cause, customer->id, kind);
    n.customer_id = customer->id;
    n.channel = customer->contacts.front().channel;
    n.address = customer->contacts.front().address;
    n.kind = kind;
    n.cause = cause;
    auto written = sla::write_message(c.messages, sla::message_kind_of(kind), n.channel,
                                      message_values_of(c, o, *customer), c.zone);
    n.text = std::move(written.text);
    n.language = std::string(domain::to_string(written.language));
    n.segments = written.segments;
    n.too_long = written.too_long;
    n.details = details;
    n.enqueued_at = c.now;
    out.push_back(item_event(c, w, sla::notification_stream(n.message_id), sla::notification_enqueued_type,
                             sla::encode(n)));
  }
  return out;
}

}  // namespace gridcoord::actors::detail
