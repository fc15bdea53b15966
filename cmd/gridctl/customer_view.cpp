#include "cmd/gridctl/customer_view.hpp"
#include "cmd/gridctl/view_support.hpp"

#include <string>

#include <boost/json/array.hpp>
#include <fmt/format.h>

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

// "sms +8613800000000, email duty@hospital.cn".
std::string contacts_text(const json::value* contacts) {
  std::string out;
  if (!contacts || !contacts->is_array()) return out;
  for (const auto& c : contacts->get_array()) {
    const auto* o = c.if_object();
    const auto* channel = o ? o->if_contains("channel") : nullptr;
    const auto* address = o ? o->if_contains("address") : nullptr;
    if (!channel || !channel->is_string() || !address || !address->is_string()) continue;
    out += (out.empty() ? "" : ", ") + std::string(channel->get_string()) + " " + std::string(address->get_string());
  }
  return out;
}

// "2", "3, too long", or "-" for a message that is not an SMS.
json::value segments_text(const json::object& n) {
  const auto* segments = n.if_contains("segments");
  if (!segments || !segments->is_number()) return nullptr;
  auto count = segments->to_number<double>();
  if (count == 0) return "-";
  const auto* too_long = n.if_contains("too_long");
  bool over = too_long && too_long->is_bool() && too_long->get_bool();
  return json::string(fmt::format("{}{}", count, over ? ", too long" : ""));
}

json::object notification_line(const json::object& n, bool with_customer, const view_context& vc) {
  json::object line{{"message_id", field_or_null(n, "message_id")}};
  if (with_customer) line["customer_id"] = field_or_null(n, "customer_id");
  for (auto key : {"kind", "channel", "state", "attempts"}) line[key] = field_or_null(n, key);
  line["segments"] = segments_text(n);
  line["last_error"] = field_or_null(n, "last_error");
  for (auto key : {"next_at", "ended_at", "enqueued_at"}) line[key] = time_for_people(n.if_contains(key), vc);
  return line;
}

// Each notification's text under its message id into `out`, and its line into the table.
json::array notification_lines(const json::array& list, bool with_customer, const view_context& vc,
                               json::object& out) {
  json::array lines;
  for (const auto& v : list) {
    const auto* n = v.if_object();
    if (!n) continue;
    const auto* id = n->if_contains("message_id");
    if (id && id->is_string()) out[id->get_string()] = field_or_null(*n, "text");
    lines.push_back(notification_line(*n, with_customer, vc));
  }
  return lines;
}

const json::array* array_at(const json::value& answer, std::string_view key) {
  const auto* o = answer.if_object();
  const auto* v = o ? o->if_contains(key) : nullptr;
  return v && v->is_array() ? &v->get_array() : nullptr;
}

}  // namespace

json::value customer_for_people(const json::value& answer, const view_context& vc) {
  const auto* list = array_at(answer, "notifications");
  const auto& o = answer.get_object();
  if (!list || !o.contains("id")) return answer;
  json::object out;
  for (const auto& kv : o) {
    if (kv.key() == "notifications") continue;
    out[kv.key()] = kv.key() == "contacts" ? json::value(json::string(contacts_text(&kv.value()))) : kv.value();
  }
  auto lines = notification_lines(*list, false, vc, out);
  out["notifications"] = std::move(lines);
  return out;
}

json::value notifications_for_people(const json::value& answer, const view_context& vc) {
  const auto* list = array_at(answer, "notifications");
  if (!list) return answer;
  json::object out;
  for (const auto& kv : answer.get_object())
    if (kv.key() != "notifications") out[kv.key()] = kv.value();
  auto lines = notification_lines(*list, true, vc, out);
  out["notifications"] = std::move(lines);
  return out;
}

json::value customers_for_people(const json::value& answer) {
  const auto* o = answer.if_object();
  const auto* list = o ? o->if_contains("customers") : nullptr;
  if (!list || !list->is_array()) return answer;
  json::array lines;
  for (const auto& c : list->get_array()) {
    const auto* customer = c.if_object();
    if (!customer) continue;
    json::object line;
    for (auto key : {"id", "name", "tier", "connection_point"}) line[key] = field_or_null(*customer, key);
    line["contacts"] = contacts_text(customer->if_contains("contacts"));
    for (auto key : {"version", "changed_seq"}) line[key] = field_or_null(*customer, key);
    lines.push_back(std::move(line));
  }
  json::object out;
  for (const auto& kv : *o)
    if (kv.key() != "customers") out[kv.key()] = kv.value();
  out["customers"] = std::move(lines);
  return out;
}

}  // namespace gridcoord::gridctl
