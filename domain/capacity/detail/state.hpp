#pragma once
// domain/capacity/detail/state.hpp — model::impl: the capacity register's
// state, laid out for 1,000,000 equipment in well under 200 bytes each.
//
// Equipment lives in parallel arrays by a dense uint32 index (parent index,
// kind, area, interned region, registered rating); ids are one string pool
// with an open-addressing hash of indices, and `order` keeps the indices by
// id. Each element keeps its two latest M4 measurements (40 bytes each): the
// latest answers every month at or after it, and the one before it is what a
// corrected version of the latest month falls back on when it drops the
// element. Older months are not kept: a month before both answers "never
// measured". Rates and hours are kept as reported (double) and classified at
// query time by the standard in force in the measured month, so a later M3
// for that month reclassifies it.
// Loads (connections, M1, M2) and reinforcements are sparse: an element that
// has any owns a `side` entry; a load is listed on every element of its path.
// [Threading] As model: one writer; const members only read.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/capacity/model.hpp"

namespace gridcoord::domain::capacity {

namespace detail {

inline constexpr std::uint32_t npos = 0xFFFF'FFFFu;
inline constexpr int max_depth = 4;  // substation → … → distribution transformer

// A month as year × 12 + month − 1; 0 = none.
using mon = std::int32_t;
inline mon pack(month m) {
  return static_cast<int>(m.year()) * 12 + static_cast<int>(static_cast<unsigned>(m.month())) - 1;
}
inline month unpack(mon m) {
  return month{std::chrono::year{m / 12}, std::chrono::month{static_cast<unsigned>(m % 12 + 1)}};
}

struct measurement {
  double peak_kva = 0;
  double load_rate_pct = 0;
  double hours_heavy_h = 0;
  double hours_overload_h = 0;
  mon period = 0;  // 0: empty slot
};

struct reinforcement {
  mon from = 0;
  double rating_kva = 0;
};

// What an element with loads or reinforcements holds besides the dense arrays.
struct side {
  std::vector<std::uint32_t> loads;          // load ids whose path holds the element
  std::vector<reinforcement> ratings;        // by `from`
};

enum class origin : std::uint8_t { connection, m1, m2 };

struct load {
  load_source source = load_source::connection;
  origin from_report = origin::connection;
  bool live = false;
  std::uint8_t depth = 0;                    // elements of `path` in use; 0: not placed
  std::string ref;
  std::string point;
  std::uint32_t point_idx = npos;
  mon from = 0;
  double load_kva = 0;
  double demand_factor = 0;                  // 0: the standard's default for the point's kind
  std::array<std::uint32_t, max_depth> path{};
};

// The M1 or M2 report whose rows count, and what it placed.
struct held_report {
  report_ref ref;
  std::vector<std::uint32_t> loads;
  std::vector<std::uint32_t> reinforced;     // element indices with ratings from it
};

// One element evaluated in one month.
struct eval {
  double rating = 0;
  double limit = 0;
  double peak = 0;
  double committed = 0;
  double projected = 0;
  double headroom = 0;
  double rate = 0;
  mon measured = 0;
  std::optional<load_class> cls;
  const load_standard* in_force = nullptr;
};

enum class cause : std::uint8_t { none, headroom, overload, heavy };

// A point's status, and the element it is owed to.
struct verdict {
  light status = light::green;
  cause why = cause::none;
  std::uint32_t cause_idx = npos;
  std::uint32_t binding = npos;
  double available = 0;
};

using sources = std::set<report_ref>;

// Every element in one month, top-down (scan.cpp).
struct month_pass {
  std::vector<double> available;               // least headroom on the path
  std::vector<std::uint32_t> binding;          // the element giving it
  std::vector<std::uint32_t> overloaded;       // nearest overloaded element, or npos
  std::vector<std::uint32_t> heavy;            // nearest element above its heavy-load threshold, or npos
  mon as_of = 0;
};

// 120, 120.5: kVA and percentages in reasons, one decimal at most.
std::string amount(double x);

}  // namespace detail

struct model::impl {
  explicit impl(settings s);

