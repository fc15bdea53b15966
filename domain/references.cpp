#include "domain/references.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "domain/report.hpp"

namespace gridcoord::domain {

namespace json = boost::json;

namespace {

bool condition_holds(const field_spec& f, const json::object& row) {
  if (f.references_when.size() != 2) return true;
  const auto* v = row.if_contains(f.references_when[0]);
  return v && v->is_string() && v->get_string() == f.references_when[1];
}

// The field of `kind` that carries the class of the equipment a row names.
constexpr std::string_view class_field = "equipment_class";

void check_value(const field_spec& f, std::string_view value, std::size_t n, const json::object& row,
                 const equipment_registry& registry, std::vector<issue>& out) {
  auto kind = registry.kind_of(value);
  if (!kind) {
    out.push_back({rule::unknown_equipment, n, f.name, std::string(value),
                   fmt::format("no equipment {} in the registry", value)});
    return;
  }
  if (f.references == reference::feeder && *kind != equipment_kind::feeder) {
    out.push_back({rule::wrong_equipment_kind, n, f.name, std::string(value),
                   fmt::format("{} is a {}, not a feeder", value, to_string(*kind))});
    return;
  }
  const auto* given = row.if_contains(class_field);
  if (f.references == reference::equipment && given && given->is_string() && !given->get_string().empty() &&
      given->get_string() != to_string(*kind))
    out.push_back({rule::wrong_equipment_kind, n, std::string(class_field), std::string(given->get_string()),
                   fmt::format("{} is registered as a {}, not a {}", value, to_string(*kind),
                               std::string_view(given->get_string()))});
}

// A field referenced only under another action (M2's equipment_id, checked
// when uprated) names equipment still to be built when the action is "new".
void check_new(const field_spec& f, std::string_view value, std::size_t n, const json::object& row,
               const equipment_registry& registry, std::vector<issue>& out) {
  if (f.references_when.size() != 2) return;
  const auto* action = row.if_contains(f.references_when[0]);
  if (!action || !action->is_string() || action->get_string() != "new" || !registry.contains(value)) return;
  out.push_back({rule::already_registered, n, f.name, std::string(value),
                 fmt::format("{} is already registered: use {} {}", value, f.references_when[0],
                             f.references_when[1])});
}

}  // namespace

std::vector<issue> check_references(const report_kind& kind, const json::value& body,
                                    const equipment_registry& registry) {
  std::vector<issue> out;
  if (registry.empty() || !body.is_object()) return out;
  const auto* rows = body.get_object().if_contains("rows");
  if (!rows || !rows->is_array()) return out;
  const auto& arr = rows->get_array();
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const auto* obj = arr[i].if_object();
    if (!obj) continue;
    for (const auto& f : kind.fields) {
      if (f.references == reference::none) continue;
      const auto* v = obj->if_contains(f.name);
      if (!v || !v->is_string() || v->get_string().empty()) continue;
      if (condition_holds(f, *obj)) check_value(f, v->get_string(), i + 1, *obj, registry, out);
      else check_new(f, v->get_string(), i + 1, *obj, registry, out);
    }
  }
  return out;
}

expected<std::vector<row>> parse_checked_rows(const report_kind& kind, month period, const json::value& body,
                                              const equipment_registry& registry) {
  auto rows = parse_rows(kind, period, body);
  if (!rows && rows.error().code != errc::validation_failed) return rows;
  auto refs = check_references(kind, body, registry);
  if (refs.empty()) return rows;
  std::vector<issue> issues = rows ? std::vector<issue>{} : rows.error().details;
  issues.insert(issues.end(), refs.begin(), refs.end());
  std::stable_sort(issues.begin(), issues.end(),
                   [](const issue& a, const issue& b) { return a.row.value_or(0) < b.row.value_or(0); });
  auto message = fmt::format("{} problem(s) in the {} report; nothing was stored", issues.size(), kind.id);
  return fail(errc::validation_failed, std::move(message), std::move(issues));
}

}  // namespace gridcoord::domain
