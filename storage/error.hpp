#pragma once
// storage/error.hpp — the storage component's one error type.
//
// RocksDB statuses are converted at storage's edge into these codes, keeping
// what a caller acts on: retry later (busy), stop (corruption, io, no_space),
// or answer the client (not_found, too_large). No RocksDB type leaves storage/.
#include <string>

#include "common/expected.hpp"

namespace gridcoord::storage {

enum class errc {
  not_found = 1,   // no such event, record or snapshot
  too_large,       // request beyond the limits in event_store.hpp
  closed,          // the store was closed; nothing was written
  busy,            // transient; the same call may succeed later
  corruption,      // the data on disk is damaged; refuse to go on
  io,              // the operating system failed a read or write
  no_space,        // the disk is full
  invalid,         // bad argument or unreadable stored record
};

struct error {
  errc code = errc::io;
  std::string message;
};

// A readable name for a code ("not_found", ...).
const char* to_string(errc code) noexcept;

template <class T>
using expected = gridcoord::expected<T, error>;
using status = gridcoord::expected<void, error>;

inline gridcoord::unexpected<error> fail(errc code, std::string message = {}) {
  return gridcoord::unexpected<error>{error{code, std::move(message)}};
}

}  // namespace gridcoord::storage
