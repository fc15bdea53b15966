#include "actors/projection_snapshot.hpp"

#include <algorithm>
#include <chrono>

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "domain/json.hpp"

namespace gridcoord::actors {

namespace json = boost::json;

snapshot_writer::snapshot_writer(storage::event_store& store, snapshot_budget budget)
    : store_(store), budget_(std::move(budget)), thread_([this] { run(); }) {}

std::chrono::steady_clock::time_point snapshot_writer::now() const {
  return budget_.now ? budget_.now() : std::chrono::steady_clock::now();
}

bool snapshot_writer::ready(std::string_view name) {
  std::lock_guard lock(mutex_);
  if (stopping_ || queued_.contains(name) || writing_ == name) return false;
  auto it = not_before_.find(name);
  return it == not_before_.end() || now() >= it->second;
}

snapshot_writer::~snapshot_writer() { stop(); }

void snapshot_writer::write(std::string name, std::uint64_t seq, std::function<std::string()> encode) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    queued_.insert_or_assign(std::move(name), pending{seq, std::move(encode)});
  }
  wake_.notify_one();
}

void snapshot_writer::write(std::string name, std::uint64_t seq, std::string data) {
  write(std::move(name), seq, [data = std::move(data)]() mutable { return std::move(data); });
}

void snapshot_writer::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queued_.empty(); });
    if (queued_.empty()) return;  // stopping, and everything written
    auto node = queued_.extract(queued_.begin());
    busy_ = true;
    writing_ = node.key();
    lock.unlock();
    auto began = now();
    storage::snapshot snap{std::move(node.key()), node.mapped().seq, node.mapped().encode()};
    node.mapped().encode = nullptr;  // frees the copy it encoded
    auto st = store_.put_snapshot(snap);
    auto ended = now();
    auto took = ended - began;
    auto seconds = std::chrono::duration<double>(took).count();
    if (st)
      spdlog::info("snapshot of {} taken at event {} ({} bytes, encoded and stored in {:.2f} s)", snap.name,
                   snap.seq, snap.data.size(), seconds);
    else
      spdlog::error("snapshot of {} at event {} could not be stored: {}", snap.name, snap.seq, st.error().message);
    lock.lock();
    busy_ = false;
    writing_.clear();
    if (took >= budget_.free_below)
      not_before_[snap.name] =
          ended + std::chrono::duration_cast<std::chrono::steady_clock::duration>(took * budget_.cooldown);
    else
      not_before_.erase(snap.name);
    if (st) written_[snap.name] = snap.seq;
    idle_.notify_all();
  }
}

void snapshot_writer::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t snapshot_writer::written_seq(std::string_view name, bool flush) {
  std::unique_lock lock(mutex_);
  if (flush) idle_.wait(lock, [this] { return !busy_ && queued_.empty(); });
  auto it = written_.find(name);
  return it == written_.end() ? 0 : it->second;
}

bool snapshot_due(std::uint64_t events_since, std::uint64_t every_events, std::size_t items) noexcept {
  return events_since > 0 && events_since >= std::max<std::uint64_t>({every_events, items, 1});
}

namespace {

// The stored snapshot `name`; nullopt when there is none or it cannot be read (logged).
std::optional<storage::snapshot> stored(const storage::event_store& store, std::string_view name) {
  auto snap = store.get_snapshot(name);
  if (snap) return std::move(*snap);
  if (snap.error().code != storage::errc::not_found)
    spdlog::warn("the snapshot of {} cannot be read ({}); the log is replayed instead", name, snap.error().message);
  return std::nullopt;
}

}  // namespace

std::optional<loaded_snapshot> load_snapshot(const storage::event_store& store, std::string_view name,
                                             std::string_view format) {
  auto snap = stored(store, name);
  if (!snap) return std::nullopt;
  json::error_code ec;
  auto doc = json::parse(snap->data, ec);
  json::object* o = ec ? nullptr : doc.if_object();
  const json::value* f = o ? o->if_contains("format") : nullptr;
  json::value* state = o ? o->if_contains("state") : nullptr;
  if (!f || !f->is_string() || !state) {
    spdlog::warn("the snapshot of {} at event {} is not a snapshot gridcoord reads; the log is replayed instead",
                 name, snap->seq);
    return std::nullopt;
  }
  if (f->get_string() != format) {
    spdlog::warn("the snapshot of {} at event {} has the format {}, not {}; the log is replayed instead", name,
                 snap->seq, std::string_view(f->get_string()), format);
    return std::nullopt;
  }
  return loaded_snapshot{snap->seq, std::move(*state)};
}

std::string snapshot_text(std::string_view format, json::value state) {
  json::object o;
  o["format"] = format;
  o["state"] = std::move(state);
  return domain::to_text(o);
}

std::string snapshot_bytes(std::string_view format, std::string_view bytes) {
  std::string out;
  out.reserve(format.size() + 1 + bytes.size());
  out.append(format);
  out.push_back('\n');
  out.append(bytes);
  return out;
}

std::optional<loaded_bytes> load_snapshot_bytes(const storage::event_store& store, std::string_view name,
                                                std::string_view format) {
  auto snap = stored(store, name);
  if (!snap) return std::nullopt;
  auto line = std::string_view(snap->data).substr(0, std::min<std::size_t>(snap->data.find('\n'), 200));
  if (line != format) {
    spdlog::warn("the snapshot of {} at event {} is not of the format {}; the log is replayed instead", name,
                 snap->seq, format);
    return std::nullopt;
  }
  snap->data.erase(0, format.size() + 1);
  return loaded_bytes{snap->seq, std::move(snap->data)};
}

}  // namespace gridcoord::actors
