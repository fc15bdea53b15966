#pragma once
// domain/clock.hpp — time as a port.
//
// Production reads the system clock; tests and the scenario simulator use a
// manual_clock that only moves when told, so a month of deadlines runs in
// milliseconds and no test sleeps.
// [Threading] Both clocks are safe to read and (manual) advance from any thread.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <string>

namespace gridcoord::domain {

using time_point = std::chrono::sys_time<std::chrono::microseconds>;

class clock {
 public:
  virtual ~clock() = default;
  virtual time_point now() const = 0;
};

class system_clock final : public clock {
 public:
  time_point now() const override {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  }
};

class manual_clock final : public clock {
 public:
  explicit manual_clock(time_point start) : now_(start.time_since_epoch().count()) {}
  time_point now() const override { return time_point{std::chrono::microseconds{now_.load()}}; }
  void advance(std::chrono::microseconds by) { now_ += by.count(); }
  void set(time_point t) { now_ = t.time_since_epoch().count(); }

 private:
  std::atomic<std::int64_t> now_;
};

// RFC 3339 in UTC with microseconds and a "Z": "2026-10-05T08:30:00.000000Z".
std::string format_rfc3339(time_point t);

// Parses RFC 3339 with "Z" or an offset ("2026-10-05T16:30:00+08:00"): each
// field of two digits (the year of four), a fraction of a second optional (up
// to 6 digits); nullopt for anything else ("2026-1-7T5:9:7Z", "+2026-…").
std::optional<time_point> parse_rfc3339(std::string_view text);

}  // namespace gridcoord::domain
