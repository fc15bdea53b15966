#pragma once
// actors/actor_client.hpp — the client facade over a running coordinator.
//
// Each call spawns a short-lived actor that sends one request to the
// coordinator with request_timeout and hands the answer to `done`; nothing
// blocks the caller.
#include <memory>

#include <caf/actor_system.hpp>

#include "actors/client.hpp"
#include "actors/interfaces.hpp"

namespace gridcoord::actors {

std::unique_ptr<client> make_actor_client(caf::actor_system& system, coordinator_actor coordinator);

}  // namespace gridcoord::actors
