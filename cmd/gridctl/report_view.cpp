#include "cmd/gridctl/report_view.hpp"

#include <string>

#include <boost/json/object.hpp>

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

// A string field of `o`, or nullptr.
const json::string* string_at(const json::object* o, std::string_view key) {
  const auto* v = o ? o->if_contains(key) : nullptr;
  return v && v->is_string() ? &v->get_string() : nullptr;
}

// "王芳" when the acknowledgement names its person, else its "by" ("tk_…").
std::string acknowledger(const json::object& ack) {
  if (const auto* person = string_at(&ack, "person")) return std::string(*person);
  const auto* by = string_at(&ack, "by");
  return by ? std::string(*by) : std::string("?");
}

// "planning ✓ 王芳, dispatch open".
std::string deliveries_text(const json::array& deliveries) {
  std::string out;
  for (const auto& d : deliveries) {
    const auto* o = d.if_object();
    const auto* to = o ? o->if_contains("to") : nullptr;
    if (!to || !to->is_string()) continue;
    const auto* ack = o->if_contains("acknowledged");
    std::string state = ack && ack->is_object() ? "✓ " + acknowledger(ack->get_object()) : std::string("open");
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
    const auto* person = string_at(entry, "person");
    const auto* by = string_at(entry, "submitted_by");
    if (person && by) entry->at("submitted_by") = json::string(std::string(*person) + " (" + std::string(*by) + ")");
    if (entry) entry->erase("person");
  }
  return out;
}

}  // namespace gridcoord::gridctl
