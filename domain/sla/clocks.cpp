// The clocks of the work book: when each signals, what is due, what is open,
// and the figures counted from them (domain/sla/work.hpp).
#include <algorithm>

#include "domain/sla/work.hpp"

namespace gridcoord::domain::sla {

namespace {

constexpr unsigned breach_percent = 100;

// Whether `percent` of clock `c` can still signal (leaving aside `now`).
bool can_signal(const work_clock& c, unsigned percent) {
  if (c.fired.contains(percent)) return false;
  if (percent >= breach_percent) return !c.completed || *c.completed > c.spec.due;
  auto at = c.instant(percent);
  return at >= c.known_at && (!c.completed || at < *c.completed);
}

// The percents of `c` in signal order: its warnings, then the breach.
std::vector<unsigned> percents_of(const work_clock& c) {
  auto all = c.spec.warnings;
  std::sort(all.begin(), all.end());
  all.push_back(breach_percent);
  return all;
}

clock_signal signal_of(const work_clock& c, unsigned percent) {
  return {c.item, c.spec.what, c.spec.round, c.spec.owner, percent, c.instant(percent), c.spec.started, c.spec.due};
}

}  // namespace

year_list uncovered_years(const work_clock& c, const working_calendar& calendar) {
  auto limit = parse_time_limit(c.spec.limit);  // the spec keeps describe(limit), which parses back
  if (!limit || limit->by != time_limit::basis::working_days) return {};
  // The due instant is the end of the due day: the day is the one just before it.
  auto due_day = calendar.local_date_of(c.spec.due - std::chrono::microseconds{1});
  return domain::uncovered_years(calendar, calendar.local_date_of(c.spec.started), due_day);
}

void work_book::reschedule(const clock_key& key) {
  if (auto old = scheduled_at_.find(key); old != scheduled_at_.end()) {
    schedule_.erase({old->second, key});
    scheduled_at_.erase(old);
  }
  const auto& c = clocks_.at(key);
  for (auto p : percents_of(c)) {
    if (!can_signal(c, p)) continue;
    auto at = c.instant(p);
    schedule_.emplace(at, key);
    scheduled_at_.emplace(key, at);
    return;
  }
}

std::vector<clock_signal> work_book::due_signals(time_point now) const {
  std::vector<clock_signal> out;
  for (const auto& [at, key] : schedule_) {
    if (at > now) break;
    const auto& c = clocks_.at(key);
    for (auto p : percents_of(c))
      if (c.instant(p) <= now && can_signal(c, p)) out.push_back(signal_of(c, p));
  }
  std::stable_sort(out.begin(), out.end(), [](const clock_signal& a, const clock_signal& b) { return a.at < b.at; });
  return out;
}

std::optional<time_point> work_book::next_signal_after(time_point now) const {
  auto it = schedule_.lower_bound({now, clock_key{}});
  while (it != schedule_.end() && it->first <= now) ++it;
  if (it == schedule_.end()) return std::nullopt;
  return it->first;
}

std::vector<open_step> work_book::open_steps(std::optional<department> owner, time_point now) const {
  std::vector<open_step> out;
  for (const auto& [key, c] : clocks_) {
    if (c.completed || (owner && c.spec.owner != *owner)) continue;
    auto limit = c.spec.due - c.spec.started;
    auto elapsed = now - c.spec.started;
    unsigned percent = limit.count() > 0 ? static_cast<unsigned>(std::max<std::int64_t>(0, elapsed.count() * 100 / limit.count()))
                                         : (now >= c.spec.due ? breach_percent : 0);
    out.push_back({&c, c.spec.due - now, percent});
  }
  std::sort(out.begin(), out.end(), [](const open_step& a, const open_step& b) {
    return a.clock->spec.due != b.clock->spec.due ? a.clock->spec.due < b.clock->spec.due
                                                  : a.clock->item < b.clock->item;
  });
  return out;
}

std::vector<const clock_signal*> work_book::breaches(std::optional<department> owner, std::optional<month> period,
                                                     const working_calendar& calendar) const {
  std::vector<const clock_signal*> out;
  for (const auto& b : breaches_) {
    if (owner && b.owner != *owner) continue;
    if (period && calendar.local_month_of(b.due) != *period) continue;
    out.push_back(&b);
  }
  return out;
}

std::vector<const clock_signal*> work_book::notices(std::optional<department> owner, std::size_t limit) const {
  std::vector<const clock_signal*> out;
  for (auto it = signals_.rbegin(); it != signals_.rend() && out.size() < limit; ++it)
    if (!owner || it->owner == *owner) out.push_back(&*it);
  return out;
}

std::vector<breach_count> work_book::breach_counts(const working_calendar& calendar) const {
  std::map<std::pair<month, department>, std::size_t> counts;
  for (const auto& b : breaches_) ++counts[{calendar.local_month_of(b.due), b.owner}];
  std::vector<breach_count> out;
  for (const auto& [key, n] : counts) out.push_back({key.first, key.second, n});
  return out;
}

std::vector<callback_rate> work_book::callback_rates(const working_calendar& calendar) const {
  std::map<std::pair<month, department>, callback_rate> rates;
  std::map<std::pair<month, department>, std::pair<unsigned, unsigned>> scores;  // sum, count
  for (const auto& [id, cb] : callbacks_) {
    auto key = std::pair{calendar.local_month_of(cb.opened_at), cb.opening.for_department};
    auto& r = rates[key];
    r.period = key.first;
    r.for_department = key.second;
    ++r.opened;
    r.attempts += cb.attempts.size();
    if (!cb.completed_at) continue;
    ++r.completed;
    if (cb.satisfied.value_or(false)) ++r.satisfied;
    const auto& last = cb.attempts.back().attempt;
    if (last.satisfaction) {
      scores[key].first += *last.satisfaction;
      scores[key].second += 1;
    }
  }
  std::vector<callback_rate> out;
  for (auto& [key, r] : rates) {
    if (auto s = scores.find(key); s != scores.end() && s->second.second > 0)
      r.mean_satisfaction = static_cast<double>(s->second.first) / s->second.second;
    out.push_back(r);
  }
  return out;
}

}  // namespace gridcoord::domain::sla
