// domain/capacity/tree.cpp — the equipment arrays, the id index, and where
// each load sits (detail/state.hpp).
#include <algorithm>
#include <functional>

#include "domain/capacity/detail/state.hpp"

namespace gridcoord::domain::capacity {

using detail::npos;

namespace {

std::size_t hash_of(std::string_view id) noexcept { return std::hash<std::string_view>{}(id); }

template <class T>
void erase_one(std::vector<T>& v, const T& x) {
  auto it = std::find(v.begin(), v.end(), x);
  if (it == v.end()) return;
  *it = v.back();
  v.pop_back();
}

}  // namespace

std::string_view model::impl::id(std::uint32_t i) const noexcept {
  std::uint32_t begin = i == 0 ? 0 : id_end[i - 1];
  return std::string_view(id_pool).substr(begin, id_end[i] - begin);
}

std::uint32_t model::impl::find(std::string_view key) const noexcept {
  if (slots.empty()) return npos;
  std::size_t mask = slots.size() - 1;
  for (std::size_t s = hash_of(key) & mask;; s = (s + 1) & mask) {
    std::uint32_t i = slots[s];
    if (i == npos) return npos;
    if (id(i) == key) return i;
  }
}

void model::impl::rehash(std::size_t size) {
  std::vector<std::uint32_t> table(size, npos);
  std::size_t mask = size - 1;
  for (std::uint32_t j = 0; j < id_end.size(); ++j) {
    std::size_t s = hash_of(id(j)) & mask;
    while (table[s] != npos) s = (s + 1) & mask;
    table[s] = j;
  }
  slots = std::move(table);
}

void model::impl::rebuild_ids() {
  std::size_t size = 64;
  while (size < 2 * (id_end.size() + 1)) size *= 2;
  rehash(size);
}

std::uint32_t model::impl::add_id(std::string_view key) {
  auto i = static_cast<std::uint32_t>(id_end.size());
  if (slots.size() < 2 * (id_end.size() + 1)) rehash(std::max<std::size_t>(64, slots.size() * 2));  // at most half full
  id_pool.append(key);
  id_end.push_back(static_cast<std::uint32_t>(id_pool.size()));
  std::size_t mask = slots.size() - 1;
  std::size_t s = hash_of(key) & mask;
  while (slots[s] != npos) s = (s + 1) & mask;
  slots[s] = i;
  parent.push_back(npos);
  kind.push_back(equipment_kind::substation);
  area.push_back(area_class::urban);
  region.push_back(0);
  rating.push_back(0);
  side_of.push_back(npos);
  meas.push_back({});
  return i;
}

void model::impl::upsert(const std::vector<equipment>& rows) {
  std::vector<std::uint32_t> added, moved;
  std::vector<std::uint32_t> idx(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& e = rows[r];
    std::uint32_t i = find(e.id);
    if (i == npos) {
      i = add_id(e.id);
      added.push_back(i);
    } else if (kind[i] != e.kind) {
      moved.push_back(i);
    }
    idx[r] = i;
    kind[i] = e.kind;
    area[i] = e.area;
    rating[i] = e.rating_kva;
    auto [it, fresh] = region_index.try_emplace(e.region, static_cast<std::uint32_t>(regions.size()));
    if (fresh) regions.push_back(e.region);
    region[i] = it->second;
  }
  // Parents once every row's id is known: a child may come before its parent.
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::uint32_t i = idx[r];
    std::uint32_t p = rows[r].parent.empty() ? npos : find(rows[r].parent);
    if (p == npos && !rows[r].parent.empty()) orphans[rows[r].parent].push_back(i);
    if (p != parent[i]) {
      parent[i] = p;
      moved.push_back(i);
    }
  }
  for (std::uint32_t i : added) {
    auto it = orphans.find(std::string(id(i)));
    if (it == orphans.end()) continue;
    for (std::uint32_t child : it->second) {
      if (parent[child] != npos) continue;
      parent[child] = i;
      moved.push_back(child);
    }
    orphans.erase(it);
  }
  if (!added.empty()) {
    std::sort(added.begin(), added.end(), [&](auto a, auto b) { return id(a) < id(b); });
    std::vector<std::uint32_t> merged;
    merged.reserve(order.size() + added.size());
    std::merge(order.begin(), order.end(), added.begin(), added.end(), std::back_inserter(merged),
               [&](auto a, auto b) { return id(a) < id(b); });
    order = std::move(merged);
  }
  // A moved element's loads (its own and its subtree's) follow it.
  std::vector<std::uint32_t> replace;
  for (std::uint32_t i : moved) {
    if (side_of[i] != npos) replace.insert(replace.end(), sides[side_of[i]].loads.begin(), sides[side_of[i]].loads.end());
  }
  std::sort(replace.begin(), replace.end());
  replace.erase(std::unique(replace.begin(), replace.end()), replace.end());
  for (std::uint32_t l : replace) unplace(l);
  for (std::uint32_t l : replace) place(l);
  for (std::uint32_t i : added) adopt_pending(i);
}

