#pragma once
// actors/token_directory.hpp — the token book as the gateways read it.
//
// Every request is authenticated against this directory without a message
// round trip: the security actor replaces its content after each committed
// token event; readers take a shared lock for one hash and compare. A token
// past its expiry is refused by the runtime's clock (virtual in tests).
// [Threading] verify from any thread; replace from the security actor only.
#include <shared_mutex>

#include "domain/clock.hpp"
#include "domain/token_book.hpp"

namespace gridcoord::actors {

class token_directory {
 public:
  // REQUIRES: `clock` outlives the directory.
  token_directory(domain::token_book book, const domain::clock& clock) : book_(std::move(book)), clock_(&clock) {}

  [[nodiscard]] domain::expected<domain::principal> verify(std::string_view bearer) const {
    auto now = clock_->now();
    std::shared_lock lock(mutex_);
    return book_.verify(bearer, now);
  }

  domain::time_point now() const { return clock_->now(); }

  void replace(domain::token_book book) {
    std::unique_lock lock(mutex_);
    book_ = std::move(book);
  }

 private:
  mutable std::shared_mutex mutex_;
  domain::token_book book_;
  const domain::clock* clock_;
};

}  // namespace gridcoord::actors
