#include "cmd/gridctl/catalogue_view.hpp"
#include "cmd/gridctl/view_support.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "domain/json.hpp"

namespace gridcoord::gridctl {

namespace json = boost::json;

namespace {

const json::value* field(const json::object& o, std::string_view key) { return o.if_contains(key); }

// "> 0", "0 to 100", "≥ 0", "> 0, ≤ 744", "≤ 200 characters": a field's
// bounds in one cell.
std::string bounds_text(const json::object& f) {
  auto number = [&](std::string_view key) -> std::string {
    const auto* v = field(f, key);
    return v && v->is_number() ? domain::to_text(*v) : "";
  };
  auto min = number("min"), max = number("max");
  const auto* positive = field(f, "positive");
  std::vector<std::string> parts;
  if (positive && positive->is_bool() && positive->get_bool()) parts.push_back("> 0");
  if (!min.empty() && !max.empty()) parts.push_back(min + " to " + max);
  else if (!min.empty()) parts.push_back("≥ " + min);
  else if (!max.empty()) parts.push_back("≤ " + max);
  if (auto chars = number("max_chars"); !chars.empty()) parts.push_back("≤ " + chars + " characters");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

json::object kind_line(const json::object& k) {
  const auto* fields = field(k, "fields");
  return {{"flow", field_or_null(k, "flow")},
          {"id", field_or_null(k, "id")},
          {"sender", field_or_null(k, "sender")},
          {"recipients", field_or_null(k, "recipients")},
          {"fields", fields && fields->is_array() ? json::value(fields->get_array().size()) : nullptr},
          {"title", field_or_null(k, "title")}};
}

json::object field_line(const json::object& f) {
  const auto* required = field(f, "required");
  return {{"name", field_or_null(f, "name")},
          {"label", field_or_null(f, "label")},
          {"type", field_or_null(f, "type")},
          {"required", required && required->is_bool() && required->get_bool() ? "yes" : ""},
          {"bounds", bounds_text(f)},
          {"description", field_or_null(f, "description")}};
}

// The allowed values of a choice field, "" for other fields.
std::string allowed_text(const json::object& f) {
  std::string out;
  if (const auto* allowed = field(f, "allowed"); allowed && allowed->is_array())
    for (const auto& a : allowed->get_array())
      if (a.is_string()) out += (out.empty() ? "" : ", ") + std::string(a.get_string());
  return out;
}

json::object one_kind(const json::object& k) {
  json::object out;
  for (auto key : {"id", "flow", "title", "sender", "recipients", "key"}) out[key] = field_or_null(k, key);
  if (const auto* rules = field(k, "rules"); rules && rules->is_array()) {
    std::size_t n = 0;
    for (const auto& r : rules->get_array()) {
      const auto* text = r.is_object() ? field(r.get_object(), "description") : nullptr;
      out[fmt::format("rule {}", ++n)] = text ? *text : r;
    }
  }
  json::array fields;
  if (const auto* list = field(k, "fields"); list && list->is_array())
    for (const auto& f : list->get_array()) {
      if (!f.is_object()) continue;
      fields.push_back(field_line(f.get_object()));
      auto allowed = allowed_text(f.get_object());
      const auto* name = field(f.get_object(), "name");
      if (!allowed.empty() && name && name->is_string())
        out[fmt::format("{} values", std::string_view(name->get_string()))] = allowed;
    }
  out["fields"] = std::move(fields);
  return out;
}

}  // namespace

json::value report_kinds_for_people(const json::value& answer) {
  const auto* o = answer.if_object();
  if (!o) return answer;
  if (const auto* kinds = field(*o, "kinds"); kinds && kinds->is_array()) {
    json::array lines;
    for (const auto& k : kinds->get_array())
      if (k.is_object()) lines.push_back(kind_line(k.get_object()));
    return json::object{{"kinds", std::move(lines)}};
  }
  if (field(*o, "fields")) return one_kind(*o);
  return answer;
}

}  // namespace gridcoord::gridctl
