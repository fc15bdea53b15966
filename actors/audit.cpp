#include "actors/audit.hpp"

#include <algorithm>

namespace gridcoord::actors {

bool matches(const storage::event& e, const audit_query& q) {
  const auto us = e.time.time_since_epoch().count();
  if (q.from_us != 0 && us < q.from_us) return false;
  if (q.to_us != 0 && us >= q.to_us) return false;
  if (!q.actor.empty() && e.actor != q.actor) return false;
  if (!q.entity.empty()) {
    bool prefix = q.entity.back() == '/';
    if (prefix ? !e.stream.starts_with(q.entity) : e.stream != q.entity) return false;
  }
  return true;
}

storage::expected<audit_page> scan_audit(const storage::event_store& store, const audit_query& q) {
  constexpr std::size_t page_events = 1000;
  audit_page out;
  out.next_after = q.after;
  std::uint64_t scanned = 0;
  const std::uint64_t limit = std::max<std::uint64_t>(q.limit, 1);
  while (scanned < audit_scan_budget) {
    auto page = store.read(out.next_after, std::min<std::uint64_t>(page_events, audit_scan_budget - scanned));
    if (!page) return gridcoord::unexpected{page.error()};
    if (page->empty()) {
      out.end = true;
      return out;
    }
    for (auto& e : *page) {
      ++scanned;
      out.next_after = e.seq;
      if (!matches(e, q)) continue;
      out.events.push_back({e.seq, std::move(e.stream), std::move(e.type), e.time, std::move(e.actor),
                            std::move(e.payload), std::move(e.origin)});
      if (out.events.size() >= limit) {
        out.end = out.next_after >= store.last_seq();
        return out;
      }
    }
  }
  out.end = out.next_after >= store.last_seq();
  return out;
}

}  // namespace gridcoord::actors
