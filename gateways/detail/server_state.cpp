#include "gateways/detail/server_state.hpp"

namespace gridcoord::gateways::detail {

admittance server_state::admit(const std::shared_ptr<connection>& s, const std::string& address) {
  std::lock_guard lock(mutex_);
  if (stopping_ || sessions_.size() >= limits_.max_connections + limits_.reserved_connections)
    return admittance::refused;
  auto& from_address = per_address_[address];
  if (limits_.max_connections_per_address > 0 && from_address >= limits_.max_connections_per_address) {
    if (from_address == 0) per_address_.erase(address);
    return admittance::refused;
  }
  bool reserve = sessions_.size() >= limits_.max_connections;
  ++from_address;
  sessions_.emplace(s.get(), open_connection{s, address});
  return reserve ? admittance::reserve : admittance::served;
}

void server_state::forget(const connection* s) noexcept {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(s);
  if (it == sessions_.end()) return;
  auto count = per_address_.find(it->second.address);
  if (count != per_address_.end() && --count->second == 0) per_address_.erase(count);
  sessions_.erase(it);
}

std::vector<std::shared_ptr<connection>> server_state::begin_stop() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  std::vector<std::shared_ptr<connection>> open;
  for (auto& [ptr, entry] : sessions_)
    if (auto s = entry.session.lock()) open.push_back(std::move(s));
  return open;
}

bool server_state::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

}  // namespace gridcoord::gateways::detail
