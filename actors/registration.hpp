#pragma once
// actors/registration.hpp — registers every message type with CAF.
// Call on every node's actor_system_config before the system starts.
#include <caf/actor_system_config.hpp>

namespace gridcoord::actors {

void register_messages(caf::actor_system_config& cfg);

}  // namespace gridcoord::actors
