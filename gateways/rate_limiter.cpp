#include "gateways/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace gridcoord::gateways {

bool rate_limiter::admit(std::string_view key, clock::time_point now,
                         std::chrono::milliseconds& retry_after) {
  if (rate_ <= 0) return true;
  std::lock_guard lock(mutex_);
  auto [it, fresh] = buckets_.try_emplace(std::string(key), bucket{burst_, now});
  auto& b = it->second;
  if (!fresh) {
    double elapsed = std::chrono::duration<double>(now - b.at).count();
    b.tokens = std::min(burst_, b.tokens + std::max(0.0, elapsed) * rate_);
    b.at = std::max(b.at, now);
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  retry_after = std::chrono::milliseconds(static_cast<long>(std::ceil((1 - b.tokens) / rate_ * 1000)));
  return false;
}

}  // namespace gridcoord::gateways
