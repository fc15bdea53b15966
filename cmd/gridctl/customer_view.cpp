#include "cmd/gridctl/customer_view.hpp"
#include "cmd/gridctl/view_support.hpp"

#include <string>

#include <boost/json/array.hpp>

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

}  // namespace

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
