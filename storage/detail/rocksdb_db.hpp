#pragma once
// storage/detail/rocksdb_db.hpp — the RocksDB database under rocksdb_store:
// tuning, column families, format check and Status conversion.
//
// Internal: the only storage header that includes RocksDB; never include it
// from a public header.
// [Threading] A database is safe to use from any thread (RocksDB's guarantee);
//             open() and the destructor are not concurrent with anything.
// [Errors]    to_error() maps a Status onto errc (see docs/storage.md).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <rocksdb/db.h>

#include "storage/error.hpp"

namespace gridcoord::storage::detail {

// Column families, in the order they are opened.
enum class cf : std::size_t { meta = 0, events, streams, idempotency, projections };

class database {
 public:
  // Opens or creates the database at `path` with every column family, then
  // checks the format version (writing it into a new database).
  [[nodiscard]] static expected<std::unique_ptr<database>> open(const std::string& path);

  ~database();  // destroys the column family handles, then closes the database
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  rocksdb::DB& db() const noexcept { return *db_; }
  rocksdb::ColumnFamilyHandle* handle(cf family) const noexcept {
    return handles_[static_cast<std::size_t>(family)];
  }

 private:
  database(std::unique_ptr<rocksdb::DB> db, std::vector<rocksdb::ColumnFamilyHandle*> handles);
  [[nodiscard]] status check_format();

  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
};

// `context` says what was being done ("reading event 42").
[[nodiscard]] error to_error(const rocksdb::Status& s, std::string_view context);

inline gridcoord::unexpected<error> fail_with(const rocksdb::Status& s, std::string_view context) {
  return gridcoord::unexpected<error>{to_error(s, context)};
}

}  // namespace gridcoord::storage::detail
