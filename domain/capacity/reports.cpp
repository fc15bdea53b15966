// domain/capacity/reports.cpp — M1–M4 rows into the model (model.hpp's rules).
// Each report's field indices are found by name once; rows are read into
// values first, so a row that does not fit the schema changes nothing.
#include <algorithm>

#include <fmt/format.h>

#include "domain/capacity/detail/state.hpp"

namespace gridcoord::domain::capacity {

using detail::npos;

namespace {

using index = std::optional<std::size_t>;

std::optional<double> number_at(const row& r, index i) {
  if (!i || r[*i].k != cell::kind::number) return std::nullopt;
  return r[*i].number;
}

std::string_view text_at(const row& r, index i) {
  if (!i || r[*i].k != cell::kind::text) return {};
  return r[*i].text;
}

std::optional<month> month_at(const row& r, index i) { return parse_month(text_at(r, i)); }

status unfit(const report_ref& ref, std::size_t row_number, std::string_view field) {
  return fail(errc::internal, fmt::format("row {} of {} {} v{} has no valid {}", row_number, ref.kind,
                                          to_string(ref.period), ref.version, field));
}

status check_widths(const report_kind& kind, const report_ref& ref, const std::vector<row>& rows) {
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != kind.fields.size()) {
      return fail(errc::internal, fmt::format("row {} of {} {} v{} has {} cells, not {}", r + 1, ref.kind,
                                              to_string(ref.period), ref.version, rows[r].size(),
                                              kind.fields.size()));
    }
  }
  return {};
}

}  // namespace

status model::impl::apply(const report_kind& schema, month period, std::uint32_t version,
                          const std::vector<row>& rows) {
  report_ref ref{schema.id, period, version};
  bool known = schema.id == "large_customer_demand" || schema.id == "regional_development" ||
               schema.id == "equipment_load_standards" || schema.id == "load_statistics";
  if (!known) return {};
  if (auto ok = check_widths(schema, ref, rows); !ok) return ok;
  if (schema.id == "large_customer_demand") return apply_m1(schema, ref, rows);
  if (schema.id == "regional_development") return apply_m2(schema, ref, rows);
  if (schema.id == "equipment_load_standards") return apply_m3(schema, ref, rows);
  return apply_m4(schema, ref, rows);
}

void model::impl::drop(std::optional<detail::held_report>& held) {
  if (!held) return;
  for (std::uint32_t l : held->loads) remove_load(l);
  for (std::uint32_t e : held->reinforced) set_ratings(e, {});
  held.reset();
}

status model::impl::apply_m1(const report_kind& schema, const report_ref& ref, const std::vector<row>& rows) {
  if (m1 && ref < m1->ref) return {};
  index customer = schema.field_index("customer"), feeder = schema.field_index("feeder"),
        kw = schema.field_index("demand_kw"), kva = schema.field_index("demand_kva"),
        expected = schema.field_index("expected_month"), likelihood = schema.field_index("likelihood_pct");
  std::vector<detail::load> found;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const row& x = rows[r];
    auto when = month_at(x, expected);
    if (!when) return unfit(ref, r + 1, "expected_month");
    auto pct = number_at(x, likelihood);
    if (!pct) return unfit(ref, r + 1, "likelihood_pct");
    auto demand = number_at(x, kva);
    if (!demand) {
      auto p = number_at(x, kw);
      if (!p) return unfit(ref, r + 1, "demand_kw or demand_kva");
      demand = *p / cfg.power_factor;
    }
    if (text_at(x, feeder).empty() || *pct < cfg.minimum_likelihood_pct) continue;
    found.push_back({.source = load_source::large_customer, .from_report = detail::origin::m1,
                     .ref = std::string(text_at(x, customer)), .point = std::string(text_at(x, feeder)),
                     .from = detail::pack(*when), .load_kva = *demand});
  }
  drop(m1);
  m1 = detail::held_report{ref, {}, {}};
  for (auto& l : found) m1->loads.push_back(add_load(std::move(l)));
  return {};
}

status model::impl::apply_m2(const report_kind& schema, const report_ref& ref, const std::vector<row>& rows) {
  if (m2 && ref < m2->ref) return {};
  index type = schema.field_index("row_type"), feeder = schema.field_index("feeder"),
        project = schema.field_index("project"), mw = schema.field_index("load_mw"),
        expected = schema.field_index("expected_month"), equipment_id = schema.field_index("equipment_id"),
        rating_kva = schema.field_index("rating_kva"), in_service = schema.field_index("in_service_month");
  std::vector<detail::load> found;
  std::map<std::string, std::vector<detail::reinforcement>> ratings;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const row& x = rows[r];
    if (text_at(x, type) == "reinforcement") {
      auto from = month_at(x, in_service);
      auto kva = number_at(x, rating_kva);
      if (text_at(x, equipment_id).empty()) return unfit(ref, r + 1, "equipment_id");
      if (!from) return unfit(ref, r + 1, "in_service_month");
      if (!kva) return unfit(ref, r + 1, "rating_kva");
      ratings[std::string(text_at(x, equipment_id))].push_back({detail::pack(*from), *kva});
      continue;
    }
    if (text_at(x, type) != "project") return unfit(ref, r + 1, "row_type");
    if (text_at(x, feeder).empty()) continue;  // not placed: no feeder
    auto when = month_at(x, expected);
    auto load = number_at(x, mw);
    if (!when) return unfit(ref, r + 1, "expected_month");
    if (!load) return unfit(ref, r + 1, "load_mw");
    found.push_back({.source = load_source::project, .from_report = detail::origin::m2,
                     .ref = std::string(text_at(x, project)), .point = std::string(text_at(x, feeder)),
                     .from = detail::pack(*when), .load_kva = *load * 1000 / cfg.power_factor});
  }
  drop(m2);
  pending_ratings.clear();
  m2 = detail::held_report{ref, {}, {}};
  for (auto& l : found) m2->loads.push_back(add_load(std::move(l)));
  for (auto& [equipment_key, r] : ratings) {
    std::uint32_t e = find(equipment_key);
    if (e == npos) {
      pending_ratings[equipment_key] = std::move(r);
      continue;
    }
    set_ratings(e, std::move(r));
    m2->reinforced.push_back(e);
  }
  return {};
}

