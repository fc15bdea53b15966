#pragma once
// domain/capacity/model.hpp — the capacity register: the equipment tree, the
// load standards, the measured peaks and every committed load, answering the
// formulas of domain/capacity/types.hpp.
//
// What feeds it, and how (docs/capacity.md):
// - equipment: the registry's records (upserts; an import's rows at a time).
// - M3 (equipment_load_standards): every row of every report is an entry of
//   the standards catalogue, keyed (equipment_class, effective_from); the
//   standard in force for kind k in month M is the entry of k with the latest
//   effective_from ≤ M, else the configured default. A later version of the
//   same (month) report replaces that report's entries.
// - M4 (load_statistics): a month's measured peak and classification per
//   equipment; the latest version of each month's report counts. An
//   element's measurement is that of the latest month P ≤ M that measured it.
// - M2 (regional_development), only the latest version of the latest month's
//   report: project rows with a feeder are loads (load_mw × 1000 /
//   power_factor kVA) from expected_month; reinforcement rows set the rating
//   in service from in_service_month.
// - M1 (large_customer_demand), only the latest version of the latest
//   month's report: rows with a feeder and likelihood_pct ≥ the configured
//   minimum are loads (demand_kva, or demand_kw / power_factor) from
//   expected_month.
// - approved connections: a load at its point from its month, with its own
//   demand factor or the default of the standard in force for the point's kind.
// Rows that name equipment not in the tree are kept and counted once it is.
// Updates are incremental: a load touches the elements of its path only.
// [Threading] Not synchronised; one owner (the capacity actor). Const
//             members may be called concurrently with each other.
// [Errors]    Queries answer errc::not_found for an unknown point; apply_report
//             answers errc::internal for rows that do not fit `kind`'s schema.
//             The caller bounds the months asked (the horizon from today).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/capacity/types.hpp"
#include "domain/error.hpp"
#include "domain/report_kind.hpp"

namespace gridcoord::domain::capacity {

// A load standard (M3, or a configured default).
struct load_standard {
  equipment_kind kind = equipment_kind::feeder;
  month effective_from{};
  double heavy_load_pct = 80;
  double overload_pct = 100;
  double duration_h = 1;
  double planning_limit_pct = 80;
  double demand_factor = 1;  // default coincidence factor of a load connected at this kind
  std::optional<report_ref> source;  // nullopt: the configured default
  friend bool operator==(const load_standard&, const load_standard&) = default;
};

// M4: overload when load_rate_pct > overload_pct and hours_above_overload_h ≥
// duration_h; else heavy when load_rate_pct > heavy_load_pct and
// hours_above_heavy_h ≥ duration_h; else normal.
load_class classify(double load_rate_pct, double hours_above_heavy_h, double hours_above_overload_h,
                    const load_standard& standard) noexcept;

struct settings {
  int horizon_months = 24;            // queries from `first month` for this many months
  double minimum_available_kva = 0;   // red at or below this
  double minimum_likelihood_pct = 50; // M1 rows counted at or above this
  double power_factor = 0.9;          // kW → kVA for M1 demand_kw and M2 load_mw
  std::vector<load_standard> defaults;  // one per kind; kinds missing take load_standard{}
};

// An approved connection, as the capacity register counts it.
struct connection {
  std::string application;  // id
  std::string point;
  month from{};
  double load_kva = 0;
  std::optional<double> demand_factor;
};

class model {
 public:
  explicit model(settings s);
  ~model();
  model(model&&) noexcept;
  model& operator=(model&&) noexcept;

  const settings& config() const noexcept;

  // Equipment rows as imported: new ids are added, known ids replaced (a new
  // parent moves the subtree and its loads).
  void upsert_equipment(const std::vector<equipment>& rows);

  // A report version (all its rows, in schema order of `kind`). Kinds other
  // than M1–M4 are ignored. A version older than the one held is ignored.
  [[nodiscard]] status apply_report(const report_kind& kind, month period, std::uint32_t version,
                                    const std::vector<row>& rows);

  // Approving adds the load; withdrawing (by application id) removes it.
  // Adding an id already present replaces it. Withdrawing an unknown id does nothing.
  void add_connection(const connection& c);
  void remove_connection(std::string_view application);

  // The standard in force for `kind` in `m`.
  const load_standard& standard(equipment_kind kind, month m) const;

  // The capacity of `point` in `m`.
  [[nodiscard]] expected<point_capacity> capacity(std::string_view point, month m) const;
  // Every month of the horizon from `from` on (horizon_months entries).
  // A precheck's and a constrained point's relief is searched in the
  // horizon_months - 1 months after the month asked.
  [[nodiscard]] expected<std::vector<point_capacity>> horizon(std::string_view point, month from) const;
  [[nodiscard]] expected<precheck_result> precheck(const precheck_request& r) const;
  // Points (every equipment) of at least the filter's light, by id.
  [[nodiscard]] expected<constrained_page> constrained(const constrained_filter& f) const;
  // One entry per region, by region.
  [[nodiscard]] expected<std::vector<region_heat>> heat_map(month m) const;

  // What is committed on `id` by `m` (counted after its measurement).
  std::vector<committed_load> committed(std::string_view id, month m) const;

  // The model as a projection snapshot holds it (snapshot.cpp): a binary
  // image of its state, built with its settings. from_snapshot answers
  // errc::conflict for an image built with other settings than `s` (the
  // model must then be rebuilt from the log) and errc::internal for bytes it
  // cannot read or whose indices point nowhere.
  std::string snapshot() const;
  [[nodiscard]] static expected<model> from_snapshot(settings s, std::string_view bytes);

  std::size_t equipment_count() const noexcept;
  // Bytes the model holds, by its own account (benchmark figure).
  std::size_t memory_bytes() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace gridcoord::domain::capacity
