#include "gateways/detail/server_state.hpp"

namespace gridcoord::gateways::detail {

bool server_state::admit(const std::shared_ptr<connection>& s) {
  std::lock_guard lock(mutex_);
  if (stopping_ || sessions_.size() >= limits_.max_connections) return false;
  sessions_.emplace(s.get(), s);
  return true;
}

void server_state::forget(const connection* s) noexcept {
  std::lock_guard lock(mutex_);
  sessions_.erase(s);
}

std::vector<std::shared_ptr<connection>> server_state::begin_stop() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  std::vector<std::shared_ptr<connection>> open;
  for (auto& [ptr, weak] : sessions_)
    if (auto s = weak.lock()) open.push_back(std::move(s));
  return open;
}

bool server_state::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

}  // namespace gridcoord::gateways::detail
