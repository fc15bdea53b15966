#pragma once
// actors/equipment_directory.hpp — the equipment registry as the gateways read it.
//
// Reports are checked against the equipment they name without a message
// round trip: the registry actor replaces the content after each committed
// import; a reader takes the current registry (a shared, immutable copy) and
// keeps it as long as it needs.
// [Threading] current() from any thread; replace() from the registry actor only.
#include <memory>
#include <mutex>

#include "domain/equipment.hpp"

namespace gridcoord::actors {

class equipment_directory {
 public:
  explicit equipment_directory(domain::equipment_registry registry)
      : current_(std::make_shared<const domain::equipment_registry>(std::move(registry))) {}

  std::shared_ptr<const domain::equipment_registry> current() const {
    std::lock_guard lock(mutex_);
    return current_;
  }

  void replace(domain::equipment_registry registry) {
    auto next = std::make_shared<const domain::equipment_registry>(std::move(registry));
    std::lock_guard lock(mutex_);
    current_ = std::move(next);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const domain::equipment_registry> current_;
};

}  // namespace gridcoord::actors
