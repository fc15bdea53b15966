#pragma once
// bench/history.hpp — years of a company's events, written through the
// client facade before a benchmark measures, so that every figure can be
// taken on an empty store and on one with history (`--history N`).
//
// One round, repeated until at least `events` events are logged, each step a
// real request answered once durable:
//   - an M1 report version from marketing (a month of its own every 8
//     rounds, so streams get several versions), acknowledged by planning and
//     dispatch;
//   - an unplanned outage on a distribution transformer: reported, cause and
//     ETR, crew arrival, restored, and its callback reached;
//   - a complaint: registered, forwarded, acknowledged, resolved, its callback
//     reached and satisfied.
// That is 14 events a round. Customer notifications are left out: without a
// receiver they would stay pending in the outbox, which no installation does.
// `writers` rounds run at once.
#include <cstdint>
#include <functional>

#include "actors/client.hpp"
#include "domain/error.hpp"

namespace gridcoord::bench {

struct history_figures {
  std::uint64_t rounds = 0;
  std::uint64_t requests = 0;
  double seconds = 0;
};

// The distribution transformers the outages use: equipment ids DT0..DT(n-1)
// below one feeder, imported first (1 event).
inline constexpr std::size_t history_transformers = 200;

// Writes the history; `progress(events_so_far)` is called now and then.
[[nodiscard]] domain::expected<history_figures> load_history(actors::client& api, std::uint64_t events,
                                                             unsigned writers,
                                                             const std::function<void(std::uint64_t)>& progress);

}  // namespace gridcoord::bench
