#include "storage/rocksdb_store.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <optional>

#include <rocksdb/write_batch.h>

#include "storage/detail/encoding.hpp"
#include "storage/detail/group_commit.hpp"
#include "storage/detail/rocksdb_db.hpp"

namespace gridcoord::storage {

using detail::cf;

class rocksdb_store final : public event_store {
 public:
  rocksdb_store(std::unique_ptr<detail::database> db, rocksdb_options options, seq_t last_seq);
  ~rocksdb_store() override;

  void append(append_request request, append_callback done) override;
  expected<std::vector<event>> read(seq_t after, std::size_t limit) const override;
  expected<std::vector<event>> read_stream(std::string_view stream, seq_t after,
                                           std::size_t limit) const override;
  expected<event> get(seq_t seq) const override;
  seq_t last_seq() const override { return commit_.last_seq(); }
  expected<idempotency_record> find_idempotency(std::string_view key) const override;
  status put_snapshot(const snapshot& snap) override;
  expected<snapshot> get_snapshot(std::string_view name) const override;
  void close() override;

  commit_stats stats() const noexcept { return commit_.stats(); }

 private:
  rocksdb::DB& db() const noexcept { return db_->db(); }
  rocksdb::ColumnFamilyHandle* handle(cf family) const noexcept { return db_->handle(family); }
  expected<std::optional<idempotency_record>> lookup(std::string_view key) const;
  expected<std::vector<event>> fetch(const std::vector<std::string>& keys) const;
  [[nodiscard]] status write(const detail::batch_plan& plan);
  // errc::no_space when writing `bytes` would leave less than min_free_bytes free.
  [[nodiscard]] status check_free_space(std::uint64_t bytes);

