#pragma once
// cmd/gridctl/exit_codes.hpp — what gridctl's exit status means, in one table.
//
//   0  success (2xx)
//   1  gridctl itself failed unexpectedly (a bug; please report it)
//   2  usage: bad command line, bad argument, unreadable file, bad config file
//   3  authentication or authorization refused (401, 403)
//   4  the request was refused as invalid (400, 413, 415, 422, and any other
//      4xx not listed here, e.g. 405, 408, 431)
//   5  not found (404)
//   6  conflict (409)
//   7  server or connection trouble (5xx, 429, cannot connect, timeout, an
//      answer that is not HTTP or not the JSON expected)
// [Threading] Pure; safe from any thread.
#include <string_view>

namespace gridcoord::gridctl {

enum class exit_code : int {
  ok = 0,
  internal = 1,
  usage = 2,
  auth = 3,
  invalid = 4,
  not_found = 5,
  conflict = 6,
  server = 7,
};

// The exit code for an HTTP status (2xx -> ok).
exit_code exit_code_for_status(unsigned status) noexcept;

// The table above, as `gridctl --help` prints it.
std::string_view exit_code_help() noexcept;

constexpr int to_int(exit_code c) noexcept { return static_cast<int>(c); }

}  // namespace gridcoord::gridctl
