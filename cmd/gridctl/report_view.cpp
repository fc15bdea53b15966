#include "cmd/gridctl/report_view.hpp"

#include <string>

#include <boost/json/object.hpp>

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

// "planning ✓ li.wei, dispatch open".
std::string deliveries_text(const json::array& deliveries) {
  std::string out;
  for (const auto& d : deliveries) {
    const auto* o = d.if_object();
    const auto* to = o ? o->if_contains("to") : nullptr;
    if (!to || !to->is_string()) continue;
    const auto* ack = o->if_contains("acknowledged");
    const auto* by = ack && ack->is_object() ? ack->get_object().if_contains("by") : nullptr;
    std::string state = by && by->is_string() ? "✓ " + std::string(by->get_string()) : std::string("open");
    out += (out.empty() ? "" : ", ") + std::string(to->get_string()) + " " + state;
  }
  return out;
}

}  // namespace

json::value report_for_people(const json::value& answer) {
  const auto* o = answer.if_object();
  const auto* versions = o ? o->if_contains("versions") : nullptr;
  if (!versions || !versions->is_array()) return answer;
  json::value out = answer;
  for (auto& v : out.get_object().at("versions").get_array()) {
    auto* entry = v.if_object();
    auto* deliveries = entry ? entry->if_contains("deliveries") : nullptr;
    if (deliveries && deliveries->is_array()) *deliveries = json::string(deliveries_text(deliveries->get_array()));
  }
  return out;
}

}  // namespace gridcoord::gridctl
