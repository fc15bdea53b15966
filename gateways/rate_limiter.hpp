#pragma once
// gateways/rate_limiter.hpp — a token bucket per caller.
//
// Each key (a token id) may spend `burst` requests at once and regains `rate`
// requests per second. admit() takes the time as an argument, so tests drive
// it without waiting.
// [Threading] admit() is safe from any thread (one mutex; a map lookup).
// [Limits]    Keys are the ids of valid tokens, so the map is bounded by the
//             number of tokens issued.
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gridcoord::gateways {

class rate_limiter {
 public:
  using clock = std::chrono::steady_clock;

  // rate 0 admits everything.
  rate_limiter(double rate_per_second, double burst) : rate_(rate_per_second), burst_(burst) {}

  // Whether `key` may make a request at `now`; when not, `retry_after` is how
  // long until it may.
  bool admit(std::string_view key, clock::time_point now, std::chrono::milliseconds& retry_after);

 private:
  struct bucket {
    double tokens = 0;
    clock::time_point at;
  };
  const double rate_;
  const double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, bucket> buckets_;
};

}  // namespace gridcoord::gateways
