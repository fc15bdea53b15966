#pragma once
// tests/storage/raw_rocksdb.hpp — reach under the store to damage what it wrote.
//
// Tests only: opens a closed store's directory with plain RocksDB, or
// overwrites bytes of its files, to check that the store refuses what it finds.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <rocksdb/db.h>

namespace gridcoord::storage::test {

// Puts `value` under `key` in column family `family` of the closed store at
// `path` (creating the database if there is none).
inline bool put_raw(const std::string& path, const std::string& family, const std::string& key,
                    const std::string& value) {
  const std::vector<std::string> names = {rocksdb::kDefaultColumnFamilyName, "events", "streams",
                                          "idempotency", "projections"};
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const auto& n : names) families.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  rocksdb::DB* db = nullptr;
  if (!rocksdb::DB::Open(options, path, families, &handles, &db).ok()) return false;
  std::size_t index = 0;
  while (index < names.size() && names[index] != family) ++index;
  rocksdb::WriteOptions sync;
  sync.sync = true;
  const bool ok = index < names.size() && db->Put(sync, handles[index], key, value).ok();
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  db->Close().PermitUncheckedError();
  delete db;
  return ok;
}

// Overwrites `length` bytes in the middle of every file in `dir` whose name
// ends with `suffix`; returns how many files it damaged.
inline int damage_files(const std::filesystem::path& dir, const std::string& suffix,
                        std::size_t length = 64) {
  int damaged = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(suffix)) continue;
    const auto size = std::filesystem::file_size(entry.path());
    if (size < 2 * length) continue;
    std::fstream file(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(size / 2));
    const std::string garbage(length, '\xA5');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    damaged += file.good() ? 1 : 0;
  }
  return damaged;
}

}  // namespace gridcoord::storage::test
