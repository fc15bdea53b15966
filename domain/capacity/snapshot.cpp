// domain/capacity/snapshot.cpp — the capacity model as a projection snapshot
// holds it: a binary image of model::impl (detail/state.hpp), so that a
// start loads a million equipment in a fraction of a second instead of
// decoding the equipment import and every report again.
//
// Layout: a header (magic, version, the sizes of the types written raw),
// the settings the model was built with, then each member in declaration
// order; numbers in the machine's own byte order (a snapshot is read by the
// build that wrote it or a later one on the same machine; another byte order
// fails the header check and the log is replayed). The id hash table and the
// region index are rebuilt, not stored, and the M3 catalogue is rebuilt from
// the M3 reports, as apply_m3 does. Every index read is checked against what
// it indexes, so damaged bytes are refused, never followed.
#include <cstring>
#include <type_traits>

#include "domain/capacity/detail/state.hpp"
#include "domain/capacity/model.hpp"

namespace gridcoord::domain::capacity {

namespace {

using detail::npos;

constexpr std::uint64_t magic = 0x31'50'41'43'44'49'52'47ull;  // "GRIDCAP1", little-endian
constexpr std::uint32_t format_version = 1;

class sink {
 public:
  explicit sink(std::size_t expected_bytes) { out_.reserve(expected_bytes); }
  template <class T>
    requires std::is_arithmetic_v<T> || std::is_enum_v<T>
  void put(T v) {
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void put(std::string_view s) {
    put<std::uint64_t>(s.size());
    out_.append(s);
  }
  template <class T>
    requires std::is_arithmetic_v<T> || std::is_enum_v<T>
  void put(const std::vector<T>& v) {
    put<std::uint64_t>(v.size());
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void put(month m) { put<std::int32_t>(detail::pack(m)); }
  void put(const std::optional<report_ref>& r) {
    put<std::uint8_t>(r.has_value());
    if (r) put(*r);
  }
  void put(const report_ref& r) {
    put(std::string_view(r.kind));
    put(r.period);
    put(r.version);
  }
  void put(const load_standard& s) {
    put(s.kind);
    put(s.effective_from);
    put(s.heavy_load_pct);
    put(s.overload_pct);
    put(s.duration_h);
    put(s.planning_limit_pct);
    put(s.demand_factor);
    put(s.source);
  }
  void put(const detail::measurement& m) {
    put(m.peak_kva);
    put(m.load_rate_pct);
    put(m.hours_heavy_h);
    put(m.hours_overload_h);
    put(m.period);
  }
  void put(const detail::reinforcement& r) {
    put(r.from);
    put(r.rating_kva);
  }
  template <class T>
    requires(!std::is_arithmetic_v<T> && !std::is_enum_v<T>)
  void put(const std::vector<T>& v) {
    put<std::uint64_t>(v.size());
    for (const auto& x : v) put(x);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Reads what sink wrote; any read past the end, or a count larger than the
// bytes left could hold, sets `bad` and answers zeros from then on.
class source {
 public:
  explicit source(std::string_view in) : in_(in) {}
  bool bad() const noexcept { return bad_; }
  // Moves past `bytes` when what comes next is exactly them; else false, and nothing read.
  bool skip(std::string_view bytes) {
    if (bad_ || !in_.starts_with(bytes)) return false;
    in_.remove_prefix(bytes.size());
    return true;
  }
  bool at_end() const noexcept { return in_.empty(); }
  std::size_t left() const noexcept { return in_.size(); }

  template <class T>
    requires std::is_arithmetic_v<T> || std::is_enum_v<T>
  T get() {
    T v{};
    if (!need(sizeof v)) return v;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return v;
  }
  std::string str() {
    auto n = count(1);
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  template <class T>
    requires std::is_arithmetic_v<T> || std::is_enum_v<T>
  std::vector<T> raw_vector() {
    auto n = count(sizeof(T));
    std::vector<T> v(n);
    if (n) std::memcpy(v.data(), in_.data(), n * sizeof(T));
    in_.remove_prefix(n * sizeof(T));
    return v;
  }
  // A count of items of at least `min_bytes` each that the bytes left can hold.
  std::size_t count(std::size_t min_bytes) {
    auto n = get<std::uint64_t>();
    if (bad_ || n > in_.size() / std::max<std::size_t>(min_bytes, 1)) {
      fail();
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  // A packed month (0: none; −1: month{}, as a default standard's
  // effective_from), within the years a month can name.
  detail::mon get_mon() {
    auto m = get<detail::mon>();
    if (m < -1 || m > 12 * 10'000) fail();
    return bad_ ? 0 : m;
  }
  month get_month() {
    auto m = get_mon();
    return bad_ ? month{} : detail::unpack(m);
  }
  report_ref get_ref() {
    report_ref r;
    r.kind = str();
    r.period = get_month();
    r.version = get<std::uint32_t>();
    return r;
  }
  load_standard get_standard() {
    load_standard s;
    s.kind = get_kind();
    s.effective_from = get_month();
    s.heavy_load_pct = get<double>();
    s.overload_pct = get<double>();
    s.duration_h = get<double>();
    s.planning_limit_pct = get<double>();
    s.demand_factor = get<double>();
    if (get<std::uint8_t>()) s.source = get_ref();
    return s;
  }
  equipment_kind get_kind() {
    auto k = get<std::uint8_t>();
    if (k > static_cast<std::uint8_t>(equipment_kind::distribution_transformer)) fail();
    return static_cast<equipment_kind>(k);
  }
  detail::measurement get_measurement() {
    detail::measurement m;
    m.peak_kva = get<double>();
    m.load_rate_pct = get<double>();
    m.hours_heavy_h = get<double>();
    m.hours_overload_h = get<double>();
    m.period = get_mon();
    return m;
  }
  detail::reinforcement get_reinforcement() {
    detail::reinforcement r;
    r.from = get_mon();
    r.rating_kva = get<double>();
    return r;
  }
  template <class F>
  auto list(std::size_t min_bytes, F read_one) {
    std::vector<decltype(read_one())> v;
    auto n = count(min_bytes);
    v.reserve(n);
    for (std::size_t i = 0; i < n && !bad_; ++i) v.push_back(read_one());
    return v;
  }
  void fail() noexcept { bad_ = true; }

 private:
  bool need(std::size_t n) {
    if (bad_ || in_.size() < n) {
      fail();
      return false;
    }
    return true;
  }
  std::string_view in_;
  bool bad_ = false;
};

void put_settings(sink& out, const settings& s) {
  out.put<std::int32_t>(s.horizon_months);
  out.put(s.minimum_available_kva);
  out.put(s.minimum_likelihood_pct);
  out.put(s.power_factor);
  out.put(s.defaults);
}

template <class Map, class PutValue>
void put_map(sink& out, const Map& m, PutValue put_value) {
  out.put<std::uint64_t>(m.size());
  for (const auto& [k, v] : m) {
    out.put(std::string_view(k));
    put_value(v);
  }
}

void put_held(sink& out, const std::optional<detail::held_report>& h) {
  out.put<std::uint8_t>(h.has_value());
  if (!h) return;
  out.put(h->ref);
  out.put(h->loads);
  out.put(h->reinforced);
}

void put_load(sink& out, const detail::load& l) {
  out.put(l.source);
  out.put(l.from_report);
  out.put<std::uint8_t>(l.live);
  out.put(l.depth);
  out.put(std::string_view(l.ref));
  out.put(std::string_view(l.point));
  out.put(l.point_idx);
  out.put(l.from);
  out.put(l.load_kva);
  out.put(l.demand_factor);
  for (auto e : l.path) out.put(e);
}

bool valid_index(std::uint32_t i, std::size_t n, bool npos_allowed) {
  return i < n || (npos_allowed && i == npos);
}

bool all_valid(const std::vector<std::uint32_t>& v, std::size_t n, bool npos_allowed) {
  for (auto i : v)
    if (!valid_index(i, n, npos_allowed)) return false;
  return true;
}


}  // namespace

std::string model::snapshot() const {
  const auto& m = *impl_;
  // Reserved at about its size (each equipment's arrays and two
  // measurements, the loads), so that writing it is not also regrowing it.
  sink out(1024 + m.id_pool.size() + m.id_end.size() * 110 + m.loads.size() * 96 + m.sides.size() * 32);
  out.put(magic);
  out.put(format_version);
  out.put<std::uint8_t>(sizeof(double));
  out.put<std::uint8_t>(sizeof(std::size_t));
  put_settings(out, m.cfg);

  out.put<std::uint64_t>(m.m3_reports.size());
  for (const auto& [period, report] : m.m3_reports) {
    out.put(period);
    out.put(report.first);
    out.put(report.second);
  }
  out.put<std::uint64_t>(m.m4_versions.size());
  for (const auto& [period, version] : m.m4_versions) {
    out.put(period);
    out.put(version);
  }

  out.put(std::string_view(m.id_pool));
  out.put(m.id_end);
  out.put(m.parent);
  out.put(m.kind);
  out.put(m.area);
  out.put(m.region);
  out.put(m.rating);
  out.put(m.side_of);
  out.put<std::uint64_t>(m.meas.size());
  for (const auto& pair : m.meas) {
    out.put(pair[0]);
    out.put(pair[1]);
  }
  out.put(m.order);
  out.put<std::uint64_t>(m.regions.size());
  for (const auto& r : m.regions) out.put(std::string_view(r));

  out.put<std::uint64_t>(m.sides.size());
  for (const auto& sd : m.sides) {
    out.put(sd.loads);
    out.put(sd.ratings);
  }
  out.put(m.free_sides);
  out.put<std::uint64_t>(m.loads.size());
  for (const auto& l : m.loads) put_load(out, l);
  out.put(m.free_loads);
  put_map(out, m.connections, [&](std::uint32_t v) { out.put(v); });
  put_held(out, m.m1);
  put_held(out, m.m2);
  put_map(out, m.pending_loads, [&](const auto& v) { out.put(v); });
  put_map(out, m.pending_ratings, [&](const auto& v) { out.put(v); });
  put_map(out, m.pending_measurements, [&](const auto& v) { out.put(v); });
  put_map(out, m.orphans, [&](const auto& v) { out.put(v); });
  return out.take();
}

expected<model> model::from_snapshot(settings s, std::string_view bytes) {
  source in(bytes);
  if (in.get<std::uint64_t>() != magic || in.get<std::uint32_t>() != format_version ||
      in.get<std::uint8_t>() != sizeof(double) || in.get<std::uint8_t>() != sizeof(std::size_t))
    return fail(errc::internal, "the capacity snapshot is not an image of this format and machine");
  // The settings it was built with, as put_settings wrote them: loads and
  // the standards' defaults depend on them, so a model of other settings is
  // rebuilt from the log. Compared as written, so that a setting added to
  // put_settings is compared too.
  sink expected_settings(256);
  put_settings(expected_settings, s);
  auto want = expected_settings.take();
  if (in.left() < want.size()) return fail(errc::internal, "the capacity snapshot ends early or runs on");
  if (!in.skip(want)) return fail(errc::conflict, "the capacity snapshot was built with other capacity settings");

  model out(std::move(s));
  auto& m = *out.impl_;
  auto m3 = in.count(4);
  for (std::size_t i = 0; i < m3 && !in.bad(); ++i) {
    auto period = in.get_month();
    auto version = in.get<std::uint32_t>();
    auto standards = in.list(8, [&] { return in.get_standard(); });
    m.m3_reports[period] = {version, std::move(standards)};
  }
  auto m4 = in.count(8);
  for (std::size_t i = 0; i < m4 && !in.bad(); ++i) {
    auto period = in.get_month();
    m.m4_versions[period] = in.get<std::uint32_t>();
  }

  m.id_pool = in.str();
  m.id_end = in.raw_vector<std::uint32_t>();
  m.parent = in.raw_vector<std::uint32_t>();
  m.kind = in.raw_vector<equipment_kind>();
  m.area = in.raw_vector<area_class>();
  m.region = in.raw_vector<std::uint32_t>();
  m.rating = in.raw_vector<double>();
  m.side_of = in.raw_vector<std::uint32_t>();
  auto measured = in.count(2 * 36);
  m.meas.reserve(measured);
  for (std::size_t i = 0; i < measured && !in.bad(); ++i) m.meas.push_back({in.get_measurement(), in.get_measurement()});
  m.order = in.raw_vector<std::uint32_t>();
  m.regions = in.list(8, [&] { return in.str(); });

  auto sides = in.count(16);
  m.sides.reserve(sides);
  for (std::size_t i = 0; i < sides && !in.bad(); ++i) {
    detail::side sd;
    sd.loads = in.raw_vector<std::uint32_t>();
    sd.ratings = in.list(12, [&] { return in.get_reinforcement(); });
    m.sides.push_back(std::move(sd));
  }
  m.free_sides = in.raw_vector<std::uint32_t>();
  auto loads = in.count(40);
  m.loads.reserve(loads);
  for (std::size_t i = 0; i < loads && !in.bad(); ++i) {
    detail::load l;
    auto source = in.get<std::uint8_t>();
    auto origin = in.get<std::uint8_t>();
    if (source > static_cast<std::uint8_t>(load_source::project) ||
        origin > static_cast<std::uint8_t>(detail::origin::m2))
      in.fail();
    l.source = static_cast<load_source>(source);
    l.from_report = static_cast<detail::origin>(origin);
    l.live = in.get<std::uint8_t>() != 0;
    l.depth = in.get<std::uint8_t>();
    if (l.depth > detail::max_depth) in.fail();
    l.ref = in.str();
    l.point = in.str();
    l.point_idx = in.get<std::uint32_t>();
    l.from = in.get_mon();
    l.load_kva = in.get<double>();
    l.demand_factor = in.get<double>();
    for (auto& e : l.path) e = in.get<std::uint32_t>();
    m.loads.push_back(std::move(l));
  }
  m.free_loads = in.raw_vector<std::uint32_t>();
  auto read_map = [&](auto& map, auto read_value) {
    auto n = in.count(9);
    for (std::size_t i = 0; i < n && !in.bad(); ++i) {
      auto key = in.str();
      map[std::move(key)] = read_value();
    }
  };
  read_map(m.connections, [&] { return in.get<std::uint32_t>(); });
  auto read_held = [&](std::optional<detail::held_report>& h) {
    if (!in.get<std::uint8_t>()) return;
    h.emplace();
    h->ref = in.get_ref();
    h->loads = in.raw_vector<std::uint32_t>();
    h->reinforced = in.raw_vector<std::uint32_t>();
  };
  read_held(m.m1);
  read_held(m.m2);
  read_map(m.pending_loads, [&] { return in.raw_vector<std::uint32_t>(); });
  read_map(m.pending_ratings, [&] { return in.list(12, [&] { return in.get_reinforcement(); }); });
  read_map(m.pending_measurements, [&] { return in.list(36, [&] { return in.get_measurement(); }); });
  read_map(m.orphans, [&] { return in.raw_vector<std::uint32_t>(); });
  if (in.bad() || !in.at_end()) return fail(errc::internal, "the capacity snapshot ends early or runs on");

  // Every index points at what it indexes.
  const auto n = m.id_end.size();
  bool ok = m.parent.size() == n && m.kind.size() == n && m.area.size() == n && m.region.size() == n &&
            m.rating.size() == n && m.side_of.size() == n && m.meas.size() == n && m.order.size() == n;
  for (std::size_t i = 0; ok && i < n; ++i)
    ok = m.id_end[i] <= m.id_pool.size() && (i == 0 || m.id_end[i - 1] <= m.id_end[i]) &&
         static_cast<std::uint8_t>(m.area[i]) <= static_cast<std::uint8_t>(area_class::remote) &&
         static_cast<std::uint8_t>(m.kind[i]) <= static_cast<std::uint8_t>(equipment_kind::distribution_transformer);
  ok = ok && (n == 0 || m.id_end.back() == m.id_pool.size()) && all_valid(m.parent, n, true) &&
       all_valid(m.region, m.regions.size(), false) && all_valid(m.side_of, m.sides.size(), true) &&
       all_valid(m.order, n, false) && all_valid(m.free_sides, m.sides.size(), false) &&
       all_valid(m.free_loads, m.loads.size(), false);
  for (std::size_t i = 0; ok && i < n; ++i) ok = m.parent[i] != i;
  if (ok) {  // order: a permutation of the indices
    std::vector<bool> seen(n);
    for (auto i : m.order) ok = ok && !seen[i] && (seen[i] = true);
  }
  for (const auto& sd : m.sides) ok = ok && all_valid(sd.loads, m.loads.size(), false);
  for (const auto& l : m.loads) {
    ok = ok && valid_index(l.point_idx, n, true);
    for (std::uint8_t d = 0; ok && d < l.depth; ++d) ok = valid_index(l.path[d], n, false);
  }
  for (const auto& [id, l] : m.connections) ok = ok && l < m.loads.size();
  for (const auto* h : {&m.m1, &m.m2})
    if (*h) ok = ok && all_valid((*h)->loads, m.loads.size(), false) && all_valid((*h)->reinforced, n, false);
  for (const auto& [id, v] : m.pending_loads) ok = ok && all_valid(v, m.loads.size(), false);
  for (const auto& [id, v] : m.orphans) ok = ok && all_valid(v, n, false);
  // A measurement is of a month whose M4 version is known (a query names it).
  auto measured_month_known = [&](const detail::measurement& x) {
    return x.period == 0 || (x.period > 0 && m.m4_versions.contains(detail::unpack(x.period)));
  };
  for (const auto& pair : m.meas) ok = ok && measured_month_known(pair[0]) && measured_month_known(pair[1]);
  for (const auto& [id, v] : m.pending_measurements)
    for (const auto& x : v) ok = ok && measured_month_known(x);
  if (!ok) return fail(errc::internal, "the capacity snapshot holds an index that points nowhere");

  // What is rebuilt rather than stored.
  for (std::uint32_t i = 0; i < m.regions.size(); ++i) m.region_index.emplace(m.regions[i], i);
  m.rebuild_ids();
  m.rebuild_catalogue();
  return out;
}

}  // namespace gridcoord::domain::capacity
