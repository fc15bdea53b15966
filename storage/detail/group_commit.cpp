#include "storage/detail/group_commit.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace gridcoord::storage::detail {
namespace {

// A request counts as at least one event, so that key-only requests are bounded too.
std::size_t weight(const append_request& request) {
  return std::max<std::size_t>(1, request.events.size());
}

}  // namespace

group_commit::group_commit(group_commit_config config, idempotency_lookup lookup,
                           batch_writer write, seq_t last_seq)
    : config_(std::move(config)),
      lookup_(std::move(lookup)),
      write_(std::move(write)),
      last_seq_(last_seq),
      writer_([this] { run(); }) {
  writer_id_ = writer_.get_id();
}

group_commit::~group_commit() { close(); }

void group_commit::submit(append_request request, append_callback done) {
  {
    std::lock_guard lock(mutex_);
    if (!closing_) {
      queued_events_ += weight(request);
      queue_.push_back(pending{std::move(request), std::move(done)});
      if (idle_ || batch_events_ + queued_events_ >= config_.max_batch_events) queued_.notify_one();
      return;
    }
  }
  done(fail(errc::closed, "the event store is closed"));
}

void group_commit::close() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  queued_.notify_all();
  if (std::this_thread::get_id() == writer_id_) return;  // from a completion: run() ends soon
  std::lock_guard lock(close_mutex_);
  if (writer_.joinable()) writer_.join();
}

commit_stats group_commit::stats() const noexcept {
  commit_stats s{batches_.load(), events_.load(), appends_.load(), {}};
  for (std::size_t i = 0; i < batch_sizes_.size(); ++i) s.batch_sizes[i] = batch_sizes_[i].load();
  return s;
}

void group_commit::run() {
  for (;;) {
    std::vector<pending> batch = gather();
    if (batch.empty()) return;  // closing, and the queue is drained
    commit(batch);
  }
}

std::vector<group_commit::pending> group_commit::gather() {
  const auto ready = [this] { return !queue_.empty() || closing_; };
  std::unique_lock lock(mutex_);
  idle_ = true;
  queued_.wait(lock, ready);
  idle_ = false;
  std::vector<pending> batch;
  std::size_t events = 0;
  bool full = take_queued(batch, events);
  const auto deadline = std::chrono::steady_clock::now() + config_.window;
  const auto filled = [this] {
    return closing_ || batch_events_ + queued_events_ >= config_.max_batch_events;
  };
  while (!full && !closing_) {
    bool woken = queued_.wait_until(lock, deadline, filled);
    full = take_queued(batch, events);
    if (!woken) break;  // the window has passed
  }
  batch_events_ = 0;
  return batch;
}

bool group_commit::take_queued(std::vector<pending>& batch, std::size_t& events) {
  while (!queue_.empty()) {
    const std::size_t n = weight(queue_.front().request);
    if (!batch.empty() && events + n > config_.max_batch_events) return true;
    events += n;
    batch_events_ += n;
    queued_events_ -= n;
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  return events >= config_.max_batch_events;
}

void group_commit::commit(std::vector<pending>& batch) {
  appends_.fetch_add(batch.size(), std::memory_order_relaxed);
  if (failed()) {
    complete_all(batch, error{errc::io, "the event store failed an earlier write"});
    return;
  }
  std::vector<const append_request*> requests;
  requests.reserve(batch.size());
  for (const pending& p : batch) requests.push_back(&p.request);
  batch_plan plan = plan_batch(requests, last_seq(), lookup_);
  if (!plan.writes.empty()) {
    if (status written = write_(plan); !written) {
      if (written.error().code == errc::no_space) {
        // Nothing of the batch was stored and its seqs are free again: refuse
        // it alone; the next batch tries again (the writer resumes the store).
        complete_all(batch, error{errc::no_space, "the disk is full: nothing of this write was stored"});
        return;
      }
      fatal(batch, written.error());
      return;
    }
    last_seq_.store(plan.last_seq, std::memory_order_release);
    batches_.fetch_add(1, std::memory_order_relaxed);
    events_.fetch_add(plan.events, std::memory_order_relaxed);
    batch_sizes_[batch_size_bucket(plan.events)].fetch_add(1, std::memory_order_relaxed);
  }
  for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(plan.results[i]));
}

void group_commit::fatal(std::vector<pending>& batch, const error& cause) {
  failed_.store(true, std::memory_order_release);
  config_.on_fatal(cause);
  // Only reached when on_fatal returns (tests): refuse the batch, acknowledge nothing.
  complete_all(batch, error{errc::io, "durable write failed: " + cause.message});
}

void group_commit::complete_all(std::vector<pending>& batch, const error& why) {
  for (pending& p : batch) p.done(gridcoord::unexpected<error>{why});
}

}  // namespace gridcoord::storage::detail
