#pragma once
// bench/support.hpp — small helpers the benchmarks share: waiting for a
// facade call's answer, a percentile, and issuing a token.
#include <algorithm>
#include <cmath>
#include <future>
#include <string>
#include <vector>

#include "actors/client.hpp"
#include "domain/error.hpp"

namespace gridcoord::bench {

// Makes the asynchronous call `call(done)` and waits for its answer.
template <class T, class Call>
domain::expected<T> wait_for(Call call) {
  std::promise<domain::expected<T>> p;
  auto f = p.get_future();
  call([&p](domain::expected<T> r) { p.set_value(std::move(r)); });
  return f.get();
}

// The p-quantile (0 < p ≤ 1) of `v`, nearest rank; 0 for none.
inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

// A token of `role` issued through the facade, or the error.
inline domain::expected<std::string> issue_token(actors::client& api, const std::string& role) {
  auto issued = wait_for<domain::issued_token>(
      [&](auto done) { api.create_token({role, "bench " + role, "bench", "", {}}, done); });
  if (!issued) return unexpected{issued.error()};
  return issued->token;
}

}  // namespace gridcoord::bench
