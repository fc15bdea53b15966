#include "actors/recovery.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "actors/error.hpp"
#include "domain/json.hpp"

namespace gridcoord::actors {

namespace json = boost::json;

namespace {

domain::expected<domain::projection> decode_snapshot(const std::string& data) {
  std::error_code ec;
  auto doc = json::parse(data, ec);
  if (ec) return domain::fail(domain::errc::internal, "the snapshot is not JSON");
  return domain::projection::from_json(doc);
}

}  // namespace

domain::expected<std::uint64_t> apply_tail(const storage::event_store& store,
                                           domain::projection& state, std::uint64_t from) {
  std::uint64_t at = from;
  for (;;) {
    auto page = store.read(at, replay_page_events);
    if (!page) return unexpected{to_domain(page.error())};
    for (const auto& e : *page) {
      if (auto st = state.apply_event(e.type, e.seq, e.time, e.payload); !st)
        return domain::fail(domain::errc::internal,
                            fmt::format("event {} cannot be applied: {}", e.seq, st.error().message));
      at = e.seq;
    }
    if (page->size() < replay_page_events) return at;
  }
}

domain::expected<recovered_state> recover(const storage::event_store& store) {
  recovered_state out;
  auto snap = store.get_snapshot(snapshot_name);
  if (snap) {
    auto state = decode_snapshot(snap->data);
    if (!state) return unexpected{state.error()};
    out.state = std::move(*state);
    out.snapshot_seq = snap->seq;
  } else if (snap.error().code != storage::errc::not_found) {
    return unexpected{to_domain(snap.error())};
  }
  auto last = apply_tail(store, out.state, out.snapshot_seq);
  if (!last) return unexpected{last.error()};
  out.last_seq = *last;
  out.replayed_events = *last - out.snapshot_seq;
  return out;
}

snapshot_keeper::snapshot_keeper(storage::event_store& store, recovered_state start,
                                 std::uint64_t every_events)
    : store_(store),
      state_(std::move(start.state)),
      applied_(start.last_seq),
      snapshot_seq_(start.snapshot_seq),
      every_(std::max<std::uint64_t>(every_events, 1)) {}

snapshot_keeper::~snapshot_keeper() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

domain::expected<std::uint64_t> snapshot_keeper::take_snapshot(bool force) {
  auto last = apply_tail(store_, state_, applied_);
  if (!last) return unexpected{last.error()};
  applied_ = *last;
  bool due = applied_ - snapshot_seq_ >= every_ || (force && applied_ > snapshot_seq_);
  if (!due) return snapshot_seq_;
  auto st = store_.put_snapshot({std::string(snapshot_name), applied_, domain::to_text(state_.to_json())});
  if (!st) return unexpected{to_domain(st.error())};
  spdlog::info("snapshot of the projection taken at event {}", applied_);
  snapshot_seq_ = applied_;
  return snapshot_seq_;
}

void snapshot_keeper::run_every(std::chrono::milliseconds interval) {
  thread_ = std::thread([this, interval] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, interval, [this] { return stopping_; })) {
      lock.unlock();
      if (auto r = take_snapshot(); !r) spdlog::error("snapshot failed: {}", r.error().message);
      lock.lock();
    }
  });
}

void snapshot_keeper::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (auto r = take_snapshot(true); !r) spdlog::error("final snapshot failed: {}", r.error().message);
}

}  // namespace gridcoord::actors
