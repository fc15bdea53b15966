#include "actors/event_feed.hpp"

#include "actors/error.hpp"

#include <algorithm>

namespace gridcoord::actors {

namespace {

// Events one catch-up read takes from the store at a time.
constexpr std::size_t catch_up_page = 1000;

}  // namespace

event_feed::event_feed(std::uint64_t start_seq, std::function<void()> ready)
    : start_seq_(start_seq), ready_(std::move(ready)) {}

void event_feed::publish(const committed_batch& batch) {
  if (!batch || batch->empty()) return;
  bool was_empty = false;
  {
    std::lock_guard lock(mutex_);
    was_empty = queue_.empty();
    queue_.push_back(batch);
    waiting_ += batch->size();
  }
  if (was_empty && ready_) ready_();
}

std::vector<committed_batch> event_feed::take() {
  std::lock_guard lock(mutex_);
  waiting_ = 0;
  return std::exchange(queue_, {});
}

std::size_t event_feed::waiting_events() const {
  std::lock_guard lock(mutex_);
  return waiting_;
}

log_publisher::log_publisher(std::uint64_t last_seq) : last_seq_(last_seq) {}

std::shared_ptr<event_feed> log_publisher::subscribe(std::function<void()> ready) {
  std::lock_guard lock(mutex_);
  auto feed = std::make_shared<event_feed>(last_seq_, std::move(ready));
  feeds_.push_back(feed);
  return feed;
}

std::uint64_t log_publisher::when_after(std::uint64_t after, std::function<void()> then) {
  {
    std::lock_guard lock(mutex_);
    if (last_seq_ <= after) {
      auto id = next_waiter_++;
      waiters_.emplace(id, waiter{after, std::move(then)});
      return id;
    }
  }
  then();
  return 0;
}

void log_publisher::cancel(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  waiters_.erase(id);
}

void log_publisher::publish(committed_batch batch) {
  if (!batch || batch->empty()) return;
  std::vector<std::function<void()>> woken;
  std::vector<std::shared_ptr<event_feed>> feeds;
  {
    // Under the lock, so that a feed subscribed meanwhile either starts after
    // this batch or receives it, never neither.
    std::lock_guard lock(mutex_);
    last_seq_ = batch->back().seq;
    for (auto& f : feeds_) f->publish(batch);
    for (auto it = waiters_.begin(); it != waiters_.end();) {
      if (it->second.after < last_seq_) {
        woken.push_back(std::move(it->second.then));
        it = waiters_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& then : woken) then();
}

std::uint64_t log_publisher::last_seq() const {
  std::lock_guard lock(mutex_);
  return last_seq_;
}

std::size_t log_publisher::waiters() const {
  std::lock_guard lock(mutex_);
  return waiters_.size();
}

log_follower::log_follower(const storage::event_store* store, std::shared_ptr<event_feed> feed,
                           std::uint64_t applied)
    : store_(store), feed_(std::move(feed)), applied_(applied) {}

void log_follower::rewind(std::uint64_t from) {
  applied_ = from;
  store_until_ = store_ ? store_->last_seq() : 0;
}

domain::expected<std::uint64_t> log_follower::catch_up(const apply_fn& apply) {
  std::uint64_t count = 0;
  // The events before the feed began (or up to a rewind's end of the log, or
  // a gap's) come from the store, once.
  auto read_store = [&]() -> domain::status {
    const auto until = std::max(feed_ ? feed_->start_seq() : 0, store_until_);
    while (feed_ && store_ && applied_ < until) {
      ++store_reads_;
      auto page = store_->read(applied_, catch_up_page);
      if (!page) return unexpected{to_domain(page.error())};
      for (const auto& e : *page) {
        if (e.seq > until) break;
        apply(e);
        applied_ = e.seq;
        ++count;
      }
      if (page->size() < catch_up_page) break;
    }
    return {};
  };
  if (auto s = read_store(); !s) return unexpected{s.error()};
  if (!feed_) return count;
  auto batches = feed_->take();
  // Sequence numbers are dense: an event more than one past the position
  // means the log holds events the feed never carried (an append reported
  // failed although its events were written, as a failed fsync can leave
  // them). Those and everything taken after them are read from the store,
  // which holds them all; should that read fail, the next catch_up reads
  // them again, so nothing taken is lost.
  std::uint64_t expected_next = applied_ + 1, last = applied_;
  bool gap = false;
  for (const auto& batch : batches)
    for (const auto& e : *batch) {
      if (e.seq < expected_next) continue;
      gap = gap || e.seq != expected_next;
      expected_next = e.seq + 1;
      last = e.seq;
    }
  if (gap && store_) {
    store_until_ = std::max(store_until_, last);
    if (auto s = read_store(); !s) return unexpected{s.error()};
  }
  for (const auto& batch : batches) {
    for (const auto& e : *batch) {
      if (e.seq <= applied_) continue;
      apply(e);
      applied_ = e.seq;
      ++count;
    }
  }
  return count;
}

}  // namespace gridcoord::actors
