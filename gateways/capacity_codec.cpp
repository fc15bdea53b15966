#include "gateways/capacity_codec.hpp"

#include <cmath>

#include <boost/json.hpp>

namespace gridcoord::domain::capacity {

namespace json = boost::json;

namespace {

json::value month_or_null(const std::optional<month>& m) {
  return m ? json::value(to_string(*m)) : json::value(nullptr);
}

// A computed figure to two decimals (kVA, %): 79.68, not 79.67999999999999.
double shown(double x) { return std::round(x * 100) / 100; }

}  // namespace

void tag_invoke(const json::value_from_tag&, json::value& jv, const report_ref& r) {
  jv = {{"kind", r.kind}, {"month", to_string(r.period)}, {"version", r.version}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const committed_load& l) {
  jv = {{"source", to_string(l.source)}, {"ref", l.ref},           {"point", l.point},
        {"month", to_string(l.from)},    {"load_kva", l.load_kva}, {"demand_factor", l.demand_factor},
        {"counted_kva", shown(l.counted_kva())}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const element_capacity& e) {
  jv = {{"id", e.id},
        {"kind", domain::to_string(e.kind)},
        {"region", e.region},
        {"rating_kva", e.rating_kva},
        {"planning_limit_pct", e.planning_limit_pct},
        {"limit_kva", shown(e.limit_kva)},
        {"measured_month", month_or_null(e.measured_month)},
        {"measured_peak_kva", e.measured_peak_kva},
        {"committed_kva", shown(e.committed_kva)},
        {"projected_peak_kva", shown(e.projected_peak_kva)},
        {"headroom_kva", shown(e.headroom_kva)},
        {"projected_load_rate_pct", shown(e.projected_load_rate_pct)},
        {"heavy_load_pct", e.heavy_load_pct},
        {"latest_class", e.latest_class ? json::value(to_string(*e.latest_class)) : json::value(nullptr)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const point_capacity& c) {
  jv = {{"point", c.point},
        {"month", to_string(c.period)},
        {"available_kva", shown(c.available_kva)},
        {"binding", c.binding},
        {"status", to_string(c.status)},
        {"reason", c.reason},
        {"as_of", month_or_null(c.as_of)},
        {"path", json::value_from(c.path)},
        {"sources", json::value_from(c.sources)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const precheck_result& r) {
  jv = {{"fits", r.fits},
        {"decision", r.fits ? "yes" : "no"},
        {"point", r.capacity.point},
        {"month", to_string(r.capacity.period)},
        {"load_kva", r.load_kva},
        {"demand_factor", r.demand_factor},
        {"counted_kva", shown(r.counted_kva)},
        {"available_kva", shown(r.capacity.available_kva)},
        {"binding", r.capacity.binding},
        {"status", to_string(r.capacity.status)},
        {"reason", r.reason},
        {"committed_on_binding", json::value_from(r.committed_on_binding)},
        {"relief_month", month_or_null(r.relief)},
        {"capacity", json::value_from(r.capacity)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const constrained_point& p) {
  jv = {{"point", p.point},
        {"kind", domain::to_string(p.kind)},
        {"region", p.region},
        {"area_class", domain::to_string(p.area)},
        {"available_kva", shown(p.available_kva)},
        {"binding", p.binding},
        {"status", to_string(p.status)},
        {"reason", p.reason},
        {"relief_month", month_or_null(p.relief)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const constrained_page& p) {
  jv = {{"items", json::value_from(p.items)},
        {"next_after", p.end ? json::value(nullptr) : json::value(p.next_after)},
        {"as_of", month_or_null(p.as_of)}};
}

void tag_invoke(const json::value_from_tag&, json::value& jv, const region_heat& h) {
  jv = {{"region", h.region},
        {"green", h.green},
        {"amber", h.amber},
        {"red", h.red},
        {"least_available_kva", shown(h.least_available_kva)},
        {"least_available_point", h.least_available_point}};
}

}  // namespace gridcoord::domain::capacity

namespace gridcoord::actors {

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& jv, const application_outcome& o) {
  namespace json = boost::json;
  json::object out;
  out["application"] = domain::capacity::to_json(o.application);
  out["changed"] = o.changed;
  out["precheck"] = o.precheck ? json::value_from(*o.precheck) : json::value(nullptr);
  if (o.finding_version || !o.finding_error.empty())
    out["finding"] = o.finding_version
                         ? json::value{{"kind", "connection_restrictions"}, {"version", *o.finding_version}}
                         : json::value{{"error", o.finding_error}};
  else out["finding"] = nullptr;
  jv = std::move(out);
}

}  // namespace gridcoord::actors
