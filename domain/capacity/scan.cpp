// domain/capacity/scan.cpp — every point in one month: constrained() and
// heat_map(). One top-down pass per month (substations first) gives each
// element its path's least headroom, binding element, and nearest overloaded
// and heavy elements from its parent's, so a full scan costs one evaluation
// per element instead of one per path element.
#include <algorithm>

#include "domain/capacity/detail/state.hpp"

namespace gridcoord::domain::capacity {

using detail::npos;

namespace {

limit_cause public_cause(detail::cause c) noexcept {
  switch (c) {
    case detail::cause::none: return limit_cause::none;
    case detail::cause::headroom: return limit_cause::no_headroom;
    case detail::cause::overload: return limit_cause::overloaded;
    case detail::cause::heavy: return limit_cause::heavy_load;
  }
  return limit_cause::none;
}

}  // namespace

// REQUIRES: every parent is of its child's parent kind (the registry checks it).
detail::month_pass model::impl::run_pass(month mo) const {
  const auto& m = *this;
  std::size_t n = m.id_end.size();
  detail::month_pass p;
  p.available.resize(n);
  p.binding.resize(n);
  p.overloaded.resize(n);
  p.heavy.resize(n);
  for (int level = 0; level < detail::max_depth; ++level) {
    for (std::uint32_t e = 0; e < n; ++e) {
      if (static_cast<int>(m.kind[e]) != level) continue;
      auto v = m.evaluate(e, mo, nullptr);
      p.as_of = std::max(p.as_of, v.measured);
      std::uint32_t own_over = v.cls == load_class::overload ? e : npos;
      std::uint32_t own_heavy = v.rate > v.in_force->heavy_load_pct ? e : npos;
      std::uint32_t up = m.parent[e];
      if (up == npos || v.headroom <= p.available[up]) {
        p.available[e] = v.headroom;
        p.binding[e] = e;
      } else {
        p.available[e] = p.available[up];
        p.binding[e] = p.binding[up];
      }
      p.overloaded[e] = own_over != npos || up == npos ? own_over : p.overloaded[up];
      p.heavy[e] = own_heavy != npos || up == npos ? own_heavy : p.heavy[up];
    }
  }
  return p;
}

detail::verdict model::impl::verdict_of(const detail::month_pass& p, std::uint32_t e) const {
  double minimum = cfg.minimum_available_kva;
  detail::verdict v{light::green, detail::cause::none, npos, p.binding[e], p.available[e]};
  if (v.available <= minimum) {
    v.status = light::red;
    v.why = detail::cause::headroom;
    v.cause_idx = v.binding;
  } else if (p.overloaded[e] != npos) {
    v.status = light::red;
    v.why = detail::cause::overload;
    v.cause_idx = p.overloaded[e];
  } else if (p.heavy[e] != npos) {
    v.status = light::amber;
    v.why = detail::cause::heavy;
    v.cause_idx = p.heavy[e];
  }
  return v;
}

expected<constrained_page> model::constrained(const constrained_filter& f) const {
  const auto& m = *impl_;
  constrained_page page;
  std::uint32_t region_wanted = npos;
  if (!f.region.empty()) {
    auto it = m.region_index.find(f.region);
    if (it == m.region_index.end()) return page;
    region_wanted = it->second;
  }
  auto p = m.run_pass(f.period);
  if (p.as_of != 0) page.as_of = detail::unpack(p.as_of);
  auto start = std::upper_bound(m.order.begin(), m.order.end(), std::string_view(f.after),
                                [&](std::string_view key, std::uint32_t e) { return key < m.id(e); });
  for (auto it = start; it != m.order.end(); ++it) {
    std::uint32_t e = *it;
    if (f.kind && m.kind[e] != *f.kind) continue;
    if (region_wanted != npos && m.region[e] != region_wanted) continue;
    auto v = m.verdict_of(p, e);
    if (f.at_least && v.status < *f.at_least) continue;
    if (page.items.size() >= f.limit) {
      page.end = false;
      break;
    }
    constrained_point item{std::string(m.id(e)), m.kind[e], m.regions[m.region[e]], m.area[e], v.available,
                           std::string(m.id(v.binding)), v.status, m.reason(v, f.period), std::nullopt};
    if (v.status == light::red) item.relief = m.relief(e, f.period);
    item.cause = public_cause(v.why);
    if (v.cause_idx != npos) {
      item.cause_element = std::string(m.id(v.cause_idx));
      item.cause_kind = m.kind[v.cause_idx];
    }
    page.items.push_back(std::move(item));
  }
  if (!page.items.empty()) page.next_after = page.items.back().point;
  return page;
}

expected<std::vector<region_heat>> model::heat_map(month mo) const {
  const auto& m = *impl_;
  auto p = m.run_pass(mo);
  std::vector<region_heat> by_region(m.regions.size());
  std::vector<bool> seen(m.regions.size(), false);
  for (std::uint32_t e : m.order) {
    std::uint32_t r = m.region[e];
    auto& h = by_region[r];
    auto v = m.verdict_of(p, e);
    (v.status == light::red ? h.red : v.status == light::amber ? h.amber : h.green) += 1;
    if (!seen[r] || v.available < h.least_available_kva) {
      h.least_available_kva = v.available;
      h.least_available_point = std::string(m.id(e));
    }
    seen[r] = true;
  }
  std::vector<region_heat> out;
  for (std::size_t r = 0; r < by_region.size(); ++r) {
    if (!seen[r]) continue;
    by_region[r].region = m.regions[r];
    out.push_back(std::move(by_region[r]));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.region < b.region; });
  return out;
}

}  // namespace gridcoord::domain::capacity
