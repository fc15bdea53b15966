#pragma once
// domain/equipment.hpp — the equipment registry: the grid's tree of equipment.
//
// substation → main_transformer → feeder → distribution_transformer. Each
// record names its parent (a substation has none), an area class, a display
// region (any UTF-8 text, often Chinese) and a rating in kVA. The registry is
// a projection of "equipment.imported" events in stream "equipment"; an import
// is an upsert (an id already present is replaced), checked as a whole
// against the registry before anything is applied (docs/equipment.md).
// [Threading] Not synchronised; one owner at a time (actors/registry_actor).
// [Errors]    check_import answers errc::validation_failed with every issue of
//             every row at once; apply_event and from_json answer
//             errc::internal for unreadable stored data.
// [Limits]    max_import_rows rows per import.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/error.hpp"

namespace gridcoord::domain {

inline constexpr std::size_t max_import_rows = 100'000;

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
  friend bool operator==(const equipment&, const equipment&) = default;
};

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

// {"equipment": [{"id", "kind", "parent"?, "area_class", "region", "rating_kva"}, …]}.
// errc::invalid_request when the body has another shape; too_large beyond
// max_import_rows. Row issues are collected in the draft, not failed on.
[[nodiscard]] expected<import_draft> read_import_json(const boost::json::value& body);

// A CSV file (domain/csv.hpp) whose header names the fields, in any order.
// read_csv's errors, and a bad header as validation_failed (one issue per column).
[[nodiscard]] expected<import_draft> read_import_csv(std::string_view text);

// What an import did: rows in it, ids new to the registry, ids replaced.
struct import_summary {
  std::size_t imported = 0;
  std::size_t added = 0;
  std::size_t replaced = 0;
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

// The payload of an "equipment.imported" event: {"equipment":[record…]}.
std::string encode_import(const std::vector<equipment>& rows);
[[nodiscard]] expected<std::vector<equipment>> decode_import(std::string_view payload);

boost::json::object record_to_json(const equipment& e);

class equipment_registry {
 public:
  const equipment* find(std::string_view id) const;
  bool empty() const noexcept { return items_.empty(); }
  std::size_t size() const noexcept { return items_.size(); }

  // The draft's rows as records, or every issue: the draft's own, then for
  // every row an unknown parent (in neither the registry nor the import), a
  // parent of the wrong kind, a substation with a parent, a repeated id, and
  // a kind change that would leave registered children under the wrong kind.
  [[nodiscard]] expected<std::vector<equipment>> check_import(const import_draft& draft) const;

  // What apply_import(rows) would do, without doing it.
  import_summary summarize(const std::vector<equipment>& rows) const;
  // Upserts every row. REQUIRES: check_import accepted them.
  import_summary apply_import(const std::vector<equipment>& rows);

  equipment_page select(const equipment_filter& f) const;

  [[nodiscard]] status apply_event(std::string_view type, std::string_view payload);

  boost::json::value to_json() const;  // [record…] by id
  [[nodiscard]] static expected<equipment_registry> from_json(const boost::json::value& v);
  friend bool operator==(const equipment_registry&, const equipment_registry&) = default;

 private:
  std::map<std::string, equipment, std::less<>> items_;
};

}  // namespace gridcoord::domain
