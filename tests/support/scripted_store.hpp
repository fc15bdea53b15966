#pragma once
// tests/support/scripted_store.hpp — an event store for tests that wraps the
// memory store and does what the test says, when it says: holds appends (the
// writes "in flight") until released, and fails reads from a chosen one on.
// [Threading] Every member is safe from any thread (one mutex); held appends
//             complete on the thread that calls release().
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/memory_store.hpp"

namespace gridcoord::testing {

class scripted_store final : public storage::event_store {
 public:
  scripted_store() : inner_(storage::make_memory_store()) {}
  explicit scripted_store(std::unique_ptr<storage::event_store> inner) : inner_(std::move(inner)) {}

  // From now on, appends wait until release().
  void hold() {
    std::lock_guard lock(mutex_);
    holding_ = true;
  }
  // Passes every held append on, in order, and stops holding.
  void release() {
    auto held = take_held();
    for (auto& [req, done] : held) inner_->append(std::move(req), std::move(done));
  }
  // Completes every held append with `code` (nothing written), and stops holding.
  void fail_held(storage::errc code) {
    auto held = take_held();
    for (auto& [req, done] : held) done(storage::fail(code, "scripted append failure"));
  }
  // Writes every held append, in order, then completes each with `code` as
  // though it had failed (a write whose fsync failed: committed, never
  // reported); stops holding.
  void write_held_then_fail(storage::errc code) {
    auto held = take_held();
    for (auto& [req, done] : held)
      inner_->append(std::move(req), [done = std::move(done), code](storage::expected<storage::append_result>) {
        done(storage::fail(code, "scripted: written, reported failed"));
      });
  }
  std::size_t held() const {
    std::lock_guard lock(mutex_);
    return held_.size();
  }
  // Waits until `n` appends are held; false after a generous bound (a lost
  // append fails the test instead of hanging it).
  bool wait_until_held(std::size_t n) {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, std::chrono::seconds(60), [&] { return held_.size() >= n; });
  }
  // read() and read_stream() calls from the n-th on (1-based) fail with errc::io.
  void fail_reads_from(std::size_t n) {
    std::lock_guard lock(mutex_);
    fail_from_ = n;
  }
  // Set when close() is called; outlives the store.
  std::shared_ptr<const std::atomic<bool>> closed_flag() const { return closed_; }

  void append(storage::append_request request, storage::append_callback done) override {
    {
      std::lock_guard lock(mutex_);
      if (holding_) {
        held_.emplace_back(std::move(request), std::move(done));
        arrived_.notify_all();
        return;
      }
    }
    inner_->append(std::move(request), std::move(done));
  }
  storage::expected<std::vector<storage::event>> read(storage::seq_t after, std::size_t limit) const override {
    if (read_fails()) return storage::fail(storage::errc::io, "scripted read failure");
    return inner_->read(after, limit);
  }
  storage::expected<std::vector<storage::event>> read_stream(std::string_view stream, storage::seq_t after,
                                                             std::size_t limit) const override {
    if (read_fails()) return storage::fail(storage::errc::io, "scripted read failure");
    return inner_->read_stream(stream, after, limit);
  }
  storage::expected<storage::event> get(storage::seq_t seq) const override { return inner_->get(seq); }
  storage::seq_t last_seq() const override { return inner_->last_seq(); }
  storage::expected<storage::idempotency_record> find_idempotency(std::string_view key) const override {
    return inner_->find_idempotency(key);
  }
  storage::status put_snapshot(const storage::snapshot& snap) override { return inner_->put_snapshot(snap); }
  storage::expected<storage::snapshot> get_snapshot(std::string_view name) const override {
    return inner_->get_snapshot(name);
  }
  void close() override {
    release();
    inner_->close();
    *closed_ = true;
  }

 private:
  // The held appends, in order; holding stops.
  std::vector<std::pair<storage::append_request, storage::append_callback>> take_held() {
    std::lock_guard lock(mutex_);
    holding_ = false;
    return std::exchange(held_, {});
  }

  bool read_fails() const {
    std::lock_guard lock(mutex_);
    ++reads_;
    return fail_from_ != 0 && reads_ >= fail_from_;
  }

  std::unique_ptr<storage::event_store> inner_;
  mutable std::mutex mutex_;
  std::condition_variable arrived_;
  bool holding_ = false;
  std::shared_ptr<std::atomic<bool>> closed_ = std::make_shared<std::atomic<bool>>(false);
  std::vector<std::pair<storage::append_request, storage::append_callback>> held_;
  std::size_t fail_from_ = 0;
  mutable std::size_t reads_ = 0;
};

}  // namespace gridcoord::testing
