#pragma once
// tests/support/await.hpp — calls an asynchronous actors::client member and
// waits for its answer (the answer's arrival, not a length of time).
#include <chrono>
#include <future>
#include <stdexcept>

#include "domain/error.hpp"

namespace gridcoord::testing {

// await<T>([&](auto done) { api.inbox(d, done); }) -> domain::expected<T>
template <class T, class Call>
domain::expected<T> await(Call&& call) {
  auto promise = std::make_shared<std::promise<domain::expected<T>>>();
  auto future = promise->get_future();
  call([promise](domain::expected<T> answer) { promise->set_value(std::move(answer)); });
  // A generous bound so that a lost reply fails the test instead of hanging it.
  if (future.wait_for(std::chrono::seconds(60)) != std::future_status::ready)
    throw std::runtime_error("no answer from the actor system within 60 s");
  return future.get();
}

}  // namespace gridcoord::testing
