#pragma once
// domain/equipment.hpp — the equipment registry: the grid's tree of equipment.
//
// substation → main_transformer → feeder → distribution_transformer. Each
// record names its parent (a substation has none), an area class, a display
// region (any UTF-8 text, often Chinese), a rating in kVA and, optionally, its
// position (WGS 84 latitude and longitude, both or neither). The registry is
// a projection of "equipment.imported" events in stream "equipment"; an import
// is an upsert (an id already present is replaced), checked as a whole
// against the registry before anything is applied (docs/equipment.md). Each
// record counts its versions: 1 when first imported, +1 for each import that
// changes one of its fields; an identical row changes nothing.
// The store is compact (about 80 bytes a record): ids and parents interned in
// one string pool, regions interned, fixed-size slots; find() materialises.
// [Threading] Not synchronised; one owner at a time (actors/registry_actor).
//             A copy shares nothing; const members are safe to call from
//             several threads at once.
// [Errors]    check_import answers errc::validation_failed with every issue of
//             every row at once; apply_event and from_json answer
//             errc::internal for unreadable stored data.
// [Limits]    max_import_rows rows per import; an import is logged as one
//             event per import_rows_per_event rows (the log's payload limit);
//             coordinates are kept to 1e-7 degree (about 1 cm).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/clock.hpp"
#include "domain/error.hpp"

namespace gridcoord::domain {

inline constexpr std::size_t max_import_rows = 1'000'000;
inline constexpr std::size_t import_rows_per_event = 50'000;

enum class equipment_kind : std::uint8_t { substation, main_transformer, feeder, distribution_transformer };
enum class area_class : std::uint8_t { urban, rural, remote };

std::string_view to_string(equipment_kind k) noexcept;
std::string_view to_string(area_class a) noexcept;
std::optional<equipment_kind> parse_equipment_kind(std::string_view text);
std::optional<area_class> parse_area_class(std::string_view text);

// The kind a parent of `k` must have; nullopt for a substation (no parent).
std::optional<equipment_kind> parent_kind_of(equipment_kind k) noexcept;

struct equipment {
  std::string id;
  equipment_kind kind = equipment_kind::feeder;
  std::string parent;  // "" only for a substation
  area_class area = area_class::urban;
  std::string region;
  double rating_kva = 0;
  std::optional<double> latitude;   // degrees, −90…90, rounded to 1e-7; both or neither
  std::optional<double> longitude;  // degrees, −180…180, rounded to 1e-7
  // Kept by the registry; 0 and unset in an import row or an event's payload.
  std::uint32_t version = 0;
  std::uint64_t changed_seq = 0;  // the equipment.imported event that made this version
  time_point changed_at{};
  friend bool operator==(const equipment&, const equipment&) = default;
};

// The imported fields equal (id, kind, parent, area, region, rating, position).
bool same_fields(const equipment& a, const equipment& b) noexcept;

// One row of an import as read from a body, before the registry checks it:
// the fields that read well, and the row's own issues (unknown or missing
// fields, bad values). `kind` is empty when it did not read.
struct import_row {
  std::size_t number = 0;  // 1-based
  equipment record;
  std::optional<equipment_kind> kind;
  bool valid = false;  // every field read well
};

struct import_draft {
  std::vector<import_row> rows;
  std::vector<issue> issues;  // the rows' own
};

// {"equipment": [{"id", "kind", "parent"?, "area_class", "region", "rating_kva",
// "latitude"?, "longitude"?}, …]}. errc::invalid_request when the body has
// another shape; too_large beyond max_import_rows. Row issues are collected
// in the draft, not failed on.
[[nodiscard]] expected<import_draft> read_import_json(const boost::json::value& body);

// A CSV file (domain/csv.hpp) whose header names the fields, in any order
// (parent, latitude and longitude columns may be left out). read_csv's
// errors, and a bad header as validation_failed (one issue per column).
// Rows read as read_import_json reads the same values.
[[nodiscard]] expected<import_draft> read_import_csv(std::string_view text);

// What an import did: rows in it, ids new to the registry, ids whose fields
// it changed (a new version), ids it left as they were.
struct import_summary {
  std::size_t imported = 0;
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
  friend bool operator==(const import_summary&, const import_summary&) = default;
};

struct equipment_filter {
  std::optional<equipment_kind> kind;
  std::string parent;  // "" = any
  std::string region;  // "" = any; exact match
  std::string after;   // id cursor; "" = from the first
  std::uint64_t limit = 100;
};

struct equipment_page {
  std::vector<equipment> items;  // by id
  std::string next_after;
  bool end = true;
};

inline constexpr std::string_view equipment_stream = "equipment";
inline constexpr std::string_view equipment_imported_type = "equipment.imported";

// The payload of an "equipment.imported" event: {"equipment":[record…]}, the
// imported fields only.
std::string encode_import(std::span<const equipment> rows);
[[nodiscard]] expected<std::vector<equipment>> decode_import(std::string_view payload);
// The row for `id` in a payload, without reading the others when the payload
// is as encode_import writes it; nullopt when the payload has no such row.
[[nodiscard]] expected<std::optional<equipment>> find_in_import(std::string_view payload, std::string_view id);

// The imported fields; with version, changed_seq and changed_at when the
// record is from the registry (version > 0).
boost::json::object record_to_json(const equipment& e);

class equipment_registry {
 public:
  std::optional<equipment> find(std::string_view id) const;
  // The kind of `id`, without materialising it; nullopt when not registered.
  std::optional<equipment_kind> kind_of(std::string_view id) const;
  bool contains(std::string_view id) const { return kind_of(id).has_value(); }
  bool empty() const noexcept { return size_ == 0; }
  std::size_t size() const noexcept { return size_; }

