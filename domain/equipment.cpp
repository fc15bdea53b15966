#include "domain/equipment.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include <fmt/format.h>

namespace gridcoord::domain {

namespace {

constexpr std::array<std::string_view, 4> kind_names{"substation", "main_transformer", "feeder",
                                                     "distribution_transformer"};
constexpr std::array<std::string_view, 3> area_names{"urban", "rural", "remote"};

// The import's ids: the first row that names each.
using import_index = std::unordered_map<std::string_view, const import_row*>;

import_index index_ids(const import_draft& draft, std::vector<issue>& out) {
  import_index index;
  index.reserve(draft.rows.size());
  for (const auto& r : draft.rows) {
    if (r.record.id.empty()) continue;  // its own issue says so
    auto [it, fresh] = index.try_emplace(r.record.id, &r);
    if (!fresh)
      out.push_back({rule::duplicate_row, r.number, "id", r.record.id,
                     fmt::format("repeats row {}: an id appears once in an import", it->second->number)});
  }
  return index;
}

// The kind `parent` will have after the import; nullopt when unknown (or
// when its import row's kind did not read: that row's issue covers it).
std::optional<equipment_kind> kind_after(const equipment_registry& reg, const import_index& index,
                                         std::string_view parent, bool& known) {
  known = true;
  if (auto it = index.find(parent); it != index.end()) return it->second->kind;
  if (auto k = reg.kind_of(parent)) return k;
  known = false;
  return std::nullopt;
}

void check_parent(const equipment_registry& reg, const import_index& index, const import_row& r,
                  std::vector<issue>& out) {
  auto kind = *r.kind;
  const auto& parent = r.record.parent;
  auto wanted = parent_kind_of(kind);
  if (!wanted) {
    if (!parent.empty())
      out.push_back({rule::not_applicable, r.number, "parent", parent, "a substation has no parent; leave parent out"});
    return;
  }
  if (parent.empty()) {
    out.push_back({rule::required, r.number, "parent", "",
                   fmt::format("is required: the {} this {} hangs under", to_string(*wanted), to_string(kind))});
    return;
  }
  bool known = false;
  auto actual = kind_after(reg, index, parent, known);
  if (!known)
    out.push_back({rule::unknown_equipment, r.number, "parent", parent,
                   fmt::format("no equipment {} in the registry or in this import", parent)});
  else if (actual && *actual != *wanted)
    out.push_back({rule::wrong_equipment_kind, r.number, "parent", parent,
                   fmt::format("{} is a {}, not a {}: the parent of a {} is a {}", parent, to_string(*actual),
                               to_string(*wanted), to_string(kind), to_string(*wanted))});
}

}  // namespace

std::string_view to_string(equipment_kind k) noexcept { return kind_names[static_cast<std::size_t>(k)]; }
std::string_view to_string(area_class a) noexcept { return area_names[static_cast<std::size_t>(a)]; }

std::optional<equipment_kind> parse_equipment_kind(std::string_view text) {
  for (std::size_t i = 0; i < kind_names.size(); ++i)
    if (kind_names[i] == text) return static_cast<equipment_kind>(i);
  return std::nullopt;
}

std::optional<area_class> parse_area_class(std::string_view text) {
  for (std::size_t i = 0; i < area_names.size(); ++i)
    if (area_names[i] == text) return static_cast<area_class>(i);
  return std::nullopt;
}

std::optional<equipment_kind> parent_kind_of(equipment_kind k) noexcept {
  switch (k) {
    case equipment_kind::substation: return std::nullopt;
    case equipment_kind::main_transformer: return equipment_kind::substation;
    case equipment_kind::feeder: return equipment_kind::main_transformer;
    case equipment_kind::distribution_transformer: return equipment_kind::feeder;
  }
  return std::nullopt;
}

bool same_fields(const equipment& a, const equipment& b) noexcept {
  return a.id == b.id && a.kind == b.kind && a.parent == b.parent && a.area == b.area && a.region == b.region &&
         a.rating_kva == b.rating_kva && a.latitude == b.latitude && a.longitude == b.longitude;
}

// A row that changes the kind of an id with registered children (not
// themselves in the import) would leave them under the wrong kind.
bool equipment_registry::orphans_children(const import_index& index, std::vector<issue>& out) const {
  std::vector<const import_row*> changing;  // rows that change a registered kind
  for (const auto& [id, row] : index)
    if (row->kind && kind_of(id).value_or(*row->kind) != *row->kind) changing.push_back(row);
  if (changing.empty()) return false;
  struct orphaned {
    std::size_t count = 0;
    std::uint32_t first = none;
  };
  std::unordered_map<const import_row*, orphaned> by_row;
  for (auto n : order_) {
    const auto& child = slots_[n];
    if (child.parent == none || index.contains(name(n))) continue;
    auto it = index.find(name(child.parent));
    if (it == index.end() || !it->second->kind) continue;
    if (*it->second->kind == parent_kind_of(child.kind)) continue;
    auto& o = by_row[it->second];
    if (o.count++ == 0) o.first = n;
  }
  std::sort(changing.begin(), changing.end(),
            [](const import_row* a, const import_row* b) { return a->number < b->number; });
  for (const auto* row : changing) {
    auto it = by_row.find(row);
    if (it == by_row.end()) continue;
    const auto& first = slots_[it->second.first];
    out.push_back({rule::orphaned_children, row->number, "kind", std::string(to_string(*row->kind)),
                   fmt::format("{} has {} registered child(ren) ({}, a {}, first) whose parent must be a {}; "
                               "import them too, or keep the kind",
                               row->record.id, it->second.count, name(it->second.first), to_string(first.kind),
                               to_string(*parent_kind_of(first.kind)))});
  }
  return true;
}

expected<std::vector<equipment>> equipment_registry::check_import(const import_draft& draft) const {
  std::vector<issue> issues = draft.issues;
  auto index = index_ids(draft, issues);
  for (const auto& r : draft.rows)
    if (r.kind) check_parent(*this, index, r, issues);
  orphans_children(index, issues);
  if (!issues.empty()) {
    std::stable_sort(issues.begin(), issues.end(),
                     [](const issue& a, const issue& b) { return a.row.value_or(0) < b.row.value_or(0); });
    auto message = fmt::format("{} problem(s) in the equipment import; nothing was imported", issues.size());
    return fail(errc::validation_failed, std::move(message), std::move(issues));
  }
  std::vector<equipment> out;
  out.reserve(draft.rows.size());
  for (const auto& r : draft.rows) out.push_back(r.record);
  return out;
}

}  // namespace gridcoord::domain