  std::unique_ptr<detail::database> db_;
  const rocksdb_options options_;
  std::atomic<bool> closed_{false};
  // After a write refused for lack of space (writer thread only): the store
  // must be resumed before it writes again.
  bool out_of_space_ = false;
  std::atomic<bool> low_space_{false};  // below min_free_bytes at the last check (logged on change)
  detail::group_commit commit_;  // last: its writer thread uses the members above
};

namespace {

void abort_on_fatal(const error& e) {
  spdlog::critical("event log: a durable write failed ({}): {}; stopping", to_string(e.code),
                   e.message);
  std::abort();
}

constexpr seq_t no_seq_after = std::numeric_limits<seq_t>::max();

// The seq and event of an "events" entry.
expected<event> decode_entry(const rocksdb::Slice& key, const rocksdb::Slice& value) {
  auto seq = detail::decode_seq(key.ToStringView());
  if (!seq) return gridcoord::unexpected{seq.error()};
  return detail::decode_event(*seq, value.ToStringView());
}

// The highest seq in the log, after checking that the log starts at 1 and
// that its last event decodes.
expected<seq_t> recover_last_seq(const detail::database& d) {
  std::unique_ptr<rocksdb::Iterator> it(
      d.db().NewIterator(rocksdb::ReadOptions(), d.handle(cf::events)));
  it->SeekToFirst();
  if (!it->Valid()) {
    if (!it->status().ok()) return detail::fail_with(it->status(), "reading the first event");
    return seq_t{0};
  }
  auto first = decode_entry(it->key(), it->value());
  if (!first) return gridcoord::unexpected{first.error()};
  if (first->seq != 1) return fail(errc::corruption, "the event log does not start at seq 1");
  it->SeekToLast();
  if (!it->Valid()) return detail::fail_with(it->status(), "reading the last event");
  auto last = decode_entry(it->key(), it->value());
  if (!last) return gridcoord::unexpected{last.error()};
  return last->seq;
}

}  // namespace

rocksdb_store::rocksdb_store(std::unique_ptr<detail::database> db, rocksdb_options options,
                             seq_t last_seq)
    : db_(std::move(db)),
      options_(std::move(options)),
      commit_(
          {options_.group_commit_window, options_.max_batch_events, options_.on_fatal},
          [this](std::string_view key) { return lookup(key); },
          [this](const detail::batch_plan& plan) { return write(plan); }, last_seq) {}

rocksdb_store::~rocksdb_store() { close(); }  // then db_ closes the database

void rocksdb_store::append(append_request request, append_callback done) {
  commit_.submit(std::move(request), std::move(done));
}

void rocksdb_store::close() {
  closed_.store(true);
  commit_.close();
}

status rocksdb_store::write(const detail::batch_plan& plan) {
  rocksdb::WriteBatch batch;
  rocksdb::Status s;
  for (const detail::planned_write& w : plan.writes) {
    seq_t seq = w.first_seq;
    for (const event_draft& e : w.request->events) {
      if (s.ok())
        s = batch.Put(handle(cf::events), detail::encode_seq(seq), detail::encode_event(e));
      if (s.ok()) s = batch.Put(handle(cf::streams), detail::stream_key(e.stream, seq), {});
      ++seq;
    }
    if (w.record && s.ok()) {
      s = batch.Put(handle(cf::idempotency), w.record->key, detail::encode_idempotency(*w.record));
    }
  }
  if (!s.ok()) return detail::fail_with(s, "building a write batch");
  if (auto low = check_free_space(batch.GetDataSize()); !low) return low;
  if (out_of_space_) {
    // RocksDB refuses every write after a full disk until resumed. Tried once
    // per batch: the writer handles one batch at a time, so a full disk costs
    // one attempt per group commit, not one per request.
    if (rocksdb::Status resumed = db().Resume(); !resumed.ok())
      return fail(errc::no_space, "the disk is still full: " + resumed.ToString());
    out_of_space_ = false;
    spdlog::warn("event log: the disk has space again; writes resume");
  }
  rocksdb::WriteOptions durable;
  durable.sync = options_.sync;
  s = db().Write(durable, &batch);
  if (!s.ok()) {
    auto failed = detail::fail_with(s, "writing a batch");
    if (failed.value.code == errc::no_space) {
      if (!out_of_space_)
        spdlog::error("event log: the disk holding {} is full ({}); writes are refused with 503 until "
                      "space is freed, reads go on",
                      options_.path, s.ToString());
      out_of_space_ = true;
    }
    return failed;
  }
  return {};
}

status rocksdb_store::check_free_space(std::uint64_t bytes) {
  if (options_.min_free_bytes == 0) return {};
  std::error_code ec;
  auto space = std::filesystem::space(options_.path, ec);
  if (ec) return {};  // cannot tell: RocksDB's own error, if any, decides
  bool low = space.available < options_.min_free_bytes + bytes;
  bool was_low = low_space_.exchange(low);
  if (!low) {
    if (was_low) spdlog::warn("event log: {} MiB free on the disk of {} again; writes resume",
                              space.available >> 20, options_.path);
    return {};
  }
  if (!was_low)
    spdlog::error("event log: the disk holding {} is full: {} MiB free, below the {} MiB kept free "
                  "(storage.min_free_mb); writes are refused with 503 until space is freed, reads go on",
                  options_.path, space.available >> 20, options_.min_free_bytes >> 20);
  return fail(errc::no_space, fmt::format("the disk is full: {} MiB free, below the {} MiB kept free",
                                          space.available >> 20, options_.min_free_bytes >> 20));
}

expected<std::vector<event>> rocksdb_store::read(seq_t after, std::size_t limit) const {
  std::vector<event> out;
  if (limit == 0 || after == no_seq_after) return out;
  std::unique_ptr<rocksdb::Iterator> it(
      db().NewIterator(rocksdb::ReadOptions(), handle(cf::events)));
  for (it->Seek(detail::encode_seq(after + 1)); it->Valid() && out.size() < limit; it->Next()) {
    auto e = decode_entry(it->key(), it->value());
    if (!e) return gridcoord::unexpected{e.error()};
    out.push_back(std::move(*e));
  }
  if (!it->status().ok()) return detail::fail_with(it->status(), "reading events");
  return out;
}

expected<std::vector<event>> rocksdb_store::read_stream(std::string_view stream, seq_t after,
                                                        std::size_t limit) const {
  if (!detail::valid_stream_name(stream)) return fail(errc::invalid, "stream name contains NUL");
  if (limit == 0 || after == no_seq_after) return std::vector<event>{};
  const std::string upper = detail::stream_upper_bound(stream);
  const rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions bounded;
  bounded.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db().NewIterator(bounded, handle(cf::streams)));
  std::vector<std::string> keys;
  for (it->Seek(detail::stream_key(stream, after + 1)); it->Valid() && keys.size() < limit;
       it->Next()) {
    auto seq = detail::decode_stream_key(stream, it->key().ToStringView());
    if (!seq) return gridcoord::unexpected{seq.error()};
    keys.push_back(detail::encode_seq(*seq));
  }
  if (!it->status().ok()) return detail::fail_with(it->status(), "reading a stream index");
  return fetch(keys);
}

