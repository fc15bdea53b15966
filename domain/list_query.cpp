#include "domain/list_query.hpp"

#include <algorithm>

namespace gridcoord::domain {

namespace {

bool keep(const inbox_item& i, const inbox_filter& f) {
  if (f.acknowledged && i.ack.has_value() != *f.acknowledged) return false;
  if (f.from && i.from != *f.from) return false;
  return f.kind.empty() || i.kind == f.kind;
}

bool keep(const token_record& t, const token_filter& f) {
  if (f.active && is_active(t, f.now) != *f.active) return false;
  return f.role.empty() || to_string(t.granted) == f.role;
}

// The generic page: matches after the cursor, at most `limit`, and whether
// any match remains beyond them.
template <class T, class Filter, class After>
void fill(const std::vector<T>& all, const Filter& f, After is_after, std::vector<T>& out, bool& end) {
  const auto limit = std::max<std::uint64_t>(f.limit, 1);
  end = true;
  for (const auto& x : all) {
    if (!is_after(x) || !keep(x, f)) continue;
    if (out.size() == limit) {
      end = false;
      return;
    }
    out.push_back(x);
  }
}

}  // namespace

inbox_page select(const std::vector<inbox_item>& items, const inbox_filter& f) {
  inbox_page p;
  fill(items, f, [&](const inbox_item& i) { return i.id > f.after; }, p.items, p.end);
  p.next_after = p.items.empty() ? f.after : p.items.back().id;
  return p;
}

inbox_page select(const department_book& book, const inbox_filter& f) {
  const auto limit = std::max<std::uint64_t>(f.limit, 1);
  inbox_page p;
  bool open_only = f.acknowledged.has_value() && !*f.acknowledged;
  book.visit_inbox(f.after, open_only, [&](const inbox_item& i) {
    if (!keep(i, f)) return true;
    if (p.items.size() == limit) {
      p.end = false;
      return false;
    }
    p.items.push_back(i);
    return true;
  });
  p.next_after = p.items.empty() ? f.after : p.items.back().id;
  p.open = book.open_items();
  return p;
}

token_page select(std::vector<token_record> tokens, const token_filter& f) {
  std::sort(tokens.begin(), tokens.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  token_page p;
  fill(tokens, f, [&](const token_record& t) { return t.id > f.after; }, p.tokens, p.end);
  p.next_after = p.tokens.empty() ? f.after : p.tokens.back().id;
  return p;
}

}  // namespace gridcoord::domain
