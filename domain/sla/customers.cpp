// The customer registry: upserts, versions, and the index by equipment that
// affected() reads (docs/customers.md).
#include "domain/sla/customers.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

namespace gridcoord::domain::sla {

namespace {

// The tree has four levels; a longer walk would be a cycle in stored data.
constexpr int max_tree_depth = 8;

bool same_fields(const customer& a, const customer& b) {
  return a.id == b.id && a.name == b.name && a.tier == b.tier && a.contacts == b.contacts &&
         a.connection_point == b.connection_point;
}

bool by_id(const customer* a, const customer* b) { return a->id < b->id; }

}  // namespace

const customer* customer_registry::find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

status customer_registry::check_import(std::span<const customer> rows, const equipment_registry& equipment) const {
  if (rows.empty()) return fail(errc::validation_failed, "the import holds no customers");
  if (rows.size() > max_customer_import_rows)
    return fail(errc::too_large, fmt::format("an import holds at most {} customers", max_customer_import_rows));
  std::vector<issue> issues;
  std::unordered_map<std::string_view, std::size_t> first_row;  // id -> row, from 1
  first_row.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& c = rows[i];
    if (auto [it, fresh] = first_row.try_emplace(c.id, i + 1); !fresh)
      issues.push_back({rule::duplicate_row, i + 1, "id", c.id,
                        fmt::format("repeats the id of row {}; give each customer once", it->second)});
    if (!equipment.contains(c.connection_point))
      issues.push_back({rule::unknown_equipment, i + 1, "connection_point", c.connection_point,
                        "is not equipment of the registry"});
  }
  if (issues.empty()) return {};
  auto message = fmt::format("{} problem(s) in the customer import; nothing was imported", issues.size());
  return fail(errc::validation_failed, std::move(message), std::move(issues));
}

customer_import_summary customer_registry::summarize(std::span<const customer> rows) const {
  customer_import_summary sum;
  sum.imported = rows.size();
  for (const auto& c : rows) {
    const customer* now = find(c.id);
    if (!now) ++sum.added;
    else if (same_fields(*now, c)) ++sum.unchanged;
    else ++sum.replaced;
  }
  return sum;
}

customer_import_summary customer_registry::apply_import(std::span<const customer> rows,
                                                        const equipment_registry& equipment, std::uint64_t seq) {
  customer_import_summary sum;
  sum.imported = rows.size();
  std::vector<const customer*> moved;  // new, or at another connection point: to be listed again
  std::unordered_set<const customer*> moving;
  moving.reserve(rows.size());
  std::unordered_set<listing*> left;  // the listings the moved ones leave
  for (const auto& row : rows) {
    auto [it, fresh] = by_id_.try_emplace(row.id);
    customer& c = it->second;
    if (!fresh && same_fields(c, row)) {
      ++sum.unchanged;
      continue;
    }
    ++(fresh ? sum.added : sum.replaced);
    bool elsewhere = fresh || c.connection_point != row.connection_point;
    if (!fresh && elsewhere)
      if (auto at = under_.find(c.connection_point); at != under_.end()) left.insert(&at->second);
    auto version = c.version + 1;
    c = row;
    c.version = version;
    c.changed_seq = seq;
    if (elsewhere && moving.insert(&c).second) moved.push_back(&c);
  }
  for (listing* l : left) std::erase_if(l->customers, [&](const customer* c) { return moving.contains(c); });
  for (const customer* c : moved) listing_of(c->connection_point, equipment, 0).customers.push_back(c);
  return sum;
}

status customer_registry::apply_event(std::string_view type, std::uint64_t seq, std::string_view payload,
                                      const equipment_registry& equipment) {
  if (type != customer_imported_type) return {};
  auto rows = decode_customer_import(payload);
  if (!rows) return unexpected{rows.error()};
  apply_import(*rows, equipment, seq);
  return {};
}

customer_registry::listing& customer_registry::listing_of(const std::string& id, const equipment_registry& equipment,
                                                          int depth) {
  listing& l = under_[id];  // stays put when the map rehashes
  if (l.pass == pass_) return l;
  l.pass = pass_;
  if (depth < max_tree_depth)
    if (auto e = equipment.find(id); e && !e->parent.empty())
      listing_of(e->parent, equipment, depth + 1).below.push_back(&l);
  return l;
}

// The listings are reused, not rebuilt: after an equipment import most keep
// their place, and 200,000 of them cost more to free and allocate again than
// to clear. Those no customer reaches any more are dropped at the end.
void customer_registry::reindex(const equipment_registry& equipment) {
  ++pass_;
  for (auto& [id, l] : under_) {
    l.customers.clear();
    l.below.clear();
  }
  for (const auto& [id, c] : by_id_) listing_of(c.connection_point, equipment, 0).customers.push_back(&c);
  std::erase_if(under_, [this](const auto& kv) { return kv.second.pass != pass_; });
}

void customer_registry::collect(const listing& l, int depth, std::vector<const customer*>& out) const {
  out.insert(out.end(), l.customers.begin(), l.customers.end());
  if (depth < max_tree_depth)
    for (const listing* child : l.below) collect(*child, depth + 1, out);
}

std::vector<const customer*> customer_registry::affected(std::span<const std::string> equipment_ids) const {
  std::vector<const customer*> out;
  for (const auto& id : equipment_ids)
    if (auto it = under_.find(id); it != under_.end()) collect(it->second, 0, out);
  std::sort(out.begin(), out.end(), by_id);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

customer_page customer_registry::select(const customer_filter& f) const {
  const auto limit = std::max<std::uint64_t>(f.limit, 1);
  auto wanted = [&](const customer& c) {
    return c.id > f.after && (!f.tier || c.tier == *f.tier) &&
           (f.connection_point.empty() || c.connection_point == f.connection_point);
  };
  std::vector<const customer*> matches;  // up to limit + 1, by id
  if (!f.connection_point.empty()) {
    // The customers at the point are its listing's own: read those, not the registry.
    if (auto it = under_.find(f.connection_point); it != under_.end())
      for (const customer* c : it->second.customers)
        if (wanted(*c)) matches.push_back(c);
    std::sort(matches.begin(), matches.end(), by_id);
  } else {
    for (auto it = by_id_.upper_bound(f.after); it != by_id_.end() && matches.size() <= limit; ++it)
      if (wanted(it->second)) matches.push_back(&it->second);
  }
  customer_page p;
  p.end = matches.size() <= limit;
  if (!p.end) matches.resize(limit);
  p.items.reserve(matches.size());
  for (const customer* c : matches) p.items.push_back(*c);
  p.next_after = p.items.empty() ? f.after : p.items.back().id;
  return p;
}

}  // namespace gridcoord::domain::sla
