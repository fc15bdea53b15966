#pragma once
// actors/capacity_messages.hpp — the messages of the capacity actor
// (actors/capacity_actor.hpp); the requests the client facade also carries are
// in actors/capacity_requests.hpp.
//
// The capacity actor runs in the gateway's process (it answers queries from
// the model it keeps in memory), so its answers never cross a node: they are
// declared local-only with CAF_ALLOW_UNSAFE_MESSAGE_TYPE instead of carrying
// inspect functions. Move the actor to a node of its own only after giving
// these types inspectors (as actors/detail/inspect_cycle.hpp does).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <caf/allowed_unsafe_message_type.hpp>

#include "actors/capacity_requests.hpp"
#include "domain/capacity/model.hpp"
#include "domain/publication/publication.hpp"

namespace gridcoord::actors {

// The capacity of a point in a month, or in every month of the horizon from it.
struct capacity_query {
  std::string point;
  domain::month period{};
  bool horizon = false;
};

struct precheck_query {
  domain::capacity::precheck_request request;
};

struct constrained_query {
  domain::capacity::constrained_filter filter;
};

struct heat_map_query {
  domain::month period{};
};

// A publication by number; 0: the latest.
struct publication_get {
  std::uint32_t number = 0;
};

// Issue the scheduled publication if it is due now (runtime::check_publication;
// tests drive the clock with it). Answers what it issued: none or one.
struct publication_check {};

// Internal: the publication clock's wake-up.
struct publication_wake {
  std::uint64_t generation = 0;
};

// Internal: a delivery thread reporting back.
struct publication_delivered {
  std::uint32_t number = 0;
  bool ok = false;
  std::string message;  // why not, when !ok
};

}  // namespace gridcoord::actors

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::capacity_query)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::precheck_query)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::constrained_query)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::heat_map_query)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::application_command)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::application_outcome)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::application_get)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::application_list)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::publication_issue)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::publication_receipt)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::publication_get)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::publication_wake)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::publication_check)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<gridcoord::domain::capacity::publication>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::actors::publication_delivered)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<gridcoord::domain::capacity::point_capacity>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::domain::capacity::precheck_result)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::domain::capacity::constrained_page)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<gridcoord::domain::capacity::region_heat>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::domain::capacity::application)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<gridcoord::domain::capacity::application>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(gridcoord::domain::capacity::publication)