// What was kept for an id before it was in the tree.
void model::impl::adopt_pending(std::uint32_t e) {
  std::string key(id(e));
  if (auto it = pending_loads.find(key); it != pending_loads.end()) {
    auto waiting = std::move(it->second);
    pending_loads.erase(it);
    for (std::uint32_t l : waiting) place(l);
  }
  if (auto it = pending_ratings.find(key); it != pending_ratings.end()) {
    set_ratings(e, std::move(it->second));
    pending_ratings.erase(it);
    if (m2) m2->reinforced.push_back(e);
  }
  if (auto it = pending_measurements.find(key); it != pending_measurements.end()) {
    for (const auto& m : it->second) measure(e, m);
    pending_measurements.erase(it);
  }
}

detail::side& model::impl::side_for(std::uint32_t e) {
  if (side_of[e] == npos) {
    if (free_sides.empty()) {
      side_of[e] = static_cast<std::uint32_t>(sides.size());
      sides.emplace_back();
    } else {
      side_of[e] = free_sides.back();
      free_sides.pop_back();
    }
  }
  return sides[side_of[e]];
}

void model::impl::release_side(std::uint32_t e) {
  std::uint32_t s = side_of[e];
  if (s == npos || !sides[s].loads.empty() || !sides[s].ratings.empty()) return;
  sides[s] = {};
  free_sides.push_back(s);
  side_of[e] = npos;
}

std::uint32_t model::impl::add_load(detail::load l) {
  l.live = true;
  std::uint32_t slot = 0;
  if (free_loads.empty()) {
    slot = static_cast<std::uint32_t>(loads.size());
    loads.push_back(std::move(l));
  } else {
    slot = free_loads.back();
    free_loads.pop_back();
    loads[slot] = std::move(l);
  }
  place(slot);
  return slot;
}

void model::impl::remove_load(std::uint32_t l) {
  unplace(l);
  loads[l] = {};
  free_loads.push_back(l);
}

void model::impl::place(std::uint32_t l) {
  auto& ld = loads[l];
  ld.point_idx = find(ld.point);
  ld.depth = 0;
  if (ld.point_idx == npos) {
    pending_loads[ld.point].push_back(l);
    return;
  }
  for (std::uint32_t e = ld.point_idx; e != npos && ld.depth < detail::max_depth; e = parent[e]) {
    ld.path[ld.depth++] = e;
    side_for(e).loads.push_back(l);
  }
}

void model::impl::unplace(std::uint32_t l) {
  auto& ld = loads[l];
  if (ld.depth == 0) {
    auto it = pending_loads.find(ld.point);
    if (it != pending_loads.end()) {
      erase_one(it->second, l);
      if (it->second.empty()) pending_loads.erase(it);
    }
    return;
  }
  for (std::uint8_t d = 0; d < ld.depth; ++d) {
    std::uint32_t e = ld.path[d];
    erase_one(sides[side_of[e]].loads, l);
    release_side(e);
  }
  ld.depth = 0;
}

void model::impl::set_ratings(std::uint32_t e, std::vector<detail::reinforcement> r) {
  std::stable_sort(r.begin(), r.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
  if (r.empty()) {
    if (side_of[e] == npos) return;
    sides[side_of[e]].ratings.clear();
    release_side(e);
    return;
  }
  side_for(e).ratings = std::move(r);
}

// Keeps the two latest months: a month older than both is not kept.
void model::impl::measure(std::uint32_t e, const detail::measurement& m) {
  auto& s = meas[e];
  if (s[0].period == 0 || m.period == s[0].period) {
    s[0] = m;
  } else if (m.period > s[0].period) {
    s[1] = s[0];
    s[0] = m;
  } else if (s[1].period == 0 || m.period >= s[1].period) {
    s[1] = m;
  }
}

}  // namespace gridcoord::domain::capacity
