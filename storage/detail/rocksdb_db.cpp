#include "storage/detail/rocksdb_db.hpp"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>

#include "storage/detail/encoding.hpp"

namespace gridcoord::storage::detail {
namespace {

constexpr std::size_t mib = std::size_t{1} << 20;

rocksdb::DBOptions db_options() {
  rocksdb::DBOptions o;
  o.create_if_missing = true;
  o.create_missing_column_families = true;
  o.paranoid_checks = true;
  // Refuse a WAL that is damaged before its last record; tolerate only a torn
  // last record (a write that was never acknowledged). The default,
  // kPointInTimeRecovery, would silently drop everything after the damage.
  o.wal_recovery_mode = rocksdb::WALRecoveryMode::kTolerateCorruptedTailRecords;
  o.max_background_jobs = 2;  // this machine has two cores
  o.db_write_buffer_size = 128 * mib;
  o.keep_log_file_num = 5;
  return o;
}

rocksdb::ColumnFamilyOptions family_options(std::size_t write_buffer,
                                            const std::shared_ptr<rocksdb::Cache>& cache,
                                            bool bloom) {
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  if (bloom) table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions o;
  o.write_buffer_size = write_buffer;
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return o;
}

// In the order of enum cf.
std::vector<rocksdb::ColumnFamilyDescriptor> families() {
  auto cache = rocksdb::NewLRUCache(64 * mib);
  return {
      {rocksdb::kDefaultColumnFamilyName, family_options(1 * mib, cache, false)},
      {"events", family_options(32 * mib, cache, false)},
      {"streams", family_options(16 * mib, cache, false)},
      {"idempotency", family_options(16 * mib, cache, true)},  // point lookups
      {"projections", family_options(4 * mib, cache, false)},
  };
}

bool contains(const rocksdb::Status& s, std::string_view text) {
  return s.ToString().find(text) != std::string::npos;
}

}  // namespace

expected<std::unique_ptr<database>> database::open(const std::string& path) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(db_options(), path, families(), &handles, &raw);
  if (!s.ok()) return fail_with(s, "opening the event log at " + path);
  std::unique_ptr<database> opened(new database(std::unique_ptr<rocksdb::DB>(raw), handles));
  if (status ok = opened->check_format(); !ok) return gridcoord::unexpected{ok.error()};
  return opened;
}

database::database(std::unique_ptr<rocksdb::DB> db,
                   std::vector<rocksdb::ColumnFamilyHandle*> handles)
    : db_(std::move(db)), handles_(std::move(handles)) {}

database::~database() {
  for (rocksdb::ColumnFamilyHandle* h : handles_) {
    // Fails only for DefaultColumnFamily(), which is not among the handles Open returned.
    db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  }
  // Nothing can be lost here: every acknowledged write is already in the synced WAL.
  db_->Close().PermitUncheckedError();
}

status database::check_format() {
  std::string version;
  rocksdb::Status s =
      db_->Get(rocksdb::ReadOptions(), handle(cf::meta), format_version_key, &version);
  rocksdb::WriteOptions sync;
  sync.sync = true;
  if (s.ok()) {
    if (version == format_version) return {};
    if (version != previous_format_version)
      return fail(errc::corruption, "unknown event log format version '" + version + "'");
    // Format 1 events still read; new ones carry an origin, which format-1
    // builds cannot read, so the store says so from now on.
    s = db_->Put(sync, handle(cf::meta), format_version_key, format_version);
    if (!s.ok()) return fail_with(s, "raising the format version");
    return {};
  }
  if (!s.IsNotFound()) return fail_with(s, "reading the format version");
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), handle(cf::events)));
  it->SeekToFirst();
  if (!it->status().ok()) return fail_with(it->status(), "checking for events");
  if (it->Valid()) return fail(errc::corruption, "event log without a format version");
  s = db_->Put(sync, handle(cf::meta), format_version_key, format_version);
  if (!s.ok()) return fail_with(s, "writing the format version");
  return {};
}

error to_error(const rocksdb::Status& s, std::string_view context) {
  error e{errc::io, std::string(context) + ": " + s.ToString()};
  if (s.IsCorruption()) {
    e.code = errc::corruption;
  } else if (s.IsNoSpace() || (s.IsIOError() && contains(s, "No space"))) {
    e.code = errc::no_space;
  } else if (s.IsBusy() || s.IsTryAgain()) {
    e.code = errc::busy;
  } else if (s.IsNotFound()) {
    e.code = errc::not_found;
  }
  return e;
}

}  // namespace gridcoord::storage::detail
