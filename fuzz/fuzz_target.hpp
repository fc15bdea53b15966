#pragma once
// fuzz/fuzz_target.hpp — what every fuzz target shares.
//
// A target is one file defining LLVMFuzzerTestOneInput: it hands the input to
// the real parsing entry points, as the server would, and checks what their
// contracts promise (a round trip, UTF-8 out). The same file is built twice:
// by tools/fuzz with clang, libFuzzer, ASan and UBSan (fuzz/CMakeLists.txt,
// GRIDCOORD_FUZZ=ON), and by the normal build with fuzz/replay_main.cpp, which
// replays the target's corpus as a quick ctest (label fuzz-replay).
// [Errors]  A broken promise is a finding: check() prints it and aborts, which
//           libFuzzer records as a crash with its input.
// [Threading] A target is called from one thread at a time.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace gridcoord::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts with `what` when `ok` is false: the code under test broke its contract.
inline void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz: contract broken: %s\n", what);
  std::abort();
}

}  // namespace gridcoord::fuzz
