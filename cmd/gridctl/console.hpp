#pragma once
// cmd/gridctl/console.hpp — what a gridctl run reads from and writes to: the
// process's streams, environment and clock in main(); string streams, a map
// and a recording stand-in in tests.
// [Threading] One run at a time per console.
#include <chrono>
#include <functional>
#include <istream>
#include <ostream>

#include "cmd/gridctl/connection.hpp"

namespace gridcoord::gridctl {

struct console {
  std::istream& in;   // "-" files
  std::ostream& out;  // answers
  std::ostream& err;  // errors, warnings, progress
  env_lookup env;
  // Waits before a retry (a 429's Retry-After); empty: std::this_thread::sleep_for.
  std::function<void(std::chrono::milliseconds)> sleep;
};

}  // namespace gridcoord::gridctl
