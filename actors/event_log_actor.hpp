#pragma once
// actors/event_log_actor.hpp — the owner of the event store.
//
// Appends go to the store's group-commit writer; the reply is sent when the
// writer reports the batch durable (it tells this actor with commit_done, so
// promises are only touched on the actor's own thread). Reads are bounded by
// max_read_events (and, when a read asks, by its max_bytes) and served from
// the store directly.
// [Threading] The store must outlive the actor.
#include <unordered_map>

#include <caf/typed_event_based_actor.hpp>
#include <caf/typed_response_promise.hpp>

#include "actors/interfaces.hpp"
#include "storage/event_store.hpp"

namespace gridcoord::actors {

inline constexpr std::uint64_t max_read_events = 1000;

struct event_log_state {
  storage::event_store* store = nullptr;
  std::uint64_t next_ticket = 1;
  // Appends handed to the store and not yet reported durable, by ticket.
  std::unordered_map<std::uint64_t, caf::typed_response_promise<storage::append_result>> pending;
  static inline const char* name = "event_log";
};

event_log_actor::behavior_type event_log(event_log_actor::stateful_pointer<event_log_state> self,
                                         storage::event_store* store);

}  // namespace gridcoord::actors