  // The draft's rows as records, or every issue: the draft's own, then for
  // every row an unknown parent (in neither the registry nor the import), a
  // parent of the wrong kind, a substation with a parent, a repeated id, and
  // a kind change that would leave registered children under the wrong kind.
  // (The kinds are strictly layered, so an import cannot make a cycle: the
  // parent of a row that would close one has the wrong kind.)
  [[nodiscard]] expected<std::vector<equipment>> check_import(const import_draft& draft) const;

  // What apply_import(rows) would do, without doing it.
  import_summary summarize(std::span<const equipment> rows) const;
  // Upserts every row, as changed by event `seq` at `at`. REQUIRES: check_import accepted them.
  import_summary apply_import(std::span<const equipment> rows, std::uint64_t seq = 0, time_point at = {});

  // The seqs of the imports that made each version of `id`, version 1 first;
  // empty when `id` is not registered.
  std::vector<std::uint64_t> change_seqs(std::string_view id) const;

  equipment_page select(const equipment_filter& f) const;

  [[nodiscard]] status apply_event(std::string_view type, std::uint64_t seq, time_point at,
                                   std::string_view payload);

  // [record…] by id, each with version, changed_seq, changed_at and, after
  // the first version, "earlier_seqs".
  boost::json::value to_json() const;
  [[nodiscard]] static expected<equipment_registry> from_json(const boost::json::value& v);

  // The bytes the store holds (its vectors' capacity), for the benchmark.
  std::size_t memory_bytes() const noexcept;

  friend bool operator==(const equipment_registry& a, const equipment_registry& b);

 private:
  static constexpr std::uint32_t none = 0xFFFF'FFFF;
  struct slot {
    double rating_kva = 0;
    std::uint64_t changed_seq = 0;
    std::int64_t changed_at_us = 0;
    std::int32_t latitude_e7 = 0;
    std::int32_t longitude_e7 = 0;
    std::uint32_t parent = none;  // a name
    std::uint32_t region = 0;
    std::uint32_t version = 0;  // 0: no record under this name (only a parent's)
    equipment_kind kind = equipment_kind::feeder;
    area_class area = area_class::urban;
    bool located = false;
  };

  std::string_view name(std::uint32_t n) const noexcept;
  std::uint32_t find_name(std::string_view s) const noexcept;  // none when not interned
  std::uint32_t intern(std::string_view s);
  void rehash(std::size_t buckets);
  std::uint32_t intern_region(std::string_view s);
  const slot* slot_of(std::string_view id) const noexcept;
  slot slot_from(const equipment& e);
  equipment materialise(std::uint32_t n) const;
  void insert_sorted(std::vector<std::uint32_t>& fresh);
  void reserve_for(std::span<const equipment> rows);
  bool orphans_children(const std::unordered_map<std::string_view, const import_row*>& index,
                        std::vector<issue>& out) const;

  std::string chars_;                      // every id and parent, end to end
  std::vector<std::uint32_t> name_end_;    // name n is chars_[name_end_[n-1], name_end_[n])
  std::vector<std::uint32_t> buckets_;     // open addressing over names: n + 1, 0 = empty
  std::vector<slot> slots_;                // by name
  std::vector<std::uint32_t> order_;       // the names that are records, by id
  std::vector<std::string> regions_;       // interned; few
  std::map<std::string, std::uint32_t, std::less<>> region_index_;
  std::vector<std::pair<std::uint32_t, std::uint64_t>> earlier_;  // (name, seq) of superseded versions
  std::size_t size_ = 0;
};

}  // namespace gridcoord::domain