status model::impl::apply_m3(const report_kind& schema, const report_ref& ref, const std::vector<row>& rows) {
  if (auto it = m3_reports.find(ref.period); it != m3_reports.end() && ref.version < it->second.first) return {};
  index cls = schema.field_index("equipment_class"), heavy = schema.field_index("heavy_load_pct"),
        over = schema.field_index("overload_pct"), duration = schema.field_index("duration_h"),
        planning = schema.field_index("planning_limit_pct"), effective = schema.field_index("effective_from"),
        factor = schema.field_index("demand_factor");  // optional: not every catalogue has it
  std::vector<load_standard> entries;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const row& x = rows[r];
    auto k = parse_equipment_kind(text_at(x, cls));
    auto from = month_at(x, effective);
    auto h = number_at(x, heavy), o = number_at(x, over), d = number_at(x, duration), p = number_at(x, planning);
    if (!k) return unfit(ref, r + 1, "equipment_class");
    if (!from) return unfit(ref, r + 1, "effective_from");
    if (!h || !o || !d || !p) return unfit(ref, r + 1, "threshold");
    auto f = number_at(x, factor);
    if (f && !(*f > 0 && *f <= 1)) return unfit(ref, r + 1, "demand_factor");
    entries.push_back({.kind = *k, .effective_from = *from, .heavy_load_pct = *h, .overload_pct = *o,
                       .duration_h = *d, .planning_limit_pct = *p,
                       .demand_factor = f ? *f : defaults[static_cast<std::size_t>(*k)].demand_factor,
                       .source = ref});
  }
  m3_reports[ref.period] = {ref.version, std::move(entries)};
  rebuild_catalogue();
  return {};
}

// Later reports' entries replace earlier ones with the same (class, effective_from).
void model::impl::rebuild_catalogue() {
  for (auto& c : catalogue) c.clear();
  for (const auto& [period, report] : m3_reports) {
    for (const auto& s : report.second) {
      auto& c = catalogue[static_cast<std::size_t>(s.kind)];
      auto it = std::find_if(c.begin(), c.end(), [&](const auto& x) { return x.effective_from == s.effective_from; });
      if (it == c.end()) c.push_back(s);
      else *it = s;
    }
  }
  for (auto& c : catalogue) {
    std::sort(c.begin(), c.end(), [](const auto& a, const auto& b) { return a.effective_from < b.effective_from; });
  }
}

status model::impl::apply_m4(const report_kind& schema, const report_ref& ref, const std::vector<row>& rows) {
  auto held = m4_versions.find(ref.period);
  if (held != m4_versions.end() && ref.version < held->second) return {};
  index equipment_id = schema.field_index("equipment_id"), peak = schema.field_index("peak_load_kva"),
        rate = schema.field_index("load_rate_pct"), heavy = schema.field_index("hours_above_heavy_h"),
        over = schema.field_index("hours_above_overload_h");
  detail::mon p = detail::pack(ref.period);
  std::vector<std::pair<std::string_view, detail::measurement>> found;
  found.reserve(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const row& x = rows[r];
    auto pk = number_at(x, peak), lr = number_at(x, rate), hh = number_at(x, heavy), ho = number_at(x, over);
    if (text_at(x, equipment_id).empty()) return unfit(ref, r + 1, "equipment_id");
    if (!pk || !lr || !hh || !ho) return unfit(ref, r + 1, "measurement");
    found.emplace_back(text_at(x, equipment_id),
                       detail::measurement{*pk, *lr, *hh, *ho, p});
  }
  if (held != m4_versions.end()) {  // a corrected version: the month's earlier rows go
    for (auto& s : meas) {
      if (s[0].period == p) {
        s[0] = s[1];
        s[1] = {};
      } else if (s[1].period == p) {
        s[1] = {};
      }
    }
    for (auto it = pending_measurements.begin(); it != pending_measurements.end();) {
      std::erase_if(it->second, [&](const auto& m) { return m.period == p; });
      it = it->second.empty() ? pending_measurements.erase(it) : std::next(it);
    }
  }
  for (const auto& [key, m] : found) {
    std::uint32_t e = find(key);
    if (e == npos) pending_measurements[std::string(key)].push_back(m);
    else measure(e, m);
  }
  m4_versions[ref.period] = ref.version;
  return {};
}

}  // namespace gridcoord::domain::capacity
