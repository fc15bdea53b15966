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

void check_value(const field_spec& f, std::string_view value, std::size_t n, const equipment_registry& registry,
                 std::vector<issue>& out) {
  const auto* e = registry.find(value);
  if (!e)
    out.push_back({n, f.name, std::string(value), fmt::format("no equipment {} in the registry", value)});
  else if (f.references == reference::feeder && e->kind != equipment_kind::feeder)
    out.push_back({n, f.name, std::string(value),
                   fmt::format("{} is a {}, not a feeder", value, to_string(e->kind))});
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
      if (f.references == reference::none || !condition_holds(f, *obj)) continue;
      const auto* v = obj->if_contains(f.name);
      if (v && v->is_string() && !v->get_string().empty()) check_value(f, v->get_string(), i + 1, registry, out);
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
