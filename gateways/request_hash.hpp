#pragma once
// gateways/request_hash.hpp — the digest that tells an idempotent replay from a
// reused idempotency key.
//
// BLAKE2b-256 (libsodium's crypto_generichash) of method, path and body, each
// length-prefixed so that no two different triples hash the same text. Stable
// across processes, builds and platforms (unlike std::hash), so a digest stored
// in the log still matches after a restart.
// [Threading] Pure; safe from any thread.
#include <string>
#include <string_view>

namespace gridcoord::gateways {

// 64 lowercase hex digits.
std::string request_hash(std::string_view method, std::string_view path, std::string_view body);

}  // namespace gridcoord::gateways
