#include "actors/detail/sla_views.hpp"

#include <fmt/format.h>

namespace gridcoord::actors::detail {

namespace sla = domain::sla;

namespace {

constexpr std::size_t max_notices = 100;  // of one department's open-work answer

std::pair<std::string, std::uint64_t> split(const std::string& item) {
  auto slash = item.find('/');
  return {item.substr(0, slash), std::stoull(item.substr(slash + 1))};
}

domain::expected<sla_item> find_item(const sla_state& st, std::string_view kind, std::uint64_t id) {
  sla_item out;
  out.item = sla::item_name(kind, id);
  const auto& b = st.book;
  if (kind == "outage" && b.find_outage(id)) out.record = *b.find_outage(id);
  else if (kind == "planned" && b.find_planned(id)) out.record = *b.find_planned(id);
  else if (kind == "complaint" && b.find_complaint(id)) out.record = *b.find_complaint(id);
  else if (kind == "callback" && b.find_callback(id)) out.record = *b.find_callback(id);
  else if (kind == "analysis" && b.find_analysis(id)) out.record = *b.find_analysis(id);
  else return domain::fail(domain::errc::not_found, fmt::format("there is no {} {}", kind, id));
  const auto& cal = st.options.calendar->calendar();
  for (const auto* c : b.clocks_of(out.item)) {
    out.clocks.push_back(*c);
    domain::merge_years(out.uncovered_years, sla::uncovered_years(*c, cal));
  }
  return out;
}

bool is_open(const sla_item& i) {
  return std::visit(
      [](const auto& r) {
        using R = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<R, sla::outage>) return !r.restored_at.has_value();
        else if constexpr (std::is_same_v<R, sla::planned_notice>) return false;
        else if constexpr (std::is_same_v<R, sla::complaint>) return r.state != sla::complaint_state::resolved;
        else if constexpr (std::is_same_v<R, sla::callback>) return !r.completed_at.has_value();
        else return !r.closing.has_value();
      },
      i.record);
}

template <class Map>
item_list list_of(const sla_state& st, std::string_view kind, const Map& items, const list_items& q) {
  item_list out;
  for (auto it = items.upper_bound(q.after); it != items.end(); ++it) {
    if (out.items.size() == q.limit) {
      out.end = false;
      break;
    }
    auto one = *find_item(st, kind, it->first);
    if (q.open_only && !is_open(one)) continue;
    out.items.push_back(std::move(one));
    out.next_after = it->first;
  }
  return out;
}

}  // namespace

sla_answer item_view(const sla_state& st, const std::string& item, bool created, bool changed) {
  auto [kind, id] = split(item);
  auto found = find_item(st, kind, id);
  found->created = created;
  found->changed = changed;
  return *found;
}

domain::expected<sla_answer> read(const sla_state& st, const get_customer& q) {
  const auto* c = st.customers.find(q.id);
  if (!c) return domain::fail(domain::errc::not_found, fmt::format("there is no customer {}", q.id));
  customer_view v{*c, {}};
  for (const auto* m : st.outbox.for_customer(q.id)) v.notifications.push_back(*m);
  return sla_answer{std::move(v)};
}

domain::expected<sla_answer> read(const sla_state& st, const list_customers& q) {
  return sla_answer{st.customers.select(q.filter)};
}

domain::expected<sla_answer> read(const sla_state& st, const list_notifications& q) {
  notification_list out;
  out.pending = st.outbox.pending();
  if (q.state == sla::delivery_state::dead_lettered) {
    for (const auto* m : st.outbox.dead_letters(q.limit))
      if (q.cause.empty() || m->message.cause == q.cause) out.items.push_back(*m);
    return sla_answer{std::move(out)};
  }
  if (q.state == sla::delivery_state::pending) {
    for (const auto* m : st.outbox.due(domain::time_point::max(), q.limit))
      if (q.cause.empty() || m->message.cause == q.cause) out.items.push_back(*m);
    return sla_answer{std::move(out)};
  }
  return domain::fail(domain::errc::invalid_request,
                      "list notifications by state: pending or dead_lettered (a customer's are on the customer)");
}

domain::expected<sla_answer> read(const sla_state& st, const get_item& q) {
  auto found = find_item(st, q.kind, q.id);
  if (!found) return unexpected{found.error()};
  return sla_answer{std::move(*found)};
}

domain::expected<sla_answer> read(const sla_state& st, const list_items& q) {
  const auto& b = st.book;
  if (q.kind == "outage") return sla_answer{list_of(st, q.kind, b.outages(), q)};
  if (q.kind == "planned") return sla_answer{list_of(st, q.kind, b.planned(), q)};
  if (q.kind == "complaint") return sla_answer{list_of(st, q.kind, b.complaints(), q)};
  if (q.kind == "callback") return sla_answer{list_of(st, q.kind, b.callbacks(), q)};
  if (q.kind == "analysis") return sla_answer{list_of(st, q.kind, b.analyses(), q)};
  return domain::fail(domain::errc::not_found, fmt::format("there are no items of kind {}", q.kind));
}

domain::expected<sla_answer> read(const sla_state& st, const list_open_work& q) {
  auto now = st.clock->now();
  open_work out;
  out.as_of = now;
  const auto& cal = st.options.calendar->calendar();
  for (const auto& s : st.book.open_steps(q.department, now)) {
    out.steps.push_back({*s.clock, s.remaining, s.elapsed_percent});
    domain::merge_years(out.uncovered_years, sla::uncovered_years(*s.clock, cal));
  }
  for (const auto& [id, a] : st.book.analyses())
    if (!a.closing && (!q.department || a.opening.owner == *q.department)) out.analyses.push_back(a);
  for (const auto* n : st.book.notices(q.department, max_notices)) out.notices.push_back(*n);
  return sla_answer{std::move(out)};
}

domain::expected<sla_answer> read(const sla_state& st, const list_breaches& q) {
  breach_list out;
  for (const auto* b : st.book.breaches(q.department, q.period, st.options.calendar->calendar()))
    out.breaches.push_back(*b);
  return sla_answer{std::move(out)};
}

domain::expected<sla_answer> read(const sla_state& st, const get_figures& q) {
  const auto& cal = st.options.calendar->calendar();
  sla_figures out;
  for (const auto& b : st.book.breach_counts(cal))
    if (!q.period || b.period == *q.period) out.breaches.push_back(b);
  for (const auto& r : st.book.callback_rates(cal))
    if (!q.period || r.period == *q.period) out.callbacks.push_back(r);
  return sla_answer{std::move(out)};
}

std::string encode_summary(const sla::customer_import_summary& s) {
  return fmt::format("{} {} {} {}", s.imported, s.added, s.replaced, s.unchanged);
}

sla::customer_import_summary decode_summary(const std::string& text) {
  sla::customer_import_summary s;
  std::sscanf(text.c_str(), "%zu %zu %zu %zu", &s.imported, &s.added, &s.replaced, &s.unchanged);
  return s;
}

}  // namespace gridcoord::actors::detail
