// domain/capacity/model.cpp — model's public members over model::impl
// (detail/state.hpp): updates, queries, and the model's own memory account.
#include "domain/capacity/model.hpp"

#include <fmt/format.h>

#include "domain/capacity/detail/state.hpp"

namespace gridcoord::domain::capacity {

using detail::npos;

load_class classify(double load_rate_pct, double hours_above_heavy_h, double hours_above_overload_h,
                    const load_standard& standard) noexcept {
  if (load_rate_pct > standard.overload_pct && hours_above_overload_h >= standard.duration_h) {
    return load_class::overload;
  }
  if (load_rate_pct > standard.heavy_load_pct && hours_above_heavy_h >= standard.duration_h) return load_class::heavy;
  return load_class::normal;
}

model::impl::impl(settings s) : cfg(std::move(s)) {
  for (std::size_t k = 0; k < defaults.size(); ++k) defaults[k] = load_standard{.kind = static_cast<equipment_kind>(k)};
  for (const auto& d : cfg.defaults) {
    auto& slot = defaults[static_cast<std::size_t>(d.kind)];
    slot = d;
    slot.source.reset();
  }
}

model::model(settings s) : impl_(std::make_unique<impl>(std::move(s))) {}
model::~model() = default;
model::model(model&&) noexcept = default;
model& model::operator=(model&&) noexcept = default;

const settings& model::config() const noexcept { return impl_->cfg; }

void model::upsert_equipment(const std::vector<equipment>& rows) { impl_->upsert(rows); }

status model::apply_report(const report_kind& kind, month period, std::uint32_t version,
                           const std::vector<row>& rows) {
  return impl_->apply(kind, period, version, rows);
}

void model::add_connection(const connection& c) {
  remove_connection(c.application);
  detail::load l{.source = load_source::connection, .from_report = detail::origin::connection,
                 .ref = c.application, .point = c.point, .from = detail::pack(c.from), .load_kva = c.load_kva,
                 .demand_factor = c.demand_factor && *c.demand_factor > 0 ? *c.demand_factor : 0};
  impl_->connections[c.application] = impl_->add_load(std::move(l));
}

void model::remove_connection(std::string_view application) {
  auto it = impl_->connections.find(std::string(application));
  if (it == impl_->connections.end()) return;
  impl_->remove_load(it->second);
  impl_->connections.erase(it);
}

const load_standard& model::standard(equipment_kind kind, month m) const { return impl_->standard(kind, m); }

namespace {

error unknown_point(std::string_view point) {
  return error{errc::not_found, fmt::format("no equipment {} in the capacity register", point), {}};
}

}  // namespace

expected<point_capacity> model::capacity(std::string_view point, month m) const {
  std::uint32_t e = impl_->find(point);
  if (e == npos) return gridcoord::unexpected<error>{unknown_point(point)};
  return impl_->capacity(e, m);
}

expected<std::vector<point_capacity>> model::horizon(std::string_view point, month from) const {
  std::uint32_t e = impl_->find(point);
  if (e == npos) return gridcoord::unexpected<error>{unknown_point(point)};
  std::vector<point_capacity> out;
  for (int k = 0; k < impl_->cfg.horizon_months; ++k) out.push_back(impl_->capacity(e, from + std::chrono::months{k}));
  return out;
}

expected<precheck_result> model::precheck(const precheck_request& r) const {
  std::uint32_t e = impl_->find(r.point);
  if (e == npos) return gridcoord::unexpected<error>{unknown_point(r.point)};
  if (!(r.load_kva >= 0)) return fail(errc::invalid_request, "load_kva must be 0 or more");
  if (r.demand_factor && !(*r.demand_factor > 0 && *r.demand_factor <= 1)) {
    return fail(errc::invalid_request, "demand_factor must be above 0 and at most 1");
  }
  auto factor_in = [&](month m) {
    return r.demand_factor ? *r.demand_factor : impl_->standard(impl_->kind[e], m).demand_factor;
  };
  precheck_result out;
  out.demand_factor = factor_in(r.period);
  out.load_kva = r.load_kva;
  out.counted_kva = r.load_kva * out.demand_factor;
  out.capacity = impl_->capacity(e, r.period);
  out.fits = out.counted_kva <= out.capacity.available_kva && out.capacity.status != light::red;
  out.committed_on_binding = impl_->committed(impl_->find(out.capacity.binding), r.period);
  if (out.fits) return out;
  if (out.capacity.status == light::red) {
    out.reason = out.capacity.reason;
  } else {
    out.reason = fmt::format("{} kVA counted is more than the {} kVA available at {} in {}; {} is the binding "
                             "constraint",
                             detail::amount(out.counted_kva), detail::amount(out.capacity.available_kva), r.point, to_string(r.period),
                             out.capacity.binding);
  }
  for (int k = 1; k < impl_->cfg.horizon_months; ++k) {
    month later = r.period + std::chrono::months{k};
    auto v = impl_->judge(e, later, nullptr, nullptr);
    if (r.load_kva * factor_in(later) <= v.available && v.status != light::red) {
      out.relief = later;
      break;
    }
  }
  return out;
}

std::vector<committed_load> model::committed(std::string_view id, month m) const {
  std::uint32_t e = impl_->find(id);
  if (e == npos) return {};
  return impl_->committed(e, m);
}

std::size_t model::equipment_count() const noexcept { return impl_->id_end.size(); }

std::size_t model::memory_bytes() const noexcept { return impl_->memory_bytes(); }

namespace {

template <class T>
std::size_t bytes_of(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

// A node-based hash map's entries, roughly: node, bucket, key's heap text.
template <class M>
std::size_t map_bytes(const M& m) {
  std::size_t b = m.bucket_count() * sizeof(void*) + m.size() * (sizeof(typename M::value_type) + 2 * sizeof(void*));
  for (const auto& [k, v] : m) b += k.capacity() > 15 ? k.capacity() : 0;
  return b;
}

}  // namespace

std::size_t model::impl::memory_bytes() const noexcept {
  std::size_t b = sizeof(*this) + id_pool.capacity() + bytes_of(id_end) + bytes_of(slots) + bytes_of(parent) +
                  bytes_of(kind) + bytes_of(area) + bytes_of(region) + bytes_of(rating) + bytes_of(side_of) +
                  bytes_of(meas) + bytes_of(order) + bytes_of(sides) + bytes_of(free_sides) + bytes_of(loads) +
                  bytes_of(free_loads);
  for (const auto& r : regions) b += sizeof(r) + r.capacity() + sizeof(std::uint32_t) + 4 * sizeof(void*);
  for (const auto& s : sides) b += bytes_of(s.loads) + bytes_of(s.ratings);
  for (const auto& l : loads) b += (l.ref.capacity() > 15 ? l.ref.capacity() : 0) + (l.point.capacity() > 15 ? l.point.capacity() : 0);
  b += map_bytes(connections) + map_bytes(pending_loads) + map_bytes(pending_ratings) +
       map_bytes(pending_measurements) + map_bytes(orphans);
  for (const auto& c : catalogue) b += bytes_of(c);
  if (m1) b += bytes_of(m1->loads) + bytes_of(m1->reinforced);
  if (m2) b += bytes_of(m2->loads) + bytes_of(m2->reinforced);
  return b;
}

}  // namespace gridcoord::domain::capacity
