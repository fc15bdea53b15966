// The compact store behind equipment_registry: interned names, fixed slots.
#include <algorithm>
#include <cmath>
#include <functional>

#include "domain/equipment.hpp"

namespace gridcoord::domain {

namespace {

std::int32_t to_e7(double degrees) { return static_cast<std::int32_t>(std::llround(degrees * 1e7)); }
double from_e7(std::int32_t e7) { return static_cast<double>(e7) / 1e7; }
std::size_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s); }

}  // namespace

std::string_view equipment_registry::name(std::uint32_t n) const noexcept {
  std::uint32_t begin = n == 0 ? 0 : name_end_[n - 1];
  return std::string_view(chars_).substr(begin, name_end_[n] - begin);
}

std::uint32_t equipment_registry::find_name(std::string_view s) const noexcept {
  if (buckets_.empty()) return none;
  const std::size_t mask = buckets_.size() - 1;
  for (std::size_t b = hash_of(s) & mask;; b = (b + 1) & mask) {
    auto v = buckets_[b];
    if (v == 0) return none;
    if (name(v - 1) == s) return v - 1;
  }
}

void equipment_registry::rehash(std::size_t buckets) {
  buckets_.assign(buckets, 0);
  const std::size_t mask = buckets - 1;
  for (std::uint32_t n = 0; n < name_end_.size(); ++n) {
    std::size_t b = hash_of(name(n)) & mask;
    while (buckets_[b] != 0) b = (b + 1) & mask;
    buckets_[b] = n + 1;
  }
}

std::uint32_t equipment_registry::intern(std::string_view s) {
  if (auto n = find_name(s); n != none) return n;
  if ((name_end_.size() + 1) * 4 > buckets_.size() * 3) rehash(std::max<std::size_t>(64, buckets_.size() * 2));
  auto n = static_cast<std::uint32_t>(name_end_.size());
  chars_.append(s);
  name_end_.push_back(static_cast<std::uint32_t>(chars_.size()));
  slots_.emplace_back();
  const std::size_t mask = buckets_.size() - 1;
  std::size_t b = hash_of(s) & mask;
  while (buckets_[b] != 0) b = (b + 1) & mask;
  buckets_[b] = n + 1;
  return n;
}

std::uint32_t equipment_registry::intern_region(std::string_view s) {
  if (auto it = region_index_.find(s); it != region_index_.end()) return it->second;
  auto r = static_cast<std::uint32_t>(regions_.size());
  regions_.emplace_back(s);
  region_index_.emplace(regions_.back(), r);
  return r;
}

const equipment_registry::slot* equipment_registry::slot_of(std::string_view id) const noexcept {
  auto n = find_name(id);
  return n == none || slots_[n].version == 0 ? nullptr : &slots_[n];
}

std::optional<equipment_kind> equipment_registry::kind_of(std::string_view id) const {
  const auto* s = slot_of(id);
  return s ? std::optional(s->kind) : std::nullopt;
}

std::optional<equipment> equipment_registry::find(std::string_view id) const {
  auto n = find_name(id);
  if (n == none || slots_[n].version == 0) return std::nullopt;
  return materialise(n);
}

equipment equipment_registry::materialise(std::uint32_t n) const {
  const auto& s = slots_[n];
  equipment e;
  e.id = name(n);
  e.kind = s.kind;
  if (s.parent != none) e.parent = name(s.parent);
  e.area = s.area;
  e.region = regions_[s.region];
  e.rating_kva = s.rating_kva;
  if (s.located) {
    e.latitude = from_e7(s.latitude_e7);
    e.longitude = from_e7(s.longitude_e7);
  }
  e.version = s.version;
  e.changed_seq = s.changed_seq;
  e.changed_at = time_point{std::chrono::microseconds{s.changed_at_us}};
  return e;
}

equipment_registry::slot equipment_registry::slot_from(const equipment& e) {
  slot s;
  s.rating_kva = e.rating_kva;
  s.parent = e.parent.empty() ? none : intern(e.parent);
  s.region = intern_region(e.region);
  s.kind = e.kind;
  s.area = e.area;
  s.located = e.latitude && e.longitude;
  if (s.located) {
    s.latitude_e7 = to_e7(*e.latitude);
    s.longitude_e7 = to_e7(*e.longitude);
  }
  return s;
}

import_summary equipment_registry::summarize(std::span<const equipment> rows) const {
  import_summary sum{rows.size(), 0, 0, 0};
  for (const auto& e : rows) {
    auto n = find_name(e.id);
    if (n == none || slots_[n].version == 0) ++sum.added;
    else if (same_fields(materialise(n), e)) ++sum.unchanged;
    else ++sum.replaced;
  }
  return sum;
}

