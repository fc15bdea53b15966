#include <atomic>
#include <string>

#include "storage/memory_store.hpp"

namespace gridcoord::storage {
namespace {

// Delegates to `inner_` until `plan_` says otherwise.
class faulty_store final : public event_store {
 public:
  faulty_store(std::unique_ptr<event_store> inner, fault_plan& plan)
      : inner_(std::move(inner)), plan_(plan) {}

  void append(append_request request, append_callback done) override {
    const int allowed = plan_.fail_appends_after.load();
    if (allowed >= 0 && admitted_.fetch_add(1) >= allowed) {
      done(injected("append"));
      return;
    }
    inner_->append(std::move(request), std::move(done));
  }

  expected<std::vector<event>> read(seq_t after, std::size_t limit) const override {
    if (plan_.fail_reads.load()) return injected("read");
    return inner_->read(after, limit);
  }

  expected<std::vector<event>> read_stream(std::string_view stream, seq_t after,
                                           std::size_t limit) const override {
    if (plan_.fail_reads.load()) return injected("read_stream");
    return inner_->read_stream(stream, after, limit);
  }

  expected<event> get(seq_t seq) const override {
    if (plan_.fail_reads.load()) return injected("get");
    return inner_->get(seq);
  }

  seq_t last_seq() const override { return inner_->last_seq(); }

  expected<idempotency_record> find_idempotency(std::string_view key) const override {
    if (plan_.fail_reads.load()) return injected("find_idempotency");
    return inner_->find_idempotency(key);
  }

  status put_snapshot(const snapshot& snap) override { return inner_->put_snapshot(snap); }

  expected<snapshot> get_snapshot(std::string_view name) const override {
    if (plan_.fail_reads.load()) return injected("get_snapshot");
    return inner_->get_snapshot(name);
  }

  void close() override { inner_->close(); }

 private:
  gridcoord::unexpected<error> injected(const char* what) const {
    return fail(plan_.code, std::string("injected fault in ") + what);
  }

  std::unique_ptr<event_store> inner_;
  fault_plan& plan_;
  std::atomic<int> admitted_{0};  // appends counted against fail_appends_after
};

}  // namespace

std::unique_ptr<event_store> make_faulty_store(std::unique_ptr<event_store> inner,
                                               fault_plan& plan) {
  return std::make_unique<faulty_store>(std::move(inner), plan);
}

}  // namespace gridcoord::storage
