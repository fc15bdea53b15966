#include "domain/equipment.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace gridcoord::domain {

namespace {

constexpr std::array<std::string_view, 4> kind_names{"substation", "main_transformer", "feeder",
                                                     "distribution_transformer"};
constexpr std::array<std::string_view, 3> area_names{"urban", "rural", "remote"};

// The import's ids: the first row that names each.
using import_index = std::map<std::string_view, const import_row*, std::less<>>;

import_index index_ids(const import_draft& draft, std::vector<issue>& out) {
  import_index index;
  for (const auto& r : draft.rows) {
    if (r.record.id.empty()) continue;  // its own issue says so
    auto [it, fresh] = index.try_emplace(r.record.id, &r);
    if (!fresh)
      out.push_back({r.number, "id", r.record.id,
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
  if (const auto* e = reg.find(parent)) return e->kind;
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
      out.push_back({r.number, "parent", parent, "a substation has no parent; leave parent out"});
    return;
  }
  if (parent.empty()) {
    out.push_back({r.number, "parent", "",
                   fmt::format("is required: the {} this {} hangs under", to_string(*wanted), to_string(kind))});
    return;
  }
  bool known = false;
  auto actual = kind_after(reg, index, parent, known);
  if (!known)
    out.push_back({r.number, "parent", parent,
                   fmt::format("no equipment {} in the registry or in this import", parent)});
  else if (actual && *actual != *wanted)
    out.push_back({r.number, "parent", parent,
                   fmt::format("{} is a {}, not a {}: the parent of a {} is a {}", parent, to_string(*actual),
                               to_string(*wanted), to_string(kind), to_string(*wanted))});
}

// A row that changes the kind of an id with registered children (not
// themselves in the import) would leave them under the wrong kind.
void check_kind_changes(const std::map<std::string, equipment, std::less<>>& items, const import_index& index,
                        std::vector<issue>& out) {
  struct orphaned {
    std::size_t count = 0;
    const equipment* first = nullptr;
  };
  std::map<const import_row*, orphaned> by_row;
  for (const auto& [id, child] : items) {
    if (child.parent.empty() || index.contains(id)) continue;
    auto it = index.find(child.parent);
    if (it == index.end() || !it->second->kind) continue;
    if (*it->second->kind == parent_kind_of(child.kind)) continue;
    auto& o = by_row[it->second];
    if (o.count++ == 0) o.first = &child;
  }
  for (const auto& [row, o] : by_row)
    out.push_back({row->number, "kind", std::string(to_string(*row->kind)),
                   fmt::format("{} has {} registered child(ren) ({}, a {}, first) whose parent must be a {}; "
                               "import them too, or keep the kind",
                               row->record.id, o.count, o.first->id, to_string(o.first->kind),
                               to_string(*parent_kind_of(o.first->kind)))});
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

const equipment* equipment_registry::find(std::string_view id) const {
  auto it = items_.find(id);
  return it == items_.end() ? nullptr : &it->second;
}

expected<std::vector<equipment>> equipment_registry::check_import(const import_draft& draft) const {
  std::vector<issue> issues = draft.issues;
  auto index = index_ids(draft, issues);
  for (const auto& r : draft.rows)
    if (r.kind) check_parent(*this, index, r, issues);
  check_kind_changes(items_, index, issues);
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

import_summary equipment_registry::summarize(const std::vector<equipment>& rows) const {
  import_summary s{rows.size(), 0, 0};
  for (const auto& e : rows) ++(find(e.id) ? s.replaced : s.added);
  return s;
}

import_summary equipment_registry::apply_import(const std::vector<equipment>& rows) {
  auto s = summarize(rows);
  for (const auto& e : rows) items_.insert_or_assign(e.id, e);
  return s;
}

equipment_page equipment_registry::select(const equipment_filter& f) const {
  equipment_page p;
  const auto limit = std::max<std::uint64_t>(f.limit, 1);
  for (auto it = items_.upper_bound(f.after); it != items_.end(); ++it) {
    const auto& e = it->second;
    if ((f.kind && e.kind != *f.kind) || (!f.parent.empty() && e.parent != f.parent) ||
        (!f.region.empty() && e.region != f.region))
      continue;
    if (p.items.size() == limit) {
      p.end = false;
      break;
    }
    p.items.push_back(e);
  }
  p.next_after = p.items.empty() ? f.after : p.items.back().id;
  return p;
}

status equipment_registry::apply_event(std::string_view type, std::string_view payload) {
  if (type != equipment_imported_type) return {};
  auto rows = decode_import(payload);
  if (!rows) return unexpected{rows.error()};
  apply_import(*rows);
  return {};
}

}  // namespace gridcoord::domain
