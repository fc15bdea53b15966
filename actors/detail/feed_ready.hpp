#pragma once
// actors/detail/feed_ready.hpp — the `ready` callback of a projection actor's
// feed (actors/event_feed.hpp): it sends the actor feed_ready, holding only a
// weak reference, so a feed never keeps a stopped actor alive.
#include <functional>

#include <caf/actor_cast.hpp>
#include <caf/send.hpp>

#include "actors/messages.hpp"

namespace gridcoord::actors::detail {

template <class Self>
std::function<void()> feed_ready_sender(Self* self) {
  auto weak = caf::actor_cast<caf::weak_actor_ptr>(static_cast<caf::abstract_actor*>(self));
  return [weak] {
    if (auto strong = weak.lock()) caf::anon_send(caf::actor_cast<caf::actor>(strong), feed_ready{});
  };
}

}  // namespace gridcoord::actors::detail
