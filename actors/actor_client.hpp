#pragma once
// actors/actor_client.hpp — the client facade over a running coordinator.
//
// Calls are queued by ticket and a long-lived bridge actor sends each one to
// the coordinator with request_timeout; its answer goes to `done` on the
// bridge's thread. Nothing blocks the caller. (A bridge costs one message per
// call where spawning a one-shot actor per call cost ~4 % of the durable-append
// throughput; docs/benchmarks.md.)
// [Errors] Every `done` runs exactly once: with the answer, with the error, or
//          with errc::unavailable when the system stops before answering.
#include <functional>
#include <memory>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/client.hpp"
#include "actors/equipment_directory.hpp"
#include "actors/event_feed.hpp"
#include "actors/interfaces.hpp"
#include "actors/token_directory.hpp"

namespace gridcoord::actors {

struct client_handle {
  std::unique_ptr<client> api;
  caf::actor bridge;                // stop it with the other actors
  std::function<void()> close;      // after the actors stopped: answer every call unavailable
};

// `directory` answers client::authenticate and client::now (its clock); the equipment calls go to
// `registry`, and `equipment` answers client::equipment_view; the capacity,
// application and publication calls go to `capacity`; client::sla to `sla`;
// when_events_after waits on `publisher`.
client_handle make_actor_client(caf::actor_system& system, coordinator_actor coordinator,
                                std::shared_ptr<const token_directory> directory, registry_actor registry,
                                std::shared_ptr<const equipment_directory> equipment, capacity_actor capacity,
                                sla_actor sla, std::shared_ptr<log_publisher> publisher);

}  // namespace gridcoord::actors
