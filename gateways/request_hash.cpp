#include "gateways/request_hash.hpp"

#include <array>
#include <cstdint>

#include <fmt/format.h>
#include <sodium.h>

namespace gridcoord::gateways {

namespace {

void absorb(crypto_generichash_state& state, std::string_view part) {
  // An 8-byte little-endian length before each part keeps the parts apart.
  std::array<unsigned char, 8> length{};
  auto n = static_cast<std::uint64_t>(part.size());
  for (std::size_t i = 0; i < length.size(); ++i) length[i] = static_cast<unsigned char>(n >> (8 * i));
  crypto_generichash_update(&state, length.data(), length.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
}

}  // namespace

std::string request_hash(std::string_view method, std::string_view path, std::string_view body) {
  // sodium_init picks the fastest implementation; it is idempotent and thread-safe.
  static const bool sodium_ready = sodium_init() >= 0;
  (void)sodium_ready;
  std::array<unsigned char, 32> digest{};
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, digest.size());
  absorb(state, method);
  absorb(state, path);
  absorb(state, body);
  crypto_generichash_final(&state, digest.data(), digest.size());
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (unsigned char b : digest) fmt::format_to(std::back_inserter(hex), "{:02x}", b);
  return hex;
}

}  // namespace gridcoord::gateways
