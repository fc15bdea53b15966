#include "cmd/gridctl/local_times.hpp"

#include <optional>
#include <string_view>

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

// The time a string holds, if any. Strings that cannot be one (by length and
// the places of '-' and 'T') are not parsed: an answer has many strings.
std::optional<domain::time_point> time_of(const json::value& v) {
  if (!v.is_string()) return std::nullopt;
  std::string_view s = v.get_string();
  if (s.size() < 20 || s.size() > 35 || s[4] != '-' || s[7] != '-' || s[10] != 'T') return std::nullopt;
  return domain::parse_rfc3339(s);
}

}  // namespace

bool is_time_text(const json::value& v) { return time_of(v).has_value(); }

bool holds_times(const json::value& v) {
  if (v.is_object()) {
    for (const auto& kv : v.get_object())
      if (holds_times(kv.value())) return true;
    return false;
  }
  if (v.is_array()) {
    for (const auto& e : v.get_array())
      if (holds_times(e)) return true;
    return false;
  }
  return is_time_text(v);
}

json::value time_for_people(const json::value* v, const view_context& vc, domain::time_detail detail) {
  if (!v) return nullptr;
  auto t = time_of(*v);
  if (!t) return *v;
  return json::string(domain::format_local(*t, vc.zone, detail));
}

json::value localize_times(json::value v, const view_context& vc, domain::time_detail detail) {
  if (v.is_object()) {
    for (auto& kv : v.get_object()) kv.value() = localize_times(std::move(kv.value()), vc, detail);
  } else if (v.is_array()) {
    for (auto& e : v.get_array()) e = localize_times(std::move(e), vc, detail);
  } else if (is_time_text(v)) {
    return time_for_people(&v, vc, detail);
  }
  return v;
}

namespace {

// "张敏 (tk_…)" for an event whose origin names its person; its actor as it is otherwise.
void name_the_person(json::object& event) {
  const auto* origin = event.if_contains("origin");
  const auto* person = origin && origin->is_object() ? origin->get_object().if_contains("person") : nullptr;
  auto* actor = event.if_contains("actor");
  if (!person || !person->is_string() || person->get_string().empty() || !actor || !actor->is_string()) return;
  *actor = json::string(std::string(person->get_string()) + " (" + std::string(actor->get_string()) + ")");
}

}  // namespace

json::value event_log_for_people(const json::value& answer, const view_context& vc) {
  auto out = localize_times(answer, vc, domain::time_detail::seconds);
  auto* events = out.is_object() ? out.get_object().if_contains("events") : nullptr;
  if (events && events->is_array())
    for (auto& e : events->get_array())
      if (e.is_object()) name_the_person(e.get_object());
  return out;
}

}  // namespace gridcoord::gridctl
