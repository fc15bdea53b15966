#include "storage/memory_store.hpp"

#include <map>
#include <mutex>
#include <set>
#include <string>

#include "storage/detail/batch_plan.hpp"
#include "storage/detail/encoding.hpp"

namespace gridcoord::storage {
namespace {

// Everything in ordered maps under one mutex; each append is a batch of one,
// planned by the same code as the RocksDB store's, and completed inline.
class memory_store final : public event_store {
 public:
  void append(append_request request, append_callback done) override {
    expected<append_result> result = apply(request);
    done(std::move(result));  // outside the lock
  }

  expected<std::vector<event>> read(seq_t after, std::size_t limit) const override {
    std::lock_guard lock(mutex_);
    std::vector<event> out;
    for (auto it = events_.upper_bound(after); it != events_.end() && out.size() < limit; ++it) {
      out.push_back(it->second);
    }
    return out;
  }

  expected<std::vector<event>> read_stream(std::string_view stream, seq_t after,
                                           std::size_t limit) const override {
    if (!detail::valid_stream_name(stream)) return fail(errc::invalid, "stream name contains NUL");
    std::lock_guard lock(mutex_);
    std::vector<event> out;
    auto index = streams_.find(stream);
    if (index == streams_.end()) return out;
    for (auto it = index->second.upper_bound(after);
         it != index->second.end() && out.size() < limit; ++it) {
      out.push_back(events_.at(*it));
    }
    return out;
  }

  expected<event> get(seq_t seq) const override {
    std::lock_guard lock(mutex_);
    auto it = events_.find(seq);
    if (it == events_.end()) return fail(errc::not_found, "no event " + std::to_string(seq));
    return it->second;
  }

  seq_t last_seq() const override {
    std::lock_guard lock(mutex_);
    return last_seq_locked();
  }

  expected<idempotency_record> find_idempotency(std::string_view key) const override {
    std::lock_guard lock(mutex_);
    auto it = records_.find(key);
    if (it == records_.end()) return fail(errc::not_found, "no idempotency record under that key");
    return it->second;
  }

  status put_snapshot(const snapshot& snap) override {
    std::lock_guard lock(mutex_);
    if (closed_) return fail(errc::closed, "the event store is closed");
    snapshots_.insert_or_assign(snap.name, snap);
    return {};
  }

  expected<snapshot> get_snapshot(std::string_view name) const override {
    std::lock_guard lock(mutex_);
    auto it = snapshots_.find(name);
    if (it == snapshots_.end()) return fail(errc::not_found, "no snapshot " + std::string(name));
    return it->second;
  }

  void close() override {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }

 private:
  expected<append_result> apply(const append_request& request) {
    std::lock_guard lock(mutex_);
    if (closed_) return fail(errc::closed, "the event store is closed");
    const append_request* one[] = {&request};
    detail::batch_plan plan =
        detail::plan_batch(one, last_seq_locked(), [this](std::string_view key) {
          auto it = records_.find(key);
          if (it == records_.end())
            return expected<std::optional<idempotency_record>>{std::nullopt};
          return expected<std::optional<idempotency_record>>{it->second};
        });
    for (const detail::planned_write& w : plan.writes) store(w);
    return std::move(plan.results.front());
  }

  void store(const detail::planned_write& w) {
    seq_t seq = w.first_seq;
    for (const event_draft& d : w.request->events) {
      events_.emplace(seq, event{seq, d.stream, d.type, d.time, d.actor, d.payload, d.origin});
      streams_[d.stream].insert(seq);
      ++seq;
    }
    if (w.record) records_.emplace(w.record->key, *w.record);
  }

  seq_t last_seq_locked() const { return events_.empty() ? 0 : events_.rbegin()->first; }

  mutable std::mutex mutex_;
  std::map<seq_t, event> events_;
  std::map<std::string, std::set<seq_t>, std::less<>> streams_;
  std::map<std::string, idempotency_record, std::less<>> records_;
  std::map<std::string, snapshot, std::less<>> snapshots_;
  bool closed_ = false;
};

}  // namespace

std::unique_ptr<event_store> make_memory_store() { return std::make_unique<memory_store>(); }

}  // namespace gridcoord::storage
