#pragma once
// domain/capacity/types.hpp — what the capacity register answers with.
//
// DESIGN.md, "Capacity and new-connection restriction", for equipment e and
// month M:
//   limit(e, M)          = rating in service in M × planning_limit_pct of the
//                          load standard in force for e's kind in M / 100
//   projected_peak(e, M) = the latest measured peak of e (M4, month P ≤ M)
//                          + Σ load × demand factor of every load placed in
//                          e's subtree with P < month ≤ M
//   headroom(e, M)       = limit − projected_peak
// A connection point's available capacity is the minimum headroom on its path
// to the root; the element giving it is the binding constraint (the one
// nearest the point on a tie). Status: red when available ≤ the configured
// minimum or an element of the path is classified overload in its latest M4
// month; amber when an element's projected load rate (projected_peak /
// rating × 100) is above its heavy-load threshold; green otherwise.
// All quantities are kVA.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/equipment.hpp"
#include "domain/month.hpp"

namespace gridcoord::domain::capacity {

// Months, kinds and areas print as in domain/: the overloads below would hide them.
using domain::to_string;

enum class light : std::uint8_t { green, amber, red };
std::string_view to_string(light l) noexcept;
std::optional<light> parse_light(std::string_view text);

// M4 classification of one equipment in one month, by the standard in force.
enum class load_class : std::uint8_t { normal, heavy, overload };
std::string_view to_string(load_class c) noexcept;

// A report an answer was computed from: the latest version of it.
struct report_ref {
  std::string kind;  // report kind id: "load_statistics", …
  month period{};
  std::uint32_t version = 0;
  friend bool operator==(const report_ref&, const report_ref&) = default;
  friend auto operator<=>(const report_ref&, const report_ref&) = default;
};

// Why a point is red or amber, as data (the reason says it in words): its
// available capacity is at or below the configured minimum, an element of its
// path was overloaded in its latest M4 month, or an element's projected load
// rate is above its heavy-load threshold.
enum class limit_cause : std::uint8_t { none, no_headroom, overloaded, heavy_load };
std::string_view to_string(limit_cause c) noexcept;  // "none", "no_headroom", "overloaded", "heavy_load"
std::optional<limit_cause> parse_limit_cause(std::string_view text);

// Where a committed load comes from.
enum class load_source : std::uint8_t { connection, large_customer, project };
std::string_view to_string(load_source s) noexcept;

// One load counted in an element's projected peak.
struct committed_load {
  load_source source = load_source::connection;
  std::string ref;        // application id, M1 customer, M2 project name
  std::string point;      // the equipment it connects at
  month from{};           // the month it is energized / expected
  double load_kva = 0;    // as applied for or reported
  double demand_factor = 1;
  double counted_kva() const noexcept { return load_kva * demand_factor; }
  friend bool operator==(const committed_load&, const committed_load&) = default;
};

// One element of a path in one month.
struct element_capacity {
  std::string id;
  equipment_kind kind = equipment_kind::feeder;
  std::string region;
  double rating_kva = 0;          // in service in the month
  double planning_limit_pct = 0;  // of the standard in force
  double limit_kva = 0;
  std::optional<month> measured_month;  // the M4 month of measured_peak; nullopt: never measured (peak 0)
  double measured_peak_kva = 0;
  double committed_kva = 0;       // Σ counted loads after the measurement, by the month
  double projected_peak_kva = 0;
  double headroom_kva = 0;
  double projected_load_rate_pct = 0;
  double heavy_load_pct = 0;      // of the standard in force
  std::optional<load_class> latest_class;  // of the measured month
  friend bool operator==(const element_capacity&, const element_capacity&) = default;
};

// The capacity at a connection point in one month.
struct point_capacity {
  std::string point;
  month period{};
  double available_kva = 0;
  std::string binding;                  // id of the binding element
  light status = light::green;
  std::string reason;                   // why red or amber, in words; "" when green
  std::vector<element_capacity> path;   // the point first, the substation last
  std::optional<month> as_of;           // the latest M4 month the answer used
  std::vector<report_ref> sources;      // by kind, then month
  friend bool operator==(const point_capacity&, const point_capacity&) = default;
};

// Can `load_kva` connect at `point` in `period`?
struct precheck_request {
  std::string point;
  double load_kva = 0;
  month period{};
  std::optional<double> demand_factor;  // nullopt: the standard's default for the point's kind
};

struct precheck_result {
  bool fits = false;               // counted load ≤ available and the status is not red
  double load_kva = 0;             // as asked
  double counted_kva = 0;          // load × demand factor
  double demand_factor = 1;
  point_capacity capacity;         // before the load
  std::vector<committed_load> committed_on_binding;  // what is committed on the binding element by the month
  std::optional<month> relief;     // the first later month in the horizon in which it fits, if any
  std::string reason;              // why not, in words; "" when it fits
};

// One row of the constrained list and of the restricted list (M6).
struct constrained_point {
  std::string point;
  equipment_kind kind = equipment_kind::feeder;
  std::string region;
  area_class area = area_class::urban;
  double available_kva = 0;
  std::string binding;
  light status = light::green;
  std::string reason;
  std::optional<month> relief;  // the first later month in the horizon that is not red
  // The reason as data, for texts in other languages: the cause and the
  // element it is about (none and "" when green, or when read from a
  // publication issued before causes were recorded).
  limit_cause cause = limit_cause::none;
  std::string cause_element;
  equipment_kind cause_kind = equipment_kind::feeder;
  friend bool operator==(const constrained_point&, const constrained_point&) = default;
};

struct constrained_filter {
  month period{};
  std::optional<light> at_least = light::amber;  // amber: amber and red; red: red only
  std::optional<equipment_kind> kind;
  std::string region;  // "" = any; exact
  std::string after;   // point id cursor
  std::uint64_t limit = 100;
};

struct constrained_page {
  std::vector<constrained_point> items;  // by point id
  std::string next_after;
  bool end = true;
  std::optional<month> as_of;
};

// Heat-map data: per region, how many points are in each light and the least
// available capacity.
struct region_heat {
  std::string region;
  std::uint64_t green = 0;
  std::uint64_t amber = 0;
  std::uint64_t red = 0;
  double least_available_kva = 0;
  std::string least_available_point;
  friend bool operator==(const region_heat&, const region_heat&) = default;
};

}  // namespace gridcoord::domain::capacity
