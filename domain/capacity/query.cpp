// domain/capacity/query.cpp — the formulas of types.hpp for one element and
// one path: limit, projected peak, headroom, the binding constraint, status.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "domain/capacity/detail/state.hpp"

namespace gridcoord::domain::capacity {

using detail::npos;

using detail::amount;

std::string detail::amount(double x) {
  auto s = fmt::format("{:.1f}", x);
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

namespace {

const detail::measurement* measurement_for(const std::array<detail::measurement, 2>& s, detail::mon m) {
  for (const auto& x : s) {
    if (x.period != 0 && x.period <= m) return &x;
  }
  return nullptr;
}

}  // namespace

const load_standard& model::impl::standard(equipment_kind k, month m) const {
  const auto& c = catalogue[static_cast<std::size_t>(k)];
  auto it = std::upper_bound(c.begin(), c.end(), m, [](month x, const auto& s) { return x < s.effective_from; });
  if (it == c.begin()) return defaults[static_cast<std::size_t>(k)];
  return *std::prev(it);
}

double model::impl::factor_of(const detail::load& l, detail::sources* used) const {
  if (l.demand_factor > 0) return l.demand_factor;
  const auto& s = standard(kind[l.point_idx], detail::unpack(l.from));
  if (used && s.source) used->insert(*s.source);
  return s.demand_factor;
}

detail::eval model::impl::evaluate(std::uint32_t e, month m, detail::sources* used) const {
  detail::eval v;
  detail::mon at = detail::pack(m);
  v.in_force = &standard(kind[e], m);
  if (used && v.in_force->source) used->insert(*v.in_force->source);
  v.rating = rating[e];
  const detail::side* sd = side_of[e] == npos ? nullptr : &sides[side_of[e]];
  if (sd) {
    for (const auto& r : sd->ratings) {
      if (r.from > at) break;
      v.rating = r.rating_kva;
      if (used && m2) used->insert(m2->ref);
    }
  }
  v.limit = v.rating * v.in_force->planning_limit_pct / 100;
  if (const auto* x = measurement_for(meas[e], at)) {
    v.measured = x->period;
    v.peak = x->peak_kva;
    const auto& cs = standard(kind[e], detail::unpack(x->period));
    v.cls = classify(x->load_rate_pct, x->hours_heavy_h, x->hours_overload_h, cs);
    if (used) {
      used->insert(report_ref{"load_statistics", detail::unpack(x->period), m4_versions.at(detail::unpack(x->period))});
      if (cs.source) used->insert(*cs.source);
    }
  }
  if (sd) {
    for (std::uint32_t load_id : sd->loads) {
      const auto& l = loads[load_id];
      if (l.from <= v.measured || l.from > at) continue;
      v.committed += l.load_kva * factor_of(l, used);
      if (used && l.from_report == detail::origin::m1 && m1) used->insert(m1->ref);
      if (used && l.from_report == detail::origin::m2 && m2) used->insert(m2->ref);
    }
  }
  v.projected = v.peak + v.committed;
  v.headroom = v.limit - v.projected;
  v.rate = v.rating > 0 ? v.projected / v.rating * 100 : 0;
  return v;
}

element_capacity model::impl::element(std::uint32_t e, month, const detail::eval& v) const {
  element_capacity out;
  out.id = std::string(id(e));
  out.kind = kind[e];
  out.region = regions[region[e]];
  out.rating_kva = v.rating;
  out.planning_limit_pct = v.in_force->planning_limit_pct;
  out.limit_kva = v.limit;
  if (v.measured != 0) out.measured_month = detail::unpack(v.measured);
  out.measured_peak_kva = v.peak;
  out.committed_kva = v.committed;
  out.projected_peak_kva = v.projected;
  out.headroom_kva = v.headroom;
  out.projected_load_rate_pct = v.rate;
  out.heavy_load_pct = v.in_force->heavy_load_pct;
  out.latest_class = v.cls;
  return out;
}

// The path from `point` up; the binding element is the nearest on a tie.
detail::verdict model::impl::judge(std::uint32_t point, month m, std::vector<detail::eval>* path,
                                   detail::sources* used) const {
  detail::verdict out;
  std::uint32_t overloaded = npos, heavy = npos;
  int depth = 0;
  for (std::uint32_t e = point; e != npos && depth < detail::max_depth; e = parent[e], ++depth) {
    auto v = evaluate(e, m, used);
    if (out.binding == npos || v.headroom < out.available) {
      out.binding = e;
      out.available = v.headroom;
    }
    if (overloaded == npos && v.cls == load_class::overload) overloaded = e;
    if (heavy == npos && v.rate > v.in_force->heavy_load_pct) heavy = e;
    if (path) path->push_back(v);
  }
  if (out.available <= cfg.minimum_available_kva) {
    out = {light::red, detail::cause::headroom, out.binding, out.binding, out.available};
  } else if (overloaded != npos) {
    out = {light::red, detail::cause::overload, overloaded, out.binding, out.available};
  } else if (heavy != npos) {
    out = {light::amber, detail::cause::heavy, heavy, out.binding, out.available};
  }
  return out;
}

std::string model::impl::reason(const detail::verdict& v, month m) const {
  if (v.why == detail::cause::none) return {};
  auto e = evaluate(v.cause_idx, m, nullptr);
  std::string who(id(v.cause_idx));
  switch (v.why) {
    case detail::cause::headroom:
      return fmt::format("{} has {} kVA of headroom in {}, at or below the {} kVA minimum", who, amount(e.headroom),
                         to_string(m), amount(cfg.minimum_available_kva));
    case detail::cause::overload:
      return fmt::format("{} was overloaded in {} (M4)", who, to_string(detail::unpack(e.measured)));
    case detail::cause::heavy:
      return fmt::format("{} is projected at {} % of its rating in {}, above its {} % heavy-load threshold", who,
                         amount(e.rate), to_string(m), amount(e.in_force->heavy_load_pct));
    case detail::cause::none: break;
  }
  return {};
}

point_capacity model::impl::capacity(std::uint32_t point, month m) const {
  std::vector<detail::eval> path;
  detail::sources used;
  auto v = judge(point, m, &path, &used);
  point_capacity out;
  out.point = std::string(id(point));
  out.period = m;
  out.available_kva = v.available;
  out.binding = std::string(id(v.binding));
  out.status = v.status;
  out.reason = reason(v, m);
  std::uint32_t e = point;
  for (const auto& x : path) {
    out.path.push_back(element(e, m, x));
    if (x.measured != 0) out.as_of = std::max(out.as_of.value_or(detail::unpack(x.measured)), detail::unpack(x.measured));
    e = parent[e];
  }
  out.sources.assign(used.begin(), used.end());
  return out;
}

std::vector<committed_load> model::impl::committed(std::uint32_t e, month m) const {
  std::vector<committed_load> out;
  if (side_of[e] == npos) return out;
  detail::mon at = detail::pack(m);
  detail::mon measured = 0;
  if (const auto* x = measurement_for(meas[e], at)) measured = x->period;
  for (std::uint32_t load_id : sides[side_of[e]].loads) {
    const auto& l = loads[load_id];
    if (l.from <= measured || l.from > at) continue;
    out.push_back({l.source, l.ref, l.point, detail::unpack(l.from), l.load_kva, factor_of(l, nullptr)});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.from, a.source, a.ref, a.point) < std::tie(b.from, b.source, b.ref, b.point);
  });
  return out;
}

// The first month after `m` in the horizon that is not red.
std::optional<month> model::impl::relief(std::uint32_t point, month m) const {
  for (int k = 1; k < cfg.horizon_months; ++k) {
    month later = m + std::chrono::months{k};
    if (judge(point, later, nullptr, nullptr).status != light::red) return later;
  }
  return std::nullopt;
}

}  // namespace gridcoord::domain::capacity
