#pragma once
// actors/registry_actor.hpp — owns the equipment registry.
//
// An import is checked as a whole against the registry as it stands, logged
// as one "equipment.imported" event, applied, and answered with its receipt
// once durable; then the directory the gateways check reports against is
// replaced. Imports run one at a time (the actor awaits the log), so each is
// checked against everything committed before it. With an idempotency key,
// a repeat with the same request hash answers the first receipt (replayed),
// another body is a conflict.
// [Threading] State is touched only by the actor; the clock is shared, read-only.
// [Errors]    validation_failed with every issue; not_found for an unknown id;
//             conflict for a reused idempotency key; the log's failures as they come.
#include <memory>

#include <caf/typed_event_based_actor.hpp>

#include "actors/equipment_directory.hpp"
#include "actors/interfaces.hpp"
#include "domain/clock.hpp"
#include "domain/equipment.hpp"

namespace gridcoord::actors {

struct registry_state {
  domain::equipment_registry registry;
  event_log_actor log;
  const domain::clock* clock = nullptr;
  std::shared_ptr<equipment_directory> directory;
  static inline const char* name = "registry";
};

using registry_pointer = registry_actor::stateful_pointer<registry_state>;

registry_actor::behavior_type registry(registry_pointer self, domain::equipment_registry recovered,
                                       event_log_actor log, const domain::clock* clock,
                                       std::shared_ptr<equipment_directory> directory);

}  // namespace gridcoord::actors