  settings cfg;
  std::array<load_standard, 4> defaults;
  std::array<std::vector<load_standard>, 4> catalogue;  // per kind, by effective_from
  std::map<month, std::pair<std::uint32_t, std::vector<load_standard>>> m3_reports;
  std::map<month, std::uint32_t> m4_versions;

  // Equipment by index.
  std::string id_pool;
  std::vector<std::uint32_t> id_end;
  std::vector<std::uint32_t> slots;  // open addressing; npos = empty
  std::vector<std::uint32_t> parent;
  std::vector<equipment_kind> kind;
  std::vector<area_class> area;
  std::vector<std::uint32_t> region;
  std::vector<double> rating;
  std::vector<std::uint32_t> side_of;
  std::vector<std::array<detail::measurement, 2>> meas;  // [0] the latest
  std::vector<std::uint32_t> order;                      // indices by id
  std::vector<std::string> regions;
  std::unordered_map<std::string, std::uint32_t> region_index;

  std::vector<detail::side> sides;
  std::vector<std::uint32_t> free_sides;
  std::vector<detail::load> loads;
  std::vector<std::uint32_t> free_loads;
  std::unordered_map<std::string, std::uint32_t> connections;
  std::optional<detail::held_report> m1, m2;
  std::unordered_map<std::string, std::vector<std::uint32_t>> pending_loads;
  std::unordered_map<std::string, std::vector<detail::reinforcement>> pending_ratings;
  std::unordered_map<std::string, std::vector<detail::measurement>> pending_measurements;
  std::unordered_map<std::string, std::vector<std::uint32_t>> orphans;  // parent id → children

  // tree.cpp
  std::string_view id(std::uint32_t i) const noexcept;
  std::uint32_t find(std::string_view id) const noexcept;
  std::uint32_t add_id(std::string_view id);
  void rehash(std::size_t size);  // the id table at `size` slots (a power of two) for the ids held
  void rebuild_ids();             // the id table for the ids held, at most half full (snapshot.cpp)
  void upsert(const std::vector<equipment>& rows);
  detail::side& side_for(std::uint32_t e);
  void release_side(std::uint32_t e);
  std::uint32_t add_load(detail::load l);
  void remove_load(std::uint32_t id);
  void place(std::uint32_t id);
  void unplace(std::uint32_t id);
  void set_ratings(std::uint32_t e, std::vector<detail::reinforcement> r);
  void measure(std::uint32_t e, const detail::measurement& m);
  void adopt_pending(std::uint32_t e);

  // reports.cpp
  status apply(const report_kind& schema, month period, std::uint32_t version, const std::vector<row>& rows);
  status apply_m1(const report_kind& schema, const report_ref& ref, const std::vector<row>& rows);
  status apply_m2(const report_kind& schema, const report_ref& ref, const std::vector<row>& rows);
  status apply_m3(const report_kind& schema, const report_ref& ref, const std::vector<row>& rows);
  status apply_m4(const report_kind& schema, const report_ref& ref, const std::vector<row>& rows);
  void rebuild_catalogue();
  void drop(std::optional<detail::held_report>& held);

  // query.cpp
  const load_standard& standard(equipment_kind k, month m) const;
  double factor_of(const detail::load& l, detail::sources* used) const;
  detail::eval evaluate(std::uint32_t e, month m, detail::sources* used) const;
  element_capacity element(std::uint32_t e, month m, const detail::eval& v) const;
  detail::verdict judge(std::uint32_t point, month m, std::vector<detail::eval>* path,
                        detail::sources* used) const;
  std::string reason(const detail::verdict& v, month m) const;
  point_capacity capacity(std::uint32_t point, month m) const;
  std::vector<committed_load> committed(std::uint32_t e, month m) const;
  std::optional<month> relief(std::uint32_t point, month m) const;

  // scan.cpp
  detail::month_pass run_pass(month m) const;
  detail::verdict verdict_of(const detail::month_pass& p, std::uint32_t e) const;

  std::size_t memory_bytes() const noexcept;
};

}  // namespace gridcoord::domain::capacity
