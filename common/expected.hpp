#pragma once
// common/expected.hpp — a value or the error that kept it from being produced.
//
// A small stand-in for C++23's std::expected (g++ 12 in C++20 mode has none),
// with the same spelling so that a later switch is mechanical. Each component
// instantiates it with its own error type: storage::expected<T>,
// domain::expected<T>, ...
//
// [Errors] value() on an error, or error() on a value, is a programming error:
//          it asserts in debug builds and is undefined behaviour otherwise.
#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace gridcoord {

template <class E>
struct unexpected {
  E value;
};
template <class E>
unexpected(E) -> unexpected<E>;

template <class T, class E>
class [[nodiscard]] expected {
 public:
  expected()
    requires std::is_default_constructible_v<T>
  = default;
  expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  expected(unexpected<E> err) : state_(std::in_place_index<1>, std::move(err.value)) {}  // NOLINT

  bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T& value() & { assert(has_value()); return std::get<0>(state_); }
  const T& value() const& { assert(has_value()); return std::get<0>(state_); }
  T&& value() && { assert(has_value()); return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const E& error() const { assert(!has_value()); return std::get<1>(state_); }
  E& error() { assert(!has_value()); return std::get<1>(state_); }

 private:
  std::variant<T, E> state_;
};

template <class E>
class [[nodiscard]] expected<void, E> {
 public:
  expected() = default;
  expected(unexpected<E> err) : error_(std::move(err.value)), ok_(false) {}  // NOLINT

  bool has_value() const noexcept { return ok_; }
  explicit operator bool() const noexcept { return ok_; }
  const E& error() const { assert(!ok_); return error_; }

 private:
  E error_{};
  bool ok_ = true;
};

// Drops an error on purpose. `why` documents the reason at the call site and
// makes every such place searchable (grep "ignore_error").
template <class T, class E>
void ignore_error(expected<T, E>&& result, const char* why) noexcept {
  (void)result;
  (void)why;
}

}  // namespace gridcoord