// Room for every row being new: exactly, for one large import; by an
// eighth more, for many small ones (geometric, so no quadratic regrowth,
// and little slack in a store that is mostly one large import).
void equipment_registry::reserve_for(std::span<const equipment> rows) {
  auto grow = [](auto& v, std::size_t extra) {
    auto needed = v.size() + extra;
    if (needed > v.capacity()) v.reserve(std::max(needed, v.capacity() + v.capacity() / 8));
  };
  std::size_t id_bytes = 0;
  for (const auto& e : rows) id_bytes += e.id.size();
  grow(chars_, id_bytes);
  grow(name_end_, rows.size());
  grow(slots_, rows.size());
  grow(order_, rows.size());
  auto names = name_end_.size() + rows.size();
  if (names * 4 > buckets_.size() * 3) {
    std::size_t b = std::max<std::size_t>(64, buckets_.size());
    while (names * 4 > b * 3) b *= 2;
    rehash(b);
  }
}

import_summary equipment_registry::apply_import(std::span<const equipment> rows, std::uint64_t seq,
                                                time_point at) {
  import_summary sum{rows.size(), 0, 0, 0};
  reserve_for(rows);
  std::vector<std::uint32_t> fresh;
  const auto at_us = at.time_since_epoch().count();
  for (const auto& e : rows) {
    auto n = intern(e.id);
    auto next = slot_from(e);  // may intern the parent: slots_ may move
    auto& cur = slots_[n];
    if (cur.version == 0) {
      next.version = 1;
      fresh.push_back(n);
      ++sum.added;
    } else if (next.kind == cur.kind && next.parent == cur.parent && next.area == cur.area &&
               next.region == cur.region && next.rating_kva == cur.rating_kva && next.located == cur.located &&
               next.latitude_e7 == cur.latitude_e7 && next.longitude_e7 == cur.longitude_e7) {
      ++sum.unchanged;
      continue;
    } else {
      earlier_.emplace_back(n, cur.changed_seq);
      next.version = cur.version + 1;
      ++sum.replaced;
    }
    next.changed_seq = seq;
    next.changed_at_us = at_us;
    cur = next;
  }
  size_ += fresh.size();
  insert_sorted(fresh);
  return sum;
}

void equipment_registry::insert_sorted(std::vector<std::uint32_t>& fresh) {
  if (fresh.empty()) return;
  auto by_name = [this](std::uint32_t a, std::uint32_t b) { return name(a) < name(b); };
  std::sort(fresh.begin(), fresh.end(), by_name);
  auto middle = order_.size();
  order_.insert(order_.end(), fresh.begin(), fresh.end());
  if (middle > 0 && by_name(order_[middle], order_[middle - 1]))
    std::inplace_merge(order_.begin(), order_.begin() + static_cast<std::ptrdiff_t>(middle), order_.end(), by_name);
}

std::vector<std::uint64_t> equipment_registry::change_seqs(std::string_view id) const {
  auto n = find_name(id);
  if (n == none || slots_[n].version == 0) return {};
  std::vector<std::uint64_t> out;
  for (const auto& [name_of, seq] : earlier_)
    if (name_of == n) out.push_back(seq);
  out.push_back(slots_[n].changed_seq);
  return out;
}

equipment_page equipment_registry::select(const equipment_filter& f) const {
  equipment_page p;
  const auto limit = std::max<std::uint64_t>(f.limit, 1);
  std::uint32_t parent = none, region = none;
  if (!f.parent.empty() && (parent = find_name(f.parent)) == none) return {{}, f.after, true};
  if (!f.region.empty()) {
    auto it = region_index_.find(f.region);
    if (it == region_index_.end()) return {{}, f.after, true};
    region = it->second;
  }
  auto it = std::upper_bound(order_.begin(), order_.end(), f.after,
                             [this](std::string_view a, std::uint32_t n) { return a < name(n); });
  for (; it != order_.end(); ++it) {
    const auto& s = slots_[*it];
    if ((f.kind && s.kind != *f.kind) || (parent != none && s.parent != parent) ||
        (region != none && s.region != region))
      continue;
    if (p.items.size() == limit) {
      p.end = false;
      break;
    }
    p.items.push_back(materialise(*it));
  }
  p.next_after = p.items.empty() ? f.after : p.items.back().id;
  return p;
}

std::size_t equipment_registry::memory_bytes() const noexcept {
  std::size_t regions = 0;
  for (const auto& r : regions_) regions += sizeof(r) + r.capacity() + 64;  // and its index node
  return chars_.capacity() + name_end_.capacity() * sizeof(std::uint32_t) +
         buckets_.capacity() * sizeof(std::uint32_t) + slots_.capacity() * sizeof(slot) +
         order_.capacity() * sizeof(std::uint32_t) + earlier_.capacity() * sizeof(earlier_[0]) + regions;
}

bool operator==(const equipment_registry& a, const equipment_registry& b) {
  if (a.size_ != b.size_) return false;
  for (std::size_t i = 0; i < a.order_.size(); ++i) {
    auto x = a.materialise(a.order_[i]);
    if (x != b.materialise(b.order_[i]) || a.change_seqs(x.id) != b.change_seqs(x.id)) return false;
  }
  return true;
}

}  // namespace gridcoord::domain