// The events under `keys` (sorted "events" keys); a missing one is corruption,
// since the stream index only names written events.
expected<std::vector<event>> rocksdb_store::fetch(const std::vector<std::string>& keys) const {
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::PinnableSlice> values(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  db().MultiGet(rocksdb::ReadOptions(), handle(cf::events), keys.size(), slices.data(),
                values.data(), statuses.data(), true);
  std::vector<event> out;
  out.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].IsNotFound())
      return fail(errc::corruption, "stream index names a missing event");
    if (!statuses[i].ok()) return detail::fail_with(statuses[i], "reading an event");
    auto e = decode_entry(slices[i], values[i]);
    if (!e) return gridcoord::unexpected{e.error()};
    out.push_back(std::move(*e));
  }
  return out;
}

expected<event> rocksdb_store::get(seq_t seq) const {
  rocksdb::PinnableSlice value;
  const std::string key = detail::encode_seq(seq);
  rocksdb::Status s = db().Get(rocksdb::ReadOptions(), handle(cf::events), key, &value);
  if (!s.ok()) return detail::fail_with(s, "reading event " + std::to_string(seq));
  return detail::decode_event(seq, value.ToStringView());
}

expected<std::optional<idempotency_record>> rocksdb_store::lookup(std::string_view key) const {
  rocksdb::PinnableSlice value;
  rocksdb::Status s = db().Get(rocksdb::ReadOptions(), handle(cf::idempotency), key, &value);
  if (s.IsNotFound()) return std::optional<idempotency_record>{};
  if (!s.ok()) return detail::fail_with(s, "reading an idempotency record");
  auto record = detail::decode_idempotency(key, value.ToStringView());
  if (!record) return gridcoord::unexpected{record.error()};
  return std::optional<idempotency_record>{std::move(*record)};
}

expected<idempotency_record> rocksdb_store::find_idempotency(std::string_view key) const {
  auto found = lookup(key);
  if (!found) return gridcoord::unexpected{found.error()};
  if (!*found) return fail(errc::not_found, "no idempotency record under that key");
  return std::move(**found);
}

status rocksdb_store::put_snapshot(const snapshot& snap) {
  if (closed_.load()) return fail(errc::closed, "the event store is closed");
  if (commit_.failed()) return fail(errc::io, "the event store failed an earlier write");
  if (auto low = check_free_space(snap.data.size()); !low) return low;
  // Not through the write-ahead log the appends share: a snapshot of
  // hundreds of megabytes synced there would hold every group commit behind
  // it. It goes to the memtable alone and is made durable by flushing its
  // column family to a table file, which the appends do not wait for. A
  // crash before the flush ends loses only this snapshot (the previous one,
  // or the log, still holds everything).
  rocksdb::WriteOptions unlogged;
  unlogged.disableWAL = true;
  rocksdb::Status s = db().Put(unlogged, handle(cf::projections), snap.name, detail::encode_snapshot(snap));
  if (!s.ok()) return detail::fail_with(s, "writing snapshot " + snap.name);
  rocksdb::FlushOptions flush;
  flush.wait = true;
  s = db().Flush(flush, handle(cf::projections));
  if (!s.ok()) return detail::fail_with(s, "flushing snapshot " + snap.name);
  return {};
}

expected<snapshot> rocksdb_store::get_snapshot(std::string_view name) const {
  rocksdb::PinnableSlice value;
  rocksdb::Status s = db().Get(rocksdb::ReadOptions(), handle(cf::projections), name, &value);
  if (!s.ok()) return detail::fail_with(s, "reading snapshot " + std::string(name));
  return detail::decode_snapshot(name, value.ToStringView());
}

expected<std::unique_ptr<event_store>> open_rocksdb_store(rocksdb_options options) {
  if (!options.on_fatal) options.on_fatal = abort_on_fatal;
  std::error_code ec;
  std::filesystem::create_directories(options.path, ec);
  if (ec) return fail(errc::io, "creating " + options.path + ": " + ec.message());
  auto db = detail::database::open(options.path);
  if (!db) return gridcoord::unexpected{db.error()};
  auto last = recover_last_seq(**db);
  if (!last) return gridcoord::unexpected{last.error()};
  spdlog::info("event log opened at {}: last seq {}", options.path, *last);
  return std::unique_ptr<event_store>(
      std::make_unique<rocksdb_store>(std::move(*db), std::move(options), *last));
}

commit_stats stats_of(const event_store& store) {
  const auto* rocks = dynamic_cast<const rocksdb_store*>(&store);
  return rocks != nullptr ? rocks->stats() : commit_stats{};
}

}  // namespace gridcoord::storage
